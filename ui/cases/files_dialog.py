"""The files attached to a case: add (business plan, registration certificate...), open, remove."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.i18n.formats import format_datetime, format_number
from app.services import case_files
from app.services.case_files import KINDS, CaseFile
from ui.context import AppContext
from ui.widgets import ask
from ui.widgets.code_combo import CodeCombo

HEADERS = (N_("What"), N_("File"), N_("Size"), N_("Added"))


class FilesDialog(QDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.files: list[CaseFile] = []
        self.setWindowTitle(_("Files of the case"))
        self.resize(640, 320)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("files_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_current())
        self.empty = QLabel(_("No files attached yet. Add the business plan, the registration "
                              "certificate or other documents of the case."), self)
        self.empty.setWordWrap(True)
        self.kind = CodeCombo(self)
        self.kind.set_choices([(k, _(v)) for k, v in KINDS.items()])
        add = QPushButton(_("Add a file…"), self)
        add.setObjectName("add_file")
        add.clicked.connect(self.choose_and_add)
        self.open_button = QPushButton(_("Open"), self)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        bar = QHBoxLayout()
        for w in (self.kind, add, self.open_button, self.remove_button):
            bar.addWidget(w)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.files = case_files.case_files(self.ctx.db, self.case_id)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setRowCount(len(self.files))
        for r, f in enumerate(self.files):
            size = _("{n} KB").format(n=format_number(max(1, round(f.size / 1024))))
            name = f.filename if f.here else _("{name} (not on this computer)").format(
                name=f.filename)
            for c, text in enumerate((_(KINDS.get(f.kind, f.kind)), name, size,
                                      format_datetime(f.added))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.files)
        self.table.setVisible(bool(self.files))
        self.open_button.setEnabled(bool(self.files))
        self.remove_button.setEnabled(bool(self.files))

    def add(self, path: str) -> bool:
        try:
            saved = case_files.attach(self.ctx.db, self.case_id, path, self.kind.code() or "")
        except UserError as exc:
            ask.warn(self, exc.text())
            return False
        self.ctx.bus.publish(saved.changes)
        self.reload()
        return True

    def choose_and_add(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, _("Attach a file to the case"))
        if path:
            self.add(path)

    def _current(self) -> CaseFile | None:
        row = self.table.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    def open_current(self) -> None:
        f = self._current()
        if f is None:
            return
        try:
            path = case_files.readable_copy(self.ctx.db, f.id)
        except (UserError, OSError) as exc:
            ask.warn(self, exc.text() if isinstance(exc, UserError) else str(exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ask.warn(self, _("No program to open this file was found. It is at {path}.").format(
                path=path))

    def remove_current(self) -> None:
        f = self._current()
        if f is None or not ask.confirm(self, _("Remove the file"),
                                        _("Remove {name} from the case?").format(name=f.filename),
                                        _("Remove"), danger=True):
            return
        self.ctx.bus.publish(case_files.remove(self.ctx.db, f.id))
        self.reload()
