"""What happens on a case: activities, financing, support given and outcomes.

Each is added or changed with one `save_*` call and removed (tombstoned) with `remove_line`.
An outcome recorded at a follow-up marks that automatic follow-up done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import (
    BusinessCase,
    CaseActivity,
    CaseFinancing,
    CaseOutcome,
    CaseSupport,
    Event,
    Registration,
)
from app.services import choices
from app.services.case_actions import complete_follow_up
from app.services.cases import (
    ACTIVITY_KIND,
    FINANCING_SOURCE,
    FINANCING_STATUS,
    OUTCOME_POINT,
    SUPPORT_KIND,
)
from app.services.results import CASES, Changes, Saved

REVENUE_LIST = "revenue_band"  # reference data: resources/reference/revenue_bands.json
MODELS: dict[str, Any] = {"activity": CaseActivity, "financing": CaseFinancing,
                          "support": CaseSupport, "outcome": CaseOutcome}


@dataclass(frozen=True)
class ActivityData:
    case_id: str
    kind: str = "consultation"
    date: dt.date | None = None
    duration_minutes: int = 60
    event_id: str | None = None
    by_person_id: str | None = None
    notes: str = ""
    id: str | None = None


@dataclass(frozen=True)
class FinancingData:
    case_id: str
    source: str = "grant"
    status: str = "applied"
    amount_eur: Decimal | None = None
    applied_on: dt.date | None = None
    decided_on: dt.date | None = None
    id: str | None = None


@dataclass(frozen=True)
class SupportData:
    case_id: str
    kind: str = "mentoring"
    description: str = ""
    date: dt.date | None = None
    hours: float | None = None
    amount_eur: Decimal | None = None
    id: str | None = None


@dataclass(frozen=True)
class OutcomeData:
    case_id: str
    point: str = "registration"
    date: dt.date | None = None
    operating: bool = True
    revenue_band: str = ""
    jobs_created: int = 1
    community_employees: int = 0
    note: str = ""
    id: str | None = None


def _case(s: Session, case_id: str) -> BusinessCase:
    c = s.get(BusinessCase, case_id)
    if c is None or c.deleted:
        raise NotFoundError(N_("This case is no longer in the database."))
    return c


def _store(s: Session, model: Any, data: Any, fields: tuple[str, ...]) -> str:
    c = _case(s, data.case_id)
    if data.id is None:
        row = model(case_id=c.id, office_id=c.office_id, **{f: getattr(data, f) for f in fields})
        s.add(row)
        s.flush()
        return str(row.id)
    row = s.get(model, data.id)
    if row is None or row.deleted:
        raise NotFoundError(N_("This entry is no longer in the database."))
    for f in fields:
        setattr(row, f, getattr(data, f))
    return str(row.id)


def _money(field: str, value: Decimal | None) -> None:
    if value is not None and value < 0:
        raise ValidationError(field, N_("The amount cannot be negative."))


def revenue_bands(db: Database) -> list[tuple[str, str]]:
    """The revenue bands as (code, name in the current language), lowest first."""
    return choices.ref_list(db, REVENUE_LIST)


def attended_events(db: Database, person_id: str) -> list[tuple[str, str]]:
    """Events the person was registered for (not cancelled), newest first, as (id, label)."""
    with db.reader() as s:
        rows = s.execute(
            select(Event.id, Event.code, Event.title_lt, Event.starts_on)
            .join(Registration, Registration.event_id == Event.id)
            .where(Registration.person_id == person_id, Registration.deleted.is_(False),
                   Registration.status != "cancelled", Event.deleted.is_(False))
            .order_by(Event.starts_on.desc())).all()
    return [(i, f"{code} {title}".strip()) for i, code, title, _start in rows]


def save_activity(db: Database, data: ActivityData) -> Saved[str]:
    if data.kind not in ACTIVITY_KIND:
        raise ValidationError("kind", N_("Choose the kind of activity."))
    if data.date is None:
        raise ValidationError("date", N_("Enter the date."))
    if not 0 <= data.duration_minutes <= 24 * 60:
        raise ValidationError("duration_minutes", N_("The duration must be 0 to 24 hours."))
    if data.kind == "training" and not data.event_id:
        raise ValidationError("event_id", N_("Choose the training the person attended."))
    with db.session() as s:
        if not data.by_person_id:  # by the case's consultant unless said otherwise
            data = replace(data, by_person_id=_case(s, data.case_id).consultant_id)
        rid = _store(s, CaseActivity, data, ("kind", "date", "duration_minutes", "event_id",
                                             "by_person_id", "notes"))
    return Saved(rid, Changes.of(CASES, ids=[data.case_id]))


def save_financing(db: Database, data: FinancingData) -> Saved[str]:
    if data.source not in FINANCING_SOURCE:
        raise ValidationError("source", N_("Choose the source of financing."))
    if data.status not in FINANCING_STATUS:
        raise ValidationError("status", N_("Choose the status."))
    _money("amount_eur", data.amount_eur)
    if data.applied_on and data.decided_on and data.decided_on < data.applied_on:
        raise ValidationError("decided_on", N_("The decision cannot come before the application."))
    with db.session() as s:
        rid = _store(s, CaseFinancing, data, ("source", "status", "amount_eur", "applied_on",
                                              "decided_on"))
    return Saved(rid, Changes.of(CASES, ids=[data.case_id]))


def save_support(db: Database, data: SupportData) -> Saved[str]:
    if data.kind not in SUPPORT_KIND:
        raise ValidationError("kind", N_("Choose the kind of support."))
    _money("amount_eur", data.amount_eur)
    if data.hours is not None and data.hours < 0:
        raise ValidationError("hours", N_("The hours cannot be negative."))
    with db.session() as s:
        rid = _store(s, CaseSupport, data, ("kind", "description", "date", "hours",
                                            "amount_eur"))
    return Saved(rid, Changes.of(CASES, ids=[data.case_id]))


def save_outcome(db: Database, data: OutcomeData) -> Saved[str]:
    if data.point not in OUTCOME_POINT:
        raise ValidationError("point", N_("Choose when the outcome was measured."))
    if data.date is None:
        raise ValidationError("date", N_("Enter the date."))
    # any band ever shipped (in use or not); the database is read only when a band is given
    if data.revenue_band and data.revenue_band not in choices.ref_extra(db, REVENUE_LIST):
        raise ValidationError("revenue_band", N_("Choose the revenue band."))
    if data.jobs_created < 0 or data.community_employees < 0:
        raise ValidationError("jobs_created", N_("The number of jobs cannot be negative."))
    if data.community_employees > data.jobs_created:
        raise ValidationError("community_employees",
                              N_("Employees from national communities cannot be more than the "
                                 "jobs created."))
    with db.session() as s:
        rid = _store(s, CaseOutcome, data, ("point", "date", "operating", "revenue_band",
                                            "jobs_created", "community_employees", "note"))
        if data.point != "registration":
            complete_follow_up(s, data.case_id, data.point, data.date)
    return Saved(rid, Changes.of(CASES, ids=[data.case_id]))


def remove_line(db: Database, kind: str, line_id: str) -> Saved[str]:
    """Remove an activity, financing, support or outcome line (kept as a tombstone)."""
    with db.session() as s:
        row = s.get(MODELS[kind], line_id)
        if row is None or row.deleted:
            raise NotFoundError(N_("This entry is no longer in the database."))
        row.deleted = True
        return Saved(line_id, Changes.of(CASES, ids=[row.case_id]))
