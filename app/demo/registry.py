"""Demo people, organisations, their roles, and consents for the national community field."""

from __future__ import annotations

import random
import re
from itertools import accumulate
from typing import Any

from app.demo import names
from app.demo.context import Ctx, OrgInfo, PersonInfo, Writer
from app.demo.orgnames import organisation_name
from app.demo.places import AREA_CODES, EMAIL_DOMAINS, ORIGIN_MIX, SHARES, STREETS, TOWNS
from app.ids import uuid7
from app.models import Consent, Organisation, Person, PersonRole
from app.reference import load_file
from app.text import fold

# People every demo shows first, for screenshots and for trying the search by hand.
SHOWCASE = (("Žydrūnė", "Ąžuolaitė", "lt", "f"), ("Jonas", "Petraitis", "lt", "m"),
            ("Małgorzata", "Żukowska", "pl", "f"), ("Ольга", "Смирнова", "ru", "f"),
            ("Иван", "Иванов", "ru", "m"))
DUPLICATE_SHARE = 0.005
CONSENT_SHARE = 0.4  # of people of a national community: about 30% of all people
RARE_COMMUNITIES = ("tatar", "jewish", "karaim", "armenian", "german", "latvian")
ORG_KINDS = {"ngo": 36, "community_organisation": 24, "school": 12, "business": 10,
             "religious": 5, "state_institution": 6, "international": 2, "other": 5}
ROLE_TITLES = {
    "chair": ("Pirmininkas", "Pirmininkė"), "board": ("Valdybos narys", "Valdybos narė"),
    "staff": ("Projektų vadovas", "Projektų vadovė"), "member": ("", ""),
    "volunteer": ("Savanoris", "Savanorė"), "contact": ("", ""),
}
DRAW = -1  # add(): draw a birth year
_NOT_EMAIL = re.compile(r"[^a-z0-9]")
_MUNICIPALITY_NAMES = {m["code"]: m["name"]["lt"]
                       for m in load_file("municipalities.json")["items"]}
_TOWN_WEIGHTS = {office: list(accumulate(t[4] for t in towns)) for office, towns in TOWNS.items()}


def split(total: int, shares: dict[str, int], codes: list[str]) -> dict[str, int]:
    """Divide `total` among the offices in play by their shares (largest remainder)."""
    weights = {c: shares.get(c, 1) for c in codes}
    whole = sum(weights.values())
    out = {c: total * w // whole for c, w in weights.items()}
    rest = total - sum(out.values())
    for c in sorted(codes, key=lambda c: -(total * weights[c] % whole))[:rest]:
        out[c] += 1
    return out


class _People:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.rng = ctx.rng("people")
        self.emails: set[str] = set()
        self.rows: list[dict[str, Any]] = []
        self.consents: list[dict[str, Any]] = []

    def _email(self, first: str, last: str, origin: str) -> str:
        rng = self.rng
        local = _NOT_EMAIL.sub("", fold(first)) + rng.choice((".", "", "_", ".")) + \
            _NOT_EMAIL.sub("", fold(last))
        domain = rng.choice(EMAIL_DOMAINS[origin])
        email = f"{local}@{domain}"
        while email in self.emails:
            email = f"{local}{rng.randint(1, 999)}@{domain}"
        self.emails.add(email)
        return email

    def add(self, office: str, origin: str, gender: str, first: str, last: str,
            birth_year: int | None = DRAW, phone: str | None = None) -> PersonInfo:
        """Add a person; the birth year is drawn unless given (None: not known)."""
        ctx, rng = self.ctx, self.rng
        town_row = rng.choices(TOWNS[office], cum_weights=_TOWN_WEIGHTS[office])[0]
        muni, town, _gen, postal, _w = town_row
        if birth_year == DRAW:
            birth_year = None if rng.random() < 0.07 else \
                ctx.anchor.year - int(rng.triangular(18, 82, 42))
        language = names.LANGUAGE_OF[origin]
        if origin != "lt" and rng.random() < 0.15:
            language = "lt"
        if phone is None and rng.random() < 0.88:
            phone = f"+370 6{rng.randint(0, 99):02d} {rng.randint(0, 99999):05d}"
        has_address = rng.random() < 0.6
        row: dict[str, Any] = {
            "id": uuid7(), "office_id": ctx.office_id(office), "first_name": first,
            "last_name": last, "birth_year": birth_year, "gender": gender,
            "email": self._email(first, last, origin) if rng.random() < 0.75 else "",
            "phone": phone or "",
            "address": f"{rng.choice(STREETS)} {rng.randint(1, 120)}" if has_address else "",
            "postal_code": f"LT-{postal}{rng.randint(0, 99):02d}" if has_address else "",
            "city": town, "municipality_code": muni, "preferred_language": language,
            "community_code": None,
        }
        if origin in names.COMMUNITY_OF and rng.random() < CONSENT_SHARE:
            community = names.COMMUNITY_OF[origin]
            if rng.random() < 0.03:
                community = rng.choice(RARE_COMMUNITIES)
            row["community_code"] = community
            self.consents.append({
                "office_id": row["office_id"], "person_id": row["id"], "purpose": "community",
                "form": rng.choices(("written", "electronic", "oral"), (70, 20, 10))[0],
                "given_on": ctx.day(-rng.randint(0, 720)),
            })
        self.rows.append(row)
        info = PersonInfo(row["id"], office, origin, gender, first, last, language, muni,
                          birth_year)
        ctx.people.append(info)
        ctx.by_office.setdefault(office, []).append(info)
        return info


def _other_office(ctx: Ctx, rng: random.Random, office: str) -> str:
    others = [c for c in ctx.codes if c != office]
    return rng.choice(others) if others and rng.random() < 0.5 else office


def _duplicate_of(p: PersonInfo) -> tuple[str, str]:
    """The same name as another office or a keyboard without special letters writes it."""
    if p.origin in ("ru", "by", "uk"):
        return names.latin_spelling(p.first), names.latin_spelling(p.last)
    return fold(p.first).title(), fold(p.last).title()


def make_people(ctx: Ctx, w: Writer) -> None:
    gen = _People(ctx)
    rng = gen.rng
    dup_records = max(3, round(ctx.size * DUPLICATE_SHARE))
    home = {"lt": "VIL", "pl": "SAL", "ru": "VIS", "by": "VIS", "uk": "VIS"}
    first_office = "VIL" if "VIL" in ctx.offices else ctx.codes[0]
    for first, last, origin, gender in SHOWCASE:
        gen.add(first_office, origin, gender, first, last)
    # Planted duplicates: the first group in all three spellings, then one more of each group.
    planted = 0
    groups = names.DUPLICATE_SPELLINGS
    curated = min(len(groups) - 1, max(0, (dup_records - 2) // 2))
    for g, (gender, spellings) in enumerate(groups[: curated + 1]):
        first, last, origin = spellings[0]
        office = home[origin] if home[origin] in ctx.offices else ctx.codes[0]
        base = gen.add(office, origin, gender, first, last)
        base_phone = gen.rows[-1]["phone"]
        for first2, last2, origin2 in spellings[1: 3 if g == 0 else 2]:
            gen.add(_other_office(ctx, rng, office), origin2, gender, first2, last2,
                    base.birth_year, base_phone if rng.random() < 0.4 else None)
            planted += 1
    derived = max(0, dup_records - planted)
    counts = split(max(0, ctx.size - len(gen.rows) - derived), SHARES, ctx.codes)
    for office, n in counts.items():
        mix = ORIGIN_MIX[office]
        origins, cumulative = list(mix), list(accumulate(mix.values()))
        for _ in range(n):
            origin = rng.choices(origins, cum_weights=cumulative)[0]
            gender = "f" if rng.random() < 0.56 else "m"
            first, last = names.random_name(rng, origin, gender)
            gen.add(office, origin, gender, first, last)
    pool = ctx.people[len(SHOWCASE):] or ctx.people
    for source in rng.sample(pool, min(derived, len(pool))):
        first, last = _duplicate_of(source)
        gen.add(_other_office(ctx, rng, source.office), source.origin, source.gender, first, last,
                source.birth_year if rng.random() < 0.8 else None)
    w.add(Person, gen.rows)
    w.add(Consent, gen.consents)


def make_organisations(ctx: Ctx, w: Writer) -> None:
    rng = ctx.rng("organisations")
    total = max(40, ctx.size // 20)
    counts = split(total, SHARES, ctx.codes)
    used_names: set[str] = set()
    used_codes: set[str] = set()
    rows: list[dict[str, Any]] = []
    kinds, weights = list(ORG_KINDS), list(ORG_KINDS.values())
    made_municipalities: set[str] = set()
    for office, n in counts.items():
        towns = TOWNS[office]
        municipal: dict[str, tuple[str, str, str, str, int]] = {}
        for town_row in towns:  # the first town of each municipality is its seat
            if town_row[0] not in made_municipalities:
                municipal.setdefault(town_row[0], town_row)
        made_municipalities.update(municipal)
        mix = ORIGIN_MIX[office]
        plan = ["municipality"] * min(len(municipal), n) + \
            rng.choices(kinds, weights, k=max(0, n - len(municipal)))
        municipal_left = list(municipal.values())
        for kind in plan:
            if kind == "municipality":
                muni, town, gen_, postal, _w = municipal_left.pop(0)
                name, short = _MUNICIPALITY_NAMES[muni].replace(
                    "savivaldybė", "savivaldybės administracija"), ""
            else:
                muni, town, gen_, postal, _w = rng.choices(towns, [t[4] for t in towns])[0]
                origin = rng.choices(list(mix), list(mix.values()))[0]
                district = gen_ + (" rajono" if muni.endswith("_r") else "")
                for _ in range(30):
                    name, short = organisation_name(rng, kind, origin, town, gen_, district)
                    if name not in used_names:
                        break
                else:
                    name = f"{name} – {town}, {rng.randint(2, 9999)}"
            used_names.add(name)
            code = str(rng.randint(110000000, 306999999))
            while code in used_codes:
                code = str(rng.randint(110000000, 306999999))
            used_codes.add(code)
            slug = re.sub(r"[^a-z0-9]+", "", fold(short or name.split("„")[-1]))[:20] or "org"
            area = AREA_CODES[office]
            row = {
                "id": uuid7(), "office_id": ctx.office_id(office), "name": name,
                "short_name": short, "kind": kind, "municipality_code": muni,
                "registration_code": code, "email": f"info@{slug}.lt" if rng.random() < 0.7 else "",
                "phone": f"+370 {area} {rng.randint(20000, 79999)}" if rng.random() < 0.8 else "",
                "website": f"www.{slug}.lt" if rng.random() < 0.3 else "",
                "address": f"{rng.choice(STREETS)} {rng.randint(1, 80)}",
                "postal_code": f"LT-{postal}{rng.randint(0, 99):02d}", "city": town,
            }
            rows.append(row)
            info = OrgInfo(row["id"], office, kind, name, muni)
            ctx.orgs.append(info)
            ctx.orgs_by_office.setdefault(office, []).append(info)
    w.add(Organisation, rows)


def make_roles(ctx: Ctx, w: Writer) -> None:
    """People's roles in organisations, and each office's staff and trainers."""
    rng = ctx.rng("roles")
    rows: list[dict[str, Any]] = []
    for office, orgs in ctx.orgs_by_office.items():
        people = ctx.by_office.get(office) or ctx.people
        adults = [p for p in people if p.birth_year is None or ctx.anchor.year - p.birth_year > 22]
        adults = adults or people
        ctx.staff[office] = rng.sample(adults, min(4, len(adults)))
        ctx.trainers[office] = rng.sample(adults, min(3 + len(adults) // 400, 12, len(adults)))
        for org in orgs:
            count = rng.randint(2, 9) if org.kind != "municipality" else 2
            for k, person in enumerate(rng.sample(adults, min(count, len(adults)))):
                role = "chair" if k == 0 and org.kind in ("ngo", "community_organisation") else \
                    rng.choices(("board", "member", "staff", "volunteer", "contact"),
                                (15, 45, 15, 15, 10))[0]
                titles = ROLE_TITLES[role]
                rows.append({
                    "office_id": ctx.office_id(office), "person_id": person.id,
                    "organisation_id": org.id, "role": role,
                    "title": titles[1] if person.gender == "f" else titles[0],
                    "since": ctx.day(-rng.randint(60, 3000)),
                    "until": ctx.day(-rng.randint(1, 50)) if rng.random() < 0.05 else None,
                })
                ctx.org_people.setdefault(org.id, []).append(person.id)
                ctx.person_org.setdefault(person.id, org.id)
    w.add(PersonRole, rows)
