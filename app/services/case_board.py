"""The caseload board: the open cases as cards, one column per working stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.db import Database
from app.i18n import current_language
from app.models import BusinessCase, NextAction, Person
from app.services.case_stages import Stage, working_stages


@dataclass(frozen=True)
class Card:
    id: str
    code: str
    beneficiary: str
    stage: str
    consultant_id: str | None
    next_due: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class Board:
    stages: tuple[Stage, ...]
    cards: dict[str, tuple[Card, ...]]  # by stage code, alphabetically by beneficiary

    def count(self, stage: str) -> int:
        return len(self.cards.get(stage, ()))


def board(db: Database, today: dt.date, office_id: str | None = None,
          consultant_id: str | None = None) -> Board:
    """Open cases by stage; the filters narrow it to an office or a consultant."""
    stages = tuple(working_stages(db))
    sort = getattr(Person, f"sort_{current_language()}", Person.sort_en)
    due = (select(func.min(NextAction.due_on)).where(
        NextAction.case_id == BusinessCase.id, NextAction.deleted.is_(False),
        NextAction.done_on.is_(None)).scalar_subquery())
    stmt = (select(BusinessCase.id, BusinessCase.code, Person.first_name, Person.last_name,
                   BusinessCase.stage_code, BusinessCase.consultant_id, due)
            .join(Person, Person.id == BusinessCase.beneficiary_id)
            .where(BusinessCase.deleted.is_(False), BusinessCase.closed_on.is_(None),
                   BusinessCase.stage_code.in_([s.code for s in stages]))
            .order_by(sort, BusinessCase.code))
    if office_id:
        stmt = stmt.where(BusinessCase.office_id == office_id)
    if consultant_id:
        stmt = stmt.where(BusinessCase.consultant_id == consultant_id)
    cards: dict[str, list[Card]] = {s.code: [] for s in stages}
    with db.reader() as s:
        for cid, code, first, last, stage, consultant, next_due in s.execute(stmt).all():
            cards[stage].append(Card(cid, code, f"{first} {last}".strip(), stage, consultant,
                                     next_due, next_due is not None and next_due < today))
    return Board(stages, {k: tuple(v) for k, v in cards.items()})


def neighbour(stages: tuple[Stage, ...], code: str, step: int) -> str | None:
    """The stage `step` columns right (+1) or left (-1) of `code`, if there is one."""
    codes = [s.code for s in stages]
    if code not in codes:
        return None
    i = codes.index(code) + step
    return codes[i] if 0 <= i < len(codes) else None
