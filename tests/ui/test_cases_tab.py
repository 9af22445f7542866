"""pytest-qt flows on the Micro-business cases tab: open a case, log an activity, move it on the
board by keyboard, close it with a reason; the due list shows what is due on a fixed today."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.models import Person
from app.services.case_actions import save_action
from app.services.case_editing import CaseData, save_case
from app.services.cases import get_case
from tests.ui.helpers import show
from ui.cases.line_dialogs import ActivityDialog
from ui.cases.stage_dialogs import CloseCaseDialog, MoveStageDialog
from ui.context import AppContext
from ui.tabs.cases import CasesTab

TODAY = dt.date(2026, 3, 16)

pytestmark = pytest.mark.ctx(office=True, synchronous=False)


@pytest.fixture
def ctx(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    """The shared one, on a fixed today."""
    monkeypatch.setattr(CasesTab, "today", staticmethod(lambda: TODAY))
    return ctx


def add_cases(db: Database) -> list[str]:
    with db.session() as s:
        people = [Person(first_name="Ona", last_name="Petraitienė"),
                  Person(first_name="Иван", last_name="Иванов"),
                  Person(first_name="Rasa", last_name="Jonaitė")]
        s.add_all(people)
        s.flush()
        ona, ivan, rasa = (p.id for p in people)
    first = save_case(db, CaseData(beneficiary_id=ona, consultant_id=rasa,
                                   opened_on=dt.date(2026, 1, 5), barriers="State language A2",
                                   business_idea="Bakery")).value.id
    second = save_case(db, CaseData(beneficiary_id=ivan, consultant_id=rasa,
                                    opened_on=dt.date(2026, 2, 2))).value.id
    assert first and second
    save_action(db, first, "Call about the plan", TODAY - dt.timedelta(days=2), None)
    save_action(db, second, "Visit the workshop", TODAY + dt.timedelta(days=3), None)
    return [first, second]


def open_tab(qtbot: Any, ctx: AppContext) -> CasesTab:
    return show(qtbot, CasesTab(ctx), 1300, 800)


def test_due_list_is_visible_when_the_tab_opens(qtbot: Any, ctx: AppContext) -> None:
    first, second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    assert tab.due.isVisible()
    assert [i.case_id for i in tab.due.items] == [first, second]
    assert "overdue" in tab.due.table.item(0, 0).text()
    assert "overdue" not in tab.due.table.item(1, 0).text()
    assert "(2, 1 overdue)" in tab.due.heading.text()
    tab.due.table.cellDoubleClicked.emit(1, 0)
    assert tab.panel.current_id() == second
    assert tab.detail.title_label is not None and tab.detail.title_label.text() == "Иван Иванов"


def test_open_a_case_and_log_an_activity(qtbot: Any, ctx: AppContext) -> None:
    first, _second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    tab.open_case(first)
    assert tab.page.case is not None and tab.page.case.id == first
    assert tab.page.buttons["activity"].isVisible()
    dialog = ActivityDialog(ctx, tab.page.case, TODAY, parent=tab)
    qtbot.addWidget(dialog)
    dialog.kind.set_code("training")
    assert dialog.training.isEnabled()
    assert not dialog.submit()  # a training needs the event the person attended
    assert dialog.errors.text("event_id")
    dialog.kind.set_code("consultation")
    dialog.minutes.setValue(45)
    dialog.notes.setPlainText("Went through the cash-flow table")
    assert dialog.submit()
    table = tab.detail.tables["Activities"]  # the bus refreshed the open tab
    assert table.item(0, 1).text() == "consultation"
    assert table.item(0, 5).text() == "Went through the cash-flow table"


def test_move_on_the_board_by_keyboard(qtbot: Any, ctx: AppContext) -> None:
    first, _second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    tab.views.setCurrentWidget(tab.board)
    assert tab.board.headers[0].text() == "Intake (2)"
    assert tab.board.select_case(first)
    column = tab.board.column_of(first)
    assert column is not None and column.stage == "intake"
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert get_case(ctx.db, first).stage == "needs_assessment"
    assert tab.board.headers[0].text() == "Intake (1)"
    assert tab.board.headers[1].text() == "Needs assessment (1)"
    column = tab.board.column_of(first)
    assert column is not None and tab.focusWidget() is column  # keeps the focus: move again
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert get_case(ctx.db, first).stage == "business_idea"
    column = tab.board.column_of(first)
    assert column is not None
    qtbot.keyClick(column, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert get_case(ctx.db, first).stage == "needs_assessment"


def test_a_board_move_past_missing_facts_asks_for_a_reason(qtbot: Any, ctx: AppContext,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    _first, second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    asked: list[list[str]] = []

    def answer(dialog: MoveStageDialog) -> int:
        asked.append(dialog.missing)
        dialog.reason.setPlainText("Assessed at the partner office")
        return int(dialog.submit())

    monkeypatch.setattr(MoveStageDialog, "exec", answer)
    tab.move_case(second, "needs_assessment")  # intake needs nothing
    tab.move_case(second, "business_idea")
    assert asked == [["needs_summary"]]
    d = get_case(ctx.db, second)
    assert d.stage == "business_idea"
    assert d.stages[-1].reason == "Assessed at the partner office"


def test_close_a_case_with_a_reason(qtbot: Any, ctx: AppContext) -> None:
    first, second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    tab.open_case(first)
    dialog = CloseCaseDialog(ctx, first, TODAY, tab)
    qtbot.addWidget(dialog)
    assert not dialog.submit()
    assert dialog.errors.text("reason")
    dialog.reason.set_code("found_job")
    dialog.note.setPlainText("Bakery assistant in Vilnius")
    assert dialog.submit()
    assert get_case(ctx.db, first).stage == "closed"
    assert [i.case_id for i in tab.due.items] == [second]  # closed cases leave the due list
    assert tab.page.case is not None and tab.page.case.id == first
    assert not tab.page.buttons["close"].isEnabled()
    assert tab.board.column_of(first) is None


def test_the_move_dialog_lets_the_missing_facts_be_added(qtbot: Any, ctx: AppContext,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    from ui.cases.case_form import CaseForm

    _first, second = add_cases(ctx.db)

    def fill(form: CaseForm) -> int:
        form.skills.setPlainText("Baker for 10 years")
        form.idea.setPlainText("Bakery")
        return int(form.submit())

    monkeypatch.setattr(CaseForm, "exec", fill)
    dialog = MoveStageDialog(ctx, second, "Intake", "business_plan", TODAY)
    qtbot.addWidget(dialog)
    assert dialog.missing == ["needs_summary", "business_idea"]
    assert dialog.edit_button.isVisibleTo(dialog)
    dialog.add_facts()
    assert dialog.missing == []
    assert not dialog.reason.isVisibleTo(dialog)
    assert dialog.submit()
    d = get_case(ctx.db, second)
    assert d.stage == "business_plan" and d.stages[-1].reason == ""


def test_dropping_a_card_on_a_column_moves_the_case(qtbot: Any, ctx: AppContext) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from ui.cases.board import MIME

    first, _second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    tab.views.setCurrentWidget(tab.board)
    target = tab.board.columns[1]
    mime = QMimeData()
    mime.setData(MIME, first.encode())
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)
    assert get_case(ctx.db, first).stage == "needs_assessment"
    assert tab.board.headers[1].text() == "Needs assessment (1)"


def test_an_action_is_marked_done_from_the_due_list(qtbot: Any, ctx: AppContext) -> None:
    first, second = add_cases(ctx.db)
    tab = open_tab(qtbot, ctx)
    assert tab.due.mark_done(0)
    assert [i.case_id for i in tab.due.items] == [second]
    assert get_case(ctx.db, first).actions[0].done_on == TODAY
