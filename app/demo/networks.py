"""Demo regional cooperation networks: members, their interests, and the work programmes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from app.demo.context import Ctx, Writer
from app.ids import uuid7
from app.models import (
    Interest,
    MemberInterest,
    Network,
    NetworkMember,
    NetworkMunicipality,
    WorkItem,
)
from app.reference import ref_id

# (owner office, name, region, status, municipalities, founded days before the anchor,
#  transferred from)
NETWORKS = (
    ("SAL", "Šalčininkų rajono regioninis bendradarbiavimo tinklas", "Šalčininkų rajonas",
     "active", ("salcininku_r",), 1400, ""),
    ("VIS", "Visagino regioninis bendradarbiavimo tinklas", "Visaginas ir apylinkės", "active",
     ("visagino", "ignalinos_r", "zarasu_r"), 1250, ""),
    ("VIL", "Vilniaus rajono regioninis bendradarbiavimo tinklas", "Vilniaus rajonas", "active",
     ("vilniaus_r", "vilniaus_m"), 1100, ""),
    ("VIL", "Trakų ir Elektrėnų regioninis bendradarbiavimo tinklas", "Trakų rajonas ir Elektrėnai",
     "forming", ("traku_r", "elektrenu"), 120,
     "Šalčininkų rajono regioninis bendradarbiavimo tinklas"),
)
DESCRIPTIONS = {
    "active": "Tautinių bendrijų NVO, savivaldybės ir švietimo įstaigų bendradarbiavimo tinklas: "
              "bendri renginiai, darbo programa ir pasiūlymai savivaldybei.",
    "forming": "Tinklas kuriamas perkeliant Šalčininkų rajono tinklo patirtį (TBUSM) į naują "
               "regioną: nariai susipažįsta, derina interesus ir rengia darbo programą.",
}
# Shared interest tags (reference data), with names in the four languages.
INTERESTS = (
    ("youth", "Jaunimas", "Młodzież", "Молодёжь", "Youth"),
    ("seniors", "Senjorai", "Seniorzy", "Пожилые люди", "Seniors"),
    ("women", "Moterų iniciatyvos", "Inicjatywy kobiet", "Женские инициативы",
     "Women's initiatives"),
    ("culture", "Kultūra ir tradicijos", "Kultura i tradycje", "Культура и традиции",
     "Culture and traditions"),
    ("languages", "Kalbų mokymas", "Nauka języków", "Обучение языкам", "Language learning"),
    ("employment", "Užimtumas", "Zatrudnienie", "Занятость", "Employment"),
    ("entrepreneurship", "Verslumas", "Przedsiębiorczość", "Предпринимательство",
     "Entrepreneurship"),
    ("social_services", "Socialinės paslaugos", "Usługi socjalne", "Социальные услуги",
     "Social services"),
    ("education", "Švietimas", "Oświata", "Образование", "Education"),
    ("tourism", "Turizmas", "Turystyka", "Туризм", "Tourism"),
    ("ngo_capacity", "NVO gebėjimai", "Potencjał organizacji pozarządowych", "Потенциал НПО",
     "NGO capacity"),
    ("advocacy", "Atstovavimas", "Rzecznictwo", "Адвокация", "Advocacy"),
)
FREE_INTERESTS = ("Folkloro festivaliai", "Bitininkystė", "Kaimo turizmas", "Sportas vaikams",
                  "Rankdarbiai", "Savanorystė", "Kulinarinis paveldas", "Skaitmeninis raštingumas",
                  "Wieczory poezji polskiej", "Русский театр", "Chorų sąskrydžiai")
WORK_ITEMS = (
    "Parengti tinklo darbo programą", "Suderinti narių interesus: apklausa ir aptarimas",
    "Surengti apskritąjį stalą su savivaldybe", "Parengti bendrą projekto paraišką",
    "Organizuoti jaunimo vasaros stovyklą", "Išleisti tinklo naujienlaiškį",
    "Atnaujinti narių kontaktų sąrašą", "Surengti mokymus naujiems nariams",
    "Parengti pasiūlymus savivaldybės NVO rėmimo programai",
    "Pristatyti tinklo veiklą regioninėje spaudoje", "Surengti tautinių bendrijų kultūros dieną",
    "Parengti savanorių pritraukimo planą", "Įvertinti darbo programos įgyvendinimą",
    "Suorganizuoti bendrą mugę", "Parengti tinklo veiklos ataskaitą",
)
WORK_STATUSES = ("planned", "in_progress", "done", "dropped")


def _interests(ctx: Ctx, w: Writer) -> list[str]:
    """The shared tags: the reference list if the database has one, else the demo's own."""
    have = w.session.execute(select(func.count()).select_from(Interest)).scalar_one()
    if have:
        return list(w.session.execute(select(Interest.code).where(Interest.active)).scalars())
    # Ids as the shipped reference data would give them, so a later list merges onto these.
    w.add(Interest, [
        {"id": ref_id("interests", code), "code": code, "name_lt": lt, "name_pl": pl,
         "name_ru": ru, "name_en": en, "sort_order": i, "active": True, "custom": False}
        for i, (code, lt, pl, ru, en) in enumerate(INTERESTS)
    ])
    return [i[0] for i in INTERESTS]


def make_networks(ctx: Ctx, w: Writer) -> None:
    rng = ctx.rng("networks")
    tags = _interests(ctx, w)
    nets: list[dict[str, Any]] = []
    munis: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    interests: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for owner, name, region, status, codes, founded, transferred in NETWORKS:
        office = owner if owner in ctx.offices else ctx.codes[0]
        oid = ctx.office_id(office)
        orgs = ctx.orgs_by_office.get(office, [])
        pool = [o for o in orgs if o.municipality in codes] or orgs
        size = rng.randint(5, 8) if status == "forming" else rng.randint(10, 22)
        chosen = rng.sample(pool, min(size, len(pool)))
        # The lead is an NGO or a community organisation where the network has one.
        chosen.sort(key=lambda o: o.kind not in ("ngo", "community_organisation"))
        net_id = uuid7()
        founded_on = ctx.day(-founded)
        nets.append({
            "id": net_id, "office_id": oid, "name": name, "region": region, "status": status,
            "lead_organisation_id": chosen[0].id if chosen else None, "founded_on": founded_on,
            "transferred_from": transferred, "description": DESCRIPTIONS[status],
        })
        ctx.networks.append({"id": net_id, "office": office, "name": name, "status": status,
                             "members": [o.id for o in chosen]})
        munis += [{"office_id": oid, "network_id": net_id, "municipality_code": c} for c in codes]
        member_ids = []
        for k, org in enumerate(chosen):
            member_id = uuid7()
            member_ids.append(member_id)
            joined = founded_on + dt.timedelta(days=rng.randint(0, max(1, founded - 30)))
            contacts = ctx.org_people.get(org.id, [])
            members.append({
                "id": member_id, "office_id": oid, "network_id": net_id,
                "organisation_id": org.id,
                "role": "lead" if k == 0 else ("observer" if rng.random() < 0.15 else "member"),
                "joined_on": joined if k else founded_on,
                "left_on": ctx.day(-rng.randint(5, 200)) if k and rng.random() < 0.08 else None,
                "contact_person_id": rng.choice(contacts) if contacts else None,
            })
            for code in rng.sample(tags, rng.randint(1, min(3, len(tags)))):
                interests.append({"office_id": oid, "member_id": member_id,
                                  "interest_code": code, "label": ""})
            if rng.random() < 0.35:
                interests.append({"office_id": oid, "member_id": member_id,
                                  "interest_code": None, "label": rng.choice(FREE_INTERESTS)})
        item_ids = []
        for k, title in enumerate(rng.sample(WORK_ITEMS, rng.randint(6, 10))):
            status_ = WORK_STATUSES[k] if k < 4 else rng.choices(WORK_STATUSES, (30, 35, 30, 5))[0]
            starts = ctx.day(rng.randint(-300, 60))
            due = starts + dt.timedelta(days=rng.randint(20, 150))
            if status_ in ("done", "dropped"):
                starts = ctx.day(-rng.randint(90, 330))
                due = min(starts + dt.timedelta(days=rng.randint(20, 80)), ctx.day(-1))
            elif k % 3 == 1:
                due = ctx.day(-rng.randint(5, 60))  # late: due already, not done
                starts = due - dt.timedelta(days=rng.randint(30, 120))
            item_id = uuid7()
            item_ids.append(item_id)
            items.append({
                "id": item_id, "office_id": oid, "network_id": net_id,
                "title": f"{title} ({ctx.anchor.year} m.)" if k == 0 else title,
                "description": "", "starts_on": starts, "due_on": due, "status": status_,
                "responsible_member_id": rng.choice(member_ids) if member_ids else None,
            })
        ctx.work_items[net_id] = item_ids
    w.add(Network, nets)
    w.add(NetworkMunicipality, munis)
    w.add(NetworkMember, members)
    w.add(MemberInterest, interests)
    w.add(WorkItem, items)
