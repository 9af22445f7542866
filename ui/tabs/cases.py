"""The Micro-business cases tab: each beneficiary's path from intake to a lasting business.

Three views of the caseload: the list (with what is overdue or due this week above it and the
case page beside it), the board (a column per stage), and the funnel figures.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.services.results import CASES, EVENTS, PEOPLE, REFERENCE
from ui.cases.due_panel import DuePanel
from ui.context import AppContext
from ui.tabs.detail import DetailContent, ListDetailTab
from ui.widgets import ask

# The tab opens with the list and the due actions (plain SQL). The case page, the board, the
# funnel, the dialogs and the services behind them (the ORM) load when first used.
if TYPE_CHECKING:
    from ui.cases.board import BoardView
    from ui.cases.case_page import CasePage
    from ui.cases.funnel_panel import FunnelPanel

VIEWS = (N_("List"), N_("Board"), N_("Funnel"))
# toolbar actions: name -> (text msgid, status tip msgid)
ACTIONS = {
    "new_case": (N_("New case…"), N_("Open a case for a person from the registry")),
    "log_activity": (N_("Log activity…"), N_("A consultation, mentoring, training, document, "
                                             "call or visit on the selected case")),
    "plan_action": (N_("Plan action…"), N_("A next action with a due date and a responsible "
                                           "person")),
    "summary": (N_("Case summary PDF…"), N_("The selected case for the paper file")),
    "stages": (N_("Stages…"), N_("Rename the stages and choose the facts each needs "
                                 "(in the coordinator's database)")),
}
STAGES_ELSEWHERE = N_("Only the coordinator adjusts the stages; they reach this office in the "
                      "coordinator's exchange files")
RECORD_ACTIONS = ("log_activity", "plan_action", "summary")
LIST, BOARD, FUNNEL = range(3)  # the views' indexes


class CasesTab(ListDetailTab):
    kinds = frozenset({CASES, PEOPLE, EVENTS, REFERENCE})
    list_kind = "cases"
    placeholder = N_("Select a case in the list to see its stages, activities and next actions.")
    initial_sort = ("opened", Qt.SortOrder.DescendingOrder)  # newest first

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._page: CasePage | None = None
        self._board: BoardView | None = None
        self._funnel: FunnelPanel | None = None
        super().__init__(ctx, parent)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.splitter)
        self.due = DuePanel(ctx, self.today, self)
        self.due.case_chosen.connect(self.open_case)
        list_page = QSplitter(Qt.Orientation.Vertical, self)
        list_page.addWidget(self.due)
        list_page.addWidget(self.splitter)
        list_page.setStretchFactor(0, 1)
        list_page.setStretchFactor(1, 3)
        list_page.setChildrenCollapsible(False)
        self.views = QTabWidget(self)
        self.views.setObjectName("case_views")
        self.views.addTab(list_page, "")
        for _view in (BOARD, FUNNEL):  # stand-ins until the view is first shown
            self.views.addTab(QWidget(self.views), "")
        self.views.currentChanged.connect(self._view_changed)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_case")
        self.new_button.clicked.connect(self.new_case)
        self.views.setCornerWidget(self.new_button, Qt.Corner.TopRightCorner)
        layout.addWidget(self.views)
        self.actions_: dict[str, QAction] = {}
        slots = {"new_case": self.new_case, "log_activity": lambda: self.page.log_activity(),
                 "plan_action": lambda: self.page.plan_action(),
                 "summary": lambda: self.summary_pdf(
                     self.page.case.id if self.page.case else ""),
                 "stages": self.edit_stages}
        for name, slot in slots.items():
            action = QAction(self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.actions_[name] = action
        self._retranslate_own()

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()

    # -- the parts built when first needed -----------------------------------------------------

    @property
    def page(self) -> CasePage:
        """The selected case's buttons around the detail view, in the detail's place."""
        if self._page is None:
            from ui.cases.case_page import CasePage

            sizes = self.splitter.sizes()
            self._page = CasePage(self.ctx, self.detail, self.today, self)
            self.splitter.insertWidget(1, self._page)
            if len(sizes) == 2 and sum(sizes) > 0:
                self.splitter.setSizes(sizes)
            self._page.summary_requested.connect(self.summary_pdf)
            self._page.files_requested.connect(self.case_files)
        return self._page

    @property
    def board(self) -> BoardView:
        """The board view (a column per stage)."""
        if self._board is None:
            self._build_board()
        assert self._board is not None
        return self._board

    def _build_board(self) -> None:
        from ui.cases.board import BoardView

        self._board = BoardView(self.ctx, self.today, self)
        self._board.move_requested.connect(self.move_case)
        self._board.case_opened.connect(self.open_case)
        self._put_view(BOARD, self._board)

    @property
    def funnel(self) -> FunnelPanel:
        """The funnel figures view."""
        if self._funnel is None:
            from ui.cases.funnel_panel import FunnelPanel

            self._funnel = FunnelPanel(self.ctx, self.today, self)
            self._put_view(FUNNEL, self._funnel)
        return self._funnel

    def _put_view(self, index: int, view: QWidget) -> None:
        """Put the built view in place of its stand-in, keeping the view shown."""
        current = self.views.currentIndex()
        blocked = self.views.blockSignals(True)
        stand_in = self.views.widget(index)
        assert stand_in is not None  # index is one of the views' own tabs
        self.views.removeTab(index)
        self.views.insertTab(index, view, _(VIEWS[index]))
        self.views.setCurrentIndex(current)
        self.views.blockSignals(blocked)
        stand_in.deleteLater()

    def title(self) -> str:
        return _("Micro-business cases")

    def detail_content(self, record_id: str) -> DetailContent:
        from app.services.cases import get_case
        from ui.cases.content import case_content

        return case_content(get_case(self.ctx.db, record_id, today=self.today()))

    def show_record(self, record_id: str | None) -> None:
        super().show_record(record_id)
        if not hasattr(self, "_page") or (self._page is None and record_id is None):
            return  # still being built, or nothing to show: no page needed yet
        case = None
        if record_id is not None and self.detail.content is not None:
            from app.services.cases import get_case

            try:
                case = get_case(self.ctx.db, record_id, today=self.today())
            except UserError:
                case = None
        self.page.show_case(case)
        self._enable_actions()

    def _enable_actions(self) -> None:
        actions = getattr(self, "actions_", None)
        if actions is None:
            return
        case = self._page.case if self._page is not None else None
        for name in RECORD_ACTIONS:
            actions[name].setEnabled(case is not None and (
                name == "summary" or case.stage != "closed"))
        coordinator = self.ctx.db.local_office().is_coordinator  # who may change the stages
        actions["stages"].setEnabled(coordinator)
        tip = ACTIONS["stages"][1] if coordinator else STAGES_ELSEWHERE
        actions["stages"].setStatusTip(_(tip))
        actions["stages"].setToolTip(_(tip))

    def refresh(self) -> None:
        super().refresh()
        self._enable_actions()
        self.due.reload()
        if self._board is not None:
            self._board.reload()
        if self._funnel is not None and self.views.currentIndex() == FUNNEL:
            self._funnel.reload()

    def toolbar_actions(self) -> list[Any]:
        return list(self.actions_.values())

    def _retranslate_own(self) -> None:
        self.new_button.setText(_("New case…"))
        for name, action in self.actions_.items():
            text, tip = ACTIONS[name]
            action.setText(_(text))
            action.setStatusTip(_(tip))
        self._enable_actions()
        for i in range(self.views.count()):
            self.views.setTabText(i, _(VIEWS[i]))

    def retranslate(self) -> None:
        super().retranslate()
        self._retranslate_own()
        if self._page is not None:
            self._page.retranslate()
        self.due.reload()
        if self._board is not None:
            self._board.reload()
        if self._funnel is not None:
            self._funnel.retranslate()

    def _view_changed(self, index: int) -> None:
        if index == BOARD and self._board is None:
            self._build_board()
        elif index == FUNNEL:
            self.funnel.reload()

    # -- actions ------------------------------------------------------------------------

    def new_case(self) -> None:
        from ui.cases.case_form import CaseForm

        form = CaseForm(self.ctx, None, self.today(), self)
        if form.exec() and form.saved_value is not None:
            self.open_case(form.saved_value.id)

    def open_case(self, case_id: str) -> None:
        """Show the case in the list view (clearing filters that would hide it)."""
        self.views.setCurrentIndex(0)
        if not self.panel.select_id(case_id):
            self.panel.search.clear()
            self.panel.reload()
            self.panel.select_id(case_id)

    def move_case(self, case_id: str, stage: str) -> None:
        """A move from the board: straight through when the facts are there, else the dialog."""
        from app.services import case_stages
        from app.services.case_stages import MissingFactsError
        from app.services.cases import get_case
        from ui.cases.stage_dialogs import MoveStageDialog

        try:
            saved = case_stages.move_stage(self.ctx.db, case_id, stage, self.today())
        except MissingFactsError:
            detail = get_case(self.ctx.db, case_id, today=self.today())
            MoveStageDialog(self.ctx, case_id, detail.stage_label, stage, self.today(),
                            self).exec()
            self.board.reload(keep=case_id)
            return
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        self.ctx.bus.publish(saved.changes)
        self.board.reload(keep=case_id)

    def edit_stages(self) -> None:
        """The coordinator renames stages and chooses their facts (offices receive them)."""
        from app.services import case_stage_editing
        from ui.cases.stage_editor import StageEditorDialog

        if not case_stage_editing.can_edit(self.ctx.db):
            return
        if StageEditorDialog(self.ctx, self).exec():
            self.panel.retranslate()  # the stage filter shows the new names

    def summary_pdf(self, case_id: str) -> None:
        if not case_id:
            return
        from ui.cases.summary import show_summary

        show_summary(self.ctx, case_id, self)

    def case_files(self, case_id: str) -> None:
        from ui.cases.files_dialog import FilesDialog

        FilesDialog(self.ctx, case_id, self).exec()
