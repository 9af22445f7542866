"""A small modal form: labelled rows, a service's error shown under the field it names."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import _
from ui.context import AppContext
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors


class FormDialog(QDialog):
    """Subclasses add rows with `add` and implement `save` (raising UserError when refused)."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.errors = FieldErrors()
        self.saved_value: Any = None
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.addLayout(self.form)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.layout_.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(_("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def add(self, field: str, msgid: str, widget: QWidget,
            form: QFormLayout | None = None) -> QWidget:
        widget.setObjectName(field)
        box = self.errors.wrap(field, widget, self)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        (form or self.form).addRow(_("{label}:").format(label=_(msgid)), box)
        return widget

    def save(self) -> Any:
        raise NotImplementedError

    def show_error(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError) and self.errors.show(exc.field, exc.text()):
            return
        self.general_error.setText(exc.text())
        self.general_error.setVisible(True)

    def submit(self) -> bool:
        self.errors.clear()
        self.general_error.setVisible(False)
        try:
            self.saved_value = self.save()
        except UserError as exc:
            self.show_error(exc)
            return False
        self.accept()
        return True
