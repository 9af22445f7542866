"""Qt's own strings (standard buttons, text-box context menus, file and print dialogs) in the
interface language: Qt's .qm catalogs, with translations/qt/<lang>.po filling their gaps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit

from app import i18n
from app.paths import translations_dir
from ui import qt_i18n

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
BUTTONS = {"lt": ["Gerai", "Atšaukti"], "pl": ["OK", "Anuluj"], "ru": ["OK", "Отмена"],
           "en": ["OK", "Cancel"]}
MENU = {
    "lt": ["&Anuliuoti", "&Grąžinti", "Iški&rpti", "&Kopijuoti", "Į&klijuoti", "Pašalinti",
           "Žymėti viską"],
    "pl": ["&Cofnij", "&Przywróć", "W&ytnij", "S&kopiuj", "&Wklej", "Usuń", "Zaznacz wszystko"],
    "ru": ["&Отменить действие", "&Повторить действие", "&Вырезать", "&Копировать",
           "В&ставить", "Удалить", "Выделить всё"],
    "en": ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"],
}
QT_LANGS = ("lt", "pl", "ru")


@pytest.fixture
def english_again(qapp: QApplication) -> Iterator[None]:
    yield
    qt_i18n.apply_language(qapp, "en", save=False)


def button_texts(box: QDialogButtonBox) -> list[str]:
    return [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok,
                                           QDialogButtonBox.StandardButton.Cancel)]


def menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


@pytest.mark.parametrize("lang", ["lt", "pl", "ru", "en"])
def test_standard_buttons_and_context_menus_speak_the_language(
        qapp: QApplication, english_again: None, lang: str) -> None:
    qt_i18n.apply_language(qapp, lang, save=False)
    box = QDialogButtonBox(OK_CANCEL)
    assert button_texts(box) == BUTTONS[lang]
    assert menu_texts(QLineEdit()) == MENU[lang]
    assert menu_texts(QPlainTextEdit()) == MENU[lang]


def test_our_catalog_only_fills_gaps(qapp: QApplication, english_again: None) -> None:
    qt_i18n.apply_language(qapp, "lt", save=False)
    tr = QCoreApplication.translate
    assert tr("QFileDialog", "File &name:") == "&Failo vardas:"  # from Qt's qt_lt.qm
    assert tr("QPlatformTheme", "Save") == "Išsaugoti"  # ours: Qt 6 context qt_lt.qm lacks
    assert tr("QShortcut", "Ctrl") == "Ctrl"  # ours wins over qt_lt's "Vald"
    assert tr("NoSuchContext", "Some text") == "Some text"  # no answer falls through
    qt_i18n.apply_language(qapp, "pl", save=False)
    assert tr("QFileDialog", "Files of &type:") == "&Typ plików:"  # a gap in qtbase_pl.qm
    assert tr("QShortcut", "Ctrl") == "Ctrl"


def test_switching_live_retranslates_open_widgets(
        qapp: QApplication, english_again: None) -> None:
    box = QDialogButtonBox(OK_CANCEL)
    line = QLineEdit()
    for lang in ("lt", "ru", "pl", "en"):
        qt_i18n.apply_language(qapp, lang, save=False)
        qapp.processEvents()
        assert button_texts(box) == BUTTONS[lang]
        assert menu_texts(line) == MENU[lang]


def test_pseudo_language_keeps_qt_in_english(qapp: QApplication, english_again: None) -> None:
    qt_i18n.apply_language(qapp, "lt", save=False)
    qt_i18n.apply_language(qapp, i18n.PSEUDO, save=False)
    assert button_texts(QDialogButtonBox(OK_CANCEL)) == BUTTONS["en"]


def _entries(lang: str) -> list[tuple[str, str, str]]:
    with (translations_dir() / "qt" / f"{lang}.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return [(m.context or "", m.id, m.string) for m in catalog if m.id]  # type: ignore[misc]


@pytest.mark.parametrize("lang", QT_LANGS)
def test_qt_catalog_entries_are_complete_and_keep_markers(lang: str) -> None:
    entries = _entries(lang)
    assert entries
    for context, source, text in entries:
        assert re.fullmatch(r"Q\w+(\|.+)?", context), (context, source)
        assert text, (context, source)
        assert sorted(re.findall(r"%\d|%n", source)) == sorted(re.findall(r"%\d|%n", text))
        assert source.count("&") == text.count("&"), (source, text)
        assert source.endswith(":") == text.endswith(":"), (source, text)


def test_catalogs_compile_once_and_a_fresh_compiled_catalog_is_preferred(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import i18n as app_i18n

    po = translations_dir() / "qt" / "lt.po"
    (tmp_path / "qt").mkdir()
    copy = tmp_path / "qt" / "lt.po"
    copy.write_bytes(po.read_bytes())
    monkeypatch.setattr(qt_i18n, "translations_dir", lambda: tmp_path)
    translator = qt_i18n.load_own_qt_catalog("lt")  # a checkout: the .po, compiled and cached
    assert translator is not None
    assert translator.translate("QPlatformTheme", "Cancel") == "Atšaukti"
    assert translator.translate("QPlatformTheme", "Nothing like this") is None

    def no_compiling(_po: Path) -> bytes:
        raise AssertionError("compiled again")

    monkeypatch.setattr(app_i18n, "compile_po", no_compiling)
    assert qt_i18n.load_own_qt_catalog("lt") is not None  # the second start reads the cache
    with copy.open("rb") as fh:
        catalog = read_po(fh, locale="lt")
    catalog.get("Cancel", context="QPlatformTheme").string = "Atšaukti (mo)"
    with copy.with_suffix(".mo").open("wb") as fh:  # the built app ships compiled catalogs
        write_mo(fh, catalog)
    translator = qt_i18n.load_own_qt_catalog("lt")
    assert translator is not None
    assert translator.translate("QPlatformTheme", "Cancel") == "Atšaukti (mo)"
    assert qt_i18n.load_own_qt_catalog("de") is None


def test_a_custom_text_on_a_standard_button_survives_a_switch(
        qapp: QApplication, english_again: None) -> None:
    from ui.bus import Bus

    bus = Bus()
    box = QDialogButtonBox(OK_CANCEL)
    box.show()

    def retranslate(_lang: str) -> None:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(i18n._("Save"))

    bus.language_changed.connect(retranslate)
    qt_i18n.apply_language(qapp, "lt", bus=bus, save=False)
    qapp.processEvents()  # Qt's LanguageChange must not undo the window's own retranslate
    assert button_texts(box) == [i18n._("Save"), "Atšaukti"]
    box.close()
