"""Database work off the GUI thread: one worker thread, results back by signal.

`Jobs.run(fn, on_done=...)` queues `fn(progress)` on the worker. `fn` is plain Qt-free code: it
gets `progress(done, total) -> bool` and stops early when that returns False (the user pressed
Cancel). Its result, or its exception, comes back to the GUI thread, where `on_done` or
`on_error` run. A progress dialog appears only when a job takes longer than half a second.
Errors are always logged; with no `on_error` a UserError is shown as its message and anything
else goes to the error dialog (ui/errors.py).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from app.errors import UserError
from app.i18n import _

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
DIALOG_DELAY_MS = 500
_PROGRESS_INTERVAL = 0.05  # seconds between progress signals; a tight loop must not flood Qt


@dataclass
class _Job:
    id: int
    fn: Callable[[Progress], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None
    label: str
    cancellable: bool
    cancel: threading.Event = field(default_factory=threading.Event)
    last_emit: float = 0.0
    dialog: QProgressDialog | None = None


class _Worker(QThread):
    """Runs queued jobs one after another; signals cross back to the GUI thread (queued)."""

    job_started = Signal(int)
    finished_ok = Signal(int, object)
    failed = Signal(int, object, str)
    progressed = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tinklas-jobs")
        self.inbox: queue.Queue[_Job | None] = queue.Queue()

    def run(self) -> None:
        threading.current_thread().name = "jobs"
        while True:
            job = self.inbox.get()
            if job is None:
                return
            self.job_started.emit(job.id)
            try:
                result = job.fn(self._progress_for(job))
            except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread, not swallowed
                self.failed.emit(job.id, exc, traceback.format_exc())
            else:
                self.finished_ok.emit(job.id, result)

    def _progress_for(self, job: _Job) -> Progress:
        def progress(done: int, total: int) -> bool:
            now = time.monotonic()
            if now - job.last_emit >= _PROGRESS_INTERVAL or done >= total:
                job.last_emit = now
                self.progressed.emit(job.id, int(done), int(total))
            return not job.cancel.is_set()

        return progress


class Jobs(QObject):
    """The one place database work is started from the UI."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous  # tests of tabs may ask for jobs that finish at once
        self.window: QWidget | None = None
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._worker: _Worker | None = None
        self._running: int | None = None  # the job on the worker now
        # One timer for the running job: the dialog counts from when the job starts, not
        # from when it was queued behind others.
        self._dialog_timer = QTimer(self, singleShot=True)
        self._dialog_timer.timeout.connect(lambda: self._show_dialog(self._running))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- starting ---------------------------------------------------------------------------
    def run(self, fn: Callable[[Progress], Any], *, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None,
            on_cancelled: Callable[[], None] | None = None, label: str = "",
            cancellable: bool = False) -> int:
        """Queue `fn` on the worker; return the job's id (for `cancel`)."""
        job = _Job(next(self._ids), fn, on_done, on_error, on_cancelled, label, cancellable)
        if self.synchronous:
            self._run_now(job)
            return job.id
        worker = self._ensure_worker()
        self._jobs[job.id] = job
        worker.inbox.put(job)
        return job.id

    def run_sync(self, fn: Callable[[Progress], Any], *, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None, label: str = "",
                 cancellable: bool = False) -> int:
        """Run `fn` now on the calling thread, with the same callbacks (tests, tiny jobs)."""
        job = _Job(next(self._ids), fn, on_done, on_error, on_cancelled, label, cancellable)
        self._run_now(job)
        return job.id

    def cancel(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job.cancel.set()

    def busy(self) -> bool:
        return bool(self._jobs)

    def shutdown(self, wait_ms: int = 30_000) -> None:
        """Let the running job finish (a write is never cut off), drop the queued ones."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        for job in self._jobs.values():
            job.cancel.set()
        worker.inbox.put(None)
        if not worker.wait(wait_ms):
            log.error("the worker thread did not stop within %d ms", wait_ms)
        for job_id in list(self._jobs):
            self._finish(job_id)

    # -- internals ----------------------------------------------------------------------------
    def _ensure_worker(self) -> _Worker:
        if self._worker is None:
            self._worker = _Worker(self)
            self._worker.job_started.connect(self._on_started)
            self._worker.finished_ok.connect(self._on_finished)
            self._worker.failed.connect(self._on_failed)
            self._worker.progressed.connect(self._on_progress)
            self._worker.start()
        return self._worker

    def _run_now(self, job: _Job) -> None:
        try:
            result = job.fn(lambda done, total: not job.cancel.is_set())
        except BaseException as exc:  # noqa: BLE001 - handed to _report
            self._report(job, exc, traceback.format_exc())
        else:
            self._deliver(job, result)

    def _finish(self, job_id: int) -> _Job | None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return None
        if self._running == job_id:
            self._running = None
            self._dialog_timer.stop()
        if job.dialog is not None:
            job.dialog.hide()
            job.dialog.deleteLater()
            job.dialog = None
        if not self._jobs:
            self.idle.emit()
        return job

    def _on_started(self, job_id: int) -> None:
        if job_id in self._jobs:
            self._running = job_id
            self._dialog_timer.start(DIALOG_DELAY_MS)

    def _on_finished(self, job_id: int, result: Any) -> None:
        job = self._finish(job_id)
        if job is not None:
            self._deliver(job, result)

    def _on_failed(self, job_id: int, exc: BaseException, details: str) -> None:
        job = self._finish(job_id)
        if job is not None:
            self._report(job, exc, details)

    def _deliver(self, job: _Job, result: Any) -> None:
        if job.cancel.is_set():
            log.info("job %r cancelled", job.label)
            if job.on_cancelled is not None:
                job.on_cancelled()
            return
        job.on_done(result)

    def _report(self, job: _Job, exc: BaseException, details: str) -> None:
        if isinstance(exc, UserError):
            log.info("job %r refused: %s", job.label, exc)
        else:
            log.error("job %r failed:\n%s", job.label, details.rstrip())
        if job.on_error is not None:
            job.on_error(exc)
        elif isinstance(exc, UserError):
            QMessageBox.warning(self._parent_widget(), _("Tinklas"), exc.text())
        else:
            from ui.errors import show_error

            show_error(type(exc), exc, exc.__traceback__, logged=True)

    def _parent_widget(self) -> QWidget | None:
        return QApplication.activeWindow() or self.window

    def _show_dialog(self, job_id: int | None) -> None:
        job = self._jobs.get(job_id) if job_id is not None else None
        if job is None or job.dialog is not None:
            return
        dialog = QProgressDialog(self._parent_widget())
        dialog.setWindowTitle(_("Tinklas"))
        dialog.setLabelText(job.label or _("Working…"))
        dialog.setRange(0, 0)  # busy indicator until the first progress report
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        if job.cancellable:
            dialog.setCancelButtonText(_("Cancel"))
            dialog.canceled.connect(lambda: self._cancel_from_dialog(job.id))
        else:
            dialog.setCancelButton(None)
        job.dialog = dialog
        dialog.show()

    def _cancel_from_dialog(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return
        job.cancel.set()
        if job.dialog is not None:
            job.dialog.setLabelText(_("Stopping…"))
            job.dialog.show()  # stays up until the job has really stopped

    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._jobs.get(job_id)
        if job is None or job.dialog is None:
            return
        if total > 0:
            job.dialog.setRange(0, total)
            job.dialog.setValue(min(done, total))
