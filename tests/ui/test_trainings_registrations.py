"""Participants: pick people from the registry, create one inline (with the duplicate warning),
the waiting list when full, status changes, and the export dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.db import Database
from app.services import event_editing, organisations, registrations
from app.services.event_editing import EventData
from tests.ui.helpers import event_page, person, type_text
from ui.context import AppContext
from ui.people.person_form import PersonForm
from ui.tabs.trainings import TrainingsTab
from ui.trainings.add_participant import AddParticipantDialog
from ui.trainings.export_dialog import ExportDialog

LEFT = Qt.MouseButton.LeftButton
D = dt.date(2026, 11, 24)

pytestmark = [pytest.mark.ctx(office=True), pytest.mark.usefixtures("answers")]


@pytest.fixture
def event_id(ctx: AppContext) -> str:
    return event_editing.save_event(ctx.db, EventData(title_lt="Lyderių mokymai", starts_on=D,
                                                      capacity=2)).value.id or ""


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext, event_id: str) -> TrainingsTab:
    return event_page(qtbot, ctx, event_id, "participants")


def pick(qtbot: Any, dialog: AddParticipantDialog, typed: str, expected: str) -> None:
    """Type into the picker, choose the offer, press Enter (what a person does)."""
    dialog.picker.clear()
    type_text(qtbot, dialog.picker, typed)
    qtbot.waitUntil(lambda: any(expected in label for _i, label in dialog.picker.choices()),
                    timeout=2000)
    dialog.picker.pick(*dialog.picker.choices()[0])
    assert dialog.register_button.isEnabled()
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)


def statuses_ids(db: Database, event_id: str) -> dict[str, str]:
    return {r.person_name: r.person_id for r in registrations.registrations(db, event_id)}


def statuses(db: Database, event_id: str) -> dict[str, tuple[str, int | None]]:
    return {r.person_name: (r.status, r.waitlist_position)
            for r in registrations.registrations(db, event_id)}


def test_pick_people_then_a_waiting_list_then_promotion(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext, event_id: str) -> None:
    org = organisations.save_organisation(ctx.db, organisations.OrganisationData(
        name="Šalčininkų NVO centras")).value.id or ""
    ona = person(ctx.db, "Ona", "Petraitienė")
    organisations.save_role(ctx.db, organisations.RoleData(person_id=ona,
                                                           organisation_id=org))
    person(ctx.db, "Łukasz", "Wiśniewski")
    person(ctx.db, "Иван", "Иванов")
    panel = tab.page.participants
    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, AddParticipantDialog) and dialog.isVisible()
    pick(qtbot, dialog, "petraitiene", "Petraitienė")  # folded: no accents needed
    assert dialog.result_label.text() == "Ona Petraitienė (Šalčininkų NVO centras) is registered."
    pick(qtbot, dialog, "lukasz", "Łukasz")
    pick(qtbot, dialog, "ivanov", "Иванов")  # transliterated to find Иванов
    assert "waiting list" in dialog.result_label.text()
    dialog.picker.clear()
    type_text(qtbot, dialog.picker, "lukasz")
    dialog.picker.refresh_choices()
    assert dialog.picker.choices() == []  # the registered are not offered again
    dialog.register(statuses_ids(ctx.db, event_id)["Łukasz Wiśniewski"], "Łukasz")
    assert "already registered" in dialog.result_label.text()
    dialog.reject()

    assert statuses(ctx.db, event_id) == {
        "Ona Petraitienė": ("registered", None), "Łukasz Wiśniewski": ("registered", None),
        "Иван Иванов": ("waiting", 1)}
    assert panel.table.rowCount() == 3
    assert panel.table.item(2, 0).text() == "Иван Иванов"
    assert panel.table.item(2, 3).text() == "1"  # position on the waiting list
    assert panel.table.item(0, 1).text() == "Šalčininkų NVO centras"
    assert "2 registered of 2 places" in panel.summary.text()
    assert "1 on the waiting list" in panel.summary.text()

    panel.table.selectRow(1)  # Łukasz cancels: Иван moves up
    qtbot.mouseClick(panel.cancel_button, LEFT)
    assert statuses(ctx.db, event_id)["Иван Иванов"] == ("registered", None)
    assert statuses(ctx.db, event_id)["Łukasz Wiśniewski"] == ("cancelled", None)

    rows = {panel.table.item(r, 0).text(): r for r in range(panel.table.rowCount())}
    panel.table.clearSelection()
    panel.table.selectRow(rows["Ona Petraitienė"])
    panel.status_actions["confirmed"].trigger()  # the same actions as the context menu
    assert statuses(ctx.db, event_id)["Ona Petraitienė"] == ("confirmed", None)


def test_new_person_inline_and_the_duplicate_warning(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext, event_id: str) -> None:
    existing = person(ctx.db, "Žydrūnė", "Ąžuolaitė", birth_year=1984)
    panel = tab.page.participants
    panel.add_participant()
    dialog = panel.dialog
    assert isinstance(dialog, AddParticipantDialog)

    qtbot.mouseClick(dialog.new_button, LEFT)
    form = dialog.person_form
    assert isinstance(form, PersonForm) and form.isVisible()
    type_text(qtbot, form.edits["first_name"], "Tadeuš")
    type_text(qtbot, form.edits["last_name"], "Ščerbakov")
    qtbot.mouseClick(form.save_button, LEFT)
    assert "Tadeuš Ščerbakov is registered." == dialog.result_label.text()

    qtbot.mouseClick(dialog.new_button, LEFT)
    form = dialog.person_form
    assert isinstance(form, PersonForm)
    qtbot.keyClicks(form.edits["first_name"], "Zydrune")  # typed without the letters
    qtbot.keyClicks(form.edits["last_name"], "Azuolaite")
    qtbot.waitUntil(lambda: form.warning.isVisible(), timeout=3000)
    assert "Žydrūnė Ąžuolaitė" in form.warning_label.text()
    qtbot.mouseClick(form.open_buttons[0], LEFT)  # "Open … instead": that one is registered
    assert not form.isVisible()
    dialog.reject()

    regs = registrations.registrations(ctx.db, event_id)
    assert {r.person_name for r in regs} == {"Tadeuš Ščerbakov", "Žydrūnė Ąžuolaitė"}
    assert existing in {r.person_id for r in regs}
    assert len(people_named(ctx.db, "Ąžuolaitė")) == 1  # no duplicate made


def people_named(db: Database, last: str) -> list[str]:
    from app.services.event_pickers import person_choices

    return [pid for pid, _label in person_choices(db, last)]


def test_export_dialog_writes_csv_without_community_by_default(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext, event_id: str,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pid = person(ctx.db, "Ona", "=cmd|' /C calc'!A0")
    registrations.register(ctx.db, event_id, pid)
    target = tmp_path / "dalyviai"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    tab.acts["export_list"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, ExportDialog)
    assert not dialog.community.isChecked()
    dialog.csv.setChecked(True)
    dialog.choose_and_export()
    text = (tmp_path / "dalyviai.csv").read_text(encoding="utf-8-sig")
    assert "'=cmd|" in text
    assert "National community" not in text
    assert not dialog.isVisible()
