"""Per-office number series (event codes, certificate numbers) without gaps or repeats.

The next number is taken inside the caller's transaction: the counter row is updated in the
same commit as the record that uses it, so a rolled-back issue leaves no gap, and the write lock
serialises two windows issuing at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Counter


def next_number(s: Session, office_id: str, series: str, year: int,
                taken: int = 0) -> int:
    """The next number of `series` in `year` for the office; `taken` is the highest number
    already used in the data (a safety net if the counter row was lost)."""
    row = s.execute(
        select(Counter).where(Counter.office_id == office_id, Counter.series == series,
                              Counter.year == year).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = Counter(office_id=office_id, series=series, year=year, last=0)
        s.add(row)
    row.last = max(row.last or 0, taken) + 1
    s.flush()
    return row.last


def highest_suffix(values: list[str], prefix: str) -> int:
    """The highest running number among codes like PREFIX0042."""
    best = 0
    for value in values:
        if value.startswith(prefix):
            tail = value[len(prefix):]
            if tail.isdigit():
                best = max(best, int(tail))
    return best
