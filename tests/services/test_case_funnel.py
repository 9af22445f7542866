"""Funnel figures on a small caseload whose answers are worked out by hand below."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_case_fixtures import new_case

from app.db import Database
from app.services.case_editing import get_case_data, save_case
from app.services.case_funnel import funnel
from app.services.case_records import OutcomeData, save_outcome
from app.services.case_stages import close_case, move_stage

Q1 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


@pytest.fixture
def caseload(office_db: Database) -> Database:
    db = office_db
    # A: intake 10 days, needs assessment 30 days, business idea 15 days, then found a job.
    a = new_case(db, dt.date(2026, 1, 5), barriers="language", business_idea="Cafe")
    move_stage(db, a, "needs_assessment", dt.date(2026, 1, 15))
    move_stage(db, a, "business_idea", dt.date(2026, 2, 14))
    close_case(db, a, "found_job", dt.date(2026, 3, 1))
    # B: intake 20 days, needs 30 days, idea 92 days, then operating (plan to registration
    # skipped with a reason); registered with 1 job, 3 jobs (1 from a community) at 6 months.
    b = new_case(db, dt.date(2026, 1, 10), barriers="digital", business_idea="Tailor")
    move_stage(db, b, "needs_assessment", dt.date(2026, 1, 30))
    move_stage(db, b, "business_idea", dt.date(2026, 3, 1))
    move_stage(db, b, "operating", dt.date(2026, 6, 1), reason="registered on her own")
    data = get_case_data(db, b)
    save_case(db, data.__class__(**{**data.__dict__, "registered_on": dt.date(2026, 5, 25),
                                    "legal_form": "individual_activity"}))
    save_outcome(db, OutcomeData(b, "registration", dt.date(2026, 5, 25), True, "", 1, 0))
    save_outcome(db, OutcomeData(b, "follow_up_6m", dt.date(2026, 12, 1), True, "5-15k", 3, 1))
    # C: still in intake.
    new_case(db, dt.date(2026, 2, 1))
    # D: opened before the period, so not in the cohort.
    d = new_case(db, dt.date(2025, 12, 20))
    move_stage(db, d, "operating", dt.date(2026, 1, 20), reason="x")
    return db


def test_reached_conversion_and_median_days(caseload: Database) -> None:
    f = funnel(caseload, *Q1)
    assert f.cases == 3
    reached = {s.code: s.reached for s in f.stages}
    assert reached == {"intake": 3, "needs_assessment": 2, "business_idea": 2,
                       "business_plan": 1, "training_mentoring": 1, "financing": 1,
                       "registration": 1, "operating": 1, "follow_up_6m": 0,
                       "follow_up_12m": 0}
    conv = {s.code: s.conversion for s in f.stages}
    assert conv["intake"] is None
    assert conv["needs_assessment"] == pytest.approx(2 / 3)
    assert conv["business_idea"] == 1.0 and conv["business_plan"] == 0.5
    assert conv["follow_up_6m"] == 0.0
    median = {s.code: s.median_days for s in f.stages}
    assert median["intake"] == 15  # 10 and 20
    assert median["needs_assessment"] == 30  # 30 and 30
    assert median["business_idea"] == 53.5  # 15 and 92
    assert median["operating"] is None  # B is still operating
    assert median["business_plan"] is None  # skipped


def test_businesses_follow_ups_and_jobs(caseload: Database) -> None:
    f = funnel(caseload, *Q1)
    assert f.registered == 1
    assert (f.followed_up_6m, f.operating_6m, f.followed_up_12m, f.operating_12m) == (1, 1, 0, 0)
    assert (f.jobs_created, f.community_employees) == (3, 1)  # the 6-month count, not 1 + 3
    assert f.closed_without_business == (("Found a job", 1),)


def test_office_and_period_filters(caseload: Database) -> None:
    office = caseload.local_office().id
    assert funnel(caseload, *Q1, office_id=office).cases == 3
    assert funnel(caseload, *Q1, office_id="no-such-office").cases == 0
    assert funnel(caseload, dt.date(2025, 12, 1), dt.date(2026, 3, 31)).cases == 4
    empty = funnel(caseload, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert empty.cases == 0 and all(s.reached == 0 for s in empty.stages)


def test_exports_add_up_to_the_figures(caseload: Database, tmp_path: Any) -> None:
    import io

    import openpyxl
    from pypdf import PdfReader

    from app.exports.funnel import export_funnel

    f = funnel(caseload, *Q1)
    book = openpyxl.load_workbook(export_funnel(caseload, f, tmp_path / "f.xlsx", "xlsx"))
    rows = [r for r in book.active.iter_rows(values_only=True)]
    stage_rows = {r[0]: r[1:] for r in rows if r and r[0] in {s.label for s in f.stages}}
    assert stage_rows["Intake"] == (3, None, 15)
    assert stage_rows["Needs assessment"][0] == 2
    assert stage_rows["Needs assessment"][1] == pytest.approx(2 / 3)
    assert ("Jobs created, the owners' included", "3", None, None) in rows
    pdf = (tmp_path / "f.pdf")
    export_funnel(caseload, f, pdf, "pdf")
    text = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert "Micro-business funnel figures" in text and "Business idea" in text
    assert "67%" in text and "53.5" in text


def test_operating_businesses_by_revenue_band(caseload: Database, tmp_path: Any) -> None:
    import openpyxl

    from app.exports.funnel import export_funnel
    from app.services.case_funnel import figure_rows

    f = funnel(caseload, *Q1)
    # B operates at its latest outcome (6 months) in the 5-15k band; no other outcomes
    assert f.revenue_bands == (("Up to 5,000 EUR", 0), ("5,000–15,000 EUR", 1),
                               ("15,000–50,000 EUR", 0), ("Over 50,000 EUR", 0))
    assert ("Operating businesses, yearly revenue: 5,000–15,000 EUR", "1") in figure_rows(f)
    book = openpyxl.load_workbook(export_funnel(caseload, f, tmp_path / "f.xlsx", "xlsx"))
    rows = list(book.active.iter_rows(values_only=True))
    assert ("Operating businesses, yearly revenue: 5,000–15,000 EUR", "1", None, None) in rows
