"""The board: a column per stage with a count in its header, a card per open case.

A card moves stage by dragging it to another column, or from the keyboard with Ctrl+Right and
Ctrl+Left (Left and Right alone go to the next column; Enter opens the case). The move goes
through the same rules as the case page: when facts are missing the move dialog asks for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QDrag
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.i18n.formats import format_short_date
from app.services.case_board import Board, Card, board, neighbour
from ui.context import AppContext
from ui.tabs.detail import WARNING

MIME = "application/x-tinklas-case"
ID_ROLE = Qt.ItemDataRole.UserRole
COLUMN_WIDTH = 190


class StageColumn(QListWidget):
    """One stage's cards; emits `dropped(case_id, stage)` and `step(case_id, ±1)`."""

    dropped = Signal(str, str)
    step = Signal(str, int)
    focus_column = Signal(int)  # -1 / +1: go to the neighbouring column
    opened = Signal(str)

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"column_{stage}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setFixedWidth(COLUMN_WIDTH)
        self.setStyleSheet("QListWidget::item { border-bottom: 1px solid palette(mid); "
                           "padding: 4px 2px; }")
        self.itemActivated.connect(lambda item: self.opened.emit(item.data(ID_ROLE)))

    def current_case(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_case(self, case_id: str) -> bool:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == case_id:
                self.setCurrentRow(i)
                return True
        return False

    def startDrag(self, _actions: Any) -> None:  # noqa: N802
        case_id = self.current_case()
        if case_id is None:
            return
        mime = QMimeData()
        mime.setData(MIME, case_id.encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(MIME):
            return
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the board re-reads after the move
        event.accept()
        self.dropped.emit(bytes(event.mimeData().data(MIME)).decode(), self.stage)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        case_id = self.current_case()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            direction = 1 if key == Qt.Key.Key_Right else -1
            if ctrl and case_id:
                self.step.emit(case_id, direction)
            elif not ctrl:
                self.focus_column.emit(direction)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and case_id:
            self.opened.emit(case_id)
            return
        super().keyPressEvent(event)


class BoardView(QWidget):
    move_requested = Signal(str, str)  # case id, stage
    case_opened = Signal(str)

    def __init__(self, ctx: AppContext, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.data: Board | None = None
        self.columns: list[StageColumn] = []
        self.headers: list[QLabel] = []
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroller, 1)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        self.hint.setText(_("Drag a case to another stage, or select it and press Ctrl+Right or "
                            "Ctrl+Left. Enter opens the case."))
        focused = next((c for c in self.columns if c.hasFocus()), None)
        keep = keep or (focused.current_case() if focused else None)
        self.data = board(self.ctx.db, self.today())
        inner = QWidget(self.scroller)
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        self.columns, self.headers = [], []
        for i, stage in enumerate(self.data.stages):
            box = QVBoxLayout()
            header = QLabel(_("{stage} ({count})").format(stage=stage.label,
                                                          count=self.data.count(stage.code)),
                            inner)
            header.setObjectName(f"header_{stage.code}")
            header.setWordWrap(True)
            header.setFixedWidth(COLUMN_WIDTH)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setFixedHeight(header.fontMetrics().lineSpacing() * 2 + 4)
            header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            column = StageColumn(stage.code, inner)
            for card in self.data.cards.get(stage.code, ()):
                column.addItem(self._item(card))
            column.dropped.connect(self.move_requested)
            column.step.connect(self._step)
            column.focus_column.connect(lambda d, i=i: self._focus(i + d))
            column.opened.connect(self.case_opened)
            box.addWidget(header)
            box.addWidget(column, 1)
            row.addLayout(box)
            self.columns.append(column)
            self.headers.append(header)
        row.addStretch(1)
        self.scroller.setWidget(inner)
        if keep:
            self.select_case(keep)

    def _item(self, card: Card) -> QListWidgetItem:
        lines = [card.beneficiary, card.code]
        if card.next_due is not None:
            due = format_short_date(card.next_due)
            lines.append(_("overdue since {date}").format(date=due) if card.overdue
                         else _("next action {date}").format(date=due))
        item = QListWidgetItem("\n".join(lines))
        item.setData(ID_ROLE, card.id)
        item.setToolTip("\n".join(lines))
        if card.overdue:
            item.setForeground(QBrush(WARNING))
        return item

    def column_of(self, case_id: str) -> StageColumn | None:
        return next((c for c in self.columns if c.select_case(case_id)), None)

    def select_case(self, case_id: str) -> bool:
        column = self.column_of(case_id)
        if column is None:
            return False
        column.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroller.ensureWidgetVisible(column)
        return True

    def _focus(self, index: int) -> None:
        if 0 <= index < len(self.columns):
            column = self.columns[index]
            column.setFocus(Qt.FocusReason.TabFocusReason)
            if column.currentRow() < 0 and column.count():
                column.setCurrentRow(0)
            self.scroller.ensureWidgetVisible(column)

    def _step(self, case_id: str, direction: int) -> None:
        if self.data is None:
            return
        card = next((c for cards in self.data.cards.values() for c in cards if c.id == case_id),
                    None)
        if card is None:
            return
        target = neighbour(self.data.stages, card.stage, direction)
        if target is not None:
            self.move_requested.emit(case_id, target)
