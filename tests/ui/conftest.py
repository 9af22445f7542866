"""Fixtures the UI tests share; `db`, `office_db` and the temporary folders come from
tests/conftest.py, `qapp` and `qtbot` from pytest-qt.

`ctx` is an AppContext over `db` whose jobs run at once (synchronous). A module (or a test) that
wants another one says so with a marker, e.g. `pytestmark = pytest.mark.ctx(office=True,
synchronous=False)`: over `office_db`, jobs on a worker thread.

`answers` is not autouse (the other modules would have their questions answered too): a module
that wants every question answered asks for it with `pytestmark =
pytest.mark.usefixtures("answers")`; test_case_drafts.py has an `answers` of its own.

Helpers that are not fixtures (`show`, `type_text`, `click_row`, ...) are in helpers.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app import i18n
from app.db import Database
from tests.ui.helpers import app_context
from ui import qt_i18n
from ui.bus import Bus
from ui.context import AppContext
from ui.widgets import ask


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "ctx(office=False, synchronous=True): the `ctx` fixture over `office_db` "
        "instead of `db`, with its jobs on a worker thread unless synchronous")


@pytest.fixture
def ctx(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[AppContext]:
    """An AppContext over `db` (`office_db` with the `ctx(office=True)` marker) and a new Bus;
    its jobs are shut down after the test."""
    marker = request.node.get_closest_marker("ctx")
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    db: Database = request.getfixturevalue("office_db" if options.get("office") else "db")
    with app_context(db, synchronous=options.get("synchronous", True)) as context:
        yield context


@pytest.fixture
def pseudo_ctx(qapp: QApplication, office_db: Database) -> Iterator[AppContext]:
    """`ctx` in the stretched pseudo-language (Qt's own strings too); English again after."""
    bus = Bus()
    qt_i18n.apply_language(qapp, i18n.PSEUDO, bus=bus, save=False)
    with app_context(office_db, bus=bus) as context:
        yield context
    qt_i18n.apply_language(qapp, "en", save=False)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every question "yes" (closing a form at teardown asks too), take every warning,
    and remember the texts of both; a test may answer otherwise with its own monkeypatch."""
    asked: list[str] = []

    def confirm(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(ask, "confirm", confirm)
    monkeypatch.setattr(ask, "warn", lambda _p, text: asked.append(text))
    return asked
