"""The office profile: asked for at first start, edited later under File > Office profile….

What is typed here prints on every attendance sheet and certificate. A refused value is
explained beside its field and the dialog stays open with everything typed.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QImageReader, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import attachments, i18n
from app.errors import UserError, ValidationError
from app.i18n import N_, _
from app.services import choices
from app.services.offices import OfficeProfile, local_profile, save_local_profile
from app.services.results import Saved
from ui.context import AppContext
from ui.dialogs import fit_height

log = logging.getLogger(__name__)

MAX_LOGO_BYTES = 5 * 1024 * 1024
LOGO_SIZE = 96
# field -> (label msgid, max length); the order is the form's order.
TEXT_FIELDS: dict[str, tuple[str, int]] = {
    "name": (N_("Office name:"), 200),
    "code": (N_("Office code:"), 6),
    "address": (N_("Address:"), 300),
    "email": (N_("E-mail:"), 200),
    "phone": (N_("Phone:"), 60),
    "signatory_name": (N_("Signatory:"), 200),
    "signatory_title": (N_("Signatory's title:"), 200),
    "certificate_series": (N_("Certificate number series:"), 16),
}


class OfficeProfileDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 first_run: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("office_profile_dialog")
        self.ctx = ctx
        self.first_run = first_run
        self.current = local_profile(ctx.db)
        self.logo_sha = self.current.logo_sha256
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for lang in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language.setVisible(first_run)  # later: File > Settings… has the language
        for widget in (self.heading, self.intro):
            widget.setVisible(first_run)
            layout.addWidget(widget)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if first_run:
            self._add_row("language", self.language)
        for name, (_label, limit) in TEXT_FIELDS.items():
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setMaxLength(limit)
            self.edits[name] = edit
            self._add_row(name, edit)
            if name == "code":
                self.municipality = QComboBox(self)
                self.municipality.setObjectName("municipality_code")
                self._add_row("municipality_code", self.municipality)
        code = self.edits["code"]
        code.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,6}"), code))
        code.textEdited.connect(self._upper_code)
        self._add_row("logo_sha256", self._logo_box())
        layout.addLayout(self.form)

        self.general_error = self._error_label()
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.later_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.later_button.setObjectName("later")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

        self._fill(self.current)
        self.setMinimumWidth(560)
        self.retranslate()
        ctx.bus.language_changed.connect(self.retranslate)

    # -- building -------------------------------------------------------------------------------
    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setStyleSheet("color: #b00020;")
        label.setVisible(False)
        return label

    def _add_row(self, name: str, widget: QWidget) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        self.errors[name] = self._error_label()
        column.addWidget(self.errors[name])
        self.labels[name] = QLabel(self)
        self.labels[name].setBuddy(widget)
        self.form.addRow(self.labels[name], box)

    def _logo_box(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(box)
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedSize(LOGO_SIZE, LOGO_SIZE)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setWordWrap(True)
        self.choose_logo = QPushButton(box)
        self.choose_logo.setObjectName("choose_logo")
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(box)
        self.remove_logo.setObjectName("remove_logo")
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_logo)
        buttons.addWidget(self.remove_logo)
        buttons.addStretch(1)
        row.addWidget(self.logo_preview)
        row.addLayout(buttons)
        row.addStretch(1)
        return box

    def _fill(self, profile: OfficeProfile) -> None:
        configured = self.ctx.db.local_office().configured
        for name, edit in self.edits.items():
            value = getattr(profile, name) or ""
            if name in ("code", "certificate_series") and not configured:
                value = ""  # the provisional code is not the user's choice
            edit.setText(value)
        self._fill_municipalities(profile.municipality_code)
        self.set_logo(profile.logo_sha256)

    def _fill_municipalities(self, code: str | None) -> None:
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItem("—", None)
        for value, label in choices.municipalities(self.ctx.db, short=False):
            self.municipality.addItem(label, value)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(code)))
        self.municipality.blockSignals(False)

    def retranslate(self, *_args: object) -> None:
        self.setWindowTitle(_("Welcome to Tinklas") if self.first_run else _("Office profile"))
        self.heading.setText("<h3>{}</h3>".format(_("Tell Tinklas about your office")))
        self.intro.setText(_(
            "The office's name, code, signatory and logo are printed on attendance sheets and "
            "certificates. You can change them at any time from the File menu."))
        texts = {"language": N_("Language:"), "municipality_code": N_("Municipality:"),
                 "logo_sha256": N_("Logo:"), **{k: v[0] for k, v in TEXT_FIELDS.items()}}
        for name, label in self.labels.items():
            label.setText(_(texts[name]))
        self.edits["name"].setPlaceholderText(_("e.g. Šalčininkai office"))
        self.edits["code"].setPlaceholderText(_("2 to 6 Latin capital letters, e.g. SAL"))
        self.edits["certificate_series"].setPlaceholderText(_("the office code"))
        self.edits["signatory_title"].setPlaceholderText(_("e.g. Head of the office"))
        self.choose_logo.setText(_("Choose…"))
        self.remove_logo.setText(_("Remove"))
        self.save_button.setText(_("Save"))
        self.later_button.setText(_("Later") if self.first_run else _("Cancel"))
        self._fill_municipalities(self.municipality.currentData())
        if self.logo_sha is None:
            self.logo_preview.setText(_("No logo"))

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        fit_height(self)

    # -- logo -----------------------------------------------------------------------------------
    def set_logo(self, sha: str | None) -> None:
        self.logo_sha = sha
        self.remove_logo.setEnabled(sha is not None)
        pixmap = QPixmap(str(attachments.file_path(sha))) if sha else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo") if sha is None else _("Logo file missing"))
            return
        self.logo_preview.setPixmap(pixmap.scaled(
            LOGO_SIZE - 4, LOGO_SIZE - 4, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the office logo"), "",
            _("Images ({patterns})").format(patterns="*.png *.jpg *.jpeg"))
        if path:
            self.use_logo_file(Path(path))

    def use_logo_file(self, path: Path) -> bool:
        self._show_error("logo_sha256", None)
        if not QImageReader(str(path)).canRead():
            self._show_error("logo_sha256", _("This file is not a picture Tinklas can read."))
            return False
        if path.stat().st_size > MAX_LOGO_BYTES:
            self._show_error("logo_sha256", _("The picture is larger than 5 MB; please use a "
                                              "smaller one."))
            return False
        try:
            sha, _size = attachments.store_file(path)
        except UserError as exc:
            self._show_error("logo_sha256", exc.text())
            return False
        self.set_logo(sha)
        return True

    # -- saving ---------------------------------------------------------------------------------
    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        if lang and lang != i18n.current_language():
            from ui.qt_i18n import apply_language

            apply_language(QApplication.instance(), lang, bus=self.ctx.bus)

    def _upper_code(self, text: str) -> None:
        edit = self.edits["code"]
        if text != text.upper():
            pos = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(pos)

    def profile(self) -> OfficeProfile:
        """The profile as typed (not yet checked: the service checks it)."""
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        return replace(self.current, municipality_code=self.municipality.currentData(),
                       logo_sha256=self.logo_sha, **values)

    def _show_error(self, field: str | None, text: str | None) -> None:
        label = self.errors.get(field or "", self.general_error)
        label.setText(text or "")
        label.setVisible(bool(text))
        if text:
            fit_height(self)

    def _clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.setVisible(False)

    def save(self) -> None:
        self._clear_errors()
        self.save_button.setEnabled(False)
        profile, db = self.profile(), self.ctx.db
        self.ctx.jobs.run(lambda _progress: save_local_profile(db, profile),
                          on_done=self._saved, on_error=self._failed,
                          label=_("Saving the office profile…"))

    def _saved(self, saved: Saved[OfficeProfile]) -> None:
        self.save_button.setEnabled(True)
        self.ctx.bus.publish(saved.changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_error(exc.field, exc.text())
            widget = self.edits.get(exc.field)
            if widget is not None:
                widget.setFocus()
                widget.selectAll()
        elif isinstance(exc, UserError):
            self._show_error(None, exc.text())
        else:
            from ui.errors import show_error

            show_error(type(exc), exc, exc.__traceback__, logged=True)
