"""A table model over the ordered ids of a query; ids and rows are read a page at a time.

Sorting and filtering are new queries (SQL ORDER BY and WHERE). The model asks the query for
its count and reads the ids of the rows shown a page at a time (LIMIT/OFFSET on an index), then
the rows of those ids in batches of BATCH, cached; so a list of 100,000 people costs a count,
one page of ids and one batch of rows, never 100,000 ids or objects.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.db import Database
from app.i18n import _
from app.services.listing import BATCH, PAGE, IdSource, Lister, ListQuery, ListSource, Row

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class IdListModel(QAbstractTableModel):
    def __init__(self, db: Database, lister: Lister, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lister = lister
        self.query = ListQuery()
        self._source: IdSource = ListSource([])
        self._count = 0
        self._pages: dict[int, list[str]] = {}
        self._rows: dict[str, Row] = {}

    # -- queries ------------------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Re-run the id query (after a sort, a filter or a change) and forget cached rows."""
        self.beginResetModel()
        self._source = self.lister.open(self.db, self.query)
        self._pages.clear()
        self._count = self._source.count()
        self._rows.clear()
        self.endResetModel()

    def invalidate(self, ids: set[str] | frozenset[str] | None = None) -> None:
        """Forget cached rows (some or all) so they are fetched again when shown."""
        if ids is None:
            self._rows.clear()
        else:
            for i in ids:
                self._rows.pop(i, None)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1,
                                                               self.columnCount() - 1))

    def _page(self, number: int) -> list[str]:
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._source.page(number * PAGE, PAGE)
        return page

    def id_at(self, row: int) -> str | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, record_id: str) -> int:
        """The row of an id: looked up in the pages read so far, else in all the ids."""
        for number, page in self._pages.items():
            if record_id in page:
                return number * PAGE + page.index(record_id)
        ids = self._source.all()
        try:
            row = ids.index(record_id)
        except ValueError:
            return -1
        for number in range(0, len(ids), PAGE):  # keep what was read: the pages it fills
            self._pages.setdefault(number // PAGE, ids[number:number + PAGE])
        return row

    def ids(self) -> list[str]:
        return self._source.all()

    def _row(self, row: int) -> Row | None:
        rid = self.id_at(row)
        if rid is None:
            return None
        cached = self._rows.get(rid)
        if cached is not None:
            return cached
        start = (row // BATCH) * BATCH
        wanted = (self.id_at(r) for r in range(start, min(start + BATCH, self._count)))
        batch = [i for i in wanted if i is not None and i not in self._rows]
        for fetched in self.lister.rows(self.db, batch):
            self._rows[fetched.id] = fetched
        return self._rows.get(rid)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

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
