"""The advocacy runs list: proposals, those awaiting a response and those overdue, per batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.db import Database
from app.db.plain import in_list
from app.i18n import N_, _, current_language
from app.services import choices
from app.services.advocacy_labels import RUN_STATUS
from app.services.event_labels import label
from app.services.listers.common import offices
from app.services.listers.events import FoldedLister
from app.services.listing import Column, Filter, ListQuery, Row, register
from app.text import sort_key

# The proposals counted as awaiting a response and as overdue: the SQL of
# app.services.advocacy.awaiting_condition() and overdue_condition(today).
AWAITING = "submitted_on IS NOT NULL AND response_on IS NULL AND outcome = ''"
OVERDUE = f"{AWAITING} AND response_due_on < :today"


class RunsLister(FoldedLister):
    kind = "runs"
    title = N_("Advocacy runs")
    columns = (
        Column("code", N_("Code"), 17),
        Column("title", N_("Title"), 26),
        Column("status", N_("Status"), 17),
        Column("proposals", N_("Proposals"), 10, sortable=False, align_right=True),
        Column("awaiting", N_("Awaiting"), 10, sortable=False, align_right=True),
        Column("overdue", N_("Overdue"), 9, sortable=False, align_right=True),
        Column("institutions", N_("Target institutions"), 30, sortable=False),
    )
    default_sort = "code"
    text_sorted = frozenset({"title"})
    filters = (
        Filter("status", N_("Status"), lambda _db: [(k, _(v)) for k, v in RUN_STATUS.items()]),
        Filter("office", N_("Office"), offices),
    )
    empty_text = N_("No advocacy runs recorded yet. Each run pursues one change in a law, "
                    "regulation or programme; its steps, proposals and responses appear here.")
    no_match_text = N_("No advocacy run matches this search. Check the spelling or clear the "
                       "filters.")
    source = "advocacy_runs r"
    id_column = "r.id"

    def base_where(self) -> list[str]:
        return ["NOT r.deleted"]

    def search_texts(self) -> list[str]:
        return ["r.code", "r.title", "r.document_title"]

    def sort_text(self, key: str, lang: str) -> str:
        return "r.title"

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        conds: list[str] = []
        for key, column in (("status", "r.status"), ("office", "r.office_id")):
            if query.filters.get(key):
                params[key] = query.filters[key]
                conds.append(f"{column} = :{key}")
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        table = {"status": ["r.status", "r.code"]}
        return table.get(key, ["r.code"])

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        lang = current_language()
        plain = db.plain()
        params: dict[str, Any] = {"today": dt.date.today().isoformat()}
        id_list = in_list("id", ids, params)
        runs = plain.rows(
            f"SELECT id, code, title, status FROM advocacy_runs WHERE id IN {id_list}", params)

        def count(condition: str = "1 = 1") -> dict[str, int]:
            return dict(plain.rows(
                "SELECT run_id, count(*) FROM proposals "
                f"WHERE run_id IN {id_list} AND NOT deleted AND ({condition}) GROUP BY run_id",
                params))

        proposals = count()
        awaiting = count(AWAITING)
        overdue = count(OVERDUE)
        insts = dict(choices.institutions(db))
        targets: dict[str, set[str]] = {}
        for run_id, code in plain.rows(
                "SELECT run_id, institution_code FROM run_institutions "
                f"WHERE run_id IN {id_list} AND NOT deleted", params):
            targets.setdefault(run_id, set()).add(insts.get(code, code))
        return [
            Row(rid, (
                code, title, label(RUN_STATUS, status),
                str(proposals.get(rid, 0)), str(awaiting.get(rid, 0)),
                str(overdue.get(rid, 0)),
                "; ".join(sorted(targets.get(rid, ()), key=lambda t: sort_key(t, lang))),
            ))
            for rid, code, title, status in runs
        ]


register(RunsLister())
