"""People services: validation naming the field, consent gating, access export, erasure."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import ValidationError
from app.i18n import set_language
from app.models import ChangeLog
from app.services import people
from app.services.people import PersonData


def _new(db: Database, first: str = "Małgorzata", last: str = "Żukowska", **kw: object):
    return people.save_person(db, PersonData(first_name=first, last_name=last, **kw)).value


def test_create_reports_what_changed(db: Database) -> None:
    saved = people.save_person(db, PersonData(first_name="  Józef ", last_name="Kwiatkowski"))
    assert saved.value.first_name == "Józef"
    assert "people" in saved.changes.kinds and saved.value.id in saved.changes.ids
    assert people.get_person(db, saved.value.id or "").last_name == "Kwiatkowski"


@pytest.mark.parametrize(
    ("field", "change", "words"),
    [
        ("first_name", {"first_name": " "}, "First name is required"),
        ("email", {"email": "not-an-address"}, "is not an e-mail address"),
        ("phone", {"phone": "call me"}, "is not a phone number"),
        ("birth_year", {"birth_year": 1850}, "between 1900"),
        ("preferred_language", {"preferred_language": "de"}, "not one of the choices"),
    ],
)
def test_validation_names_the_field(db: Database, field: str, change: dict, words: str) -> None:
    data = replace(PersonData(first_name="Ewa", last_name="Śliwińska"), **change)
    with pytest.raises(ValidationError) as err:
        people.save_person(db, data)
    assert err.value.field == field
    assert words in err.value.text()
    with db.reader() as s:
        assert s.execute(select(ChangeLog)).first() is None  # nothing changed


def test_validation_message_is_translated(db: Database) -> None:
    set_language("lt")
    with pytest.raises(ValidationError) as err:
        people.save_person(db, PersonData(first_name="", last_name="X"))
    assert err.value.text() != "First name is required."


def test_community_only_with_consent(db: Database) -> None:
    person = _new(db)
    with pytest.raises(ValidationError) as err:
        people.set_community(db, person.id or "", "polish")
    assert err.value.field == "community_code"
    saved = people.record_consent(db, person.id or "", "polish", dt.date(2026, 3, 1), "written")
    assert saved.value.community_code == "polish"
    assert [c.form for c in people.consents(db, person.id or "")] == ["written"]
    withdrawn = people.withdraw_consent(db, person.id or "", dt.date(2026, 4, 1))
    assert withdrawn.value.community_code is None
    assert people.consents(db, person.id or "")[0].withdrawn_on == dt.date(2026, 4, 1)


def test_consent_in_the_future_is_refused(db: Database) -> None:
    person = _new(db)
    with pytest.raises(ValidationError):
        people.record_consent(db, person.id or "", "polish", dt.date.today() + dt.timedelta(1))


def test_a_plain_edit_cannot_set_the_community(db: Database) -> None:
    person = _new(db)
    people.save_person(db, replace(person, community_code="polish", city="Soleczniki"))
    assert people.get_person(db, person.id or "").community_code is None


def test_archive_and_restore(db: Database) -> None:
    person = _new(db)
    assert people.set_archived(db, person.id or "").value.archived
    assert not people.set_archived(db, person.id or "", False).value.archived


def test_export_person_holds_everything(db: Database) -> None:
    person = _new(db, email="m.zukowska@example.lt")
    people.record_consent(db, person.id or "", "polish", dt.date(2026, 1, 5))
    data = people.export_person(db, person.id or "")
    assert data["email"] == "m.zukowska@example.lt"
    assert data["community_code"] == "polish"
    assert data["consents"][0]["given_on"] == "2026-01-05"


def test_erase_keeps_the_record_but_not_the_data(db: Database) -> None:
    person = _new(db, email="m.zukowska@example.lt", phone="+370 611 22334", birth_year=1976)
    people.record_consent(db, person.id or "", "polish", dt.date(2026, 1, 5))
    erased = people.erase_person(db, person.id or "").value
    assert erased.erased and erased.archived
    assert erased.email == "" and erased.birth_year is None and erased.community_code is None
    with db.reader() as s:
        values = " ".join(r.value or "" for r in s.execute(select(ChangeLog)).scalars())
    assert "Żukowska" not in values and "m.zukowska" not in values
    with pytest.raises(ValidationError):
        people.save_person(db, replace(erased, first_name="Back"))
