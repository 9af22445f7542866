"""The demo's advocacy runs, products and publications (texts as the offices would write them)."""

from __future__ import annotations

# (owner office, title, goal, document kind, target document, target institutions, status,
#  started days before the anchor, proposals)
RUNS: tuple[tuple[str, str, str, str, str, tuple[str, ...], str, int, tuple[str, ...]], ...] = (
    ("VIL", "TBUSM įtraukimas į NVO programą",
     "Kad tautinių bendrijų mikroverslo kūrimo modelis būtų finansuojamas iš NVO programos.",
     "programme", "Nevyriausybinių organizacijų ir bendruomeninės veiklos stiprinimo programa",
     ("ministry_social_security_labour", "department_national_minorities"), "awaiting_response",
     300,
     ("Įtraukti TBUSM taikymą į programos finansuojamų veiklų sąrašą",
      "Numatyti atskirą priemonę tautinių bendrijų NVO administraciniams gebėjimams stiprinti")),
    ("VIL", "Tautinių bendrijų NVO gebėjimų stiprinimas įstatyme",
     "Įstatymo projekte įtvirtinti valstybės paramą tautinių bendrijų NVO lyderių mokymams.",
     "law", "Tautinių mažumų įstatymo projektas", ("seimas", "department_national_minorities"),
     "submitted", 210,
     ("Papildyti projekto 6 straipsnį nuostata dėl lyderių mokymo programų",
      "Numatyti konsultacijas su tautinių bendrijų taryba rengiant įgyvendinamuosius aktus")),
    ("VIL", "Mikroverslo modelis Užimtumo tarnybos priemonėse",
     "Kad tautinių bendrijų atstovai galėtų gauti paramą savarankiškam užimtumui pagal TBUSM.",
     "regulation", "Aktyvios darbo rinkos politikos priemonių įgyvendinimo tvarkos aprašas",
     ("employment_service", "ministry_economy_innovation"), "partly_adopted", 420,
     ("Pripažinti NVO konsultantų parengtus verslo planus",
      "Leisti mentorystės išlaidas įtraukti į subsidijos sąmatą")),
    ("VIL", "Lyderių mokymo metodika savivaldybių programose",
     "Savivaldybių asociacija rekomenduoja metodiką savivaldybių NVO rėmimo programoms.",
     "strategy", "Savivaldybių NVO rėmimo gairės", ("association_lithuanian_municipalities",),
     "consulting", 150, ("Rekomenduoti savivaldybėms taikyti lyderių mokymo metodiką",)),
    ("VIL", "Vilniaus miesto tautinių bendrijų NVO finansavimo tvarka",
     "Aiškūs ir daugiamečiai kriterijai tautinių bendrijų NVO projektams finansuoti.",
     "municipal_decision", "Tautinių bendrijų projektų finansavimo tvarkos aprašas",
     ("municipality_vilniaus_m",), "planning", 40, ("Įvesti dvejų metų finansavimo ciklą",)),
    ("SAL", "Šalčininkų rajono NVO rėmimo tvarkos pakeitimai",
     "Smulkiems bendruomenių projektams – supaprastinta paraiška ir išankstinis mokėjimas.",
     "municipal_decision", "NVO veiklos rėmimo tvarkos aprašas", ("municipality_salcininku_r",),
     "adopted", 380,
     ("Supaprastinti paraiškos formą projektams iki 3 000 Eur",
      "Leisti 30 proc. išankstinį mokėjimą", "Paraiškas priimti ir lenkų kalba")),
    ("VIS", "Visagino smulkaus verslo rėmimo programa",
     "Programa remia tautinių bendrijų atstovų kuriamą mikroverslą ir jo mentorystę.",
     "programme", "Smulkiojo ir vidutinio verslo rėmimo programa", ("municipality_visagino",),
     "rejected", 330, ("Numatyti mentorystės paslaugų kompensavimą pradedantiesiems",)),
)

# Registration number prefixes of the institutions' document systems.
PREFIXES = {
    "seimas": "S", "government": "V", "ministry_social_security_labour": "SD",
    "ministry_culture": "KM", "ministry_education_science_sport": "ŠMSM",
    "ministry_interior": "VRM", "ministry_economy_innovation": "EIMIN",
    "department_national_minorities": "TMD", "employment_service": "UŽT",
    "association_lithuanian_municipalities": "LSA", "council_national_communities": "TBT",
    "municipality_vilniaus_m": "A51", "municipality_vilniaus_r": "A27",
    "municipality_salcininku_r": "R1", "municipality_visagino": "S1",
}
RESPONSES = {
    "adopted": "Pasiūlymui pritarta; nuostata įtraukta į galutinę redakciją.",
    "partly_adopted": "Pasiūlymui pritarta iš dalies: priimta pirmoji dalis, kita bus "
                      "svarstoma rengiant kitų metų programą.",
    "rejected": "Pasiūlymui nepritarta: programos lėšos jau paskirstytos.",
}
STEP_TITLES = {
    "drafting": "Pasiūlymų projekto rengimas su partneriais",
    "consultation": "Konsultacija su suinteresuotomis organizacijomis",
    "submission": "Pasiūlymai pateikti institucijai",
    "response": "Gautas institucijos atsakymas",
}
# (title, kind, version, status, description)
PRODUCTS = (
    ("Tautinių bendrijų mikroverslo kūrimo modelis (TBUSM)", "model", "2.0", "evaluated",
     "Modelis, sukurtas pirmajame etape ir perkeliamas į kitus regionus."),
    ("Lyderių mokymo programų taikymo skirtingoms tikslinėms grupėms metodika", "methodology",
     "1.1", "final", "Metodinės rekomendacijos, pristatytos teminio tinklo valdymo grupei."),
    ("Tautinių bendrijų NVO administracinių gebėjimų tyrimas", "study", "1.0", "final",
     "Tyrimas Šalčininkų, Visagino ir Vilniaus rajone."),
    ("Rekomendacijos dėl teisės aktų pakeitimų", "recommendations", "0.9", "draft",
     "Pasiūlymai dėl produktų integravimo į teisės aktus."),
)
# (title, outlet, language)
PUBLICATIONS = (
    ("Sieć współpracy w rejonie solecznickim ma już trzy lata", "Tygodnik Solecznicki", "pl"),
    ("Jak założyć własną firmę? Doradcy pomagają krok po kroku", "Wileński Przegląd", "pl"),
    ("В Висагинасе обсудили поддержку малого бизнеса", "Висагинские новости", "ru"),
    ("Лидеры общин учились писать проекты", "Регион-инфо", "ru"),
    ("Tautinių bendrijų NVO: nuo idėjos iki verslo", "Tautinių bendrijų žinios", "lt"),
    ("Apskritasis stalas su savivaldybių asociacija", "Regionų naujienos", "lt"),
    ("Mokomasis vizitas Vokietijoje: ko išmokome", "Tautinių bendrijų žinios", "lt"),
    ("Metodika lyderių mokymams pristatyta Vilniuje", "Pilietinė visuomenė", "lt"),
)
