"""`tinklas screenshots`: every main tab and the shell's dialogs rendered to PNG files.

Used for the manual, for reviewing translations (each language, and the stretched pseudo
language `xx`, shows where a text is clipped) and by the tests. Works on an empty database:
the tabs then show their empty states.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ui.context import AppContext

log = logging.getLogger(__name__)


def needs_offscreen() -> bool:
    """True on a Linux machine without a display (a server, CI): Qt must draw offscreen."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def offscreen_platform() -> str:
    """Qt's offscreen platform with a 1920x1200 screen (its default of 800x600 shrinks dialogs
    to fit, which hides how they really look)."""
    from app.paths import resource_path

    return f"offscreen:configfile={resource_path('qt', 'offscreen-screen.json')}"


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise ValueError(text)
    return int(match.group(1)), int(match.group(2))


def _slug(obj: object) -> str:
    name = type(obj).__name__
    for suffix in ("Tab", "Dialog"):
        name = name.removesuffix(suffix)
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower() or "tab"


def render_all(out_dir: Path, *, lang: str | None = None, db: str | Path | None = None,
               size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """Render the main window on each tab, then the dialogs; return the PNG files written."""
    if needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform()
    from app.settings import load_settings
    from ui.bus import Bus
    from ui.jobs import Jobs
    from ui.launch import choose_language, create_app, database_path
    from ui.qt_i18n import apply_language

    app = create_app()
    lang = choose_language(load_settings(), lang)
    bus = Bus()
    apply_language(app, lang, bus=bus, save=False)

    from app.db import Database
    from ui.main_window import MainWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    database = Database.open(database_path(load_settings(), db))
    jobs = Jobs(synchronous=True)  # the picture must show finished work, not a spinner
    ctx = AppContext(database, bus, jobs)
    written: list[Path] = []

    def save(widget: QWidget, number: int, name: str) -> None:
        QApplication.processEvents()
        path = out_dir / f"{number:02d}-{name}-{lang}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    try:
        window = MainWindow(ctx, remember=False)
        window.resize(*size)
        window.show()
        for index, tab in enumerate(window.area_tabs):
            window.tabs.setCurrentIndex(index)
            tab.refresh()
            _select_first_row(tab)
            save(window, index + 1, _slug(tab))
        for number, (name, make) in enumerate(_dialogs(ctx, window),
                                              start=len(window.area_tabs) + 1):
            dialog = make()
            dialog.show()
            dialog.adjustSize()
            save(dialog, number, name)
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    finally:
        jobs.shutdown()
        database.dispose()
    return written


def _select_first_row(tab: QWidget) -> None:
    """Show a record's detail too, as a person would after clicking the first row."""
    from ui.lists.list_panel import ListPanel

    for panel in tab.findChildren(ListPanel):
        if panel.isVisible() and panel.model.rowCount():
            panel.table.selectRow(0)
            panel.table.setCurrentIndex(panel.model.index(0, 0))
            break


def _dialogs(ctx: AppContext, window: QWidget) -> list[tuple[str, Callable[[], QWidget]]]:
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.office_profile import OfficeProfileDialog
    from ui.dialogs.settings_dialog import SettingsDialog

    path = ctx.db.path or ctx.db.url
    return [
        ("first-run", lambda: OfficeProfileDialog(ctx, window, first_run=True)),
        ("office-profile", lambda: OfficeProfileDialog(ctx, window)),
        ("settings", lambda: SettingsDialog(ctx, window)),
        ("about", lambda: AboutDialog(path, window)),
    ]
