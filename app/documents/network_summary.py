"""The network summary for the funder and the members: A4 portrait, in the chosen language.

The network's facts, its members with their roles and interests, the work programme's status
(late items marked) and the meetings held with registered and attended counts. The helpers at the
top are shared with the run dossier.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.documents.fonts import SANS, SANS_BOLD, register_fonts
from app.documents.pages import numbered_canvas
from app.i18n import gettext_in, ngettext_in
from app.i18n.formats import format_date, format_short_date
from app.services.networks import WORK_STATUS, NetworkDetail, label_in

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
LATE = colors.HexColor("#b3261e")
HEAD_BG = colors.HexColor("#e8e8e8")


def styles() -> dict[str, ParagraphStyle]:
    return {
        "office": ParagraphStyle("office", fontName=SANS, fontSize=9, leading=11,
                                 textColor=colors.HexColor("#444444")),
        "kind": ParagraphStyle("kind", fontName=SANS, fontSize=10, leading=13,
                               textColor=colors.HexColor("#1f4e79")),
        "title": ParagraphStyle("title", fontName=SANS_BOLD, fontSize=16, leading=20),
        "h2": ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=11.5, leading=15,
                             spaceBefore=8, spaceAfter=3),
        "meta": ParagraphStyle("meta", fontName=SANS, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=10.5),
        "late": ParagraphStyle("late", fontName=SANS, fontSize=8.5, leading=10.5,
                               textColor=LATE),
        "head": ParagraphStyle("head", fontName=SANS_BOLD, fontSize=8.5, leading=10.5),
        "muted": ParagraphStyle("muted", fontName=SANS, fontSize=9, leading=12,
                                textColor=colors.HexColor("#666666")),
    }


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def period_text(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return format_short_date(start or end, lang)
    return f"{format_short_date(start, lang)} – {format_short_date(end, lang)}"


def facts(rows: Sequence[tuple[str, str]], st: dict[str, ParagraphStyle]) -> list[Any]:
    return [Paragraph(f"<b>{esc(label)}:</b> {esc(value)}", st["meta"])
            for label, value in rows if value]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          st: dict[str, ParagraphStyle], marked: frozenset[int] = frozenset(),
          right: Sequence[int] = ()) -> Table:
    """A table with a repeated grey header; `marked` rows in the warning colour."""
    def para(text: str, style: ParagraphStyle, column: int) -> Paragraph:
        if column in right:
            style = ParagraphStyle(f"{style.name}-r", parent=style, alignment=2)
        return Paragraph(esc(text).replace("\n", "<br/>"), style)

    data: list[list[Any]] = [[para(h, st["head"], c) for c, h in enumerate(headers)]]
    for i, row in enumerate(rows):
        style = st["late"] if i in marked else st["cell"]
        data.append([para(v, style, c) for c, v in enumerate(row)])
    t = Table(data, colWidths=[w * WIDTH for w in widths], repeatRows=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    t.setStyle(TableStyle(commands))
    return t


def build(flow: list[Any], lang: str, title: str, author: str) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=title, author=author,
                            lang=lang)
    footer = lambda page, total: gettext_in(lang, "Page {page} of {total}").format(  # noqa: E731
        page=page, total=total)
    doc.build(flow, canvasmaker=numbered_canvas(footer))
    return out.getvalue()


def render_network_summary(d: NetworkDetail, lang: str, office_name: str, today: dt.date,
                           period: tuple[dt.date, dt.date] | None = None) -> bytes:
    """`d` read with get_network(..., lang=lang); `period` limits the meetings listed."""
    register_fonts()
    st = styles()
    flow: list[Any] = [
        Paragraph(esc(office_name), st["office"]), Spacer(1, 3 * mm),
        Paragraph(esc(gettext_in(lang, "Network summary")), st["kind"]),
        Paragraph(esc(d.name), st["title"]),
        Paragraph(esc(gettext_in(lang, "As of {date}").format(
            date=format_date(today, "long", lang))), st["muted"]),
        Spacer(1, 3 * mm),
    ]
    flow += facts([
        (gettext_in(lang, "Status"), d.status_label),
        (gettext_in(lang, "Region"), d.region),
        (gettext_in(lang, "Municipalities covered"), ", ".join(d.municipalities)),
        (gettext_in(lang, "Lead organisation"), d.lead_organisation),
        (gettext_in(lang, "Founded"), format_short_date(d.founded_on, lang)),
        (gettext_in(lang, "Transferred from"), d.transferred_from),
        (gettext_in(lang, "Description"), d.description),
    ], st)

    current = [m for m in d.members if m.current]
    former = [m for m in d.members if not m.current]
    flow.append(Paragraph(esc(gettext_in(lang, "Members ({n})").format(n=len(current))),
                          st["h2"]))
    if d.members:
        rows: list[tuple[str, ...]] = [
            (m.organisation, m.role_label, m.contact, format_short_date(m.joined_on, lang),
                 ", ".join(m.interests)) for m in current]
        rows += [(m.organisation, gettext_in(lang, "left on {date}").format(
            date=format_short_date(m.left_on, lang)), m.contact,
            format_short_date(m.joined_on, lang), ", ".join(m.interests)) for m in former]
        flow.append(table(
            [gettext_in(lang, "Organisation"), gettext_in(lang, "Role"),
             gettext_in(lang, "Contact person"), gettext_in(lang, "Joined"),
             gettext_in(lang, "Interests")], rows, (0.27, 0.17, 0.17, 0.14, 0.25), st))
    else:
        flow.append(Paragraph(esc(gettext_in(lang, "No member organisations recorded yet.")),
                              st["muted"]))

    flow.append(Paragraph(esc(gettext_in(lang, "Work programme")), st["h2"]))
    if d.work:
        counts = [(label_in(lang, WORK_STATUS, code), sum(1 for w in d.work if w.status == code))
                  for code in WORK_STATUS]
        summary = ", ".join(f"{name}: {n}" for name, n in counts if n)
        if d.late_items:
            summary += "; " + ngettext_in(lang, "{n} item late", "{n} items late",
                                          d.late_items).format(n=d.late_items)
        flow.append(Paragraph(esc(summary), st["meta"]))
        flow.append(Spacer(1, 2 * mm))
        rows = [(w.title, w.responsible, period_text(w.starts_on, w.due_on, lang),
                 gettext_in(lang, "{status}, late").format(status=w.status_label) if w.late
                 else w.status_label, ", ".join(w.events)) for w in d.work]
        flow.append(table(
            [gettext_in(lang, "Item"), gettext_in(lang, "Responsible"),
             gettext_in(lang, "Period"), gettext_in(lang, "Status"),
             gettext_in(lang, "Events")], rows, (0.29, 0.2, 0.16, 0.2, 0.15), st,
            marked=frozenset(i for i, w in enumerate(d.work) if w.late)))
    else:
        flow.append(Paragraph(esc(gettext_in(lang, "The work programme has no items yet.")),
                              st["muted"]))

    meetings = [m for m in d.meetings if period is None
                or (m.starts_on <= period[1] and m.ends_on >= period[0])]
    meetings.sort(key=lambda m: m.starts_on)
    heading = gettext_in(lang, "Meetings and round tables")
    if period:
        heading = gettext_in(lang, "Meetings and round tables, {period}").format(
            period=period_text(*period, lang))
    flow.append(Paragraph(esc(heading), st["h2"]))
    if meetings:
        rows = [(period_text(m.starts_on, m.ends_on, lang), m.code,
                 ", ".join(x for x in (m.title, m.place) if x), m.status_label,
                 str(m.registered), str(m.attended)) for m in meetings]
        rows.append(("", "", gettext_in(lang, "Total"), "",
                     str(sum(m.registered for m in meetings)),
                     str(sum(m.attended for m in meetings))))
        flow.append(table(
            [gettext_in(lang, "Dates"), gettext_in(lang, "Code"), gettext_in(lang, "Title"),
             gettext_in(lang, "Status"), gettext_in(lang, "Registered"),
             gettext_in(lang, "Attended")],
            rows, (0.13, 0.15, 0.28, 0.12, 0.16, 0.16), st, right=(4, 5)))
    else:
        flow.append(Paragraph(esc(gettext_in(lang, "No meetings held in this period.")),
                              st["muted"]))
    title = f"{gettext_in(lang, 'Network summary')} – {d.name}"
    return build(flow, lang, title, office_name)
