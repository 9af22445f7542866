"""Stage rules: required facts, the recorded-reason path, closing and reopening."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from test_case_fixtures import new_case

from app.db import Database
from app.errors import ValidationError
from app.services.case_editing import get_case_data, save_case
from app.services.case_records import FinancingData, save_financing
from app.services.case_stages import (
    MissingFactsError,
    close_case,
    missing_facts,
    move_stage,
    stages,
    working_stages,
)
from app.services.cases import get_case

D = dt.date(2026, 2, 1)


def test_stages_come_in_order_from_reference_data(office_db: Database) -> None:
    codes = [s.code for s in stages(office_db)]
    assert codes[0] == "intake" and codes[-1] == "closed"
    assert "closed" not in [s.code for s in working_stages(office_db)]
    assert len(working_stages(office_db)) == 10


def test_new_case_is_coded_and_enters_intake(office_db: Database) -> None:
    case_id = new_case(office_db)
    d = get_case(office_db, case_id, today=D)
    assert d.code == "SAL-MV-2026-001"
    assert d.stage == "intake"
    assert [(x.from_label, x.to_label) for x in d.stages] == [("", "Intake")]
    assert new_case(office_db) != case_id
    assert get_case(office_db, new_case(office_db)).code == "SAL-MV-2026-003"


def test_moving_past_a_stage_without_its_facts_asks_for_them(office_db: Database) -> None:
    case_id = new_case(office_db)
    move_stage(office_db, case_id, "needs_assessment", D)  # intake needs nothing
    assert missing_facts(office_db, case_id, "business_plan") == ["needs_summary",
                                                                   "business_idea"]
    with pytest.raises(MissingFactsError) as err:
        move_stage(office_db, case_id, "business_plan", D)
    assert err.value.facts == ("needs_summary", "business_idea")
    assert "the business idea" in err.value.text()
    assert get_case(office_db, case_id).stage == "needs_assessment"


def test_facts_present_let_the_case_move_on(office_db: Database) -> None:
    case_id = new_case(office_db, barriers="State language A2", business_idea="Bakery")
    move_stage(office_db, case_id, "business_plan", D, note="Plan started")
    d = get_case(office_db, case_id)
    assert d.stage == "business_plan"
    assert d.stages[-1].note == "Plan started" and d.stages[-1].reason == ""


def test_a_recorded_reason_lets_the_case_move_without_the_facts(office_db: Database) -> None:
    case_id = new_case(office_db)
    move_stage(office_db, case_id, "financing", D, reason="Plan done with a partner bank")
    d = get_case(office_db, case_id)
    assert d.stage == "financing"
    assert d.stages[-1].reason == "Plan done with a partner bank"
    with pytest.raises(MissingFactsError) as err:
        move_stage(office_db, case_id, "registration", D)
    assert err.value.facts == ("financing_status",)
    save_financing(office_db, FinancingData(case_id, "grant", "granted", Decimal("3000"), D, D))
    move_stage(office_db, case_id, "registration", D)
    assert get_case(office_db, case_id).stage == "registration"


def test_moving_back_needs_no_facts_and_no_reason(office_db: Database) -> None:
    case_id = new_case(office_db)
    move_stage(office_db, case_id, "training_mentoring", D, reason="transfer from another office")
    move_stage(office_db, case_id, "needs_assessment", D)
    assert get_case(office_db, case_id).stage == "needs_assessment"


def test_entering_operating_sets_the_start_and_schedules_follow_ups(office_db: Database) -> None:
    case_id = new_case(office_db)
    move_stage(office_db, case_id, "operating", dt.date(2026, 8, 31), reason="registered earlier")
    assert get_case_data(office_db, case_id).started_on == dt.date(2026, 8, 31)
    actions = {a.automatic: a.due_on for a in get_case(office_db, case_id).actions}
    assert actions == {"follow_up_6m": dt.date(2027, 2, 28), "follow_up_12m": dt.date(2027, 8, 31)}


def test_closing_needs_a_reason_and_reopening_clears_it(office_db: Database) -> None:
    case_id = new_case(office_db)
    with pytest.raises(ValidationError):
        close_case(office_db, case_id, "", D)
    close_case(office_db, case_id, "found_job", D, note="Works at a bakery")
    d = get_case(office_db, case_id)
    assert (d.stage, d.closed_on, d.close_reason_label) == ("closed", D, "Found a job")
    move_stage(office_db, case_id, "intake", D + dt.timedelta(days=3), note="came back")
    d = get_case(office_db, case_id)
    assert (d.stage, d.closed_on, d.close_reason_label) == ("intake", None, "")


def test_a_move_cannot_predate_the_case(office_db: Database) -> None:
    case_id = new_case(office_db)
    with pytest.raises(ValidationError):
        move_stage(office_db, case_id, "needs_assessment", dt.date(2025, 12, 1))


def test_editing_the_start_date_moves_the_follow_ups(office_db: Database) -> None:
    case_id = new_case(office_db)
    move_stage(office_db, case_id, "operating", dt.date(2026, 3, 1), reason="x")
    data = get_case_data(office_db, case_id)
    save_case(office_db, data.__class__(**{**data.__dict__, "started_on": dt.date(2026, 4, 1)}))
    due = sorted(a.due_on for a in get_case(office_db, case_id).actions)
    assert due == [dt.date(2026, 10, 1), dt.date(2027, 4, 1)]
