"""Opening, migrating, backing up and checking databases."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Database, migrate
from app.db.backup import backup_to
from app.db.checks import run_checks
from app.errors import UserError
from app.services import people


def test_sqlite_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_new_database_is_at_head_with_reference_data(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM municipalities")).scalar() == 60
        stages = conn.execute(
            text("SELECT count(*) FROM ref_items WHERE list_name='case_stage'")).scalar()
        assert stages >= 10


def test_refuses_a_database_from_a_newer_version(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    with pytest.raises(UserError) as err:
        Database.open(db_path)
    assert "newer version" in err.value.text()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"
    con.close()


def test_upgrade_from_the_first_revision_keeps_data(tmp_path: Path) -> None:
    """A populated database at the first revision migrates to head, backed up first."""
    path = tmp_path / "old.sqlite"
    db = Database.open(path)
    people.save_person(db, people.PersonData(first_name="Ona", last_name="Yla"))
    db.dispose()
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db.engine, "0001")
    db.dispose()
    reopened = Database.open(path)
    assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    with reopened.engine.connect() as conn:
        assert conn.execute(text("SELECT last_name FROM people")).scalar() == "Yla"


def test_backup_before_migration(db_path: Path, tmp_path: Path) -> None:
    db = Database.open(db_path)
    out = db.backup_before_migration()
    assert out is not None and out.exists()
    assert run_checks(f"sqlite:///{out}").ok


def test_backup_while_writing_is_consistent(db: Database, tmp_path: Path) -> None:
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            people.save_person(db, people.PersonData(first_name=f"P{i}", last_name="Writer"))
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        outs = [backup_to(db.engine, tmp_path / f"copy{i}.sqlite") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for out in outs:
        con = sqlite3.connect(out)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        assert not (out.parent / f".{out.name}.part").exists()


def test_backup_to_an_unwritable_place_says_so(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        backup_to(db.engine, blocker / "sub" / "out.sqlite")
    assert "could not be written" in err.value.text()


def test_check_finds_broken_links(db: Database) -> None:
    assert run_checks(db.url).ok
    con = sqlite3.connect(str(db.path))
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(
        "INSERT INTO person_roles (id, person_id, organisation_id, role, title, deleted, "
        "created_at, updated_at) VALUES ('r1', 'nobody', 'nothing', 'member', '', 0, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    )
    con.commit()
    con.close()
    report = run_checks(db.url)
    assert not report.ok
    assert "person_roles" in report.line()


def test_check_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite" * 100)
    report = run_checks(f"sqlite:///{junk}")
    assert not report.ok


def test_revision_files_follow_the_naming_convention() -> None:
    """Opening a database reads the known revisions from the file names: keep them in step."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    assert {s.revision for s in script.walk_revisions()} == set(migrate.known_revisions())
    assert script.get_current_head() == migrate.head_revision()
