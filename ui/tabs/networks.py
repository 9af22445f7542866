"""The Networks tab: regional cooperation networks, their members, work programme and meetings."""

from __future__ import annotations

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_short_date
from app.services.events import date_range
from app.services.networks import NetworkDetail, get_network
from app.services.results import EVENTS, NETWORKS, ORGANISATIONS
from ui.tabs.detail import DetailContent, DetailTable, ListDetailTab


def network_content(d: NetworkDetail) -> DetailContent:
    members = DetailTable(
        N_("Members"), (N_("Organisation"), N_("Role"), N_("Joined"), N_("Left"),
                        N_("Interests")),
        [(m.organisation, m.role_label, format_short_date(m.joined_on),
          format_short_date(m.left_on), ", ".join(m.interests)) for m in d.members],
        empty=N_("No member organisations recorded yet."))
    work = DetailTable(
        N_("Work programme"), (N_("Item"), N_("Responsible"), N_("Period"), N_("Status")),
        [(w.title, w.responsible, date_range(w.starts_on, w.due_on),
          _("{status}, late").format(status=w.status_label) if w.late else w.status_label)
         for w in d.work],
        marked=frozenset(i for i, w in enumerate(d.work) if w.late),
        empty=N_("The work programme has no items yet."))
    meetings = DetailTable(
        N_("Meetings"), (N_("Dates"), N_("Code"), N_("Title"), N_("Place"), N_("Status"),
                         N_("Registered")),
        [(date_range(m.starts_on, m.ends_on), m.code, m.title, m.place, m.status_label,
          str(m.registered)) for m in d.meetings],
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
        tables=(members, work, meetings),
    )


class NetworksTab(ListDetailTab):
    kinds = frozenset({NETWORKS, ORGANISATIONS, EVENTS})
    list_kind = "networks"
    placeholder = N_("Select a network in the list to see its members, work programme and "
                     "meetings.")

    def title(self) -> str:
        return _("Networks")

    def detail_content(self, record_id: str) -> DetailContent:
        return network_content(get_network(self.ctx.db, record_id))
