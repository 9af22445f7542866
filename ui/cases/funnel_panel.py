"""The funnel figures for an office and a period, as a table with the totals under it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.services.case_funnel import HEADERS, Funnel, figure_rows, funnel, stage_row
from app.services.listers.common import offices
from ui.context import AppContext
from ui.widgets import ask
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit


class FunnelPanel(QWidget):
    def __init__(self, ctx: AppContext, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.result: Funnel | None = None
        self.office = CodeCombo(self)
        self.office.setObjectName("funnel_office")
        self.start, self.end = DateEdit("start", self), DateEdit("end", self)
        self.start.set_date(dt.date(today().year, 1, 1))
        self.end.set_date(today())
        self.show_button, self.xlsx_button, self.pdf_button = (QPushButton(self)
                                                               for _i in range(3))
        self.show_button.clicked.connect(self.reload)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.labels = [QLabel(self) for _i in range(4)]
        bar = QHBoxLayout()
        for label, widget in zip(self.labels[:3], (self.office, self.start, self.end),
                                 strict=True):
            bar.addWidget(label)
            bar.addWidget(widget)
        for button in (self.show_button, self.xlsx_button, self.pdf_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("funnel_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.figures = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.table)
        layout.addWidget(self.labels[3])
        layout.addLayout(self.figures)
        layout.addStretch(1)
        self.error.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.office.set_choices(offices(self.ctx.db), blank=_("All offices"))
        for label, msgid in zip(self.labels, (N_("Office:"), N_("Cases opened from:"),
                                              N_("to:"), N_("Results")), strict=True):
            label.setText(_(msgid))
        font = self.labels[3].font()
        font.setBold(True)
        self.labels[3].setFont(font)
        self.show_button.setText(_("Show"))
        self.xlsx_button.setText(_("Export to XLSX…"))
        self.pdf_button.setText(_("Export to PDF…"))
        self.note.setText(_("The cases opened in the period, and how far each has got to date. "
                            "Conversion is the share of the previous stage's cases; days in a "
                            "stage count the cases that have left it."))
        self.start.retranslate()
        self.end.retranslate()
        if self.result is not None:
            self._show(self.result)

    def compute(self) -> Funnel:
        start, end = self.start.date(), self.end.date()
        if start is None or end is None or end < start:
            raise UserError(N_("Enter a period whose end is not before its start."))
        return funnel(self.ctx.db, start, end, self.office.code())

    def reload(self) -> None:
        self.error.setVisible(False)
        try:
            self.result = self.compute()
        except UserError as exc:
            self.error.setText(exc.text())
            self.error.setVisible(True)
            return
        self._show(self.result)

    def _show(self, f: Funnel) -> None:
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setRowCount(len(f.stages))
        for r, stage in enumerate(f.stages):
            for c, text in enumerate(stage_row(stage)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        height = 2 * self.table.frameWidth() + self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(height + sum(self.table.rowHeight(r)
                                               for r in range(self.table.rowCount())))
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for name, value in figure_rows(f):
            self.figures.addRow(_("{label}:").format(label=name), QLabel(value, self))

    def export(self, fmt: str) -> None:
        from app.exports.funnel import export_funnel, suggested_name

        try:
            result = self.compute()
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        title = _("Export the funnel figures")
        filters = _("Excel workbook (*.xlsx)") if fmt == "xlsx" else _("PDF document (*.pdf)")
        path = ask.save_path(self, title, suggested_name(result, fmt), filters)
        if not path:
            return
        try:
            export_funnel(self.ctx.db, result, path, fmt)
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        self.ctx.bus.status_message.emit(_("Saved {path}.").format(path=path))
