"""The one i18n module: gettext catalogs, the current language, and marking functions.

Use `_` for text shown now, `N_` to mark text stored in a constant and translated when shown,
`ngettext` for every text with a count (lt, pl and ru each have three plural forms), and
`pgettext` where one English word needs two translations. Never translate at import time.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import locale
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from app.paths import data_dir, translations_dir

log = logging.getLogger(__name__)

DOMAIN = "tinklas"
LANGUAGES: tuple[str, ...] = ("lt", "pl", "ru", "en")
SOURCE_LANGUAGE = "en"
# Languages offered in menus, each named in itself.
LANGUAGE_NAMES: dict[str, str] = {
    "lt": "Lietuvių",
    "pl": "Polski",
    "ru": "Русский",
    "en": "English",
}
PSEUDO = "xx"  # stretched, accented pseudo-language for layout tests (see pseudo.py)

_lock = threading.Lock()
_current = SOURCE_LANGUAGE
_catalogs: dict[str, gettext.NullTranslations] = {}
_listeners: list[Callable[[str], None]] = []


def _load_catalog(lang: str) -> gettext.NullTranslations:
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    if lang == PSEUDO:
        from app.i18n.pseudo import PseudoTranslations

        return PseudoTranslations()
    base = translations_dir() / lang / "LC_MESSAGES"
    data = compiled(base / f"{DOMAIN}.po")
    if data is None:
        log.warning("no catalog for %s in %s", lang, base)
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


def compiled(po: Path) -> bytes | None:
    """The compiled (.mo) bytes of a catalog: a fresh .mo beside the .po (the installed app),
    else a compilation cached in the data folder under the .po's hash (a checkout compiles each
    catalog once, not at every start), else compiled now with Babel; None without either file."""
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        return mo.read_bytes()
    if not po.is_file():
        return None
    source = po.read_bytes()
    cached = data_dir() / "cache" / "catalogs" / f"{hashlib.sha256(source).hexdigest()[:24]}.mo"
    if cached.is_file():
        return cached.read_bytes()
    data = compile_po(po)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(cached)
    except OSError as exc:  # a read-only data folder: compile again next time
        log.info("could not cache the compiled catalog %s: %s", po, exc)
    return data


def compile_po(po: Path) -> bytes:
    """Compile a .po file to .mo bytes with Babel (used when no fresh .mo is on disk)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def catalog(lang: str | None = None) -> gettext.NullTranslations:
    lang = lang or _current
    with _lock:
        if lang not in _catalogs:
            _catalogs[lang] = _load_catalog(lang)
        return _catalogs[lang]


def set_language(lang: str) -> None:
    """Switch the language of everything translated from now on and tell the listeners."""
    global _current
    if lang not in LANGUAGES and lang != PSEUDO:
        raise ValueError(f"unsupported language: {lang}")
    _current = lang
    for listener in list(_listeners):
        listener(lang)


def current_language() -> str:
    return _current


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def system_language() -> str:
    """The system's language if it is one of ours, else Lithuanian (the state language)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    try:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else "lt"


def _(message: str) -> str:
    return catalog().gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with `_` when it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalog().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return catalog().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return catalog().npgettext(context, singular, plural, n)


def gettext_in(lang: str, message: str) -> str:
    """Translate into a given language whatever the interface language (documents)."""
    return catalog(lang).gettext(message)


def ngettext_in(lang: str, singular: str, plural: str, n: int) -> str:
    return catalog(lang).ngettext(singular, plural, n)


def reset_cache() -> None:
    with _lock:
        _catalogs.clear()
