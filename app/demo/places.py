"""Where the demo offices work: their profiles, towns, streets, and who lives there."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OfficeFacts:
    name: str
    municipality: str
    address: str
    email: str
    phone: str
    signatory_name: str
    signatory_title: str
    coordinator: bool = False


# The offices of the project (DESIGN.md). Vilnius is the coordinator.
OFFICES = {
    "SAL": OfficeFacts("Šalčininkų regioninis biuras", "salcininku_r",
                       "Vilniaus g. 19, LT-17116 Šalčininkai", "salcininkai@tinklas.example",
                       "+370 380 51 234", "Irena Songin", "Biuro vadovė"),
    "VIS": OfficeFacts("Visagino regioninis biuras", "visagino",
                       "Taikos pr. 14, LT-31107 Visaginas", "visaginas@tinklas.example",
                       "+370 386 70 345", "Светлана Морозова", "Biuro vadovė"),
    "VIL": OfficeFacts("Vilniaus koordinacinis biuras", "vilniaus_m",
                       "Raugyklos g. 4, LT-01140 Vilnius", "vilnius@tinklas.example",
                       "+370 5 212 3456", "Rūta Kazlauskienė", "Projekto koordinatorė",
                       coordinator=True),
}

# Share of people, organisations, events and cases each office holds when all three are there.
SHARES = {"VIL": 40, "SAL": 35, "VIS": 25}

# Origins of the people each office serves (weights).
ORIGIN_MIX = {
    "SAL": {"pl": 68, "lt": 14, "ru": 10, "by": 6, "uk": 2},
    "VIS": {"ru": 62, "lt": 13, "by": 9, "uk": 9, "pl": 7},
    "VIL": {"lt": 40, "pl": 26, "ru": 24, "by": 5, "uk": 5},
}

# (municipality code, town, town in the genitive, postal code prefix, weight)
TOWNS: dict[str, tuple[tuple[str, str, str, str, int], ...]] = {
    "SAL": (
        ("salcininku_r", "Šalčininkai", "Šalčininkų", "171", 45),
        ("salcininku_r", "Eišiškės", "Eišiškių", "172", 20),
        ("salcininku_r", "Jašiūnai", "Jašiūnų", "173", 10),
        ("salcininku_r", "Baltoji Vokė", "Baltosios Vokės", "174", 8),
        ("salcininku_r", "Dieveniškės", "Dieveniškių", "175", 5),
        ("salcininku_r", "Turgeliai", "Turgelių", "176", 5),
        ("vilniaus_r", "Rudamina", "Rudaminos", "133", 7),
    ),
    "VIS": (
        ("visagino", "Visaginas", "Visagino", "311", 85),
        ("ignalinos_r", "Ignalina", "Ignalinos", "301", 8),
        ("zarasu_r", "Zarasai", "Zarasų", "322", 7),
    ),
    "VIL": (
        ("vilniaus_m", "Vilnius", "Vilniaus", "011", 55),
        ("vilniaus_r", "Nemenčinė", "Nemenčinės", "151", 10),
        ("vilniaus_r", "Maišiagala", "Maišiagalos", "141", 6),
        ("vilniaus_r", "Pagiriai", "Pagirių", "142", 5),
        ("traku_r", "Trakai", "Trakų", "211", 6),
        ("traku_r", "Lentvaris", "Lentvario", "253", 4),
        ("elektrenu", "Elektrėnai", "Elektrėnų", "261", 5),
        ("svencioniu_r", "Švenčionys", "Švenčionių", "181", 4),
    ),
}  # fmt: skip

STREETS = (
    "Vilniaus g.", "Mokyklos g.", "Sodų g.", "Ateities g.", "Liepų g.", "Beržų g.",
    "Jaunystės g.", "Draugystės g.", "Taikos g.", "Žalioji g.", "Pušų g.", "Parko g.",
    "Tilto g.", "Statybininkų g.", "Ąžuolų g.", "Šaltinių g.", "Gėlių g.", "Kalno g.",
    "Energetikų g.", "Pergalės g.", "Vytauto g.", "Kęstučio g.", "Dariaus ir Girėno g.",
)

# Fixed-line area codes for organisations' phones.
AREA_CODES = {"SAL": "380", "VIS": "386", "VIL": "5"}

EMAIL_DOMAINS = {
    "lt": ("gmail.com", "inbox.lt", "one.lt", "yahoo.com"),
    "pl": ("gmail.com", "wp.pl", "o2.pl", "interia.pl", "onet.pl"),
    "ru": ("gmail.com", "mail.ru", "yandex.ru", "inbox.lt"),
    "by": ("gmail.com", "mail.ru", "tut.by"),
    "uk": ("gmail.com", "ukr.net", "i.ua"),
}

# Venues for events, per office: (place, municipality).
VENUES = {
    "SAL": (("Šalčininkų kultūros centras, Vilniaus g. 19, Šalčininkai", "salcininku_r"),
            ("Eišiškių kultūros namai, Vilniaus g. 50, Eišiškės", "salcininku_r"),
            ("Jašiūnų bendruomenės centras, Mokyklos g. 3, Jašiūnai", "salcininku_r")),
    "VIS": (("Visagino kultūros centras, Parko g. 14, Visaginas", "visagino"),
            ("Visagino viešoji biblioteka, Veteranų g. 5, Visaginas", "visagino"),
            ("Visagino verslo centras, Jaunystės g. 21, Visaginas", "visagino")),
    "VIL": (("Tautinių bendrijų namai, Raugyklos g. 4, Vilnius", "vilniaus_m"),
            ("Nemenčinės kultūros centras, Švenčionių g. 2, Nemenčinė", "vilniaus_r"),
            ("Konferencijų centras „Neris“, Konstitucijos pr. 12, Vilnius", "vilniaus_m"),
            ("Trakų bendruomenės namai, Vytauto g. 33, Trakai", "traku_r")),
}  # fmt: skip
# Towns as Polish ("w ...") and Russian texts name them.
TOWN_PL_RU = {
    "Šalčininkai": ("Solecznikach", "Шальчининкай"), "Eišiškės": ("Ejszyszkach", "Эйшишкес"),
    "Jašiūnai": ("Jaszunach", "Яшюнай"), "Baltoji Vokė": ("Białej Wace", "Бальтойи-Воке"),
    "Dieveniškės": ("Dziewieniszkach", "Дейвенишкес"), "Turgeliai": ("Turgielach", "Тургеляй"),
    "Rudamina": ("Rudominie", "Рудамина"), "Visaginas": ("Wisagini", "Висагинас"),
    "Ignalina": ("Ignalinie", "Игналина"), "Zarasai": ("Jeziorosach", "Зарасай"),
    "Vilnius": ("Wilnie", "Вильнюс"), "Nemenčinė": ("Niemenczynie", "Неменчине"),
    "Maišiagala": ("Mejszagole", "Майшягала"), "Pagiriai": ("Podbrzeziu", "Пагиряй"),
    "Trakai": ("Trokach", "Тракай"), "Lentvaris": ("Landwarowie", "Лентварис"),
    "Elektrėnai": ("Elektrenach", "Электренай"), "Švenčionys": ("Święcianach", "Швенчёнис"),
}  # fmt: skip
ABROAD = (("DE", "Europäische Akademie, Bismarckallee 46, Berlin, Vokietija"),
          ("DE", "Sorbisches Institut, Bahnhofstraße 6, Bautzen, Vokietija"))
