"""Erasure reaches the history too. Values an erased person once held are replaced, in this
database's change log and conflicts inbox, by what the record holds now: the log stays valid to
send, and no old name, address or note survives in the file. Used where a person is erased here
(`services.people.erase_person`) and where an erasure arrives in an exchange file (`merge`)."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    BusinessCase,
    CaseActivity,
    CaseOutcome,
    ChangeLog,
    Conflict,
    Consent,
    StageChange,
)

ERASED_NAME = "—"
# What an erased person holds: the record stays so that counts in reports survive.
PERSON_ERASED: Mapping[str, Any] = {
    "first_name": ERASED_NAME, "last_name": ERASED_NAME, "email": "", "phone": "",
    "address": "", "postal_code": "", "city": "", "notes": "", "birth_year": None,
    "gender": "", "community_code": None,
}
# The free text of a beneficiary's cases, blanked on erasure (stages, dates and counts stay).
CASE_NOTES: Mapping[str, Mapping[str, Any]] = {
    "business_cases": dict.fromkeys(("notes", "close_note", "barriers", "skills", "resources"), ""),
    "case_activities": {"notes": ""},
    "case_stage_changes": {"note": "", "missing_facts_reason": ""},
    "case_outcomes": {"note": ""},
}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def scrub(s: Session, table: str, record_ids: Collection[str],
          blanked: Mapping[str, Any]) -> int:
    """Replace the logged values of the `blanked` fields of these records; return how many
    log rows and conflicts changed."""
    if not record_ids or not blanked:
        return 0
    changed = 0
    ids = list(record_ids)
    for row in s.execute(select(ChangeLog).where(
            ChangeLog.table_name == table, ChangeLog.record_id.in_(ids))).scalars():
        if row.op == "insert" and row.value:
            values = json.loads(row.value)
            hit = {f: blanked[f] for f in values if f in blanked and values[f] != blanked[f]}
            if hit:
                values.update(hit)
                row.value = _dump(values)
                changed += 1
        elif row.field is not None and row.field in blanked \
                and row.value != _dump(blanked[row.field]):
            row.value = _dump(blanked[row.field])
            changed += 1
    for c in s.execute(select(Conflict).where(
            Conflict.table_name == table, Conflict.record_id.in_(ids),
            Conflict.field.in_(list(blanked)))).scalars():
        c.winning_value = c.losing_value = _dump(blanked[c.field])
        changed += 1
    return changed


def case_note_records(s: Session, person_id: str) -> dict[str, list[str]]:
    """The ids of a beneficiary's cases and their note-holding lines, by table."""
    cases = list(s.execute(select(BusinessCase.id).where(
        BusinessCase.beneficiary_id == person_id)).scalars())
    out = {"business_cases": cases}
    for model in (CaseActivity, StageChange, CaseOutcome):
        out[model.__tablename__] = list(s.execute(select(model.id).where(
            model.case_id.in_(cases))).scalars()) if cases else []
    return out


def scrub_erased_person(s: Session, person_id: str) -> int:
    """Scrub the history of an erased person: the person, their consents' notes, and the
    notes of their cases. Flushes first, so pending edits are in the log when it is scrubbed."""
    s.flush()
    changed = scrub(s, "people", [person_id], PERSON_ERASED)
    consents = list(s.execute(select(Consent.id).where(Consent.person_id == person_id)).scalars())
    changed += scrub(s, "consents", consents, {"note": ""})
    for table, ids in case_note_records(s, person_id).items():
        changed += scrub(s, table, ids, CASE_NOTES[table])
    return changed
