"""The four area lists: order, filters, folded search and rows, on a few records made here."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.i18n import set_language
from app.models import (
    AdvocacyRun,
    BusinessCase,
    Event,
    Network,
    NetworkMember,
    NextAction,
    Office,
    Organisation,
    Person,
    Proposal,
    Registration,
    RunInstitution,
)
from app.services.listing import ListQuery, lister

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def build(db: Database) -> dict[str, str]:
    """Three events, four networks, three cases and two runs; returns their ids by name."""
    ids: dict[str, str] = {}
    with db.session() as s:
        other = Office(code="VIS", name="Visagino biuras")
        s.add(other)
        people = [Person(first_name=f, last_name=n) for f, n in
                  (("Małgorzata", "Żukowska"), ("Иван", "Иванов"), ("Ona", "Petraitienė"),
                   ("Jonas", "Jonaitis"))]
        org = Organisation(name="Šalčininkų NVO centras")
        s.add_all([*people, org])
        s.flush()
        e1 = Event(code="SAL-2025-001", kind="training", title_lt="Lyderių mokymai",
                   title_pl="Szkolenie liderów", starts_on=dt.date(2025, 5, 10),
                   ends_on=dt.date(2025, 5, 11), place="Kultūros centras",
                   municipality_code="salcininku_r", status="held")
        e2 = Event(code="VIS-2026-002", kind="round_table", title_lt="Apskritasis stalas",
                   starts_on=dt.date(2026, 2, 1), ends_on=dt.date(2026, 2, 1),
                   office_id=other.id, status="held")
        e3 = Event(code="SAL-2026-003", kind="seminar", title_lt="Ąžuolo seminaras",
                   starts_on=dt.date(2026, 3, 1), ends_on=dt.date(2026, 3, 1),
                   status="cancelled")
        s.add_all([e1, e2, e3])
        s.flush()
        s.add_all([Registration(event_id=e1.id, person_id=people[0].id, status="confirmed"),
                   Registration(event_id=e1.id, person_id=people[1].id),
                   Registration(event_id=e1.id, person_id=people[2].id, status="cancelled"),
                   Registration(event_id=e2.id, person_id=people[2].id)])
        nets = [Network(name=n, status=st, lead_organisation_id=org.id if i == 0 else None)
                for i, (n, st) in enumerate((("Šalčininkų tinklas", "active"),
                                             ("Visagino tinklas", "forming"),
                                             ("Ąžuolų tinklas", "active"),
                                             ("Aukštaitijos tinklas", "closed")))]
        s.add_all(nets)
        s.flush()
        org2 = Organisation(name="Visagino bendruomenė")
        s.add(org2)
        s.flush()
        s.add_all([NetworkMember(network_id=nets[0].id, organisation_id=org.id, role="lead"),
                   NetworkMember(network_id=nets[0].id, organisation_id=org2.id,
                                 left_on=TODAY - 30 * DAY)])
        cases = [
            BusinessCase(code="SAL-MV-2025-001", beneficiary_id=people[0].id,
                         consultant_id=people[3].id, stage_code="business_plan",
                         opened_on=dt.date(2025, 1, 10)),
            BusinessCase(code="SAL-MV-2026-002", beneficiary_id=people[1].id,
                         stage_code="intake", opened_on=dt.date(2026, 1, 5)),
            BusinessCase(code="VIS-MV-2024-003", beneficiary_id=people[2].id,
                         stage_code="closed", opened_on=dt.date(2024, 6, 1),
                         closed_on=dt.date(2025, 6, 1), office_id=other.id),
        ]
        s.add_all(cases)
        s.flush()
        s.add_all([NextAction(case_id=cases[0].id, title="Call", due_on=TODAY - DAY),
                   NextAction(case_id=cases[0].id, title="Done", due_on=TODAY - 9 * DAY,
                              done_on=TODAY - 8 * DAY),
                   NextAction(case_id=cases[1].id, title="Plan", due_on=TODAY + 5 * DAY)])
        runs = [AdvocacyRun(code="ADV-2026-001", title="Valstybinės kalbos kursai",
                            status="awaiting_response"),
                AdvocacyRun(code="ADV-2026-002", title="Ataskaitų supaprastinimas")]
        s.add_all(runs)
        s.flush()
        s.add_all([RunInstitution(run_id=runs[0].id, institution_code=c)
                   for c in ("seimas", "employment_service")])
        s.add_all([
            Proposal(run_id=runs[0].id, summary="A", submitted_on=TODAY - 60 * DAY,
                     response_due_on=TODAY - 30 * DAY),
            Proposal(run_id=runs[0].id, summary="B", submitted_on=TODAY - 5 * DAY,
                     response_due_on=TODAY + 25 * DAY),
            Proposal(run_id=runs[0].id, summary="C", submitted_on=TODAY - 90 * DAY,
                     response_on=TODAY - 50 * DAY, outcome="adopted"),
            Proposal(run_id=runs[0].id, summary="D (draft)"),
        ])
        ids.update(e1=e1.id, e2=e2.id, e3=e3.id, other_office=other.id, org=org.id)
        ids.update({f"n{i}": n.id for i, n in enumerate(nets)})
        ids.update({f"c{i}": c.id for i, c in enumerate(cases)})
        ids.update(r0=runs[0].id, r1=runs[1].id)
    return ids


@pytest.fixture
def data(db: Database) -> dict[str, str]:
    return build(db)


def _ids(db: Database, kind: str, **kw: object) -> list[str]:
    return lister(kind).ids(db, ListQuery(**kw))  # type: ignore[arg-type]


def _row(db: Database, kind: str, record_id: str) -> dict[str, str]:
    lst = lister(kind)
    (row,) = lst.rows(db, [record_id])
    return dict(zip([c.key for c in lst.columns], row.values, strict=True))


# -- events --------------------------------------------------------------------------------------

def test_events_newest_first_by_default_and_sortable(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "events") == [data["e3"], data["e2"], data["e1"]]
    assert _ids(db, "events", sort="date") == [data["e1"], data["e2"], data["e3"]]
    assert _ids(db, "events", sort="code") == [data["e1"], data["e3"], data["e2"]]


def test_events_title_sorts_by_the_alphabet_of_the_language(db: Database,
                                                            data: dict[str, str]) -> None:
    # Lithuanian: A, Ą, L (code points would put Ą after L)
    assert _ids(db, "events", sort="title") == [data["e2"], data["e3"], data["e1"]]
    set_language("pl")  # e1 has a Polish title: "Szkolenie..." sorts last
    assert _ids(db, "events", sort="title") == [data["e2"], data["e3"], data["e1"]]
    assert _ids(db, "events", sort="title", descending=True)[0] == data["e1"]
    assert _row(db, "events", data["e1"])["title"] == "Szkolenie liderów"


@pytest.mark.parametrize(("filters", "expected"), [
    ({"kind": "round_table"}, ["e2"]),
    ({"year": "2025"}, ["e1"]),
    ({"status": "held"}, ["e2", "e1"]),
    ({"status": "held", "year": "2026"}, ["e2"]),
])
def test_events_filters(db: Database, data: dict[str, str], filters: dict[str, str],
                        expected: list[str]) -> None:
    assert _ids(db, "events", filters=filters) == [data[k] for k in expected]


def test_events_filter_by_office(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "events", filters={"office": data["other_office"]}) == [data["e2"]]
    assert data["e2"] not in _ids(db, "events", filters={"office": db.local_office().id})


def test_events_search_folds_letters_and_every_title(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "events", text="lyderiu") == [data["e1"]]
    assert _ids(db, "events", text="szkolenie") == [data["e1"]]
    assert _ids(db, "events", text="azuolo") == [data["e3"]]
    assert _ids(db, "events", text="sal-2026") == [data["e3"]]
    assert _ids(db, "events", text="kulturos lyderiu") == [data["e1"]]
    assert _ids(db, "events", text="nothing-like-this") == []


def test_event_row(db: Database, data: dict[str, str]) -> None:
    row = _row(db, "events", data["e1"])
    assert row["code"] == "SAL-2025-001"
    assert row["kind"] == "Training"
    assert row["registered"] == "2"  # the cancelled registration does not count
    assert "–" in row["date"] and "2025" in row["date"]
    assert row["place"].startswith("Kultūros centras, ")
    assert row["office"] == db.local_office().code
    assert _row(db, "events", data["e2"])["office"] == "VIS"
    (cancelled,) = lister("events").rows(db, [data["e3"]])
    assert cancelled.archived


def test_year_filter_offers_the_years_with_events(db: Database, data: dict[str, str]) -> None:
    years = {f.key: f for f in lister("events").filters}["year"].choices(db)
    assert [y for y, _label in years] == ["2026", "2025"]


# -- networks -------------------------------------------------------------------------------------

def test_networks_by_name_in_the_lithuanian_alphabet(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "networks") == [data["n3"], data["n2"], data["n0"], data["n1"]]
    assert _ids(db, "networks", filters={"status": "active"}) == [data["n2"], data["n0"]]
    assert _ids(db, "networks", text="salcininku") == [data["n0"]]


def test_network_row_counts_current_members(db: Database, data: dict[str, str]) -> None:
    row = _row(db, "networks", data["n0"])
    assert row["members"] == "1"
    assert row["lead"] == "Šalčininkų NVO centras"
    assert row["status"] == "active"
    set_language("xx")  # the pseudo-language shows that the label goes through the catalog
    assert _row(db, "networks", data["n1"])["status"] not in ("", "forming")


# -- cases ----------------------------------------------------------------------------------------

def test_cases_newest_first_and_by_stage_order(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "cases") == [data["c1"], data["c0"], data["c2"]]
    # intake < business_plan < closed in the model's order, not alphabetically
    assert _ids(db, "cases", sort="stage") == [data["c1"], data["c0"], data["c2"]]
    assert _ids(db, "cases", sort="next_due") == [data["c0"], data["c1"], data["c2"]]


def test_cases_search_beneficiary_and_code(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "cases", text="ivanov") == [data["c1"]]
    assert _ids(db, "cases", text="zukowska") == [data["c0"]]
    assert _ids(db, "cases", text="vis-mv") == [data["c2"]]


def test_cases_filters(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "cases", filters={"overdue": "overdue"}) == [data["c0"]]
    assert _ids(db, "cases", filters={"stage": "intake"}) == [data["c1"]]
    assert _ids(db, "cases", filters={"office": data["other_office"]}) == [data["c2"]]


def test_case_row_marks_an_overdue_next_action(db: Database, data: dict[str, str]) -> None:
    row = _row(db, "cases", data["c0"])
    assert row["beneficiary"] == "Żukowska Małgorzata"
    assert row["consultant"] == "Jonas Jonaitis"
    assert row["stage"] == "Business plan"
    assert "overdue" in row["next_due"]
    assert "overdue" not in _row(db, "cases", data["c1"])["next_due"]
    assert _row(db, "cases", data["c2"])["next_due"] == ""


# -- advocacy runs --------------------------------------------------------------------------------

def test_runs_order_filter_and_counts(db: Database, data: dict[str, str]) -> None:
    assert _ids(db, "runs") == [data["r0"], data["r1"]]
    assert _ids(db, "runs", sort="title") == [data["r1"], data["r0"]]
    assert _ids(db, "runs", filters={"status": "planning"}) == [data["r1"]]
    row = _row(db, "runs", data["r0"])
    assert (row["proposals"], row["awaiting"], row["overdue"]) == ("4", "2", "1")
    assert row["status"] == "awaiting response"
    assert "Seimas" in row["institutions"]
    assert _row(db, "runs", data["r1"])["proposals"] == "0"


# -- speed: a batch costs a few queries whatever its size ------------------------------------

@pytest.mark.parametrize("kind", ["events", "networks", "cases", "runs"])
def test_rows_cost_the_same_few_queries_for_one_or_all(db: Database, data: dict[str, str],
                                                       kind: str) -> None:
    lst = lister(kind)
    every = lst.ids(db, ListQuery())
    lst.rows(db, every)  # warm the reference caches

    def queries(ids: list[str]) -> int:
        seen: list[str] = []
        con = db.plain()._connection()  # the reading thread's own sqlite3 connection
        con.set_trace_callback(seen.append)
        try:
            assert len(lst.rows(db, ids)) == len(ids)
        finally:
            con.set_trace_callback(None)
        return len(seen)

    assert 0 < queries(every) == queries(every[:1]) <= 6


def test_empty_lists_say_what_they_are_for(db: Database) -> None:
    for kind in ("events", "networks", "cases", "runs"):
        assert lister(kind).ids(db, ListQuery()) == []
        assert len(lister(kind).empty_text) > 40
