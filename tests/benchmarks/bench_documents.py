"""Printed documents: 1,000 certificates into one PDF (budget: at least 200 pages a second),
beside reportlab drawing the same text on blank pages in the same run; and an attendance sheet
for 500 people (budget: under a second).

    python tests/benchmarks/bench_documents.py
"""

from __future__ import annotations

import datetime as dt
import io
import time

from common import report  # noqa: F401  (puts the project on sys.path)
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from app.documents.attendance_sheet import SheetData, SheetPerson, render_sheet
from app.documents.certificate import CertificateData, render_certificates
from app.documents.fonts import SANS, register_fonts

NAMES = ["Žydrūnė Ąžuolaitė", "Łukasz Wiśniewski", "Владимир Щербаков", "Jonas Petraitis"]


def _certs(n: int) -> list[CertificateData]:
    return [CertificateData(
        number=f"SAL-2026-{i:04d}", verification_code="7KQ2-M9XD-4R", person_name=NAMES[i % 4],
        person_lang=("lt", "pl", "ru")[i % 3], event_kind="training",
        event_title="Tautinių bendrijų NVO lyderių mokymai",
        event_title_second="Szkolenie liderów", starts_on=dt.date(2026, 11, 24),
        ends_on=dt.date(2026, 11, 26), hours=16, topics=("Interesų derinimas", "Darbo programa"),
        place="Šalčininkai", office_name="Šalčininkų biuras", signatory_name="Irena Kšivicka",
        signatory_title="Vadovė", issued_on=dt.date(2026, 11, 26)) for i in range(n)]


def _plain(n: int) -> bytes:
    """The baseline: the same amount of text drawn on blank pages, nothing else."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=landscape(A4))
    for i in range(n):
        c.setFont(SANS, 12)
        for line in range(16):
            c.drawString(60, 500 - line * 24, f"{NAMES[i % 4]} SAL-2026-{i:04d} line {line}")
        c.showPage()
    c.save()
    return out.getvalue()


def main() -> int:
    register_fonts()
    n = 1000
    data = _certs(n)
    t = time.perf_counter()
    pdf = render_certificates(data)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    _plain(n)
    plain = time.perf_counter() - t
    rate = n / ours
    print(f"1,000 certificates: {ours:.2f} s, {rate:.0f} pages/s ({len(pdf) // 1024} KB); "
          f"plain text on blank pages: {plain:.2f} s, {n / plain:.0f} pages/s; "
          f"ratio {ours / plain:.2f}; budget 200 pages/s: {'OK' if rate >= 200 else 'OVER'}")
    people = [SheetPerson(f"{NAMES[i % 4]} {i}", "Visagino NVO centras") for i in range(500)]
    sheet = SheetData(lang="lt", office_name="Šalčininkų biuras", event_code="SAL-2026-014",
                      event_title="Lyderių mokymai", place="Šalčininkai", trainers="J. Petraitis",
                      session_number=1, session_count=3, session_date=dt.date(2026, 11, 26),
                      people=people, blank_rows=10)
    t = time.perf_counter()
    render_sheet(sheet)
    sheet_s = time.perf_counter() - t
    print(f"attendance sheet for 500 people: {sheet_s:.2f} s; budget 1 s: "
          f"{'OK' if sheet_s < 1 else 'OVER'}")
    return 0 if rate >= 200 and sheet_s < 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
