"""The base of the person and organisation forms: text rows, code lists and notes, read and
filled by field name (the draft), and saved through the record's service.

A subclass names its text fields and titles, makes its code lists with `code_combo`, lays out
its rows with `add_row`, and says how the typed values become its record (`data`) and which
service stores it (`store`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import _
from app.services.results import Saved
from ui.context import AppContext
from ui.widgets.code_combo import CodeCombo
from ui.widgets.draft_form import DraftForm


class RegistryForm(DraftForm):
    text_fields: tuple[str, ...] = ()
    first_field = ""  # where the cursor starts
    new_title = ""  # msgid
    edit_title = ""  # msgid with {name}

    def __init__(self, ctx: AppContext, record_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, record_id, parent)
        self.setMinimumWidth(560)
        self.edits: dict[str, QLineEdit] = {}
        for name in self.text_fields:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            self.edits[name] = edit
        self.combos: dict[str, tuple[CodeCombo, str]] = {}  # field -> (combo, default code)
        self._rows: list[QWidget] = []  # the fields in the order they are laid out
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

    def code_combo(self, field: str, default: str = "") -> CodeCombo:
        """A code list whose value is `default` when nothing (or the blank item) is chosen."""
        combo = CodeCombo(self)
        combo.setObjectName(field)
        self.combos[field] = (combo, default)
        return combo

    def add_row(self, form: QFormLayout, field: str, msgid: str, widget: QWidget) -> QWidget:
        self._rows.append(widget)
        return super().add_row(form, field, msgid, widget)

    def finish(self, form: QFormLayout, offer_draft: bool, *above: QWidget) -> None:
        """Lay out (`above` the rows, then errors and buttons), fill, offer a draft back."""
        chain = [*self._rows, self.save_button, self.cancel_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)  # the order on screen, not the order they were made in
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.load(self.from_data())
        if offer_draft:
            self.offer_draft()
        self.edits[self.first_field].setFocus()

    # -- what a subclass provides -------------------------------------------------------------

    def record_name(self) -> str:
        """The edited record's name, for the window title."""
        raise NotImplementedError

    def from_data(self) -> dict[str, Any]:
        """The record being edited, as the form's values."""
        raise NotImplementedError

    def fill_choices(self) -> None:
        """(Re)fill the code lists in the current language."""

    def data(self) -> Any:
        """The typed values as the service's dataclass; ValidationError for what it cannot."""
        raise NotImplementedError

    def store(self, data: Any) -> Saved[Any]:
        raise NotImplementedError

    # -- DraftForm ----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        for field, (combo, default) in self.combos.items():
            out[field] = combo.code() or default
        out["notes"] = self.notes.toPlainText()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for name, edit in self.edits.items():
            edit.setText(str(values.get(name, "") or ""))
        for field, (combo, default) in self.combos.items():
            combo.set_code(values.get(field) or default or None)
        self.notes.setPlainText(str(values.get("notes", "") or ""))

    def save(self) -> Any:
        saved = self.store(self.data())
        self.ctx.bus.publish(saved.changes)
        return saved.value

    def retranslate(self) -> None:
        super().retranslate()
        if self.record_id:
            self.setWindowTitle(_(self.edit_title).format(name=self.record_name()))
        else:
            self.setWindowTitle(_(self.new_title))
        loading, self._loading = self._loading, True
        self.fill_choices()
        self._loading = loading
