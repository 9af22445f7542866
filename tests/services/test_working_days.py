import datetime as dt

import pytest

from app.services.working_days import (
    add_working_days,
    easter_sunday,
    is_working_day,
    public_holidays,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize("year, day", [(2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)),
                                       (2026, D(2026, 4, 5)), (2027, D(2027, 3, 28)),
                                       (2019, D(2019, 4, 21))])
def test_easter(year, day):
    assert easter_sunday(year) == day


def test_holidays_of_2026():
    h = public_holidays(2026)
    assert D(2026, 4, 5) in h and D(2026, 4, 6) in h  # Easter Sunday and Monday
    assert D(2026, 5, 3) in h  # Mother's Day
    assert D(2026, 6, 7) in h  # Father's Day
    for m, d in [(1, 1), (2, 16), (3, 11), (5, 1), (6, 24), (7, 6), (8, 15), (11, 1), (11, 2),
                 (12, 24), (12, 25), (12, 26)]:
        assert D(2026, m, d) in h
    assert len(h) == 16


def test_working_day():
    assert is_working_day(D(2026, 4, 7))  # Tuesday after Easter
    assert not is_working_day(D(2026, 4, 6))  # Easter Monday
    assert not is_working_day(D(2026, 4, 11))  # Saturday
    assert not is_working_day(D(2026, 2, 16))  # Monday, holiday


def test_plain_weeks():
    # Monday 2 March 2026 + 5 working days = Monday 9 March
    assert add_working_days(D(2026, 3, 2), 5) == D(2026, 3, 9)
    assert add_working_days(D(2026, 3, 6), 1) == D(2026, 3, 9)  # Friday -> Monday
    assert add_working_days(D(2026, 3, 7), 1) == D(2026, 3, 9)  # Saturday -> Monday
    assert add_working_days(D(2026, 3, 2), 0) == D(2026, 3, 2)


def test_twenty_days_across_easter():
    # Submitted Wed 25 March 2026; Easter Monday 6 April skipped.
    due = add_working_days(D(2026, 3, 25), 20)
    assert due == D(2026, 4, 23)
    assert working_days_between(D(2026, 3, 25), due) == 20


def test_across_christmas_and_new_year():
    # Mon 21 Dec 2026: 22, 23 working; 24-26 holidays; 28-31; 1 Jan holiday; 4 Jan...
    assert add_working_days(D(2026, 12, 21), 2) == D(2026, 12, 23)
    assert add_working_days(D(2026, 12, 21), 3) == D(2026, 12, 28)
    assert add_working_days(D(2026, 12, 21), 7) == D(2027, 1, 4)


def test_midsummer_and_statehood():
    # Tue 23 June 2026 + 1 -> Thu 25 (24 June holiday); Fri 3 July + 1 -> Tue 7 (6 July)
    assert add_working_days(D(2026, 6, 23), 1) == D(2026, 6, 25)
    assert add_working_days(D(2026, 7, 3), 1) == D(2026, 7, 7)


def test_negative_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 5), -1)
