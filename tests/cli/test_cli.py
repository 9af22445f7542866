"""The command line contract: exit codes, one clear line on errors, TSV/JSON lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.db import Database
from app.services import people

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_office_init_then_show(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "o.sqlite")
    code, out, _ = run(
        capsys, "office", "init", "--code", "vis", "--name", "Visagino biuras", "--db", db
    )
    assert code == 0 and "VIS" in out
    code, out, _ = run(capsys, "office", "show", "--db", db)
    assert out.startswith("VIS\tVisagino biuras")


def test_office_init_refuses_a_bad_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(
        capsys,
        "office",
        "init",
        "--code",
        "S4L!",
        "--name",
        "X",
        "--db",
        str(tmp_path / "o.sqlite"),
    )
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "office code" in err


def test_error_line_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err_en = run(capsys, "check", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 1 and "There is no database" in err_en
    code, _, err_lt = run(capsys, "--lang", "lt", "check", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 1 and err_lt != err_en and str(tmp_path) in err_lt


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["list", "unicorns"])
    assert exc.value.code == 2


def test_check_and_backup(capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path) -> None:
    people.save_person(db, people.PersonData(first_name="Ona", last_name="Yla"))
    code, out, _ = run(capsys, "check", "--db", str(db.path))
    assert code == 0 and out.startswith("OK") and "1 person" in out
    copy = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "backup", "--db", str(db.path), str(copy))
    assert code == 0 and copy.exists()
    code, out, _ = run(capsys, "check", "--db", str(copy))
    assert code == 0


def test_list_people_tsv_and_json(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    for first, last in [("Jonas", "Žukauskas"), ("Ona", "Yla"), ("Petras", "Įgaunis")]:
        people.save_person(db, people.PersonData(first_name=first, last_name=last))
    code, out, _ = run(capsys, "--lang", "lt", "list", "people", "--db", str(db.path))
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t")[:2] == ["id", "name"]
    assert [line.split("\t")[1] for line in lines[1:]] == [
        "Įgaunis Petras",
        "Yla Ona",
        "Žukauskas Jonas",
    ]  # Lithuanian order: Y right after Į
    code, out, _ = run(
        capsys, "list", "people", "--db", str(db.path), "--format", "json", "--search", "zukauskas"
    )
    data = json.loads(out)
    assert [d["name"] for d in data] == ["Žukauskas Jonas"]


def test_list_of_an_empty_kind_is_a_header(
    capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    code, out, _ = run(capsys, "list", "certificates", "--db", str(db.path))
    assert code == 0 and out.startswith("id\tnumber")
    code, out, _ = run(capsys, "list", "certificates", "--db", str(db.path), "--format", "json")
    assert json.loads(out) == []


def test_db_from_environment(
    capsys: pytest.CaptureFixture[str], db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TINKLAS_DB", str(db.path))
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith("OK")


def test_command_line_does_not_load_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from ui.cli import main\n"
        "code = main(['office', 'init', '--code', 'SAL', '--name', 'S', '--db', "
        f"r'{tmp_path}/q.sqlite'])\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_help_lists_the_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from ui.cli import main; main(['--help'])"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    for command in ("demo", "check", "backup", "list", "office", "screenshots"):
        assert command in done.stdout
