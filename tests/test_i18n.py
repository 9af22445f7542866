"""Languages: switching, plural rules, local formats and the pseudo-language."""

from __future__ import annotations

import datetime as dt

import pytest

from app import i18n
from app.i18n import formats
from app.i18n.pseudo import pseudo

DAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("lt", "2026 m. lapkričio 26 d."), ("pl", "26 listopada 2026"), ("ru", "26 ноября 2026 г.")],
)
def test_long_dates(lang: str, text: str) -> None:
    out = formats.format_date(DAY, lang=lang).replace("\u202f", " ").replace("\xa0", " ")
    assert out == text


@pytest.mark.parametrize("lang", ["lt", "pl", "ru", "en"])
def test_short_date_round_trip(lang: str) -> None:
    assert formats.parse_date(formats.format_short_date(DAY, lang), lang) == DAY


def test_wrong_date_is_refused() -> None:
    with pytest.raises(ValueError):
        formats.parse_date("31.02.2026", "pl")
    with pytest.raises(ValueError):
        formats.parse_date("soon", "lt")


def test_money_and_numbers() -> None:
    assert formats.format_eur(1234.5, "lt").replace("\xa0", " ") == "1 234,50 €"
    assert formats.format_number(1234567, "ru").replace("\xa0", " ") == "1 234 567"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("de")


def test_listeners_hear_a_switch() -> None:
    heard: list[str] = []
    i18n.on_language_changed(heard.append)
    i18n.set_language("pl")
    assert heard[-1] == "pl"


def test_pseudo_language_stretches_and_keeps_placeholders() -> None:
    out = pseudo("Save {name} now")
    assert "{name}" in out and len(out) > len("Save {name} now") * 1.3
    assert out != "Save {name} now"


def test_system_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "pl_PL.UTF-8")
    assert i18n.system_language() == "pl"
    monkeypatch.setenv("LANGUAGE", "de_DE")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() in i18n.LANGUAGES
