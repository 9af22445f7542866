"""The coordinator's stage edits are reference data: they reach every office through the change
log in the next exchange file, and the offices' stage rules use them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.services import case_stages, choices
from app.services.case_editing import CaseData, save_case
from app.services.case_stage_editing import save_stage_edits, stage_edits
from app.services.people import PersonData, save_person
from tests.sync.network import Net


def test_renamed_stage_and_new_required_fact_reach_the_offices(net: Net) -> None:
    edits = stage_edits(net.db("VLN"))
    intake = next(e for e in edits if e.code == "intake")
    new = dataclasses.replace(intake, names={**intake.names, "lt": "Pirmasis kreipimasis",
                                             "en": "First contact"},
                              required=("business_idea",))
    save_stage_edits(net.db("VLN"), [new if e.code == "intake" else e for e in edits])
    for office in ("SAL", "VIS"):
        report = net.deliver(net.send("VLN", office), office)
        assert report.status == "applied"
        choices.clear()  # as the tab does when an import publishes reference changes
        first = case_stages.stages(net.db(office))[0]
        assert (first.code, first.label, first.required) == (
            "intake", "First contact", ("business_idea",))
        assert choices.ref_list(net.db(office), "case_stage")[0] == ("intake", "First contact")
    db = net.db("SAL")
    person = save_person(db, PersonData(first_name="Ona", last_name="Yla")).value.id or ""
    case = save_case(db, CaseData(beneficiary_id=person, opened_on=dt.date(2026, 3, 2))).value.id
    assert case_stages.missing_facts(db, case, "needs_assessment") == ["business_idea"]
    # the office's answer does not send the stages back as its own change
    net.deliver(net.send("SAL", "VLN"), "VLN")
    assert stage_edits(net.db("VLN"))[0].names["en"] == "First contact"
