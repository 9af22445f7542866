"""Print attendance sheet…: which session (or none), the sheet's language, blank rows; then the
sheet is made in the background and shown in the PDF preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.i18n.formats import format_short_date
from app.services import event_editing
from app.settings import load_settings
from ui.context import AppContext
from ui.trainings import labels
from ui.trainings.panel_base import safe_file_name
from ui.widgets import ask

if TYPE_CHECKING:
    from ui.trainings.pdf_preview import PdfPreview


class SheetDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: str, session_number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheet_dialog")
        self.ctx = ctx
        self.event_id = event_id
        self.preview: PdfPreview | None = None
        self.event_data = event_editing.get_event_data(ctx.db, event_id)
        self.session = QComboBox(self)
        self.session.setObjectName("session")
        # "No session (the event as a whole)" and "Session 3, 12.11.2026: topic" must be read
        # whole: the dialog grows with the longest choice.
        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language = QComboBox(self)
        self.language.setObjectName("sheet_language")
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setObjectName("blank_rows")
        self.blank_rows.setRange(0, 100)
        self.blank_rows.setValue(load_settings().sheet_blank_rows)
        self.labels = [QLabel(self) for _i in range(3)]
        form = QFormLayout()
        for label, widget in zip(self.labels, (self.session, self.language, self.blank_rows),
                                 strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate(session_number)

    def retranslate(self, session_number: int | None = None) -> None:
        self.setWindowTitle(_("Print attendance sheet"))
        for label, text in zip(self.labels, (_("Session:"), _("Language of the sheet:"),
                                             _("Blank rows for walk-ins:")), strict=True):
            label.setText(text)
        self.session.clear()
        self.session.addItem(_("No session (the event as a whole)"), None)
        for s in event_editing.sessions(self.ctx.db, self.event_id):
            text = _("Session {n}, {date}").format(n=s.number, date=format_short_date(s.date))
            self.session.addItem(f"{text}: {s.topic}" if s.topic else text, s.number)
        if session_number is not None:
            self.session.setCurrentIndex(max(0, self.session.findData(session_number)))
        self.language.clear()
        for code, name in labels.languages(labels.SHEET_LANGS):
            self.language.addItem(name, code)
        lang = self.event_data.language if self.event_data.language in labels.SHEET_LANGS else "lt"
        self.language.setCurrentIndex(self.language.findData(lang))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Preview"))

    def make(self) -> None:
        from app.services import printing  # reportlab loads when first needed

        number = self.session.currentData()
        lang = self.language.currentData() or "lt"
        blank = self.blank_rows.value()
        name = _("attendance sheet {code}").format(code=self.event_data.code)
        if number is not None:
            name = _("{name} session {n}").format(name=name, n=number)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # one sheet at a time
        self.ctx.jobs.run(
            lambda _p: printing.attendance_sheet_pdf(self.ctx.db, self.event_id, number, lang,
                                                     blank),
            on_done=lambda data: self._show(data, name),
            on_error=lambda exc: self._failed(exc),
            label=_("Making the attendance sheet…"))

    def _failed(self, exc: BaseException) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, UserError):
            ask.warn(self, exc.text())
        else:
            from ui.errors import show_error

            show_error(type(exc), exc, exc.__traceback__, logged=True)

    def _show(self, data: bytes, name: str) -> None:
        from ui.trainings.pdf_preview import show_pdf

        self.preview = show_pdf(data, _("Attendance sheet"), safe_file_name(name),
                                self.parentWidget())
        self.accept()
