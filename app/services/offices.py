"""This database's office: its profile (printed on sheets and certificates) and set-up."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import select, update

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import LocalState, Office
from app.services import validate as v
from app.services.results import OFFICES, Changes, Saved

CODE_RE = re.compile(r"^[A-Z]{2,6}$")
PROFILE_FIELDS = (
    "code", "name", "municipality_code", "address", "email", "phone", "signatory_name",
    "signatory_title", "certificate_series", "logo_sha256",
)


@dataclass(frozen=True)
class OfficeProfile:
    id: str | None = None
    code: str = ""
    name: str = ""
    municipality_code: str | None = None
    address: str = ""
    email: str = ""
    phone: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    certificate_series: str = ""
    logo_sha256: str | None = None
    is_coordinator: bool = False
    is_local: bool = False


def _to_profile(o: Office, local_id: str) -> OfficeProfile:
    return OfficeProfile(id=o.id, is_coordinator=o.is_coordinator, is_local=o.id == local_id,
                         **{f: getattr(o, f) for f in PROFILE_FIELDS})


def _local_id(db: Database) -> str:
    return db.local_office().id


def local_profile(db: Database) -> OfficeProfile:
    local = _local_id(db)
    with db.reader() as s:
        office = s.get(Office, local)
        assert office is not None
        return _to_profile(office, local)


def list_offices(db: Database) -> list[OfficeProfile]:
    local = _local_id(db)
    with db.reader() as s:
        rows = s.execute(select(Office).where(Office.deleted.is_(False)).order_by(Office.code))
        return [_to_profile(o, local) for o in rows.scalars()]


def is_configured(db: Database) -> bool:
    return db.local_office().configured


def clean(profile: OfficeProfile) -> OfficeProfile:
    code = profile.code.strip().upper()
    if not CODE_RE.match(code):
        raise ValidationError("code", N_("The office code is 2 to 6 Latin capital letters, "
                                         "e.g. SAL."))
    name = v.required("name", profile.name, N_("Office name"))
    series = (profile.certificate_series or code).strip().upper()
    return replace(profile, code=code, name=name, certificate_series=series,
                   email=v.email("email", profile.email), phone=v.phone("phone", profile.phone))


def save_local_profile(db: Database, profile: OfficeProfile) -> Saved[OfficeProfile]:
    """Set this database's office profile (first run, settings, `tinklas office init`)."""
    profile = clean(profile)
    local = _local_id(db)
    with db.session() as s:
        clash = s.execute(
            select(Office.id).where(Office.code == profile.code, Office.id != local)
        ).scalar()
        if clash:
            raise ValidationError("code", N_("Another office already uses the code {code}."),
                                  code=profile.code)
        office = s.get(Office, local)
        if office is None:
            raise NotFoundError(N_("This database has no office record."))
        for f in PROFILE_FIELDS:
            if getattr(office, f) != getattr(profile, f):
                setattr(office, f, getattr(profile, f))
        office.is_coordinator = profile.is_coordinator
        s.execute(update(LocalState).where(LocalState.key == "office_code")
                  .values(text_value=profile.code))
        s.execute(update(LocalState).where(LocalState.key == "office_configured")
                  .values(text_value="1"))
        s.flush()
        result = _to_profile(office, local)
    return Saved(result, Changes.of(OFFICES, ids=[local]))


def init_office(db: Database, code: str, name: str, coordinator: bool = False) -> OfficeProfile:
    current = local_profile(db)
    return save_local_profile(
        db, replace(current, code=code, name=name, is_coordinator=coordinator,
                    certificate_series=code)
    ).value
