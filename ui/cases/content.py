"""What the case page shows: the case's facts and its tables, from one CaseDetail."""

from __future__ import annotations

from decimal import Decimal

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_eur, format_number, format_short_date
from app.services.case_editing import DIGITAL_SKILLS
from app.services.cases import CaseDetail, overdue_text
from app.services.events import label
from ui.tabs.detail import DetailContent, DetailTable

# table titles (msgids), as DetailView.tables keys them
ACTIONS, STAGES, ACTIVITIES = N_("Next actions"), N_("Stage history"), N_("Activities")
FINANCING, SUPPORT, OUTCOMES = N_("Financing"), N_("Support given"), N_("Outcomes")


def _eur(value: Decimal | None) -> str:
    return format_eur(value) if value is not None else ""


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def case_content(d: CaseDetail) -> DetailContent:
    tables = (
        DetailTable(ACTIONS, (N_("Action"), N_("Due"), N_("Responsible"), N_("Done")),
                    [(a.title or a.automatic_label,
                      overdue_text(a.due_on) if a.overdue else format_short_date(a.due_on),
                      a.responsible, format_short_date(a.done_on)) for a in d.actions],
                    marked=frozenset(i for i, a in enumerate(d.actions) if a.overdue),
                    empty=N_("No next actions planned.")),
        DetailTable(STAGES, (N_("Date"), N_("From"), N_("To"), N_("By"), N_("Note"),
                                          N_("Reason")),
                    [(format_short_date(x.date), x.from_label, x.to_label, x.by, x.note,
                      x.reason) for x in d.stages],
                    empty=N_("No stage changes recorded yet.")),
        DetailTable(ACTIVITIES, (N_("Date"), N_("Kind"), N_("Minutes"), N_("By"),
                                       N_("Event"), N_("Notes")),
                    [(format_short_date(a.date), a.kind_label, format_number(a.minutes), a.by,
                      a.event_code, a.notes) for a in d.activities],
                    empty=N_("No consultations or other activities recorded yet.")),
        DetailTable(FINANCING, (N_("Source"), N_("Status"), N_("Amount"), N_("Applied"),
                                      N_("Decided")),
                    [(f.source_label, f.status_label, _eur(f.amount_eur),
                      format_short_date(f.applied_on), format_short_date(f.decided_on))
                     for f in d.financing],
                    empty=N_("No financing applied for.")),
        DetailTable(SUPPORT, (N_("Kind"), N_("Description"), N_("Date"),
                                          N_("Hours"), N_("Amount")),
                    [(x.kind_label, x.description, format_short_date(x.date),
                      format_number(x.hours) if x.hours is not None else "", _eur(x.amount_eur))
                     for x in d.support],
                    empty=N_("No support recorded yet.")),
        DetailTable(OUTCOMES, (N_("When"), N_("Date"), N_("Operating"),
                                     N_("Revenue band"), N_("Jobs created"),
                                     N_("Community employees"), N_("Note")),
                    [(o.point_label, format_short_date(o.date), _yes_no(o.operating),
                      o.revenue_label, str(o.jobs_created), str(o.community_employees), o.note)
                     for o in d.outcomes],
                    empty=N_("No outcomes recorded yet.")),
    )
    overdue = ngettext("{n} overdue action", "{n} overdue actions",
                       d.overdue_actions).format(n=d.overdue_actions) if d.overdue_actions else ""
    closed = ""
    if d.closed_on:
        closed = _("{date}: {reason}").format(date=format_short_date(d.closed_on),
                                              reason=d.close_reason_label or "–")
    business = " ".join(p for p in (d.business_name, d.business_code and f"({d.business_code})")
                        if p)
    return DetailContent(
        title=d.beneficiary,
        subtitle=" · ".join(p for p in (d.code, d.stage_label, overdue) if p),
        fields=(
            (N_("Consultant"), d.consultant),
            (N_("Municipality"), d.municipality),
            (N_("Opened"), format_short_date(d.opened_on)),
            (N_("Closed"), closed),
            (N_("Close note"), d.close_note),
            (N_("State language level"), d.state_language_level),
            (N_("Digital skills"), label(DIGITAL_SKILLS, d.digital_skills)),
            (N_("Skills"), d.skills),
            (N_("Resources"), d.resources),
            (N_("Barriers"), d.barriers),
            (N_("Business idea"), d.business_idea),
            (N_("Sector"), d.sector),
            (N_("Market"), d.market),
            (N_("Business plan"), d.plan_status_label),
            (N_("Legal form"), d.legal_form_label),
            (N_("Business registered"), format_short_date(d.registered_on)),
            (N_("Business"), business),
            (N_("Started"), format_short_date(d.started_on)),
            (N_("Office"), d.office_code),
            (N_("Notes"), d.notes),
        ),
        tables=tables,
    )
