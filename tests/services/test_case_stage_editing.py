"""The coordinator adjusts the stages: names in four languages and required facts, validated,
written through the change log, and used by the stage rules at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select
from test_case_fixtures import new_case

from app.db import Database
from app.errors import UserError, ValidationError
from app.i18n import set_language
from app.models import ChangeLog, RefItem
from app.services import choices
from app.services.case_stage_editing import StageEdit, save_stage_edits, stage_edits
from app.services.case_stages import MissingFactsError, missing_facts, move_stage, stages
from app.services.cases import get_case
from app.services.offices import init_office
from app.services.results import CASES, REFERENCE

D = dt.date(2026, 2, 1)


@pytest.fixture
def coord_db(db: Database) -> Database:
    init_office(db, "VLN", "Vilniaus koordinatorius", coordinator=True)
    return db


def edited(edits: list[StageEdit], code: str, **changes: object) -> list[StageEdit]:
    return [replace(e, **changes) if e.code == code else e for e in edits]  # type: ignore[arg-type]


def test_the_editor_reads_every_stage_in_order_with_four_names(coord_db: Database) -> None:
    edits = stage_edits(coord_db)
    assert [e.code for e in edits][:2] == ["intake", "needs_assessment"]
    assert edits[-1].code == "closed" and edits[-1].terminal
    assert edits[1].names == {"lt": "Poreikių vertinimas", "pl": "Ocena potrzeb",
                              "ru": "Оценка потребностей", "en": "Needs assessment"}
    assert edits[1].required == ("needs_summary",)


def test_renaming_and_new_facts_apply_to_labels_and_rules(coord_db: Database) -> None:
    edits = stage_edits(coord_db)
    names = {"lt": "Pirmas pokalbis", "pl": "Pierwsza rozmowa", "ru": "Первая беседа",
             "en": "First talk"}
    saved = save_stage_edits(coord_db, edited(edits, "intake", names=names,
                                              required=("business_idea",)))
    assert saved.value == 1 and {REFERENCE, CASES} <= saved.changes.kinds
    assert stages(coord_db)[0].label == "First talk"
    set_language("lt")
    assert stages(coord_db)[0].label == "Pirmas pokalbis"
    set_language("en")
    case_id = new_case(coord_db)
    assert get_case(coord_db, case_id, today=D).stage_label == "First talk"
    # intake now needs the business idea before the case leaves it
    assert missing_facts(coord_db, case_id, "needs_assessment") == ["business_idea"]
    with pytest.raises(MissingFactsError):
        move_stage(coord_db, case_id, "needs_assessment", D)


def test_dropping_a_required_fact_lets_cases_move_on(coord_db: Database) -> None:
    case_id = new_case(coord_db)
    assert missing_facts(coord_db, case_id, "business_idea") == ["needs_summary"]
    save_stage_edits(coord_db, edited(stage_edits(coord_db), "needs_assessment", required=()))
    assert missing_facts(coord_db, case_id, "business_idea") == []
    move_stage(coord_db, case_id, "business_idea", D)


def test_outcome_facts_can_be_required_at_any_stage(coord_db: Database) -> None:
    from app.services.case_records import OutcomeData, save_outcome

    save_stage_edits(coord_db, edited(stage_edits(coord_db), "intake",
                                      required=("jobs_created",)))
    case_id = new_case(coord_db)
    assert missing_facts(coord_db, case_id, "needs_assessment") == ["jobs_created"]
    save_outcome(coord_db, OutcomeData(case_id, "registration", D, True, "", 1, 0))
    assert missing_facts(coord_db, case_id, "needs_assessment") == []


@pytest.mark.parametrize("lang", ["lt", "pl", "ru", "en"])
def test_a_name_is_required_in_every_language(coord_db: Database, lang: str) -> None:
    edits = stage_edits(coord_db)
    names = {**edits[2].names, lang: "  "}
    with pytest.raises(ValidationError) as err:
        save_stage_edits(coord_db, edited(edits, edits[2].code, names=names))
    assert err.value.field == f"{edits[2].code}.name_{lang}"
    assert "name in" in err.value.text()
    assert stage_edits(coord_db) == edits  # nothing written


def test_codes_and_the_terminal_stage_stay_as_they_are(coord_db: Database) -> None:
    edits = stage_edits(coord_db)
    with pytest.raises(UserError):
        save_stage_edits(coord_db, [*edits, StageEdit("new_stage", 999, False, edits[0].names)])
    for fact in ("no_such_fact", "close_reason"):  # a working stage never has a close reason
        with pytest.raises(ValidationError):
            save_stage_edits(coord_db, edited(edits, "intake", required=(fact,)))
    save_stage_edits(coord_db, edited(edits, "closed", required=("business_idea",)))
    assert next(e for e in stage_edits(coord_db) if e.code == "closed").required == (
        "close_reason",)
    assert [e.code for e in stage_edits(coord_db)] == [e.code for e in edits]


def test_only_the_coordinator_edits_the_stages(office_db: Database) -> None:
    edits = stage_edits(office_db)
    with pytest.raises(UserError) as err:
        save_stage_edits(office_db, edited(edits, "intake", required=("business_idea",)))
    assert "coordinator" in err.value.text()


def test_edits_go_through_the_change_log(coord_db: Database) -> None:
    edits = stage_edits(coord_db)
    names = {**edits[0].names, "pl": "Zgłoszenie się"}
    save_stage_edits(coord_db, edited(edits, "intake", names=names,
                                      required=("business_idea",)))
    with coord_db.reader() as s:
        row = s.execute(select(RefItem).where(RefItem.list_name == "case_stage",
                                              RefItem.code == "intake")).scalar_one()
        logged = s.execute(select(ChangeLog.field).where(
            ChangeLog.table_name == "ref_items", ChangeLog.record_id == row.id)).scalars().all()
    assert sorted(logged) == ["extra", "name_pl"]
    assert row.extra["order"] == 10 and row.extra["required"] == ["business_idea"]


def test_saving_without_changes_changes_nothing(coord_db: Database) -> None:
    saved = save_stage_edits(coord_db, stage_edits(coord_db))
    assert saved.value == 0 and not saved.changes
    assert choices.ref_list(coord_db, "case_stage")[0] == ("intake", "Intake")
