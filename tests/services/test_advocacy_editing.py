import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationError
from app.models import Event, Organisation, Person
from app.services import choices
from app.services.advocacy import get_run, overdue_proposals
from app.services.advocacy_editing import (
    ProposalData,
    RunData,
    StepData,
    add_institution,
    derive_run_status,
    load_run,
    record_response,
    remove_step,
    save_proposal,
    save_run,
    save_step,
)
from app.services.network_editing import NetworkData, save_network
from app.services.results import RUNS

D = dt.date
TODAY = D(2026, 6, 15)


@pytest.fixture
def refs(office_db: Database) -> dict[str, str]:
    with office_db.session() as s:
        a, b = Organisation(name="Asociacija Šviesa"), Organisation(name="Bendruomenė Rytas")
        p = Person(first_name="Jonas", last_name="Jonaitis")
        s.add_all([a, b, p])
        s.flush()
        out = {"a": a.id, "b": b.id, "person": p.id}
    out["net"] = save_network(office_db, NetworkData(name="Tinklas", status="active"),
                              today=TODAY).value.id or ""
    return out


def _run(db: Database, refs: dict[str, str]) -> str:
    saved = save_run(db, RunData(
        title="Valstybinės kalbos kursai", goal="Nemokami kursai suaugusiems",
        document_kind="programme", document_title="Švietimo programa",
        lead_organisation_id=refs["a"], started_on=D(2026, 1, 10),
        institution_codes=("seimas", "seimas"), partner_organisation_ids=(refs["b"],),
        partner_network_ids=(refs["net"],)), today=TODAY)
    assert RUNS in saved.changes.kinds
    assert saved.value.code == "SAL-ADV-2026-001"
    return saved.value.id or ""


def test_create_run_with_targets_and_partners(office_db: Database, refs: dict[str, str]) -> None:
    run = _run(office_db, refs)
    d = get_run(office_db, run, today=TODAY)
    assert d.institutions == ("Seimas of the Republic of Lithuania",)
    assert set(d.partners) == {"Bendruomenė Rytas", "Tinklas"}
    data = load_run(office_db, run)
    new = add_institution(office_db, "Šalčininkų rajono savivaldybės taryba").value
    assert add_institution(office_db, "šalčininkų rajono savivaldybės taryba").value == new
    assert new in dict(choices.institutions(office_db))
    save_run(office_db, RunData(**{**data.__dict__, "institution_codes": (new,),
                                   "partner_network_ids": ()}), today=TODAY)
    d = get_run(office_db, run, today=TODAY)
    assert d.institutions == ("Šalčininkų rajono savivaldybės taryba",)
    assert d.partners == ("Bendruomenė Rytas",)
    second = save_run(office_db, RunData(title="Antra"), today=TODAY).value
    assert second.code == "SAL-ADV-2026-002"


def test_run_rules(office_db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        save_run(office_db, RunData(title=""), today=TODAY)
    assert err.value.field == "title"
    with pytest.raises(ValidationError) as err:
        save_run(office_db, RunData(title="x", status="drafting", closed_on=TODAY), today=TODAY)
    assert err.value.field == "closed_on"
    with pytest.raises(ValidationError):
        save_run(office_db, RunData(title="x", status="sleeping"), today=TODAY)


def test_steps_on_the_timeline(office_db: Database, refs: dict[str, str]) -> None:
    run = _run(office_db, refs)
    with office_db.session() as s:
        ev = Event(code="SAL-2026-004", title_lt="Apskritasis stalas", kind="round_table",
                   run_id=run, starts_on=D(2026, 2, 3), ends_on=D(2026, 2, 3))
        s.add(ev)
        s.flush()
        ev_id = ev.id
    save_step(office_db, StepData(run_id=run, kind="letter", date=D(2026, 3, 1),
                                  title="Raštas ministerijai", responsible_id=refs["person"]))
    rt = save_step(office_db, StepData(run_id=run, kind="round_table", date=D(2026, 2, 3),
                                       event_id=ev_id)).value
    d = get_run(office_db, run, today=TODAY)
    assert [x.kind_label for x in d.steps] == ["round table", "letter"]
    assert d.steps[0].event_code == "SAL-2026-004" and d.steps[1].responsible == "Jonas Jonaitis"
    assert [e.code for e in d.events] == ["SAL-2026-004"]
    with pytest.raises(ValidationError):
        save_step(office_db, StepData(run_id=run, kind="letter"))
    remove_step(office_db, rt.id or "")
    assert len(get_run(office_db, run, today=TODAY).steps) == 1


def test_proposal_due_date_by_working_days(office_db: Database, refs: dict[str, str]) -> None:
    run = _run(office_db, refs)
    # Submitted Wednesday 25 March 2026: 20 working days, Easter Monday skipped -> 23 April
    p = save_proposal(office_db, ProposalData(
        run_id=run, summary="Įtraukti kursus", institution_code="seimas",
        submitted_on=D(2026, 3, 25), registration_number="S-2026-17"), today=TODAY,
        working_days=20).value
    assert p.response_due_on == D(2026, 4, 23)
    # the setting's number of days
    q = save_proposal(office_db, ProposalData(
        run_id=run, summary="Kitas", institution_code="seimas", submitted_on=D(2026, 6, 10)),
        today=TODAY, working_days=5).value
    assert q.response_due_on == D(2026, 6, 17)
    # the default comes from the settings file (20)
    r = save_proposal(office_db, ProposalData(
        run_id=run, summary="Trečias", institution_code="seimas", submitted_on=D(2026, 6, 1)),
        today=TODAY).value
    assert r.response_due_on == D(2026, 6, 30)  # 24 June skipped
    # a given date is kept
    given = save_proposal(office_db, ProposalData(
        run_id=run, summary="Ketvirtas", institution_code="seimas", submitted_on=D(2026, 6, 1),
        response_due_on=D(2026, 7, 31)), today=TODAY).value
    assert given.response_due_on == D(2026, 7, 31)


def test_overdue_and_response(office_db: Database, refs: dict[str, str]) -> None:
    run = _run(office_db, refs)
    late = save_proposal(office_db, ProposalData(
        run_id=run, summary="Vėluoja", institution_code="seimas", submitted_on=D(2026, 3, 25)),
        today=TODAY, working_days=20).value
    save_proposal(office_db, ProposalData(
        run_id=run, summary="Laukia", institution_code="seimas", submitted_on=D(2026, 6, 12)),
        today=TODAY, working_days=20)
    save_proposal(office_db, ProposalData(run_id=run, summary="Juodraštis"), today=TODAY)
    d = get_run(office_db, run, today=TODAY)
    assert d.status == "awaiting_response"
    assert (d.awaiting, d.overdue) == (2, 1)
    assert [p.summary for p in d.proposals if p.overdue] == ["Vėluoja"]
    over = overdue_proposals(office_db, today=TODAY)
    assert [(o.summary, o.run_code) for o in over] == [("Vėluoja", "SAL-ADV-2026-001")]
    assert over[0].working_days_late == 36  # 24 April to 15 June, weekends and 1 May skipped
    assert overdue_proposals(office_db, today=D(2026, 4, 23)) == []
    # the response comes back
    record_response(office_db, late.id or "", D(2026, 6, 1), "Iš dalies pritarta",
                    "partly_adopted", today=TODAY)
    d = get_run(office_db, run, today=TODAY)
    assert d.overdue == 0 and d.awaiting == 1
    answered = next(p for p in d.proposals if p.summary == "Vėluoja")
    assert answered.outcome_label == "partly adopted" and answered.response_summary
    assert overdue_proposals(office_db, today=TODAY) == []


@pytest.mark.parametrize("change, field", [
    ({"response_on": D(2026, 3, 1)}, "response_on"),  # before submission
    ({"response_on": TODAY + dt.timedelta(days=1)}, "response_on"),  # in the future
    ({"outcome": "adopted"}, "response_on"),  # adopted needs the response
    ({"outcome": "no_answer", "submitted_on": D(2026, 6, 10)}, "outcome"),  # not yet due
    ({"outcome": "no_answer", "response_on": D(2026, 6, 1)}, "outcome"),
    ({"institution_code": None}, "institution_code"),
    ({"submitted_on": TODAY + dt.timedelta(days=1)}, "submitted_on"),
    ({"submitted_on": None, "response_on": D(2026, 6, 1)}, "submitted_on"),
    ({"summary": " "}, "summary"),
    ({"outcome": "won"}, "outcome"),
])
def test_proposal_rules(office_db: Database, refs: dict[str, str], change: dict,
                        field: str) -> None:
    run = _run(office_db, refs)
    base = {"run_id": run, "summary": "x", "institution_code": "seimas",
            "submitted_on": D(2026, 3, 25)}
    with pytest.raises(ValidationError) as err:
        save_proposal(office_db, ProposalData(**{**base, **change}), today=TODAY,
                      working_days=20)
    assert err.value.field == field


def test_no_answer_after_due_date(office_db: Database, refs: dict[str, str]) -> None:
    run = _run(office_db, refs)
    p = save_proposal(office_db, ProposalData(
        run_id=run, summary="Tyla", institution_code="seimas", submitted_on=D(2026, 3, 25)),
        today=TODAY, working_days=20).value
    record_response(office_db, p.id or "", None, "", "no_answer", today=TODAY)
    assert get_run(office_db, run, today=TODAY).status == "no_answer"


def test_run_status_follows_outcomes() -> None:
    on = D(2026, 1, 1)
    assert derive_run_status("drafting", []) == "drafting"
    assert derive_run_status("drafting", [(None, "")]) == "drafting"
    assert derive_run_status("drafting", [(on, "")]) == "awaiting_response"
    assert derive_run_status("awaiting_response", [(on, "adopted"), (on, "")]) == \
        "awaiting_response"
    assert derive_run_status("awaiting_response", [(on, "adopted"), (on, "adopted")]) == \
        "adopted"
    assert derive_run_status("awaiting_response", [(on, "adopted"), (on, "rejected")]) == \
        "partly_adopted"
    assert derive_run_status("submitted", [(on, "rejected"), (on, "no_answer")]) == "rejected"
    assert derive_run_status("submitted", [(on, "withdrawn")]) == "withdrawn"
    assert derive_run_status("submitted", [(on, "withdrawn"), (on, "adopted")]) == "adopted"
    # a run closed by hand is not moved
    assert derive_run_status("closed", [(on, "")]) == "closed"
    assert derive_run_status("rejected", [(on, "")]) == "rejected"
