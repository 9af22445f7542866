"""Participant list export: XLSX and Lithuanian-Excel CSV, formula escaping, no community unless
asked for."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from app.db import Database
from app.errors import UserError
from app.exports.participants import escape_cell, export_participants, participant_table
from app.models import Person
from app.services import event_editing, people, registrations
from app.services.event_editing import EventData

D = dt.date(2026, 11, 24)


@pytest.fixture
def event_id(office_db: Database) -> str:
    event = event_editing.save_event(office_db, EventData(title_lt="Lyderių mokymai",
                                                          starts_on=D, capacity=2)).value
    for first, last, email in (("Žydrūnė", "Ąžuolaitė", "=1+1"), ("Łukasz", "Wiśniewski", ""),
                               ("Владимир", "Щербаков", "@cmd")):
        pid = people.save_person(office_db, people.PersonData(
            first_name=first, last_name=last, email="", phone="+370 612 34567")).value.id
        with office_db.session() as s:  # a value no form would accept, as an import may bring
            person = s.get(Person, pid)
            assert person is not None
            person.email = email
            person.community_code = "polish" if first == "Łukasz" else None
        registrations.register(office_db, event.id or "", pid or "")
    return event.id or ""


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+370", "'+370"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Ona", "Ona"), ("", ""), (None, ""), ("a=b", "a=b"),
])
def test_escape_cell(value: object, expected: str) -> None:
    assert escape_cell(value) == expected


def test_csv_is_utf8_bom_semicolons_and_escaped(office_db: Database, event_id: str,
                                                tmp_path: Path) -> None:
    path = tmp_path / "dalyviai.csv"
    assert export_participants(office_db, event_id, path) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["No.", "Last name", "First name", "Organisation"]
    assert "National community" not in header
    names = {r[1] for r in body}
    assert names == {"Ąžuolaitė", "Wiśniewski", "Щербаков"}
    cells = [c for r in body for c in r]
    assert "'=1+1" in cells and "'@cmd" in cells and "'+370 612 34567" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    waiting = next(r for r in body if r[1] == "Щербаков")
    assert "waiting list" in waiting[4]  # capacity 2: the third is waiting


def test_xlsx_keeps_text_as_text(office_db: Database, event_id: str, tmp_path: Path) -> None:
    path = tmp_path / "dalyviai.xlsx"
    export_participants(office_db, event_id, path)
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][1] == "Last name"
    flat = [v for row in values for v in row]
    assert "'=1+1" in flat
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row if c.value)
    assert "National community" not in values[0]


def test_community_only_when_chosen(office_db: Database, event_id: str, tmp_path: Path) -> None:
    plain = participant_table(office_db, event_id)
    assert len(plain.headers) == len(plain.rows[0])
    chosen = participant_table(office_db, event_id, include_community=True)
    assert chosen.headers[-1] == "National community"
    by_name = {r[1]: r[-1] for r in chosen.rows}
    assert by_name["Wiśniewski"] == "Poles"
    assert by_name["Ąžuolaitė"] == ""
    path = tmp_path / "with.csv"
    export_participants(office_db, event_id, path, include_community=True)
    assert "National community" in path.read_text(encoding="utf-8-sig")


def test_wrong_extension_is_refused(office_db: Database, event_id: str, tmp_path: Path) -> None:
    with pytest.raises(UserError):
        export_participants(office_db, event_id, tmp_path / "list.pdf")
    assert not (tmp_path / "list.pdf").exists()
