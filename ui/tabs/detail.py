"""A read-only detail pane (title, label/value form, small tables) and the list + detail tab.

Labels, headers and table titles are msgids, translated when shown, so a language change only
needs the content to be shown again (the tab re-reads it, since values such as status labels
come translated from the services).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.services.listing import lister
from ui.context import AppContext
from ui.lists.list_panel import ListPanel
from ui.tabs.base import AreaTab

MAX_VISIBLE_ROWS = 8
MAX_COLUMN_WIDTH = 240  # pixels; longer texts are elided and shown whole in the tooltip
WARNING = QColor("#b3261e")
LIST_SHARE = 0.6  # of the tab's width, for the list, when the tab is first shown


def _muted(label: QLabel) -> QLabel:
    """Secondary text: the text colour two thirds of the way towards the background."""
    pal = label.palette()
    text, back = pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)
    mixed = QColor(*(round(a * 0.6 + b * 0.4) for a, b in (
        (text.red(), back.red()), (text.green(), back.green()), (text.blue(), back.blue()))))
    pal.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(pal)
    return label


@dataclass(frozen=True)
class DetailTable:
    title: str  # msgid
    headers: tuple[str, ...]  # msgids
    rows: Sequence[tuple[str, ...]] = ()
    marked: frozenset[int] = frozenset()  # rows that need attention (overdue, late)
    empty: str = ""  # msgid shown instead of an empty table


@dataclass(frozen=True)
class DetailContent:
    title: str  # display text: the record's name
    subtitle: str = ""  # display text
    fields: Sequence[tuple[str, str]] = ()  # (label msgid, display value); empty values hidden
    tables: Sequence[DetailTable] = field(default_factory=tuple)


class DetailView(QScrollArea):
    """Shows one DetailContent, or a placeholder text when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.content: DetailContent | None = None
        self.placeholder = ""
        self.tables: dict[str, QTableWidget] = {}  # by the table's title msgid
        self.title_label: QLabel | None = None
        self.show_placeholder("")

    def show_placeholder(self, text: str) -> None:
        self.content = None
        self.placeholder = text
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel(text, page)
        label.setObjectName("detail_placeholder")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMargin(24)
        layout.addWidget(label)
        self.tables, self.title_label = {}, None
        self.setWidget(page)

    def show_content(self, content: DetailContent) -> None:
        self.content = content
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 12, 12)
        self.title_label = QLabel(content.title, page)
        self.title_label.setObjectName("detail_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        if content.subtitle:
            sub = _muted(QLabel(content.subtitle, page))
            sub.setObjectName("detail_subtitle")
            sub.setWordWrap(True)
            layout.addWidget(sub)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for msgid, value in content.fields:
            if not value:
                continue
            text = QLabel(value, page)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(_("{label}:").format(label=_(msgid)), text)
        layout.addLayout(form)
        self.tables = {}
        for table in content.tables:
            layout.addSpacing(6)
            heading = QLabel(_("{title} ({count})").format(title=_(table.title),
                                                          count=len(table.rows)), page)
            bold = QFont(heading.font())
            bold.setBold(True)
            heading.setFont(bold)
            layout.addWidget(heading)
            if not table.rows and table.empty:
                empty = _muted(QLabel(_(table.empty), page))
                empty.setWordWrap(True)
                layout.addWidget(empty)
                continue
            widget = self._table(table, page)
            self.tables[table.title] = widget
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(page)

    def _table(self, table: DetailTable, parent: QWidget) -> QTableWidget:
        widget = _SmallTable(len(table.rows), len(table.headers), parent)
        widget.setObjectName("detail_table")
        widget.setHorizontalHeaderLabels([_(h) for h in table.headers])
        for r, values in enumerate(table.rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if r in table.marked:
                    item.setForeground(QBrush(WARNING))
                widget.setItem(r, c, item)
        widget.resizeColumnsToContents()
        for c in range(widget.columnCount()):
            widget.setColumnWidth(c, min(widget.columnWidth(c), MAX_COLUMN_WIDTH))
        widget.fit_height()
        return widget


class _SmallTable(QTableWidget):
    """A read-only table as tall as its rows (up to MAX_VISIBLE_ROWS), inside the scroll area."""

    def __init__(self, rows: int, columns: int, parent: QWidget) -> None:
        super().__init__(rows, columns, parent)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().sectionResized.connect(lambda *_args: self.fit_height())

    def fit_height(self) -> None:
        rows = min(self.rowCount(), MAX_VISIBLE_ROWS)
        height = 2 * self.frameWidth() + self.horizontalHeader().sizeHint().height()
        height += sum(self.rowHeight(r) for r in range(rows))
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_height()


class ListDetailTab(AreaTab):
    """An area tab: the area's list on the left, the selected record's detail on the right."""

    list_kind = ""
    placeholder = ""  # msgid shown in the detail pane when nothing is selected
    initial_sort: tuple[str, Qt.SortOrder] | None = None  # a column key and order, if not the first
    list_share = LIST_SHARE  # of the tab's width, for the list, when the tab is first shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.panel = ListPanel(ctx.db, lister(self.list_kind), self, with_archived=False)
        self.detail = DetailView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.panel.current_changed.connect(self.show_record)
        if self.initial_sort is not None:
            key, order = self.initial_sort
            keys = [c.key for c in self.panel.lister.columns]
            self.panel.table.sortByColumn(keys.index(key), order)
        self.show_record(None)

    def detail_content(self, record_id: str) -> DetailContent:
        raise NotImplementedError

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            # once the layout has settled: a tab first shown inside a hidden page has a
            # provisional width at this point, and the split would follow it
            QTimer.singleShot(0, self._share_width)

    def _share_width(self) -> None:
        width = self.splitter.width()
        if width > 200:
            left = int(width * self.list_share)
            self.splitter.setSizes([left, width - left])

    def show_record(self, record_id: str | None) -> None:
        if record_id is None:
            self.detail.show_placeholder(_(self.placeholder))
            return
        try:
            self.detail.show_content(self.detail_content(record_id))
        except UserError as exc:  # e.g. removed by an import since the list was read
            self.detail.show_placeholder(exc.text())

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def refresh(self) -> None:
        self.panel.reload()
        self.show_record(self.panel.current_id())

    def retranslate(self) -> None:
        self.panel.retranslate()
        self.show_record(self.panel.current_id())
