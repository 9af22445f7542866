"""Reads for the People & organisations tab: similar names as typed, card overviews, dismissed
duplicate pairs, the organisation picker."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app.db import Database
from app.models import Event, Registration
from app.services import duplicates, organisations, people, person_search
from app.services.organisations import OrganisationData, RoleData
from app.services.people import PersonData


def _person(db: Database, first: str, last: str, year: int | None = None, **kw: object) -> str:
    saved = people.save_person(db, PersonData(first_name=first, last_name=last, birth_year=year,
                                              **kw))
    return saved.value.id or ""


def _org(db: Database, name: str, **kw: object) -> str:
    return organisations.save_organisation(db, OrganisationData(name=name, **kw)).value.id or ""


def _register(db: Database, person_id: str, code: str) -> None:
    with db.session() as s:
        event = Event(code=code, title_lt="Mokymai", starts_on=dt.date(2026, 3, 1),
                      ends_on=dt.date(2026, 3, 2))
        s.add(event)
        s.flush()
        s.add(Registration(event_id=event.id, person_id=person_id))


def test_similar_people_across_spellings_best_first(db: Database) -> None:
    lukasz = _person(db, "Łukasz", "Wiśniewski", 1979)
    _person(db, "Łukasz", "Wiśniewski", 1950)  # another man of the same name, much older
    _person(db, "Jonas", "Petraitis", 1979)
    for first, last in (("Lukas", "Visnevskis"), ("Лукаш", "Вишневский"),
                        ("lukasz", "wisniewski"), ("Visnevskis", "Lukas")):
        found = person_search.similar_people(db, first, last, 1979)
        assert found and found[0].id == lukasz, (first, last)
        assert found[0].label == "Łukasz Wiśniewski (1979)"
    assert person_search.similar_people(db, "Jonas", "Visnevskis", 1979) == []


def test_similar_people_leaves_out_the_record_itself_and_merged_or_erased(db: Database) -> None:
    a = _person(db, "Anna", "Nowak", 1990)
    b = _person(db, "Ana", "Novak", 1990)
    assert {p.id for p in person_search.similar_people(db, "Anna", "Nowak", 1990)} == {a, b}
    assert [p.id for p in person_search.similar_people(db, "Anna", "Nowak", 1990,
                                                       exclude_id=a)] == [b]
    duplicates.merge_people(db, a, b)
    assert [p.id for p in person_search.similar_people(db, "Anna", "Nowak")] == [a]
    people.erase_person(db, a)
    assert person_search.similar_people(db, "Anna", "Nowak") == []
    assert person_search.similar_people(db, " ", "") == []


def test_archived_people_are_found_and_marked(db: Database) -> None:
    pid = _person(db, "Rasa", "Jankauskienė")
    people.set_archived(db, pid)
    found = person_search.similar_people(db, "Rasa", "Jankauskiene")
    assert [(p.id, p.archived) for p in found] == [(pid, True)]


def test_the_candidate_query_uses_the_skeleton_index_not_a_scan(db: Database) -> None:
    stmt = person_search.candidates_query("Lukas", "Visnevskis")
    assert stmt is not None
    compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        plan = " | ".join(str(row[-1]) for row in conn.execute(
            text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_people_skeleton" in plan, plan
    assert "SCAN people" not in plan, plan


def test_person_overview_has_roles_consent_links_and_merges(db: Database) -> None:
    keep = _person(db, "Łukasz", "Wiśniewski", 1979)
    other = _person(db, "Lukas", "Višnevskis", 1979)
    org = _org(db, "Šalčininkų lenkų bendrija")
    organisations.save_role(db, RoleData(person_id=keep, organisation_id=org, role="chair"))
    _register(db, keep, "SAL-2026-001")
    _register(db, other, "SAL-2026-002")
    people.record_consent(db, keep, "polish", dt.date(2026, 1, 5), "oral")
    duplicates.merge_people(db, keep, other)

    view = person_search.person_overview(db, keep)
    assert view.person.community_code == "polish"
    assert [r.organisation_name for r in view.roles] == ["Šalčininkų lenkų bendrija"]
    assert view.current_consent is not None and view.current_consent.form == "oral"
    assert view.links["registrations"] == 2
    assert view.links["person_roles"] == 1 and view.links["consents"] == 1
    assert [(m.merged_id, m.merged_into_this, m.other_label) for m in view.merges] == [
        (other, True, "Lukas Višnevskis (1979)")]
    other_view = person_search.person_overview(db, other)
    assert other_view.merges[0].merged_into_this is False
    assert other_view.links == {}

    people.withdraw_consent(db, keep, dt.date(2026, 2, 1))
    assert person_search.person_overview(db, keep).current_consent is None


def test_removed_roles_are_not_counted_as_links(db: Database) -> None:
    pid = _person(db, "Ona", "Kazlauskienė")
    org = _org(db, "Visagino bendruomenė")
    role = organisations.save_role(db, RoleData(person_id=pid, organisation_id=org)).value
    assert person_search.linked_counts(db, pid) == {"person_roles": 1}
    organisations.remove_role(db, role.id or "")
    assert person_search.linked_counts(db, pid) == {}


def test_organisation_overview_lists_its_people(db: Database) -> None:
    org = _org(db, "Vilniaus lenkų kultūros namai")
    a = _person(db, "Zofia", "Kowalska")
    organisations.save_role(db, RoleData(person_id=a, organisation_id=org, role="staff",
                                         title="Direktorė"))
    view = person_search.organisation_overview(db, org)
    assert view.organisation.name == "Vilniaus lenkų kultūros namai"
    assert [(r.person_name, r.role, r.title) for r in view.roles] == [
        ("Zofia Kowalska", "staff", "Direktorė")]


def test_organisation_choices_fold_the_search(db: Database) -> None:
    a = _org(db, "Šviesos bendrija", short_name="ŠB")
    b = _org(db, "Žalgirio klubas")
    archived = _org(db, "Šviesos archyvas")
    organisations.set_archived(db, archived)
    assert person_search.organisation_choices(db, "sviesos") == [(a, "Šviesos bendrija (ŠB)")]
    assert [i for i, _label in person_search.organisation_choices(db, "zalg")] == [b]
    assert len(person_search.organisation_choices(db, "")) == 2


def test_dismissed_pairs_are_remembered_and_filtered(db: Database) -> None:
    a = _person(db, "Jan", "Kowalski", 1970)
    b = _person(db, "Janas", "Kovalskis", 1970)
    assert [{c.a_id, c.b_id} for c in person_search.find_duplicates(db, "people")] == [{a, b}]
    person_search.dismiss_pair(db, "people", b, a)
    assert person_search.dismissed_pairs(db, "people") == {tuple(sorted((a, b)))}
    assert person_search.find_duplicates(db, "people") == []
    assert person_search.dismissed_pairs(db, "organisations") == set()
    person_search.dismiss_pair(db, "people", a, b)  # twice is harmless
    assert len(person_search.dismissed_pairs(db, "people")) == 1


def test_organisation_duplicates_go_through_the_same_store(db: Database) -> None:
    a = _org(db, "Lietuvos lenkų sąjunga", registration_code="190000001")
    b = _org(db, "Lietuvos lenku sajunga", registration_code="190000002")
    assert len(person_search.find_duplicates(db, "organisations")) == 1
    person_search.dismiss_pair(db, "organisations", a, b)
    assert person_search.find_duplicates(db, "organisations") == []
