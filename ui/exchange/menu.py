"""Opening the Exchange menu's dialogs (the main window only connects its actions here)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ui.context import AppContext


def open_exchange_dialog(name: str, ctx: AppContext, parent: QWidget | None) -> QDialog:
    """Show one of: export, import, history, conflicts, keys (modal); return the dialog."""
    if name == "export":
        from ui.exchange.export_dialog import ExportDialog as Dialog
    elif name == "import":
        from ui.exchange.import_dialog import ImportDialog as Dialog  # type: ignore[assignment]
    elif name == "history":
        from ui.exchange.history_dialog import HistoryDialog as Dialog  # type: ignore[assignment]
    elif name == "conflicts":
        from ui.exchange.conflicts_dialog import (  # type: ignore[assignment]
            ConflictsDialog as Dialog,
        )
    elif name == "keys":
        from ui.exchange.keys_dialog import KeysDialog as Dialog  # type: ignore[assignment]
    else:
        raise ValueError(name)
    dialog = Dialog(ctx, parent)
    dialog.exec()
    dialog.deleteLater()  # a child of the main window: not kept after it is closed
    return dialog
