"""Working days in Lithuania: weekends and the public holidays of the Labour Code skipped.

The holidays (Labour Code, art. 123): 1 January, 16 February, 11 March, Easter Sunday and
Monday, 1 May, the first Sunday of May (Mother's Day) and of June (Father's Day), 24 June,
6 July, 15 August, 1 and 2 November, 24, 25 and 26 December. Mother's and Father's Day fall on
Sundays and so never change a count of working days.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

FIXED = ((1, 1), (2, 16), (3, 11), (5, 1), (6, 24), (7, 6), (8, 15), (11, 1), (11, 2),
         (12, 24), (12, 25), (12, 26))


def easter_sunday(year: int) -> dt.date:
    """Western (Gregorian) Easter, by the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_sunday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[dt.date]:
    easter = easter_sunday(year)
    days = {dt.date(year, m, d) for m, d in FIXED}
    days |= {easter, easter + dt.timedelta(days=1),
             _first_sunday(year, 5), _first_sunday(year, 6)}
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (the day of submission itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    left = days
    while left > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
