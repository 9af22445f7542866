"""attendance-sheet, certificates and verify from the command line."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import main
from app.db import Database
from app.services import attendance, event_editing, people, registrations
from app.services.event_editing import EventData, SessionData


@pytest.fixture
def held(office_db: Database) -> tuple[Database, str]:
    event = event_editing.save_event(
        office_db,
        EventData(
            title_lt="Lyderių mokymai",
            title_pl="Szkolenie liderów",
            starts_on=dt.date(2026, 11, 24),
            ends_on=dt.date(2026, 11, 25),
        ),
    ).value
    sess = [
        event_editing.save_session(
            office_db,
            SessionData(event_id=event.id or "", date=dt.date(2026, 11, 24 + i), topic="Tema"),
        ).value.id
        or ""
        for i in range(2)
    ]
    for first, last, lang in [
        ("Žydrūnė", "Ąžuolaitė", "lt"),
        ("Łukasz", "Wiśniewski", "pl"),
        ("Владимир", "Щербаков", "ru"),
    ]:
        pid = (
            people.save_person(
                office_db,
                people.PersonData(first_name=first, last_name=last, preferred_language=lang),
            ).value.id
            or ""
        )
        reg = registrations.register(office_db, event.id or "", pid).value
        for s in sess:
            attendance.mark(office_db, s, [reg], "present")
    return office_db, event.code


def test_attendance_sheet(
    held: tuple[Database, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, code = held
    out = tmp_path / "sheet.pdf"
    assert (
        main(
            [
                "attendance-sheet",
                "--db",
                str(db.path),
                "--event",
                code.lower(),
                "--session",
                "2",
                "--lang",
                "pl",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = PdfReader(out).pages[0].extract_text()
    assert "Łukasz Wiśniewski" in text and "Владимир Щербаков" in text


def test_unknown_event_is_one_line(
    held: tuple[Database, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _code = held
    assert (
        main(
            [
                "attendance-sheet",
                "--db",
                str(db.path),
                "--event",
                "SAL-1999-999",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 1
    )
    assert "SAL-1999-999" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_certificates_then_verify(
    held: tuple[Database, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, code = held
    out = tmp_path / "certs.pdf"
    assert main(["certificates", "--db", str(db.path), "--event", code, "--out", str(out)]) == 1
    assert (
        main(["certificates", "--db", str(db.path), "--event", code, "--issue", "--out", str(out)])
        == 0
    )
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 3
    texts = [p.extract_text() for p in reader.pages]
    assert any("Łukasz Wiśniewski" in t and "Szkolenie liderów" in t for t in texts)
    capsys.readouterr()
    assert main(["list", "certificates", "--db", str(db.path)]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    verification = rows[0].split("\t")[-1]
    assert main(["verify", "--db", str(db.path), verification]) == 0
    shown = capsys.readouterr().out
    assert "VALID" in shown and "SAL-2026-0001" in shown and "Lyderių mokymai" in shown
    assert main(["verify", "--db", str(db.path), "0000-0000-00"]) == 1
