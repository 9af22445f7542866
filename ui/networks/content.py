"""What the Networks tab shows of the selected network: members, shared interests, work
programme and meetings (no ORM here: the services that read them are imported when used)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_short_date
from app.services.event_labels import date_range
from ui.tabs.detail import DetailContent, DetailTable

if TYPE_CHECKING:  # the services' dataclasses (their modules load the ORM)
    from app.services.network_interests import InterestGroup
    from app.services.networks import NetworkDetail

MEMBERS, WORK, INTERESTS = N_("Members"), N_("Work programme"), N_("Shared interests")


def network_content(d: NetworkDetail,
                    interests: Sequence[InterestGroup] = ()) -> DetailContent:
    members = DetailTable(
        MEMBERS, (N_("Organisation"), N_("Role"), N_("Joined"), N_("Left"), N_("Contact"),
                  N_("Interests")),
        [(m.organisation, m.role_label, format_short_date(m.joined_on),
          format_short_date(m.left_on), m.contact, ", ".join(m.interests)) for m in d.members],
        empty=N_("No member organisations recorded yet."))
    shared = DetailTable(
        INTERESTS, (N_("Interest"), N_("Members"), N_("Who")),
        [(g.interest, str(g.count), ", ".join(g.members)) for g in interests],
        empty=N_("No interests recorded for the current members yet."))
    work = DetailTable(
        WORK, (N_("Item"), N_("Responsible"), N_("Period"), N_("Status"), N_("Events")),
        [(w.title, w.responsible, date_range(w.starts_on, w.due_on),
          _("{status}, late").format(status=w.status_label) if w.late else w.status_label,
          ", ".join(w.events)) for w in d.work],
        marked=frozenset(i for i, w in enumerate(d.work) if w.late),
        empty=N_("The work programme has no items yet."))
    meetings = DetailTable(
        N_("Meetings"), (N_("Dates"), N_("Code"), N_("Title"), N_("Place"), N_("Status"),
                         N_("Registered"), N_("Attended")),
        [(date_range(m.starts_on, m.ends_on), m.code, m.title, m.place, m.status_label,
          str(m.registered), str(m.attended)) for m in d.meetings],
        empty=N_("No meetings or round tables linked to this network yet."))
    count = ngettext("{n} current member", "{n} current members",
                     d.current_members).format(n=d.current_members)
    late = ngettext("{n} late work item", "{n} late work items",
                    d.late_items).format(n=d.late_items) if d.late_items else ""
    return DetailContent(
        title=d.name,
        subtitle=" · ".join(p for p in (d.status_label, d.region, count, late) if p),
        fields=(
            (N_("Lead organisation"), d.lead_organisation),
            (N_("Founded"), format_short_date(d.founded_on)),
            (N_("Municipalities covered"), ", ".join(d.municipalities)),
            (N_("Transferred from"), d.transferred_from),
            (N_("Office"), d.office_code),
            (N_("Description"), d.description),
        ),
        tables=(members, shared, work, meetings),
    )
