import datetime as dt
from pathlib import Path

import pytest

from app.db import Database
from app.errors import UserError
from app.services.advocacy_editing import RunData, StepData, save_run, save_step
from app.services.run_files import (
    attach_file,
    file_counts,
    files_of,
    readable_copy,
    remove_file,
)


def test_documents_of_a_step(office_db: Database, tmp_path: Path) -> None:
    run = save_run(office_db, RunData(title="Kursai"), today=dt.date(2026, 6, 15)).value
    step = save_step(office_db, StepData(run_id=run.id or "", kind="letter",
                                         date=dt.date(2026, 2, 1))).value
    letter = tmp_path / "Raštas ministerijai.pdf"
    letter.write_bytes(b"%PDF-1.4 letter")
    saved = attach_file(office_db, "run_steps", step.id or "", letter)
    assert saved.value.filename == "Raštas ministerijai.pdf" and saved.value.here
    assert [f.filename for f in files_of(office_db, "run_steps", step.id or "")] == [
        "Raštas ministerijai.pdf"]
    assert file_counts(office_db, "run_steps", [step.id or ""]) == {step.id: 1}
    copy = readable_copy(office_db, saved.value.id)
    assert copy.name == "Raštas ministerijai.pdf" and copy.read_bytes() == b"%PDF-1.4 letter"
    remove_file(office_db, saved.value.id)
    assert files_of(office_db, "run_steps", step.id or "") == []
    with pytest.raises(UserError):
        attach_file(office_db, "run_steps", step.id or "", tmp_path / "missing.pdf")
