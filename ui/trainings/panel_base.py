"""What the event page's sub-tabs share: the event shown, loading when needed, and a table."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QWidget,
)

from app.errors import UserError
from app.services.results import Changes
from ui.context import AppContext
from ui.widgets import ask

T = TypeVar("T")
ID_ROLE = Qt.ItemDataRole.UserRole


class EventPanel(QWidget):
    """A sub-tab of the event page. `load` reads the event's data again from the services."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id: str | None = None

    def set_event(self, event_id: str | None) -> None:
        self.event_id = event_id
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def retranslate_texts(self) -> None:
        """Set the texts that do not come from the data (buttons, legends)."""

    def retranslate(self) -> None:
        self.retranslate_texts()
        self.load()

    def call(self, fn: Callable[[], T]) -> T | None:
        """Run a service call; a refusal (UserError) is told to the person, None returned."""
        try:
            return fn()
        except UserError as exc:
            ask.warn(self, exc.text())
            return None

    def publish(self, changes: Changes) -> None:
        self.ctx.bus.publish(changes)


def make_table(parent: QWidget, name: str, multi: bool = True) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setWordWrap(False)
    return table


def fill_table(table: QTableWidget, headers: Sequence[str],
               rows: Sequence[tuple[str | None, Sequence[str]]],
               right: Sequence[int] = (), tooltips: bool = True) -> None:
    """(id, texts) rows; the id goes into the first cell's user data. Keeps the selection."""
    selected = set(selected_ids(table))
    current = table.currentRow()
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headers))
    for r, (rid, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if tooltips and value:
                item.setToolTip(value)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0:
                item.setData(ID_ROLE, rid)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c) + 12, 320))
    if selected:
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for r in range(table.rowCount()):
            if row_id(table, r) in selected:
                table.selectionModel().select(table.model().index(r, 0), flags)
    if 0 <= current < table.rowCount() and not selected:
        table.setCurrentCell(current, 0)


def row_id(table: QTableWidget, row: int) -> Any:
    item = table.item(row, 0)
    return item.data(ID_ROLE) if item is not None else None


def selected_ids(table: QTableWidget) -> list[Any]:
    rows = sorted({i.row() for i in table.selectedIndexes()})
    return [rid for rid in (row_id(table, r) for r in rows) if rid]


def open_dialog(owner: Any, dialog: QDialog,
                on_accepted: Callable[[], Any] | None = None) -> QDialog:
    """Open `dialog` window-modal without a nested event loop; `owner.dialog` keeps it (tests
    drive it) and the one opened before is let go."""
    old = getattr(owner, "dialog", None)
    if old is not None and old is not dialog:
        try:
            if not old.isVisible():
                old.deleteLater()
        except RuntimeError:  # already deleted
            pass
    owner.dialog = dialog
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    dialog.open()
    return dialog


def button_bar(parent: QWidget, widgets: Sequence[QWidget]) -> QToolBar:
    """A row of buttons that never forces the page wider: what does not fit goes into the
    toolbar's » menu (long translations, a narrow window)."""
    bar = QToolBar(parent)
    bar.setObjectName("buttons")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setStyleSheet("QToolBar { border: none; spacing: 6px; }")
    for w in widgets:
        bar.addWidget(w)
    return bar


def safe_file_name(name: str) -> str:
    """A file name without characters Windows refuses, ending in .pdf."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", name).strip(" .-") or "document"
    return stem if stem.lower().endswith(".pdf") else f"{stem}.pdf"
