"""What the exchange dialogs share: file choosers (one place, so tests can answer them), the
remembered folder, and the change that an import publishes on the bus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QWidget

from app.errors import UserError
from app.i18n import _
from app.paths import config_dir
from app.services import results
from app.services.conflicts import CONFLICTS
from app.services.results import Changes
from ui.jobs import Jobs, Progress

FILE_PATTERN = "*.tinklas"
INVITATION_PATTERN = "*.tinklas-invite"

# An import can touch anything: every tab refreshes, and the conflicts count with them.
EVERYTHING = Changes.of(
    results.PEOPLE,
    results.ORGANISATIONS,
    results.ROLES,
    results.CONSENTS,
    results.OFFICES,
    results.EVENTS,
    results.CERTIFICATES,
    results.NETWORKS,
    results.CASES,
    results.RUNS,
    results.REFERENCE,
    CONFLICTS,
)


def _store() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def last_folder() -> str:
    value = _store().value("exchange/folder", "")
    folder = str(value) if value else ""
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(path: str | Path) -> None:
    p = Path(path)
    store = _store()
    store.setValue("exchange/folder", str(p if p.is_dir() else p.parent))
    store.sync()


def choose_folder(parent: QWidget | None, title: str, start: str) -> str:
    """A folder, or "" if the user cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start)


def choose_files(parent: QWidget | None, title: str, start: str) -> list[str]:
    paths, _selected = QFileDialog.getOpenFileNames(
        parent, title, start, _("Tinklas exchange files ({patterns})").format(patterns=FILE_PATTERN)
    )
    return list(paths)


def choose_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _selected = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def choose_save(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def wrapped_label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class JobDialog(QDialog):
    """A dialog that runs its work through ctx.jobs and cannot be closed while the work runs
    (its callbacks update it afterwards)."""

    busy = False

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def run_job(
        self,
        jobs: Jobs,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        label: str = "",
        cancellable: bool = False,
    ) -> None:
        def done(result: Any) -> None:
            self.busy = False
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, UserError):
                QMessageBox.warning(self, _("Tinklas"), exc.text())
            else:
                from ui.errors import show_error

                show_error(type(exc), exc, exc.__traceback__, logged=True)

        def cancelled() -> None:
            self.busy = False
            if on_cancelled is not None:
                on_cancelled()

        self.busy = True
        jobs.run(
            fn,
            on_done=done,
            on_error=failed,
            on_cancelled=cancelled,
            label=label,
            cancellable=cancellable,
        )
