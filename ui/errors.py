"""The last line of defence: log every unexpected error and tell the person in plain words.

The dialog says what happened, where the log file is, and that what they typed is still in the
open window: nothing is closed, so no entered data is lost. Errors raised on other threads are
passed to the GUI thread by a queued signal, because widgets may only be touched there.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, ngettext
from app.logs import log_file

log = logging.getLogger("tinklas.errors")

_dialog: ErrorDialog | None = None
_relay: _Relay | None = None
_showing = False


def open_folder(path: Any) -> bool:
    """Open a folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    from ui.dialogs.about import app_version

    lines = traceback.format_exception(exc_type, exc, tb)
    head = (f"Tinklas {app_version()}, Python {platform.python_version()}, "
            f"{platform.platform()}\n")
    return head + "".join(lines)


class ErrorDialog(QDialog):
    """One dialog at a time; further errors while it is open are added to its details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle(_("Something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.count = 0

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumWidth(420)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)

        buttons = QDialogButtonBox(self)
        self.show_details = QPushButton(_("Show details"), self)
        self.show_details.setCheckable(True)
        self.show_details.toggled.connect(self._toggle_details)
        self.copy = QPushButton(_("Copy details"), self)
        self.copy.setObjectName("copy_details")
        self.copy.clicked.connect(self.copy_details)
        self.open_log = QPushButton(_("Open the log folder"), self)
        self.open_log.setObjectName("open_log_folder")
        self.open_log.clicked.connect(lambda: open_folder(log_file().parent))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        close.setDefault(True)
        for button in (self.show_details, self.copy, self.open_log):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add(self, summary: str, details: str) -> None:
        self.count += 1
        if self.count == 1:
            what = _("Tinklas ran into a problem it did not expect and could not finish what "
                     "it was doing.")
        else:
            what = ngettext("Tinklas ran into {count} problem it did not expect. The last one:",
                            "Tinklas ran into {count} problems it did not expect. The last one:",
                            self.count).format(count=self.count)
        self.message.setText(
            "<p>{}<br><small>{}</small></p><p>{}</p><p>{}</p>".format(
                _html(what), _html(summary),
                _html(_("What you entered is still in the open window. Check it, then try "
                        "again; if the problem comes back, copy what you typed somewhere "
                        "safe.")),
                _html(_("The details are in the log file {path}. If you ask for help, send "
                        "that file or press “Copy details”.").format(path=log_file())),
            ))
        previous = self.details.toPlainText()
        self.details.setPlainText(f"{previous}\n{details}".strip() if previous else details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.show_details.setText(_("Hide details") if on else _("Show details"))
        self.adjustSize()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _summary(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return _("the computer ran out of memory.")
    if isinstance(exc, OSError):
        return _("a file could not be read or written ({reason}).").format(
            reason=exc.strerror or exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def current_dialog() -> ErrorDialog | None:
    try:
        return _dialog if _dialog is not None and _dialog.isVisible() else None
    except RuntimeError:  # its C++ side is gone
        return None


def show_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               *, logged: bool = False) -> None:
    """Log (unless already logged) and show the error; call on the GUI thread only."""
    global _dialog, _showing
    if not logged:
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _showing:  # no GUI yet, or the dialog itself failed
        return
    _showing = True
    try:
        if isinstance(exc, UserError):
            QMessageBox.warning(QApplication.activeWindow(), _("Tinklas"), exc.text())
            return
        if current_dialog() is None:
            # No parent: closing the window that was active must not take the report with it.
            _dialog = ErrorDialog()
        assert _dialog is not None
        _dialog.add(_summary(exc), _details(exc_type, exc, tb))
        _dialog.show()
        _dialog.raise_()
        _dialog.activateWindow()
    except Exception:  # noqa: BLE001 - never raise from the error handler itself
        log.exception("could not show the error dialog")
    finally:
        _showing = False


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries errors from other threads there."""

    raised = Signal(object, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, exc_type: Any, exc: Any, tb: Any) -> None:
        show_error(exc_type, exc, tb, logged=True)


def _on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, UserError):
        log.info("not handled: %s", exc)
    else:
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if _on_gui_thread():
        show_error(exc_type, exc, tb, logged=True)
    elif _relay is not None:
        _relay.raised.emit(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook() -> None:
    """Call once, on the GUI thread, after the QApplication exists."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook
