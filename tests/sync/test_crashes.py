"""Killed processes and full disks: a database is exactly before or exactly after, a file
under its final name is always complete, and every failure says so plainly."""

from __future__ import annotations

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from app.db import Database
from app.models import ChangeLog, LedgerEntry, Person
from app.sync.changelog import bulk_insert
from app.sync.reading import Refused
from tests.sync.network import Net, state

ROOT = Path(__file__).resolve().parents[2]


def _many_people(db: Database, n: int) -> None:
    with db.session() as s:
        bulk_insert(
            s,
            Person,
            [
                {"first_name": f"Vardas{i}", "last_name": f"Pavardė{i}", "notes": "ąčęėįšųūž " * 20}
                for i in range(n)
            ],
        )


def _summary(db: Database) -> tuple[int, int, int]:
    with db.reader() as s:
        return (
            int(s.execute(select(func.count()).select_from(Person)).scalar_one()),
            int(s.execute(select(func.count()).select_from(ChangeLog)).scalar_one()),
            int(s.execute(select(func.count()).select_from(LedgerEntry)).scalar_one()),
        )


def _child(args: list[str], env_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        TINKLAS_DATA_DIR=str(env_dir / "data"),
        TINKLAS_CONFIG_DIR=str(env_dir / "cfg"),
        TINKLAS_LOG_DIR=str(env_dir / "log"),
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_import_killed_at_many_points(net: Net, tmp_path: Path) -> None:
    _many_people(net.db("SAL"), 6000)
    path = net.send("SAL", "VLN")
    vln = net.db("VLN")
    before = (_summary(vln), state(vln))
    vln.dispose()
    db_file = tmp_path / "VLN.sqlite"
    pristine = tmp_path / "pristine.sqlite"
    con = sqlite3.connect(db_file)
    con.execute("VACUUM INTO ?", (str(pristine),))
    con.close()
    rng = random.Random(7)
    outcomes = set()
    for attempt in range(6):
        work = tmp_path / f"work{attempt}.sqlite"
        work.write_bytes(pristine.read_bytes())
        child = _child(["import", str(path), "--db", str(work)], tmp_path)
        time.sleep(rng.uniform(0.2, 3.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        db = Database.open(work, backup=False)
        now = (_summary(db), state(db))
        db.dispose()
        if now == before:
            outcomes.add("before")
        else:
            assert now[0][0] == before[0][0] + 6000, "a partial import is visible"
            assert now[0][2] == before[0][2] + 1
            outcomes.add("after")
        con = sqlite3.connect(work)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    assert outcomes  # at least one kill landed somewhere meaningful


def test_export_and_backup_killed_leave_no_partial_file(net: Net, tmp_path: Path) -> None:
    _many_people(net.db("SAL"), 6000)
    db_file = tmp_path / "SAL.sqlite"
    net.db("SAL").dispose()
    rng = random.Random(3)
    for attempt in range(4):
        target = tmp_path / f"out{attempt}.tinklas"
        child = _child(["export", "--out", str(target), "--db", str(db_file)], tmp_path)
        time.sleep(rng.uniform(0.3, 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if target.exists():  # complete, then: the coordinator can import it
            report = net.deliver(target, "VLN", dry_run=True)
            assert report.status in ("dry_run", "no_op")
        copy = tmp_path / f"copy{attempt}.sqlite"
        child = _child(["backup", "--db", str(db_file), str(copy)], tmp_path)
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if copy.exists():
            con = sqlite3.connect(copy)
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            con.close()


def test_disk_full_during_import(net: Net) -> None:
    _many_people(net.db("SAL"), 3000)
    path = net.send("SAL", "VLN")
    vln = net.db("VLN")
    before = (_summary(vln), state(vln))
    with vln.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def limit(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # type: ignore[attr-defined]

    vln.engine.dispose()
    event.listen(vln.engine, "connect", limit)
    with pytest.raises(Refused) as err:
        net.deliver(path, "VLN")
    assert "disk is full" in err.value.text()
    assert (_summary(vln), state(vln)) == before
    event.remove(vln.engine, "connect", limit)
    vln.engine.dispose()
    assert net.deliver(path, "VLN").status == "applied"  # room again: the same file goes in


def test_disk_full_during_export(net: Net, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from app import files
    from app.errors import UserError

    _many_people(net.db("SAL"), 10)
    ledger = _summary(net.db("SAL"))[2]

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(UserError) as err:
        net.send("SAL", "VLN")
    assert "No space left" in err.value.text()
    assert _summary(net.db("SAL"))[2] == ledger
    assert not list((tmp_path / "files").glob("*.tinklas"))
    monkeypatch.undo()
    assert net.send("SAL", "VLN").exists()
