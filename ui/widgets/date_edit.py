"""A date typed in the local short format (2026-11-26, 26.11.2026, 26/11/2026) or ISO.

Parsing is app.i18n.formats.parse_date; a text that is not a date gets a clear message, shown
under the field when the field leaves focus and raised as a ValidationError by `date()`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.errors import ValidationError
from app.i18n import N_, _
from app.i18n.formats import format_short_date, parse_date

_EXAMPLE = dt.date(2026, 11, 26)
NOT_A_DATE = N_("“{value}” is not a date. Type it like {example}.")


class DateEdit(QLineEdit):
    problem = Signal(str)  # translated message, "" when the text became a date again

    def __init__(self, field: str = "date", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._value: dt.date | None = None
        self._shown = ""
        self.setMaxLength(20)
        self.editingFinished.connect(self._check)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the date again in the current language's format."""
        example = format_short_date(_EXAMPLE)
        self.setPlaceholderText(_("e.g. {example}").format(example=example))
        self.setToolTip(_("A date, e.g. {example}").format(example=example))
        # Only a date this widget formatted is known for sure; typed text is left as typed,
        # since it was meant in the previous language's format.
        if self._value is not None and self.text() == self._shown:
            self.set_date(self._value)

    def set_date(self, value: dt.date | None) -> None:
        self._value = value
        self._shown = format_short_date(value) if value else ""
        self.setText(self._shown)

    def date(self) -> dt.date | None:
        """The date typed, None if empty; raise ValidationError(field) if it is not a date."""
        text = self.text().strip()
        if not text:
            return None
        if self._value is not None and text == self._shown:
            return self._value
        try:
            return parse_date(text)
        except Exception:  # noqa: BLE001 - Babel raises ValueError, ParseError or IndexError
            raise ValidationError(self.field, NOT_A_DATE, value=text,
                                  example=format_short_date(_EXAMPLE)) from None

    def is_valid(self) -> bool:
        try:
            self.date()
        except ValidationError:
            return False
        return True

    def _check(self) -> None:
        try:
            value = self.date()
        except ValidationError as exc:
            self.problem.emit(exc.text())
            return
        self.problem.emit("")
        if value is not None:
            self.set_date(value)
