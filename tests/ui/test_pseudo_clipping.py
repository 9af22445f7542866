"""In the stretched pseudo-language no button, label, check box or combo of the main window's
tabs (and the shell's dialogs) is cut off: the layouts make room instead of clipping."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.clipping import clipped
from ui.context import AppContext


def test_main_tabs_do_not_clip_in_the_pseudo_language(
        qtbot: Any, qapp: QApplication, pseudo_ctx: AppContext) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(pseudo_ctx, remember=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    found: list[str] = []
    for index, tab in enumerate(window.area_tabs):
        window.tabs.setCurrentIndex(index)
        tab.refresh()
        qapp.processEvents()
        found += [f"{type(tab).__name__}: {c}" for c in clipped(window)]
    assert found == []


@pytest.mark.parametrize("name", ["first-run", "office-profile", "about"])
def test_shell_dialogs_do_not_clip_in_the_pseudo_language(
        qtbot: Any, qapp: QApplication, pseudo_ctx: AppContext, name: str) -> None:
    from ui.screenshots import _dialogs

    make = dict(_dialogs(pseudo_ctx, None))[name]  # type: ignore[arg-type]
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    qapp.processEvents()
    assert clipped(dialog) == []


def test_the_detector_sees_a_clipped_button(qtbot: Any) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    QHBoxLayout(holder)
    button = QPushButton("A rather long text for a small button", holder)
    holder.show()
    button.setGeometry(0, 0, 40, 20)
    assert len(clipped(holder)) == 1
