"""Switch the interface language, Qt's own strings included, without a restart.

Our texts come from app.i18n (gettext); Qt's own (standard buttons, context menus, file dialogs)
come from the .qm catalogs shipped in PySide6. The wheel has qtbase_pl.qm and qtbase_ru.qm but
for Lithuanian only the older qt_lt.qm, so each language takes qtbase_<lang> where present,
else qt_<lang>. That old catalog lacks the contexts Qt 5 and 6 added (QPlatformTheme: every
standard button; QWidgetTextControl: the context menu of text boxes), so a catalog of ours,
translations/qt/<lang>.po (msgctxt = the Qt context), fills the gaps. It is installed last,
so Qt asks it first: it also wins where Qt's words clash with ours (Undo is not Cancel).
"""

from __future__ import annotations

import gettext
import io
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from app import i18n
from app.paths import translations_dir

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


class CatalogTranslator(QTranslator):
    """Answers Qt's own strings from a gettext catalog: msgctxt is the Qt context, msgid the
    source text. No answer (None) sends Qt on to the next translator, then to the English."""

    def __init__(self, messages: dict[tuple[str, str], str | tuple[str, ...]],
                 plural: Callable[[int], int] = lambda n: 0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        self._plural = plural

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        key = (f"{context}|{disambiguation}" if disambiguation else context, source_text)
        found = self.messages.get(key)
        if found is None:
            return None  # a null QString: Qt asks the next translator ("" would stop it)
        if isinstance(found, tuple):  # Qt's "%n" strings: the language's plural rule picks
            return found[min(self._plural(max(n, 0)), len(found) - 1)]
        return found

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.messages


def load_own_qt_catalog(lang: str) -> CatalogTranslator | None:
    """Our translations of Qt's strings for `lang` (translations/qt/<lang>.po, compiled once),
    or None when there are none. Keys are (Qt context, source text)."""
    from app.i18n import compiled

    data = compiled(translations_dir() / "qt" / f"{lang}.po")
    if data is None:
        return None
    mo = gettext.GNUTranslations(io.BytesIO(data))
    messages: dict[tuple[str, str], str | tuple[str, ...]] = {}
    plurals: dict[tuple[str, str], dict[int, str]] = {}
    # _catalog: the parsed .mo, by its documented layout (typeshed leaves it out)
    for key, text in mo._catalog.items():  # type: ignore[attr-defined]  # noqa: SLF001
        if isinstance(key, tuple):  # (context\x04source, plural form index)
            msgid, index = key
            if "\x04" in msgid and text:
                context, source = msgid.split("\x04", 1)
                plurals.setdefault((context, source), {})[index] = text
        elif "\x04" in key and text:  # the header has no context; Qt's strings all have one
            context, source = key.split("\x04", 1)
            messages[(context, source)] = text
    for pair, forms in plurals.items():
        if all(forms.get(i) for i in range(len(forms))):
            messages[pair] = tuple(forms[i] for i in range(len(forms)))
    plural = mo.plural  # type: ignore[attr-defined]
    return CatalogTranslator(messages, plural) if messages else None


def install_qt_translators(app: QCoreApplication, lang: str) -> list[Path]:
    """Replace the Qt translators installed earlier by those for `lang`; return Qt's files
    loaded (our own catalog of Qt strings, installed after them, is not in the list)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    loaded: list[Path] = []
    if lang in (i18n.SOURCE_LANGUAGE, i18n.PSEUDO):
        return loaded
    _install_qm(app, lang, loaded)
    own = load_own_qt_catalog(lang)
    if own is not None:
        own.setParent(app)
        app.installTranslator(own)
        _installed.append(own)
    return loaded


def _install_qm(app: QCoreApplication, lang: str, loaded: list[Path]) -> None:
    path = qt_catalog(lang)
    if path is None:
        log.warning("no Qt catalog for %s in %s", lang, qt_translations_dir())
        return
    translator = QTranslator(app)
    if translator.load(path.name, str(path.parent)):
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(path)
    else:
        log.warning("could not load the Qt catalog %s", path)


def apply_language(app: QCoreApplication | None, lang: str, *, bus: Bus | None = None,
                   save: bool = True) -> None:
    """Make `lang` the interface language everywhere and tell every open window."""
    i18n.set_language(lang)
    locale_name = "en" if lang == i18n.PSEUDO else lang
    QLocale.setDefault(QLocale(locale_name))
    app = app or QCoreApplication.instance()
    if app is not None:
        install_qt_translators(app, lang)
        # Qt posts LanguageChange to every window, and widgets then reset their standard
        # texts (a button box's OK). Deliver those now, so that the windows' own retranslate
        # below comes after and keeps their texts ("Save" on an OK button).
        app.sendPostedEvents(None, QEvent.Type.LanguageChange)
    if save and lang in i18n.LANGUAGES:
        from app.settings import load_settings, update_settings

        if load_settings().language != lang:
            update_settings(language=lang)
    if bus is not None:
        bus.language_changed.emit(lang)
