"""Texts for demo micro-business cases, as consultants write them (in Lithuanian)."""

from __future__ import annotations

from app.reference import load_file

# Stages in order (resources/reference/case_stages.json), without the terminal "closed".
STAGES = ("intake", "needs_assessment", "business_idea", "business_plan", "training_mentoring",
          "financing", "registration", "operating", "follow_up_6m", "follow_up_12m")
STAGE_WEIGHTS = (8, 10, 10, 10, 8, 7, 6, 12, 8, 6)
CLOSED_SHARE = 0.15
# Days spent in each stage before moving on (registration to the follow-ups: see cases.py).
STAGE_DAYS = ((7, 21), (14, 30), (20, 45), (20, 40), (30, 60), (20, 45), (7, 30))
CLOSE_REASONS = (("found_job", 35), ("moved_away", 15), ("lost_contact", 25),
                 ("not_viable", 20), ("other", 5))
CLOSE_NOTES = {
    "found_job": "Įsidarbino samdomu darbuotoju; verslo idėją atidėjo.",
    "moved_away": "Išvyko gyventi į kitą miestą.",
    "lost_contact": "Neatsiliepia į skambučius ir laiškus daugiau nei 3 mėnesius.",
    "not_viable": "Rinkos tyrimas parodė, kad paklausos nepakanka.",
    "other": "Dėl šeimos aplinkybių sustabdė veiklą.",
}

# (idea, sector, market, business name)
IDEAS = (
    ("Kaimo turizmo sodyba prie ežero", "Turizmas", "Miesto šeimos, užsienio turistai",
     "Sodyba „Ežerėlis“"),
    ("Siuvimo ir drabužių taisymo paslaugos", "Paslaugos", "Vietos gyventojai",
     "Siuvimo studija „Adata“"),
    ("Namų kepykla: tradiciniai pyragai ir šakočiai", "Maisto gamyba",
     "Vietos parduotuvės, šventės", "Kepykla „Pas Janiną“"),
    ("Automobilių remonto dirbtuvės", "Paslaugos", "Rajono gyventojai", "Autoservisas „Ratas“"),
    ("Buhalterinės apskaitos paslaugos NVO ir smulkiam verslui", "Verslo paslaugos",
     "NVO, ūkininkai", "Apskaitos biuras „Balansas“"),
    ("Grožio salonas", "Paslaugos", "Miesto gyventojos", "Salonas „Žavesys“"),
    ("Bitininkystė ir medaus produktai", "Žemės ūkis", "Mugės, internetas", "Medus „Korys“"),
    ("Ekologiškų daržovių auginimas ir prekyba", "Žemės ūkis", "Turgus, restoranai",
     "Ūkis „Žalias lapas“"),
    ("IT paslaugos ir kompiuterių taisymas", "IT", "Įmonės ir gyventojai", "„Bitų dirbtuvė“"),
    ("Vertimo paslaugos (lenkų, rusų, lietuvių)", "Verslo paslaugos", "Įmonės, gyventojai",
     "Vertimų biuras „Trys kalbos“"),
    ("Rankdarbių parduotuvė internete", "Prekyba", "Internetas, užsienio pirkėjai",
     "„Rankų šiluma“"),
    ("Valymo paslaugos", "Paslaugos", "Biurai, gyventojai", "Valymo paslaugos „Švara“"),
    ("Vaikų dienos priežiūra", "Socialinės paslaugos", "Jaunos šeimos",
     "Vaikų kambarys „Nykštukas“"),
    ("Fotografijos paslaugos", "Kūrybinės paslaugos", "Šventės, įmonės", "Foto „Akimirka“"),
)
BARRIERS = ("Menkas valstybinės kalbos mokėjimas dokumentams", "Trūksta pradinio kapitalo",
            "Nėra patirties rengiant verslo planą", "Toli nuo rajono centro, ribotas transportas",
            "Vaikų priežiūra riboja laiką")
SKILLS = ("Ilgametė patirtis pagal profesiją", "Gerai moka tris kalbas", "Turi vairuotojo "
          "pažymėjimą ir automobilį", "Baigė profesinę mokyklą", "Dirbo prekyboje")
RESOURCES = ("Nuosava patalpa", "Šeimos parama", "Dalis įrangos jau turima", "Sutaupytos lėšos",
             "Žemės sklypas")
LANGUAGE_LEVELS = ("A2", "B1", "B2", "C1")
DIGITAL_SKILLS = ("basic", "intermediate", "advanced")
ACTIVITY_KINDS = (("consultation", 40), ("mentoring", 15), ("training", 10), ("document", 15),
                  ("call", 15), ("visit", 5))
ACTIVITY_NOTES = {
    "consultation": "Aptarta verslo idėja ir kiti žingsniai.",
    "mentoring": "Mentoriaus susitikimas: rinkodara ir kainodara.",
    "training": "Dalyvavo mokymuose apie verslo pradžią.",
    "document": "Padėta parengti dokumentus.",
    "call": "Telefonu aptarta eiga.",
    "visit": "Apsilankyta veiklos vietoje.",
}
ACTIONS = ("Paskambinti dėl verslo plano", "Susitikti aptarti finansavimo paraišką",
           "Patikrinti registracijos dokumentus", "Pateikti paraišką Užimtumo tarnybai",
           "Aptarti mokymų poreikį", "Nusiųsti rinkos tyrimo šabloną",
           "Suderinti mentoriaus vizitą", "Peržiūrėti verslo plano finansinę dalį")
FOLLOW_UP_TITLES = {"follow_up_6m": "6 mėnesių stebėsena: ar verslas veikia",
                    "follow_up_12m": "12 mėnesių stebėsena: darbo vietos ir pajamos"}
# (source, low, high)
FINANCING = (("own_funds", 500, 5000), ("grant", 2000, 10000), ("micro_loan", 3000, 15000),
             ("employment_service", 2000, 6000))
SUPPORT = (("training", "Verslo pradžios mokymai"), ("mentoring", "Individuali mentorystė"),
           ("grant", "Smulkioji parama įrangai"), ("equipment", "Perduota naudota įranga"),
           ("other", "Pagalba ieškant patalpų"))
# The codes of resources/reference/revenue_bands.json, lowest first.
REVENUE_BANDS = tuple(item["code"] for item in load_file("revenue_bands.json")["items"])
LEGAL_FORMS = (("individual_activity", 40), ("business_licence", 35), ("small_partnership", 20),
               ("company", 5))
