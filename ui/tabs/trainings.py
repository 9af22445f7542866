"""The Trainings tab: every event with participants; the selected event's page on the right
(overview, sessions, participants, attendance, certificates) and the tab's toolbar actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_number, format_short_date, format_time
from app.services.event_labels import date_range, percent
from app.services.results import CERTIFICATES, EVENTS, ORGANISATIONS, PEOPLE
from ui.context import AppContext
from ui.tabs.detail import DetailContent, DetailTable, ListDetailTab
from ui.trainings.panel_base import open_dialog

# The event's page (its panels read through the ORM) is built when an event is first selected,
# so the tab opens with its list only, before the ORM has loaded.
if TYPE_CHECKING:
    from app.services.event_editing import EventData
    from app.services.events import EventDetail
    from ui.trainings.certificate_register import CertificateRegister
    from ui.trainings.event_form import EventForm
    from ui.trainings.event_page import EventPage

ACTIONS: dict[str, tuple[str, str]] = {
    "new_event": (N_("New event…"), N_("A training, seminar, round table, study visit, "
                                       "conference or consultation")),
    "edit_event": (N_("Edit event…"), N_("Change the selected event")),
    "print_sheet": (N_("Print attendance sheet…"),
                    N_("The sheet people sign, for a session or the whole event")),
    "export_list": (N_("Export participant list…"), N_("The participants as XLSX or CSV")),
    "register": (N_("Certificate register…"),
                 N_("Every certificate issued, reissued or revoked")),
    "verify": (N_("Verify a code…"), N_("What a certificate's verification code stands for")),
}


def _hours(value: float) -> str:
    return format_number(round(value, 2))


def event_content(d: EventDetail) -> DetailContent:
    sessions = DetailTable(
        N_("Sessions"), (N_("No."), N_("Date"), N_("Time"), N_("Hours"), N_("Topic"),
                         N_("Trainer")),
        [(str(x.number), format_short_date(x.date),
          _("{start}–{end}").format(start=format_time(x.starts_at), end=format_time(x.ends_at))
          if x.starts_at and x.ends_at else format_time(x.starts_at),
          _hours(x.hours), x.topic, x.trainer) for x in d.sessions],
        empty=N_("No sessions planned yet."))
    participants = DetailTable(
        N_("Participants"), (N_("Name"), N_("Organisation"), N_("Status"), N_("Attendance")),
        [(p.name, p.organisation, p.status_label,
          _("{present} of {sessions} ({share})").format(
              present=p.present, sessions=p.sessions, share=percent(p.rate))
          if p.rate is not None else "") for p in d.participants],
        empty=N_("Nobody is registered for this event yet."))
    certificates = ngettext("{n} certificate issued", "{n} certificates issued",
                            d.certificates).format(n=d.certificates)
    if d.revoked_certificates:
        certificates += "; " + ngettext("{n} revoked", "{n} revoked",
                                        d.revoked_certificates).format(n=d.revoked_certificates)
    capacity = ""
    if d.capacity:
        capacity = ngettext("{registered} registered of {capacity} place",
                            "{registered} registered of {capacity} places",
                            d.capacity).format(registered=d.registered, capacity=d.capacity)
    return DetailContent(
        title=d.title,
        subtitle=" · ".join(p for p in (d.code, d.kind_label, d.status_label) if p),
        fields=(
            (N_("Programme"), d.programme),
            (N_("Dates"), date_range(d.starts_on, d.ends_on)),
            (N_("Hours"), _hours(d.hours) if d.sessions else ""),
            (N_("Place"), d.place),
            (N_("Municipality"), d.municipality),
            (N_("Country"), d.country if d.country and d.country != "LT" else ""),
            (N_("Language"), d.language_label),
            (N_("Capacity"), capacity),
            (N_("Trainers"), ", ".join(d.trainers)),
            (N_("Certificate rule"), d.cert_rule_text),
            (N_("Certificates"), certificates),
            (N_("Network"), d.network_name),
            (N_("Advocacy run"), d.run_title),
            (N_("Office"), d.office_code),
            (N_("Description"), d.description),
        ),
        tables=(sessions, participants),
    )


class TrainingsTab(ListDetailTab):
    kinds = frozenset({EVENTS, PEOPLE, ORGANISATIONS, CERTIFICATES})
    list_share = 0.42  # the detail's tables need more room than the list
    list_kind = "events"
    placeholder = N_("Select an event in the list to see its sessions and participants.")
    initial_sort = ("date", Qt.SortOrder.DescendingOrder)  # newest first

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._page: EventPage | None = None
        super().__init__(ctx, parent)
        self.setObjectName("trainings_tab")
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        self.panel.activated.connect(lambda _id: self.edit_event())
        self.acts: dict[str, QAction] = {}
        slots: dict[str, Callable[[], Any]] = {
            "new_event": self.new_event, "edit_event": self.edit_event,
            "print_sheet": self.print_sheet, "export_list": self.export_list,
            "register": self.open_register, "verify": self.verify_code,
        }
        for name, slot in slots.items():
            act = QAction(self)
            act.setObjectName(f"action_{name}")
            act.triggered.connect(lambda _checked=False, s=slot: s())
            self.acts[name] = act
        self.retranslate_actions()
        self.show_record(None)

    @property
    def page(self) -> EventPage:
        """The selected event's page, built when first needed: the detail view becomes its
        Overview and the page takes the detail's place on the right."""
        if self._page is None:
            from ui.trainings.event_page import EventPage

            sizes = self.splitter.sizes()
            self._page = EventPage(self.ctx, self.detail, self._show_overview)
            self.splitter.insertWidget(1, self._page)
            self.splitter.setStretchFactor(1, 2)
            if len(sizes) == 2 and sum(sizes) > 0:
                self.splitter.setSizes(sizes)
        return self._page

    # -- AreaTab --------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Trainings")

    def toolbar_actions(self) -> list[Any]:
        return list(self.acts.values())

    def detail_content(self, record_id: str) -> DetailContent:
        from app.services.events import get_event

        return event_content(get_event(self.ctx.db, record_id))

    def show_record(self, record_id: str | None) -> None:
        if getattr(self, "_page", None) is None and record_id is None:
            super().show_record(None)  # the hint; no page needed yet
        else:
            self.page.set_event(record_id)
        acts: dict[str, QAction] | None = getattr(self, "acts", None)
        if acts is None:  # still being built
            return
        for name in ("edit_event", "print_sheet", "export_list"):
            acts[name].setEnabled(record_id is not None)

    def _show_overview(self, record_id: str | None) -> None:
        super().show_record(record_id)

    def retranslate(self) -> None:
        self.retranslate_actions()
        self.panel.retranslate()
        if self._page is not None:
            self._page.retranslate()
        else:
            super().show_record(None)

    def retranslate_actions(self) -> None:
        for name, (text, tip) in ACTIONS.items():
            self.acts[name].setText(_(text))
            self.acts[name].setStatusTip(_(tip))
            self.acts[name].setToolTip(_(tip))

    # -- actions --------------------------------------------------------------------------------

    def new_event(self) -> EventForm:
        from ui.trainings.event_form import EventForm

        form = EventForm(self.ctx, None, self)
        open_dialog(self, form, lambda: self._created(form.saved_value))
        return form

    def _created(self, saved: EventData | None) -> None:
        if saved is None or not saved.id:
            return
        self.panel.reload()
        if not self.panel.select_id(saved.id):
            self.panel.search.clear()  # a search or filter may hide the new event
            for box in self.panel.filter_boxes.values():
                box.setCurrentIndex(0)
            self.panel.select_id(saved.id)
        self.page.show_page("sessions")

    def edit_event(self) -> EventForm | None:
        event_id = self.panel.current_id()
        if not event_id:
            return None
        from ui.trainings.event_form import EventForm

        form = EventForm(self.ctx, event_id, self)
        open_dialog(self, form)
        return form

    def print_sheet(self) -> None:
        from ui.trainings.sheet_dialog import SheetDialog

        if self._page is not None and (event_id := self._page.event_id):
            open_dialog(self, SheetDialog(self.ctx, event_id, None, self))

    def export_list(self) -> None:
        if self._page is not None and self._page.event_id:
            self.page.participants.event_id = self.page.event_id
            self.page.participants.export_list()
            self.dialog = self.page.participants.dialog

    def open_register(self) -> CertificateRegister:
        from ui.trainings.certificate_register import CertificateRegister

        dialog = CertificateRegister(self.ctx, self)
        open_dialog(self, dialog)
        return dialog

    def verify_code(self) -> CertificateRegister:
        dialog = self.open_register()
        dialog.code.setFocus()
        return dialog
