"""Names of demo organisations in the language each one uses for itself."""

from __future__ import annotations

import random

from app.demo.places import TOWN_PL_RU

WORDS_LT = ("Jaunystė", "Viltis", "Ąžuolas", "Šaltinis", "Vaivorykštė", "Bendrystė", "Tiltas",
            "Aušra", "Gija", "Versmė", "Švyturys", "Sodžius", "Pynė", "Žiburys", "Drugelis",
            "Gintaras", "Rūta", "Saulutė", "Dobilas", "Ramunė")
GROUPS_LT = ("moterų", "jaunimo", "senjorų", "neįgaliųjų", "ūkininkų", "tautodailininkų",
             "verslininkų", "savanorių", "šeimų", "menininkų")
WORDS_PL = ("Wspólnota", "Razem", "Nadzieja", "Przyszłość", "Jutrzenka", "Kresy", "Solczanka",
            "Wilia", "Źródło", "Jarzębina", "Mozaika", "Świetlica", "Zorza", "Łączność", "Ognisko",
            "Kłos", "Mściwój", "Żurawie")
GROUPS_PL = ("Stowarzyszenie Kobiet", "Stowarzyszenie Młodzieży", "Klub Seniora",
             "Stowarzyszenie Przedsiębiorców", "Koło Gospodyń Wiejskich",
             "Towarzystwo Twórców Ludowych", "Zespół Ludowy", "Fundacja", "Stowarzyszenie")
WORDS_RU = ("Рябинушка", "Надежда", "Русское слово", "Содружество", "Родник", "Радуга",
            "Берегиня", "Истоки", "Лад", "Сполохи", "Созвездие", "Отчий дом", "Журавушка",
            "Доверие", "Свет", "Вдохновение")
GROUPS_RU = ("Общество", "Клуб женщин", "Клуб пенсионеров", "Ассоциация предпринимателей",
             "Молодёжный центр", "Культурный центр", "Ансамбль", "Союз родителей")
WORDS_BY = ("Сябры", "Крыніца", "Белая Вежа", "Спадчына", "Купалінка")
GROUPS_BY = ("Беларускае таварыства", "Клуб беларускай культуры", "Суполка")
WORDS_UK = ("Берегиня", "Калина", "Джерело", "Світанок", "Родина")
GROUPS_UK = ("Українська громада", "Товариство української культури", "Жіночий клуб")

PATRONS = ("Adomo Mickevičiaus", "Jono Pauliaus II", "Vinco Kudirkos", "Stanislavo Moniuškos",
           "Aleksandro Puškino", "Marijos Konopnickos", "Juliaus Slovackio", "Simono Daukanto",
           "Elizos Ožeškovos", "Lazdynų Pelėdos")
SCHOOL_KINDS = ("gimnazija", "progimnazija", "pagrindinė mokykla", "mokykla-daugiafunkcis centras",
                "meno mokykla")
INSTITUTIONS = ("socialinių paslaugų centras", "kultūros centras", "viešoji biblioteka",
                "turizmo informacijos centras", "pedagoginė psichologinė tarnyba")
PARISHES = ("Šv. apaštalų Petro ir Pauliaus parapija", "Švč. Mergelės Marijos parapija",
            "Šv. Mykolo parapija", "stačiatikių Šv. Nikolajaus parapija", "sentikių bendruomenė",
            "evangelikų liuteronų parapija", "totorių musulmonų bendruomenė")
INTERNATIONAL = ("Europos tautinių mažumų forumas", "Baltijos regiono NVO tinklas",
                 "Fundacja Współpracy Regionalnej", "Deutsch-Litauisches Bildungswerk",
                 "Nordic-Baltic Community Network")
BUSINESS_WORDS = ("Amatų kiemas", "Kepykla pas Janiną", "Baltijos amatai", "Žalias slėnis",
                  "Sodo gėrybės", "Vokės malūnas", "Miško takas", "Meistrų dirbtuvės",
                  "Medaus korys", "Visagino technologijos")
BUSINESS_FORMS = ("UAB", "MB", "IĮ")
VILLAGES = ("Akmenynės", "Butrimonių", "Dainavos", "Kalesninkų", "Pabarės", "Poškonių",
            "Tabariškių", "Kaniūkų", "Gerviškių", "Avižienių", "Bezdonių", "Buivydžių", "Dūkštų",
            "Juodšilių", "Kalvelių", "Lavoriškių", "Medininkų", "Mickūnų", "Riešės", "Sudervės",
            "Sužionių", "Zujūnų", "Dūkšto", "Tilžės", "Kazitiškio")


def organisation_name(rng: random.Random, kind: str, origin: str, town: str, town_gen: str,
                      district_gen: str) -> tuple[str, str]:
    """(name, short name) for an organisation of `kind` whose people are of `origin`."""
    town_pl, town_ru = TOWN_PL_RU.get(town, (town, town))
    if kind in ("ngo", "community_organisation", "other") and origin == "pl":
        word = rng.choice(WORDS_PL)
        place = f" w {town_pl}" if rng.random() < 0.6 else ""
        return f"{rng.choice(GROUPS_PL)} „{word}”{place}", word
    if kind in ("ngo", "community_organisation", "other") and origin in ("ru", "by", "uk"):
        groups, words = {"ru": (GROUPS_RU, WORDS_RU), "by": (GROUPS_BY, WORDS_BY),
                         "uk": (GROUPS_UK, WORDS_UK)}[origin]
        word = rng.choice(words)
        place = f" ({town_ru})" if rng.random() < 0.6 else ""
        return f"{rng.choice(groups)} «{word}»{place}", word
    if kind == "ngo":
        word = rng.choice(WORDS_LT)
        form = rng.randrange(4)
        if form == 0:
            return f"{district_gen} {rng.choice(GROUPS_LT)} klubas „{word}“", word
        if form == 1:
            return f"Asociacija „{town_gen} {word.lower()}“", word
        if form == 2:
            return f"VšĮ „{word}“", word
        return f"{town_gen} {rng.choice(GROUPS_LT)} draugija „{word}“", word
    if kind == "community_organisation":
        place = rng.choice(VILLAGES + (town_gen,))
        word = rng.choice(WORDS_LT)
        return f"{place} bendruomenė „{word}“", word
    if kind == "school":
        if rng.random() < 0.6:
            return f"{town_gen} {rng.choice(PATRONS)} {rng.choice(SCHOOL_KINDS)}", ""
        return f"{town_gen} „{rng.choice(WORDS_LT)}“ {rng.choice(SCHOOL_KINDS)}", ""
    if kind == "state_institution":
        if rng.random() < 0.3:
            return f"Užimtumo tarnybos {town_gen} skyrius", ""
        return f"{town_gen} {rng.choice(INSTITUTIONS)}", ""
    if kind == "religious":
        return f"{town_gen} {rng.choice(PARISHES)}", ""
    if kind == "business":
        word = rng.choice(BUSINESS_WORDS)
        return f"{rng.choice(BUSINESS_FORMS)} „{word}“", word
    if kind == "international":
        return rng.choice(INTERNATIONAL), ""
    word = rng.choice(WORDS_LT)
    return f"{town_gen} iniciatyvinė grupė „{word}“", word
