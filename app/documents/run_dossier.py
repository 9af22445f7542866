"""The run dossier: an advocacy run from goal to outcome, A4 portrait, in the chosen language.

Goal and document, target institutions and partners, the timeline of steps, the proposals with
their responses and outcomes (overdue ones marked), the linked events with attendance counts,
products and publications.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.documents.fonts import register_fonts
from app.documents.network_summary import build, esc, facts, period_text, styles, table
from app.i18n import gettext_in
from app.i18n.formats import format_date, format_short_date
from app.services.advocacy import RunDetail


def render_run_dossier(d: RunDetail, lang: str, office_name: str, today: dt.date) -> bytes:
    """`d` read with get_run(..., today=today, lang=lang)."""
    register_fonts()
    st = styles()
    document = d.document_kind_label
    if d.document_title:
        document = f"{d.document_kind_label}: {d.document_title}"
    flow: list[Any] = [
        Paragraph(esc(office_name), st["office"]), Spacer(1, 3 * mm),
        Paragraph(esc(gettext_in(lang, "Advocacy run dossier")), st["kind"]),
        Paragraph(esc(d.title), st["title"]),
        Paragraph(esc(f"{d.code} · " + gettext_in(lang, "As of {date}").format(
            date=format_date(today, "long", lang))), st["muted"]),
        Spacer(1, 3 * mm),
    ]
    flow += facts([
        (gettext_in(lang, "Goal"), d.goal),
        (gettext_in(lang, "Document"), document),
        (gettext_in(lang, "Status"), d.status_label),
        (gettext_in(lang, "Target institutions"), "; ".join(d.institutions)),
        (gettext_in(lang, "Lead organisation"), d.lead_organisation),
        (gettext_in(lang, "Partners"), "; ".join(d.partners)),
        (gettext_in(lang, "Period"), period_text(d.started_on, d.closed_on, lang)),
    ], st)

    def section(title: str, empty: str, content: Any) -> None:
        flow.append(Paragraph(esc(title), st["h2"]))
        flow.append(content if content is not None else Paragraph(esc(empty), st["muted"]))

    section(gettext_in(lang, "Timeline"), gettext_in(lang, "No steps recorded yet."), table(
        [gettext_in(lang, "Date"), gettext_in(lang, "Step"), gettext_in(lang, "Title"),
         gettext_in(lang, "Responsible"), gettext_in(lang, "Event")],
        [(format_short_date(x.date, lang), x.kind_label, x.title, x.responsible, x.event_code)
         for x in d.steps], (0.13, 0.17, 0.35, 0.17, 0.18), st) if d.steps else None)

    def response(p: Any) -> str:
        if p.response_on:
            return " – ".join(x for x in (format_short_date(p.response_on, lang),
                                          p.response_summary) if x)
        if p.overdue:
            return gettext_in(lang, "overdue since {date}").format(
                date=format_short_date(p.response_due_on, lang))
        if p.awaiting:
            return gettext_in(lang, "awaiting")
        return ""

    section(gettext_in(lang, "Proposals"), gettext_in(lang, "No proposals yet."), table(
        [gettext_in(lang, "Proposal"), gettext_in(lang, "Addressee"),
         gettext_in(lang, "Submitted, reg. no."), gettext_in(lang, "Response due"),
         gettext_in(lang, "Response"), gettext_in(lang, "Outcome")],
        [(p.summary, p.addressee, "\n".join(x for x in (
            format_short_date(p.submitted_on, lang), p.registration_number) if x),
          format_short_date(p.response_due_on, lang), response(p), p.outcome_label)
         for p in d.proposals],
        (0.25, 0.18, 0.14, 0.12, 0.19, 0.12), st,
        marked=frozenset(i for i, p in enumerate(d.proposals) if p.overdue))
        if d.proposals else None)

    events = table(
        [gettext_in(lang, "Dates"), gettext_in(lang, "Code"), gettext_in(lang, "Title"),
         gettext_in(lang, "Registered"), gettext_in(lang, "Attended")],
        [*((period_text(e.starts_on, e.ends_on, lang), e.code,
            ", ".join(x for x in (e.title, e.place) if x), str(e.registered), str(e.attended))
           for e in d.events),
         ("", "", gettext_in(lang, "Total"), str(sum(e.registered for e in d.events)),
          str(sum(e.attended for e in d.events)))],
        (0.14, 0.15, 0.39, 0.16, 0.16), st, right=(3, 4)) if d.events else None
    section(gettext_in(lang, "Events"), gettext_in(lang, "No events linked to this run."),
            events)

    if d.products:
        section(gettext_in(lang, "Products"), "", table(
            [gettext_in(lang, "Title"), gettext_in(lang, "Kind"), gettext_in(lang, "Version"),
             gettext_in(lang, "Status")],
            [(p.title, p.kind_label, p.version, p.status_label) for p in d.products],
            (0.5, 0.2, 0.12, 0.18), st))
    if d.publications:
        section(gettext_in(lang, "Publications"), "", table(
            [gettext_in(lang, "Date"), gettext_in(lang, "Title"), gettext_in(lang, "Outlet"),
             gettext_in(lang, "Language"), gettext_in(lang, "Link")],
            [(format_short_date(p.date, lang), p.title, p.outlet, p.language_label, p.link)
             for p in d.publications], (0.12, 0.34, 0.2, 0.12, 0.22), st))
    title = f"{gettext_in(lang, 'Advocacy run dossier')} – {d.title}"
    return build(flow, lang, title, office_name)
