"""The selected event's page: Overview, Sessions, Participants, Attendance, Certificates.

Only the sub-tab shown reads its data; the others are marked stale and read when shown, so a
mark in the attendance grid does not re-read five tabs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from app.errors import UserError
from app.i18n import N_, _
from ui.context import AppContext
from ui.tabs.detail import DetailView
from ui.trainings.attendance_panel import AttendancePanel
from ui.trainings.certificates_panel import CertificatesPanel
from ui.trainings.panel_base import EventPanel
from ui.trainings.registrations_panel import RegistrationsPanel
from ui.trainings.sessions_panel import SessionsPanel

PAGES = ("overview", "sessions", "participants", "attendance", "certificates")
TITLES = {"overview": N_("Overview"), "sessions": N_("Sessions"),
          "participants": N_("Participants"), "attendance": N_("Attendance"),
          "certificates": N_("Certificates")}


class EventPage(QTabWidget):
    def __init__(self, ctx: AppContext, detail: DetailView,
                 load_overview: Callable[[str | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_page")
        self.setDocumentMode(True)
        self.ctx = ctx
        self.event_id: str | None = None
        self.overview = detail
        self.load_overview = load_overview
        self.sessions = SessionsPanel(ctx, self)
        self.participants = RegistrationsPanel(ctx, self)
        self.attendance = AttendancePanel(ctx, self)
        self.certificates = CertificatesPanel(ctx, self)
        self.panels: dict[str, EventPanel] = {
            "sessions": self.sessions, "participants": self.participants,
            "attendance": self.attendance, "certificates": self.certificates}
        self.addTab(detail, "")
        for name in PAGES[1:]:
            self.addTab(self.panels[name], "")
        self._stale: set[str] = set()
        self.currentChanged.connect(lambda _i: self._load_current())
        self.retranslate_titles()
        self.tabBar().setVisible(False)

    def page(self) -> str:
        return PAGES[max(0, self.currentIndex())]

    def show_page(self, name: str) -> None:
        self.setCurrentIndex(PAGES.index(name))

    def set_event(self, event_id: str | None) -> None:
        """Show another event (or none); the sub-tabs are read again as they are shown."""
        changed = event_id != self.event_id
        self.event_id = event_id
        self.tabBar().setVisible(event_id is not None)
        for name in PAGES[1:]:
            self.setTabVisible(PAGES.index(name), event_id is not None)
        if event_id is None:
            self.setCurrentIndex(0)
        if changed:
            for panel in self.panels.values():
                panel.event_id = event_id
        self.reload()

    def reload(self) -> None:
        """Read the shown sub-tab again now and the others when they are shown."""
        self._stale = set(PAGES)
        self._load_current()

    def _load_current(self) -> None:
        name = self.page()
        if name in self._stale:
            self._stale.discard(name)
            try:
                if name == "overview":
                    self.load_overview(self.event_id)
                else:
                    self.panels[name].load()
            except UserError as exc:  # e.g. the event was removed by an import meanwhile
                self.overview.show_placeholder(exc.text())
                self.setCurrentIndex(0)

    def retranslate_titles(self) -> None:
        for i, name in enumerate(PAGES):
            self.setTabText(i, _(TITLES[name]))

    def retranslate(self) -> None:
        self.retranslate_titles()
        for panel in self.panels.values():
            panel.retranslate_texts()
        self.reload()
