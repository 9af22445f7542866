"""Alphabetical order by language, through a key that databases compare byte by byte."""

import random
import sqlite3
import time

import pytest

from app.text import sort_key, sorted_names


def _shuffled(names: list[str]) -> list[str]:
    mixed = names[:]
    random.Random(7).shuffle(mixed)
    return mixed


def test_lithuanian_alphabet() -> None:
    expected = [
        "Adomaitis", "Azuolas", "Ąžuolas", "Cibulskis", "Cvirka", "Čepas", "Ivanauskas",
        "Įgaunis", "Yla", "Jonaitis", "Sadauskas", "Sutkus", "Šimkus", "Zigmas", "Zuokas",
        "Žukauskas",
    ]  # fmt: skip
    assert sorted_names(_shuffled(expected), "lt") == expected


def test_lithuanian_y_comes_right_after_i_ogonek() -> None:
    assert sorted_names(["Jurgis", "Yla", "Įgaunis", "Ivanas"], "lt") == [
        "Ivanas", "Įgaunis", "Yla", "Jurgis",
    ]  # fmt: skip
    # In English Y is near the end instead.
    assert sorted_names(["Jurgis", "Yla", "Ivanas"], "en") == ["Ivanas", "Jurgis", "Yla"]


def test_lithuanian_places_q_w_x_as_english_does() -> None:
    expected = ["Pūkas", "Quinn", "Rimas", "Vilkas", "Walter", "Xavier", "Zigmas"]
    assert sorted_names(_shuffled(expected), "lt") == expected


def test_polish_alphabet() -> None:
    expected = [
        "Lasota", "Lis", "Łukasz", "Maj", "Nowak", "Ńa", "Owca", "Ósma", "Sikora", "Szymański",
        "Śliwińska", "Tomczak", "Zając", "Źrebiec", "Żak",
    ]  # fmt: skip
    assert sorted_names(_shuffled(expected), "pl") == expected


def test_polish_l_stroke_after_l() -> None:
    assert sorted_names(["Maj", "Łukasz", "Lis"], "pl") == ["Lis", "Łukasz", "Maj"]
    # Lithuanian has no Ł: it sorts with L there, so "Łukasz" comes before "Lutkus".
    assert sorted_names(["Lutkus", "Łukasz"], "lt") == ["Łukasz", "Lutkus"]
    assert sorted_names(["Lutkus", "Łukasz"], "pl") == ["Lutkus", "Łukasz"]


def test_russian_alphabet_with_yo_after_ye() -> None:
    expected = ["Абрамов", "Ежов", "Елкин", "Ёлкин", "Жуков", "Щукин", "Эйдельман", "Яковлев"]
    assert sorted_names(_shuffled(expected), "ru") == expected


def test_belarusian_and_ukrainian_letters_sort_with_their_russian_base() -> None:
    assert sorted_names(["Йорк", "Игорь", "Іванов"], "ru") == ["Іванов", "Игорь", "Йорк"]
    assert sorted_names(["Гусев", "Ґалина", "Дмитриев"], "ru") == ["Ґалина", "Гусев", "Дмитриев"]


def test_latin_before_cyrillic_except_in_russian() -> None:
    names = ["Иванов", "Smith", "Žukauskas"]
    assert sorted_names(names, "lt") == ["Smith", "Žukauskas", "Иванов"]
    assert sorted_names(names, "pl") == ["Smith", "Žukauskas", "Иванов"]
    assert sorted_names(names, "en") == ["Smith", "Žukauskas", "Иванов"]
    assert sorted_names(names, "ru") == ["Иванов", "Smith", "Žukauskas"]


def test_foreign_diacritics_sort_with_their_base_letter() -> None:
    assert sorted_names(["Fox", "Ėglė", "Eva", "Émile"], "lt") == ["Émile", "Eva", "Ėglė", "Fox"]
    assert sorted_names(["Zoe", "Müller", "Mylius", "Moser"], "en") == [
        "Moser", "Müller", "Mylius", "Zoe",
    ]  # fmt: skip
    # English ignores Lithuanian marks at the first level: Č is just C.
    assert sorted_names(["Dainius", "Čepas", "Cibulskis"], "en") == [
        "Čepas", "Cibulskis", "Dainius",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["lt", "pl", "ru", "en"])
def test_case_insensitive(lang: str) -> None:
    assert sorted_names(["cherry", "Banana", "apple"], lang) == ["apple", "Banana", "cherry"]
    assert (
        sort_key("ŽUKAUSKAS", lang).split("\x01")[0] == sort_key("žukauskas", lang).split("\x01")[0]
    )


def test_ties_are_ordered_deterministically() -> None:
    names = ["anna", "Anna", "ANNA", "Ånna"]
    keys = {sort_key(name, "en") for name in names}
    assert len(keys) == len(names)
    assert sorted_names(names, "en") == sorted_names(list(reversed(names)), "en")


def test_digits_before_letters_and_spaces_before_everything() -> None:
    assert sorted_names(["abc", "123", "Ąb"], "lt") == ["123", "abc", "Ąb"]
    expected = ["Kim", "Kim Anna", "Kim Zoe", "Kim-Zuzana", "Kimas"]
    assert sorted_names(_shuffled(expected), "lt") == expected


def test_apostrophe_does_not_break_a_word() -> None:
    assert sorted_names(["O'Brien", "Oakley", "Ozols"], "en") == ["Oakley", "O'Brien", "Ozols"]


def test_unknown_language_sorts_as_english() -> None:
    assert sort_key("Žukauskas Yla", "de") == sort_key("Žukauskas Yla", "en")
    assert sort_key("Łukasz", "pl_PL") == sort_key("Łukasz", "pl")


def test_key_is_plain_text_without_nul() -> None:
    key = sort_key("Žukauskas 10 Иванов 東京", "lt")
    assert isinstance(key, str)
    assert "\x00" not in key
    key.encode("utf-8")


def test_sqlite_binary_order_equals_python_order() -> None:
    names = _shuffled(
        ["Žukauskas", "Zigmas", "Yla", "Įgaunis", "Ivanauskas", "Čepas", "Cvirka", "Иванов",
         "Kim Anna", "Kimas", "anna", "Anna", "Ąžuolas", "Azuolas", "123"]
    )  # fmt: skip
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE person (name TEXT, sort_lt TEXT)")
    connection.executemany(
        "INSERT INTO person VALUES (?, ?)", [(name, sort_key(name, "lt")) for name in names]
    )
    rows = connection.execute("SELECT name FROM person ORDER BY sort_lt").fetchall()
    assert [name for (name,) in rows] == sorted_names(names, "lt")


def test_keys_are_fast_enough_for_large_lists() -> None:
    names = [f"Žukauskienė Łucja {i}" for i in range(100_000)]
    start = time.perf_counter()
    for name in names:
        sort_key(name, "lt")
    assert time.perf_counter() - start < 3.0  # typically about half a second
