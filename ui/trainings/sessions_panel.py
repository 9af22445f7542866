"""The Sessions sub-tab: the event's days or parts of days; add, edit, remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_number, format_short_date, format_time
from app.services import event_editing, event_pickers, evidence
from app.services.event_editing import EventData, SessionData
from ui.context import AppContext
from ui.trainings.panel_base import (
    EventPanel,
    button_bar,
    fill_table,
    make_table,
    open_dialog,
    selected_ids,
)
from ui.trainings.session_dialog import SessionDialog, next_session_date
from ui.widgets import ask

HEADERS = (N_("No."), N_("Date"), N_("Time"), N_("Hours"), N_("Topic"), N_("Trainer"),
           N_("Signed sheet"))


def time_range(s: SessionData) -> str:
    if s.starts_at and s.ends_at:
        return _("{start}–{end}").format(start=format_time(s.starts_at),
                                          end=format_time(s.ends_at))
    return format_time(s.starts_at)


class SessionsPanel(EventPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("sessions_panel")
        self.sessions: list[SessionData] = []
        self.event_data: EventData | None = None
        self.dialog: SessionDialog | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("sessions_summary")
        self.table = make_table(self, "sessions", multi=False)
        self.table.doubleClicked.connect(lambda _i: self.edit_session())
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_session")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit_session")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_session")
        self.add_button.clicked.connect(self.add_session)
        self.edit_button.clicked.connect(self.edit_session)
        self.remove_button.clicked.connect(self.remove_session)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = button_bar(self, (self.add_button, self.edit_button, self.remove_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def load(self) -> None:
        if not self.event_id:
            self.sessions, self.event_data = [], None
            fill_table(self.table, [_(h) for h in HEADERS], [])
            self.summary.clear()
            self._update_buttons()
            return
        self.event_data = event_editing.get_event_data(self.ctx.db, self.event_id)
        self.sessions = event_editing.sessions(self.ctx.db, self.event_id)
        names = event_pickers.person_labels(self.ctx.db,
                                            [s.trainer_id for s in self.sessions if s.trainer_id])
        sheets = evidence.sheet_counts(self.ctx.db, [s.id or "" for s in self.sessions])
        rows = [(s.id, (str(s.number), format_short_date(s.date), time_range(s),
                        format_number(s.hours), s.topic, names.get(s.trainer_id or "", ""),
                        ngettext("{n} file", "{n} files", sheets[s.id or ""]).format(
                            n=sheets[s.id or ""]) if s.id in sheets else ""))
                for s in self.sessions]
        fill_table(self.table, [_(h) for h in HEADERS], rows, right=(0, 3))
        hours = sum(s.hours for s in self.sessions)
        self.summary.setText(ngettext(
            "{n} session; hours in all: {hours}", "{n} sessions; hours in all: {hours}",
            len(self.sessions)).format(n=len(self.sessions), hours=format_number(hours))
            if self.sessions else _("No sessions planned yet. Add the days or parts of days "
                                     "of the event with their hours, topic and trainer."))
        self._update_buttons()

    def retranslate_texts(self) -> None:
        self.add_button.setText(_("Add session…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.event_data is not None)
        chosen = bool(selected_ids(self.table))
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def current(self) -> SessionData | None:
        ids = selected_ids(self.table)
        return next((s for s in self.sessions if ids and s.id == ids[0]), None)

    def add_session(self) -> SessionDialog | None:
        if self.event_data is None:
            return None
        date = next_session_date(self.event_data, self.sessions)
        dialog = SessionDialog(self.ctx, self.event_data, None, date, self)
        open_dialog(self, dialog, self.load)
        return dialog

    def edit_session(self) -> SessionDialog | None:
        session = self.current()
        if self.event_data is None or session is None:
            return None
        dialog = SessionDialog(self.ctx, self.event_data, session, None, self)
        open_dialog(self, dialog, self.load)
        return dialog

    def remove_session(self) -> None:
        session = self.current()
        if session is None:
            return
        text = _("Remove session {n} ({date})? Attendance marked for it no longer counts."
                 ).format(n=session.number, date=format_short_date(session.date))
        if not ask.confirm(self, _("Remove session"), text, _("Remove"), danger=True):
            return
        changes = self.call(lambda: event_editing.remove_session(self.ctx.db, session.id or ""))
        if changes is not None:
            self.publish(changes)
            self.load()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current():
            self.edit_session()
            return
        super().keyPressEvent(event)
