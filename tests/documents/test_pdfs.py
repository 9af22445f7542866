"""Printed documents read back: the names with their letters, fonts embedded, pages, QR code."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.attendance_sheet import SheetData, SheetPerson, render_sheet
from app.documents.certificate import CertificateData, render_certificates

NAMES = ["Žydrūnė Ąžuolaitė", "Łukasz Wiśniewski", "Владимир Щербаков"]


def _sheet(people: int, lang: str = "lt", blank: int = 10) -> bytes:
    persons = [SheetPerson(NAMES[i % 3] + f" {i}", "Visagino NVO centras") for i in range(people)]
    return render_sheet(SheetData(
        lang=lang, office_name="Šalčininkų biuras", event_code="SAL-2026-014",
        event_title="Lyderių mokymai", place="Šalčininkai", trainers="Jonas Petraitis",
        session_number=1, session_count=2, session_date=dt.date(2026, 11, 26),
        starts_at=dt.time(10), ends_at=dt.time(14), topic="Tinklo darbo programa",
        people=persons, blank_rows=blank))


def _fonts(reader: PdfReader) -> set[str]:
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            fonts.add(obj["/BaseFont"])
            descendants = obj.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else obj).get("/FontDescriptor")
            if desc is not None:
                assert any(k in desc.get_object() for k in ("/FontFile2", "/FontFile")), obj
    return fonts


def test_sheet_names_are_text_and_fonts_embedded() -> None:
    reader = PdfReader(io.BytesIO(_sheet(3)))
    text = reader.pages[0].extract_text()
    for name in NAMES:
        assert name in text
    assert _fonts(reader)


def test_sheet_repeats_its_header_and_counts_pages() -> None:
    reader = PdfReader(io.BytesIO(_sheet(60, blank=10)))
    total = len(reader.pages)
    assert total >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Lyderių mokymai" in text and "Parašas" in text  # the sheet is in Lithuanian
        assert f"Puslapis {number} iš {total}" in text
    numbers = [int(w) for p in reader.pages for w in p.extract_text().split() if w.isdigit()]
    assert max(n for n in numbers if n < 1000) == 70  # 60 people, then 10 blank rows


def _cert(name: str, lang: str, code: str = "7KQ2-M9XD-4RA") -> CertificateData:
    return CertificateData(
        number="SAL-2026-0042", verification_code=code, person_name=name, person_lang=lang,
        event_kind="training", event_title="Lyderių mokymai", event_title_second="",
        starts_on=dt.date(2026, 11, 24), ends_on=dt.date(2026, 11, 26), hours=16,
        topics=("Interesų derinimas",), office_name="Šalčininkų biuras",
        signatory_name="Irena Kšivicka", signatory_title="Vadovė", issued_on=dt.date(2026, 11, 26))


def test_certificates_one_page_each_with_the_name() -> None:
    reader = PdfReader(io.BytesIO(render_certificates([_cert(n, "lt") for n in NAMES])))
    assert len(reader.pages) == 3
    for page, name in zip(reader.pages, NAMES, strict=True):
        text = page.extract_text()
        assert name in text and "SAL-2026-0042" in text
        assert "2026 m. lapkričio 24–26 d." in text
    assert _fonts(reader)


@pytest.mark.skipif(not shutil.which("pdftoppm") or not shutil.which("zbarimg"),
                    reason="poppler-utils and zbar-tools are installed by .ci/run")
def test_qr_code_decodes_to_the_verification_code(tmp_path: Path) -> None:
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_certificates([_cert("Łukasz Wiśniewski", "pl", "AB12-CD34-EF5")]))
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == "AB12-CD34-EF5"
