"""Events (trainings, seminars, round tables, network meetings...): what the detail pane shows.

Read-only for now. Codes shown to people are translated through the N_ maps below, at display
time; reference names (kind, programme, municipality) come from `choices` in the current language.
A few small read helpers shared by the other areas' detail services live here too, because every
area links to events and names people and organisations the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError
from app.i18n import N_, current_language
from app.models import (
    AdvocacyRun,
    Attendance,
    Certificate,
    Event,
    EventTrainer,
    Network,
    Office,
    Organisation,
    Person,
    Registration,
)
from app.models import Session as EventSession
from app.services import choices
from app.services.event_labels import EVENT_STATUS as EVENT_STATUS
from app.services.event_labels import LANGUAGE_NAMES as LANGUAGE_NAMES
from app.services.event_labels import REGISTRATION_STATUS as REGISTRATION_STATUS
from app.services.event_labels import cert_rule_text as cert_rule_text
from app.services.event_labels import date_range as date_range
from app.services.event_labels import label as label
from app.services.event_labels import percent as percent

# -- helpers shared by the areas' detail services ------------------------------------------------

def person_names(s: Session, ids: Iterable[str | None], last_first: bool = False
                 ) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = s.execute(select(Person.id, Person.first_name, Person.last_name)
                     .where(Person.id.in_(wanted))).all()
    return {i: (f"{last} {first}" if last_first else f"{first} {last}").strip()
            for i, first, last in rows}


def organisation_names(s: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(s.execute(select(Organisation.id, Organisation.name)
                          .where(Organisation.id.in_(wanted))).all())


def office_code(s: Session, office_id: str | None) -> str:
    if not office_id:
        return ""
    return s.execute(select(Office.code).where(Office.id == office_id)).scalar() or ""


# -- the event's detail ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionLine:
    number: int
    date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    hours: float
    topic: str
    trainer: str


@dataclass(frozen=True)
class ParticipantLine:
    person_id: str
    name: str  # "Last First", the order of attendance sheets
    organisation: str
    status: str
    status_label: str
    present: int  # sessions attended
    sessions: int  # sessions of the event
    recorded: bool  # whether any attendance of the event has been entered

    @property
    def rate(self) -> float | None:
        return self.present / self.sessions if self.recorded and self.sessions else None


@dataclass(frozen=True)
class EventDetail:
    id: str
    code: str
    title: str
    kind: str
    kind_label: str
    programme: str
    status: str
    status_label: str
    starts_on: dt.date
    ends_on: dt.date
    place: str
    municipality: str
    country: str
    language: str
    language_label: str
    capacity: int | None
    cert_rule: str
    cert_min_share: float
    cert_rule_text: str
    description: str
    network_id: str | None
    network_name: str
    run_id: str | None
    run_title: str
    office_code: str
    trainers: tuple[str, ...]
    sessions: tuple[SessionLine, ...]
    participants: tuple[ParticipantLine, ...]
    registered: int  # registrations not cancelled
    certificates: int  # issued and not revoked
    revoked_certificates: int

    @property
    def hours(self) -> float:
        return sum(x.hours for x in self.sessions)


def _load(s: Session, event_id: str) -> Event:
    event = s.get(Event, event_id)
    if event is None or event.deleted:
        raise NotFoundError(N_("This event is no longer in the database."))
    return event


def _sessions(s: Session, event_id: str) -> list[EventSession]:
    return list(s.execute(
        select(EventSession).where(EventSession.event_id == event_id,
                                   EventSession.deleted.is_(False))
        .order_by(EventSession.date, EventSession.number)).scalars())


def _participants(s: Session, event_id: str, n_sessions: int) -> list[ParticipantLine]:
    lang = current_language()
    sort_col = getattr(Person, f"sort_{lang}", Person.sort_en)
    regs = s.execute(
        select(Registration, Person.first_name, Person.last_name)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.event_id == event_id, Registration.deleted.is_(False))
        .order_by(sort_col)).all()
    present = dict(s.execute(
        select(Attendance.registration_id, func.count())
        .join(EventSession, EventSession.id == Attendance.session_id)
        .where(EventSession.event_id == event_id, EventSession.deleted.is_(False),
               Attendance.deleted.is_(False), Attendance.status == "present")
        .group_by(Attendance.registration_id)).all())
    recorded = bool(s.execute(
        select(func.count()).select_from(Attendance)
        .join(EventSession, EventSession.id == Attendance.session_id)
        .where(EventSession.event_id == event_id, Attendance.deleted.is_(False))).scalar())
    orgs = organisation_names(s, (r.organisation_id for r, _f, _l in regs))
    return [
        ParticipantLine(r.person_id, f"{last} {first}".strip(),
                        orgs.get(r.organisation_id or "", ""), r.status,
                        label(REGISTRATION_STATUS, r.status), int(present.get(r.id, 0)),
                        n_sessions, recorded)
        for r, first, last in regs
    ]


def get_event(db: Database, event_id: str) -> EventDetail:
    lang = current_language()
    with db.reader() as s:
        e = _load(s, event_id)
        sessions = _sessions(s, event_id)
        trainer_ids = list(s.execute(select(EventTrainer.person_id).where(
            EventTrainer.event_id == event_id, EventTrainer.deleted.is_(False))).scalars())
        names = person_names(s, [*trainer_ids, *(x.trainer_id for x in sessions)])
        participants = _participants(s, event_id, len(sessions))
        certs = dict(s.execute(
            select(Certificate.revoked, func.count())
            .where(Certificate.event_id == event_id, Certificate.deleted.is_(False))
            .group_by(Certificate.revoked)).all())
        network = s.get(Network, e.network_id) if e.network_id else None
        run = s.get(AdvocacyRun, e.run_id) if e.run_id else None
        return EventDetail(
            id=e.id, code=e.code, title=e.title_in(lang), kind=e.kind,
            kind_label=choices.label(choices.ref_list(db, "event_kind"), e.kind),
            programme=choices.label(choices.programmes(db), e.programme_code),
            status=e.status, status_label=label(EVENT_STATUS, e.status),
            starts_on=e.starts_on, ends_on=e.ends_on, place=e.place,
            municipality=choices.label(choices.municipalities(db, short=False),
                                       e.municipality_code),
            country=e.country, language=e.language,
            language_label=label(LANGUAGE_NAMES, e.language), capacity=e.capacity,
            cert_rule=e.cert_rule, cert_min_share=e.cert_min_share,
            cert_rule_text=cert_rule_text(e.cert_rule, e.cert_min_share),
            description=e.description,
            network_id=e.network_id, network_name=network.name if network else "",
            run_id=e.run_id, run_title=f"{run.code} {run.title}".strip() if run else "",
            office_code=office_code(s, e.office_id),
            trainers=tuple(names[i] for i in trainer_ids if i in names),
            sessions=tuple(
                SessionLine(x.number, x.date, x.starts_at, x.ends_at, x.hours, x.topic,
                            names.get(x.trainer_id or "", ""))
                for x in sessions),
            participants=tuple(participants),
            registered=sum(1 for p in participants if p.status != "cancelled"),
            certificates=int(certs.get(False, 0)),
            revoked_certificates=int(certs.get(True, 0)),
        )
