"""The attendance sheet: A4 portrait, registered people first, then blank rows for walk-ins.

Office name and logo, event title, date, place, trainer and session at the top of every page;
a table of No., name, organisation and a signature column tall enough to sign, its header
repeated on every page; "page X of Y" at the foot. Everything in the sheet's own language.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.fonts import SANS, SANS_BOLD, register_fonts
from app.documents.pages import numbered_canvas
from app.i18n import gettext_in
from app.i18n.formats import format_date, format_time

ROW_HEIGHT = 11 * mm  # room for a signature
MARGIN = 15 * mm


@dataclass(frozen=True)
class SheetPerson:
    name: str
    organisation: str = ""


@dataclass(frozen=True)
class SheetData:
    lang: str
    office_name: str
    event_code: str
    event_title: str
    place: str
    trainers: str
    session_number: int | None
    session_count: int
    session_date: dt.date | None
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    topic: str = ""
    people: list[SheetPerson] = field(default_factory=list)
    blank_rows: int = 10
    logo: Path | None = None


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "office": ParagraphStyle(
            "office", fontName=SANS, fontSize=9, leading=11, textColor=colors.HexColor("#444444")
        ),
        "title": ParagraphStyle("title", fontName=SANS_BOLD, fontSize=14, leading=17),
        "event": ParagraphStyle("event", fontName=SANS_BOLD, fontSize=11, leading=14),
        "meta": ParagraphStyle("meta", fontName=SANS, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11),
        "head": ParagraphStyle("head", fontName=SANS_BOLD, fontSize=9, leading=11),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _session_line(data: SheetData) -> str:
    lang = data.lang
    parts = []
    if data.session_date:
        parts.append(format_date(data.session_date, "long", data.lang))
    if data.starts_at and data.ends_at:
        parts.append(
            f"{format_time(data.starts_at, data.lang)}–{format_time(data.ends_at, data.lang)}"
        )
    if data.session_number is not None:
        parts.insert(
            0,
            gettext_in(lang, "Session {n} of {total}").format(
                n=data.session_number, total=data.session_count
            ),
        )
    return ", ".join(parts)


def _header(data: SheetData, st: dict[str, ParagraphStyle]) -> list[Any]:
    lang = data.lang
    lines = [
        Paragraph(_esc(gettext_in(lang, "Attendance sheet")), st["title"]),
        Paragraph(_esc(f"{data.event_title}  ({data.event_code})"), st["event"]),
    ]
    meta = [
        (gettext_in(lang, "Session"), _session_line(data)),
        (gettext_in(lang, "Topic"), data.topic),
        (gettext_in(lang, "Place"), data.place),
        (gettext_in(lang, "Trainer"), data.trainers),
    ]
    for label, value in meta:
        if value:
            lines.append(Paragraph(f"<b>{_esc(label)}:</b> {_esc(value)}", st["meta"]))
    office: Any = Paragraph(_esc(data.office_name), st["office"])
    if data.logo and data.logo.exists():
        logo = Image(str(data.logo), width=20 * mm, height=20 * mm, kind="proportional")
        office = Table([[logo, office]], colWidths=[24 * mm, None])
        office.setStyle(
            TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
            )
        )
    return [office, Spacer(1, 3 * mm), *lines, Spacer(1, 4 * mm)]


def render_sheet(data: SheetData) -> bytes:
    register_fonts()
    st = _styles()
    lang = data.lang
    width = A4[0] - 2 * MARGIN
    head = [
        Paragraph(_esc(x), st["head"])
        for x in (
            gettext_in(lang, "No."),
            gettext_in(lang, "Name"),
            gettext_in(lang, "Organisation"),
            gettext_in(lang, "Signature"),
        )
    ]
    rows: list[list[Any]] = [head]
    for i, person in enumerate(data.people, start=1):
        rows.append(
            [
                str(i),
                Paragraph(_esc(person.name), st["cell"]),
                Paragraph(_esc(person.organisation), st["cell"]),
                "",
            ]
        )
    for i in range(len(data.people) + 1, len(data.people) + data.blank_rows + 1):
        rows.append([str(i), "", "", ""])
    table = Table(
        rows,
        colWidths=[13 * mm, width * 0.36, width * 0.30, None],
        rowHeights=[8 * mm] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ]
        )
    )
    out = io.BytesIO()
    header = _header(data, st)
    header_height = sum(f.wrap(width, A4[1])[1] for f in header)
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{gettext_in(lang, 'Attendance sheet')} – {data.event_title}",
        author=data.office_name,
        lang=data.lang,
    )
    # The event block heads every page; the table flows below it, repeating its header row.
    frame = Frame(
        MARGIN,
        MARGIN,
        width,
        A4[1] - 2 * MARGIN - header_height,
        id="table",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("sheet", [frame], onPage=_draw_header(header))])
    footer = lambda page, total: gettext_in(lang, "Page {page} of {total}").format(  # noqa: E731
        page=page, total=total
    )
    doc.build([table], canvasmaker=numbered_canvas(footer))
    return out.getvalue()


def _draw_header(header: list[Any]) -> Any:
    def draw(canv: Any, _doc: Any) -> None:
        canv.saveState()
        y = A4[1] - MARGIN
        for flowable in header:
            _w, h = flowable.wrap(A4[0] - 2 * MARGIN, A4[1])
            flowable.drawOn(canv, MARGIN, y - h)
            y -= h
        canv.restoreState()

    return draw
