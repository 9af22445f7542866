"""Pick one record (an organisation, a person) by typing part of its name.

The choices come from a Qt-free search function `(text) -> [(id, label)]`, so folding works as in
the lists (typing "sviesa" finds "Šviesa"). The picked id is `record_id()`; editing the text
after a pick clears it until another choice is picked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

SEARCH_DELAY_MS = 150

Search = Callable[[str], list[tuple[str, str]]]


class RecordPicker(QLineEdit):
    picked = Signal(object)  # id or None

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._id: str | None = None
        self._label = ""
        self._choices: list[tuple[str, str]] = []
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.activated[str].connect(self._on_activated)  # type: ignore[index]
        self.setCompleter(self.completer_)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_choices)
        self.textEdited.connect(self._on_edited)

    def record_id(self) -> str | None:
        return self._id

    def set_record(self, record_id: str | None, label: str = "") -> None:
        self._id, self._label = record_id, label if record_id else ""
        self.setText(self._label)

    def choices(self) -> list[tuple[str, str]]:
        return list(self._choices)

    def refresh_choices(self) -> None:
        self._choices = self._search(self.text())
        self._model.setStringList([label for _id, label in self._choices])
        if self.hasFocus() and self._choices:
            self.completer_.complete()

    def pick(self, record_id: str, label: str) -> None:
        self.set_record(record_id, label)
        self.picked.emit(record_id)

    def _on_edited(self, text: str) -> None:
        if self._id is not None and text != self._label:
            self._id = None
            self.picked.emit(None)
        self._timer.start()

    def _on_activated(self, label: str) -> None:
        for record_id, choice in self._choices:
            if choice == label:
                self.pick(record_id, label)
                return
