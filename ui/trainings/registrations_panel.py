"""The Participants sub-tab: registrations, status changes, the waiting list, import, export."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_short_date
from app.services import registrations
from app.services.events import get_event
from app.services.registrations import RegistrationData
from app.services.results import Changes
from ui.context import AppContext
from ui.trainings import labels
from ui.trainings.panel_base import (
    EventPanel,
    button_bar,
    fill_table,
    make_table,
    open_dialog,
    selected_ids,
)

HEADERS = (N_("Name"), N_("Organisation"), N_("Status"), N_("Waiting list"),
           N_("Registered on"), N_("Language"))


class RegistrationsPanel(EventPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("registrations_panel")
        self.rows: list[RegistrationData] = []
        self.dialog: Any = None  # the dialog opened last (tests drive it)
        self.summary = QLabel(self)
        self.summary.setObjectName("registrations_summary")
        self.summary.setWordWrap(True)
        self.table = make_table(self, "registrations")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_participant")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import_list")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_list")
        self.status_button = QToolButton(self)
        self.status_button.setObjectName("set_status")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self)
        self.status_button.setMenu(self.status_menu)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_registration")
        self.add_button.clicked.connect(self.add_participant)
        self.import_button.clicked.connect(self.import_list)
        self.export_button.clicked.connect(self.export_list)
        self.cancel_button.clicked.connect(lambda: self.set_status("cancelled"))
        self.status_actions: dict[str, QAction] = {}
        for code in labels.SETTABLE:
            act = QAction(self)
            act.setObjectName(f"status_{code}")
            act.triggered.connect(lambda _c=False, s=code: self.set_status(s))
            self.status_actions[code] = act
            self.status_menu.addAction(act)
        buttons = button_bar(self, (self.add_button, self.import_button, self.status_button,
                                    self.cancel_button, self.export_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate()

    # -- reading --------------------------------------------------------------------------------

    def load(self) -> None:
        if not self.event_id:
            self.rows = []
            fill_table(self.table, [_(h) for h in HEADERS], [])
            self.summary.clear()
            self._update_buttons()
            return
        detail = get_event(self.ctx.db, self.event_id)
        self.rows = registrations.registrations(self.ctx.db, self.event_id)
        fill_table(self.table, [_(h) for h in HEADERS], [
            (r.id, (r.person_name, r.organisation_name, labels.registration_status(r.status),
                    str(r.waitlist_position) if r.status == "waiting" and r.waitlist_position
                    else "", format_short_date(r.registered_on),
                    labels.language(r.preferred_language)))
            for r in self.rows], right=(3,))
        self.summary.setText(self._summary(detail.capacity))
        self._update_buttons()

    def _summary(self, capacity: int | None) -> str:
        holding = sum(1 for r in self.rows if r.status in registrations.HOLDS_A_PLACE)
        waiting = sum(1 for r in self.rows if r.status == "waiting")
        cancelled = sum(1 for r in self.rows if r.status == "cancelled")
        if not self.rows:
            return _("Nobody is registered yet. Add people from the registry, make a new "
                     "person, or import a list from a spreadsheet.")
        parts = [ngettext("{n} registered", "{n} registered", holding).format(n=holding)
                 if capacity is None else
                 ngettext("{registered} registered of {capacity} place",
                          "{registered} registered of {capacity} places", capacity).format(
                     registered=holding, capacity=capacity)]
        if waiting:
            parts.append(ngettext("{n} on the waiting list", "{n} on the waiting list",
                                  waiting).format(n=waiting))
        if cancelled:
            parts.append(ngettext("{n} cancelled", "{n} cancelled", cancelled).format(
                n=cancelled))
        return " · ".join(parts)

    def retranslate_texts(self) -> None:
        self.add_button.setText(_("Add participant…"))
        self.import_button.setText(_("Import list…"))
        self.export_button.setText(_("Export list…"))
        self.status_button.setText(_("Set status"))
        self.cancel_button.setText(_("Cancel registration"))
        for code, act in self.status_actions.items():
            act.setText(_("Move to the waiting list") if code == "waiting"
                        else labels.registration_status(code))

    def _update_buttons(self) -> None:
        has_event = self.event_id is not None
        chosen = bool(selected_ids(self.table))
        for w in (self.add_button, self.import_button, self.export_button):
            w.setEnabled(has_event)
        self.status_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen)

    def selected(self) -> list[RegistrationData]:
        ids = set(selected_ids(self.table))
        return [r for r in self.rows if r.id in ids]

    # -- changing -------------------------------------------------------------------------------

    def set_status(self, status: str) -> list[str]:
        """Give the selected registrations a status; return the ids promoted from waiting."""
        changes, promoted = Changes(), []
        for reg in self.selected():
            if reg.status == status:
                continue
            saved = self.call(partial(registrations.set_status, self.ctx.db, reg.id, status))
            if saved is None:
                break
            changes |= saved.changes
            promoted += saved.value
        if promoted:
            self.ctx.bus.status_message.emit(ngettext(
                "{n} person moved up from the waiting list.",
                "{n} people moved up from the waiting list.", len(promoted)).format(
                    n=len(promoted)))
        self.publish(changes)
        self.load()
        return promoted

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected():
            return
        menu = QMenu(self)
        for act in self.status_actions.values():
            menu.addAction(act)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # The dialogs load when first opened: the tab starts faster without them.
    def add_participant(self) -> None:
        from ui.trainings.add_participant import AddParticipantDialog

        if self.event_id:
            dialog = AddParticipantDialog(self.ctx, self.event_id, self)
            dialog.finished.connect(lambda _r: self.load())
            open_dialog(self, dialog)

    def import_list(self) -> None:
        from ui.trainings.import_wizard import ImportWizard

        if self.event_id:
            dialog = ImportWizard(self.ctx, self.event_id, self)
            dialog.finished.connect(lambda _r: self.load())
            open_dialog(self, dialog)

    def export_list(self) -> None:
        from ui.trainings.export_dialog import ExportDialog

        if self.event_id:
            code = get_event(self.ctx.db, self.event_id).code
            open_dialog(self, ExportDialog(self.ctx, self.event_id, code, self))

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Delete) and self.selected():
            self.set_status("cancelled")
            return
        super().keyPressEvent(event)
