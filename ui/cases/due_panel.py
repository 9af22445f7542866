"""The "Overdue and due this week" list across every open case, shown when the tab opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.i18n.formats import format_short_date
from app.services.case_due import DueAction, due_actions
from app.services.due_labels import overdue_text
from ui.context import AppContext
from ui.tabs.detail import WARNING
from ui.widgets import ask

HEADERS = (N_("Due"), N_("Case"), N_("Beneficiary"), N_("Action"), N_("Responsible"))


class DuePanel(QWidget):
    case_chosen = Signal(str)  # case id (double click or Enter)

    def __init__(self, ctx: AppContext, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.items: list[DueAction] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        layout.addWidget(self.heading)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("due_table")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._choose(row))
        self.table.activated.connect(lambda index: self._choose(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        today = self.today()
        self.items = due_actions(self.ctx.db, today)
        overdue = sum(1 for i in self.items if i.overdue)
        self.heading.setText(_("Overdue and due this week ({count}, {overdue} overdue)").format(
            count=len(self.items), overdue=overdue))
        self.empty.setText(_("Nothing is overdue or due in the coming week."))
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            due = overdue_text(item.due_on) if item.overdue else format_short_date(item.due_on)
            for c, text in enumerate((due, item.case_code, item.beneficiary, item.title,
                                      item.responsible)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if item.overdue:
                    cell.setForeground(QBrush(WARNING))
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 220))

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.case_chosen.emit(self.items[row].case_id)

    def mark_done(self, row: int) -> bool:
        """The action in `row` was done today: it leaves the list."""
        if not 0 <= row < len(self.items):
            return False
        from app.services.case_actions import set_done

        try:
            saved = set_done(self.ctx.db, self.items[row].id, self.today())
        except UserError as exc:
            ask.warn(self, exc.text())
            return False
        self.ctx.bus.publish(saved.changes)
        self.reload()
        return True

    def _menu(self, pos: QPoint) -> None:
        row = self.table.rowAt(pos.y())
        if row < 0:
            return
        menu = QMenu(self)
        menu.addAction(_("Open the case"), lambda: self._choose(row))
        menu.addAction(_("Mark done today"), lambda: self.mark_done(row))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        key = getattr(event, "key", lambda: None)()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.table.currentRow())
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
