"""Alphabetical order by language, as a plain string that any database can sort byte by byte.

Lists of 100,000 people are sorted by SQL (ORDER BY on an indexed column), and neither SQLite's
default BINARY collation nor PostgreSQL's COLLATE "C" knows that Č follows C in Lithuanian or that Ł
follows L in Polish. So each name gets a stored sort key per language whose code-point order is the
language's alphabetical order; the database then only has to compare bytes (UTF-8 byte order is
code-point order), and Python can sort with the same key.

A key has three levels separated by "\\x01", lower than any character of the first level, so that
"Kim" sorts before "Kim Anna":
1. primary: one weight character per letter or digit, case and foreign marks ignored; a run of
   spaces or punctuation is one " " (lower than every weight, so "Kim Anna" < "Kimas");
2. the casefolded text, so that "e" and "é" (equal at level 1) come in a fixed order;
3. the original text, so that "anna" and "Anna" do too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import partial

from app.text.fold import LATIN_SPECIAL

__all__ = ["LANGUAGES", "sort_key", "sorted_names"]

LANGUAGES = ("lt", "pl", "ru", "en")

_DIGITS = "0123456789"
# Q, W and X are not Lithuanian letters: they go where English puts them. So do Q, V, X in Polish.
_LATIN = {
    "lt": "aąbcčdeęėfghiįyjklmnopqrsštuųūvwxzž",
    "pl": "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# Belarusian, Ukrainian and Serbian letters that are not in the Russian alphabet sort with the
# Russian letter closest to them (ї and ў decompose by themselves: і + ¨, у + ˘).
_CYRILLIC_BASE = {"і": "и", "є": "е", "ґ": "г", "ј": "й"}
# Apostrophes belong inside a word (O'Brien, Ukrainian м'ята): ignored rather than a word break.
_IGNORED = "'’ʼ`´\u00ad\u200b\u200c\u200d"

_WORD_BREAK = " "
_LEVEL = "\x01"
_FIRST_WEIGHT = 0x21  # "!": every weight is printable ASCII and above the word break
_UNLISTED = "~"  # above every weight: letters of other scripts, followed by the letter itself


def _weight(ch: str, weights: dict[str, str], depth: int = 0) -> str:
    """Primary weight(s) of one casefolded character that is not in the language's alphabet."""
    if ch in _IGNORED or unicodedata.combining(ch):
        return ""
    if ch in LATIN_SPECIAL:
        return "".join(weights.get(c, c) for c in LATIN_SPECIAL[ch])
    if ch in _CYRILLIC_BASE:
        return weights[_CYRILLIC_BASE[ch]]
    decomposed = unicodedata.normalize("NFKD", ch)
    if decomposed != ch and depth < 3:
        # é, ü, ö, ø-like letters with marks and compatibility forms sort with their base letter.
        parts = decomposed.casefold()
        return "".join(weights.get(c) or _weight(c, weights, depth + 1) for c in parts)
    if ch.isalnum():
        return _UNLISTED + ch
    return _WORD_BREAK


class _WeightTable(dict[int, str]):
    """A `str.translate` table for one language that works out an unseen character once."""

    def __init__(self, weights: dict[str, str]) -> None:
        super().__init__((ord(ch), w) for ch, w in weights.items())
        self._weights = weights

    def __missing__(self, code: int) -> str:
        weight = _weight(chr(code), self._weights)
        self[code] = weight
        return weight


def _build_table(lang: str) -> _WeightTable:
    latin = _LATIN.get(lang, _LATIN["en"])
    scripts = (_CYRILLIC, latin) if lang == "ru" else (latin, _CYRILLIC)
    order = _DIGITS + "".join(scripts)
    weights = {ch: chr(_FIRST_WEIGHT + i) for i, ch in enumerate(order)}
    if _FIRST_WEIGHT + len(order) > ord(_UNLISTED):
        raise RuntimeError("collation weights must stay below the marker of unlisted letters")
    table = _WeightTable(weights)
    for code in range(128):  # ASCII up front: the common case stays inside str.translate
        if code not in table:
            table[code] = _weight(chr(code), weights)
    return table


_TABLES = {lang: _build_table(lang) for lang in LANGUAGES}


def _table_for(lang: str) -> _WeightTable:
    table = _TABLES.get(lang)
    if table is None:  # "lt_LT", "pl-PL", "RU"; anything else sorts as English
        table = _TABLES.get(lang.replace("-", "_").split("_")[0].lower(), _TABLES["en"])
    return table


def sort_key(text: str, lang: str) -> str:
    """Return a key whose code-point (binary) order is the alphabetical order of `lang`.

    `lang` is "lt", "pl", "ru" or "en"; other values sort as "en". Store the key in a TEXT column
    and ORDER BY it, or pass it to `sorted`.
    """
    folded = unicodedata.normalize("NFC", text).casefold()
    # Weights are never whitespace, so split() only sees word breaks: runs collapse, ends go.
    primary = _WORD_BREAK.join(folded.translate(_table_for(lang)).split())
    return primary + _LEVEL + folded + _LEVEL + text


def sorted_names(names: Iterable[str], lang: str) -> list[str]:
    """Return `names` in the alphabetical order of `lang` (see `sort_key`)."""
    return sorted(names, key=partial(sort_key, lang=lang))
