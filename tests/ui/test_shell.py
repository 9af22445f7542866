"""The application shell: main window, menus, language switch, remembered layout, first run,
settings, about, backup, the error dialog and the `screenshots` command.

The real tabs are written elsewhere; these tests put simple AreaTab subclasses in their place.
"""

from __future__ import annotations

import gettext
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

import ui.main_window
from app import i18n
from app.db import Database
from app.i18n import N_, _
from app.paths import config_dir
from app.services.offices import is_configured, local_profile
from app.services.results import OFFICES, PEOPLE, Changes
from app.settings import load_settings
from ui import qt_i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tabs.base import AreaTab

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.ctx(synchronous=False)


class StubTab(AreaTab):
    msgid = ""
    kinds = frozenset({PEOPLE})

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.search = QLineEdit(self)
        self.refreshed = 0
        QVBoxLayout(self).addWidget(self.search)
        self.add = QAction(self)
        self.add.setObjectName(f"add_{type(self).__name__}")
        self.retranslate()

    def title(self) -> str:
        return _(self.msgid)

    def refresh(self) -> None:
        self.refreshed += 1

    def retranslate(self) -> None:
        self.add.setText(_("New"))

    def toolbar_actions(self) -> list[Any]:
        return [self.add]

    def focus_search(self) -> None:
        self.search.setFocus()


# Named like the real tabs, so that the screenshots get the same file names.
STUBS: tuple[type[StubTab], ...] = tuple(
    type(name, (StubTab,), {"msgid": msgid}) for name, msgid in (
        ("NetworksTab", N_("Networks")), ("TrainingsTab", N_("Trainings")),
        ("CasesTab", N_("Micro-business cases")), ("AdvocacyTab", N_("Advocacy runs")),
        ("PeopleTab", N_("People & organisations"))))


class FakeLithuanian(gettext.NullTranslations):
    """Stands in for the lt catalog, whatever the translators have done so far."""

    WORDS = {"&File": "&Failas", "&Help": "&Pagalba", "&Quit": "&Baigti", "Networks": "Tinklai",
             "People & organisations": "Asmenys ir organizacijos"}

    def gettext(self, message: str) -> str:
        return self.WORDS.get(message, message)


@pytest.fixture(autouse=True)
def stub_tabs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.main_window, "AREAS",
                        tuple(("", t.__name__, t.msgid) for t in STUBS))
    monkeypatch.setattr(ui.main_window, "build_tab", lambda ctx, index: STUBS[index](ctx))


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def english_again(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.reset_cache()
    qt_i18n.apply_language(qapp, "en", save=False)


def stub(win: MainWindow, index: int) -> StubTab:
    tab = win.area_tabs[index]
    assert isinstance(tab, StubTab)
    return tab


def menu_texts(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


# -- main window ------------------------------------------------------------------------------
def test_main_window_assembles_tabs_menus_toolbar_and_status(
        window: MainWindow, ctx: AppContext) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Networks", "Trainings", "Micro-business cases", "Advocacy runs",
        "People && organisations"]
    assert menu_texts(window) == ["&File", "&Edit", "&View", "E&xchange", "&Language", "&Help"]
    file_menu = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert file_menu == ["&Office profile…", "&Settings…", "&Back up the database…", "&Quit"]
    assert [a.text() for a in window.menus["view"].actions()][4] == "People && organisations"
    assert [a.text() for a in window.menus["language"].actions()] == [
        "Lietuvių", "Polski", "Русский", "English"]
    assert window.acts.languages["en"].isChecked()
    assert [a.text() for a in window.menus["help"].actions()] == [
        "&About Tinklas", "Open the &log folder"]
    assert window.acts.quit.shortcut() == QKeySequence("Ctrl+Q")
    assert window.acts.find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert [a.shortcut().toString() for a in window.acts.view_tabs] == [
        f"Ctrl+{n}" for n in range(1, 6)]
    assert window.toolbar.actions() == [stub(window, 0).add]
    assert "not set up" in window.office_label.text()
    assert ctx.db.path is not None
    assert window.db_label.text() == f"Database: {ctx.db.path.name}"


def test_view_shortcuts_switch_tabs_and_the_toolbar_follows(
        qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    assert window.toolbar.actions() == [stub(window, 2).add]
    window.acts.view_tabs[4].trigger()
    assert window.tabs.currentIndex() == 4
    assert window.toolbar.actions() == [stub(window, 4).add]


def test_find_focuses_the_current_tabs_search(qtbot: Any, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    window.activateWindow()
    window.acts.find.trigger()
    qtbot.waitUntil(lambda: stub(window, 1).search.hasFocus(), timeout=2000)


def test_status_bar_shows_the_office_and_bus_messages(
        window: MainWindow, ctx: AppContext) -> None:
    from app.services.offices import init_office

    init_office(ctx.db, "SAL", "Šalčininkų biuras")
    ctx.bus.publish(Changes.of(OFFICES))
    assert window.office_label.text() == "Office: SAL · Šalčininkų biuras"
    ctx.bus.status_message.emit("Saved.")
    assert window.statusBar().currentMessage() == "Saved."


def test_tabs_are_built_when_first_shown(window: MainWindow) -> None:
    assert [type(t).__name__ for t in window.built_tabs()] == ["NetworksTab"]
    window.tabs.setCurrentIndex(3)
    assert [type(t).__name__ for t in window.built_tabs()] == ["NetworksTab", "AdvocacyTab"]
    assert window.current_tab() is window.slots[3].tab
    assert window.toolbar.actions() == stub(window, 3).toolbar_actions()
    assert len(window.area_tabs) == 5 and len(window.built_tabs()) == 5


def test_language_switch_retitles_tabs_and_menus_live(
        qapp: QApplication, window: MainWindow, ctx: AppContext, english_again: None) -> None:
    i18n.reset_cache()
    i18n._catalogs["lt"] = FakeLithuanian()
    seen: list[str] = []
    ctx.bus.language_changed.connect(seen.append)
    window.acts.languages["lt"].trigger()
    assert seen == ["lt"] and i18n.current_language() == "lt"
    assert window.tabs.tabText(0) == "Tinklai"
    assert window.tabs.tabText(4) == "Asmenys ir organizacijos"
    assert window.acts.view_tabs[0].text() == "Tinklai"
    assert menu_texts(window)[0] == "&Failas" and menu_texts(window)[-1] == "&Pagalba"
    assert window.acts.quit.text() == "&Baigti"
    assert window.acts.languages["lt"].isChecked()
    assert load_settings().language == "lt"  # remembered for the next start
    assert QLocale().name().startswith("lt")
    assert [p.name for p in qt_i18n.install_qt_translators(qapp, "lt")] == [
        "qt_lt.qm"]  # Lithuanian has no qtbase_lt.qm in the wheel
    window.acts.languages["en"].trigger()
    assert window.tabs.tabText(0) == "Networks" and menu_texts(window)[0] == "&File"


def test_pseudo_language_reaches_every_menu(
        window: MainWindow, ctx: AppContext, english_again: None) -> None:
    from app.i18n.pseudo import pseudo

    qt_i18n.apply_language(QApplication.instance(), "xx", bus=ctx.bus)
    assert menu_texts(window) == [pseudo(t) for t in
                                  ("&File", "&Edit", "&View", "E&xchange", "&Language", "&Help")]
    assert window.acts.backup.text() == pseudo("&Back up the database…")
    assert window.toolbar.actions()[0].text() == pseudo("New")
    assert load_settings().language is None  # the pseudo language is never saved


def test_geometry_state_and_tab_are_remembered(qtbot: Any, ctx: AppContext) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen (800x600)
    first.tabs.setCurrentIndex(3)
    first.close()
    ini = Path(ui.main_window.window_settings().fileName())
    assert ini.is_file() and ini.parent == config_dir()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.tabs.currentIndex() == 3
    assert (second.width(), second.height()) == (700, 500)


def test_a_changed_kind_refreshes_a_stale_tab_when_shown(
        window: MainWindow, ctx: AppContext) -> None:
    hidden = stub(window, 4)
    ctx.bus.publish(Changes.of(PEOPLE))
    assert hidden.refreshed == 0
    window.tabs.setCurrentIndex(4)
    assert hidden.refreshed == 1


def test_backup_runs_as_a_job(qtbot: Any, window: MainWindow, ctx: AppContext,
                              tmp_path: Path) -> None:
    target = tmp_path / "copies" / "backup.sqlite"
    messages: list[str] = []
    ctx.bus.status_message.connect(messages.append)
    window.start_backup(target)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert target.is_file() and str(target) in messages[0]
    copy = Database.open(target)
    assert copy.local_office().id == ctx.db.local_office().id
    copy.dispose()


# -- first run and office profile -------------------------------------------------------------
def _profile_dialog(qtbot: Any, ctx: AppContext, first_run: bool = True) -> Any:
    from ui.dialogs.office_profile import OfficeProfileDialog

    dialog = OfficeProfileDialog(ctx, None, first_run=first_run)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_first_run_validation_keeps_data_and_shows_the_fields_message(
        qtbot: Any, ctx: AppContext) -> None:
    dialog = _profile_dialog(qtbot, ctx)
    assert dialog.windowTitle() == "Welcome to Tinklas"
    assert dialog.edits["code"].text() == ""  # not the provisional "NEW"
    dialog.edits["name"].insert("Šalčininkų biuras")  # QTest types ASCII only
    qtbot.keyClicks(dialog.edits["code"], "s1")  # the digit is refused as typed
    assert dialog.edits["code"].text() == "S"
    qtbot.keyClicks(dialog.edits["email"], "biuras@example.lt")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["code"].isVisible(), timeout=5000)
    assert "2 to 6 Latin capital letters" in dialog.errors["code"].text()
    assert not dialog.errors["name"].isVisible()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.edits["name"].text() == "Šalčininkų biuras"
    assert dialog.edits["email"].text() == "biuras@example.lt"
    assert not is_configured(ctx.db)

    changes: list[Changes] = []
    ctx.bus.changed.connect(changes.append)
    assert dialog.edits["code"].selectedText() == "S"  # the refused value, ready to retype
    qtbot.keyClick(dialog.edits["code"], Qt.Key.Key_End)
    qtbot.keyClicks(dialog.edits["code"], "al")
    assert dialog.edits["code"].text() == "SAL"  # typed in capitals whatever the keyboard
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert is_configured(ctx.db)
    profile = local_profile(ctx.db)
    assert (profile.code, profile.name, profile.certificate_series) == (
        "SAL", "Šalčininkų biuras", "SAL")
    assert changes and OFFICES in changes[0].kinds


def test_a_bad_email_is_explained_beside_the_email(qtbot: Any, ctx: AppContext) -> None:
    dialog = _profile_dialog(qtbot, ctx, first_run=False)
    assert dialog.later_button.text() == "Cancel"
    dialog.edits["name"].setText("Biuras")
    dialog.edits["code"].setText("VIS")
    dialog.edits["email"].setText("not an address")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["email"].isVisible(), timeout=5000)
    assert "not an e-mail address" in dialog.errors["email"].text()
    assert dialog.edits["email"].hasFocus() or not dialog.isActiveWindow()
    assert not dialog.errors["code"].isVisible()


def test_later_skips_the_first_run(qtbot: Any, ctx: AppContext) -> None:
    dialog = _profile_dialog(qtbot, ctx)
    assert dialog.later_button.text() == "Later"
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not is_configured(ctx.db)


def test_logo_is_stored_by_content_and_previewed(
        qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    from app import attachments

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7a66"))
    png = tmp_path / "logo.png"
    assert image.save(str(png))
    not_a_picture = tmp_path / "notes.png"
    not_a_picture.write_text("hello")

    dialog = _profile_dialog(qtbot, ctx)
    assert not dialog.use_logo_file(not_a_picture)
    assert dialog.errors["logo_sha256"].isVisible() and dialog.logo_sha is None
    assert dialog.use_logo_file(png)
    assert not dialog.errors["logo_sha256"].isVisible()
    assert dialog.logo_sha and attachments.file_path(dialog.logo_sha).read_bytes() == \
        png.read_bytes()
    assert not dialog.logo_preview.pixmap().isNull()
    dialog.edits["name"].setText("Biuras")
    dialog.edits["code"].setText("VIS")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert local_profile(ctx.db).logo_sha256 == dialog.logo_sha


def test_launch_asks_for_the_profile_only_when_not_configured(
        ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.offices import init_office
    from ui import launch
    from ui.dialogs.office_profile import OfficeProfileDialog

    shown: list[bool] = []
    monkeypatch.setattr(OfficeProfileDialog, "exec", lambda self: shown.append(self.first_run))
    launch.first_run(ctx)
    assert shown == [True]
    init_office(ctx.db, "SAL", "Biuras")
    launch.first_run(ctx)
    assert shown == [True]


def test_launch_explains_a_database_it_cannot_open(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.errors import UserError
    from ui import launch

    def refuse(path: Any) -> Database:
        raise UserError("This database was written by a newer version of Tinklas.")

    shown: list[str] = []
    monkeypatch.setattr(launch.Database, "open", staticmethod(refuse))
    monkeypatch.setattr(launch.QMessageBox, "critical", lambda p, t, text: shown.append(text))
    monkeypatch.setattr(launch, "setup_logging", lambda level="INFO": None)
    monkeypatch.setattr("ui.errors.install_excepthook", lambda: None)
    assert launch.start(tmp_path / "new.sqlite", "en") == 1
    assert shown == ["This database was written by a newer version of Tinklas."]


def test_language_choice_order() -> None:
    from app.settings import Settings
    from ui.launch import choose_language, database_path

    assert choose_language(Settings(language="pl"), "ru") == "ru"
    assert choose_language(Settings(language="pl"), None) == "pl"
    assert choose_language(Settings(), None) == i18n.system_language()
    assert database_path(Settings(db_path="/s.sqlite"), "/arg.sqlite") == "/arg.sqlite"
    assert database_path(Settings(db_path="/s.sqlite"), None) == "/s.sqlite"


# -- settings and about ------------------------------------------------------------------------
def test_settings_dialog_saves(qtbot: Any, ctx: AppContext, english_again: None) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.response_days.value() == 20
    assert dialog.response_days.suffix() == " working days"
    dialog.response_days.setValue(1)
    assert dialog.response_days.suffix() == " working day"
    dialog.blank_rows.setValue(3)
    dialog.duplicates.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    languages: list[str] = []
    ctx.bus.language_changed.connect(languages.append)
    dialog.accept()
    settings = load_settings()
    assert (settings.language, settings.response_due_working_days, settings.sheet_blank_rows,
            settings.check_duplicates_as_you_type) == ("pl", 1, 3, False)
    assert languages == ["pl"] and i18n.current_language() == "pl"


def test_about_dialog_names_version_licence_and_folders(qtbot: Any, ctx: AppContext) -> None:
    from app.logs import log_file
    from ui.dialogs.about import AboutDialog, app_version

    dialog = AboutDialog(ctx.db.path)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.heading)))
    assert app_version() in texts and app_version() != "?"
    assert "GPL-3.0-or-later" in texts
    assert str(log_file()) in texts and str(ctx.db.path) in texts


# -- errors ----------------------------------------------------------------------------------
def test_unexpected_error_dialog_keeps_windows_open(
        qtbot: Any, window: MainWindow, caplog: pytest.LogCaptureFixture) -> None:
    from app.logs import log_file
    from ui import errors

    try:
        raise RuntimeError("the printer caught fire")
    except RuntimeError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    dialog = errors.current_dialog()
    assert dialog is not None and window.isVisible()
    assert "the printer caught fire" in dialog.message.text()
    assert str(log_file()) in dialog.message.text()
    assert "still in the open window" in dialog.message.text()
    assert any("the printer caught fire" in (r.exc_text or "") for r in caplog.records)
    dialog.copy_details()
    assert "RuntimeError: the printer caught fire" in QGuiApplication.clipboard().text()
    dialog.close()


def test_an_error_on_another_thread_reaches_the_gui_thread(qtbot: Any, qapp: QApplication,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import errors

    shown: list[tuple[BaseException, bool]] = []
    monkeypatch.setattr(errors, "show_error", lambda t, e, tb, logged=False: shown.append(
        (e, threading.current_thread() is threading.main_thread())))
    errors.install_excepthook()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__
    assert isinstance(shown[0][0], ZeroDivisionError) and shown[0][1]


# -- command line ----------------------------------------------------------------------------
def test_screenshots_command_renders_every_tab_and_dialog(
        qapp: QApplication, db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from ui.cli import main

    out = tmp_path / "shots"
    assert main(["screenshots", "--out", str(out), "--db", str(db_path), "--lang", "en",
                 "--size", "1000x700"]) == 0
    printed = capsys.readouterr().out.split()
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(Path(p).name for p in printed)
    assert names[:5] == ["01-networks-en.png", "02-trainings-en.png", "03-cases-en.png",
                         "04-advocacy-en.png", "05-people-en.png"]
    assert {"06-first-run-en.png", "08-settings-en.png", "09-about-en.png"} <= set(names)
    assert QImage(str(out / names[0])).width() == 1000


def test_command_line_loads_qt_only_for_gui_commands(tmp_path: Path) -> None:
    code = (
        "import sys; from ui.cli import main; "
        f"rc = main(['check', '--db', {str(tmp_path / 'none.sqlite')!r}]); "
        "assert 'PySide6' not in sys.modules, 'Qt was loaded'; print('rc', rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert "rc 1" in result.stdout, result.stderr


def test_screenshots_refuses_a_bad_size(capsys: pytest.CaptureFixture[str]) -> None:
    from ui.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["screenshots", "--out", "x", "--size", "huge"])
    assert exc.value.code == 2
    assert "1280x800" in capsys.readouterr().err
