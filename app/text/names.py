"""Finding one person under several spellings of the name, to propose duplicates for review.

Around Vilnius one person is "Łukasz Wiśniewski" in a Polish office, "Lukas Višnevskis" in a
Lithuanian one, "Лукаш Вишневский" in a Russian list and "Lukasz Wisniewski" when typed without the
special letters. Plain folding is not enough: the spellings differ in digraphs (sz = š = ш), in
w/v and y/j/i, and in grammatical endings (-ski / -skis / -ский). A name skeleton reduces each word
to what these spellings share; similarity of skeletons, the person's gender as the name forms show
it, and the birth year then give a score for a person to confirm. Nothing here merges anything.
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher
from functools import lru_cache

from app.text.fold import fold

__all__ = ["likely_same_person", "name_similarity", "name_skeleton"]

# Cyrillic spelled the Lithuanian way before folding, so that ч, ш, ж meet č, š, ž (and cz, sz, ż)
# instead of becoming "ch", "sh", "zh"; х becomes "h" like Polish and Lithuanian "ch". Polish ó is
# said "u" and is written so in Lithuanian and Cyrillic (Józef, Juzef, Юзеф).
_SPELL_AS_LITHUANIAN = str.maketrans({
    "ж": "ž", "ч": "č", "ш": "š", "щ": "šč", "х": "h", "ц": "c", "й": "j", "ю": "ju", "я": "ja",
    "ё": "jo", "є": "je", "ї": "ji", "ъ": "", "ь": "", "ы": "y", "э": "e", "ó": "u",
})  # fmt: skip

# Digraphs and letters that different spellings write differently for one sound. Alternatives are
# tried longest first at each position, left to right. Polish "ch" and Lithuanian "ch" are the
# sound of Cyrillic х, so "ch" -> "h"; Polish "rz" after k, p, t is said "sz".
_SOUNDS = {
    "shch": "sc", "krz": "ks", "prz": "ps", "trz": "ts", "sz": "s", "sh": "s", "cz": "c",
    "ch": "h", "zh": "z", "kh": "h", "rz": "z", "ts": "c", "ph": "f", "w": "v", "x": "ks",
    "q": "k", "y": "i", "j": "i",
}  # fmt: skip
_SOUNDS_RE = re.compile("|".join(sorted(_SOUNDS, key=len, reverse=True)))
_DOUBLE_RE = re.compile(r"(.)\1+")
# Polish nasal ą and ę are written "om"/"on" and "em"/"en" in Lithuanian and Cyrillic before a
# consonant (Dąbrowski, Dombrovskis, Домбровский); the Polish side folds to plain a and e.
_NASAL_O_RE = re.compile(r"o[mn](?=[bpdtcszkg])")
_NASAL_E_RE = re.compile(r"e[mn](?=[bpdtcszkg])")
# A soft "i" between a consonant and a vowel (Wiśniewski, Łukianow, Kazimierz) that other
# spellings leave out (Višnevskis, Лукьянов). Not at the start of a word: "Jan" is not "An".
_SOFT_I_RE = re.compile(r"(?<=[bcdfghklmnprstvz])i(?=[aeou])")
# Endings that grammar adds: Lithuanian -as, -is, -ius, -us, feminine -ienė, -aitė, -ytė, -utė, -ė;
# Polish and Russian -a, -i (after "-ski", "-ский" become -ski), Russian -ая; Ukrainian -o.
# Written after the sound rules above (y -> i, j -> i, doubles single). Longest first.
_ENDINGS = ("iene", "aite", "aia", "ite", "ute", "ius", "is", "as", "us", "a", "e", "i", "o")
_MIN_STEM = 2
# Stems that differ between languages by a rule of their own: Stanisław / Stanislovas.
_STEM_ENDS = (("slov", "slav"),)

# Surname endings that show the person's gender, on the folded (Lithuanian-spelled) word.
_FEMININE_SURNAME = ("iene", "aite", "yte", "ute", "ska", "cka", "dzka", "ova", "eva", "ina",
                     "aja", "aya", "yna", "owa")  # fmt: skip
_MASCULINE_SURNAME = ("as", "is", "ys", "us", "ski", "cki", "dzki", "ov", "ev", "in", "ij", "ii",
                      "iy", "yj", "yn", "ow", "ew")  # fmt: skip
# Men's first names that end in -a like women's names, in their folded forms.
_MASCULINE_IN_A = frozenset({
    "kuba", "barnaba", "bonawentura", "kosma", "jarema", "nikita", "ilja", "ilia", "ilya",
    "foma", "kuzma", "luka", "sava", "savva", "jogaila", "sasa", "misa", "kola", "kolja", "vania",
    "vanja", "petja", "dima", "kostja", "tolja", "vitja", "zenia", "zenja",
})  # fmt: skip

_SWAPPED_FIELDS = 0.95  # first and last name typed into each other's field: a small doubt
_OTHER_GENDER = 0.5
_BIRTH_YEAR_APART = 0.3
_BIRTH_YEAR_NEAR = 0.95  # one year apart: a birth year guessed from an age


def _spelled(text: str) -> str:
    """Fold `text`, spelling Cyrillic first as Lithuanian spells it."""
    return fold(text.casefold().translate(_SPELL_AS_LITHUANIAN))


@lru_cache(maxsize=65536)  # names repeat: imports and the demo reduce the same words often
def _word_skeleton(word: str) -> str:
    word = _SOUNDS_RE.sub(lambda m: _SOUNDS[m.group()], word)
    word = _DOUBLE_RE.sub(r"\1", word.replace("ck", "k"))
    word = _NASAL_E_RE.sub("e", _NASAL_O_RE.sub("a", word))
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            word = word[: -len(ending)]
            break
    word = _SOFT_I_RE.sub("", word)
    for end, common in _STEM_ENDS:
        if word.endswith(end):
            word = word[: -len(end)] + common
    return _DOUBLE_RE.sub(r"\1", word)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", _spelled(text))


@lru_cache(maxsize=65536)
def name_skeleton(text: str) -> str:
    """Return a coarse phonetic key of a name, the same for its Polish, Lithuanian, Cyrillic and
    plain-keyboard spellings ("Łukasz", "Lukas", "Лукаш", "Lukasz" -> "luk").

    Each word is reduced on its own; the words' skeletons are joined by one space. The key is for
    grouping candidates, not for display: a man's and a woman's form of one surname may meet.
    """
    return " ".join(_word_skeleton(word) for word in _words(text))


def _ratio(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def name_similarity(a: str, b: str) -> float:
    """Return how alike two names are, 0 to 1, across spellings and in any word order.

    Words are paired by skeleton so that the pairing scores best ("Wiśniewski Łukasz" matches
    "Lukas Višnevskis" fully). A word with no partner (a second first name) costs a tenth.
    """
    words_a, words_b = name_skeleton(a).split(), name_skeleton(b).split()
    if not words_a or not words_b:
        return 0.0
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    ratios = [[_ratio(wa, wb) for wb in words_b] for wa in words_a]
    if len(words_b) <= 6:
        best = max(
            sum(row[j] for row, j in zip(ratios, perm, strict=True))
            for perm in itertools.permutations(range(len(words_b)), len(words_a))
        )
    else:  # names this long are rare: greedy pairing is good enough
        best = sum(max(row) for row in ratios)
    unpaired = len(words_b) - len(words_a)
    return best / len(words_a) * max(0.0, 1.0 - 0.1 * unpaired)


def _gender(first: str, last: str) -> str | None:
    """Return "f", "m" or None, from the surname's grammatical form, else the first name's."""
    surname = _spelled(last).split(" ")[-1] if last.strip() else ""
    if surname.endswith(_FEMININE_SURNAME):
        return "f"
    if surname.endswith(_MASCULINE_SURNAME):
        return "m"
    first_words = _spelled(first).split(" ")
    given = first_words[0] if first_words else ""
    if len(given) < 2:
        return None
    if given.endswith(("a", "e")) and given not in _MASCULINE_IN_A:
        return "f"  # Lithuanian, Polish and Russian women's names end in -a or -ė
    return "m"


def likely_same_person(
    first_a: str,
    last_a: str,
    first_b: str,
    last_b: str,
    birth_year_a: int | None = None,
    birth_year_b: int | None = None,
) -> float:
    """Return a score, 0 to 1, that two people's records are one person (0.85 and up: likely).

    Both the first and the last names must match, so their similarities are multiplied; first and
    last swapped count almost as well. A man's and a woman's name form (Petraitis, Petraitienė;
    Jan, Anna) halve the score, and birth years more than a year apart cut it hard.
    """
    straight = name_similarity(first_a, first_b) * name_similarity(last_a, last_b)
    swapped = name_similarity(first_a, last_b) * name_similarity(last_a, first_b)
    score = max(straight, swapped * _SWAPPED_FIELDS)
    if not (first_a.strip() and last_a.strip() and first_b.strip() and last_b.strip()):
        # A whole name typed into one field: compare the full names instead.
        score = name_similarity(f"{first_a} {last_a}", f"{first_b} {last_b}") ** 2
    gender_a, gender_b = _gender(first_a, last_a), _gender(first_b, last_b)
    if gender_a and gender_b and gender_a != gender_b:
        score *= _OTHER_GENDER
    if birth_year_a is not None and birth_year_b is not None:
        apart = abs(birth_year_a - birth_year_b)
        if apart > 1:
            score *= _BIRTH_YEAR_APART
        elif apart == 1:
            score *= _BIRTH_YEAR_NEAR
    return round(score, 4)
