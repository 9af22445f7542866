"""Erasing a person leaves nothing of them in the database: not in the records, not in the
change log's history of edits, not in the conflicts inbox, not in the file's free space."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import select
from test_case_fixtures import TODAY, new_case

from app.db import Database
from app.ids import uuid7
from app.models import ChangeLog, Conflict, Person
from app.services import people
from app.services.case_records import ActivityData, save_activity
from app.services.cases import get_case
from app.sync.scrub import scrub

SECRETS = ("Wojtkiewicz", "Kalinowska", "zdrowie-tajne", "pierwsza-rozmowa", "Brzozowa 7",
           "mw@example.pl", "zgoda-notatka")


def _history(db: Database) -> str:
    with db.reader() as s:
        log = [r.value or "" for r in s.execute(select(ChangeLog)).scalars()]
        conflicts = [f"{c.winning_value} {c.losing_value}"
                     for c in s.execute(select(Conflict)).scalars()]
    return " ".join(log + conflicts)


def test_erasure_scrubs_the_history_of_the_person_and_their_case_notes(office_db: Database,
                                                                        ) -> None:
    db = office_db
    case_id = new_case(db, notes="zdrowie-tajne", barriers="zdrowie-tajne")
    save_activity(db, ActivityData(case_id, "consultation", TODAY, notes="pierwsza-rozmowa"))
    pid = get_case(db, case_id).beneficiary_id
    with db.session() as s:  # a history of edits: the name twice, an address, an e-mail
        p = s.get(Person, pid)
        assert p is not None
        p.first_name, p.last_name = "Maria", "Wojtkiewicz"
    with db.session() as s:
        p = s.get(Person, pid)
        assert p is not None
        p.last_name, p.address, p.email = "Kalinowska", "Brzozowa 7", "mw@example.pl"
        s.add(Conflict(id=uuid7(), table_name="people", record_id=pid, field="last_name",
                       winning_value='"Kalinowska"', winning_hlc="1.0.SAL",
                       losing_value='"Wojtkiewicz"', losing_hlc="0.0.VIS",
                       detected_at=dt.datetime(2026, 3, 1)))
    people.record_consent(db, pid, "polish", TODAY, note="zgoda-notatka")
    before = _history(db)
    assert all(secret in before for secret in SECRETS)  # the test sees what it looks for

    people.erase_person(db, pid)

    after = _history(db)
    assert [secret for secret in SECRETS if secret in after] == []
    assert get_case(db, case_id).stage == "intake"  # the figures stay
    with db.reader() as s:  # the log still tells that the fields changed, and to what
        kinds = {(r.op, r.field) for r in s.execute(select(ChangeLog).where(
            ChangeLog.record_id == pid)).scalars()}
    assert ("update", "last_name") in kinds and ("insert", None) in kinds


def test_nothing_erased_survives_in_the_file_itself(office_db: Database) -> None:
    db = office_db
    case_id = new_case(db, notes="zdrowie-tajne")
    pid = get_case(db, case_id).beneficiary_id
    with db.session() as s:
        p = s.get(Person, pid)
        assert p is not None
        p.last_name, p.email = "Wojtkiewicz", "mw@example.pl"
    people.erase_person(db, pid)
    path = db.path
    assert path is not None
    db.dispose()
    with sqlite3.connect(path) as con:  # fold the WAL into the file, as on closing the app
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                               if path.with_name(path.name + "-wal").exists() else b"")
    for secret in ("Wojtkiewicz", "mw@example.pl", "zdrowie-tajne"):
        assert secret.encode() not in raw, secret


def test_scrub_touches_only_the_fields_and_records_named(db: Database) -> None:
    with db.session() as s:
        a, b = Person(first_name="Ala", last_name="Kot"), Person(first_name="Ola", last_name="Pies")
        s.add_all([a, b])
        s.flush()
        ids = (a.id, b.id)
    with db.session() as s:
        assert scrub(s, "people", [ids[0]], {"last_name": "—"}) == 1
    history = _history(db)
    assert "Kot" not in history and "Ala" in history and "Pies" in history
