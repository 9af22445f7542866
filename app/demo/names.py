"""Names for demo people, with their real letters, and the rules that make women's surnames.

Origins: "lt" Lithuanian, "pl" Polish (Latin letters with Ł, Ż, Ś...), "ru" Russian, "by"
Belarusian and "uk" Ukrainian (all three in Cyrillic). Surnames are stored in the men's form;
`surname_for` turns them into the women's form each language uses.
"""

from __future__ import annotations

import random

ORIGINS = ("lt", "pl", "ru", "by", "uk")
# The language a person of each origin most often asks to be served in.
LANGUAGE_OF = {"lt": "lt", "pl": "pl", "ru": "ru", "by": "ru", "uk": "ru"}
COMMUNITY_OF = {"pl": "polish", "ru": "russian", "by": "belarusian", "uk": "ukrainian"}

FIRST: dict[str, dict[str, tuple[str, ...]]] = {
    "lt": {
        "m": ("Jonas", "Petras", "Antanas", "Tomas", "Mindaugas", "Darius", "Vytautas",
              "Gediminas", "Saulius", "Rimantas", "Algirdas", "Audrius", "Žygimantas", "Šarūnas",
              "Andrius", "Paulius", "Mantas", "Dovydas", "Kęstutis", "Vaidas", "Arūnas",
              "Giedrius", "Ričardas", "Justinas", "Marius", "Rokas", "Karolis", "Domantas",
              "Eimantas", "Julius", "Aurimas", "Linas"),
        "f": ("Žydrūnė", "Rūta", "Aušra", "Jūratė", "Eglė", "Ieva", "Gintarė", "Dalia", "Rasa",
              "Laima", "Vaida", "Inga", "Asta", "Kristina", "Agnė", "Giedrė", "Ugnė", "Austėja",
              "Gabija", "Viktorija", "Jolanta", "Danutė", "Birutė", "Ona", "Aldona", "Milda",
              "Simona", "Neringa", "Dovilė", "Greta", "Justė", "Živilė"),
    },
    "pl": {
        "m": ("Łukasz", "Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał",
              "Marek", "Grzegorz", "Józef", "Stanisław", "Tadeusz", "Wojciech", "Zbigniew",
              "Jarosław", "Mirosław", "Henryk", "Ryszard", "Kazimierz", "Czesław", "Mateusz",
              "Dariusz", "Adam", "Edward", "Waldemar", "Leszek", "Artur", "Sławomir", "Zdzisław",
              "Witold", "Bolesław"),
        "f": ("Małgorzata", "Anna", "Maria", "Katarzyna", "Agnieszka", "Barbara", "Krystyna",
              "Ewa", "Elżbieta", "Zofia", "Teresa", "Danuta", "Halina", "Jadwiga", "Irena",
              "Joanna", "Beata", "Renata", "Bożena", "Grażyna", "Urszula", "Wiesława", "Dorota",
              "Iwona", "Jolanta", "Helena", "Józefa", "Stanisława", "Aleksandra", "Weronika",
              "Łucja", "Jagoda"),
    },
    "ru": {
        "m": ("Иван", "Алексей", "Сергей", "Дмитрий", "Андрей", "Николай", "Владимир", "Михаил",
              "Павел", "Евгений", "Олег", "Юрий", "Виктор", "Константин", "Артём", "Игорь",
              "Анатолий", "Геннадий", "Вадим", "Роман", "Максим", "Никита", "Фёдор", "Илья",
              "Григорий", "Денис"),
        "f": ("Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария",
              "Людмила", "Галина", "Екатерина", "Юлия", "Марина", "Валентина", "Надежда",
              "Лариса", "Оксана", "Алёна", "Ксения", "Дарья", "Вера", "Любовь", "Софья", "Жанна",
              "Зинаида", "Полина"),
    },
    "by": {
        "m": ("Аляксандр", "Алесь", "Янка", "Міхась", "Уладзімір", "Сяргей", "Андрэй", "Васіль",
              "Павел", "Віктар"),
        "f": ("Алеся", "Ганна", "Наталля", "Марыя", "Таццяна", "Вольга", "Святлана", "Ірына",
              "Алена", "Людміла"),
    },
    "uk": {
        "m": ("Олександр", "Тарас", "Богдан", "Андрій", "Василь", "Микола", "Юрій", "Дмитро",
              "Остап", "Ігор"),
        "f": ("Оксана", "Олена", "Наталія", "Ірина", "Галина", "Тетяна", "Юлія", "Ярослава",
              "Софія", "Марія"),
    },
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "lt": ("Petraitis", "Kazlauskas", "Jankauskas", "Stankevičius", "Vasiliauskas", "Žukauskas",
           "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas", "Baranauskas", "Petrauskas",
           "Navickas", "Ramanauskas", "Sakalauskas", "Vaitkus", "Žilinskas", "Rimkus", "Šimkus",
           "Mockus", "Balčiūnas", "Ąžuolas", "Jurgaitis", "Kairys", "Adomaitis", "Mickevičius",
           "Čiurlionis", "Dambrauskas", "Gudaitis", "Jasiūnas", "Norkus", "Šaltenis", "Grybas",
           "Valančius", "Ūsas", "Bagdonas", "Lukoševičius", "Šeštokas", "Daugėla", "Vilkas"),
    "pl": ("Wiśniewski", "Żukowski", "Kowalski", "Nowicki", "Jankowski", "Zieliński", "Sadowski",
           "Wasilewski", "Dąbrowski", "Szymański", "Kamiński", "Lewandowski", "Stankiewicz",
           "Mickiewicz", "Bogdanowicz", "Rybak", "Songin", "Narkiewicz", "Jasiński",
           "Gierasimowicz", "Romanowski", "Szczepański", "Kwiatkowski", "Wołodźko",
           "Ławrynowicz", "Ryżewski", "Sokołowski", "Krasowski", "Tomaszewicz", "Puchalski",
           "Mackiewicz", "Klimaszewski", "Ułasewicz", "Zdanowicz", "Małecki", "Żyliński",
           "Świętochowski", "Kozłowski", "Czeczot", "Bujko"),
    "ru": ("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
           "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
           "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Захаров",
           "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
           "Кузьмин", "Фролов", "Ильин", "Сорокин", "Белов", "Медведев", "Жуков", "Щербаков",
           "Крылов", "Калинин", "Воронин", "Троцкий", "Белый"),
    "by": ("Лукашэвіч", "Шушкевіч", "Багдановіч", "Караткевіч", "Быкаў", "Кавалёў", "Дубоўскі",
           "Навуменка", "Макарэвіч", "Жук"),
    "uk": ("Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Шевчук",
           "Бойко", "Ковальчук", "Гнатюк", "Левицький", "Петренко", "Савчук", "Ковальський"),
}

# One person written in several spellings (Polish, Lithuanian, Cyrillic): the duplicate finder
# must propose them. The first trio is always planted, so tests and screenshots can rely on it.
DUPLICATE_SPELLINGS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("m", (("Łukasz", "Wiśniewski", "pl"), ("Lukas", "Višnevskis", "lt"),
           ("Лукаш", "Вишневский", "ru"))),
    ("f", (("Małgorzata", "Żukowska", "pl"), ("Malgožata", "Žukovska", "lt"),
           ("Малгожата", "Жуковская", "ru"))),
    ("m", (("Krzysztof", "Dąbrowski", "pl"), ("Kšištof", "Dombrovskis", "lt"),
           ("Кшиштоф", "Домбровский", "ru"))),
    ("m", (("Stanisław", "Mickiewicz", "pl"), ("Stanislovas", "Mickevičius", "lt"),
           ("Станислав", "Мицкевич", "ru"))),
    ("m", (("Józef", "Sadowski", "pl"), ("Juzef", "Sadovskis", "lt"), ("Юзеф", "Садовский", "ru"))),
    ("f", (("Jadwiga", "Jankowska", "pl"), ("Jadvyga", "Jankovska", "lt"),
           ("Ядвига", "Янковская", "ru"))),
    ("m", (("Czesław", "Romanowski", "pl"), ("Česlovas", "Romanovskis", "lt"),
           ("Чеслав", "Романовский", "ru"))),
    ("m", (("Иван", "Иванов", "ru"), ("Ivan", "Ivanov", "lt"), ("Iwan", "Iwanow", "pl"))),
    ("f", (("Ольга", "Смирнова", "ru"), ("Olga", "Smirnova", "lt"), ("Olga", "Smirnowa", "pl"))),
    ("m", (("Сергей", "Кузнецов", "ru"), ("Sergej", "Kuznecov", "lt"),
           ("Siergiej", "Kuzniecow", "pl"))),
)

# The Lithuanian way of writing Cyrillic names in Latin letters (as in a passport).
_CYRILLIC_TO_LT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "ž", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je",
    "ґ": "g", "ў": "u", "'": "",
})  # fmt: skip


def _lt_feminine(surname: str, married: bool) -> str:
    for ending, maiden in (("ius", "iūtė"), ("ys", "ytė"), ("is", "ytė"), ("as", "aitė"),
                           ("us", "utė")):
        if surname.endswith(ending):
            stem = surname[: -len(ending)]
            return stem + ("ienė" if married else maiden)
    if surname.endswith("a"):
        return surname[:-1] + ("ienė" if married else "aitė")
    return surname


_SLAVIC_FEMININE = (
    # Polish
    ("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"),
    # Russian
    ("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ый", "ая"), ("ов", "ова"), ("ев", "ева"),
    ("ёв", "ёва"), ("ин", "ина"),
    # Belarusian
    ("скі", "ская"), ("цкі", "цкая"), ("аў", "ава"), ("ёў", "ёва"), ("оў", "ова"), ("ін", "іна"),
    # Ukrainian
    ("ський", "ська"), ("цький", "цька"),
)  # fmt: skip
_SLAVIC_FEMININE_LONGEST_FIRST = sorted(_SLAVIC_FEMININE, key=lambda pair: -len(pair[0]))


def surname_for(origin: str, surname: str, gender: str, married: bool = True) -> str:
    """The surname in the form a man or a woman of that origin carries."""
    if gender != "f":
        return surname
    if origin == "lt":
        return _lt_feminine(surname, married)
    for ending, feminine in _SLAVIC_FEMININE_LONGEST_FIRST:
        if surname.endswith(ending):
            return surname[: -len(ending)] + feminine
    return surname


def latin_spelling(name: str) -> str:
    """A Cyrillic name as a Lithuanian office writes it in Latin letters (Иванов -> Ivanov)."""
    out = name.lower().translate(_CYRILLIC_TO_LT)
    return out[:1].upper() + out[1:]


def random_name(rng: random.Random, origin: str, gender: str) -> tuple[str, str]:
    first = rng.choice(FIRST[origin][gender])
    surname = rng.choice(SURNAMES[origin])
    return first, surname_for(origin, surname, gender, married=rng.random() < 0.6)
