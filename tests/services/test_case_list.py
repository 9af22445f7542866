"""The cases list's filters: consultant, municipality, overdue (open cases only)."""

from __future__ import annotations

import datetime as dt

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
