"""Organisations in the shared registry, and people's roles in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import Organisation, Person, PersonRole
from app.services import validate as v
from app.services.results import ORGANISATIONS, ROLES, Changes, Saved

EDITABLE = (
    "name", "short_name", "kind", "community_code", "municipality_code", "registration_code",
    "email", "phone", "website", "address", "postal_code", "city", "notes",
)
ROLE_KINDS = ("chair", "board", "staff", "member", "volunteer", "contact")


@dataclass(frozen=True)
class OrganisationData:
    id: str | None = None
    name: str = ""
    short_name: str = ""
    kind: str = "ngo"
    community_code: str | None = None
    municipality_code: str | None = None
    registration_code: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    notes: str = ""
    archived: bool = False
    merged_into_id: str | None = None


@dataclass(frozen=True)
class RoleData:
    id: str | None = None
    person_id: str = ""
    organisation_id: str = ""
    role: str = "member"
    title: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    person_name: str = ""
    organisation_name: str = ""


def _to_data(o: Organisation) -> OrganisationData:
    return OrganisationData(id=o.id, archived=o.archived, merged_into_id=o.merged_into_id,
                            **{f: getattr(o, f) for f in EDITABLE})


def _load(s: Session, org_id: str) -> Organisation:
    org = s.get(Organisation, org_id)
    if org is None or org.deleted:
        raise NotFoundError(N_("This organisation is no longer in the registry."))
    return org


def get_organisation(db: Database, org_id: str) -> OrganisationData:
    with db.reader() as s:
        return _to_data(_load(s, org_id))


def clean(data: OrganisationData) -> OrganisationData:
    name = v.max_len("name", v.required("name", data.name, N_("Organisation name")), 300,
                     N_("Organisation name"))
    code = data.registration_code.strip()
    if code and not code.isdigit():
        raise ValidationError("registration_code",
                              N_("A registration code has digits only (e.g. 302123456)."))
    return replace(
        data, name=" ".join(name.split()), short_name=data.short_name.strip(),
        registration_code=code, email=v.email("email", data.email),
        phone=v.phone("phone", data.phone), website=data.website.strip(),
        address=data.address.strip(), postal_code=data.postal_code.strip(),
        city=data.city.strip(), notes=data.notes.strip(),
    )


def save_organisation(db: Database, data: OrganisationData) -> Saved[OrganisationData]:
    data = clean(data)
    with db.session() as s:
        if data.registration_code:
            clash = s.execute(
                select(Organisation.name).where(
                    Organisation.registration_code == data.registration_code,
                    Organisation.id != (data.id or ""), Organisation.deleted.is_(False),
                    Organisation.merged_into_id.is_(None),
                )
            ).scalar()
            if clash:
                raise ValidationError(
                    "registration_code",
                    N_("“{name}” already has this registration code."), name=clash,
                )
        if data.id is None:
            org = Organisation(**{f: getattr(data, f) for f in EDITABLE})
            s.add(org)
        else:
            org = _load(s, data.id)
            for f in EDITABLE:
                if getattr(org, f) != getattr(data, f):
                    setattr(org, f, getattr(data, f))
        s.flush()
        result = _to_data(org)
    return Saved(result, Changes.of(ORGANISATIONS, ids=[result.id or ""]))


def set_archived(db: Database, org_id: str, archived: bool = True) -> Saved[OrganisationData]:
    with db.session() as s:
        org = _load(s, org_id)
        org.archived = archived
        s.flush()
        result = _to_data(org)
    return Saved(result, Changes.of(ORGANISATIONS, ids=[org_id]))


# -- roles ----------------------------------------------------------------------------------


def roles(db: Database, *, person_id: str | None = None,
          organisation_id: str | None = None) -> list[RoleData]:
    with db.reader() as s:
        stmt = (
            select(PersonRole, Person, Organisation)
            .join(Person, Person.id == PersonRole.person_id)
            .join(Organisation, Organisation.id == PersonRole.organisation_id)
            .where(PersonRole.deleted.is_(False))
        )
        if person_id:
            stmt = stmt.where(PersonRole.person_id == person_id).order_by(Organisation.sort_lt)
        if organisation_id:
            stmt = stmt.where(PersonRole.organisation_id == organisation_id).order_by(
                Person.sort_lt
            )
        return [
            RoleData(r.id, r.person_id, r.organisation_id, r.role, r.title, r.since, r.until,
                     p.full_name, o.name)
            for r, p, o in s.execute(stmt).all()
        ]


def save_role(db: Database, data: RoleData) -> Saved[RoleData]:
    v.choice("role", data.role, ROLE_KINDS, N_("Role"))
    v.date_order("until", data.since, data.until)
    if not data.person_id or not data.organisation_id:
        raise ValidationError("organisation_id", N_("Choose a person and an organisation."))
    with db.session() as s:
        if data.id is None:
            role = PersonRole(person_id=data.person_id, organisation_id=data.organisation_id)
            s.add(role)
        else:
            role = s.get(PersonRole, data.id)
            if role is None or role.deleted:
                raise NotFoundError(N_("This role is no longer in the registry."))
        role.role, role.title = data.role, data.title.strip()
        role.since, role.until = data.since, data.until
        s.flush()
        saved = replace(data, id=role.id)
    return Saved(saved, Changes.of(ROLES, ids=[data.person_id, data.organisation_id]))


def remove_role(db: Database, role_id: str) -> Changes:
    with db.session() as s:
        role = s.get(PersonRole, role_id)
        if role is None:
            raise NotFoundError(N_("This role is no longer in the registry."))
        role.deleted = True
        ids = [role.person_id, role.organisation_id]
    return Changes.of(ROLES, ids=ids)
