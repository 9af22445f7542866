"""Scanned signed sheets attached to a session as evidence: attach, list, open, remove."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.attachments import file_path
from app.db import Database
from app.errors import NotFoundError, UserError
from app.models import Attachment
from app.models import Session as EventSession
from app.services import event_editing, evidence
from app.services.event_editing import EventData, SessionData

D = dt.date(2026, 11, 24)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _session(db: Database) -> str:
    event = event_editing.save_event(db, EventData(title_lt="Mokymai", starts_on=D)).value
    return event_editing.save_session(db, SessionData(event_id=event.id or "", date=D)
                                      ).value.id or ""


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_attach_stores_the_file_and_marks_the_session(office_db: Database,
                                                      tmp_path: Path) -> None:
    session_id = _session(office_db)
    saved = evidence.attach(office_db, session_id, _file(tmp_path, "parasai 1.pdf", PDF))
    assert "events" in saved.changes.kinds
    sheet = saved.value
    assert (sheet.filename, sheet.mime_type, sheet.size) == ("parasai 1.pdf",
                                                              "application/pdf", len(PDF))
    assert sheet.available
    assert file_path(sheet.sha256).read_bytes() == PDF
    with office_db.reader() as s:
        row = s.get(Attachment, sheet.id)
        assert row is not None
        assert (row.owner_table, row.kind, row.personal_data) == ("sessions", "signed_sheet",
                                                                  True)
        session = s.get(EventSession, session_id)
        assert session is not None and session.sheet_sha256 == sheet.sha256
    assert evidence.sheet_path(office_db, sheet.id).read_bytes() == PDF
    assert evidence.sheet_counts(office_db, [session_id]) == {session_id: 1}


def test_several_pages_then_remove_falls_back_to_the_earlier(office_db: Database,
                                                             tmp_path: Path) -> None:
    session_id = _session(office_db)
    first = evidence.attach(office_db, session_id, _file(tmp_path, "a.pdf", PDF)).value
    second = evidence.attach(office_db, session_id, _file(tmp_path, "b.png", PNG)).value
    assert second.mime_type == "image/png"
    listed = evidence.sheets(office_db, session_id)
    assert {s.id for s in listed} == {first.id, second.id}
    evidence.remove(office_db, second.id)
    assert [s.id for s in evidence.sheets(office_db, session_id)] == [first.id]
    with office_db.reader() as s:
        assert s.get(EventSession, session_id).sheet_sha256 == first.sha256  # type: ignore[union-attr]
        assert s.get(Attachment, second.id).deleted  # type: ignore[union-attr]  # a tombstone
    evidence.remove(office_db, first.id)
    assert evidence.sheets(office_db, session_id) == []
    with office_db.reader() as s:
        assert s.get(EventSession, session_id).sheet_sha256 is None  # type: ignore[union-attr]
    with pytest.raises(NotFoundError):
        evidence.sheet_path(office_db, first.id)
    with pytest.raises(NotFoundError):
        evidence.remove(office_db, first.id)


def test_only_pdf_and_images_are_accepted(office_db: Database, tmp_path: Path) -> None:
    session_id = _session(office_db)
    with pytest.raises(UserError) as err:
        evidence.attach(office_db, session_id, _file(tmp_path, "list.csv", b"Vardas;Pavarde\n"))
    assert "list.csv" in err.value.text()
    with pytest.raises(UserError):
        evidence.attach(office_db, session_id, tmp_path / "missing.pdf")
    assert evidence.sheets(office_db, session_id) == []


def test_a_sheet_recorded_elsewhere_says_it_is_not_here(office_db: Database,
                                                        tmp_path: Path) -> None:
    session_id = _session(office_db)
    sheet = evidence.attach(office_db, session_id, _file(tmp_path, "a.pdf", PDF)).value
    file_path(sheet.sha256).unlink()  # as after an exchange: the record came, the file did not
    assert not evidence.sheets(office_db, session_id)[0].available
    with pytest.raises(UserError) as err:
        evidence.sheet_path(office_db, sheet.id)
    assert "another office" in err.value.text()


def test_attach_to_a_removed_session_is_refused(office_db: Database, tmp_path: Path) -> None:
    session_id = _session(office_db)
    event_editing.remove_session(office_db, session_id)
    with pytest.raises(NotFoundError):
        evidence.attach(office_db, session_id, _file(tmp_path, "a.pdf", PDF))
