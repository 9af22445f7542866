"""The advocacy runs list: proposals, those awaiting a response and those overdue, per batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_, _, current_language
from app.models import AdvocacyRun, Proposal, RunInstitution
from app.services import choices
from app.services.advocacy import RUN_STATUS, awaiting_condition, overdue_condition
from app.services.events import label
from app.services.listers.events import FoldedLister, offices
from app.services.listing import Column, Filter, ListQuery, Row, register
from app.text import sort_key


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

    def base(self) -> Select[Any]:
        return select(AdvocacyRun.id).where(AdvocacyRun.deleted.is_(False))

    def search_texts(self) -> list[ColumnElement[Any]]:
        return [AdvocacyRun.code, AdvocacyRun.title, AdvocacyRun.document_title]

    def sort_text(self, key: str, lang: str) -> ColumnElement[Any]:
        return AdvocacyRun.title

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        conds: list[ColumnElement[Any]] = []
        if query.filters.get("status"):
            conds.append(AdvocacyRun.status == query.filters["status"])
        if query.filters.get("office"):
            conds.append(AdvocacyRun.office_id == query.filters["office"])
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        table: dict[str, list[ColumnElement[Any]]] = {
            "status": [AdvocacyRun.status, AdvocacyRun.code],
        }
        return table.get(key, [AdvocacyRun.code])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        lang = current_language()
        today = dt.date.today()
        runs = session.execute(select(AdvocacyRun).where(AdvocacyRun.id.in_(ids))).scalars().all()

        def count(*conds: ColumnElement[Any]) -> dict[str, int]:
            return dict(session.execute(
                select(Proposal.run_id, func.count())
                .where(Proposal.run_id.in_(ids), Proposal.deleted.is_(False), *conds)
                .group_by(Proposal.run_id)).all())

        proposals = count()
        awaiting = count(awaiting_condition())
        overdue = count(overdue_condition(today))
        insts = dict(choices.institutions(db))
        targets: dict[str, set[str]] = {}
        for run_id, code in session.execute(
            select(RunInstitution.run_id, RunInstitution.institution_code)
            .where(RunInstitution.run_id.in_(ids), RunInstitution.deleted.is_(False))
        ).all():
            targets.setdefault(run_id, set()).add(insts.get(code, code))
        return [
            Row(r.id, (
                r.code, r.title, label(RUN_STATUS, r.status),
                str(proposals.get(r.id, 0)), str(awaiting.get(r.id, 0)),
                str(overdue.get(r.id, 0)),
                "; ".join(sorted(targets.get(r.id, ()), key=lambda t: sort_key(t, lang))),
            ))
            for r in runs
        ]


register(RunsLister())
