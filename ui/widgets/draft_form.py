"""The base of a record's edit dialog: rows with errors beside them, and drafts of what is typed.

What is typed is saved as a draft (app.drafts) shortly after every change, so that a crash loses
nothing; the draft goes when the form is saved or cancelled on purpose, and is offered back when
the same form (same record, or a new one) opens again. A service's ValidationError is shown under
the field it names and the dialog stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app import drafts
from app.errors import UserError, ValidationError
from app.i18n import _
from app.i18n.formats import format_datetime
from ui.context import AppContext
from ui.widgets import ask
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


class DraftForm(QDialog):
    draft_kind = ""  # set by subclasses: "person", "organisation"

    def __init__(self, ctx: AppContext, record_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.saved_value: Any = None
        self.errors = FieldErrors()
        self._row_labels: list[tuple[QLabel, str]] = []
        self._dirty = False
        self._loading = False
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)

        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        ctx.bus.language_changed.connect(self._on_language)

    # -- what subclasses provide --------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What is typed, as JSON-able values (the draft)."""
        raise NotImplementedError

    def set_values(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def save(self) -> Any:
        """Hand the typed record to its service; raise UserError/ValidationError to stay open."""
        raise NotImplementedError

    def retranslate(self) -> None:
        for label, msgid in self._row_labels:
            label.setText(_(msgid))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))

    # -- building -----------------------------------------------------------------------------

    def add_row(self, form: QFormLayout, field: str, msgid: str, widget: QWidget) -> QWidget:
        label = QLabel(self)
        label.setBuddy(widget)
        self._row_labels.append((label, msgid))
        form.addRow(label, self.errors.wrap(field, widget, self))
        self.watch(widget)
        return widget

    def watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._changed)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self._changed)
            elif isinstance(w, QCheckBox):
                w.toggled.connect(self._changed)

    def load(self, values: dict[str, Any]) -> None:
        """Fill the form without counting it as typing."""
        self._loading = True
        try:
            self.set_values(values)
        finally:
            self._loading = False

    # -- drafts -------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self._draft_timer.start()

    def flush_draft(self) -> None:
        self._draft_timer.stop()
        if self._dirty:
            try:
                drafts.save_draft(self.draft_kind, self.record_id, self.values())
            except OSError:
                log.warning("could not save a draft of %s", self.draft_kind, exc_info=True)

    def offer_draft(self) -> bool:
        """If a draft of this form is there, ask to restore it; True if it was restored."""
        info = drafts.draft_info(self.draft_kind, self.record_id)
        if info is None:
            return False
        if info["data"] == self.values():
            drafts.discard_draft(self.draft_kind, self.record_id)
            return False
        try:
            when = format_datetime(dt.datetime.fromisoformat(str(info.get("saved_at"))))
        except ValueError:
            when = ""
        if ask.confirm(
            self, _("Unsaved draft"),
            _("This form was left unsaved on {when}. Restore what was typed then?").format(
                when=when),
            _("Restore"), _("Discard the draft"),
        ):
            self.load(info["data"])
            self._dirty = True
            return True
        drafts.discard_draft(self.draft_kind, self.record_id)
        return False

    # -- saving and cancelling ----------------------------------------------------------------

    def show_error(self, exc: UserError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else ""
        if not (field and self.errors.show(field, exc.text())):
            self.general_error.setText(exc.text())
            self.general_error.setVisible(True)

    def submit(self) -> bool:
        self.errors.clear()
        self.general_error.setVisible(False)
        try:
            value = self.save()
        except UserError as exc:
            self.show_error(exc)
            self.flush_draft()
            return False
        self.saved_value = value
        self._draft_timer.stop()
        self._dirty = False
        drafts.discard_draft(self.draft_kind, self.record_id)
        self.accept()
        return True

    def reject(self) -> None:
        if self._dirty and not ask.confirm(
            self, _("Discard changes"),
            _("What you typed in this form has not been saved. Discard it?"),
            _("Discard"), _("Keep editing"),
        ):
            return
        self._draft_timer.stop()
        self._dirty = False
        drafts.discard_draft(self.draft_kind, self.record_id)
        super().reject()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
