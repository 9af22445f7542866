"""What the Advocacy runs tab shows of the selected run: timeline, proposals, events, products
and publications (no ORM here: the services that read them are imported when used)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_short_date
from app.services.due_labels import overdue_text
from app.services.event_labels import date_range
from ui.tabs.detail import DetailContent, DetailTable

if TYPE_CHECKING:  # the service's dataclass (its module loads the ORM)
    from app.services.advocacy import RunDetail

STEPS, PROPOSALS, PRODUCTS, PUBLICATIONS = (N_("Steps"), N_("Proposals"), N_("Products"),
                                            N_("Publications"))


def run_content(d: RunDetail, files: Mapping[str, int] | None = None) -> DetailContent:
    """`files`: how many documents each step and publication has, by id."""
    files = files or {}
    steps = DetailTable(
        STEPS, (N_("Date"), N_("Step"), N_("Title"), N_("Responsible"), N_("Event"),
                N_("Documents"), N_("Notes")),
        [(format_short_date(x.date), x.kind_label, x.title, x.responsible, x.event_code,
          str(files.get(x.id, "")), x.notes) for x in d.steps],
        empty=N_("No steps recorded yet."))
    proposals = DetailTable(
        PROPOSALS, (N_("Proposal"), N_("Addressee"), N_("Submitted"), N_("Reg. no."),
                    N_("Response due"), N_("Response"), N_("Outcome")),
        [(p.summary, p.addressee, format_short_date(p.submitted_on), p.registration_number,
          overdue_text(p.response_due_on) if p.overdue and p.response_due_on
          else format_short_date(p.response_due_on),
          " – ".join(x for x in (format_short_date(p.response_on), p.response_summary) if x),
          p.outcome_label or (_("awaiting") if p.awaiting else "")) for p in d.proposals],
        marked=frozenset(i for i, p in enumerate(d.proposals) if p.overdue),
        empty=N_("No proposals yet."))
    events = DetailTable(
        N_("Events"), (N_("Dates"), N_("Code"), N_("Title"), N_("Status"), N_("Registered"),
                       N_("Attended")),
        [(date_range(e.starts_on, e.ends_on), e.code, e.title, e.status_label,
          str(e.registered), str(e.attended)) for e in d.events],
        empty=N_("No round tables or other events linked to this run yet."))
    products = DetailTable(
        PRODUCTS, (N_("Title"), N_("Kind"), N_("Version"), N_("Status")),
        [(p.title, p.kind_label, p.version, p.status_label) for p in d.products],
        empty=N_("No products linked to this run."))
    publications = DetailTable(
        PUBLICATIONS, (N_("Date"), N_("Title"), N_("Outlet"), N_("Language"), N_("Scan"),
                       N_("Link")),
        [(format_short_date(p.date), p.title, p.outlet, p.language_label,
          _("yes") if files.get(p.id) else "", p.link) for p in d.publications],
        empty=N_("No publications yet."))
    waiting = ngettext("{n} proposal awaits a response", "{n} proposals await a response",
                       d.awaiting).format(n=d.awaiting) if d.awaiting else ""
    overdue = ngettext("{n} response overdue", "{n} responses overdue",
                       d.overdue).format(n=d.overdue) if d.overdue else ""
    document = d.document_kind_label
    if d.document_title:
        document = _("{kind}: {title}").format(kind=d.document_kind_label,
                                               title=d.document_title)
    return DetailContent(
        title=d.title,
        subtitle=" · ".join(p for p in (d.code, d.status_label, waiting, overdue) if p),
        fields=(
            (N_("Goal"), d.goal),
            (N_("Document"), document),
            (N_("Target institutions"), "; ".join(d.institutions)),
            (N_("Lead organisation"), d.lead_organisation),
            (N_("Partners"), "; ".join(d.partners)),
            (N_("Period"), date_range(d.started_on, d.closed_on)
             if d.closed_on else format_short_date(d.started_on)),
            (N_("Office"), d.office_code),
        ),
        tables=(steps, proposals, events, products, publications),
    )
