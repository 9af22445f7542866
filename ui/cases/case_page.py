"""The case page: the case's facts and tables (a DetailView) under the buttons that change it.

Lines in the tables have a context menu (mark an action done, change or remove a line);
double-clicking a next action changes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.services import case_actions, case_records
from app.services.case_stages import CLOSED, working_stages
from app.services.cases import CaseDetail
from ui.cases import content
from ui.cases.case_form import CaseForm
from ui.cases.line_dialogs import (
    ActionDialog,
    ActivityDialog,
    FinancingDialog,
    OutcomeDialog,
    SupportDialog,
)
from ui.cases.stage_dialogs import CloseCaseDialog, MoveStageDialog
from ui.context import AppContext
from ui.tabs.detail import DetailView
from ui.widgets import ask

LINE_KINDS = {content.ACTIVITIES: "activity", content.FINANCING: "financing",
              content.SUPPORT: "support", content.OUTCOMES: "outcome"}


class CasePage(QWidget):
    """Shows one case (`show_case`) with the buttons that work on it."""

    summary_requested = Signal(str)  # case id
    files_requested = Signal(str)  # case id

    def __init__(self, ctx: AppContext, detail: DetailView, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.today = ctx, detail, today
        self.case: CaseDetail | None = None
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rows = (
            (("edit", N_("Edit case…"), self.edit_case),
             ("move", N_("Move to stage"), None),
             ("close", N_("Close case…"), self.close_case),
             ("summary", N_("Summary PDF…"), self._summary),
             ("files", N_("Files…"), self._files)),
            (("activity", N_("Log activity…"), self.log_activity),
             ("action", N_("Plan action…"), self.plan_action),
             ("support", N_("Support…"), lambda: self._line(SupportDialog)),
             ("financing", N_("Financing…"), lambda: self._line(FinancingDialog)),
             ("outcome", N_("Outcome…"), lambda: self._line(OutcomeDialog))),
        )
        self._msgids: dict[str, str] = {}
        for row in rows:
            bar = QHBoxLayout()
            bar.setContentsMargins(12, 4, 12, 0)
            for key, msgid, slot in row:
                button = QPushButton(_(msgid), self)
                button.setObjectName(f"case_{key}")
                if slot is not None:
                    button.clicked.connect(slot)
                self.buttons[key] = button
                self._msgids[key] = msgid
                bar.addWidget(button)
            bar.addStretch(1)
            layout.addLayout(bar)
        self.move_menu = QMenu(self)
        self.buttons["move"].setMenu(self.move_menu)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        layout.addWidget(detail, 1)
        self.show_case(None)

    def retranslate(self) -> None:
        for key, button in self.buttons.items():
            button.setText(_(self._msgids[key]))

    def show_case(self, case: CaseDetail | None) -> None:
        self.case = case
        for key, button in self.buttons.items():
            button.setVisible(case is not None)
            if key == "move":  # a closed case can be reopened by moving it to a stage
                button.setEnabled(case is not None)
            if key in ("activity", "action", "support", "financing", "outcome"):
                button.setEnabled(case is not None and case.stage != CLOSED)
            if key == "close":
                button.setEnabled(case is not None and case.stage != CLOSED)
        if case is None:
            return
        for title, table in self.detail.tables.items():
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(
                lambda pos, t=title, w=table: self._line_menu(t, w, pos))
            table.cellDoubleClicked.connect(lambda row, _col, t=title: self.change_line(t, row))

    # -- the buttons ----------------------------------------------------------------------

    def _run(self, dialog: Any) -> bool:
        return bool(dialog.exec())

    def edit_case(self) -> None:
        if self.case:
            self._run(CaseForm(self.ctx, self.case.id, self.today(), self))

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        if self.case is None:
            return
        for stage in working_stages(self.ctx.db):
            action = self.move_menu.addAction(stage.label)
            action.setEnabled(stage.code != self.case.stage)
            action.triggered.connect(lambda _checked=False, c=stage.code: self.move_to(c))

    def move_to(self, stage: str) -> bool:
        if self.case is None:
            return False
        return self._run(MoveStageDialog(self.ctx, self.case.id, self.case.stage_label, stage,
                                         self.today(), self))

    def close_case(self) -> None:
        if self.case:
            self._run(CloseCaseDialog(self.ctx, self.case.id, self.today(), self))

    def log_activity(self) -> None:
        self._line(ActivityDialog)

    def plan_action(self) -> None:
        self._line(ActionDialog)

    def _line(self, cls: Any) -> None:
        if self.case:
            self._run(cls(self.ctx, self.case, self.today(), parent=self))

    def _summary(self) -> None:
        if self.case:
            self.summary_requested.emit(self.case.id)

    def _files(self) -> None:
        if self.case:
            self.files_requested.emit(self.case.id)

    # -- lines ----------------------------------------------------------------------------

    def _lines(self, title: str) -> Any:
        assert self.case is not None
        return {content.ACTIONS: self.case.actions, content.ACTIVITIES: self.case.activities,
                content.FINANCING: self.case.financing, content.SUPPORT: self.case.support,
                content.OUTCOMES: self.case.outcomes}.get(title, ())

    def change_line(self, title: str, row: int) -> bool:
        """Open the dialog of the line in `row` of the table `title` (a msgid)."""
        if self.case is None or not 0 <= row < len(self._lines(title)):
            return False
        line = self._lines(title)[row]
        if title == content.ACTIONS:
            return self._run(ActionDialog(self.ctx, self.case, self.today(), line.id, self))
        dialogs = {content.ACTIVITIES: ActivityDialog, content.FINANCING: FinancingDialog,
                   content.SUPPORT: SupportDialog, content.OUTCOMES: OutcomeDialog}
        if title not in dialogs:
            return False
        return self._run(dialogs[title](self.ctx, self.case, self.today(), line, parent=self))

    def _line_menu(self, title: str, table: QTableWidget, pos: QPoint) -> None:
        row = table.rowAt(pos.y())
        if self.case is None or row < 0:
            return
        menu = QMenu(self)
        if title == content.ACTIONS:
            line = self.case.actions[row]
            if line.done_on is None:
                menu.addAction(_("Mark done"), lambda: self._do(
                    case_actions.set_done, line.id, self.today()))
            else:
                menu.addAction(_("Mark not done"), lambda: self._do(
                    case_actions.set_done, line.id, None))
            menu.addAction(_("Change…"), lambda: self.change_line(title, row))
            menu.addAction(_("Remove"), lambda: self._remove(
                lambda: case_actions.remove_action(self.ctx.db, line.id)))
        elif title in LINE_KINDS:
            line_id = self._lines(title)[row].id
            menu.addAction(_("Change…"), lambda: self.change_line(title, row))
            menu.addAction(_("Remove"), lambda: self._remove(
                lambda: case_records.remove_line(self.ctx.db, LINE_KINDS[title], line_id)))
        else:
            return
        menu.exec(table.viewport().mapToGlobal(pos))

    def _do(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            saved = fn(self.ctx.db, *args)
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        self.ctx.bus.publish(saved.changes)

    def _remove(self, fn: Callable[[], Any]) -> None:
        if not ask.confirm(self, _("Remove the line"), _("Remove this line from the case?"),
                           _("Remove"), danger=True):
            return
        try:
            saved = fn()
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        self.ctx.bus.publish(saved.changes)
