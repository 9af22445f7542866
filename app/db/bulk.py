"""Inserting many rows at DB-API speed.

SQLAlchemy's executemany still builds parameters row by row in Python; for the imports and the
demo (100,000 rows and more) that dominates. On SQLite this writes one prepared INSERT with the
columns' own bind processors (so dates, booleans and JSON are stored exactly as the ORM stores
them); elsewhere it falls back to SQLAlchemy's insert.

Parameters are built column by column (list comprehensions rather than a loop per value), and a
column's bind processor runs once per distinct value where values can be hashed (every row of an
import shares its timestamps and flags).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import ColumnDefault, Connection, Table

# Values whose equality means the same stored text (not aware datetimes: 12:00+00:00 equals
# 14:00+02:00; not decimals: 1.0 equals 1.00).
_PLAIN = frozenset({str, int, bool, dt.date})
_NAIVE = frozenset({dt.datetime, dt.time})


def _keys(table: Table, rows: Sequence[dict[str, Any]]) -> list[str]:
    keys = list(rows[0])
    seen = set(keys)
    for row in rows:
        if len(row) != len(keys) or row.keys() != seen:
            for key in row:
                if key not in seen:
                    seen.add(key)
                    keys.append(key)
    return [k for k in keys if k in table.c]


def _processed(values: Sequence[Any], proc: Callable[[Any], Any]) -> list[Any]:
    """`proc` applied to every value but None, once per distinct value where that is safe."""
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if len(kinds) == 1 and (kind := kinds.pop()) in _PLAIN | _NAIVE:
        distinct = set(values)
        # A value equal to a naive one is naive (naive never equals aware).
        if kind in _PLAIN or all(v is None or v.tzinfo is None for v in distinct):
            memo = {v: None if v is None else proc(v) for v in distinct}
            return list(map(memo.__getitem__, values))
    return [None if v is None else proc(v) for v in values]


def fast_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), list(rows))
        return
    keys = _keys(table, rows)
    columns = [table.c[k] for k in keys]
    procs = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns]
    data: list[Sequence[Any]] | None  # one sequence of values per column
    try:  # every row has every key (the usual case): one C call per row
        data = list(zip(*map(itemgetter(*keys), rows), strict=True)) if len(keys) > 1 else None
    except KeyError:
        data = None
    if data is None:
        data = []
        for key, column in zip(keys, columns, strict=True):
            # a scalar default is a ColumnDefault (the stubs type `default` more widely)
            default = cast(ColumnDefault, column.default).arg if column.default is not None \
                and column.default.is_scalar else None
            data.append([row.get(key, default) for row in rows])
    for i, proc in enumerate(procs):
        if proc is not None:
            data[i] = _processed(data[i], proc)
    names = ", ".join(f'"{k}"' for k in keys)
    marks = ", ".join("?" for _ in keys)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
                         list(zip(*data, strict=True)))
