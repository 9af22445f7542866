"""Organisations and people's roles in them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationError
from app.services import organisations as orgs
from app.services import people


def test_registration_code_is_digits_and_unique(db: Database) -> None:
    orgs.save_organisation(
        db, orgs.OrganisationData(name="Wspólnota", registration_code="302123456")
    )
    with pytest.raises(ValidationError) as err:
        orgs.save_organisation(
            db, orgs.OrganisationData(name="Kita", registration_code="302123456")
        )
    assert err.value.field == "registration_code" and "Wspólnota" in err.value.text()
    with pytest.raises(ValidationError):
        orgs.save_organisation(db, orgs.OrganisationData(name="X", registration_code="30A"))


def test_roles_link_people_and_organisations(db: Database) -> None:
    org = orgs.save_organisation(db, orgs.OrganisationData(name="Eišiškių bendruomenė")).value
    person = people.save_person(
        db, people.PersonData(first_name="Česlovas", last_name="Jankovskis")
    ).value
    role = orgs.save_role(
        db,
        orgs.RoleData(
            person_id=person.id or "",
            organisation_id=org.id or "",
            role="chair",
            since=dt.date(2020, 1, 1),
        ),
    ).value
    listed = orgs.roles(db, person_id=person.id)
    assert [(r.organisation_name, r.role) for r in listed] == [("Eišiškių bendruomenė", "chair")]
    assert orgs.roles(db, organisation_id=org.id)[0].person_name == "Česlovas Jankovskis"
    with pytest.raises(ValidationError):
        orgs.save_role(
            db,
            orgs.RoleData(
                id=role.id,
                person_id=person.id or "",
                organisation_id=org.id or "",
                role="chair",
                since=dt.date(2021, 1, 1),
                until=dt.date(2020, 1, 1),
            ),
        )
    orgs.remove_role(db, role.id or "")
    assert orgs.roles(db, person_id=person.id) == []
