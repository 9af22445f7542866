"""Inserting many rows at DB-API speed.

SQLAlchemy's executemany still builds parameters row by row in Python; for the imports and the
demo (100,000 rows and more) that dominates. On SQLite this writes one prepared INSERT with the
columns' own bind processors (so dates, booleans and JSON are stored exactly as the ORM stores
them); elsewhere it falls back to SQLAlchemy's insert.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table


def fast_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), list(rows))
        return
    keys: list[str] = []
    seen: set[str] = set()
    for row in rows:
        for key in row:
            if key not in seen and key in table.c:
                seen.add(key)
                keys.append(key)
    columns = [table.c[k] for k in keys]
    defaults = {c.key: (c.default.arg if c.default is not None and c.default.is_scalar else None)
                for c in columns}
    processors = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns]
    params = []
    for row in rows:
        values = []
        for key, proc in zip(keys, processors, strict=True):
            value = row.get(key, defaults[key])
            values.append(proc(value) if proc is not None and value is not None else value)
        params.append(tuple(values))
    names = ", ".join(f'"{k}"' for k in keys)
    marks = ", ".join("?" for _ in keys)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', params)
