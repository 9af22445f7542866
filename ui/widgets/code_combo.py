"""A combo box over (code, label) choices: the code is the value, the label what is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


class CodeCombo(QComboBox):
    """`set_choices` may be called again (a language change) and keeps the chosen code.

    A code that is not among the choices (an inactive reference item still on a record) is kept
    as an extra item, so that opening and saving a form never loses it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._blank: str | None = None
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)

    def set_choices(self, pairs: list[tuple[str, str]], blank: str | None = None) -> None:
        """Fill with `pairs`; `blank` (a translated label) adds a first "none" item."""
        current = self.code()
        had_value = self.count() > 0
        self._blank = blank
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for code, label in pairs:
            self.addItem(label, code)
        self.blockSignals(False)
        if had_value:
            self.set_code(current)
        elif self.count():
            self.setCurrentIndex(0)

    def code(self) -> str | None:
        value = self.currentData()
        return value if value else None

    def set_code(self, code: str | None) -> None:
        if not code:
            index = self.findData(None) if self._blank is not None else 0
            self.setCurrentIndex(max(0, index))
            return
        index = self.findData(code)
        if index < 0:
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)
