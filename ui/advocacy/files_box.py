"""The documents of a step or the scan of a publication: attach, open, remove.

Changes here are saved at once (a file is not part of the form's draft)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.services.run_files import attach_file, files_of, readable_copy, remove_file
from ui.context import AppContext
from ui.widgets import ask


class FilesBox(QWidget):
    def __init__(self, ctx: AppContext, owner_table: str, owner_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.owner_table, self.owner_id = ctx, owner_table, owner_id
        self.setObjectName("files")
        self.list = QListWidget(self)
        self.list.setFixedHeight(72)
        self.list.setToolTip(_("Double-click a file to open it"))
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.attach_button = QPushButton(_("Attach…"), self)
        self.attach_button.clicked.connect(lambda: self.choose())
        self.remove_button = QPushButton(_("Remove file"), self)
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for f in files_of(self.ctx.db, self.owner_table, self.owner_id):
            text = f.filename if f.here else _("{name} (at another office)").format(
                name=f.filename)
            item = QListWidgetItem(text, self.list)
            item.setData(256, f.id)
        self.remove_button.setEnabled(self.list.count() > 0)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Attach a document"))
        if path:
            self.attach(path)

    def attach(self, path: str) -> bool:
        try:
            saved = attach_file(self.ctx.db, self.owner_table, self.owner_id, path)
        except UserError as exc:
            ask.warn(self, exc.text())
            return False
        self.ctx.bus.publish(saved.changes)
        self.reload()
        return True

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def open_selected(self) -> None:
        attachment_id = self._selected()
        if attachment_id is None:
            return
        try:
            path = readable_copy(self.ctx.db, attachment_id)
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self, confirmed: bool = False) -> bool:
        attachment_id = self._selected()
        if attachment_id is None:
            return False
        if not confirmed and not ask.confirm(self, _("Remove"), _(
                "Remove this file from the record?"), _("Remove"), danger=True):
            return False
        self.ctx.bus.publish(remove_file(self.ctx.db, attachment_id))
        self.reload()
        return True
