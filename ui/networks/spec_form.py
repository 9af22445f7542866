"""A form built from a list of field specs, on DraftForm (errors beside fields, drafts).

The networks and advocacy forms are many and alike: text, dates, choices, an organisation or a
person picked by name, a set of ticked codes. Each form lists its fields and says how to save.
Values are JSON-able (the draft): dates as ISO text, pickers as [id, label], ticks as lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import drafts
from app.errors import UserError
from app.i18n import _
from ui.context import AppContext
from ui.widgets import ask
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.draft_form import DraftForm
from ui.widgets.record_picker import RecordPicker

Choices = Callable[[], list[tuple[str, str]]]


@dataclass(frozen=True)
class Spec:
    name: str
    label: str  # msgid
    kind: str = "text"  # text, multiline, date, combo, picker, checks
    choices: Choices | None = None  # combo and checks: (code, label); picker: search(text)
    blank: bool = False  # combo: a "none" first item
    search: Callable[[str], list[tuple[str, str]]] | None = None  # picker
    column: int = 0  # 0 left, 1 right


class SpecForm(DraftForm):
    specs: Sequence[Spec] = ()
    removed = False  # True once the record was removed from this form

    def remover(self) -> tuple[str, Callable[[], Any]] | None:
        """For an existing record that can be removed: (question, remove) — remove publishes."""
        return None

    def __init__(self, ctx: AppContext, record_id: str | None, initial: dict[str, Any],
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, record_id, parent)
        self.widgets: dict[str, QWidget] = {}
        forms = (QFormLayout(), QFormLayout())
        self.form_layouts = forms
        for spec in self.specs:
            widget = self._make(spec)
            widget.setObjectName(spec.name)
            widget.setMinimumWidth(300 if spec.kind in ("checks", "multiline") else 240)
            self.widgets[spec.name] = widget
            self.add_row(forms[spec.column], spec.name, spec.label, widget)
        columns = QHBoxLayout()
        for i, form in enumerate(forms):
            if i and not any(s.column for s in self.specs):
                break
            if i:
                columns.addSpacing(16)
            stack = QVBoxLayout()
            stack.addLayout(form)
            stack.addStretch(1)
            columns.addLayout(stack, 1)
        self.remove_button: QPushButton | None = None
        if record_id and self.remover() is not None:
            self.remove_button = self.buttons.addButton(
                _("Remove"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.remove_button.setObjectName("remove")
            self.remove_button.clicked.connect(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.load(initial)
        if offer_draft:
            self.offer_draft()
        first = self.widgets.get(self.specs[0].name) if self.specs else None
        if first is not None:
            first.setFocus()

    def _make(self, spec: Spec) -> QWidget:
        if spec.kind == "multiline":
            w = QPlainTextEdit(self)
            w.setTabChangesFocus(True)
            w.setFixedHeight(72)
            return w
        if spec.kind == "date":
            d = DateEdit(spec.name, self)
            d.problem.connect(lambda text, n=spec.name: self._date_problem(n, text))
            return d
        if spec.kind == "combo":
            return CodeCombo(self)
        if spec.kind == "picker":
            assert spec.search is not None
            return RecordPicker(spec.search, self)
        if spec.kind == "checks":
            lw = QListWidget(self)
            lw.setFixedHeight(150)
            lw.itemChanged.connect(self._changed)
            return lw
        return QLineEdit(self)

    def remove(self, confirmed: bool = False) -> bool:
        found = self.remover()
        if found is None:
            return False
        question, action = found
        if not confirmed and not ask.confirm(self, _("Remove"), question, _("Remove"),
                                             danger=True):
            return False
        try:
            action()
        except UserError as exc:
            self.show_error(exc)
            return False
        self.removed = True
        self._dirty = False
        drafts.discard_draft(self.draft_kind, self.record_id)
        self.accept()
        return True

    def _date_problem(self, field: str, text: str) -> None:
        if text:
            self.errors.show(field, text)
        else:
            self.errors.clear(field)

    # -- values -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self.specs:
            w = self.widgets[spec.name]
            if isinstance(w, QPlainTextEdit):
                out[spec.name] = w.toPlainText()
            elif isinstance(w, CodeCombo):
                out[spec.name] = w.code() or ""
            elif isinstance(w, RecordPicker):
                out[spec.name] = [w.record_id(), w.text()] if w.record_id() else None
            elif isinstance(w, QListWidget):
                out[spec.name] = [w.item(i).data(Qt.ItemDataRole.UserRole)
                                  for i in range(w.count())
                                  if w.item(i).checkState() == Qt.CheckState.Checked]
            elif isinstance(w, QLineEdit):
                out[spec.name] = w.text()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for spec in self.specs:
            w, value = self.widgets[spec.name], values.get(spec.name)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(str(value or ""))
            elif isinstance(w, CodeCombo):
                w.set_code(value or None)
            elif isinstance(w, RecordPicker):
                w.set_record(*(value or (None, "")))
            elif isinstance(w, QListWidget):
                wanted = set(value or ())
                for i in range(w.count()):
                    item = w.item(i)
                    item.setCheckState(Qt.CheckState.Checked
                                       if item.data(Qt.ItemDataRole.UserRole) in wanted
                                       else Qt.CheckState.Unchecked)
            elif isinstance(w, DateEdit):
                text = str(value or "")
                try:
                    w.set_date(dt.date.fromisoformat(text) if text else None)
                except ValueError:
                    w.setText(text)
            elif isinstance(w, QLineEdit):
                w.setText(str(value or ""))

    def date(self, name: str) -> dt.date | None:
        """The typed date (raises ValidationError naming the field if it is not one)."""
        w = self.widgets[name]
        assert isinstance(w, DateEdit)
        return w.date()

    def picked(self, name: str) -> str | None:
        w = self.widgets[name]
        assert isinstance(w, RecordPicker)
        return w.record_id()

    def retranslate(self) -> None:
        super().retranslate()
        loading, self._loading = self._loading, True
        try:
            for spec in self.specs:
                w = self.widgets.get(spec.name)
                if isinstance(w, CodeCombo) and spec.choices:
                    w.set_choices(spec.choices(), blank="—" if spec.blank else None)
                elif isinstance(w, QListWidget) and spec.choices:
                    ticked = set(self.values().get(spec.name) or ()) if w.count() else set()
                    w.blockSignals(True)
                    w.clear()
                    for code, label in spec.choices():
                        item = QListWidgetItem(label, w)
                        item.setData(Qt.ItemDataRole.UserRole, code)
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        item.setCheckState(Qt.CheckState.Checked if code in ticked
                                           else Qt.CheckState.Unchecked)
                    w.blockSignals(False)
                elif isinstance(w, DateEdit):
                    w.retranslate()
        finally:
            self._loading = loading
        self.setWindowTitle(self.window_title())

    def window_title(self) -> str:
        return _("Tinklas")


def iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def split_tags(text: str) -> tuple[str, ...]:
    """Free tags typed as "a, b; c"."""
    return tuple(t.strip() for t in text.replace(";", ",").split(",") if t.strip())
