"""Participant lists as the offices send them: good files import, bad ones import nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import UserError
from app.imports import participants as imp
from app.imports.tables import read_table
from app.models import Person, Registration
from app.services import event_editing, people

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
if not FIXTURES.exists():  # CI lays shared/ beside the checkout too
    FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"


def _count(db: Database, model: type) -> int:
    with db.reader() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_lithuanian_excel_csv(db: Database) -> None:
    rows = read_table(FIXTURES / "participants-lt-excel.csv")
    mapping = imp.guess_mapping(rows)
    assert mapping.language == "lt"
    preview = imp.preview(db, rows, mapping)
    assert [r.status for r in preview] == ["new"] * 7
    by_name = {r.data.last_name: r.data for r in preview if r.data}
    assert by_name["Ąžuolaitė"].gender == "f"  # M is "moteris" in Lithuanian
    assert by_name["Wiśniewski"].gender == "m"
    assert by_name["Jankovskis"].phone == "+37061111222"
    assert _count(db, Person) == 0  # nothing written by a preview


def test_polish_utf8_bom_and_import_with_registration(office_db: Database) -> None:
    event = event_editing.save_event(office_db, event_editing.EventData(
        title_lt="Seminaras", starts_on=dt.date(2026, 11, 26))).value
    people.save_person(office_db, people.PersonData(first_name="Malgorzata", last_name="Zukowska",
                                                    email="m.zukowska@example.lt"))
    rows = read_table(FIXTURES / "participants-pl-utf8bom.csv")
    mapping = imp.guess_mapping(rows)
    assert mapping.language == "pl"
    preview = imp.preview(office_db, rows, mapping, event.id)
    assert [r.status for r in preview] == ["matched", "new", "new", "new"]
    result = imp.commit(office_db, preview, event.id).value
    assert (result.created, result.matched, result.registered) == (3, 1, 4)
    again = imp.preview(office_db, rows, mapping, event.id)
    assert {r.status for r in again} == {"registered"}
    assert _count(office_db, Registration) == 4


def test_xlsx_with_title_row_merged_cells_dates_numbers_and_cyrillic(db: Database,
                                                                      tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Список участников семинара 26.11.2026"])
    sheet.merge_cells("A1:E1")
    sheet.append(["Фамилия", "Имя", "Телефон", "Дата рождения", "Пол"])
    sheet.append(["Щербаков ", " Владимир", 37061234567, dt.datetime(1971, 5, 3), "М"])
    sheet.append(["Иванова", "Ольга", None, dt.datetime(1988, 1, 9), "Ж"])
    sheet.append([None, None, None, None, None])
    path = tmp_path / "list.xlsx"
    book.save(path)
    rows = read_table(path)
    mapping = imp.guess_mapping(rows)
    assert mapping.header_row == 1 and mapping.language == "ru"
    preview = imp.preview(db, rows, mapping)
    data = [r.data for r in preview]
    assert [(d.first_name, d.last_name, d.birth_year, d.gender, d.phone) for d in data if d] == [
        ("Владимир", "Щербаков", 1971, "m", "37061234567"),
        ("Ольга", "Иванова", 1988, "f", ""),
    ]


def test_windows_1251_csv(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes("Фамилия;Имя;Организация\r\nИванов;Иван;Центр НПО\r\n".encode("cp1251"))
    rows = read_table(path)
    assert rows[1][:2] == ["Иванов", "Иван"]


def test_invalid_rows_are_reported_with_the_reason(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bad-rows.csv"
    path.write_text("Vardas;Pavardė;El. paštas;Gimimo metai\n"
                    "Ona;;ona@example.lt;1980\n"
                    "Jonas;Jonaitis;not-mail;1980\n"
                    "Rūta;Rutkauskienė;ruta@example.lt;vakar\n"
                    "Eglė;Eglaitė;egle@example.lt;1999\n", encoding="utf-8")
    rows = read_table(path)
    preview = imp.preview(db, rows, imp.guess_mapping(rows))
    assert [r.status for r in preview] == ["invalid", "invalid", "invalid", "new"]
    assert "Last name" in preview[0].reason and "not-mail" in preview[1].reason
    assert "vakar" in preview[2].reason
    imp.commit(db, preview)
    assert _count(db, Person) == 1  # only the valid row


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"%PDF-1.4 something", "not a spreadsheet"),
    (b"PK\x03\x04broken zip", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old", ".xls"),
    (b"Kas;Kur\nx;y\n", "No header row"),
])
def test_bad_files_import_nothing(db: Database, tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad"
    path.write_bytes(content)
    with pytest.raises(UserError) as err:
        rows = read_table(path)
        imp.guess_mapping(rows)
    assert words in err.value.text()
    assert _count(db, Person) == 0
