"""A small modal form for the cases tab: labelled rows, a service's error shown under the field it
names, and (when the subclass names a `draft_kind`) a crash-safe draft of what is typed.

The draft machinery is ui.widgets.draft_form.DraftForm's: what is typed is saved shortly after
every change and offered back when the same form opens again. The values are read from and
written to the rows generically (text boxes, date boxes, record pickers, combos, spin boxes,
check boxes), so a subclass only adds rows and calls `start_drafts()` at the end of its
constructor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from ui.context import AppContext
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.draft_form import DraftForm
from ui.widgets.record_picker import RecordPicker


class FormDialog(DraftForm):
    """Subclasses add rows with `add` and implement `save` (raising UserError when refused).

    With `draft_kind` set, `draft_key` (None for a new record) keys the draft."""

    draft_kind = ""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None,
                 draft_key: str | None = None) -> None:
        super().__init__(ctx, draft_key, parent)
        self.setWindowTitle(title)
        self.save_msgid = N_("Save")
        self.fields: dict[str, QWidget] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.general_error)
        self.save_button.setDefault(True)
        self.layout_.addWidget(self.buttons)
        self.retranslate()

    def set_save_text(self, msgid: str) -> None:
        """The save button's text (an untranslated msgid), e.g. "Move"."""
        self.save_msgid = msgid
        self.save_button.setText(_(msgid))

    def retranslate(self) -> None:
        for label, msgid in self._row_labels:
            label.setText(_("{label}:").format(label=_(msgid)))
        self.save_button.setText(_(getattr(self, "save_msgid", N_("Save"))))
        self.cancel_button.setText(_("Cancel"))

    def add(self, field: str, msgid: str, widget: QWidget,
            form: QFormLayout | None = None) -> QWidget:
        widget.setObjectName(field)
        box = self.errors.wrap(field, widget, self)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        label = QLabel(_("{label}:").format(label=_(msgid)), self)
        label.setBuddy(widget)
        self._row_labels.append((label, msgid))
        (form or self.form).addRow(label, box)
        self.fields[field] = widget
        if self.draft_kind:
            self.watch(widget)
            if isinstance(widget, QDoubleSpinBox):
                widget.valueChanged.connect(self._changed)
        return widget

    # -- drafts ----------------------------------------------------------------------------------

    def start_drafts(self, offer: bool = True) -> None:
        """Call at the end of the subclass's constructor: offers a draft left by a crash."""
        if self.draft_kind and offer:
            self.offer_draft()

    def values(self) -> dict[str, Any]:
        return {name: _read(w) for name, w in self.fields.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, w in self.fields.items():
            if name in values:
                _write(w, values[name])


def _read(w: QWidget) -> Any:
    if isinstance(w, DateEdit):
        if w.is_valid():
            day = w.date()
            return day.isoformat() if day else ""
        return w.text()  # kept as typed, even if not a date yet
    if isinstance(w, RecordPicker):
        return [w.record_id() or "", w.text()]
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, CodeCombo):
        return w.code() or ""
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, (QSpinBox, QDoubleSpinBox)):
        return w.value()
    return None


def _write(w: QWidget, value: Any) -> None:
    if isinstance(w, DateEdit):
        text = str(value or "")
        try:
            w.set_date(dt.date.fromisoformat(text) if text else None)
        except ValueError:
            w.setText(text)
    elif isinstance(w, RecordPicker):
        record_id, text = (list(value) + ["", ""])[:2] if isinstance(value, list) else ("", "")
        if record_id:
            w.set_record(str(record_id), str(text))
        else:
            w.set_record(None)
            w.setText(str(text))
    elif isinstance(w, QLineEdit):
        w.setText(str(value or ""))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(str(value or ""))
    elif isinstance(w, CodeCombo):
        w.set_code(str(value) if value else None)
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QSpinBox):
        w.setValue(int(value or 0))
    elif isinstance(w, QDoubleSpinBox):
        w.setValue(float(value or 0))
