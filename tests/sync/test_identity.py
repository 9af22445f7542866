"""A restored backup and two laptops claiming one office: detected; a resync loses nothing."""

from __future__ import annotations

import shutil

import pytest

from app.db import Database
from app.services import people
from app.sync.reading import Refused
from app.sync.resync import resync
from tests.sync.network import Net, state


def _add(net: Net, code: str, name: str) -> str:
    return (
        people.save_person(
            net.db(code), people.PersonData(first_name=name, last_name="Testas")
        ).value.id
        or ""
    )


def test_restored_backup_is_detected_and_a_resync_loses_nothing(net: Net, tmp_path) -> None:
    _add(net, "SAL", "Before")
    net.sync("SAL")
    net.db("SAL").dispose()
    backup = tmp_path / "SAL-backup.sqlite"
    shutil.copyfile(tmp_path / "SAL.sqlite", backup)
    net.dbs["SAL"] = Database.open(tmp_path / "SAL.sqlite")
    lost = _add(net, "SAL", "AfterBackup")  # reaches the coordinator, then the laptop dies
    net.deliver(net.send("SAL", "VLN"), "VLN")
    net.db("SAL").dispose()
    shutil.copyfile(backup, tmp_path / "SAL.sqlite")  # the office restores its old backup
    net.dbs["SAL"] = Database.open(tmp_path / "SAL.sqlite")
    fresh = _add(net, "SAL", "AfterRestore")  # reuses the sequence numbers of the lost edit
    with pytest.raises(Refused) as err:
        net.deliver(net.send("SAL", "VLN"), "VLN")
    assert "resynchronise" in err.value.text()
    full = net.send("VLN", "SAL", full=True)
    resync(net.db("SAL"), full)
    ids = set(state(net.db("SAL"))["people"])
    assert {lost, fresh} <= ids  # the lost edit came back, the new one is still there
    report = net.deliver(net.send("SAL", "VLN"), "VLN")
    assert report.status == "applied"
    assert {lost, fresh} <= set(state(net.db("VLN"))["people"])


def test_two_laptops_with_one_office_identity(net: Net, tmp_path) -> None:
    net.db("SAL").dispose()
    shutil.copyfile(tmp_path / "SAL.sqlite", tmp_path / "SAL-clone.sqlite")
    net.dbs["SAL"] = Database.open(tmp_path / "SAL.sqlite")
    clone = Database.open(tmp_path / "SAL-clone.sqlite")
    _add(net, "SAL", "Laptop1")
    net.deliver(net.send("SAL", "VLN"), "VLN")
    net.dbs["SAL2"] = clone
    people.save_person(clone, people.PersonData(first_name="Laptop2", last_name="Testas"))
    path = net.send("SAL2", "VLN")
    before = state(net.db("VLN"))
    with pytest.raises(Refused) as err:
        net.deliver(path, "VLN")
    assert "identity" in err.value.text() or "another copy" in err.value.text()
    assert state(net.db("VLN")) == before
