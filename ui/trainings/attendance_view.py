"""The attendance grid's view: usable from the keyboard alone.

Arrows move; Space toggles present/absent; the letters of the legend (P, A, E in English, from
translatable strings) set present, absent or excused; Delete clears. With several cells selected
(Shift+arrows, Ctrl+click) a key marks them all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.errors import UserError
from app.services.results import Changes
from ui.trainings import labels
from ui.trainings.attendance_model import AttendanceModel
from ui.widgets import ask

CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class AttendanceView(QTableView):
    marked = Signal(object)  # Changes

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendance_grid")
        self.setModel(model)
        self.grid = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the grid for the buttons
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setDefaultSectionSize(92)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        """Columns as wide as their header (session number and date) or their rates."""
        header = self.horizontalHeader()
        for col in range(self.grid.columnCount()):
            self.resizeColumnToContents(col)
            header.resizeSection(col, max(header.sectionSize(col) + 8, 72))

    # -- which cells ----------------------------------------------------------------------------

    def target_cells(self) -> list[tuple[int, int]]:
        """The selected cells that hold marks; the current cell when nothing is selected."""
        cells = {(i.row(), i.column()) for i in self.selectedIndexes() if self.grid.is_mark(i)}
        current = self.currentIndex()
        if not cells and self.grid.is_mark(current):
            cells = {(current.row(), current.column())}
        return sorted(cells)

    def select_column(self, col: int) -> None:
        """Select the mark cells of one session (for "mark everyone present")."""
        rows = len(self.grid.people)
        if not rows:
            return
        sel = self.selectionModel()
        sel.clearSelection()
        top, bottom = self.grid.index(0, col), self.grid.index(rows - 1, col)
        sel.select(QItemSelection(top, bottom), QItemSelectionModel.SelectionFlag.Select)

    # -- marking --------------------------------------------------------------------------------

    def mark(self, status: str | None, cells: list[tuple[int, int]] | None = None) -> Changes:
        cells = self.target_cells() if cells is None else cells
        if not cells:
            return Changes()
        try:
            changes = self.grid.set_marks(cells, status)
        except UserError as exc:
            ask.warn(self, exc.text())
            return Changes()
        if changes:
            self.marked.emit(changes)
        return changes

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Space and plain and self.target_cells():
            cells = self.target_cells()
            self.mark(self.grid.toggled(cells), cells)
            return
        if key in CLEAR_KEYS and plain and self.target_cells():
            self.mark(None)
            return
        letter = event.text().upper()
        if letter and plain and self.target_cells():
            for status, key_letter in labels.mark_keys().items():
                if letter == key_letter:
                    self.mark(status)
                    self._advance()
                    return
        super().keyPressEvent(event)

    def _advance(self) -> None:
        """After marking one cell, go down to the next person (typing a column quickly)."""
        if len(self.selectedIndexes()) > 1:
            return
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < len(self.grid.people):
            self.setCurrentIndex(self.grid.index(current.row() + 1, current.column()))

    def focusInEvent(self, event: Any) -> None:  # noqa: N802
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self.grid.people and self.grid.sessions:
            self.setCurrentIndex(self.grid.index(0, 0))
