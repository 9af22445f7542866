"""The list machinery behind every tab: ordered ids from SQL, rows fetched in batches.

A `Lister` describes one kind of list: its columns, how to filter (folded search text plus
filters) and how to sort (an SQL expression per column, with the language's alphabetical key
for names). The UI's table model asks for the ordered ids once per sort or filter, then for rows
of the ids it shows. Nothing here knows about Qt.
"""

from __future__ import annotations

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

    # -- the two calls the UI makes -------------------------------------------------------

    def ids(self, db: Database, query: ListQuery) -> list[str]:
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
        stmt = stmt.order_by(*[e.desc() if descending else e.asc() for e in exprs])
        return fetch_ids(db, stmt)

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


def fetch_ids(db: Database, stmt: Select[Any]) -> list[str]:
    """The first column of every row, read straight from the DB-API cursor: for 100,000 ids
    SQLAlchemy's per-row result processing costs more than the query itself."""
    with db.engine.connect() as conn:
        compiled = stmt.compile(dialect=conn.dialect)
        params = compiled.construct_params()
        if compiled.positiontup is not None:
            args: Any = tuple(params[k] for k in compiled.positiontup)
        else:
            args = params
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(str(compiled), args)
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.close()


_REGISTRY: dict[str, Lister] = {}


def register(lister: Lister) -> Lister:
    _REGISTRY[lister.kind] = lister
    return lister


def lister(kind: str) -> Lister:
    if not _REGISTRY:
        import app.services.listers  # noqa: F401  (registers every area's lister)
    return _REGISTRY[kind]


def kinds() -> list[str]:
    lister("people")
    return list(_REGISTRY)
