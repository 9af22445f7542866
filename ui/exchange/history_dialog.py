"""The exchange history: every file sent and received, newest first, and what each held."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.services.exchange_history import HistoryEntry, history
from ui.context import AppContext
from ui.exchange import common

COLUMNS = (
    N_("When"),
    N_("Direction"),
    N_("Office"),
    N_("File number"),
    N_("Changes"),
    N_("Result"),
    N_("File name"),
)


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.ctx = ctx
        self.entries: list[HistoryEntry] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("history")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_a: self.show_details(row))
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.empty = common.wrapped_label(self, "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([320, 140])
        self.splitter = splitter
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Exchange history"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.empty.setText(_("No files have been sent or received yet."))

    def reload(self) -> None:
        self.entries = history(self.ctx.db)
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            cells = (
                e.when,
                e.direction,
                e.office,
                str(e.sequence),
                str(e.changes),
                e.status,
                e.file_name,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(e.details)
                self.table.setItem(row, col, item)
        has = bool(self.entries)
        self.splitter.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.table.selectRow(0)
            self.show_details(0)

    def show_details(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.details.setPlainText(self.entries[row].details)
