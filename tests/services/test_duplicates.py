"""The duplicate finder across spellings, and a merge that keeps history."""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.services import duplicates, organisations, people
from app.services.people import PersonData


def _p(db: Database, first: str, last: str, **kw: object) -> str:
    return people.save_person(db, PersonData(first_name=first, last_name=last, **kw)).value.id or ""


def test_finds_one_person_in_three_spellings(db: Database) -> None:
    a = _p(db, "Łukasz", "Wiśniewski", birth_year=1979)
    b = _p(db, "Lukas", "Višnevskis", birth_year=1979)
    c = _p(db, "Лукаш", "Вишневский")
    _p(db, "Jonas", "Petraitis", birth_year=1979)
    _p(db, "Janina", "Petraitienė", birth_year=1950)
    pairs = {frozenset((x.a_id, x.b_id)) for x in duplicates.find_people(db)}
    assert pairs == {frozenset((a, b)), frozenset((a, c)), frozenset((b, c))}


def test_birth_years_apart_are_not_proposed(db: Database) -> None:
    _p(db, "Anna", "Kowalska", birth_year=1950)
    _p(db, "Anna", "Kowalska", birth_year=1990)
    assert duplicates.find_people(db) == []


def test_merge_moves_every_link_and_keeps_a_redirect(db: Database) -> None:
    keep = _p(db, "Łukasz", "Wiśniewski", email="l@example.lt")
    gone = _p(db, "Lukasz", "Wisniewski", phone="+370 698 12345")
    org = organisations.save_organisation(db, organisations.OrganisationData(name="Wspólnota"))
    organisations.save_role(db, organisations.RoleData(person_id=gone,
                                                       organisation_id=org.value.id or ""))
    people.record_consent(db, gone, "polish", dt.date(2026, 1, 1))
    duplicates.merge_people(db, keep, gone)
    kept = people.get_person(db, keep)
    assert kept.phone == "+370 698 12345"  # empty field filled from the other
    assert kept.email == "l@example.lt"
    assert kept.community_code == "polish"
    assert [r.person_id for r in organisations.roles(db, organisation_id=org.value.id)] == [keep]
    merged = people.get_person(db, gone)
    assert merged.merged_into_id == keep and merged.archived
    assert duplicates.merge_history(db, keep)[0][:2] == (keep, gone)
    assert duplicates.find_people(db) == []


def test_merge_can_take_the_other_value(db: Database) -> None:
    keep = _p(db, "Lukas", "Visnevskis", city="Vilnius")
    gone = _p(db, "Łukasz", "Wiśniewski", city="Soleczniki")
    duplicates.merge_people(db, keep, gone, take_from_other={"first_name", "last_name"})
    kept = people.get_person(db, keep)
    assert (kept.first_name, kept.last_name, kept.city) == ("Łukasz", "Wiśniewski", "Vilnius")


def test_organisation_duplicates_by_code(db: Database) -> None:
    o = organisations.OrganisationData
    a = organisations.save_organisation(db, o(name="Visagino NVO centras", registration_code="1"))
    organisations.save_organisation(db, o(name="Kitas", registration_code="2"))
    b = organisations.save_organisation(db, o(name="Visagino NVO centras ", registration_code=""))
    found = duplicates.find_organisations(db)
    assert [{c.a_id, c.b_id} for c in found] == [{a.value.id, b.value.id}]
