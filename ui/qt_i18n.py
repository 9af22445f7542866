"""Switch the interface language, Qt's own strings included, without a restart.

Our texts come from app.i18n (gettext); Qt's own (standard buttons, context menus, file dialogs)
come from the .qm catalogs shipped in PySide6. The wheel has qtbase_pl.qm and qtbase_ru.qm but
for Lithuanian only the older qt_lt.qm, so each language takes qtbase_<lang> where present,
else qt_<lang>.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n

if TYPE_CHECKING:
    from ui.bus import Bus

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_catalog(lang: str) -> Path | None:
    """The .qm file with Qt's strings for `lang`, or None (English needs none)."""
    folder = qt_translations_dir()
    for prefix in ("qtbase", "qt"):
        path = folder / f"{prefix}_{lang}.qm"
        if path.is_file():
            return path
    return None


def install_qt_translators(app: QCoreApplication, lang: str) -> list[Path]:
    """Replace the Qt translators installed earlier by those for `lang`; return the files."""
    while _installed:
        app.removeTranslator(_installed.pop())
    loaded: list[Path] = []
    if lang in (i18n.SOURCE_LANGUAGE, i18n.PSEUDO):
        return loaded
    path = qt_catalog(lang)
    if path is None:
        log.warning("no Qt catalog for %s in %s", lang, qt_translations_dir())
        return loaded
    translator = QTranslator(app)
    if translator.load(path.name, str(path.parent)):
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(path)
    else:
        log.warning("could not load the Qt catalog %s", path)
    return loaded


def apply_language(app: QCoreApplication | None, lang: str, *, bus: Bus | None = None,
                   save: bool = True) -> None:
    """Make `lang` the interface language everywhere and tell every open window."""
    i18n.set_language(lang)
    locale_name = "en" if lang == i18n.PSEUDO else lang
    QLocale.setDefault(QLocale(locale_name))
    app = app or QCoreApplication.instance()
    if app is not None:
        install_qt_translators(app, lang)
    if save and lang in i18n.LANGUAGES:
        from app.settings import load_settings, update_settings

        if load_settings().language != lang:
            update_settings(language=lang)
    if bus is not None:
        bus.language_changed.emit(lang)
