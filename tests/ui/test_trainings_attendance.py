"""The attendance grid from the keyboard alone: arrows, Space, P/A/E, Delete, bulk marking;
rates; signed sheets on the session headers; the attendance sheet to print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.db import Database
from app.i18n import set_language
from app.services import attendance, event_editing, evidence, people, registrations
from app.services.event_editing import EventData, SessionData
from tests.ui.helpers import event_page
from ui.context import AppContext
from ui.tabs.trainings import TrainingsTab
from ui.trainings.attendance_model import MARK_ROLE
from ui.trainings.pdf_preview import PdfPreview
from ui.trainings.sheet_dialog import SheetDialog

D = dt.date(2026, 11, 24)
K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
NAMES = (("Ona", "Adomaitienė"), ("Łukasz", "Wiśniewski"), ("Иван", "Иванов"))

pytestmark = [pytest.mark.ctx(office=True), pytest.mark.usefixtures("answers")]


@pytest.fixture
def event_id(ctx: AppContext) -> str:
    event = event_editing.save_event(ctx.db, EventData(
        title_lt="Lyderių mokymai", starts_on=D, ends_on=D + dt.timedelta(2))).value
    for i in range(3):
        event_editing.save_session(ctx.db, SessionData(event_id=event.id or "",
                                                       date=D + dt.timedelta(i), hours=4))
    for first, last in NAMES:
        pid = people.save_person(ctx.db, people.PersonData(first_name=first, last_name=last)
                                 ).value.id or ""
        registrations.register(ctx.db, event.id or "", pid)
    return event.id or ""


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext, event_id: str) -> TrainingsTab:
    return event_page(qtbot, ctx, event_id, "attendance")


def marks(db: Database, event_id: str) -> list[list[str | None]]:
    """The service's grid: one row per person (alphabetical), one column per session."""
    g = attendance.grid(db, event_id)
    return [list(r.marks) for r in g.rows]


def test_mark_from_the_keyboard_alone(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                      event_id: str) -> None:
    view = tab.page.attendance.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    assert view.currentIndex().row() == 0 and view.currentIndex().column() == 0
    qtbot.keyClick(view, K.Key_Space)  # blank -> present
    assert marks(ctx.db, event_id)[0] == ["present", None, None]
    qtbot.keyClick(view, K.Key_Space)  # present -> absent
    assert marks(ctx.db, event_id)[0][0] == "absent"
    qtbot.keyClick(view, K.Key_Right)
    qtbot.keyClick(view, K.Key_P)  # present, and down to the next person
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, K.Key_E)
    qtbot.keyClick(view, K.Key_A)
    assert [m[1] for m in marks(ctx.db, event_id)] == ["present", "excused", "absent"]
    qtbot.keyClick(view, K.Key_Up)
    qtbot.keyClick(view, K.Key_Delete)  # clears the excused mark
    assert [m[1] for m in marks(ctx.db, event_id)] == ["present", None, "absent"]
    qtbot.keyClick(view, K.Key_X)  # not a key of the legend: nothing happens
    assert [m[1] for m in marks(ctx.db, event_id)] == ["present", None, "absent"]

    # bulk: the third session, all three people, one key
    qtbot.keyClick(view, K.Key_Right)
    qtbot.keyClick(view, K.Key_Up)
    qtbot.keyClick(view, K.Key_Down, SHIFT)
    qtbot.keyClick(view, K.Key_Down, SHIFT)
    assert len(view.target_cells()) == 3
    qtbot.keyClick(view, K.Key_P)
    assert [m[2] for m in marks(ctx.db, event_id)] == ["present"] * 3
    assert len(view.target_cells()) == 3  # the selection survives the refresh
    qtbot.keyClick(view, K.Key_Space)  # all present -> all absent
    assert [m[2] for m in marks(ctx.db, event_id)] == ["absent"] * 3
    qtbot.keyClick(view, K.Key_Backspace)
    assert [m[2] for m in marks(ctx.db, event_id)] == [None] * 3

    model = tab.page.attendance.model
    assert model.index(0, 1).data(MARK_ROLE) == "present"
    assert model.index(0, 1).data() == "P"
    assert model.index(0, 3).data() == "1 of 3 · 33%"  # Ona: absent, present, blank
    assert model.index(3, 1).data() == "33%"  # session 2: one of three present
    assert model.index(3, 0).data() == "0%"


def test_mark_everyone_present_and_rates(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                         event_id: str) -> None:
    panel = tab.page.attendance
    panel.view.setCurrentIndex(panel.model.index(0, 1))
    qtbot.mouseClick(panel.all_present, Qt.MouseButton.LeftButton)
    assert [m[1] for m in marks(ctx.db, event_id)] == ["present"] * 3
    assert panel.model.index(3, 1).data() == "100%"
    g = attendance.grid(ctx.db, event_id)
    assert g.session_rate(1) == 1.0
    assert panel.model.index(0, 3).data() == "1 of 3 · 33%"


def test_the_keys_are_those_of_the_language(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                            event_id: str) -> None:
    try:
        set_language("lt")
        ctx.bus.language_changed.emit("lt")
        panel = tab.page.attendance
        keys = {"present": "D", "absent": "N", "excused": "P"}  # dalyvavo, nedalyvavo, pateisinta
        legend = panel.legend.text()
        assert all(letter in legend for letter in keys.values())
        view = panel.view
        view.setFocus()
        view.setCurrentIndex(panel.model.index(0, 0))
        qtbot.keyClick(view, K.Key_D)
        qtbot.keyClick(view, K.Key_P)  # in Lithuanian P is "pateisinta": excused
        assert [m[0] for m in marks(ctx.db, event_id)][:2] == ["present", "excused"]
        assert panel.model.index(0, 0).data() == "D"
    finally:
        set_language("en")


def test_signed_sheet_attach_open_remove(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                         event_id: str, monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    scan = tmp_path / "parasai.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(scan), ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    panel = tab.page.attendance
    session = panel.session_at(1)
    assert session is not None
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    panel._fill_sheet_menu(menu, 1, with_marking=True)  # the session header's context menu
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:2] == ["Mark everyone present at session 2", "Attach signed sheet…"]
    by_text = {a.text(): a for a in menu.actions()}
    assert not by_text["Open signed sheet"].isEnabled()
    by_text["Attach signed sheet…"].trigger()
    sheets = evidence.sheets(ctx.db, session.id or "")
    assert [s.filename for s in sheets] == ["parasai.pdf"]

    panel._fill_sheet_menu(menu, 1)
    by_text = {a.text(): a for a in menu.actions()}
    assert by_text["Open signed sheet"].isEnabled()
    by_text["Open signed sheet"].trigger()
    assert Path(opened[0]).read_bytes() == scan.read_bytes()
    by_text["Remove signed sheet…"].trigger()
    assert evidence.sheets(ctx.db, session.id or "") == []
    tab.page.show_page("sessions")
    assert tab.page.sessions.table.item(1, 6).text() == ""


def test_print_the_attendance_sheet(qtbot: Any, tab: TrainingsTab, ctx: AppContext) -> None:
    tab.acts["print_sheet"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, SheetDialog) and dialog.isVisible()
    assert dialog.session.count() == 4  # no session, or one of three
    dialog.session.setCurrentIndex(2)
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    dialog.blank_rows.setValue(5)
    dialog.make()
    preview = dialog.preview
    assert isinstance(preview, PdfPreview) and preview.isVisible()
    assert preview.pages() == 1
    assert preview.file_name == "attendance sheet SAL-2026-001 session 2.pdf"
    preview.close()
