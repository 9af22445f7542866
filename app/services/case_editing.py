"""Opening and editing a case: the beneficiary, the idea, the needs assessment, the business.

A new case gets a code like SAL-MV-2026-007 (per office and year) and a first stage change
into intake. Changing the business's start date moves its automatic follow-ups.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import BusinessCase, Office, Person, StageChange
from app.services import choices
from app.services import validate as v
from app.services.case_actions import schedule_follow_ups
from app.services.numbering import highest_suffix, next_number
from app.services.results import CASES, Changes, Saved

LANGUAGE_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
DIGITAL_SKILLS = {"none": N_("none"), "basic": N_("basic"),
                  "intermediate": N_("intermediate"), "advanced": N_("advanced")}
CASE_FIELDS = (
    "beneficiary_id", "consultant_id", "business_idea", "sector", "market", "municipality_code",
    "opened_on", "state_language_level", "digital_skills", "barriers", "skills", "resources",
    "plan_status", "legal_form", "registered_on", "business_code", "business_name",
    "started_on", "notes",
)
TEXT_LIMITS = {"sector": (120, N_("Sector")), "business_code": (32, N_("Business code")),
               "business_name": (200, N_("Business name"))}


@dataclass(frozen=True)
class CaseData:
    id: str | None = None
    code: str = ""
    beneficiary_id: str = ""
    consultant_id: str | None = None
    business_idea: str = ""
    sector: str = ""
    market: str = ""
    municipality_code: str | None = None
    opened_on: dt.date | None = None
    state_language_level: str = ""
    digital_skills: str = ""
    barriers: str = ""
    skills: str = ""
    resources: str = ""
    plan_status: str = ""
    legal_form: str | None = None
    registered_on: dt.date | None = None
    business_code: str = ""
    business_name: str = ""
    started_on: dt.date | None = None
    notes: str = ""
    stage_code: str = "intake"


def get_case_data(db: Database, case_id: str) -> CaseData:
    with db.reader() as s:
        c = s.get(BusinessCase, case_id)
        if c is None or c.deleted:
            raise NotFoundError(N_("This case is no longer in the database."))
        return CaseData(id=c.id, code=c.code, stage_code=c.stage_code,
                        **{f: getattr(c, f) for f in CASE_FIELDS})


def clean_case(db: Database, data: CaseData) -> CaseData:
    from app.services.cases import PLAN_STATUS

    if not data.beneficiary_id:
        raise ValidationError("beneficiary_id", N_("Choose the beneficiary from the registry."))
    if data.opened_on is None:
        raise ValidationError("opened_on", N_("Enter the date the case was opened."))
    texts: dict[str, Any] = {f: " ".join(getattr(data, f).split()) for f in
             ("sector", "business_code", "business_name", "state_language_level")}
    for f, (limit, name) in TEXT_LIMITS.items():
        v.max_len(f, texts[f], limit, name)
    if texts["state_language_level"] and texts["state_language_level"] not in LANGUAGE_LEVELS:
        raise ValidationError("state_language_level",
                              N_("Choose a level from A1 to C2, or leave it empty."))
    if data.plan_status and data.plan_status not in PLAN_STATUS:
        raise ValidationError("plan_status", N_("Choose the business plan's status."))
    if data.digital_skills and data.digital_skills not in DIGITAL_SKILLS:
        raise ValidationError("digital_skills", N_("Choose the digital skills level."))
    forms = {c for c, _label in choices.ref_list(db, "legal_form")}
    if data.legal_form and data.legal_form not in forms:
        raise ValidationError("legal_form", N_("Choose the legal form."))
    if data.registered_on and data.registered_on < data.opened_on:
        raise ValidationError("registered_on",
                              N_("The business cannot be registered before the case opened."))
    if data.started_on and data.started_on < data.opened_on:
        raise ValidationError("started_on",
                              N_("The business cannot start before the case opened."))
    return replace(data, **texts, business_idea=data.business_idea.strip(),
                   market=data.market.strip(), barriers=data.barriers.strip(),
                   skills=data.skills.strip(), resources=data.resources.strip(),
                   notes=data.notes.strip(), legal_form=data.legal_form or None,
                   municipality_code=data.municipality_code or None,
                   consultant_id=data.consultant_id or None)


def save_case(db: Database, data: CaseData) -> Saved[CaseData]:
    """Open a new case (coded, entered into intake) or save changes to one."""
    data = clean_case(db, data)
    assert data.opened_on is not None
    with db.session() as s:
        if s.get(Person, data.beneficiary_id) is None:
            raise ValidationError("beneficiary_id", N_("Choose the beneficiary from the registry."))
        if data.id is None:
            office = s.get(Office, db.local_office().id)
            assert office is not None
            year = data.opened_on.year
            prefix = f"{office.code}-MV-{year}-"
            used = list(s.execute(select(BusinessCase.code).where(
                BusinessCase.code.like(f"{prefix}%"))).scalars())
            number = next_number(s, office.id, "case", year, highest_suffix(used, prefix))
            c = BusinessCase(code=f"{prefix}{number:03d}", office_id=office.id,
                             stage_code="intake", **{f: getattr(data, f) for f in CASE_FIELDS})
            s.add(c)
            s.flush()
            s.add(StageChange(case_id=c.id, office_id=office.id, from_stage=None,
                              to_stage="intake", date=data.opened_on,
                              by_person_id=data.consultant_id))
        else:
            found = s.get(BusinessCase, data.id)
            if found is None or found.deleted:
                raise NotFoundError(N_("This case is no longer in the database."))
            c = found
            started = c.started_on
            for f in CASE_FIELDS:
                if getattr(c, f) != getattr(data, f):
                    setattr(c, f, getattr(data, f))
            if c.started_on != started and c.stage_code != "closed":
                schedule_follow_ups(s, c)
        s.flush()
        result = replace(data, id=c.id, code=c.code, stage_code=c.stage_code)
    return Saved(result, Changes.of(CASES, ids=[result.id or ""]))


def open_case_for(db: Database, person_id: str) -> str | None:
    """The id of the person's open case, if any (a person is followed in one case at a time)."""
    with db.reader() as s:
        return s.execute(select(BusinessCase.id).where(
            BusinessCase.beneficiary_id == person_id, BusinessCase.deleted.is_(False),
            BusinessCase.closed_on.is_(None))).scalars().first()
