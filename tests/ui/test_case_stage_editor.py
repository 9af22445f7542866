"""The coordinator's stage editor, reached from the Micro-business cases tab: rename a stage in
the four languages, change its required facts, with empty names refused under their box."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.db import Database
from app.services.case_stages import stages
from app.services.offices import init_office
from app.services.results import REFERENCE, Changes
from ui.bus import Bus
from ui.cases.stage_editor import StageEditorDialog
from ui.context import AppContext
from ui.jobs import Jobs
from ui.tabs.cases import CasesTab


def make_ctx(db: Database, coordinator: bool) -> AppContext:
    init_office(db, "VLN" if coordinator else "SAL", "Biuras", coordinator=coordinator)
    return AppContext(db, Bus(), Jobs())


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> Iterator[AppContext]:
    context = make_ctx(db, coordinator=True)
    yield context
    context.jobs.shutdown()


def test_stages_action_is_enabled_only_in_the_coordinators_database(
        qtbot: Any, qapp: QApplication, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CasesTab, "today", staticmethod(lambda: dt.date(2026, 3, 16)))
    office = make_ctx(db, coordinator=False)
    tab = CasesTab(office)
    qtbot.addWidget(tab)
    action = tab.actions_["stages"]
    assert action in tab.toolbar_actions()
    assert not action.isEnabled() and "coordinator" in action.statusTip()
    init_office(db, "VLN", "Koordinatorius", coordinator=True)
    tab.refresh()
    assert action.isEnabled()
    opened: list[bool] = []
    monkeypatch.setattr(StageEditorDialog, "exec", lambda self: opened.append(True) or 0)
    action.trigger()
    assert opened == [True]
    office.jobs.shutdown()


def test_rename_and_change_facts_then_save(qtbot: Any, ctx: AppContext) -> None:
    published: list[Changes] = []
    ctx.bus.changed.connect(published.append)
    dialog = StageEditorDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "fixed" in dialog.note.text()
    assert dialog.stage_list.count() == 11 and dialog.stage_list.item(0).text() == "Intake"
    dialog.stage_list.setCurrentRow(1)  # needs assessment
    assert dialog.names["pl"].text() == "Ocena potrzeb"
    assert dialog.facts["needs_summary"].isChecked()
    dialog.names["pl"].clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.saved
    assert "Polish" in dialog.errors.text("name_pl")
    qtbot.keyClicks(dialog.names["pl"], "Ocena potrzeb i zasobow")
    dialog.facts["needs_summary"].setChecked(False)
    dialog.stage_list.setCurrentRow(0)
    dialog.names["en"].selectAll()
    qtbot.keyClicks(dialog.names["en"], "First contact")
    assert dialog.stage_list.item(0).text() == "First contact"  # the list follows the name
    dialog.facts["business_idea"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved and not dialog.isVisible()
    got = {s.code: s for s in stages(ctx.db)}
    assert got["intake"].label == "First contact"
    assert got["intake"].required == ("business_idea",)
    assert got["needs_assessment"].required == ()
    assert published and REFERENCE in published[-1].kinds


def test_the_closed_stage_is_renamed_but_has_no_facts_to_choose(qtbot: Any,
                                                                ctx: AppContext) -> None:
    dialog = StageEditorDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.stage_list.setCurrentRow(dialog.stage_list.count() - 1)
    assert dialog.current == "closed"
    assert dialog.terminal_note.isVisible()
    assert not any(box.isVisible() for box in dialog.facts.values())
    assert "closed" in dialog.terminal_note.text()
