"""The list model reads ids a page at a time: what it shows must be exactly the query's order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import app.services.listing as listing
import ui.lists.table_model as table_model
from app.db import Database
from app.i18n import set_language
from app.models import Person
from app.services.listing import ListQuery, lister
from ui.lists.table_model import IdListModel

NAMES = ["Žukauskas", "Zabiela", "Łukasz", "Lukas", "Иванов", "Ivanov", "Ąžuolas", "Yla",
         "Įgaunis", "Jonaitis", "Kowalski", "Kowalska", "Petraitis", "Šimkus", "Sabonis",
         "Černiauskas", "Cibulskis", "Ūsas", "Urbonas", "Žemaitis", "Ąžuolaitė", "Kowal"]


@pytest.fixture
def people_db(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(listing, "PAGE", 4)
    monkeypatch.setattr(table_model, "PAGE", 4)
    monkeypatch.setattr(table_model, "BATCH", 3)
    set_language("lt")
    with db.session() as s:
        for i, last in enumerate(NAMES):
            s.add(Person(first_name=f"P{i:02d}", last_name=last, birth_year=1950 + i % 7,
                         archived=(i == 5)))
    return db


def shown(model: IdListModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_pages_give_the_query_order(qtbot, people_db: Database) -> None:
    people = lister("people")
    model = IdListModel(people_db, people)
    model.reload()
    expected = people.ids(people_db, ListQuery())
    assert model.rowCount() == len(expected) == len(NAMES) - 1  # the archived one is hidden
    model.id_at(0)
    assert set(model._pages) == {0}  # only the first page read to open the list
    assert [model.id_at(r) for r in range(model.rowCount())] == expected
    assert model.id_at(model.rowCount()) is None
    rows = {r.id: r.values[0] for r in people.rows(people_db, expected)}
    assert shown(model) == [rows[i] for i in expected]
    assert shown(model)[:3] == ["Ąžuolaitė P20", "Ąžuolas P06", "Cibulskis P16"]


def test_sort_and_filter_go_through_sql_pages(qtbot, people_db: Database) -> None:
    people = lister("people")
    model = IdListModel(people_db, people)
    model.reload()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    by_year = people.ids(people_db, ListQuery(sort="birth_year", descending=True))
    assert [model.id_at(r) for r in range(model.rowCount())] == by_year
    years = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert years == sorted(years, reverse=True)
    model.set_query(ListQuery(text="kowal"))
    assert sorted(shown(model)) == ["Kowal P21", "Kowalska P11", "Kowalski P10"]
    model.set_query(ListQuery(text="ivanov", include_archived=True))
    assert sorted(shown(model)) == ["Ivanov P05", "Иванов P04"]


def test_row_of_finds_ids_beyond_the_pages_read(qtbot, people_db: Database) -> None:
    people = lister("people")
    model = IdListModel(people_db, people)
    model.reload()
    expected = people.ids(people_db, ListQuery())
    last = expected[-1]
    assert model.row_of(last) == len(expected) - 1
    assert model.row_of("no-such-id") == -1
    assert model.ids() == expected


def test_count_needs_no_second_query_when_a_page_holds_all(people_db: Database) -> None:
    people = lister("people")
    source = people.open(people_db, ListQuery(text="kowalsk"))
    assert source.count() == 2
    source = people.open(people_db, ListQuery())
    assert source.count() == len(NAMES) - 1
    assert source.page(4, 4) == source.all()[4:8]
