"""The organisations list and the certificate register: order, filters, folded search, rows."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import Database
from app.i18n import set_language
from app.models import Certificate, Event, Organisation, Person, PersonRole
from app.services import choices
from app.services.listing import ListQuery, lister

ROOT = Path(__file__).resolve().parents[2]


def build(db: Database) -> dict[str, str]:
    """Organisations with Lithuanian letters, roles, two events and four certificates."""
    ids: dict[str, str] = {}
    with db.session() as s:
        orgs = {
            "zarasu": Organisation(name="Zarasų bendrija", kind="community_organisation",
                                   registration_code="300111", email="z@example.lt"),
            "yciu": Organisation(name="Yčių klubas", municipality_code="salcininku_r"),
            "istaiga": Organisation(name="Įstaiga Ąžuolas", registration_code="300222"),
            "ikarai": Organisation(name="Ikarai", kind="community_organisation",
                                   municipality_code="salcininku_r"),
            "salc": Organisation(name="Šalčininkų centras", municipality_code="vilniaus_m"),
            "ausra": Organisation(name="Aušra", registration_code="300333"),
            "archived": Organisation(name="Archyvinė draugija", archived=True),
            "deleted": Organisation(name="Ištrinta draugija", deleted=True),
        }
        s.add_all(orgs.values())
        s.flush()
        merged = Organisation(name="Ikarai (dublikatas)", merged_into_id=orgs["ikarai"].id,
                              archived=True)
        people = [Person(first_name=f, last_name=n) for f, n in
                  (("Ona", "Petraitienė"), ("Иван", "Иванов"), ("Małgorzata", "Żukowska"),
                   ("Jonas", "Ąžuolaitis"))]
        s.add_all([merged, *people])
        s.flush()
        s.add_all([PersonRole(person_id=people[0].id, organisation_id=orgs["ikarai"].id),
                   PersonRole(person_id=people[1].id, organisation_id=orgs["ikarai"].id),
                   PersonRole(person_id=people[2].id, organisation_id=orgs["ikarai"].id,
                              deleted=True),
                   PersonRole(person_id=people[2].id, organisation_id=orgs["salc"].id)])
        e1 = Event(code="SAL-2025-001", title_lt="Lyderių mokymai", title_pl="Szkolenie liderów",
                   starts_on=dt.date(2025, 5, 10), ends_on=dt.date(2025, 5, 11))
        e2 = Event(code="SAL-2024-007", title_lt="Apskritasis stalas",
                   starts_on=dt.date(2024, 2, 1), ends_on=dt.date(2024, 2, 1))
        s.add_all([e1, e2])
        s.flush()
        certs = {
            "c1": Certificate(event_id=e1.id, person_id=people[0].id, number="SAL-2025-0001",
                              verification_code="AAAA-1111", issued_on=dt.date(2025, 5, 12)),
            "c2": Certificate(event_id=e1.id, person_id=people[1].id, number="SAL-2025-0002",
                              verification_code="AAAA-2222", issued_on=dt.date(2025, 5, 11),
                              revoked=True, revoked_on=dt.date(2025, 6, 1)),
            "c3": Certificate(event_id=e2.id, person_id=people[3].id, number="SAL-2024-0009",
                              verification_code="AAAA-3333", issued_on=dt.date(2024, 2, 2)),
            "c4": Certificate(event_id=e2.id, person_id=people[2].id, number="SAL-2024-0010",
                              verification_code="AAAA-4444", issued_on=dt.date(2024, 2, 2),
                              deleted=True),
        }
        s.add_all(certs.values())
        s.flush()
        ids.update({k: o.id for k, o in orgs.items()}, merged=merged.id)
        ids.update({k: c.id for k, c in certs.items()})
    return ids


@pytest.fixture
def data(db: Database) -> dict[str, str]:
    return build(db)


def _names(db: Database, data: dict[str, str], kind: str, **kw: object) -> list[str]:
    by_id = {v: k for k, v in data.items()}
    return [by_id[i] for i in lister(kind).ids(db, ListQuery(**kw))]  # type: ignore[arg-type]


def _row(db: Database, kind: str, record_id: str) -> dict[str, str]:
    lst = lister(kind)
    (row,) = lst.rows(db, [record_id])
    return dict(zip([c.key for c in lst.columns], row.values, strict=True))


# -- organisations -------------------------------------------------------------------------------

def test_organisations_in_the_lithuanian_alphabet(db: Database, data: dict[str, str]) -> None:
    set_language("lt")
    assert _names(db, data, "organisations") == [
        "ausra", "ikarai", "istaiga", "yciu", "salc", "zarasu"]
    assert _names(db, data, "organisations", descending=True, sort="name") == [
        "zarasu", "salc", "yciu", "istaiga", "ikarai", "ausra"]


def test_organisations_archived_shown_on_request_merged_and_deleted_never(
        db: Database, data: dict[str, str]) -> None:
    set_language("lt")
    assert _names(db, data, "organisations", include_archived=True) == [
        "archived", "ausra", "ikarai", "istaiga", "yciu", "salc", "zarasu"]
    assert lister("organisations").count_all(db) == 7


def test_organisations_sort_by_a_column_then_by_name(db: Database, data: dict[str, str]) -> None:
    set_language("lt")
    assert _names(db, data, "organisations", sort="kind") == [
        "ikarai", "zarasu", "ausra", "istaiga", "yciu", "salc"]
    assert _names(db, data, "organisations", sort="registration_code") == [
        "ikarai", "yciu", "salc", "zarasu", "istaiga", "ausra"]
    assert _names(db, data, "organisations", sort="municipality", descending=True) == [
        "salc", "yciu", "ikarai", "zarasu", "istaiga", "ausra"]
    assert _names(db, data, "organisations", sort="email")[-1] == "zarasu"


@pytest.mark.parametrize(("filters", "expected"), [
    ({"kind": "community_organisation"}, ["ikarai", "zarasu"]),
    ({"municipality": "salcininku_r"}, ["ikarai", "yciu"]),
    ({"kind": "community_organisation", "municipality": "salcininku_r"}, ["ikarai"]),
    ({"kind": "", "municipality": None}, ["ausra", "ikarai", "istaiga", "yciu", "salc",
                                          "zarasu"]),
])
def test_organisations_filters(db: Database, data: dict[str, str], filters: dict[str, str],
                               expected: list[str]) -> None:
    set_language("lt")
    assert _names(db, data, "organisations", filters=filters) == expected


def test_organisation_filter_choices(db: Database) -> None:
    kind, municipality = lister("organisations").filters
    assert ("community_organisation", "Community organisation") in kind.choices(db)
    assert municipality.choices(db) == choices.municipalities(db)


def test_organisations_search_folds_letters(db: Database, data: dict[str, str]) -> None:
    set_language("lt")
    assert _names(db, data, "organisations", text="salcinink") == ["salc"]
    assert _names(db, data, "organisations", text="azuol ist") == ["istaiga"]
    assert _names(db, data, "organisations", text="300222") == ["istaiga"]
    assert _names(db, data, "organisations", text="50%") == []
    assert _names(db, data, "organisations", text="draugija") == []
    assert _names(db, data, "organisations", text="draugija", include_archived=True) == [
        "archived"]


def test_organisation_row(db: Database, data: dict[str, str]) -> None:
    munis = dict(choices.municipalities(db))
    assert _row(db, "organisations", data["ikarai"]) == {
        "name": "Ikarai", "kind": "Community organisation",
        "municipality": munis["salcininku_r"], "registration_code": "", "people": "2",
        "email": ""}
    assert _row(db, "organisations", data["zarasu"]) == {
        "name": "Zarasų bendrija", "kind": "Community organisation", "municipality": "",
        "registration_code": "300111", "people": "0", "email": "z@example.lt"}
    assert _row(db, "organisations", data["salc"])["people"] == "1"
    set_language("lt")
    assert _row(db, "organisations", data["yciu"])["kind"] == "Nevyriausybinė organizacija (NVO)"
    rows = lister("organisations").rows(db, [data["archived"], "no-such-id", data["ausra"]])
    assert [(r.id, r.archived) for r in rows] == [(data["archived"], True),
                                                  (data["ausra"], False)]


# -- certificates --------------------------------------------------------------------------------

def test_certificates_by_number_by_default(db: Database, data: dict[str, str]) -> None:
    assert _names(db, data, "certificates") == ["c3", "c1", "c2"]
    assert _names(db, data, "certificates", sort="number", descending=True) == [
        "c2", "c1", "c3"]
    assert lister("certificates").count_all(db) == 3


def test_certificates_sortable_columns(db: Database, data: dict[str, str]) -> None:
    set_language("lt")
    # Ąžuolaitis, Petraitienė, then Cyrillic after the Latin letters
    assert _names(db, data, "certificates", sort="name") == ["c3", "c1", "c2"]
    assert _names(db, data, "certificates", sort="event") == ["c3", "c1", "c2"]
    assert _names(db, data, "certificates", sort="issued_on") == ["c3", "c2", "c1"]
    assert _names(db, data, "certificates", sort="state") == ["c3", "c1", "c2"]
    assert _names(db, data, "certificates", sort="state", descending=True) == [
        "c2", "c1", "c3"]


@pytest.mark.parametrize(("state", "expected"), [
    ("valid", ["c3", "c1"]), ("revoked", ["c2"]), ("", ["c3", "c1", "c2"])])
def test_certificates_state_filter(db: Database, data: dict[str, str], state: str,
                                   expected: list[str]) -> None:
    assert _names(db, data, "certificates", filters={"state": state}) == expected


def test_certificate_state_choices_are_translated_when_asked(db: Database) -> None:
    (state,) = lister("certificates").filters
    assert state.choices(db) == [("valid", "valid"), ("revoked", "revoked")]
    set_language("xx")
    assert all(label != code for code, label in state.choices(db))


def test_certificates_search_the_person_folded(db: Database, data: dict[str, str]) -> None:
    assert _names(db, data, "certificates", text="ivanov") == ["c2"]
    assert _names(db, data, "certificates", text="azuolaitis jonas") == ["c3"]
    assert _names(db, data, "certificates", text="zukowska") == []  # deleted certificate


def test_certificate_rows(db: Database, data: dict[str, str]) -> None:
    row = _row(db, "certificates", data["c2"])
    assert row == {"number": "SAL-2025-0002", "name": "Иванов Иван", "event": "SAL-2025-001",
                   "title": "Lyderių mokymai", "issued_on": "11/05/2025", "state": "revoked",
                   "verification_code": "AAAA-2222"}
    (revoked,) = lister("certificates").rows(db, [data["c2"]])
    assert revoked.archived
    assert not lister("certificates").rows(db, [data["c1"]])[0].archived
    set_language("pl")
    assert _row(db, "certificates", data["c1"])["title"] == "Szkolenie liderów"
    assert _row(db, "certificates", data["c3"])["title"] == "Apskritasis stalas"
    set_language("lt")
    row = _row(db, "certificates", data["c1"])
    assert (row["title"], row["issued_on"], row["state"]) == (
        "Lyderių mokymai", "2025-05-12", "galiojantis")


def test_empty_lists_say_what_they_are_for(db: Database) -> None:
    for kind in ("organisations", "certificates"):
        assert lister(kind).ids(db, ListQuery()) == []
        assert lister(kind).rows(db, []) == []
        assert len(lister(kind).empty_text) > 20


def test_listers_import_without_sqlalchemy() -> None:
    code = ("import sys; import app.services.listers.organisations, "
            "app.services.listers.certificates; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') "
            "or m.startswith('app.models')]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
