"""Next actions on cases: planned by hand, and follow-ups scheduled from the business's start
date. The "overdue and due this week" list across the caseload is `case_due.due_actions`."""

from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_, _
from app.models import BusinessCase, NextAction
from app.services import validate as v
from app.services.case_due import (  # noqa: F401 - the due list is read with plain SQL there
    FOLLOW_UP_TITLES,
    WEEK,
    DueAction,
    due_actions,
    follow_up_title,
)
from app.services.results import CASES, Changes, Saved

FOLLOW_UPS = {"follow_up_6m": 6, "follow_up_12m": 12}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _automatic(s: Session, case_id: str) -> dict[str, NextAction]:
    rows = s.execute(select(NextAction).where(
        NextAction.case_id == case_id, NextAction.deleted.is_(False),
        NextAction.automatic.in_(tuple(FOLLOW_UPS)))).scalars()
    return {a.automatic: a for a in rows}


def schedule_follow_ups(s: Session, c: BusinessCase) -> None:
    """Follow-ups 6 and 12 months after the business started (moved if the date changed)."""
    current = _automatic(s, c.id)
    for point, months in FOLLOW_UPS.items():
        if c.started_on is None:
            break
        due = add_months(c.started_on, months)
        action = current.get(point)
        if action is None:
            s.add(NextAction(case_id=c.id, office_id=c.office_id,
                             title=_(FOLLOW_UP_TITLES[point]), due_on=due,
                             responsible_id=c.consultant_id, automatic=point))
        elif action.done_on is None and action.due_on != due:
            action.due_on = due
    if c.started_on is None:
        cancel_follow_ups(s, c.id)


def cancel_follow_ups(s: Session, case_id: str) -> None:
    """Remove the automatic follow-ups not done yet (the case closed or has no start date)."""
    for action in _automatic(s, case_id).values():
        if action.done_on is None:
            action.deleted = True


def complete_follow_up(s: Session, case_id: str, point: str, on: dt.date) -> None:
    """An outcome recorded at a follow-up marks that follow-up done."""
    action = _automatic(s, case_id).get(point)
    if action is not None and action.done_on is None:
        action.done_on = on


def action_title(action: NextAction) -> str:
    """An automatic follow-up is named in the current language; others as typed."""
    return follow_up_title(action.automatic, action.title)


def _clean(title: str, due_on: dt.date | None) -> tuple[str, dt.date]:
    title = " ".join(title.split())
    if not title:
        raise ValidationError("title", N_("Say what is to be done."))
    v.max_len("title", title, 300, N_("Action"))
    if due_on is None:
        raise ValidationError("due_on", N_("Enter the due date."))
    return title, due_on


def save_action(db: Database, case_id: str, title: str, due_on: dt.date | None,
                responsible_id: str | None, action_id: str | None = None) -> Saved[str]:
    """Plan a next action, or change a planned one."""
    title, due = _clean(title, due_on)
    with db.session() as s:
        c = s.get(BusinessCase, case_id)
        if c is None or c.deleted:
            raise NotFoundError(N_("This case is no longer in the database."))
        if action_id is None:
            action = NextAction(case_id=case_id, office_id=c.office_id, title=title, due_on=due,
                                responsible_id=responsible_id or c.consultant_id)
            s.add(action)
            s.flush()
        else:
            action = _load(s, action_id)
            action.title, action.due_on, action.responsible_id = title, due, responsible_id
        return Saved(action.id, Changes.of(CASES, ids=[case_id]))


def _load(s: Session, action_id: str) -> NextAction:
    action = s.get(NextAction, action_id)
    if action is None or action.deleted:
        raise NotFoundError(N_("This action is no longer in the database."))
    return action


def set_done(db: Database, action_id: str, on: dt.date | None) -> Saved[str]:
    """Mark an action done on a date, or (None) not done after all."""
    with db.session() as s:
        action = _load(s, action_id)
        action.done_on = on
        return Saved(action.id, Changes.of(CASES, ids=[action.case_id]))


def remove_action(db: Database, action_id: str) -> Saved[str]:
    with db.session() as s:
        action = _load(s, action_id)
        action.deleted = True
        return Saved(action.id, Changes.of(CASES, ids=[action.case_id]))
