"""A table model over an ordered list of ids; rows are fetched in batches when shown.

Sorting and filtering are new queries (SQL ORDER BY and WHERE) that replace the id list; the
rows of the ids on screen are fetched in batches of BATCH and cached, so a list of 100,000
people costs one id query and a few row queries, never 100,000 objects.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.db import Database
from app.i18n import _
from app.services.listing import BATCH, Lister, ListQuery, Row

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class IdListModel(QAbstractTableModel):
    def __init__(self, db: Database, lister: Lister, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lister = lister
        self.query = ListQuery()
        self._ids: list[str] = []
        self._rows: dict[str, Row] = {}

    # -- queries ------------------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Re-run the id query (after a sort, a filter or a change) and forget cached rows."""
        self.beginResetModel()
        self._ids = self.lister.ids(self.db, self.query)
        self._rows.clear()
        self.endResetModel()

    def invalidate(self, ids: set[str] | frozenset[str] | None = None) -> None:
        """Forget cached rows (some or all) so they are fetched again when shown."""
        if ids is None:
            self._rows.clear()
        else:
            for i in ids:
                self._rows.pop(i, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1,
                                                               self.columnCount() - 1))

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        return list(self._ids)

    def _row(self, row: int) -> Row | None:
        rid = self._ids[row]
        cached = self._rows.get(rid)
        if cached is not None:
            return cached
        start = (row // BATCH) * BATCH
        batch = [i for i in self._ids[start:start + BATCH] if i not in self._rows]
        for fetched in self.lister.rows(self.db, batch):
            self._rows[fetched.id] = fetched
        return self._rows.get(rid)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lister.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.lister.columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.values[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.lister.columns[index.column()].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        col = self.lister.columns[column]
        if not col.sortable:
            return
        q = self.query
        self.set_query(
            ListQuery(q.text, col.key, order == Qt.SortOrder.DescendingOrder, dict(q.filters),
                      q.include_archived)
        )
