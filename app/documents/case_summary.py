"""The case summary PDF for the paper file: the beneficiary, the case's facts, stages with
dates, activities, support, financing and outcomes, in the document's language."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.documents.fonts import SANS, SANS_BOLD, register_fonts
from app.documents.pages import numbered_canvas
from app.i18n import gettext_in

MARGIN = 18 * mm


@dataclass
class SummaryData:
    lang: str
    office_name: str
    code: str
    beneficiary: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, value), translated
    stages: list[tuple[str, str, str]] = field(default_factory=list)  # date, stage, note
    activities: list[tuple[str, str, str, str]] = field(default_factory=list)
    support: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    financing: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    outcomes: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "office": ParagraphStyle("office", fontName=SANS, fontSize=9, leading=11,
                                 textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", fontName=SANS_BOLD, fontSize=15, leading=19),
        "h2": ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=11, leading=14, spaceBefore=8,
                             spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", fontName=SANS_BOLD, fontSize=8.5, leading=10.5),
        "muted": ParagraphStyle("muted", fontName=SANS, fontSize=9, leading=11,
                                textColor=colors.HexColor("#666666")),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\n", "<br/>")


def _table(headers: list[str], rows: list[tuple[str, ...]], widths: list[float],
           st: dict[str, ParagraphStyle]) -> Table:
    data: list[list[Any]] = [[Paragraph(_esc(h), st["head"]) for h in headers]]
    data += [[Paragraph(_esc(v), st["cell"]) for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def render_summary(data: SummaryData) -> bytes:
    register_fonts()
    st, lang = _styles(), data.lang
    width = A4[0] - 2 * MARGIN

    story: list[Any] = [
        Paragraph(_esc(data.office_name), st["office"]),
        Paragraph(_esc(gettext_in(lang, "Micro-business case summary")), st["title"]),
        Paragraph(_esc(f"{data.beneficiary} · {data.code}"), st["h2"]),
    ]
    facts = Table([[Paragraph(_esc(k), st["head"]), Paragraph(_esc(v), st["cell"])]
                   for k, v in data.facts], colWidths=[width * 0.3, width * 0.7])
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("TOPPADDING", (0, 0), (-1, -1), 2)]))
    story.append(facts)
    sections: list[tuple[str, list[str], list[Any], list[float]]] = [
        (gettext_in(lang, "Stages"),
         [gettext_in(lang, "Date"), gettext_in(lang, "Stage"), gettext_in(lang, "Note")],
         list(data.stages), [0.16, 0.3, 0.54]),
        (gettext_in(lang, "Activities"),
         [gettext_in(lang, "Date"), gettext_in(lang, "Kind"), gettext_in(lang, "Minutes"),
          gettext_in(lang, "Notes")],
         list(data.activities), [0.16, 0.18, 0.12, 0.54]),
        (gettext_in(lang, "Support given"),
         [gettext_in(lang, "Kind"), gettext_in(lang, "Description"), gettext_in(lang, "Date"),
          gettext_in(lang, "Hours"), gettext_in(lang, "Amount")],
         list(data.support), [0.16, 0.36, 0.16, 0.14, 0.18]),
        (gettext_in(lang, "Financing"),
         [gettext_in(lang, "Source"), gettext_in(lang, "Status"), gettext_in(lang, "Amount"),
          gettext_in(lang, "Applied"), gettext_in(lang, "Decided")],
         list(data.financing), [0.3, 0.16, 0.18, 0.18, 0.18]),
        (gettext_in(lang, "Outcomes"),
         [gettext_in(lang, "When"), gettext_in(lang, "Date"), gettext_in(lang, "Operating"),
          gettext_in(lang, "Revenue band"), gettext_in(lang, "Jobs created"),
          gettext_in(lang, "Community employees")],
         list(data.outcomes), [0.2, 0.13, 0.11, 0.22, 0.14, 0.2]),
    ]
    for title, headers, rows, shares in sections:
        story.append(Paragraph(_esc(title), st["h2"]))
        if rows:
            story.append(_table(headers, rows, [width * x for x in shares], st))
        else:
            story.append(Paragraph(_esc(gettext_in(lang, "None recorded.")), st["muted"]))
    story.append(Spacer(1, 6 * mm))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{gettext_in(lang, 'Micro-business case summary')} – {data.code}",
        author=data.office_name, lang=lang)
    footer = lambda page, total: "{code} · {text}".format(  # noqa: E731
        code=data.code, text=gettext_in(lang, "Page {page} of {total}").format(
            page=page, total=total))
    doc.build(story, canvasmaker=numbered_canvas(footer, margin=MARGIN))
    return out.getvalue()
