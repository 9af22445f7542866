"""Attendance counts of events (network meetings, round tables of a run) for details and PDFs."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Attendance, Registration
from app.models import Session as EventSession


def attendance_counts(s: Session, event_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Per event: (registered, attended), cancelled registrations left out; attended = people
    marked present at one session at least."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return {}
    registered = dict(s.execute(
        select(Registration.event_id, func.count())
        .where(Registration.event_id.in_(ids), Registration.deleted.is_(False),
               Registration.status != "cancelled")
        .group_by(Registration.event_id)).all())
    attended = dict(s.execute(
        select(Registration.event_id, func.count(func.distinct(Registration.id)))
        .join(Attendance, Attendance.registration_id == Registration.id)
        .join(EventSession, EventSession.id == Attendance.session_id)
        .where(Registration.event_id.in_(ids), Registration.deleted.is_(False),
               Registration.status != "cancelled", Attendance.deleted.is_(False),
               Attendance.status == "present", EventSession.deleted.is_(False))
        .group_by(Registration.event_id)).all())
    return {i: (int(registered.get(i, 0)), int(attended.get(i, 0))) for i in ids}
