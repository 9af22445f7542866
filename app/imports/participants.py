"""Bulk registration from a participant list: column mapping, a preview, then one commit.

Nothing is written until `commit` runs, and `commit` writes everything or nothing. Each preview
row says whether it makes a new person, matches someone already in the registry (by e-mail, or a
confident name match across spellings), is already registered for the event, or is invalid and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select

from app.db import Database
from app.errors import UserError, ValidationError
from app.i18n import N_, _
from app.models import Organisation, Person, PersonRole, Registration
from app.services import people, person_search
from app.services.results import EVENTS, ORGANISATIONS, PEOPLE, ROLES, Changes, Saved
from app.text import fold

FIELDS = ("first_name", "last_name", "full_name", "organisation", "phone", "email",
          "birth_year", "gender")
FIELD_LABELS = {
    "first_name": N_("First name"), "last_name": N_("Last name"),
    "full_name": N_("Full name"), "organisation": N_("Organisation"), "phone": N_("Phone"),
    "email": N_("E-mail"), "birth_year": N_("Year of birth"), "gender": N_("Gender"),
}
# Header words in lt, pl, ru and en, folded (app.text.fold), and which language each implies.
HEADERS: dict[str, list[tuple[str, str]]] = {
    "first_name": [("vardas", "lt"), ("imie", "pl"), ("imya", "ru"), ("first name", "en"),
                   ("name", "en")],
    "last_name": [("pavarde", "lt"), ("nazwisko", "pl"), ("familiya", "ru"),
                  ("last name", "en"), ("surname", "en")],
    "full_name": [("vardas pavarde", "lt"), ("vardas, pavarde", "lt"),
                  ("imie i nazwisko", "pl"), ("fio", "ru"), ("familiya imya", "ru"),
                  ("full name", "en")],
    "organisation": [("organizacija", "lt"), ("organizacja", "pl"), ("organizatsiya", "ru"),
                     ("organisation", "en"), ("organization", "en"), ("istaiga", "lt")],
    "phone": [("telefonas", "lt"), ("tel", "lt"), ("tel.", "lt"), ("telefon", "pl"),
              ("telefon", "ru"), ("phone", "en")],
    "email": [("el. pastas", "lt"), ("el.pastas", "lt"), ("e-mail", "pl"), ("email", "en"),
              ("el. pochta", "ru"), ("e-pastas", "lt"), ("adres e-mail", "pl")],
    "birth_year": [("gimimo metai", "lt"), ("rok urodzenia", "pl"), ("god rozhdeniya", "ru"),
                   ("year of birth", "en"), ("birth year", "en"), ("gimimo data", "lt"),
                   ("data urodzenia", "pl"), ("data rozhdeniya", "ru")],
    "gender": [("lytis", "lt"), ("plec", "pl"), ("pol", "ru"), ("gender", "en"), ("sex", "en")],
}
# What a gender letter means depends on the language of the list: M is "moteris" (female) in
# Lithuanian and "mężczyzna" (male) in Polish.
GENDER_CODES = {
    "lt": {"m": "f", "v": "m", "moteris": "f", "vyras": "m"},
    "pl": {"k": "f", "m": "m", "kobieta": "f", "mezczyzna": "m"},
    "ru": {"zh": "f", "m": "m", "zhenskiy": "f", "muzhskoy": "m"},
    "en": {"f": "f", "m": "m", "female": "f", "male": "m"},
}
MATCH_SCORE = 0.92


@dataclass(frozen=True)
class Mapping:
    header_row: int  # index in rows; data starts below it
    columns: dict[str, int]  # field -> column index
    language: str = "lt"  # of the headers: decides what gender letters mean


@dataclass(frozen=True)
class PreviewRow:
    line: int  # 1-based line in the file
    values: dict[str, str]
    status: str  # new / matched / registered / invalid
    person_id: str | None = None
    match_label: str = ""
    reason: str = ""  # translated, for invalid rows
    data: people.PersonData | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ImportResult:
    created: int
    matched: int
    registered: int
    skipped: int


def _header_field(cell: str) -> tuple[str, str] | None:
    key = fold(cell).strip(" :*")
    for name, words in HEADERS.items():
        for word, lang in words:
            if key == word:
                return name, lang
    return None


def guess_mapping(rows: list[list[str]]) -> Mapping:
    """The header is the first of the top rows where at least two cells are known headers."""
    for index, row in enumerate(rows[:10]):
        found: dict[str, int] = {}
        langs: list[str] = []
        for col, cell in enumerate(row):
            hit = _header_field(cell)
            if hit and hit[0] not in found:
                found[hit[0]] = col
                langs.append(hit[1])
        if len(found) >= 2 and ("last_name" in found or "full_name" in found):
            lang = max(set(langs) - {"en"} or {"en"}, key=langs.count)
            return Mapping(index, found, lang)
    raise UserError(N_("No header row with the participants' names was found. The list needs "
                       "columns such as “Vardas” and “Pavardė” (or Imię / Nazwisko, Имя / "
                       "Фамилия)."))


def _year(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if text[:4].isdigit() and (len(text) == 4 or text[4] in "-./"):
        return int(text[:4])
    if len(text) >= 10 and text[-4:].isdigit():
        return int(text[-4:])  # 26.11.1984
    raise ValueError(text)


def _person_from(values: dict[str, str], lang: str) -> people.PersonData:
    first, last = values.get("first_name", ""), values.get("last_name", "")
    if values.get("full_name") and not (first and last):
        parts = values["full_name"].split()
        if len(parts) >= 2:  # "Vardas Pavardė"; Russian lists put the surname first
            first, last = (" ".join(parts[1:]), parts[0]) if lang == "ru" else (
                " ".join(parts[:-1]), parts[-1])
        else:
            last = values["full_name"]
    gender = GENDER_CODES.get(lang, {}).get(fold(values.get("gender", "")), "")
    try:
        year = _year(values.get("birth_year", ""))
    except ValueError:
        raise ValidationError("birth_year", N_("“{value}” is not a year of birth."),
                              value=values.get("birth_year", "")) from None
    return people.PersonData(first_name=first, last_name=last, birth_year=year, gender=gender,
                             email=values.get("email", ""), phone=values.get("phone", ""),
                             preferred_language=lang if lang in ("lt", "pl", "ru") else "lt")


def preview(db: Database, rows: list[list[str]], mapping: Mapping,
            event_id: str | None = None) -> list[PreviewRow]:
    registered: set[str] = set()
    if event_id:
        with db.reader() as s:
            registered = set(s.execute(select(Registration.person_id).where(
                Registration.event_id == event_id, Registration.deleted.is_(False),
                Registration.status != "cancelled")).scalars())
    out: list[PreviewRow] = []
    seen_emails: set[str] = set()
    for index in range(mapping.header_row + 1, len(rows)):
        row = rows[index]
        values = {f: row[c].strip() for f, c in mapping.columns.items() if c < len(row)}
        line = index + 1
        try:
            data = people.clean(_person_from(values, mapping.language))
        except ValidationError as err:
            out.append(PreviewRow(line, values, "invalid", reason=err.text()))
            continue
        email = data.email.lower()
        if email and email in seen_emails:
            out.append(PreviewRow(line, values, "invalid",
                                  reason=_("The same e-mail appears twice in the list.")))
            continue
        seen_emails.add(email)
        match_id, label = _match(db, data)
        if match_id and match_id in registered:
            out.append(PreviewRow(line, values, "registered", match_id, label, data=data))
        elif match_id:
            out.append(PreviewRow(line, values, "matched", match_id, label, data=data))
        else:
            out.append(PreviewRow(line, values, "new", data=data))
    return out


def _match(db: Database, data: people.PersonData) -> tuple[str | None, str]:
    if data.email:
        with db.reader() as s:
            hit = s.execute(select(Person).where(
                func.lower(Person.email) == data.email.lower(), Person.deleted.is_(False),
                Person.merged_into_id.is_(None), Person.erased.is_(False))).scalars().first()
            if hit is not None:
                return hit.id, f"{hit.full_name} ({hit.email})"
    similar = person_search.similar_people(db, data.first_name, data.last_name, data.birth_year,
                                           limit=1, threshold=MATCH_SCORE)
    if similar and data.birth_year is not None:
        return similar[0].id, similar[0].label
    return None, similar[0].label if similar else ""


def _organisation_id(s: object, name: str, cache: dict[str, str]) -> str | None:
    if not name:
        return None
    key = fold(name)
    if key in cache:
        return cache[key]
    found = s.execute(select(Organisation.id).where(  # type: ignore[attr-defined]
        Organisation.search_text.startswith(key), Organisation.deleted.is_(False),
        Organisation.merged_into_id.is_(None))).scalars().first()
    if found is None:
        org = Organisation(name=name)
        s.add(org)  # type: ignore[attr-defined]
        s.flush()  # type: ignore[attr-defined]
        found = org.id
    cache[key] = found
    return found


def commit(db: Database, rows: list[PreviewRow], event_id: str | None = None,
           on: dt.date | None = None) -> Saved[ImportResult]:
    """Create the new people (and their organisations), register everyone valid, in one go."""
    created = matched = registered = skipped = 0
    orgs: dict[str, str] = {}
    with db.session() as s:
        for row in rows:
            if row.status in ("invalid", "registered") or row.data is None:
                skipped += 1
                continue
            if row.status == "matched" and row.person_id:
                person_id = row.person_id
                matched += 1
            else:
                fields = {f: getattr(row.data, f) for f in people.EDITABLE}
                person = Person(**fields)
                s.add(person)
                s.flush()
                person_id = person.id
                created += 1
            org_id = _organisation_id(s, row.values.get("organisation", ""), orgs)
            if org_id and row.status == "new":
                s.add(PersonRole(person_id=person_id, organisation_id=org_id, role="member"))
            if event_id:
                s.add(Registration(event_id=event_id, person_id=person_id,
                                   organisation_id=org_id, status="registered",
                                   registered_on=on or dt.date.today()))
                registered += 1
    result = ImportResult(created, matched, registered, skipped)
    return Saved(result, Changes.of(PEOPLE, ORGANISATIONS, ROLES, EVENTS,
                                    ids=[event_id] if event_id else []))


def remap(mapping: Mapping, field_name: str, column: int | None) -> Mapping:
    """The mapping with one field moved to another column (or dropped with None)."""
    columns = {f: c for f, c in mapping.columns.items() if f != field_name and c != column}
    if column is not None:
        columns[field_name] = column
    return replace(mapping, columns=columns)
