"""Models and the change log written in the same transaction as every edit."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import ChangeLog, LocalState, Person, synced_models
from app.sync.changelog import HardDeleteError, synced_fields


def test_every_synced_model_has_the_sync_columns() -> None:
    models = synced_models()
    assert len(models) > 35
    for model in models:
        cols = {c.key for c in model.__table__.columns}
        assert {"id", "office_id", "changed_by", "hlc", "deleted"} <= cols, model.__name__


def test_insert_writes_one_change_with_all_fields(db: Database) -> None:
    with db.session() as s:
        s.add(Person(first_name="Žydrūnė", last_name="Ąžuolaitė", email="z@example.lt"))
    with db.reader() as s:
        person = s.execute(select(Person)).scalar_one()
        log = s.execute(select(ChangeLog)).scalars().all()
    assert len(log) == 1
    assert log[0].op == "insert" and log[0].record_id == person.id
    values = json.loads(log[0].value or "{}")
    assert values["first_name"] == "Žydrūnė"
    assert set(values) == set(synced_fields(Person))
    assert "search_text" not in values  # local, derived columns never travel
    assert person.hlc == log[0].hlc and person.office_id == db.local_office().id


def test_update_logs_each_field_with_the_stamp_it_overwrote(db: Database) -> None:
    with db.session() as s:
        p = Person(first_name="Jonas", last_name="Petraitis")
        s.add(p)
    with db.session() as s:
        p2 = s.get(Person, p.id)
        assert p2 is not None
        p2.email, p2.phone = "jonas@example.lt", "+370 600 00001"
    with db.reader() as s:
        rows = s.execute(select(ChangeLog).order_by(ChangeLog.seq)).scalars().all()
    assert [r.op for r in rows] == ["insert", "update", "update"]
    assert {r.field for r in rows[1:]} == {"email", "phone"}
    assert all(r.prev_hlc == rows[0].hlc for r in rows[1:])
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[1].hlc > rows[0].hlc


def test_a_rolled_back_edit_leaves_no_change(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Person(first_name="A", last_name="B"))
        s.flush()
        raise RuntimeError("boom")
    with db.reader() as s:
        assert s.execute(select(ChangeLog)).first() is None
        assert s.execute(select(Person)).first() is None
        seq = s.get(LocalState, "seq")
        assert seq is not None and seq.int_value == 0


def test_synced_records_are_never_hard_deleted(db: Database) -> None:
    with db.session() as s:
        p = Person(first_name="A", last_name="B")
        s.add(p)
    with pytest.raises(HardDeleteError), db.session() as s:
        s.delete(s.get(Person, p.id))


def test_tombstone_is_logged_as_a_delete(db: Database) -> None:
    with db.session() as s:
        p = Person(first_name="A", last_name="B")
        s.add(p)
    with db.session() as s:
        obj = s.get(Person, p.id)
        assert obj is not None
        obj.deleted = True
    with db.reader() as s:
        ops = [r.op for r in s.execute(select(ChangeLog).order_by(ChangeLog.seq)).scalars()]
    assert ops == ["insert", "delete"]


def test_derived_columns_follow_the_name(db: Database) -> None:
    with db.session() as s:
        p = Person(first_name="Łukasz", last_name="Wiśniewski")
        s.add(p)
    with db.session() as s:
        obj = s.get(Person, p.id)
        assert obj is not None
        assert "lukasz" in obj.search_text
        obj.last_name = "Иванов"
    with db.reader() as s:
        obj = s.get(Person, p.id)
        assert obj is not None and "ivanov" in obj.search_text


def test_a_merge_unit_is_logged_whole(db: Database) -> None:
    """Changing the city logs the whole address, so a merge can let the whole unit win."""
    with db.session() as s:
        p = Person(first_name="Ona", last_name="Yla", address="Gėlių g. 1", city="Vilnius")
        s.add(p)
    with db.session() as s:
        obj = s.get(Person, p.id)
        assert obj is not None
        obj.city = "Trakai"
    with db.reader() as s:
        fields = {r.field for r in s.execute(select(ChangeLog).where(ChangeLog.op == "update"))
                  .scalars()}
    assert fields == {"address", "postal_code", "city"}


def test_another_offices_record_is_read_only_here(db: Database) -> None:
    """Any service that edits an office-owned record of another office is refused."""
    import datetime as dt

    from app.errors import ValidationError
    from app.models import BusinessCase, Office

    with db.session() as s:
        other = Office(code="VIS", name="Visagino biuras")
        p = Person(first_name="Ona", last_name="Yla")
        s.add_all([other, p])
        s.flush()
        case = BusinessCase(code="VIS-MV-2026-001", beneficiary_id=p.id,
                            opened_on=dt.date(2026, 1, 1), office_id=other.id)
        s.add(case)
    with pytest.raises(ValidationError) as err, db.session() as s:
        obj = s.get(BusinessCase, case.id)
        assert obj is not None
        obj.sector = "kita"
    assert "Visagino biuras" in err.value.text()
