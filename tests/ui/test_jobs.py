"""Jobs: work runs off the GUI thread, results and errors come back on it, cancel stops it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from app.errors import UserError
from ui import jobs as jobs_module
from ui.jobs import Jobs


@pytest.fixture
def jobs(qapp: QApplication) -> Iterator[Jobs]:
    runner = Jobs()
    yield runner
    runner.shutdown()


def test_result_arrives_on_the_gui_thread(qtbot: Any, jobs: Jobs) -> None:
    gui = threading.get_ident()
    seen: dict[str, Any] = {}

    def work(progress: Any) -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_on"] = threading.get_ident()

    jobs.run(work, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["worker"] != gui
    assert seen["done_on"] == gui
    assert not jobs.busy()


def test_jobs_run_one_after_another_in_order(qtbot: Any, jobs: Jobs) -> None:
    order: list[int] = []
    def work(n: int) -> Any:
        def step(progress: Any) -> int:
            time.sleep(0.01)
            return n

        return step

    for n in range(5):
        jobs.run(work(n), on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4]


def test_an_exception_reaches_on_error_and_is_logged(
        qtbot: Any, jobs: Jobs, caplog: pytest.LogCaptureFixture) -> None:
    errors: list[BaseException] = []

    def work(progress: Any) -> None:
        raise ValueError("broken input")

    jobs.run(work, on_done=lambda r: pytest.fail("on_done must not run"),
             on_error=errors.append, label="test job")
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    assert any("broken input" in r.getMessage() and r.levelname == "ERROR"
               for r in caplog.records)


def test_a_user_error_without_on_error_shows_its_text(
        qtbot: Any, jobs: Jobs, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def work(progress: Any) -> None:
        raise UserError("The backup could not be written: {reason}", reason="disk full")

    jobs.run(work, on_done=lambda r: None)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["The backup could not be written: disk full"]


def test_an_unexpected_error_without_on_error_goes_to_the_error_dialog(
        qtbot: Any, jobs: Jobs, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.errors

    shown: list[BaseException] = []
    monkeypatch.setattr(ui.errors, "show_error", lambda t, e, tb, logged=False: shown.append(e))
    jobs.run(lambda _p: 1 / 0, on_done=lambda r: None)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert isinstance(shown[0], ZeroDivisionError)


def test_cancel_stops_the_job(qtbot: Any, jobs: Jobs) -> None:
    started = threading.Event()
    steps: list[int] = []
    outcome: list[str] = []

    def work(progress: Any) -> str:
        started.set()
        for i in range(1000):
            if not progress(i, 1000):
                return "stopped"
            steps.append(i)
            time.sleep(0.005)
        return "finished"

    job = jobs.run(work, on_done=lambda r: outcome.append(f"done:{r}"),
                   on_cancelled=lambda: outcome.append("cancelled"), cancellable=True)
    assert started.wait(5)
    jobs.cancel(job)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]
    assert len(steps) < 1000


def test_progress_dialog_only_for_slow_jobs_and_its_cancel_button(
        qtbot: Any, jobs: Jobs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs_module, "DIALOG_DELAY_MS", 100)
    quick: list[int] = []
    jobs.run(lambda _p: 1, on_done=quick.append, label="quick")
    qtbot.waitUntil(lambda: bool(quick), timeout=5000)
    qtbot.wait(200)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]

    release = threading.Event()
    outcome: list[str] = []

    def slow(progress: Any) -> None:
        while progress(1, 10) and not release.is_set():
            time.sleep(0.01)

    jobs.run(slow, on_done=lambda r: outcome.append("done"),
             on_cancelled=lambda: outcome.append("cancelled"), label="Slow work",
             cancellable=True)

    def dialog() -> QProgressDialog | None:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5000)
    shown = dialog()
    assert shown is not None and shown.labelText() == "Slow work"
    qtbot.waitUntil(lambda: shown.maximum() == 10, timeout=5000)
    qtbot.mouseClick(shown.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]
    qtbot.waitUntil(lambda: dialog() is None, timeout=5000)


def test_run_sync_and_synchronous_mode(qapp: QApplication) -> None:
    runner = Jobs(synchronous=True)
    results: list[Any] = []
    runner.run(lambda _p: threading.get_ident(), on_done=results.append)
    runner.run_sync(lambda _p: "sync", on_done=results.append)
    runner.run_sync(lambda _p: [][1], on_done=results.append, on_error=results.append)
    assert results[0] == threading.get_ident()
    assert results[1] == "sync"
    assert isinstance(results[2], IndexError)
    runner.shutdown()  # nothing started: a no-op


def test_shutdown_waits_for_the_running_job(qtbot: Any, qapp: QApplication) -> None:
    runner = Jobs()
    finished = threading.Event()

    def work(progress: Any) -> None:
        time.sleep(0.2)
        finished.set()

    runner.run(work, on_done=lambda r: None)
    runner.shutdown()
    assert finished.is_set()
    assert not runner.busy()
