"""A list with a search box, filters, a sortable table and an empty state: every tab's left side."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _, ngettext
from app.services.listing import Lister, ListQuery
from ui.lists.table_model import IdListModel
from ui.widgets.flow_layout import FlowLayout, natural_width

SEARCH_DELAY_MS = 120


class ListPanel(QWidget):
    current_changed = Signal(object)  # record id or None
    activated = Signal(str)  # double click or Enter

    def __init__(self, db: Database, lister: Lister, parent: QWidget | None = None,
                 with_archived: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.lister = lister
        self.model = IdListModel(db, lister, self)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._timer.start())

        self.search.setMinimumWidth(220)
        self.filter_boxes: dict[str, QComboBox] = {}
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        # Two filters or more go below the search box, so that it keeps its room (and its hint
        # stays readable), in a flow that wraps: each keeps its whole "Municipality: all" text
        # in a narrow list pane.
        filters_row: QHBoxLayout | FlowLayout = (
            top if len(lister.filters) <= 1 else FlowLayout())
        self.archived = QCheckBox(self)
        self.archived.setVisible(with_archived)
        self.archived.toggled.connect(lambda _c: self._apply())
        for flt in lister.filters:
            box = QComboBox(self)
            box.setObjectName(f"filter_{flt.key}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.currentIndexChanged.connect(lambda _i: self._apply())
            self.filter_boxes[flt.key] = box
            if isinstance(filters_row, FlowLayout):
                natural_width(box)
                filters_row.addWidget(box)
            else:
                filters_row.addWidget(box, 1)
        if isinstance(filters_row, FlowLayout):
            natural_width(self.archived)
        filters_row.addWidget(self.archived)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, col in enumerate(lister.columns):
            self.table.setColumnWidth(i, col.width * 8)
        # The indicator shows the lister's default order; enabling sorting then runs the one
        # and only first query.
        keys = [c.key for c in lister.columns]
        default = keys.index(lister.default_sort) if lister.default_sort in keys else 0
        order = (Qt.SortOrder.DescendingOrder if lister.default_descending
                 else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicator(default, order)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(self._update_state)

        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.count = QLabel(self)
        self.count.setObjectName("count")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        if filters_row is not top:
            layout.addLayout(filters_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)
        self.retranslate()

    # -- behaviour ----------------------------------------------------------------------------

    def query(self) -> ListQuery:
        filters: dict[str, Any] = {}
        for key, box in self.filter_boxes.items():
            value = box.currentData()
            if value:
                filters[key] = value
        q = self.model.query
        return ListQuery(self.search.text(), q.sort, q.descending, filters,
                         self.archived.isChecked())

    def _apply(self) -> None:
        current = self.current_id()
        self.model.set_query(self.query())
        if current:
            self.select_id(current, emit=False)

    def reload(self) -> None:
        current = self.current_id()
        self.model.reload()
        if current:
            self.select_id(current, emit=False)

    def current_id(self) -> str | None:
        idx = self.table.currentIndex()
        return self.model.id_at(idx.row()) if idx.isValid() else None

    def select_id(self, record_id: str, emit: bool = True) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        if not emit:
            self.table.selectionModel().blockSignals(False)
        return True

    def _on_current(self, current: Any, _previous: Any) -> None:
        self.current_changed.emit(self.model.id_at(current.row()) if current.isValid() else None)

    def _on_activated(self, index: Any) -> None:
        rid = self.model.id_at(index.row())
        if rid:
            self.activated.emit(rid)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
            self.activated.emit(self.current_id())
            return
        super().keyPressEvent(event)

    def _update_state(self) -> None:
        n = self.model.rowCount()
        filtered = bool(self.search.text().strip()) or any(
            b.currentData() for b in self.filter_boxes.values()
        )
        if n == 0:
            self.empty.setText(_(self.lister.no_match_text if filtered else self.lister.empty_text))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)
        self.count.setText(ngettext("{n} record", "{n} records", n).format(n=n))

    def _fit_headers(self) -> None:
        """Widen a column whose translated title would be clipped."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for i in range(self.model.columnCount()):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + 28  # room for the sort arrow
            if header.sectionSize(i) < needed:
                header.resizeSection(i, needed)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search (letters without accents and Cyrillic work too)"))
        self.archived.setText(_("Show archived"))
        for flt in self.lister.filters:
            box = self.filter_boxes[flt.key]
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            everything = _("{filter}: all").format(filter=_(flt.title))
            box.addItem(everything, None)
            # wide enough for "Municipality: all" in this language (a little over: Qt counts in
            # widths of "x", and Cyrillic and capitals are wider)
            box.setMinimumContentsLength(max(10, len(everything) + 2))
            for value, label in flt.choices(self.db):
                box.addItem(label, value)
            if current is not None:
                box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          max(0, self.model.columnCount() - 1))
        self._fit_headers()
        self.model.invalidate()
        self._update_state()
