"""The list machinery behind every tab: ordered ids from SQL, rows fetched in batches.

A `Lister` describes one kind of list: its columns, how to filter (folded search text plus
filters) and how to sort (an SQL expression per column, with the language's alphabetical key
for names). The UI's table model asks a query for its count and its ids a page at a time, then
for the rows of the ids it shows. Nothing here knows about Qt.

Lists read with plain SQL text through `Database.plain()` (named `:parameters`, no ORM): for
100,000 ids the ORM's per-row work costs more than the query, and the first list on screen must
not wait for SQLAlchemy to load (`bench_startup.py`). Keep the SQL portable: `NOT flag` rather
than `flag = 0`, `LIKE ... ESCAPE`, `coalesce`, no SQLite-only functions.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.db import Database
from app.i18n import current_language
from app.text import fold_query

BATCH = 80  # rows read at once: two screens (a batch of 200 costs five times as much)
PAGE = 256  # ids read at once; a screen shows about 40 rows
LANGS = ("lt", "pl", "ru", "en")


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # untranslated msgid (N_), translated by the view
    width: int = 120  # a hint, in characters * 8 pixels or so
    sortable: bool = True
    align_right: bool = False


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    sort: str = ""  # a column key; "" = the lister's default
    descending: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    include_archived: bool = False


@dataclass(frozen=True)
class Row:
    id: str
    values: tuple[str, ...]  # display text per column, already formatted and translated
    archived: bool = False


@dataclass(frozen=True)
class Filter:
    """A choice the list offers above the table (e.g. kind, status, office)."""

    key: str
    title: str  # msgid
    choices: Callable[[Database], list[tuple[str, str]]]  # [(value, translated label)]


class Lister:
    """Subclass per kind of list. The SELECT is `SELECT {id_column} FROM {source} WHERE
    {base_where + where + search} ORDER BY {sort_expressions}`; `fetch` reads the rows."""

    kind: str = ""
    title: str = ""  # msgid of the list's name
    columns: Sequence[Column] = ()
    default_sort: str = ""
    default_descending: bool = False  # direction of the default sort (newest first, say)
    filters: Sequence[Filter] = ()
    empty_text: str = ""  # msgid shown when there is nothing at all
    no_match_text: str = ""  # msgid shown when a filter matches nothing
    source: str = ""  # the FROM clause, e.g. "people p" (joins allowed)
    id_column: str = "id"  # e.g. "p.id"

    def base_where(self) -> list[str]:
        """Conditions every row of the list meets (not deleted, not merged away)."""
        return []

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        """Conditions for the query's filters and archived rows; values go into `params`."""
        return []

    def search_column(self) -> str | None:
        """An SQL expression of the folded text that search words must be found in."""
        return None

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        raise NotImplementedError

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        """Display rows for `ids` (any order), read with `db.plain()`."""
        raise NotImplementedError

    # -- the calls the UI makes ----------------------------------------------------------

    def open(self, db: Database, query: ListQuery) -> IdSource:
        """The ordered ids of a query, read a page at a time: a list of 100,000 people opens
        with the rows one screen needs, not 100,000 ids."""
        return SqlSource(db, self.select(query))

    def ids(self, db: Database, query: ListQuery) -> list[str]:
        """Every id of a query, in order (the command line, exports, tests)."""
        return self.open(db, query).all()

    def normalised(self, query: ListQuery) -> ListQuery:
        """The query as it runs (a lister may give a plain query its own default order)."""
        return query

    def select(self, query: ListQuery) -> ListSelect:
        """The SELECT of ids for a query, split so that it can be counted and paged."""
        query = self.normalised(query)
        lang = current_language()
        lang = lang if lang in LANGS else "en"
        params: dict[str, Any] = {}
        conds = [*self.base_where(), *self.where(query, params)]
        col = self.search_column()
        if col is not None:
            for i, word in enumerate(fold_query(query.text)):
                params[f"_word{i}"] = f"%{like_escape(word)}%"
                conds.append(f"{col} LIKE :_word{i} ESCAPE '/'")
        body = f"SELECT {self.id_column} FROM {self.source}"
        if conds:
            body += " WHERE " + " AND ".join(f"({c})" for c in conds)
        sort = query.sort or self.default_sort
        descending = query.descending if query.sort else self.default_descending
        direction = " DESC" if descending else " ASC"
        order = ", ".join(e + direction for e in self.sort_expressions(sort, lang))
        return ListSelect(body, order, params)

    def rows(self, db: Database, ids: Sequence[str]) -> list[Row]:
        """Rows for `ids`, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        found = {r.id: r for r in self.fetch(db, ids)}
        return [found[i] for i in ids if i in found]

    def count_all(self, db: Database) -> int:
        where = " AND ".join(f"({c})" for c in self.base_where()) or "1 = 1"
        return int(db.plain().scalar(f"SELECT count(*) FROM {self.source} WHERE {where}"))


def like_escape(word: str) -> str:
    """A word matched literally by LIKE ... ESCAPE '/'."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


@dataclass(frozen=True)
class ListSelect:
    body: str  # SELECT id FROM ... WHERE ...
    order: str  # the ORDER BY expressions
    params: dict[str, Any]

    @property
    def sql(self) -> str:
        return f"{self.body} ORDER BY {self.order}" if self.order else self.body


class IdSource:
    """The ordered ids of one query. `count()` and `page()` answer from SQL with LIMIT and
    OFFSET, so what a screen shows costs what a screen needs."""

    def count(self) -> int:
        raise NotImplementedError

    def page(self, offset: int, limit: int) -> list[str]:
        raise NotImplementedError

    def all(self) -> list[str]:
        raise NotImplementedError


class ListSource(IdSource):
    """Ids already in memory (small lists searched and sorted in Python)."""

    def __init__(self, ids: list[str]) -> None:
        self._ids = ids

    def count(self) -> int:
        return len(self._ids)

    def page(self, offset: int, limit: int) -> list[str]:
        return self._ids[offset:offset + limit]

    def all(self) -> list[str]:
        return list(self._ids)


class SqlSource(IdSource):
    """An ordered SELECT of ids, read with plain SQL; when the first page holds the whole
    answer, no count query runs."""

    def __init__(self, db: Database, select: ListSelect) -> None:
        self.db = db
        self.select = select
        self._count: int | None = None
        self._first: list[str] | None = None

    def count(self) -> int:
        if self._count is None:
            first = self._first = self.page(0, PAGE)
            if len(first) < PAGE:
                self._count = len(first)
            else:
                self._count = int(self.db.plain().scalar(
                    f"SELECT count(*) FROM ({self.select.body}) AS counted", self.select.params))
        return self._count

    def page(self, offset: int, limit: int) -> list[str]:
        if offset == 0 and limit == PAGE and self._first is not None:
            return self._first
        return self.db.plain().column(
            f"{self.select.sql} LIMIT :_limit OFFSET :_offset",
            {**self.select.params, "_limit": limit, "_offset": offset})

    def all(self) -> list[str]:
        return self.db.plain().column(self.select.sql, self.select.params)


_REGISTRY: dict[str, Lister] = {}


def register(lister: Lister) -> Lister:
    _REGISTRY[lister.kind] = lister
    return lister


def lister(kind: str) -> Lister:
    """The lister of a kind of list, its module imported on first use."""
    if kind not in _REGISTRY:
        from app.services.listers import MODULES

        importlib.import_module(f"app.services.listers.{MODULES[kind]}")
    return _REGISTRY[kind]


def kinds() -> list[str]:
    from app.services.listers import MODULES

    return list(MODULES)
