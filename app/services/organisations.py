"""Organisations in the shared registry, and people's roles in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_, current_language
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
    """Live roles of a person (by organisation) or of an organisation (by person's name), in
    the alphabetical order of the current language."""
    lang = current_language()
    with db.reader() as s:
        stmt = (
            select(PersonRole, Person, Organisation)
            .join(Person, Person.id == PersonRole.person_id)
            .join(Organisation, Organisation.id == PersonRole.organisation_id)
            .where(PersonRole.deleted.is_(False))
        )
        if person_id:
            stmt = stmt.where(PersonRole.person_id == person_id).order_by(
                getattr(Organisation, f"sort_{lang}", Organisation.sort_en))
        if organisation_id:
            stmt = stmt.where(PersonRole.organisation_id == organisation_id).order_by(
                getattr(Person, f"sort_{lang}", Person.sort_en))
        return [_role_data(r, p.full_name, o.name) for r, p, o in s.execute(stmt).all()]


def _role_data(r: PersonRole, person_name: str, organisation_name: str) -> RoleData:
    return RoleData(r.id, r.person_id, r.organisation_id, r.role, r.title, r.since, r.until,
                    person_name, organisation_name)


def _check_role(s: Session, data: RoleData) -> None:
    """The person and the organisation are picked and still there, and the role is not held
    twice at once (the same person, organisation and kind, both open)."""
    v.choice("role", data.role, ROLE_KINDS, N_("Role"))
    v.date_order("until", data.since, data.until)
    if not data.person_id:
        raise ValidationError("person_id", N_("Choose the person."))
    if not data.organisation_id:
        raise ValidationError("organisation_id", N_("Choose the organisation."))
    person = s.get(Person, data.person_id)
    if person is None or person.deleted or person.merged_into_id:
        raise ValidationError("person_id", N_("This person is no longer in the registry."))
    if person.erased:
        raise ValidationError("person_id",
                              N_("An erased person cannot be given a role."))
    _load(s, data.organisation_id)
    if data.until is None:
        same = s.execute(
            select(PersonRole.id).where(
                PersonRole.person_id == data.person_id,
                PersonRole.organisation_id == data.organisation_id,
                PersonRole.role == data.role, PersonRole.until.is_(None),
                PersonRole.deleted.is_(False), PersonRole.id != (data.id or ""),
            )
        ).first()
        if same is not None:
            raise ValidationError(
                "role", N_("{person} already holds this role in this organisation."),
                person=person.full_name)


def save_role(db: Database, data: RoleData) -> Saved[RoleData]:
    """Create (id None) or edit a person's role in an organisation."""
    with db.session() as s:
        _check_role(s, data)
        if data.id is None:
            role = PersonRole(person_id=data.person_id, organisation_id=data.organisation_id)
            s.add(role)
        else:
            role = _load_role(s, data.id)
            role.person_id, role.organisation_id = data.person_id, data.organisation_id
        role.role, role.title = data.role, data.title.strip()
        role.since, role.until = data.since, data.until
        s.flush()
        saved = _role_data(role, role.person.full_name, role.organisation.name)
    return Saved(saved, Changes.of(ROLES, ids=[data.person_id, data.organisation_id]))


def end_role(db: Database, role_id: str, on: dt.date) -> Saved[RoleData]:
    """Close a role on a date (it stays in the history, unlike a removed one)."""
    with db.session() as s:
        role = _load_role(s, role_id)
        v.date_order("until", role.since, on)
        role.until = on
        s.flush()
        saved = _role_data(role, role.person.full_name, role.organisation.name)
    return Saved(saved, Changes.of(ROLES, ids=[saved.person_id, saved.organisation_id]))


def remove_role(db: Database, role_id: str) -> Changes:
    """A role recorded by mistake: tombstoned, never deleted, so the removal travels."""
    with db.session() as s:
        role = _load_role(s, role_id)
        role.deleted = True
        ids = [role.person_id, role.organisation_id]
    return Changes.of(ROLES, ids=ids)


def _load_role(s: Session, role_id: str) -> PersonRole:
    role = s.get(PersonRole, role_id)
    if role is None or role.deleted:
        raise NotFoundError(N_("This role is no longer in the registry."))
    return role
