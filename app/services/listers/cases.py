"""The micro-business cases list: searched and sorted by the beneficiary's registry keys in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from app.db import Database
from app.db.plain import as_date, in_list
from app.i18n import N_, _, current_language
from app.i18n.formats import format_short_date
from app.services import choices
from app.services.due_labels import overdue_text
from app.services.listers.common import office_codes, offices
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register
from app.text import sort_key

# The open next actions of the case `c` (not deleted, not done).
OPEN_ACTIONS = "a.case_id = c.id AND NOT a.deleted AND a.done_on IS NULL"
NEXT_DUE = f"(SELECT min(a.due_on) FROM case_next_actions a WHERE {OPEN_ACTIONS})"
STAGE_ORDER = ("(SELECT r.sort_order FROM ref_items r "
               "WHERE r.list_name = 'case_stage' AND r.code = c.stage_code)")


def consultants(db: Database) -> list[tuple[str, str]]:
    """The people who are consultants on any case, alphabetically."""
    lang = current_language()
    rows = db.plain().rows(
        "SELECT id, first_name, last_name FROM people WHERE id IN "
        "(SELECT consultant_id FROM business_cases WHERE NOT deleted)")
    pairs = [(i, f"{first} {last}".strip()) for i, first, last in rows]
    return sorted(pairs, key=lambda p: sort_key(p[1], lang))


class CasesLister(Lister):
    kind = "cases"
    title = N_("Micro-business cases")
    columns = (
        Column("code", N_("Code"), 16),
        Column("beneficiary", N_("Beneficiary"), 22),
        Column("stage", N_("Stage"), 17),
        Column("next_due", N_("Next action due"), 20),
        Column("opened", N_("Opened"), 11),
        Column("consultant", N_("Consultant"), 20),
        Column("municipality", N_("Municipality"), 15),
        Column("office", N_("Office"), 6),
    )
    default_sort = "opened"
    filters = (
        Filter("stage", N_("Stage"), lambda db: choices.ref_list(db, "case_stage")),
        Filter("consultant", N_("Consultant"), lambda db: consultants(db)),
        Filter("municipality", N_("Municipality"), lambda db: choices.municipalities(db)),
        Filter("office", N_("Office"), offices),
        Filter("overdue", N_("Next actions"),
               lambda _db: [("overdue", _("Overdue only"))]),
    )
    empty_text = N_("No micro-business cases yet. Each beneficiary followed from intake to a "
                    "business that lasts appears here, with stages, consultations and next "
                    "actions.")
    no_match_text = N_("No case matches this search. Check the spelling or clear the filters.")
    source = "business_cases c JOIN people p ON p.id = c.beneficiary_id"
    id_column = "c.id"

    def base_where(self) -> list[str]:
        return ["NOT c.deleted"]

    def search_column(self) -> str:
        return "p.search_text || ' ' || lower(c.code)"

    def normalised(self, query: ListQuery) -> ListQuery:
        if not query.sort:  # the default order: newest cases first
            return replace(query, sort=self.default_sort, descending=True)
        return query

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        f = query.filters
        conds: list[str] = []
        for key, column in (("stage", "stage_code"), ("consultant", "consultant_id"),
                            ("municipality", "municipality_code"), ("office", "office_id")):
            if f.get(key):
                params[key] = f[key]
                conds.append(f"c.{column} = :{key}")
        if f.get("overdue"):
            params["today"] = dt.date.today().isoformat()
            conds.append("EXISTS (SELECT 1 FROM case_next_actions a "
                         f"WHERE {OPEN_ACTIONS} AND a.due_on < :today)")
            conds.append("c.closed_on IS NULL")
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        name = f"p.sort_{lang}"
        consultant = f"(SELECT k.sort_{lang} FROM people k WHERE k.id = c.consultant_id)"
        table = {
            "code": ["c.code"],
            "beneficiary": [name, "c.code"],
            "stage": [STAGE_ORDER, "c.code"],
            "consultant": [consultant, name],
            "municipality": ["c.municipality_code", name],
            "opened": ["c.opened_on", "c.code"],
            "next_due": [f"{NEXT_DUE} IS NULL", NEXT_DUE, "c.code"],
            "office": ["c.office_id", "c.code"],
        }
        return table.get(key, table["opened"])

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        today = dt.date.today()
        plain = db.plain()
        params: dict[str, Any] = {}
        id_list = in_list("id", ids, params)
        cases = plain.rows(
            "SELECT c.id, c.code, c.beneficiary_id, c.consultant_id, c.stage_code, c.opened_on, "
            "c.closed_on, c.municipality_code, c.office_id, "
            f"{NEXT_DUE} FROM business_cases c WHERE c.id IN {id_list}", params)
        person_ids = sorted({r[2] for r in cases} | {r[3] for r in cases if r[3]})
        people: dict[str, Any] = {}
        names = {i: (f"{last} {first}".strip(), f"{first} {last}".strip())
                 for i, first, last in plain.rows(
                     "SELECT id, first_name, last_name FROM people "
                     f"WHERE id IN {in_list('person', person_ids, people)}", people)}
        stages = dict(choices.ref_list(db, "case_stage"))
        munis = dict(choices.municipalities(db))
        codes = office_codes(db)
        rows = []
        for cid, code, beneficiary, consultant, stage, opened, closed, muni, office, due in cases:
            next_due = as_date(due)
            due_text = format_short_date(next_due)
            if next_due is not None and next_due < today:
                due_text = overdue_text(next_due)
            rows.append(Row(cid, (
                code, names.get(beneficiary, ("", ""))[0], stages.get(stage, stage), due_text,
                format_short_date(as_date(opened)), names.get(consultant or "", ("", ""))[1],
                munis.get(muni or "", ""), codes.get(office or "", ""),
            ), archived=closed is not None or stage == "closed"))
        return rows


register(CasesLister())
