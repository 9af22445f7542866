"""People in the shared registry: read, create, edit, archive, consent, access and erasure."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import Consent, Office, Organisation, Person, PersonRole
from app.services import validate as v
from app.services.results import CONSENTS, PEOPLE, ROLES, Changes, Saved
from app.sync.scrub import PERSON_ERASED, scrub_erased_person

LANGS = ("lt", "pl", "ru", "en")
GENDERS = ("", "f", "m")
EDITABLE = (
    "first_name", "last_name", "birth_year", "gender", "email", "phone", "address",
    "postal_code", "city", "municipality_code", "preferred_language", "notes",
)


@dataclass(frozen=True)
class PersonData:
    id: str | None = None
    first_name: str = ""
    last_name: str = ""
    birth_year: int | None = None
    gender: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    municipality_code: str | None = None
    preferred_language: str = "lt"
    community_code: str | None = None
    notes: str = ""
    archived: bool = False
    erased: bool = False
    office_code: str = ""
    merged_into_id: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ConsentData:
    id: str
    person_id: str
    purpose: str
    form: str
    given_on: dt.date
    withdrawn_on: dt.date | None
    note: str


def _to_data(p: Person, office_code: str = "") -> PersonData:
    return PersonData(
        id=p.id, first_name=p.first_name, last_name=p.last_name, birth_year=p.birth_year,
        gender=p.gender, email=p.email, phone=p.phone, address=p.address,
        postal_code=p.postal_code, city=p.city, municipality_code=p.municipality_code,
        preferred_language=p.preferred_language, community_code=p.community_code,
        notes=p.notes, archived=p.archived, erased=p.erased, office_code=office_code,
        merged_into_id=p.merged_into_id,
    )


def _load(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFoundError(N_("This person is no longer in the registry."))
    return person


def get_person(db: Database, person_id: str) -> PersonData:
    with db.reader() as s:
        p = _load(s, person_id)
        office = s.get(Office, p.office_id) if p.office_id else None
        code = office.code if office is not None else ""
        return _to_data(p, code)


def clean(data: PersonData) -> PersonData:
    """Validate and normalise a person; raise ValidationError naming the first bad field."""
    first = v.max_len("first_name", v.required("first_name", data.first_name, N_("First name")),
                      120, N_("First name"))
    last = v.max_len("last_name", v.required("last_name", data.last_name, N_("Last name")),
                     120, N_("Last name"))
    v.choice("gender", data.gender, GENDERS, N_("Gender"))
    v.choice("preferred_language", data.preferred_language, LANGS, N_("Preferred language"))
    return replace(
        data,
        first_name=" ".join(first.split()),
        last_name=" ".join(last.split()),
        birth_year=v.birth_year("birth_year", data.birth_year),
        email=v.email("email", data.email),
        phone=v.phone("phone", data.phone),
        address=data.address.strip(), postal_code=data.postal_code.strip(),
        city=data.city.strip(), notes=data.notes.strip(),
    )


def save_person(db: Database, data: PersonData) -> Saved[PersonData]:
    """Create (id None) or update a person. The community is set only through consent."""
    data = clean(data)
    with db.session() as s:
        if data.id is None:
            person = Person(**{f: getattr(data, f) for f in EDITABLE})
            s.add(person)
        else:
            person = _load(s, data.id)
            if person.erased:
                raise ValidationError("id", N_("An erased person cannot be edited."))
            for f in EDITABLE:
                if getattr(person, f) != getattr(data, f):
                    setattr(person, f, getattr(data, f))
        s.flush()
        result = _to_data(person)
    return Saved(result, Changes.of(PEOPLE, ids=[result.id or ""]))


def set_archived(db: Database, person_id: str, archived: bool = True) -> Saved[PersonData]:
    with db.session() as s:
        person = _load(s, person_id)
        person.archived = archived
        s.flush()
        result = _to_data(person)
    return Saved(result, Changes.of(PEOPLE, ids=[person_id]))


# -- consent and the special-category field -------------------------------------------------


def consents(db: Database, person_id: str) -> list[ConsentData]:
    with db.reader() as s:
        rows = s.execute(
            select(Consent)
            .where(Consent.person_id == person_id, Consent.deleted.is_(False))
            .order_by(Consent.given_on)
        ).scalars()
        return [
            ConsentData(c.id, c.person_id, c.purpose, c.form, c.given_on, c.withdrawn_on, c.note)
            for c in rows
        ]


def _has_consent(s: Session, person_id: str) -> bool:
    return (
        s.execute(
            select(Consent.id).where(
                Consent.person_id == person_id, Consent.purpose == "community",
                Consent.withdrawn_on.is_(None), Consent.deleted.is_(False),
            )
        ).first()
        is not None
    )


CONSENT_FORMS = ("written", "electronic", "oral")


def record_consent(
    db: Database, person_id: str, community_code: str | None, given_on: dt.date,
    form: str = "written", note: str = "",
) -> Saved[PersonData]:
    """Record consent (date, form, purpose) and store the community it allows."""
    v.choice("form", form, CONSENT_FORMS, N_("Form of consent"))
    if given_on > dt.date.today():
        raise ValidationError("given_on", N_("The date of consent cannot be in the future."))
    with db.session() as s:
        person = _load(s, person_id)
        if not _has_consent(s, person_id):
            s.add(Consent(person_id=person_id, purpose="community", form=form,
                          given_on=given_on, note=note.strip()))
        person.community_code = community_code or None
        s.flush()
        result = _to_data(person)
    return Saved(result, Changes.of(PEOPLE, CONSENTS, ids=[person_id]))


def set_community(db: Database, person_id: str, community_code: str | None) -> Saved[PersonData]:
    with db.session() as s:
        person = _load(s, person_id)
        if community_code and not _has_consent(s, person_id):
            raise ValidationError(
                "community_code",
                N_("A national community can be stored only with the person's recorded consent."),
            )
        person.community_code = community_code or None
        s.flush()
        result = _to_data(person)
    return Saved(result, Changes.of(PEOPLE, ids=[person_id]))


def withdraw_consent(db: Database, person_id: str, on: dt.date) -> Saved[PersonData]:
    """Withdrawal erases the community at once; the withdrawal itself is recorded."""
    with db.session() as s:
        person = _load(s, person_id)
        for c in s.execute(
            select(Consent).where(Consent.person_id == person_id, Consent.withdrawn_on.is_(None))
        ).scalars():
            c.withdrawn_on = on
        person.community_code = None
        s.flush()
        result = _to_data(person)
    return Saved(result, Changes.of(PEOPLE, CONSENTS, ids=[person_id]))


# -- access request and erasure (GDPR) ------------------------------------------------------


def export_person(db: Database, person_id: str) -> dict[str, Any]:
    """Everything the registry holds about a person, for an access request."""
    from app.services.person_links import linked_records

    with db.reader() as s:
        person = _load(s, person_id)
        data = asdict(_to_data(person))
        data["consents"] = [asdict(c) for c in consents(db, person_id)]
        data["roles"] = [
            {"organisation": o.name, "role": r.role, "title": r.title, "since": r.since,
             "until": r.until}
            for r, o in s.execute(
                select(PersonRole, Organisation)
                .join(Organisation, Organisation.id == PersonRole.organisation_id)
                .where(PersonRole.person_id == person_id, PersonRole.deleted.is_(False))
            ).all()
        ]
        data["records"] = linked_records(s, person_id)
        data["cases"] = _case_data(s, person_id)
    return json.loads(json.dumps(data, default=str))


def _case_data(s: Session, person_id: str) -> list[dict[str, Any]]:
    """The person's micro-business cases with their notes and activities (personal data)."""
    from app.services.cases import personal_case_data

    return personal_case_data(s, person_id)


def erase_person(db: Database, person_id: str) -> Saved[PersonData]:
    """Anonymise: personal fields emptied, the record kept so that counts in reports survive;
    the old values are scrubbed from this database's change log and conflicts too."""
    with db.session() as s:
        person = _load(s, person_id)
        for f, value in PERSON_ERASED.items():
            setattr(person, f, value)
        person.erased = True
        person.archived = True
        for c in s.execute(select(Consent).where(Consent.person_id == person_id)).scalars():
            c.note = ""
        from app.services.cases import erase_case_notes

        erase_case_notes(s, person_id)  # case notes are personal data too
        scrub_erased_person(s, person_id)
        result = _to_data(person)
    return Saved(result, Changes.of(PEOPLE, CONSENTS, ROLES, ids=[person_id]))
