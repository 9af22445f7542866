"""The list machinery behind every tab: ordered ids from SQL, rows fetched in batches.

A `Lister` describes one kind of list: its columns, how to filter (folded search text plus
filters) and how to sort (an SQL expression per column, with the language's alphabetical key
for names). The UI's table model asks for the ordered ids once per sort or filter, then for rows
of the ids it shows. Nothing here knows about Qt.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import current_language
from app.text import fold_query

BATCH = 200


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
    """Subclass per kind of list. Sort expressions get the language for alphabetical keys."""

    kind: str = ""
    title: str = ""  # msgid of the list's name
    columns: Sequence[Column] = ()
    default_sort: str = ""
    default_descending: bool = False  # direction of the default sort (newest first, say)
    filters: Sequence[Filter] = ()
    empty_text: str = ""  # msgid shown when there is nothing at all
    no_match_text: str = ""  # msgid shown when a filter matches nothing

    def base(self) -> Select[Any]:
        raise NotImplementedError

    def search_column(self) -> ColumnElement[Any] | None:
        return None

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        raise NotImplementedError

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        """Conditions for filters and archived rows; the default handles none."""
        return []

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        """Display rows for `ids` (any order); `db` is there for cached choices."""
        raise NotImplementedError

    # -- the calls the UI makes ----------------------------------------------------------

    def open(self, db: Database, query: ListQuery) -> IdSource:
        """The ordered ids of a query, read a page at a time: a list of 100,000 people opens
        with the rows one screen needs, not 100,000 ids."""
        return SqlSource(db, self.statement(query))

    def ids(self, db: Database, query: ListQuery) -> list[str]:
        """Every id of a query, in order (the command line, exports, tests)."""
        return self.open(db, query).all()

    def statement(self, query: ListQuery) -> Select[Any]:
        """The ordered SELECT of ids for a query."""
        lang = current_language()
        stmt = self.base()
        conds = list(self.where(query))
        col = self.search_column()
        if col is not None:
            for word in fold_query(query.text):
                conds.append(col.contains(word, autoescape=True))
        if conds:
            stmt = stmt.where(and_(*conds))
        sort = query.sort or self.default_sort
        descending = query.descending if query.sort else self.default_descending
        exprs = self.sort_expressions(sort, lang)
        return stmt.order_by(*[e.desc() if descending else e.asc() for e in exprs])

    def rows(self, db: Database, ids: Sequence[str]) -> list[Row]:
        """Rows for `ids`, in the order given (missing ids are skipped)."""
        with db.reader() as s:
            found = {r.id: r for r in self.fetch(db, s, ids)}
        return [found[i] for i in ids if i in found]

    def count_all(self, db: Database) -> int:
        from sqlalchemy import func

        stmt = select(func.count()).select_from(self.base().subquery())
        with db.reader() as s:
            return int(s.execute(stmt).scalar_one())


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
    """An ordered SELECT of ids, compiled once; pages and the count read through the DB-API
    cursor (for thousands of ids SQLAlchemy's per-row processing costs more than the query)."""

    def __init__(self, db: Database, stmt: Select[Any]) -> None:
        self.db = db
        self._sql, self._args = _compiled(db, stmt)
        from sqlalchemy import func

        unordered = stmt.order_by(None)
        self._count_sql, self._count_args = _compiled(
            db, select(func.count()).select_from(unordered.subquery()))
        self._count: int | None = None
        self._first: list[str] | None = None

    def count(self) -> int:
        if self._count is None:
            first = self._first = self.page(0, PAGE)
            if len(first) < PAGE:  # the whole answer fits a page: no second query
                self._count = len(first)
            else:
                self._count = int(_run(self.db, self._count_sql, self._count_args)[0])
        return self._count

    def page(self, offset: int, limit: int) -> list[str]:
        if offset == 0 and limit == PAGE and self._first is not None:
            return self._first
        return _run(self.db, f"{self._sql} LIMIT ? OFFSET ?", (*self._args, limit, offset))

    def all(self) -> list[str]:
        return _run(self.db, self._sql, self._args)


PAGE = 256  # ids read at once; a screen shows about 40 rows


def _compiled(db: Database, stmt: Select[Any]) -> tuple[str, tuple[Any, ...]]:
    """SQL text and positional parameters (SQLite's qmark style) of a statement."""
    compiled = stmt.compile(dialect=db.engine.dialect)
    params = compiled.construct_params()
    if compiled.positiontup is None:
        raise TypeError("list queries need a positional-parameter dialect")
    return str(compiled), tuple(params[k] for k in compiled.positiontup)


def _run(db: Database, sql: str, args: tuple[Any, ...]) -> list[Any]:
    """The first column of every row, read straight from the DB-API cursor."""
    with db.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, args)
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.close()


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
