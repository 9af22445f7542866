"""Duplicate detection across Polish, Lithuanian, Cyrillic and plain-keyboard spellings."""

import pytest

from app.text import likely_same_person, name_similarity, name_skeleton

SAME_NAME_SPELLINGS = [
    ["Łukasz", "Lukas", "Lukasz", "Лукаш"],
    ["Wiśniewski", "Višnevskis", "Вишневский", "Wisniewski"],
    ["Żukowska", "Žukovska", "Жуковская", "Zukowska"],
    ["Jankowski", "Jankovskis", "Янковский"],
    ["Petrauskienė", "Petrauskiene"],
    ["Małgorzata", "Malgožata", "Малгожата"],
    ["Czesław", "Česlovas", "Чеслав"],
    ["Stanisław", "Stanislovas", "Станислав"],
    ["Grzegorz", "Gžegožas", "Gzegozas"],
    ["Krzywicka", "Kšivicka"],
    ["Mickiewicz", "Mickevičius", "Мицкевич"],
    ["Szczerbakow", "Ščerbakov", "Щербаков", "Shcherbakov"],
    ["Dąbrowski", "Dombrovskis", "Домбровский"],
    ["Józef", "Juzef", "Юзеф"],
]


@pytest.mark.parametrize("spellings", SAME_NAME_SPELLINGS, ids=lambda group: group[0])
def test_spellings_of_one_name_share_a_skeleton(spellings: list[str]) -> None:
    skeletons = {name_skeleton(spelling) for spelling in spellings}
    assert len(skeletons) == 1, skeletons
    assert skeletons != {""}


def test_lithuanian_surname_forms_of_one_family_meet() -> None:
    # Husband, wife and daughter: meeting is fine, the first names and gender keep them apart.
    assert name_skeleton("Petrauskas") == name_skeleton("Petrauskienė")
    assert name_skeleton("Petrauskaitė") == name_skeleton("Petrauskas")
    assert name_skeleton("Jonaitis") == name_skeleton("Jonaitytė") == name_skeleton("Jonaitienė")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jonas", "Janina"),
        ("Anna", "Jan"),
        ("Petraitis", "Petrauskas"),
        ("Nowak", "Kowalski"),
        ("Иванов", "Петров"),
    ],
)
def test_different_names_have_different_skeletons(a: str, b: str) -> None:
    assert name_skeleton(a) != name_skeleton(b)


def test_skeleton_of_a_full_name_is_per_word() -> None:
    assert name_skeleton("Łukasz Wiśniewski") == "luk visnevsk"
    assert name_skeleton("Nowak-Kowalska") == name_skeleton("Nowak Kowalska")
    assert name_skeleton("") == ""


def test_name_similarity_ignores_word_order_and_spelling() -> None:
    assert name_similarity("Łukasz Wiśniewski", "Лукаш Вишневский") == 1.0
    assert name_similarity("Wiśniewski Łukasz", "Lukas Višnevskis") == 1.0
    assert name_similarity("Łukasz Wiśniewski", "Jan Nowak") < 0.5
    assert name_similarity("", "Jan Nowak") == 0.0


def test_name_similarity_tolerates_a_typo_and_a_second_first_name() -> None:
    assert name_similarity("Jonas Petrauskas", "Jonas Petruskas") > 0.9
    assert 0.85 <= name_similarity("Anna Maria Nowak", "Anna Nowak") < 1.0


SAME_PEOPLE = [
    ("Łukasz", "Wiśniewski", "Lukas", "Višnevskis"),
    ("Łukasz", "Wiśniewski", "Лукаш", "Вишневский"),
    ("Łukasz", "Wiśniewski", "Lukasz", "Wisniewski"),
    ("Małgorzata", "Żukowska", "Malgožata", "Žukovska"),
    ("Małgorzata", "Żukowska", "Малгожата", "Жуковская"),
    ("Czesław", "Jankowski", "Česlovas", "Jankovskis"),
    ("Czesław", "Jankowski", "Чеслав", "Янковский"),
    ("Aleksandra", "Petrauskienė", "Aleksandra", "Petrauskiene"),
    ("Grzegorz", "Dąbrowski", "Gžegožas", "Dombrovskis"),
]


@pytest.mark.parametrize("names", SAME_PEOPLE, ids=lambda names: f"{names[1]}-{names[3]}")
def test_same_person_across_spellings_scores_high(names: tuple[str, str, str, str]) -> None:
    assert likely_same_person(*names) >= 0.85
    assert likely_same_person(*names, birth_year_a=1979, birth_year_b=1979) >= 0.85
    assert likely_same_person(*names, birth_year_a=1979) >= 0.85  # one year unknown


def test_first_and_last_name_swapped_still_match() -> None:
    assert likely_same_person("Wiśniewski", "Łukasz", "Lukas", "Višnevskis") >= 0.85


def test_whole_name_in_one_field_still_matches() -> None:
    assert likely_same_person("Łukasz Wiśniewski", "", "Lukas", "Višnevskis") >= 0.85


@pytest.mark.parametrize(
    "names",
    [
        ("Jonas", "Petraitis", "Janina", "Petraitienė"),
        ("Anna", "Nowak", "Jan", "Nowak"),
        ("Jan", "Nowak", "Jana", "Nowak"),
        ("Jonas", "Petraitis", "Jonas", "Petraitienė"),
        ("Jonas", "Kazlauskas", "Petras", "Kazlauskas"),
        ("Łukasz", "Wiśniewski", "Łukasz", "Nowak"),
        ("Irena", "Kšivicka", "Jurgita", "Čiurlionytė"),
    ],
    ids=lambda names: f"{names[0]} {names[1]}-{names[2]} {names[3]}",
)
def test_different_people_score_low(names: tuple[str, str, str, str]) -> None:
    assert likely_same_person(*names) < 0.6


def test_birth_years_far_apart_lower_the_score_strongly() -> None:
    names = ("Łukasz", "Wiśniewski", "Lukas", "Višnevskis")
    assert likely_same_person(*names, birth_year_a=1979, birth_year_b=1980) >= 0.85
    assert likely_same_person(*names, birth_year_a=1979, birth_year_b=2004) < 0.4
    assert likely_same_person(*names, birth_year_a=1979, birth_year_b=1981) < 0.4


def test_score_is_between_zero_and_one() -> None:
    assert likely_same_person("", "", "", "") == 0.0
    assert 0.0 <= likely_same_person("Jonas", "Jonaitis", "Jonaitis", "Jonas") <= 1.0
