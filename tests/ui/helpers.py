"""Helpers the UI tests share (the shared fixtures are in conftest.py, which uses these too)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database
from app.services import people
from app.services.people import PersonData
from ui.bus import Bus
from ui.context import AppContext
from ui.jobs import Jobs
from ui.tabs.trainings import TrainingsTab

LEFT = Qt.MouseButton.LeftButton

W = TypeVar("W", bound=QWidget)


@contextmanager
def app_context(db: Database, *, synchronous: bool = True,
                bus: Bus | None = None) -> Iterator[AppContext]:
    """An AppContext over `db`; its jobs are shut down when the block ends."""
    jobs = Jobs(synchronous=synchronous)
    try:
        yield AppContext(db, Bus() if bus is None else bus, jobs)
    finally:
        jobs.shutdown()


def show(qtbot: Any, widget: W, width: int, height: int, *, wait_exposed: bool = True) -> W:
    """Hand `widget` to qtbot, size it and show it (and wait until it is on the screen)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    if wait_exposed:
        qtbot.waitExposed(widget)
    return widget


def event_page(qtbot: Any, ctx: AppContext, event_id: str, page: str, *,
               wait_exposed: bool = True) -> TrainingsTab:
    """The Trainings tab, shown, with the event selected and its sub-tab `page` open."""
    tab = show(qtbot, TrainingsTab(ctx), 1300, 760, wait_exposed=wait_exposed)
    tab.panel.select_id(event_id)
    tab.page.show_page(page)
    return tab


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type like a person; QTest cannot type letters outside ASCII, so those are sent as key
    events carrying the letter, as a keyboard layout with them would."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         ch))


def click_row(qtbot: Any, tab: Any, record_id: str, double: bool = False) -> None:
    """Click (or double-click) the row of `record_id` in the People tab's current list."""
    panel = tab.current_list()
    row = panel.model.row_of(record_id)
    assert row >= 0, "not in the list"
    rect = panel.table.visualRect(panel.model.index(row, 0))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(panel.table.viewport(), LEFT, pos=rect.center())
    click(panel.table.viewport(), LEFT, pos=rect.center())


def person(db: Database, first: str, last: str, **kw: Any) -> str:
    """A new person in the registry; their id."""
    return people.save_person(db, PersonData(first_name=first, last_name=last, **kw)
                              ).value.id or ""


def tick(form: Any, name: str, code: str) -> None:
    """Check the item `code` in the form's checkable list `name`."""
    lw = form.widgets[name]
    for i in range(lw.count()):
        if lw.item(i).data(Qt.ItemDataRole.UserRole) == code:
            lw.item(i).setCheckState(Qt.CheckState.Checked)
