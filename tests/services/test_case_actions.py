"""Next actions: follow-ups from the start date, done marks, the due list on a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest
from test_case_fixtures import TODAY, new_case, person

from app.db import Database
from app.errors import ValidationError
from app.services import people
from app.services.case_actions import add_months, due_actions, remove_action, save_action, set_done
from app.services.case_records import ActivityData, OutcomeData, save_activity, save_outcome
from app.services.case_stages import close_case, move_stage
from app.services.cases import get_case


def test_add_months_keeps_the_day_or_takes_the_last() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 7, 15), 6) == dt.date(2027, 1, 15)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)


def test_due_list_has_overdue_and_this_weeks_actions_only(office_db: Database) -> None:
    case_id = new_case(office_db)
    day = dt.timedelta(days=1)
    for title, due in (("late", TODAY - day), ("today", TODAY), ("sunday", TODAY + 6 * day),
                       ("next monday", TODAY + 7 * day)):
        save_action(office_db, case_id, title, due, None)
    done = save_action(office_db, case_id, "done late", TODAY - 3 * day, None).value
    set_done(office_db, done, TODAY - day)
    items = due_actions(office_db, TODAY)
    assert [(i.title, i.overdue) for i in items] == [("late", True), ("today", False),
                                                     ("sunday", False)]
    assert items[0].beneficiary == "Ona Petraitienė"
    assert items[0].responsible == "Jonas Jonaitis"  # the case's consultant by default
    d = get_case(office_db, case_id, today=TODAY)
    assert d.overdue_actions == 1 and d.next_action is not None
    assert d.next_action.title == "late"


def test_closed_cases_and_removed_actions_leave_the_due_list(office_db: Database) -> None:
    first, second = new_case(office_db), new_case(office_db)
    a = save_action(office_db, first, "call", TODAY, None).value
    save_action(office_db, second, "visit", TODAY, None)
    close_case(office_db, second, "moved_away", TODAY)
    assert [i.title for i in due_actions(office_db, TODAY)] == ["call"]
    remove_action(office_db, a)
    assert due_actions(office_db, TODAY) == []


def test_an_action_needs_a_title_and_a_date(office_db: Database) -> None:
    case_id = new_case(office_db)
    with pytest.raises(ValidationError):
        save_action(office_db, case_id, "  ", TODAY, None)
    with pytest.raises(ValidationError):
        save_action(office_db, case_id, "call", None, None)


def test_follow_up_outcome_marks_the_follow_up_done(office_db: Database) -> None:
    case_id = new_case(office_db, opened=dt.date(2025, 6, 2))
    move_stage(office_db, case_id, "operating", dt.date(2025, 9, 1), reason="x")
    assert [i.title for i in due_actions(office_db, TODAY)] == ["6-month follow-up"]
    save_outcome(office_db, OutcomeData(case_id, "follow_up_6m", TODAY, True, "5-15k", 2, 1))
    assert due_actions(office_db, TODAY) == []
    six = [a for a in get_case(office_db, case_id).actions if a.automatic == "follow_up_6m"]
    assert six[0].done_on == TODAY


def test_closing_cancels_pending_follow_ups(office_db: Database) -> None:
    case_id = new_case(office_db)
    move_stage(office_db, case_id, "operating", dt.date(2026, 2, 1), reason="x")
    close_case(office_db, case_id, "not_viable", TODAY)
    assert get_case(office_db, case_id).actions == ()


def test_training_activity_needs_the_event(office_db: Database) -> None:
    case_id = new_case(office_db)
    with pytest.raises(ValidationError) as err:
        save_activity(office_db, ActivityData(case_id, "training", TODAY))
    assert err.value.field == "event_id"
    save_activity(office_db, ActivityData(case_id, "call", TODAY, 15, notes="asked about VAT"))
    acts = get_case(office_db, case_id).activities
    assert acts[0].by == "Jonas Jonaitis"  # the case's consultant unless said otherwise
    assert [(a.kind_label, a.minutes, a.notes) for a in acts] == [("phone call", 15,
                                                                    "asked about VAT")]


def test_access_request_includes_case_notes_and_activities(office_db: Database) -> None:
    case_id = new_case(office_db, notes="Prefers Polish")
    save_activity(office_db, ActivityData(case_id, "consultation", TODAY, notes="first talk"))
    beneficiary = get_case(office_db, case_id).beneficiary_id
    exported = people.export_person(office_db, beneficiary)
    assert exported["cases"][0]["notes"] == "Prefers Polish"
    assert exported["cases"][0]["activities"][0]["notes"] == "first talk"
    other = person(office_db, "Anna", "Nowak")
    assert people.export_person(office_db, other)["cases"] == []


def test_erasing_blanks_the_case_notes_but_keeps_the_figures(office_db: Database) -> None:
    from app.services.cases import erase_case_notes

    case_id = new_case(office_db, notes="Prefers Polish", barriers="health")
    save_activity(office_db, ActivityData(case_id, "consultation", TODAY, notes="first talk"))
    beneficiary = get_case(office_db, case_id).beneficiary_id
    with office_db.session() as s:
        assert erase_case_notes(s, beneficiary) == 1
    d = get_case(office_db, case_id)
    assert (d.notes, d.barriers, d.activities[0].notes) == ("", "", "")
    assert d.activities[0].minutes == 60 and d.stage == "intake"
