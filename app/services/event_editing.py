"""Creating and editing events and their sessions (the Trainings tab's forms)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import Event, EventTrainer, Office
from app.models import Session as EventSession
from app.services import choices
from app.services import validate as v
from app.services.numbering import highest_suffix, next_number
from app.services.ownership import ensure_own
from app.services.results import EVENTS, Changes, Saved

CERT_RULES = ("sessions", "hours", "none")
EVENT_FIELDS = (
    "kind", "title_lt", "title_pl", "title_ru", "programme_code", "description", "starts_on",
    "ends_on", "place", "municipality_code", "country", "language", "capacity", "network_id",
    "run_id", "cert_rule", "cert_min_share", "hours_per_session", "status",
)


@dataclass(frozen=True)
class EventData:
    id: str | None = None
    code: str = ""
    kind: str = "training"
    title_lt: str = ""
    title_pl: str = ""
    title_ru: str = ""
    programme_code: str | None = None
    description: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    place: str = ""
    municipality_code: str | None = None
    country: str = "LT"
    language: str = "lt"
    capacity: int | None = None
    network_id: str | None = None
    run_id: str | None = None
    cert_rule: str = "sessions"
    cert_min_share: float = 0.8
    hours_per_session: float = 4.0
    status: str = "planned"
    trainer_ids: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SessionData:
    id: str | None = None
    event_id: str = ""
    number: int = 0
    date: dt.date | None = None
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    hours: float = 4.0
    topic: str = ""
    trainer_id: str | None = None


def _event_data(e: Event, trainers: tuple[str, ...]) -> EventData:
    return EventData(id=e.id, code=e.code, trainer_ids=trainers,
                     **{f: getattr(e, f) for f in EVENT_FIELDS})


def get_event_data(db: Database, event_id: str) -> EventData:
    with db.reader() as s:
        e = s.get(Event, event_id)
        if e is None or e.deleted:
            raise NotFoundError(N_("This event no longer exists."))
        trainers = tuple(s.execute(select(EventTrainer.person_id).where(
            EventTrainer.event_id == event_id, EventTrainer.deleted.is_(False))).scalars())
        return _event_data(e, trainers)


def clean_event(db: Database, data: EventData) -> EventData:
    title = v.max_len("title_lt", v.required("title_lt", data.title_lt, N_("Title in Lithuanian")),
                      300, N_("Title in Lithuanian"))
    kinds = {c for c, _n in choices.ref_list(db, "event_kind")}
    v.choice("kind", data.kind, kinds, N_("Kind"))
    if data.starts_on is None:
        raise ValidationError("starts_on", N_("{label} is required."), label=N_("Start date"))
    ends = data.ends_on or data.starts_on
    v.date_order("ends_on", data.starts_on, ends)
    if (ends - data.starts_on).days > 366:
        raise ValidationError("ends_on", N_("An event cannot last longer than a year."))
    if data.capacity is not None and data.capacity < 1:
        raise ValidationError("capacity", N_("The capacity must be at least 1, or left empty."))
    v.choice("cert_rule", data.cert_rule, CERT_RULES, N_("Certificate rule"))
    if not 0 < data.cert_min_share <= 1:
        raise ValidationError("cert_min_share",
                              N_("The minimum share must be between 1% and 100%."))
    if not 0 < data.hours_per_session <= 12:
        raise ValidationError("hours_per_session",
                              N_("Hours per session must be more than 0 and at most 12."))
    v.choice("language", data.language, ("lt", "pl", "ru", "en"), N_("Language"))
    return replace(data, title_lt=" ".join(title.split()), title_pl=data.title_pl.strip(),
                   title_ru=data.title_ru.strip(), place=data.place.strip(), ends_on=ends,
                   country=(data.country or "LT").strip().upper()[:2])


def save_event(db: Database, data: EventData) -> Saved[EventData]:
    """Create (a code like SAL-2026-014 is given) or update an event and its trainers."""
    data = clean_event(db, data)
    assert data.starts_on is not None
    with db.session() as s:
        event: Event | None
        if data.id is None:
            office = s.get(Office, db.local_office().id)
            assert office is not None
            year = data.starts_on.year
            prefix = f"{office.code}-{year}-"
            used = list(s.execute(select(Event.code).where(Event.code.like(f"{prefix}%")))
                        .scalars())
            number = next_number(s, office.id, "event", year, highest_suffix(used, prefix))
            event = Event(code=f"{prefix}{number:03d}",
                          **{f: getattr(data, f) for f in EVENT_FIELDS})
            s.add(event)
            s.flush()
        else:
            event = s.get(Event, data.id)
            if event is None or event.deleted:
                raise NotFoundError(N_("This event no longer exists."))
            ensure_own(s, event)
            for f in EVENT_FIELDS:
                if getattr(event, f) != getattr(data, f):
                    setattr(event, f, getattr(data, f))
        current = {t.person_id: t for t in s.execute(select(EventTrainer).where(
            EventTrainer.event_id == event.id)).scalars()}
        for pid, trainer in current.items():
            trainer.deleted = pid not in data.trainer_ids
        for pid in data.trainer_ids:
            if pid not in current:
                s.add(EventTrainer(event_id=event.id, person_id=pid))
        s.flush()
        result = replace(data, id=event.id, code=event.code)
    return Saved(result, Changes.of(EVENTS, ids=[result.id or ""]))


def sessions(db: Database, event_id: str) -> list[SessionData]:
    with db.reader() as s:
        rows = s.execute(select(EventSession).where(
            EventSession.event_id == event_id, EventSession.deleted.is_(False))
            .order_by(EventSession.date, EventSession.starts_at, EventSession.number)).scalars()
        return [SessionData(r.id, r.event_id, r.number, r.date, r.starts_at, r.ends_at, r.hours,
                            r.topic, r.trainer_id) for r in rows]


def _renumber(s: object, event_id: str) -> None:
    rows = s.execute(select(EventSession).where(  # type: ignore[attr-defined]
        EventSession.event_id == event_id, EventSession.deleted.is_(False))
        .order_by(EventSession.date, EventSession.starts_at, EventSession.id)).scalars().all()
    for i, row in enumerate(rows, start=1):
        if row.number != i:
            row.number = i


def save_session(db: Database, data: SessionData) -> Saved[SessionData]:
    if data.date is None:
        raise ValidationError("date", N_("{label} is required."), label=N_("Date"))
    if data.starts_at and data.ends_at and data.ends_at <= data.starts_at:
        raise ValidationError("ends_at", N_("The session ends before it starts."))
    if not 0 < data.hours <= 12:
        raise ValidationError("hours", N_("A session lasts more than 0 and at most 12 hours."))
    with db.session() as s:
        event = s.get(Event, data.event_id)
        if event is None or event.deleted:
            raise NotFoundError(N_("This event no longer exists."))
        ensure_own(s, event)
        if not event.starts_on <= data.date <= event.ends_on:
            raise ValidationError("date", N_("The session's date is outside the event's dates."))
        row: EventSession | None
        if data.id is None:
            row = EventSession(event_id=data.event_id, date=data.date)
            s.add(row)
        else:
            row = s.get(EventSession, data.id)
            if row is None or row.deleted:
                raise NotFoundError(N_("This session no longer exists."))
        row.date, row.starts_at, row.ends_at = data.date, data.starts_at, data.ends_at
        row.hours, row.topic, row.trainer_id = data.hours, data.topic.strip(), data.trainer_id
        s.flush()
        _renumber(s, data.event_id)
        s.flush()
        result = replace(data, id=row.id, number=row.number)
    return Saved(result, Changes.of(EVENTS, ids=[data.event_id]))


def remove_session(db: Database, session_id: str) -> Changes:
    with db.session() as s:
        row = s.get(EventSession, session_id)
        if row is None:
            raise NotFoundError(N_("This session no longer exists."))
        ensure_own(s, row)
        row.deleted = True
        s.flush()
        _renumber(s, row.event_id)
        event_id = row.event_id
    return Changes.of(EVENTS, ids=[event_id])
