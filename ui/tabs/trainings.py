"""The Trainings tab: every event with participants, its sessions, participants and certificates."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_number, format_short_date, format_time
from app.services.events import EventDetail, date_range, get_event, percent
from app.services.results import EVENTS, ORGANISATIONS, PEOPLE
from ui.tabs.detail import DetailContent, DetailTable, ListDetailTab


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
        capacity = _("{registered} registered of {capacity} places").format(
            registered=d.registered, capacity=d.capacity)
    return DetailContent(
        title=d.title,
        subtitle=" · ".join(p for p in (d.code, d.kind_label, d.status_label) if p),
        fields=(
            (N_("Programme"), d.programme),
            (N_("Dates"), date_range(d.starts_on, d.ends_on)),
            (N_("Hours"), _hours(d.hours) if d.sessions else ""),
            (N_("Place"), d.place),
            (N_("Municipality"), d.municipality),
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
    kinds = frozenset({EVENTS, PEOPLE, ORGANISATIONS})
    list_kind = "events"
    placeholder = N_("Select an event in the list to see its sessions and participants.")
    initial_sort = ("date", Qt.SortOrder.DescendingOrder)  # newest first

    def title(self) -> str:
        return _("Trainings")

    def detail_content(self, record_id: str) -> DetailContent:
        return event_content(get_event(self.ctx.db, record_id))
