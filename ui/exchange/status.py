"""The count of open conflicts in the main window's status bar: hidden at zero, a click opens
the inbox. It refreshes when the bus says something changed (an import, a resolution)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from app.i18n import _, ngettext
from app.services.conflict_count import open_count
from ui.context import AppContext


class ConflictsIndicator(QPushButton):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts_indicator")
        self.setFlat(True)
        self.setStyleSheet("QPushButton { color: #a40000; font-weight: bold; padding: 0 6px; }")
        self.ctx = ctx
        self.count = 0
        self.clicked.connect(self.open_inbox)
        ctx.bus.changed.connect(self.refresh)
        ctx.bus.language_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        try:
            self.count = open_count(self.ctx.db)
        except Exception:  # noqa: BLE001 - a status bar must never break the window
            self.count = 0
        self.setText(
            ngettext("{n} conflict to review", "{n} conflicts to review", self.count).format(
                n=self.count
            )
        )
        self.setToolTip(_("Open the conflicts inbox"))
        self.setVisible(self.count > 0)

    def open_inbox(self) -> None:
        from ui.exchange.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.ctx, self.window())
        dialog.exec()
        dialog.deleteLater()
        self.refresh()
