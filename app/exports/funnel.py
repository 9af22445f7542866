"""The funnel figures as an XLSX workbook (numbers stay numbers) or a one-page PDF report.

Texts are in the current language, as shown in the tab the export was made from.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.errors import UserError
from app.files import write_atomic
from app.i18n import N_, _, current_language
from app.i18n.formats import format_date, format_date_range
from app.models import Office
from app.services.case_funnel import HEADERS, Funnel, figure_rows, stage_row

FORMATS = ("xlsx", "pdf")


def _office(db: Database, f: Funnel) -> str:
    if not f.office_id:
        return _("All offices")
    with db.reader() as s:
        row = s.execute(select(Office.code, Office.name).where(Office.id == f.office_id)).first()
    return f"{row[0]} – {row[1]}" if row else ""


def _heading(db: Database, f: Funnel) -> list[str]:
    return [_("Micro-business funnel figures"),
            _("Office: {office}").format(office=_office(db, f)),
            _("Cases opened {period}").format(period=format_date_range(f.start, f.end))]


def suggested_name(f: Funnel, fmt: str) -> str:
    return f"{_('funnel')}-{f.start.isoformat()}-{f.end.isoformat()}.{fmt}"


def xlsx_bytes(db: Database, f: Funnel) -> bytes:
    import openpyxl  # imported here: only exports need it
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet: Any = book.active
    sheet.title = _("Funnel")[:31]
    for line in _heading(db, f):
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append([_(h) for h in HEADERS])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for stage in f.stages:
        sheet.append([stage.label, stage.reached, stage.conversion, stage.median_days])
        sheet.cell(sheet.max_row, 3).number_format = "0%"
        sheet.cell(sheet.max_row, 4).number_format = "0.0"
    sheet.append([])
    for label, value in figure_rows(f):
        sheet.append([label, value])
    for col, width in zip("ABCD", (44, 18, 20, 18), strict=True):
        sheet.column_dimensions[col].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes(db: Database, f: Funnel) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.documents.fonts import SANS, SANS_BOLD, register_fonts

    register_fonts()
    title = ParagraphStyle("t", fontName=SANS_BOLD, fontSize=14, leading=18)
    meta = ParagraphStyle("m", fontName=SANS, fontSize=9.5, leading=12)
    heading = _heading(db, f)
    story: list[Any] = [Paragraph(heading[0], title), *(Paragraph(x, meta) for x in heading[1:]),
                        Spacer(1, 5 * mm)]
    head = ParagraphStyle("h", fontName=SANS_BOLD, fontSize=8.5, leading=10.5)
    table = Table([[Paragraph(_(h), head) for h in HEADERS], *(stage_row(s) for s in f.stages)],
                  colWidths=[62 * mm, 36 * mm, 40 * mm, 36 * mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 9), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [table, Spacer(1, 6 * mm)]
    totals = Table([list(r) for r in figure_rows(f)], colWidths=[110 * mm, 40 * mm],
                   hAlign="LEFT")
    totals.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9.5),
                                ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    story.append(totals)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(_("Made on {date}. The cases opened in the period, and how far each "
                             "has got to date.").format(date=format_date(_today())), meta))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=18 * mm, bottomMargin=18 * mm, title=heading[0],
                      lang=current_language()).build(story)
    return out.getvalue()


def _today() -> Any:
    import datetime as dt

    return dt.date.today()


def export_funnel(db: Database, f: Funnel, path: str | Path, fmt: str) -> Path:
    if fmt not in FORMATS:
        raise UserError(N_("Choose XLSX or PDF."))
    data = xlsx_bytes(db, f) if fmt == "xlsx" else pdf_bytes(db, f)
    return write_atomic(path, data)
