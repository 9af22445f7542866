"""What is overdue or due this week across the open cases, in plain SQL: the cases tab shows it
as soon as it opens, before the ORM has loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import Database
from app.db.plain import as_date, in_list
from app.i18n import N_, _

WEEK = 7  # "due this week": today and the six days after it
FOLLOW_UP_TITLES = {"follow_up_6m": N_("6-month follow-up"),
                    "follow_up_12m": N_("12-month follow-up")}


@dataclass(frozen=True)
class DueAction:
    id: str
    case_id: str
    case_code: str
    beneficiary: str
    title: str
    due_on: dt.date
    responsible: str
    overdue: bool


def follow_up_title(automatic: str, title: str) -> str:
    """An automatic follow-up is named in the current language; others as typed."""
    if automatic in FOLLOW_UP_TITLES:
        return _(FOLLOW_UP_TITLES[automatic])
    return title


def due_actions(db: Database, today: dt.date, office_id: str | None = None,
                consultant_id: str | None = None) -> list[DueAction]:
    """Open actions of open cases that are overdue or due in the coming week, earliest first."""
    params: dict[str, object] = {"horizon": (today + dt.timedelta(days=WEEK)).isoformat(),
                                 "closed": "closed"}
    sql = ("SELECT a.id, a.case_id, c.code, p.first_name, p.last_name, a.title, a.automatic, "
           "a.due_on, a.responsible_id "
           "FROM case_next_actions a JOIN business_cases c ON c.id = a.case_id "
           "JOIN people p ON p.id = c.beneficiary_id "
           "WHERE NOT a.deleted AND a.done_on IS NULL AND a.due_on < :horizon "
           "AND NOT c.deleted AND c.closed_on IS NULL AND c.stage_code != :closed")
    if office_id:
        sql += " AND c.office_id = :office"
        params["office"] = office_id
    if consultant_id:
        sql += " AND c.consultant_id = :consultant"
        params["consultant"] = consultant_id
    rows = db.plain().rows(sql + " ORDER BY a.due_on, c.code", params)
    responsible = sorted({r[8] for r in rows if r[8]})
    names: dict[str, str] = {}
    if responsible:
        names_params: dict[str, object] = {}
        names = {i: f"{first} {last}".strip() for i, first, last in db.plain().rows(
            "SELECT id, first_name, last_name FROM people WHERE id IN "
            + in_list("p", responsible, names_params), names_params)}
    items = []
    for aid, case_id, code, first, last, title, automatic, due, resp in rows:
        due_on = as_date(due)
        assert due_on is not None
        items.append(DueAction(aid, case_id, code, f"{first} {last}".strip(),
                               follow_up_title(automatic, title), due_on,
                               names.get(resp or "", ""), due_on < today))
    return items
