"""The events list (Trainings tab), and `FoldedLister`, the base of the areas' smaller lists.

Events, networks and runs are a few thousand rows at most and have no stored search or sort
keys (their titles are not in the registry's folded columns). For them, searching folds the
titles in Python (so `lyderiu` finds "Lyderių") and sorting by title uses the language's
alphabet (`app.text.sort_key`); every other sort and every filter stays in SQL (plain SQL
through `db.plain()`, so the list opens before the ORM has loaded).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from app.db import Database
from app.db.plain import as_date, in_list
from app.i18n import N_, _, current_language
from app.services import choices
from app.services.event_labels import EVENT_STATUS, date_range
from app.services.listers.common import office_codes, offices
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


class FoldedLister(Lister):
    """A lister for lists small enough to search and sort by title in Python."""

    text_sorted: frozenset[str] = frozenset()  # sort keys ordered by the alphabet, in Python

    def search_texts(self) -> list[str]:
        """SQL expressions whose folded text a search word must be found in."""
        return []

    def sort_text(self, key: str, lang: str) -> str:
        """The SQL expression of the text sorted by the alphabet for a key in `text_sorted`."""
        raise NotImplementedError

    def open(self, db: Database, query: ListQuery) -> IdSource:
        return ListSource(self._ordered(db, query))

    def _ordered(self, db: Database, query: ListQuery) -> list[str]:
        query = self.normalised(query)
        lang = current_language()
        words = fold_query(query.text)
        sort = query.sort or self.default_sort
        descending = query.descending if query.sort else self.default_descending
        by_text = sort in self.text_sorted
        columns = [self.id_column, self.sort_text(sort, lang) if by_text else "''",
                   *self.search_texts()]
        params: dict[str, Any] = {}
        conds = [*self.base_where(), *self.where(query, params)]
        sql = f"SELECT {', '.join(columns)} FROM {self.source}"
        if conds:
            sql += " WHERE " + " AND ".join(f"({c})" for c in conds)
        if not by_text:
            direction = " DESC" if descending else " ASC"
            sql += " ORDER BY " + ", ".join(
                e + direction for e in self.sort_expressions(sort, lang))
        rows = db.plain().rows(sql, params)
        if words:
            rows = [r for r in rows
                    if all(w in _folded(" ".join(str(v) for v in r[2:] if v)) for w in words)]
        if by_text:
            rows.sort(key=lambda r: _sort_key(r[1] or "", lang), reverse=descending)
        return [r[0] for r in rows]


def _title(lang: str) -> str:
    """The title in the language where the event has one, else the Lithuanian title."""
    other = {"pl": "e.title_pl", "ru": "e.title_ru"}.get(lang)
    if other is None:
        return "e.title_lt"
    return f"CASE WHEN coalesce({other}, '') <> '' THEN {other} ELSE e.title_lt END"


def _title_in(lang: str, lt: str, pl: str | None, ru: str | None) -> str:
    return {"pl": pl, "ru": ru}.get(lang) or lt


def _years(db: Database) -> list[tuple[str, str]]:
    first, last = db.plain().rows(
        "SELECT min(starts_on), max(starts_on) FROM events WHERE NOT deleted")[0]
    first, last = as_date(first), as_date(last)
    if first is None or last is None:
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
    source = "events e"
    id_column = "e.id"

    def base_where(self) -> list[str]:
        return ["NOT e.deleted"]

    def search_texts(self) -> list[str]:
        return ["e.code", "e.title_lt", "e.title_pl", "e.title_ru", "e.place"]

    def sort_text(self, key: str, lang: str) -> str:
        return _title(lang)

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        f = query.filters
        conds: list[str] = []
        for key, column in (("kind", "e.kind"), ("office", "e.office_id"),
                            ("status", "e.status")):
            if f.get(key):
                params[key] = f[key]
                conds.append(f"{column} = :{key}")
        if f.get("year"):
            year = int(f["year"])
            params.update(year_first=f"{year:04d}-01-01", year_last=f"{year:04d}-12-31")
            conds.append("e.starts_on BETWEEN :year_first AND :year_last")
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        table = {
            "code": ["e.code"],
            "kind": ["e.kind", "e.starts_on"],
            "date": ["e.starts_on", "e.code"],
            "place": ["e.place", "e.starts_on"],
            "office": ["e.office_id", "e.starts_on"],
        }
        return table.get(key, ["e.starts_on", "e.code"])

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        lang = current_language()
        plain = db.plain()
        params: dict[str, Any] = {}
        id_list = in_list("id", ids, params)
        events = plain.rows(
            "SELECT id, code, title_lt, title_pl, title_ru, kind, starts_on, ends_on, place, "
            f"municipality_code, office_id, status FROM events WHERE id IN {id_list}", params)
        counts = dict(plain.rows(
            "SELECT event_id, count(*) FROM registrations "
            f"WHERE event_id IN {id_list} AND NOT deleted AND status <> 'cancelled' "
            "GROUP BY event_id", params))
        kinds = dict(choices.ref_list(db, "event_kind"))
        munis = dict(choices.municipalities(db))
        codes = office_codes(db)
        rows = []
        for (eid, code, title_lt, title_pl, title_ru, kind, starts, ends, place, muni_code,
             office, status) in events:
            muni = munis.get(muni_code or "", "")
            place = place or ""
            if muni and muni.casefold() not in place.casefold():
                place = f"{place}, {muni}" if place else muni
            rows.append(Row(eid, (
                code, _title_in(lang, title_lt, title_pl, title_ru), kinds.get(kind, kind),
                date_range(as_date(starts), as_date(ends)), place, str(counts.get(eid, 0)),
                codes.get(office or "", ""),
            ), archived=status == "cancelled"))
        return rows


register(EventsLister())
