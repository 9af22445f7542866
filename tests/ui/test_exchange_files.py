"""Exchange dialogs: a file made at an office through the export dialog is imported at the
coordinator through the import dialog; a refused file shows its reason and changes nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.db import Database
from app.services import people
from app.services.results import Changes
from tests.sync.conftest import net  # noqa: F401 - the network fixture
from tests.sync.network import Net, fingerprint
from ui.bus import Bus
from ui.context import AppContext
from ui.exchange import common
from ui.exchange.export_dialog import ExportDialog
from ui.exchange.import_dialog import ImportDialog
from ui.jobs import Jobs

SHOTS = os.environ.get("TINKLAS_SHOTS")  # a folder: save each dialog as a PNG to look at


def shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def context(db: Database) -> AppContext:
    return AppContext(db, Bus(), Jobs(synchronous=True))


@pytest.fixture
def published(qapp: QApplication) -> Iterator[list[Changes]]:
    yield []


def rows(dialog: ImportDialog, index: int = 0) -> tuple[str, list[list[str]]]:
    """A file's headline in the summary, and its lines (each a list of cells)."""
    top = dialog.tree.topLevelItem(index)
    assert top is not None
    lines = []
    for i in range(top.childCount()):
        child = top.child(i)
        assert child is not None
        lines.append([child.text(c) for c in range(dialog.tree.columnCount())])
    return top.text(0), lines


def export_with_dialog(qtbot: Any, db: Database, folder: Path, office: str = "") -> Path:
    dialog = ExportDialog(context(db))
    qtbot.addWidget(dialog)
    if office:
        dialog.office.setCurrentIndex(dialog.office.findData(office))
    dialog.folder.setText(str(folder))
    shot(dialog, f"export_{db.local_office().code}_before")
    dialog.create_button.click()
    assert dialog.summary is not None, dialog.result_label.text()
    assert "safe to remove the stick" in dialog.result_label.text()
    assert not dialog.create_button.isEnabled()
    shot(dialog, f"export_{db.local_office().code}_after")
    return dialog.summary.path


def import_dialog(
    qtbot: Any, db: Database, files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> tuple[ImportDialog, list[Changes]]:
    ctx = context(db)
    seen: list[Changes] = []
    ctx.bus.changed.connect(seen.append)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(common, "choose_files", lambda *_a: [str(f) for f in files])
    dialog.choose.click()
    return dialog, seen


def test_export_then_import_through_the_dialogs(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = (
        people.save_person(
            net.db("SAL"), people.PersonData(first_name="Ona", last_name="Žemaitė")
        ).value.id
        or ""
    )
    path = export_with_dialog(qtbot, net.db("SAL"), tmp_path)
    assert path.parent == tmp_path and path.name.startswith("SAL-to-VLN-")

    before = fingerprint(net.db("VLN"))
    dialog, seen = import_dialog(qtbot, net.db("VLN"), [path], monkeypatch)
    headline, lines = rows(dialog)
    assert "from SAL" in headline and dialog.import_button.isEnabled()
    assert {line[0]: line[1] for line in lines}["People"] == "1"
    assert fingerprint(net.db("VLN")) == before  # the dry run changed nothing
    shot(dialog, "import_dry_run")

    dialog.import_button.click()
    assert dialog.results is not None and dialog.results[0].report is not None
    assert dialog.results[0].report.status == "applied"
    assert people.get_person(net.db("VLN"), pid).last_name == "Žemaitė"
    assert seen and "people" in seen[-1].kinds
    assert "1 file imported" in dialog.message.text()
    shot(dialog, "import_done")

    # and back: the coordinator makes a file for SAL, choosing the office
    back = export_with_dialog(qtbot, net.db("VLN"), tmp_path, office="SAL")
    assert back.name.startswith("VLN-to-SAL-")


def test_a_refused_file_shows_its_reason_and_changes_nothing(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    people.save_person(net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla"))
    path = export_with_dialog(qtbot, net.db("SAL"), tmp_path)
    before = fingerprint(net.db("VIS"))
    dialog, seen = import_dialog(qtbot, net.db("VIS"), [path], monkeypatch)  # not for VIS
    headline, lines = rows(dialog)
    assert "refused" in headline
    assert "addressed to" in lines[0][0]
    assert not dialog.import_button.isEnabled()
    assert "left out" in dialog.message.text()
    assert fingerprint(net.db("VIS")) == before and seen == []
    shot(dialog, "import_refused")


def test_a_damaged_file_among_good_ones_is_left_out(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    people.save_person(net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla"))
    good = export_with_dialog(qtbot, net.db("SAL"), tmp_path)
    damaged = tmp_path / "damaged.tinklas"
    damaged.write_bytes(good.read_bytes()[:-200])
    dialog, _seen = import_dialog(qtbot, net.db("VLN"), [damaged, good], monkeypatch)
    assert "refused" in rows(dialog)[0]
    dialog.import_button.click()
    assert dialog.results is not None and len(dialog.results) == 1
    assert dialog.results[0].report is not None
    assert dialog.results[0].report.status == "applied"


def test_a_file_archiving_many_records_asks_a_second_time(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.widgets import ask

    sal = net.db("SAL")
    ids = [
        people.save_person(sal, people.PersonData(first_name="Ona", last_name=f"Yla{i}")).value.id
        or ""
        for i in range(25)
    ]
    net.sync("SAL")
    for pid in ids:
        people.set_archived(sal, pid)
    path = export_with_dialog(qtbot, sal, tmp_path)
    dialog, seen = import_dialog(qtbot, net.db("VLN"), [path], monkeypatch)
    assert any("archive or erase many records" in line[0] for line in rows(dialog)[1])
    answers: list[bool] = [False]
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: answers.pop(0))
    before = fingerprint(net.db("VLN"))
    dialog.import_button.click()
    assert fingerprint(net.db("VLN")) == before and seen == []  # "Cancel" changed nothing
    answers.append(True)
    dialog.import_button.click()
    assert dialog.results is not None and dialog.results[0].report is not None
    assert dialog.results[0].report.status == "applied"
    assert people.get_person(net.db("VLN"), ids[0]).archived


def test_several_files_from_one_office_in_any_order(
    qtbot: Any,
    net: Net,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sal = net.db("SAL")
    first = people.save_person(sal, people.PersonData(first_name="Ona", last_name="A")).value.id
    one = export_with_dialog(qtbot, sal, tmp_path)
    second = people.save_person(sal, people.PersonData(first_name="Ona", last_name="B")).value.id
    two = export_with_dialog(qtbot, sal, tmp_path)
    dialog, _seen = import_dialog(qtbot, net.db("VLN"), [two, one], monkeypatch)
    assert [o.report.gap for o in dialog.plan if o.report] == [0, 0]  # both chosen: no gap
    dialog.import_button.click()
    assert dialog.results is not None
    reports = [o.report for o in dialog.results if o.report]
    assert [r.status for r in reports] == ["applied", "applied"]
    assert reports[0].sequence < reports[1].sequence  # imported in their order
    for pid in (first, second):
        assert people.get_person(net.db("VLN"), pid or "").first_name == "Ona"
