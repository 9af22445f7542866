"""Small builders for the case tests: people in the registry and a case opened on a fixed day."""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.models import Person
from app.services.case_editing import CaseData, save_case

TODAY = dt.date(2026, 3, 16)  # a Monday


def person(db: Database, first: str, last: str) -> str:
    with db.session() as s:
        p = Person(first_name=first, last_name=last)
        s.add(p)
        s.flush()
        return p.id


def new_case(db: Database, opened: dt.date = dt.date(2026, 1, 5), **fields: object) -> str:
    beneficiary = person(db, "Ona", "Petraitienė")
    consultant = person(db, "Jonas", "Jonaitis")
    data = CaseData(beneficiary_id=beneficiary, consultant_id=consultant, opened_on=opened)
    for key, value in fields.items():
        data = data.__class__(**{**data.__dict__, key: value})
    saved = save_case(db, data)
    assert saved.value.id
    return saved.value.id
