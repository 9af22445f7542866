"""Search folding: one plain-letter form of a text, so that what people type finds what was stored.

Offices type names with whatever keyboard they have: `zukauskas` must find "Žukauskas", `lukasz`
must find "Łukasz" and `ivanov` must find "Иванов". Stored names and typed queries both go through
`fold`, and a query matches when each of its folded words is a substring of the folded name.

Speed matters (filter-as-you-type over 100,000 people), so the work is one `str.casefold` and one
`str.translate` over a table that learns each character once: ASCII, Cyrillic and the Latin letters
that Unicode does not decompose are filled in at import, anything else is worked out with NFKD the
first time it is seen and remembered.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "fold_query"]

# Latin letters that NFKD leaves alone because they are letters of their own, not letters with a
# mark. Keys are lowercase: the table is applied after casefold.
LATIN_SPECIAL: dict[str, str] = {
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "ı": "i",
    "þ": "th",
    "ħ": "h",
    "ŧ": "t",
    "ŀ": "l",
    "ƒ": "f",
}

# Cyrillic as people in Lithuania and Poland type it on a Latin keyboard (Russian, Belarusian and
# Ukrainian letters). Soft and hard signs carry no sound of their own, so they are dropped.
CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "i", "є": "e", "ў": "u", "ґ": "g", "ј": "j",
}  # fmt: skip

# Characters kept as they are besides letters and digits: they matter in e-mail addresses,
# initials ("J. Petraitis") and double surnames ("Nowak-Kowalska").
_KEPT_MARKS = "@.-"


def _fold_char(ch: str, depth: int = 0) -> str:
    """Fold one (already casefolded) character that the table has not met yet."""
    if ch in LATIN_SPECIAL:
        return LATIN_SPECIAL[ch]
    if ch in CYRILLIC_TO_LATIN:
        return CYRILLIC_TO_LATIN[ch]
    if ch.isspace():
        return " "
    if unicodedata.combining(ch):
        return ""
    category = unicodedata.category(ch)
    if category == "Pd":  # en dash, non-breaking hyphen: typed where "-" was meant
        return "-"
    decomposed = unicodedata.normalize("NFKD", ch)
    if decomposed != ch and depth < 3:
        # A letter with marks (ą, é), a compatibility form (ﬁ, ²) or a ligature (ǆ): fold the parts.
        return "".join(_fold_char(part, depth + 1) for part in decomposed.casefold())
    # Letters and digits of any script stay; punctuation, symbols and controls go.
    return ch if ch.isalnum() or ch in _KEPT_MARKS else ""


class _FoldTable(dict[int, str]):
    """A `str.translate` table that computes a character's fold the first time it is asked for."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


def _build_table() -> _FoldTable:
    table = _FoldTable()
    for code in range(128):  # fill ASCII up front so the common case never leaves C code
        table[code] = _fold_char(chr(code))
    for ch, latin in {**LATIN_SPECIAL, **CYRILLIC_TO_LATIN}.items():
        table[ord(ch)] = latin
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Return the search form of `text`: lowercase plain letters, Cyrillic in Latin, one space.

    >>> fold("  Žukauskas,  Łukasz  Иванов ")
    'zukauskas lukasz ivanov'
    """
    folded = text.casefold().translate(_TABLE)
    return " ".join(folded.split())


def fold_query(text: str) -> list[str]:
    """Return the folded words of a search query, each to be matched as a substring (AND).

    Words with no letter or digit (a lone "-" or ".") are dropped: they would only hide rows that
    are spelled without them. Repeated words are kept once.
    """
    words: list[str] = []
    for word in fold(text).split(" "):
        if word and word not in words and any(ch.isalnum() for ch in word):
            words.append(word)
    return words
