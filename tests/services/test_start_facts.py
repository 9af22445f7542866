"""The conflicts count the status bar shows at once, read with plain SQL before the ORM loads,
agrees with the inbox the ORM builds. (The cases' due list is plain SQL too; its rules are
tested in test_case_actions.py.)"""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.demo import generate
from app.ids import uuid7
from app.models import Conflict, Person
from app.services import conflicts
from app.services.conflict_count import open_count

FUTURE = "9999999999999.00000.SAL"


def _conflict(pid: str, field: str, win: str, lose: str, **extra: object) -> Conflict:
    return Conflict(id=uuid7(), table_name="people", record_id=pid, field=field,
                    winning_value='"a"', winning_hlc=win, losing_value='"b"', losing_hlc=lose,
                    detected_at=dt.datetime(2026, 3, 1), **extra)


def test_the_conflicts_count_matches_the_inbox(db: Database) -> None:
    generate(db, size=50)
    assert open_count(db) == len(conflicts.open_conflicts(db)) == 0
    pid = db.plain().scalar("SELECT id FROM people ORDER BY id LIMIT 1")
    with db.session() as s:
        person = s.get(Person, pid)
        assert person is not None
        person.last_name = "Kalinowska"  # logged after the first conflict's sides: decided
        s.add(_conflict(pid, "last_name", "1.0.SAL", "0.0.VIS"))
        s.add(_conflict(pid, "email", FUTURE, "2.0.VIS"))  # these two are one inbox item
        s.add(_conflict(pid, "phone", FUTURE, "2.0.VIS"))
        s.add(_conflict(pid, "notes", FUTURE, "3.0.VIS"))
        s.add(_conflict(pid, "city", FUTURE, "4.0.VIS", resolved_at=dt.datetime(2026, 3, 2),
                        resolution="keep"))
    assert len(conflicts.open_conflicts(db)) == 2
    assert open_count(db) == 2
