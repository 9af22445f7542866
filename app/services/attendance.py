"""Attendance: a people-by-sessions grid, marking, and rates per person and per session."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import Attendance, Registration
from app.models import Session as EventSession
from app.services.event_editing import SessionData, sessions
from app.services.ownership import ensure_own
from app.services.registrations import RegistrationData, registrations
from app.services.results import EVENTS, Changes

MARKS = ("present", "absent", "excused")
ATTENDING = ("registered", "confirmed", "completed", "no_show")


@dataclass(frozen=True)
class GridRow:
    registration: RegistrationData
    marks: tuple[str | None, ...]  # one per session, in session order

    @property
    def present(self) -> int:
        return sum(1 for m in self.marks if m == "present")


@dataclass(frozen=True)
class Grid:
    event_id: str
    sessions: tuple[SessionData, ...]
    rows: tuple[GridRow, ...]

    def person_rate(self, row: GridRow) -> float | None:
        return row.present / len(self.sessions) if self.sessions else None

    def person_hours(self, row: GridRow) -> float:
        return sum(s.hours for s, m in zip(self.sessions, row.marks, strict=True)
                   if m == "present")

    def session_rate(self, index: int) -> float | None:
        marked = [r.marks[index] for r in self.rows]
        if not marked:
            return None
        return sum(1 for m in marked if m == "present") / len(marked)


def grid(db: Database, event_id: str) -> Grid:
    sess = tuple(sessions(db, event_id))
    regs = [r for r in registrations(db, event_id) if r.status in ATTENDING]
    index = {s.id: i for i, s in enumerate(sess)}
    marks: dict[str, list[str | None]] = {r.id: [None] * len(sess) for r in regs}
    with db.reader() as s:
        rows = s.execute(select(Attendance.registration_id, Attendance.session_id,
                                Attendance.status)
                         .join(Registration, Registration.id == Attendance.registration_id)
                         .where(Registration.event_id == event_id,
                                Attendance.deleted.is_(False))).all()
    for reg_id, session_id, status in rows:
        if reg_id in marks and session_id in index:
            marks[reg_id][index[session_id]] = status
    return Grid(event_id, sess, tuple(GridRow(r, tuple(marks[r.id])) for r in regs))


def mark(db: Database, session_id: str, registration_ids: list[str], status: str | None
         ) -> Changes:
    """Mark (or with None, clear) attendance of some registrations at one session."""
    if status is not None and status not in MARKS:
        raise ValidationError("status", N_("{label}: “{value}” is not one of the choices."),
                              label=N_("Attendance"), value=status)
    with db.session() as s:
        session = s.get(EventSession, session_id)
        if session is None or session.deleted:
            raise NotFoundError(N_("This session no longer exists."))
        ensure_own(s, session)
        existing = {a.registration_id: a for a in s.execute(select(Attendance).where(
            Attendance.session_id == session_id,
            Attendance.registration_id.in_(registration_ids))).scalars()}
        for reg_id in registration_ids:
            row = existing.get(reg_id)
            if status is None:
                if row is not None and not row.deleted:
                    row.deleted = True
            elif row is None:
                s.add(Attendance(session_id=session_id, registration_id=reg_id, status=status))
            else:
                row.deleted = False
                if row.status != status:
                    row.status = status
        event_id = session.event_id
    return Changes.of(EVENTS, ids=[event_id])
