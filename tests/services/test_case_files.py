"""Files on a case: stored by content, listed, opened from the store and removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_case_fixtures import new_case

from app.db import Database
from app.errors import ValidationError
from app.services import case_files


def test_attach_list_open_and_remove(office_db: Database, tmp_path: Path) -> None:
    case_id = new_case(office_db)
    plan = tmp_path / "verslo planas.pdf"
    plan.write_bytes(b"%PDF-1.4 plan")
    saved = case_files.attach(office_db, case_id, plan, "business_plan")
    files = case_files.case_files(office_db, case_id)
    assert [(f.filename, f.kind, f.size, f.here) for f in files] == [
        ("verslo planas.pdf", "business_plan", 13, True)]
    assert case_files.stored_path(office_db, saved.value.id).read_bytes() == b"%PDF-1.4 plan"
    case_files.remove(office_db, saved.value.id)
    assert case_files.case_files(office_db, case_id) == []


def test_a_file_needs_a_kind(office_db: Database, tmp_path: Path) -> None:
    case_id = new_case(office_db)
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(ValidationError):
        case_files.attach(office_db, case_id, tmp_path / "x.txt", "selfie")
