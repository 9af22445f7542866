"""Starting the desktop app: application object, logging, language, database, first run."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import i18n
from app.db import Database
from app.errors import UserError
from app.i18n import _
from app.logs import setup_logging
from app.settings import Settings, load_settings
from ui.bus import Bus
from ui.context import AppContext
from ui.jobs import Jobs

log = logging.getLogger(__name__)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as in tests), named and with the app icon."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Tinklas")
    app.setOrganizationName("Tinklas")
    app.setApplicationDisplayName("Tinklas")
    from ui.main_window import app_icon

    app.setWindowIcon(app_icon())
    return app


def choose_language(settings: Settings, override: str | None = None) -> str:
    """--lang, else the saved choice, else the system's language (first start)."""
    for lang in (override, settings.language):
        if lang in i18n.LANGUAGES or (lang == i18n.PSEUDO and lang == override):
            return lang  # type: ignore[return-value]
    return i18n.system_language()


def database_path(settings: Settings, db: str | Path | None) -> str | Path | None:
    """--db, else TINKLAS_DB, else the path saved in settings, else the default (None)."""
    if db:
        return db
    if os.environ.get("TINKLAS_DB"):
        return None
    return settings.db_path or None


def open_database(path: str | Path | None) -> Database | None:
    """Open the database, or explain in a message box why not and return None."""
    try:
        return Database.open(path)
    except UserError as exc:
        log.warning("cannot open the database %s: %s", path, exc)
        QMessageBox.critical(None, _("Tinklas"), exc.text())
    except Exception as exc:  # noqa: BLE001 - shown and logged; the app cannot go on
        log.exception("cannot open the database %s", path)
        QMessageBox.critical(None, _("Tinklas"), _(
            "The database could not be opened: {reason}").format(reason=exc))
    return None


def first_run(ctx: AppContext) -> None:
    """Ask for the office profile until it is set; "Later" skips it for this start."""
    if not ctx.db.local_office().configured:  # plain SQL: the ORM is not loaded yet
        from ui.dialogs.office_profile import OfficeProfileDialog

        OfficeProfileDialog(ctx, None, first_run=True).exec()


def load_orm() -> None:
    """Import the models and configure the mappers, so the first record opened does not wait."""
    from app.services.warm_up import load_orm as load

    try:
        load()
    except Exception:  # noqa: BLE001 - only a head start: the first real use loads it again
        log.exception("loading the ORM in the background failed")


def warm_up() -> None:
    """After the window is shown, load the ORM on a background thread (the window opened
    without it: reading the first list is plain SQL)."""
    threading.Thread(target=load_orm, name="orm-warm-up", daemon=True).start()


def start(db: str | Path | None = None, lang: str | None = None,
          argv: list[str] | None = None) -> int:
    """Open the desktop app; return its exit status."""
    setup_logging(os.environ.get("TINKLAS_LOG_LEVEL", "INFO").upper())
    app = create_app(argv)
    from ui.errors import install_excepthook
    from ui.qt_i18n import apply_language

    install_excepthook()
    settings = load_settings()
    bus = Bus()
    # Saving a language the user did not choose would stop "follow the system" for good.
    apply_language(app, choose_language(settings, lang), bus=bus, save=False)
    log.info("starting Tinklas in %s", i18n.current_language())

    database = open_database(database_path(settings, db))
    if database is None:
        return 1
    jobs = Jobs(app)
    ctx = AppContext(database, bus, jobs)
    first_run(ctx)

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    QTimer.singleShot(0, warm_up)
    try:
        return app.exec()
    finally:
        jobs.shutdown()
        database.dispose()
