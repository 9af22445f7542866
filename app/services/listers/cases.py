"""The micro-business cases list: searched and sorted by the beneficiary's registry keys in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session, aliased

from app.db import Database
from app.i18n import N_, _, current_language
from app.i18n.formats import format_short_date
from app.models import BusinessCase, NextAction, Person, RefItem
from app.services import choices
from app.services.cases import overdue_text
from app.services.listers.events import office_codes, offices
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register
from app.text import sort_key

Consultant = aliased(Person)


def _open_actions() -> list[ColumnElement[Any]]:
    return [NextAction.case_id == BusinessCase.id, NextAction.deleted.is_(False),
            NextAction.done_on.is_(None)]


def _next_due() -> ColumnElement[Any]:
    return select(func.min(NextAction.due_on)).where(*_open_actions()).scalar_subquery()


def consultants(db: Database) -> list[tuple[str, str]]:
    """The people who are consultants on any case, alphabetically."""
    lang = current_language()
    with db.reader() as s:
        rows = s.execute(select(Person.id, Person.first_name, Person.last_name).where(
            Person.id.in_(select(BusinessCase.consultant_id).where(
                BusinessCase.deleted.is_(False))))).all()
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

    def base(self) -> Select[Any]:
        return (select(BusinessCase.id)
                .join(Person, Person.id == BusinessCase.beneficiary_id)
                .where(BusinessCase.deleted.is_(False)))

    def search_column(self) -> ColumnElement[Any]:
        return Person.search_text + " " + func.lower(BusinessCase.code)

    def statement(self, query: ListQuery) -> Select[Any]:
        if not query.sort:  # the default order: newest cases first
            query = replace(query, sort=self.default_sort, descending=True)
        return super().statement(query)

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        f = query.filters
        conds: list[ColumnElement[Any]] = []
        if f.get("stage"):
            conds.append(BusinessCase.stage_code == f["stage"])
        if f.get("consultant"):
            conds.append(BusinessCase.consultant_id == f["consultant"])
        if f.get("municipality"):
            conds.append(BusinessCase.municipality_code == f["municipality"])
        if f.get("office"):
            conds.append(BusinessCase.office_id == f["office"])
        if f.get("overdue"):
            conds.append(exists().where(*_open_actions(), NextAction.due_on < dt.date.today()))
            conds.append(BusinessCase.closed_on.is_(None))
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        name = getattr(Person, f"sort_{lang}", Person.sort_en)
        consultant = (select(getattr(Consultant, f"sort_{lang}", Consultant.sort_en))
                      .where(Consultant.id == BusinessCase.consultant_id).scalar_subquery())
        stage = (select(RefItem.sort_order)
                 .where(RefItem.list_name == "case_stage", RefItem.code == BusinessCase.stage_code)
                 .scalar_subquery())
        due = _next_due()
        table: dict[str, list[ColumnElement[Any]]] = {
            "code": [BusinessCase.code],
            "beneficiary": [name, BusinessCase.code],
            "stage": [stage, BusinessCase.code],
            "consultant": [consultant, name],
            "municipality": [BusinessCase.municipality_code, name],
            "opened": [BusinessCase.opened_on, BusinessCase.code],
            "next_due": [due.is_(None), due, BusinessCase.code],
            "office": [BusinessCase.office_id, BusinessCase.code],
        }
        return table.get(key, [BusinessCase.opened_on, BusinessCase.code])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        today = dt.date.today()
        cases = session.execute(select(BusinessCase).where(BusinessCase.id.in_(ids))
                                ).scalars().all()
        person_ids = {c.beneficiary_id for c in cases} | {c.consultant_id for c in cases
                                                          if c.consultant_id}
        names = {i: (f"{last} {first}".strip(), f"{first} {last}".strip())
                 for i, first, last in session.execute(
                     select(Person.id, Person.first_name, Person.last_name)
                     .where(Person.id.in_(person_ids))).all()}
        due = dict(session.execute(
            select(NextAction.case_id, func.min(NextAction.due_on))
            .where(NextAction.case_id.in_(ids), NextAction.deleted.is_(False),
                   NextAction.done_on.is_(None))
            .group_by(NextAction.case_id)).all())
        stages = dict(choices.ref_list(db, "case_stage"))
        munis = dict(choices.municipalities(db))
        codes = office_codes(session)
        rows = []
        for c in cases:
            next_due = due.get(c.id)
            due_text = format_short_date(next_due)
            if next_due is not None and next_due < today:
                due_text = overdue_text(next_due)
            rows.append(Row(c.id, (
                c.code, names.get(c.beneficiary_id, ("", ""))[0],
                stages.get(c.stage_code, c.stage_code), due_text,
                format_short_date(c.opened_on), names.get(c.consultant_id or "", ("", ""))[1],
                munis.get(c.municipality_code or "", ""), codes.get(c.office_id or "", ""),
            ), archived=c.closed_on is not None or c.stage_code == "closed"))
        return rows


register(CasesLister())
