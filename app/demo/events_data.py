"""Titles and session topics of the demo's events, in Lithuanian, Polish and Russian."""

from __future__ import annotations

# Kinds (codes of resources/reference/event_kinds.json) and how often each occurs.
KIND_WEIGHTS = {"training": 30, "seminar": 18, "round_table": 10, "study_visit": 3,
                "conference": 5, "consultation": 14, "network_meeting": 20}
SESSIONS = {"training": (2, 3), "seminar": (1, 2), "round_table": (1, 1), "study_visit": (3, 3),
            "conference": (1, 2), "consultation": (1, 1), "network_meeting": (1, 1)}
HOURS = {"training": (4.0, 6.0, 8.0), "seminar": (4.0, 6.0), "round_table": (3.0, 4.0),
         "study_visit": (8.0,), "conference": (6.0, 8.0), "consultation": (2.0,),
         "network_meeting": (2.0, 3.0)}
CAPACITY = {"training": (18, 30), "seminar": (25, 60), "round_table": (12, 25),
            "study_visit": (14, 20), "conference": (60, 150), "consultation": (4, 10),
            "network_meeting": (12, 25)}
CERT_RULE = {"training": "sessions", "seminar": "sessions", "study_visit": "sessions",
             "conference": "hours"}

# (Lithuanian, Polish, Russian)
TITLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "training": (
        ("NVO lyderių mokymai: strateginis planavimas", "Szkolenie liderów NGO: planowanie "
         "strategiczne", "Обучение лидеров НПО: стратегическое планирование"),
        ("Projektų rašymas ir valdymas", "Pisanie i zarządzanie projektami",
         "Написание проектов и управление ими"),
        ("NVO finansų valdymas ir atskaitomybė", "Zarządzanie finansami i sprawozdawczość NGO",
         "Управление финансами и отчётность НПО"),
        ("Savanorių pritraukimas ir komandos telkimas", "Pozyskiwanie wolontariuszy i budowanie "
         "zespołu", "Привлечение волонтёров и сплочение команды"),
        ("Viešieji ryšiai ir socialiniai tinklai NVO", "Public relations i media społecznościowe "
         "w NGO", "Связи с общественностью и соцсети для НПО"),
        ("Kaip pradėti verslą: nuo idėjos iki plano", "Jak założyć firmę: od pomysłu do planu",
         "Как начать бизнес: от идеи до плана"),
        ("Bendradarbiavimo tinklo mechanizmas praktikoje", "Mechanizm sieci współpracy w "
         "praktyce", "Механизм сети сотрудничества на практике"),
        ("Jaunimo lyderystės mokymai", "Szkolenie przywództwa młodzieżowego",
         "Тренинг молодёжного лидерства"),
    ),
    "seminar": (
        ("Seminaras su užsienio ekspertais: tinklų perspektyvos", "Seminarium z ekspertami "
         "zagranicznymi: perspektywy sieci", "Семинар с зарубежными экспертами: перспективы сетей"),
        ("Darbas su tautinėmis bendrijomis: mokomasis seminaras", "Praca ze społecznościami "
         "narodowymi: seminarium szkoleniowe", "Работа с национальными общинами: учебный семинар"),
        ("Projekto produktų pristatymas NVO", "Prezentacja produktów projektu dla NGO",
         "Презентация продуктов проекта для НПО"),
        ("Mikroverslo kūrimo infrastruktūra: seminaras sprendimų priėmėjams", "Infrastruktura "
         "tworzenia mikroprzedsiębiorstw: seminarium dla decydentów",
         "Инфраструктура создания микробизнеса: семинар для лиц, принимающих решения"),
    ),
    "round_table": (
        ("Apskritasis stalas su Lietuvos savivaldybių asociacija", "Okrągły stół ze "
         "Stowarzyszeniem Samorządów Litwy", "Круглый стол с Ассоциацией самоуправлений Литвы"),
        ("Apskritasis stalas su politikais ir teisininkais", "Okrągły stół z politykami i "
         "prawnikami", "Круглый стол с политиками и юристами"),
        ("Tinklo organizacijų apskritasis stalas", "Okrągły stół organizacji sieci",
         "Круглый стол организаций сети"),
    ),
    "study_visit": (
        ("Mokomasis vizitas į Vokietiją: tautinių bendrijų gerosios praktikos", "Wizyta studyjna "
         "w Niemczech: dobre praktyki społeczności narodowych",
         "Учебный визит в Германию: лучшие практики национальных общин"),
        ("Mokomasis vizitas į Visaginą: verslo inkubatorius", "Wizyta studyjna w Wisagini: "
         "inkubator przedsiębiorczości", "Учебный визит в Висагинас: бизнес-инкубатор"),
    ),
    "conference": (
        ("Teminio tinklo baigiamoji konferencija", "Konferencja końcowa sieci tematycznej",
         "Итоговая конференция тематической сети"),
        ("Regioninė NVO konferencija", "Regionalna konferencja NGO",
         "Региональная конференция НПО"),
    ),
    "consultation": (
        ("Konsultacija apie BT perkėlimą į naują regioną", "Konsultacja o przeniesieniu sieci do "
         "nowego regionu", "Консультация о переносе сети в новый регион"),
        ("Konsultacija: tinklo darbo programos rengimas", "Konsultacja: przygotowanie programu "
         "pracy sieci", "Консультация: подготовка рабочей программы сети"),
        ("Individuali verslo konsultacija", "Indywidualna konsultacja biznesowa",
         "Индивидуальная бизнес-консультация"),
    ),
    "network_meeting": (
        ("Tinklo narių susitikimas", "Spotkanie członków sieci", "Встреча участников сети"),
        ("Tinklo darbo programos aptarimas", "Omówienie programu pracy sieci",
         "Обсуждение рабочей программы сети"),
        ("Narių interesų derinimo susitikimas", "Spotkanie uzgadniające interesy członków",
         "Встреча по согласованию интересов участников"),
    ),
}

TOPICS = {
    "training": ("Organizacijos misija ir tikslai", "Poreikių analizė", "Veiklos planas",
                 "Biudžeto sudarymas", "Rizikų valdymas", "Praktinės užduotys grupėse",
                 "Rezultatų vertinimas"),
    "seminar": ("Pranešimai ir diskusija", "Gerosios praktikos pavyzdžiai",
                "Klausimai ir atsakymai"),
    "round_table": ("Diskusija ir pasiūlymų aptarimas",),
    "study_visit": ("Susitikimas su partnerių organizacijomis", "Apsilankymas bendruomenių centre",
                    "Patirties apibendrinimas"),
    "conference": ("Plenarinė sesija", "Teminės sekcijos"),
    "consultation": ("Individuali konsultacija",),
    "network_meeting": ("Darbo programos įgyvendinimo aptarimas",),
}

DESCRIPTIONS = {
    "training": "Praktiniai mokymai tautinių bendrijų NVO lyderiams ir aktyviems nariams.",
    "seminar": "Seminaras su pranešimais, diskusija ir gerosios praktikos pavyzdžiais.",
    "round_table": "Diskusija su sprendimų priėmėjais ir organizacijų atstovais.",
    "study_visit": "Susipažinimas su partnerių patirtimi vietoje.",
    "conference": "Projekto rezultatų pristatymas platesnei auditorijai.",
    "consultation": "Konsultacija organizacijoms ir asmenims.",
    "network_meeting": "Regioninio bendradarbiavimo tinklo narių susitikimas.",
}

OVERRIDE_REASONS = ("Praleistą užsiėmimą atidirbo individualiai su lektoriumi",
                    "Dalyvavo nuotoliu dėl ligos; lektorius patvirtino")
REVOKE_REASONS = ("Klaidingai įrašytas dalyvio vardas; išduotas naujas pažymėjimas",
                  "Dalyvavimas nepasitvirtino patikrinus registracijos lapus",
                  "Išduotas per klaidą ne tam dalyviui")
REISSUE_REASONS = ("Pažymėjimas pamestas", "Pataisyta vardo rašyba")
