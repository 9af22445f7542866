"""The case summary PDF, read back: the beneficiary, stages with dates, activities, support,
financing and outcomes, in the language asked for whatever the interface language."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from pypdf import PdfReader

from app.db import Database
from app.models import Person
from app.services.case_editing import CaseData, save_case
from app.services.case_printing import case_summary_pdf
from app.services.case_records import (
    ActivityData,
    FinancingData,
    OutcomeData,
    SupportData,
    save_activity,
    save_financing,
    save_outcome,
    save_support,
)
from app.services.case_stages import move_stage
from app.services.offices import init_office

D = dt.date(2026, 3, 16)


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def make_case(db: Database) -> str:
    init_office(db, "SAL", "Šalčininkų biuras")
    with db.session() as s:
        ona, rasa = Person(first_name="Łucja", last_name="Żółkiewska"), Person(
            first_name="Rasa", last_name="Jonaitė")
        s.add_all([ona, rasa])
        s.flush()
        ids = ona.id, rasa.id
    case_id = save_case(db, CaseData(beneficiary_id=ids[0], consultant_id=ids[1],
                                     opened_on=dt.date(2026, 1, 5), business_idea="Kepykla",
                                     barriers="Valstybinės kalbos lygis A2",
                                     notes="private note")).value.id
    assert case_id
    move_stage(db, case_id, "financing", dt.date(2026, 2, 2), reason="Įvertinta anksčiau")
    save_activity(db, ActivityData(case_id, "consultation", D, 90, notes="Verslo planas"))
    save_support(db, SupportData(case_id, "equipment", "Krosnis", D, None, Decimal("1250.50")))
    save_financing(db, FinancingData(case_id, "grant", "granted", Decimal("3000"), D, D))
    save_outcome(db, OutcomeData(case_id, "registration", D, True, "0-5k", 2, 1))
    return case_id


def test_summary_in_polish_reads_back(office_db: Database) -> None:
    db = office_db
    case_id = make_case(db)
    text = text_of(case_summary_pdf(db, case_id, "pl"))
    assert "Łucja Żółkiewska" in text and "SAL-MV-2026-001" in text
    assert "Zgłoszenie" in text and "Finansowanie" in text  # stage names in Polish
    assert "2.02.2026" in text or "02.02.2026" in text
    assert "Įvertinta anksčiau" in text  # the recorded reason is on file
    assert "Verslo planas" in text and "Krosnis" in text
    assert "1250,50" in text.replace("\u00a0", "").replace(" ", "")
    assert "private note" not in text  # case notes stay out of the paper file


def test_summary_in_russian_and_english(office_db: Database) -> None:
    db = office_db
    case_id = make_case(db)
    ru = text_of(case_summary_pdf(db, case_id, "ru"))
    assert "Обращение" in ru and "Финансирование" in ru
    en = text_of(case_summary_pdf(db, case_id, "en"))
    assert "Micro-business case summary" in en
    assert "Intake" in en and "Financing" in en
    assert "consultation" in en and "at registration" in en


def test_revenue_band_is_named_in_the_document_language(office_db: Database) -> None:
    db = office_db
    case_id = make_case(db)  # its outcome is in the 0-5k band
    texts = {lang: text_of(case_summary_pdf(db, case_id, lang)).replace("\u00a0", " ")
             for lang in ("lt", "pl", "ru", "en")}
    assert "Iki 5 000 EUR" in texts["lt"]
    assert "Do 5 000 EUR" in texts["pl"]
    assert "До 5 000 евро" in texts["ru"]
    assert "Up to 5,000 EUR" in texts["en"]
    assert "0-5k" not in texts["en"]
