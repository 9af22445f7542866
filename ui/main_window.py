"""The main window: it only assembles the tabs, menus, toolbar and status bar."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.logs import log_file
from app.paths import backup_dir, config_dir, resource_path
from app.services.results import OFFICES, Changes
from ui.actions import Actions
from ui.context import AppContext
from ui.tabs.base import AreaTab

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 6000
MENUS = {"file": N_("&File"), "edit": N_("&Edit"), "view": N_("&View"),
         "exchange": N_("E&xchange"), "language": N_("&Language"), "help": N_("&Help")}


# The five areas, in this order: (module, class, title). A tab is imported and built when it is
# first shown, so the window opens with one tab's work, not five.
AREAS = (
    ("ui.tabs.networks", "NetworksTab", N_("Networks")),
    ("ui.tabs.trainings", "TrainingsTab", N_("Trainings")),
    ("ui.tabs.cases", "CasesTab", N_("Micro-business cases")),
    ("ui.tabs.advocacy", "AdvocacyTab", N_("Advocacy runs")),
    ("ui.people.tab", "PeopleTab", N_("People and organisations")),
)


def build_tab(ctx: AppContext, index: int) -> AreaTab:
    module, name, _title = AREAS[index]
    return getattr(importlib.import_module(module), name)(ctx)  # type: ignore[no-any-return]


class TabSlot(QWidget):
    """The page of one area in the tab widget; holds the area's tab once it is built."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.tab: AreaTab | None = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    def put(self, tab: AreaTab) -> None:
        self.tab = tab
        self._box.addWidget(tab)


def window_settings() -> QSettings:
    """Geometry and layout, in an INI file beside settings.json (follows TINKLAS_CONFIG_DIR)."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def app_icon() -> QIcon:
    icon = QIcon(str(resource_path("icons", "tinklas.svg")))
    icon.addFile(str(resource_path("icons", "tinklas-256.png")))
    return icon


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, *, remember: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.ctx = ctx
        self.remember = remember  # off for screenshots: they must not move the user's window
        self.setWindowIcon(app_icon())
        ctx.jobs.window = self

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.slots = [TabSlot(self.tabs) for _area in AREAS]
        for slot in self.slots:
            self.tabs.addTab(slot, "")
        self.setCentralWidget(self.tabs)

        self.acts = Actions(self, len(AREAS),
                            coordinator=ctx.db.local_office().is_coordinator)
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)

        self.office_label = QLabel(self)
        self.office_label.setObjectName("office_label")
        self.db_label = QLabel(self)
        self.db_label.setObjectName("db_label")
        from ui.exchange.status import ConflictsIndicator

        self.conflicts_indicator = ConflictsIndicator(ctx, self)
        self.statusBar().addPermanentWidget(self.conflicts_indicator)
        self.statusBar().addPermanentWidget(self.office_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self._connect()
        self.retranslate()
        self.resize(1200, 780)
        if remember:
            self.restore_layout()
        self._tab_changed(self.tabs.currentIndex())

    # -- assembling -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.acts
        contents: dict[str, list[Any]] = {
            "file": [a.office_profile, a.settings, None, a.backup, None, a.quit],
            "edit": [a.find],
            "view": a.view_tabs,
            "exchange": [a.export_file, a.import_files, None, a.conflicts, a.exchange_history,
                         None, a.keys],
            "language": list(a.languages.values()),
            "help": [a.about, a.open_log_folder],
        }
        for key, items in contents.items():
            menu = self.menuBar().addMenu("")
            menu.setObjectName(f"menu_{key}")
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)
            self.menus[key] = menu

    def _connect(self) -> None:
        a, bus = self.acts, self.ctx.bus
        a.office_profile.triggered.connect(self.edit_office_profile)
        a.settings.triggered.connect(self.edit_settings)
        a.backup.triggered.connect(self.back_up)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(lambda: self.current_tab().focus_search())
        a.about.triggered.connect(self.show_about)
        a.open_log_folder.triggered.connect(self.open_log_folder)
        for name, action in (("export", a.export_file), ("import", a.import_files),
                             ("conflicts", a.conflicts), ("history", a.exchange_history),
                             ("keys", a.keys)):
            action.triggered.connect(lambda _checked=False, n=name: self.open_exchange(n))
        for index, action in enumerate(a.view_tabs):
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
        a.language_group.triggered.connect(lambda action: self.set_language(action.data()))
        self.tabs.currentChanged.connect(self._tab_changed)
        bus.language_changed.connect(self.retranslate)
        bus.status_message.connect(lambda text: self.statusBar().showMessage(
            text, STATUS_TIMEOUT_MS))
        bus.changed.connect(self._on_changed)

    def tab(self, index: int) -> AreaTab:
        """The area's tab, built the first time it is asked for."""
        slot = self.slots[index]
        if slot.tab is None:
            slot.put(build_tab(self.ctx, index))
        assert slot.tab is not None
        return slot.tab

    @property
    def area_tabs(self) -> list[AreaTab]:
        """Every area's tab (builds those not shown yet)."""
        return [self.tab(i) for i in range(len(AREAS))]

    def built_tabs(self) -> list[AreaTab]:
        return [slot.tab for slot in self.slots if slot.tab is not None]

    def current_tab(self) -> AreaTab:
        return self.tab(max(0, self.tabs.currentIndex()))

    def _tab_changed(self, index: int) -> None:
        self.toolbar.clear()
        if 0 <= index < len(AREAS):
            self.toolbar.addActions(self.tab(index).toolbar_actions())
        self.toolbar.setVisible(bool(self.toolbar.actions()))  # no empty strip

    def retranslate(self, *_args: Any) -> None:
        self.setWindowTitle("Tinklas")
        for key, menu in self.menus.items():
            menu.setTitle(_(MENUS[key]))
        # A title is plain text: "People & organisations" must not become a mnemonic.
        titles = [_(title).replace("&", "&&") for _module, _name, title in AREAS]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.acts.retranslate(titles)
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.update_status()

    def update_status(self) -> None:
        office = self.ctx.db.local_office()
        if office.configured:
            self.office_label.setText(_("Office: {code} · {name}").format(
                code=office.code, name=office.name))
        else:
            self.office_label.setText(_("Office not set up yet (File > Office profile…)"))
        path = self.ctx.db.path
        self.db_label.setText(_("Database: {file}").format(
            file=path.name if path else self.ctx.db.url))
        self.db_label.setToolTip(str(path or self.ctx.db.url))

    def _on_changed(self, changes: Changes) -> None:
        if OFFICES in changes.kinds:
            self.update_status()

    # -- commands -------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        from ui.qt_i18n import apply_language

        apply_language(QApplication.instance(), lang, bus=self.ctx.bus)

    def edit_office_profile(self) -> None:
        from ui.dialogs.office_profile import OfficeProfileDialog

        OfficeProfileDialog(self.ctx, self).exec()

    def edit_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def open_exchange(self, name: str) -> None:
        from ui.exchange.menu import open_exchange_dialog

        open_exchange_dialog(name, self.ctx, self)
        self.conflicts_indicator.refresh()

    def show_about(self) -> None:
        from ui.dialogs.about import AboutDialog

        AboutDialog(self.ctx.db.path or self.ctx.db.url, self).exec()

    def open_log_folder(self) -> None:
        from ui.errors import open_folder

        open_folder(log_file().parent)

    def back_up(self) -> None:
        from app.settings import load_settings, update_settings

        folder = load_settings().recent_backup_dir or str(backup_dir())
        name = f"tinklas-{dt.date.today().isoformat()}.sqlite"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Back up the database"), str(Path(folder) / name),
            _("Tinklas database ({patterns})").format(patterns="*.sqlite"))
        if not path:
            return
        update_settings(recent_backup_dir=str(Path(path).parent))
        self.start_backup(Path(path))

    def start_backup(self, target: Path) -> int:
        from app.db.backup import backup_to

        engine = self.ctx.db.engine
        return self.ctx.jobs.run(
            lambda _progress: backup_to(engine, target),
            on_done=lambda out: self.ctx.bus.status_message.emit(
                _("The database was backed up to {path}.").format(path=out)),
            label=_("Backing up the database…"))

    # -- remembering the layout ----------------------------------------------------------------
    def restore_layout(self) -> None:
        store = window_settings()
        geometry = store.value("main/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = store.value("main/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        try:
            index = int(str(store.value("main/tab", 0)))
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_layout(self) -> None:
        store = window_settings()
        store.setValue("main/geometry", self.saveGeometry())
        store.setValue("main/state", self.saveState())
        store.setValue("main/tab", self.tabs.currentIndex())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.remember:
            self.save_layout()
        super().closeEvent(event)
