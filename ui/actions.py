"""Every main-window action (menu item, toolbar button, shortcut), made in one place.

Texts are msgids marked with N_ and translated in `retranslate`, which runs again on every
language change. Shortcuts use the platform's standard key where Qt defines one.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from app import i18n
from app.i18n import N_, _

Std = QKeySequence.StandardKey

# attribute name -> (msgid, status tip msgid)
_TEXTS: dict[str, tuple[str, str]] = {
    "office_profile": (N_("&Office profile…"),
                       N_("This office's name, code, signatory and logo")),
    "settings": (N_("&Settings…"), N_("Language, deadlines and sheets")),
    "backup": (N_("&Back up the database…"), N_("Save a complete copy of the database")),
    "quit": (N_("&Quit"), N_("Close Tinklas")),
    "find": (N_("&Find"), N_("Search in the current tab")),
    "about": (N_("&About Tinklas"), N_("Version, licence and where the data is kept")),
    "open_log_folder": (N_("Open the &log folder"),
                        N_("Show the folder with Tinklas's log files")),
    "export_file": (N_("&Create file for the coordinator…"),
                    N_("Write a file with this office's new data for the coordinator")),
    "import_files": (N_("&Import files…"), N_("Import exchange files you received")),
    "conflicts": (N_("C&onflicts…"), N_("Edits made at the same time in two offices")),
    "exchange_history": (N_("Exchange &history…"), N_("Every file sent and received")),
    "keys": (N_("&Keys and offices…"),
             N_("Fingerprints, inviting and joining, revoking, resynchronising")),
}
# At the coordinator the export action makes a file for an office.
_COORDINATOR_EXPORT = (N_("&Create file for an office…"),
                       N_("Write a file with the consolidated data for one office"))


def _shortcut(standard: QKeySequence.StandardKey, fallback: str = "") -> list[QKeySequence]:
    keys = QKeySequence.keyBindings(standard)
    if not keys and fallback:  # e.g. Windows defines no standard Quit key
        keys = [QKeySequence(fallback)]
    return keys


class Actions:
    def __init__(self, parent: QWidget, tab_count: int, coordinator: bool = False) -> None:
        self.coordinator = coordinator
        def make(name: str) -> QAction:
            action = QAction(parent)
            action.setObjectName(f"action_{name}")
            return action

        self.office_profile = make("office_profile")
        self.settings = make("settings")
        self.settings.setShortcuts(_shortcut(Std.Preferences))
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.backup = make("backup")
        self.backup.setIcon(QIcon.fromTheme("document-save-as"))
        self.quit = make("quit")
        self.quit.setShortcuts(_shortcut(Std.Quit, "Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.find = make("find")
        self.find.setShortcuts(_shortcut(Std.Find, "Ctrl+F"))
        self.about = make("about")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.open_log_folder = make("open_log_folder")
        self.export_file = make("export_file")
        self.import_files = make("import_files")
        self.conflicts = make("conflicts")
        self.exchange_history = make("exchange_history")
        self.keys = make("keys")

        # View: one action per tab, Ctrl+1..Ctrl+9; their texts are the tabs' titles.
        self.view_tabs: list[QAction] = []
        for index in range(tab_count):
            action = make(f"view_tab_{index + 1}")
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setData(index)
            self.view_tabs.append(action)

        # Language: each language named in itself, so never translated.
        self.language_group = QActionGroup(parent)
        self.language_group.setExclusive(True)
        self.languages: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            action = make(f"language_{lang}")
            action.setText(i18n.LANGUAGE_NAMES[lang])
            action.setCheckable(True)
            action.setData(lang)
            self.language_group.addAction(action)
            self.languages[lang] = action
        self.retranslate([])

    def retranslate(self, tab_titles: list[str]) -> None:
        for name, (text, tip) in _TEXTS.items():
            action: QAction = getattr(self, name)
            action.setText(_(text))
            action.setStatusTip(_(tip))
        if self.coordinator:
            self.export_file.setText(_(_COORDINATOR_EXPORT[0]))
            self.export_file.setStatusTip(_(_COORDINATOR_EXPORT[1]))
        for action, title in zip(self.view_tabs, tab_titles, strict=False):
            action.setText(title)
            action.setStatusTip(_("Show the tab {title}").format(title=title.replace("&&", "&")))
        self.check_language(i18n.current_language())

    def check_language(self, lang: str) -> None:
        action = self.languages.get(lang)
        if action is not None:
            action.setChecked(True)
