"""A short list of people (an event's trainers): pick by typing a name, remove with Delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.services.event_pickers import person_choices
from ui.widgets.record_picker import RecordPicker


class TrainersEdit(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = RecordPicker(
            lambda text: person_choices(db, text, exclude=self.ids()), self)
        self.picker.setObjectName("trainer_picker")
        self.picker.picked.connect(self._picked)
        self.list = QListWidget(self)
        self.list.setObjectName("trainers")
        self.list.setMaximumHeight(84)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_trainer")
        self.remove_button.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.picker.setPlaceholderText(_("Type a name to add a trainer"))
        self.remove_button.setText(_("Remove"))

    def ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def items(self) -> list[tuple[str, str]]:
        return [(self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).text())
                for i in range(self.list.count())]

    def set_items(self, items: list[tuple[str, str]] | list[Any]) -> None:
        self.list.clear()
        for pid, label in items:
            self.add(pid, label, emit=False)

    def add(self, person_id: str, label: str, emit: bool = True) -> None:
        if person_id in self.ids():
            return
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.list.addItem(item)
        if emit:
            self.changed.emit()

    def _picked(self, person_id: str | None) -> None:
        if person_id:
            self.add(person_id, self.picker.text())
            self.picker.set_record(None)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.remove_current()
            return
        super().keyPressEvent(event)
