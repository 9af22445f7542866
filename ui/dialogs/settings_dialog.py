"""File > Settings…: language, proposal deadlines, attendance sheets, duplicate warnings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.i18n import _, ngettext
from app.settings import Settings, load_settings, save_settings
from ui.context import AppContext
from ui.dialogs import fit_height


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.ctx = ctx
        self.original = load_settings()

        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for lang in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_NAMES[lang], lang)
        current = self.original.language or i18n.current_language()
        self.language.setCurrentIndex(max(0, self.language.findData(current)))

        self.response_days = QSpinBox(self)
        self.response_days.setObjectName("response_days")
        self.response_days.setRange(1, 365)
        self.response_days.setValue(self.original.response_due_working_days)
        self.response_days.valueChanged.connect(self._update_suffix)
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setObjectName("blank_rows")
        self.blank_rows.setRange(0, 100)
        self.blank_rows.setValue(self.original.sheet_blank_rows)
        self.duplicates = QCheckBox(self)
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setChecked(self.original.check_duplicates_as_you_type)

        self.form = QFormLayout()
        self.labels = [QLabel(self) for _i in range(3)]
        self.form.addRow(self.labels[0], self.language)
        self.form.addRow(self.labels[1], self.response_days)
        self.form.addRow(self.labels[2], self.blank_rows)
        self.form.addRow(self.duplicates)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        ctx.bus.language_changed.connect(self.retranslate)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        fit_height(self)

    def retranslate(self, *_args: object) -> None:
        self.setWindowTitle(_("Settings"))
        self.labels[0].setText(_("Language:"))
        self.labels[1].setText(_("Response deadline for proposals:"))
        self.labels[2].setText(_("Blank rows on attendance sheets:"))
        self._update_suffix()
        self.duplicates.setText(_("Warn about possible duplicates while typing a name"))
        self.hint.setText(_(
            "The response deadline is counted from the day a proposal is registered at the "
            "institution; 20 working days is the usual term in Lithuanian public "
            "administration. Blank rows are printed after the registered participants, for "
            "people who come without registering."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def _update_suffix(self, *_args: object) -> None:
        days = self.response_days.value()
        self.response_days.setSuffix(" " + ngettext("working day", "working days", days))

    def chosen(self) -> Settings:
        return replace(
            load_settings(),  # fields this dialog does not show keep their latest values
            language=self.language.currentData(),
            response_due_working_days=self.response_days.value(),
            sheet_blank_rows=self.blank_rows.value(),
            check_duplicates_as_you_type=self.duplicates.isChecked(),
        )

    def accept(self) -> None:
        settings = self.chosen()
        save_settings(settings)
        super().accept()
        if settings.language and settings.language != i18n.current_language():
            from ui.qt_i18n import apply_language

            apply_language(QApplication.instance(), settings.language, bus=self.ctx.bus)
