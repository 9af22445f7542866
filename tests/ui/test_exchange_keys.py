"""Keys and offices: invite an office at the coordinator, join with the invitation at the
office (both fingerprints shown), revoke; the history dialog lists the files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.db import Database
from app.services import people
from app.services.offices import init_office
from app.sync import network
from tests.sync.conftest import net  # noqa: F401 - the network fixture
from tests.sync.network import Net
from tests.ui.test_exchange_files import context, shot
from ui.exchange import common, keys_dialog
from ui.exchange.export_dialog import ExportDialog
from ui.exchange.history_dialog import HistoryDialog
from ui.exchange.keys_dialog import KeysDialog
from ui.widgets import ask


def test_invite_join_and_revoke(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    invitation = tmp_path / "KLA.tinklas-invite"
    monkeypatch.setattr(keys_dialog, "ask_new_office", lambda _p: ("KLA", "Klaipėdos biuras"))
    monkeypatch.setattr(common, "choose_save", lambda *_a: str(invitation))
    coordinator = KeysDialog(context(net.db("VLN")))
    qtbot.addWidget(coordinator)
    rows = coordinator.table.rowCount()
    assert coordinator.invite.isVisibleTo(coordinator)
    assert not coordinator.join.isVisibleTo(coordinator)
    coordinator.invite.click()
    assert invitation.exists() and coordinator.table.rowCount() == rows + 1
    own = network.own_fingerprint(net.db("VLN"))
    assert own in coordinator.message.text() and own == coordinator.own_fingerprint.text()
    shot(coordinator, "keys_coordinator")

    office_db = Database.open(tmp_path / "KLA.sqlite")
    try:
        init_office(office_db, "KLA", "Klaipėdos biuras")
        monkeypatch.setattr(common, "choose_file", lambda *_a: str(invitation))
        office = KeysDialog(context(office_db))
        qtbot.addWidget(office)
        assert not office.own_fingerprint.isVisibleTo(office)
        shot(office, "keys_office_before")
        office.join.click()
        mine = network.own_fingerprint(office_db)
        assert mine and mine in office.message.text() and own in office.message.text()
        assert "phone" in office.message.text()
        assert office.own_fingerprint.text() == mine and not office.join.isEnabled()
        shot(office, "keys_office_joined")
    finally:
        office_db.dispose()

    row = next(i for i, p in enumerate(coordinator.peers) if p.code == "KLA")
    coordinator.table.selectRow(row)
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    coordinator.revoke.click()
    assert next(p for p in network.peers(net.db("VLN")) if p.code == "KLA").revoked
    assert "revoked" in coordinator.message.text()


def test_history_dialog_lists_the_files(qtbot: Any, net: Net) -> None:  # noqa: F811
    people.save_person(net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla"))
    net.sync("SAL")
    dialog = HistoryDialog(context(net.db("VLN")))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 2
    directions = [e.direction for e in dialog.entries]
    assert directions[:2] == ["Sent to", "Received from"]  # the answer to SAL is the newest
    assert dialog.details.toPlainText()
    shot(dialog, "history")


def test_resynchronise_after_a_restored_backup(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    from tests.ui.test_exchange_files import export_with_dialog, import_dialog, rows

    def add(name: str) -> str:
        person = people.PersonData(first_name=name, last_name="Testas")
        return people.save_person(net.db("SAL"), person).value.id or ""

    net.db("SAL").dispose()
    backup = tmp_path / "SAL-backup.sqlite"
    shutil.copyfile(tmp_path / "SAL.sqlite", backup)
    net.dbs["SAL"] = Database.open(tmp_path / "SAL.sqlite")
    lost = add("AfterBackup")
    net.deliver(net.send("SAL", "VLN"), "VLN")
    net.db("SAL").dispose()
    shutil.copyfile(backup, tmp_path / "SAL.sqlite")
    net.dbs["SAL"] = Database.open(tmp_path / "SAL.sqlite")
    fresh = add("AfterRestore")
    out = tmp_path / "out"
    out.mkdir()
    refused = export_with_dialog(qtbot, net.db("SAL"), out)
    dialog, _seen = import_dialog(qtbot, net.db("VLN"), [refused], monkeypatch)
    assert "resynchronise" in rows(dialog)[1][0][0]

    # the coordinator makes a full file for SAL in the export dialog
    coordinator = ExportDialog(context(net.db("VLN")))
    qtbot.addWidget(coordinator)
    coordinator.office.setCurrentIndex(coordinator.office.findData("SAL"))
    coordinator.folder.setText(str(out))
    coordinator.full.setChecked(True)
    coordinator.create_button.click()
    assert coordinator.summary is not None
    full = coordinator.summary.path

    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(common, "choose_file", lambda *_a: str(full))
    office = KeysDialog(context(net.db("SAL")))
    qtbot.addWidget(office)
    assert office.resync.isEnabled()
    office.resync.click()
    assert "Resynchronised" in office.message.text()
    assert people.get_person(net.db("SAL"), lost).first_name == "AfterBackup"  # came back
    assert people.get_person(net.db("SAL"), fresh).first_name == "AfterRestore"  # still here
    again = export_with_dialog(qtbot, net.db("SAL"), out)
    dialog, _seen = import_dialog(qtbot, net.db("VLN"), [again], monkeypatch)
    dialog.import_button.click()
    assert dialog.results is not None and dialog.results[0].report is not None
    assert people.get_person(net.db("VLN"), fresh).first_name == "AfterRestore"


def test_a_dialog_stays_open_while_its_work_runs(qtbot: Any, net: Net) -> None:  # noqa: F811
    keys = KeysDialog(context(net.db("VLN")))
    qtbot.addWidget(keys)
    keys.show()
    keys.busy = True
    keys.reject()
    assert keys.isVisible()
    keys.busy = False
    keys.reject()
    assert not keys.isVisible()
