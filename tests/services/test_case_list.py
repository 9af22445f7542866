"""The cases list's filters: consultant, municipality, overdue (open cases only)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from test_case_fixtures import new_case

from app.db import Database
from app.services.case_actions import save_action
from app.services.case_editing import get_case_data
from app.services.case_stages import close_case
from app.services.listers.cases import consultants
from app.services.listing import ListQuery, lister

LONG_AGO = dt.date(2000, 1, 3)


def test_filters(office_db: Database) -> None:
    db = office_db
    first = new_case(db, municipality_code="salcininku_r")
    second, third = new_case(db), new_case(db)
    save_action(db, first, "late", LONG_AGO, None)
    save_action(db, third, "late too", LONG_AGO, None)
    close_case(db, third, "lost_contact", dt.date(2026, 2, 1))
    cases = lister("cases")
    consultant = get_case_data(db, second).consultant_id
    assert cases.ids(db, ListQuery(filters={"consultant": consultant})) == [second]
    assert len(consultants(db)) == 3  # each test case has its own consultant
    overdue = cases.ids(db, ListQuery(filters={"overdue": "overdue"}, include_archived=True))
    assert overdue == [first]  # the closed case's late action does not count
    munis = cases.ids(db, ListQuery(filters={"municipality": get_case_data(db, first)
                                             .municipality_code}))
    assert first in munis and second not in munis


def test_default_order_sorts_and_rows_in_plain_sql(office_db: Database) -> None:
    db = office_db
    old = new_case(db, opened=dt.date(2025, 4, 1))
    new = new_case(db, opened=dt.date(2026, 2, 1), municipality_code="salcininku_r")
    save_action(db, old, "soon", dt.date.today() + dt.timedelta(days=3), None)
    cases = lister("cases")
    assert cases.ids(db, ListQuery()) == [new, old]  # newest first
    assert cases.ids(db, ListQuery(sort="opened")) == [old, new]
    assert cases.ids(db, ListQuery(sort="next_due")) == [old, new]  # no action last
    assert cases.ids(db, ListQuery(sort="next_due", descending=True)) == [new, old]
    assert set(cases.ids(db, ListQuery(sort="consultant"))) == {old, new}
    code = get_case_data(db, new).code
    assert cases.ids(db, ListQuery(text=code.lower())) == [new]
    rows = {r.id: dict(zip([c.key for c in cases.columns], r.values, strict=True))
            for r in cases.rows(db, [old, new])}
    assert rows[new]["code"] == code and rows[new]["beneficiary"] == "Petraitienė Ona"
    assert rows[new]["consultant"] == "Jonas Jonaitis" and rows[new]["next_due"] == ""
    assert rows[old]["next_due"] and "overdue" not in rows[old]["next_due"]
    assert rows[new]["municipality"] and rows[old]["municipality"] == ""


def test_rows_cost_the_same_few_plain_queries_for_one_or_all(office_db: Database) -> None:
    db = office_db
    ids = [new_case(db) for _n in range(4)]
    cases = lister("cases")
    cases.rows(db, ids)  # warm the reference caches
    seen: list[str] = []
    con = db.plain()._connection()  # the reading thread's own sqlite3 connection
    con.set_trace_callback(seen.append)
    try:
        assert len(cases.rows(db, ids)) == 4
        every = len(seen)
        seen.clear()
        assert len(cases.rows(db, ids[:1])) == 1
    finally:
        con.set_trace_callback(None)
    assert every == len(seen) <= 4


def test_importing_the_cases_list_loads_no_orm() -> None:
    code = ("import sys, app.services.listers.cases; "
            "sys.exit(any(m.split('.')[0] in ('sqlalchemy', 'alembic') or m == 'app.models' "
            "for m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
