"""The conflicts inbox dialog: side by side, and "take the other" changes the value and the
count."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from PySide6.QtWidgets import QLabel

from app.services import conflicts, people
from app.services.results import Changes
from tests.sync.conftest import net  # noqa: F401 - the network fixture
from tests.sync.network import Net
from tests.ui.test_exchange_files import context, shot
from ui.exchange.conflicts_dialog import ConflictsDialog


def _conflict(net: Net, sal: dict[str, Any], vis: dict[str, Any]) -> str:  # noqa: F811
    pid = (
        people.save_person(
            net.db("SAL"),
            people.PersonData(first_name="Ona", last_name="Yla", phone="+370 600 00000"),
        ).value.id
        or ""
    )
    net.sync("SAL")
    net.sync("VIS")
    for code, changes in (("SAL", sal), ("VIS", vis)):
        p = people.get_person(net.db(code), pid)
        people.save_person(net.db(code), dataclasses.replace(p, **changes))
        time.sleep(0.003)
    net.deliver(net.send("SAL", "VLN"), "VLN")
    net.deliver(net.send("VIS", "VLN"), "VLN")
    return pid


def open_inbox(qtbot: Any, net: Net) -> tuple[ConflictsDialog, list[Changes]]:  # noqa: F811
    ctx = context(net.db("VLN"))
    seen: list[Changes] = []
    ctx.bus.changed.connect(seen.append)
    dialog = ConflictsDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog, seen


def test_empty_inbox_says_so(qtbot: Any, net: Net) -> None:  # noqa: F811
    dialog, _seen = open_inbox(qtbot, net)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.splitter.isVisibleTo(dialog)
    assert "No conflicts" in dialog.empty.text()
    shot(dialog, "conflicts_empty")


def test_take_the_other_changes_the_value_and_the_count(qtbot: Any, net: Net) -> None:  # noqa: F811
    pid = _conflict(net, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    dialog, seen = open_inbox(qtbot, net)
    assert dialog.list.count() == 1 and "1 conflict" in dialog.count.text()
    now, other = (dialog.findChild(QLabel, f"value_phone_{col}") for col in (1, 2))
    assert now is not None and now.text() == "+370 600 00002"
    assert other is not None and other.text() == "+370 600 00001"
    assert "Ona Yla" in dialog.title.text()
    shot(dialog, "conflicts_one")
    dialog.take_other.click()
    assert people.get_person(net.db("VLN"), pid).phone == "+370 600 00001"
    assert conflicts.open_count(net.db("VLN")) == 0 and dialog.list.count() == 0
    assert seen and "people" in seen[-1].kinds and conflicts.CONFLICTS in seen[-1].kinds
    assert dialog.empty.isVisibleTo(dialog)


def test_edit_a_name_unit(qtbot: Any, net: Net) -> None:  # noqa: F811
    pid = _conflict(
        net,
        {"first_name": "Onutė", "last_name": "Ylaitė"},
        {"first_name": "Anna", "last_name": "Iła"},
    )
    dialog, _seen = open_inbox(qtbot, net)
    assert dialog.list.count() == 1
    dialog.edit.click()
    shot(dialog, "conflicts_edit")
    dialog.editors["first_name"].setText("Ona")
    dialog.editors["last_name"].setText("Ylienė")
    dialog.save_edit.click()
    p = people.get_person(net.db("VLN"), pid)
    assert (p.first_name, p.last_name) == ("Ona", "Ylienė")
    assert dialog.list.count() == 0


def test_keep_resolves_without_changing(qtbot: Any, net: Net) -> None:  # noqa: F811
    pid = _conflict(net, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    dialog, _seen = open_inbox(qtbot, net)
    dialog.keep.click()
    assert people.get_person(net.db("VLN"), pid).phone == "+370 600 00002"
    assert conflicts.open_count(net.db("VLN")) == 0


def test_status_bar_count_follows_the_bus_and_opens_the_inbox(
    qtbot: Any,
    net: Net,  # noqa: F811
    monkeypatch: Any,
) -> None:
    from ui.exchange.status import ConflictsIndicator

    ctx = context(net.db("VLN"))
    indicator = ConflictsIndicator(ctx)
    qtbot.addWidget(indicator)
    assert indicator.count == 0 and indicator.isHidden()
    _conflict(net, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    ctx.bus.publish(Changes.of(conflicts.CONFLICTS))
    assert indicator.count == 1 and indicator.text() == "1 conflict to review"
    assert not indicator.isHidden()
    opened: list[ConflictsDialog] = []

    def fake_exec(dialog: ConflictsDialog) -> int:
        opened.append(dialog)
        dialog.take_other.click()
        return 0

    monkeypatch.setattr(ConflictsDialog, "exec", fake_exec)
    indicator.click()
    assert opened and indicator.count == 0 and indicator.isHidden()


def test_main_window_has_the_exchange_menu_and_the_count(
    qtbot: Any,
    net: Net,  # noqa: F811
    monkeypatch: Any,
) -> None:
    import ui.exchange.menu
    import ui.main_window
    from ui.main_window import MainWindow

    _conflict(net, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    monkeypatch.setattr(ui.main_window, "AREAS", ())
    window = MainWindow(context(net.db("VLN")), remember=False)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["exchange"].actions() if not a.isSeparator()]
    assert texts == [
        "&Create file for an office…",
        "&Import files…",
        "C&onflicts…",
        "Exchange &history…",
        "&Keys and offices…",
    ]
    assert window.conflicts_indicator.text() == "1 conflict to review"
    assert not window.conflicts_indicator.isHidden()
    opened: list[str] = []
    monkeypatch.setattr(
        ui.exchange.menu, "open_exchange_dialog", lambda name, *_a: opened.append(name)
    )
    window.acts.import_files.trigger()
    window.acts.keys.trigger()
    assert opened == ["import", "keys"]
