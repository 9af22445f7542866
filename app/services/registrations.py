"""Registering people for an event, with a waiting list when it is full."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import Event, Organisation, Person, Registration
from app.services.ownership import ensure_own
from app.services.results import EVENTS, Changes, Saved

STATUSES = ("registered", "confirmed", "cancelled", "no_show", "completed", "waiting")
HOLDS_A_PLACE = ("registered", "confirmed", "completed", "no_show")


@dataclass(frozen=True)
class RegistrationData:
    id: str
    event_id: str
    person_id: str
    person_name: str
    organisation_id: str | None
    organisation_name: str
    status: str
    waitlist_position: int | None
    registered_on: dt.date | None
    preferred_language: str


def _load_event(s: Session, event_id: str) -> Event:
    event = s.get(Event, event_id)
    if event is None or event.deleted:
        raise NotFoundError(N_("This event no longer exists."))
    return event


def places_taken(s: Session, event_id: str) -> int:
    return int(s.execute(select(func.count()).select_from(Registration).where(
        Registration.event_id == event_id, Registration.deleted.is_(False),
        Registration.status.in_(HOLDS_A_PLACE))).scalar_one())


def _next_wait_position(s: Session, event_id: str) -> int:
    top = s.execute(select(func.max(Registration.waitlist_position)).where(
        Registration.event_id == event_id, Registration.deleted.is_(False),
        Registration.status == "waiting")).scalar()
    return int(top or 0) + 1


def registrations(db: Database, event_id: str, *, include_cancelled: bool = True
                  ) -> list[RegistrationData]:
    """The event's registrations: people in alphabetical order, the waiting list last."""
    from app.i18n import current_language

    lang = current_language()
    sort = getattr(Person, f"sort_{lang}", Person.sort_en)
    with db.reader() as s:
        stmt = (
            select(Registration, Person, Organisation.name)
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Organisation, Organisation.id == Registration.organisation_id)
            .where(Registration.event_id == event_id, Registration.deleted.is_(False))
            .order_by((Registration.status == "waiting"), Registration.waitlist_position, sort)
        )
        if not include_cancelled:
            stmt = stmt.where(Registration.status != "cancelled")
        return [
            RegistrationData(r.id, r.event_id, r.person_id, p.full_name, r.organisation_id,
                             org or "", r.status, r.waitlist_position, r.registered_on,
                             p.preferred_language)
            for r, p, org in s.execute(stmt).all()
        ]


def register(db: Database, event_id: str, person_id: str, organisation_id: str | None = None,
             on: dt.date | None = None) -> Saved[str]:
    """Register a person; when the event is full they go on the waiting list."""
    with db.session() as s:
        event = _load_event(s, event_id)
        ensure_own(s, event)
        person = s.get(Person, person_id)
        if person is None or person.deleted or person.merged_into_id:
            raise NotFoundError(N_("This person is no longer in the registry."))
        existing = s.execute(select(Registration).where(
            Registration.event_id == event_id, Registration.person_id == person_id,
            Registration.deleted.is_(False))).scalar_one_or_none()
        if existing is not None and existing.status != "cancelled":
            raise ValidationError("person_id", N_("{name} is already registered for this event."),
                                  name=person.full_name)
        full = event.capacity is not None and places_taken(s, event_id) >= event.capacity
        status = "waiting" if full else "registered"
        position = _next_wait_position(s, event_id) if full else None
        if existing is not None:  # re-registering a cancelled registration keeps its history
            reg = existing
            reg.status, reg.waitlist_position = status, position
        else:
            reg = Registration(event_id=event_id, person_id=person_id,
                               organisation_id=organisation_id, status=status,
                               waitlist_position=position, registered_on=on or dt.date.today())
            s.add(reg)
        if organisation_id:
            reg.organisation_id = organisation_id
        s.flush()
        reg_id = reg.id
    return Saved(reg_id, Changes.of(EVENTS, ids=[event_id]))


def set_status(db: Database, registration_id: str, status: str) -> Saved[list[str]]:
    """Change a status; a place freed by a cancellation goes to the first on the waiting list.

    Returns the ids of registrations promoted from the waiting list.
    """
    if status not in STATUSES:
        raise ValidationError("status", N_("{label}: “{value}” is not one of the choices."),
                              label=N_("Status"), value=status)
    promoted: list[str] = []
    with db.session() as s:
        reg = s.get(Registration, registration_id)
        if reg is None or reg.deleted:
            raise NotFoundError(N_("This registration no longer exists."))
        event = _load_event(s, reg.event_id)
        ensure_own(s, event)
        was_holding = reg.status in HOLDS_A_PLACE
        reg.status = status
        reg.waitlist_position = None if status != "waiting" else (
            reg.waitlist_position or _next_wait_position(s, reg.event_id))
        s.flush()
        if was_holding and status not in HOLDS_A_PLACE and event.capacity is not None:
            free = event.capacity - places_taken(s, reg.event_id)
            waiting = s.execute(select(Registration).where(
                Registration.event_id == reg.event_id, Registration.deleted.is_(False),
                Registration.status == "waiting").order_by(Registration.waitlist_position)
                .limit(max(0, free))).scalars().all()
            for w in waiting:
                w.status, w.waitlist_position = "registered", None
                promoted.append(w.id)
        event_id = reg.event_id
    return Saved(promoted, Changes.of(EVENTS, ids=[event_id]))
