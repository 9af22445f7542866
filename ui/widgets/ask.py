"""Questions and notices to the user, in one place so that tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.i18n import _


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str = "",
            danger: bool = False) -> bool:
    """Ask a yes/no question with buttons that say what they do; True if `yes` was pressed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button if danger else yes_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, _("Tinklas"), text)


def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """A file name to save to, or "" if the user cancelled."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path
