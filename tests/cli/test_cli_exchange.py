"""invite, join, export and import from the command line, as the coordinator's scripts use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.db import Database
from app.services import people


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_whole_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    c, o = str(tmp_path / "c.sqlite"), str(tmp_path / "o.sqlite")
    inv = str(tmp_path / "vis.invite")
    assert run(capsys, "office", "init", "--code", "VLN", "--name", "Koord", "--coordinator",
               "--db", c)[0] == 0
    code, out, _ = run(capsys, "invite", "--office", "VIS", "--name", "Visagino biuras",
                       "--out", inv, "--db", c)
    assert code == 0 and "fingerprint" in out
    code, out, _ = run(capsys, "join", inv, "--db", o)
    assert code == 0 and "Compare them" in out
    db = Database.open(o)
    people.save_person(db, people.PersonData(first_name="Иван", last_name="Иванов"))
    db.dispose()
    code, out, _ = run(capsys, "export", "--out", str(tmp_path), "--db", o)
    assert code == 0 and "safe to remove" in out
    sent = tmp_path / "VIS-to-VLN-0001.tinklas"
    assert sent.exists()
    code, out, _ = run(capsys, "import", str(sent), "--dry-run", "--db", c)
    assert code == 0 and "Dry run" in out and "people: 1 created" in out
    code, out, _ = run(capsys, "import", str(sent), "--db", c)
    assert code == 0 and "Imported" in out
    code, out, _ = run(capsys, "list", "people", "--db", c)
    assert "Иванов" in out
    code, out, _ = run(capsys, "export", "--for", "VIS", "--out", str(tmp_path), "--db", c)
    assert code == 0


def test_a_refused_file_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    c = str(tmp_path / "c.sqlite")
    run(capsys, "office", "init", "--code", "VLN", "--name", "Koord", "--coordinator", "--db", c)
    run(capsys, "invite", "--office", "VIS", "--name", "V", "--out", str(tmp_path / "i"),
        "--db", c)
    junk = tmp_path / "junk.tinklas"
    junk.write_bytes(b"not a file at all" * 10)
    code, out, err = run(capsys, "import", str(junk), "--db", c)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "not a Tinklas data exchange file" in err


def test_export_before_joining_says_what_to_do(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "--out", str(tmp_path), "--db", str(tmp_path / "o.sqlite"))
    assert code == 1 and "invitation" in err
