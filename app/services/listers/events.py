"""The events list (Trainings tab), and `FoldedLister`, the base of the areas' smaller lists.

Events, networks and runs are a few thousand rows at most and have no stored search or sort
keys (their titles are not in the registry's folded columns). For them, searching folds the
titles in Python (so `lyderiu` finds "Lyderių") and sorting by title uses the language's
alphabet (`app.text.sort_key`); every other sort and every filter stays in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_, _, current_language
from app.models import Event, Office, Registration
from app.services import choices
from app.services.events import EVENT_STATUS, date_range
from app.services.listing import (
    Column,
    Filter,
    IdSource,
    Lister,
    ListQuery,
    ListSource,
    Row,
    register,
)
from app.text import fold, fold_query, sort_key


@lru_cache(maxsize=50_000)
def _folded(text: str) -> str:
    """Folding costs more than the query; typing a search repeats it for the same titles."""
    return fold(text)


@lru_cache(maxsize=50_000)
def _sort_key(text: str, lang: str) -> str:
    return sort_key(text, lang)


def offices(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        rows = s.execute(select(Office.id, Office.code, Office.name)
                         .where(Office.deleted.is_(False)).order_by(Office.code)).all()
    return [(i, f"{c} – {n}" if n else c) for i, c, n in rows]


def office_codes(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Office.id, Office.code)).all())


class FoldedLister(Lister):
    """A lister for lists small enough to search and sort by title in Python."""

    text_sorted: frozenset[str] = frozenset()  # sort keys ordered by the alphabet, in Python
    default_descending = False  # the direction of the default sort (a plain ListQuery)

    def search_texts(self) -> list[ColumnElement[Any]]:
        """Columns whose folded text a search word must be found in."""
        return []

    def sort_text(self, key: str, lang: str) -> ColumnElement[Any]:
        """The text sorted by the alphabet for a key in `text_sorted`."""
        raise NotImplementedError

    def open(self, db: Database, query: ListQuery) -> IdSource:
        return ListSource(self._ordered(db, query))

    def _ordered(self, db: Database, query: ListQuery) -> list[str]:
        lang = current_language()
        words = fold_query(query.text)
        sort = query.sort or self.default_sort
        descending = query.descending if query.sort else self.default_descending
        by_text = sort in self.text_sorted
        extra = [self.sort_text(sort, lang) if by_text else literal(""), *self.search_texts()]
        stmt = self.base().add_columns(*extra)
        conds = self.where(query)
        if conds:
            stmt = stmt.where(and_(*conds))
        if not by_text:
            exprs = self.sort_expressions(sort, lang)
            stmt = stmt.order_by(*[e.desc() if descending else e.asc() for e in exprs])
        with db.reader() as s:
            rows = list(s.execute(stmt).all())
        if words:
            rows = [r for r in rows
                    if all(w in _folded(" ".join(str(v) for v in r[2:] if v)) for w in words)]
        if by_text:
            rows.sort(key=lambda r: _sort_key(r[1] or "", lang), reverse=descending)
        return [r[0] for r in rows]


def _title(lang: str) -> ColumnElement[Any]:
    """The title in the language where the event has one, else the Lithuanian title."""
    other = {"pl": Event.title_pl, "ru": Event.title_ru}.get(lang)
    if other is None:
        return Event.title_lt
    return case((func.coalesce(other, "") != "", other), else_=Event.title_lt)


def _years(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        first, last = s.execute(select(func.min(Event.starts_on), func.max(Event.starts_on))
                                .where(Event.deleted.is_(False))).one()
    if first is None:
        return []
    return [(str(y), str(y)) for y in range(last.year, first.year - 1, -1)]


class EventsLister(FoldedLister):
    kind = "events"
    title = N_("Trainings")
    columns = (
        Column("code", N_("Code"), 13),
        Column("title", N_("Title"), 28),
        Column("kind", N_("Kind"), 14),
        Column("date", N_("Dates"), 20),
        Column("place", N_("Place"), 18),
        Column("registered", N_("Registered"), 11, align_right=True),
        Column("office", N_("Office"), 6),
    )
    default_sort = "date"
    default_descending = True
    text_sorted = frozenset({"title"})
    filters = (
        Filter("kind", N_("Kind"), lambda db: choices.ref_list(db, "event_kind")),
        Filter("office", N_("Office"), offices),
        Filter("year", N_("Year"), _years),
        Filter("status", N_("Status"),
               lambda _db: [(k, _(v)) for k, v in EVENT_STATUS.items()]),
    )
    empty_text = N_("No events recorded yet. Trainings, seminars, round tables and network "
                    "meetings appear here with their sessions and participants.")
    no_match_text = N_("No event matches this search. Check the spelling or clear the filters.")

    def base(self) -> Select[Any]:
        return select(Event.id).where(Event.deleted.is_(False))

    def search_texts(self) -> list[ColumnElement[Any]]:
        return [Event.code, Event.title_lt, Event.title_pl, Event.title_ru, Event.place]

    def sort_text(self, key: str, lang: str) -> ColumnElement[Any]:
        return _title(lang)

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        f = query.filters
        conds: list[ColumnElement[Any]] = []
        if f.get("kind"):
            conds.append(Event.kind == f["kind"])
        if f.get("office"):
            conds.append(Event.office_id == f["office"])
        if f.get("year"):
            year = int(f["year"])
            conds.append(Event.starts_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        if f.get("status"):
            conds.append(Event.status == f["status"])
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        table: dict[str, list[ColumnElement[Any]]] = {
            "code": [Event.code],
            "kind": [Event.kind, Event.starts_on],
            "date": [Event.starts_on, Event.code],
            "place": [Event.place, Event.starts_on],
            "office": [Event.office_id, Event.starts_on],
        }
        return table.get(key, [Event.starts_on, Event.code])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        lang = current_language()
        events = session.execute(select(Event).where(Event.id.in_(ids))).scalars().all()
        counts = dict(session.execute(
            select(Registration.event_id, func.count())
            .where(Registration.event_id.in_(ids), Registration.deleted.is_(False),
                   Registration.status != "cancelled")
            .group_by(Registration.event_id)).all())
        kinds = dict(choices.ref_list(db, "event_kind"))
        munis = dict(choices.municipalities(db))
        codes = office_codes(session)
        rows = []
        for e in events:
            muni = munis.get(e.municipality_code or "", "")
            place = e.place
            if muni and muni.casefold() not in place.casefold():
                place = f"{place}, {muni}" if place else muni
            rows.append(Row(e.id, (
                e.code, e.title_in(lang), kinds.get(e.kind, e.kind),
                date_range(e.starts_on, e.ends_on), place, str(counts.get(e.id, 0)),
                codes.get(e.office_id or "", ""),
            ), archived=e.status == "cancelled"))
        return rows


register(EventsLister())
