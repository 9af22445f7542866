"""Reading with plain SQL, without the ORM: the lists and the first screen.

Lists (`app/services/listing.py`) and the start-up path read with SQL text and named parameters
(`:name`). For a SQLite database that goes straight through `sqlite3`, one connection per thread,
in autocommit so that every read sees the latest commit and holds no snapshot open; SQLAlchemy is
not imported, so the window opens before the ORM has loaded. Any other database URL reads through
SQLAlchemy's `text()` on the engine. Values come back as the driver gives them; `as_date` and
`as_bool` read SQLite's stored text and integers as well as real dates and booleans.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_MS = 10_000
Params = Mapping[str, Any] | None


class PlainReader:
    def __init__(self, path: Path | None, engine: Callable[[], Any]) -> None:
        self._path = path
        self._engine = engine  # for a database that is not a SQLite file
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            assert self._path is not None
            con = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
            con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA query_only=ON")
            self._local.con = con
            with self._lock:
                self._all.append(con)
        return con

    def rows(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        if self._path is None:
            from sqlalchemy import text

            with self._engine().connect() as conn:
                return [tuple(r) for r in conn.execute(text(sql), dict(params or {}))]
        return self._connection().execute(sql, dict(params or {})).fetchall()

    def column(self, sql: str, params: Params = None) -> list[Any]:
        return [r[0] for r in self.rows(sql, params)]

    def scalar(self, sql: str, params: Params = None) -> Any:
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    def close(self) -> None:
        with self._lock:
            for con in self._all:
                con.close()
            self._all.clear()
        self._local = threading.local()


def in_list(name: str, values: Sequence[Any], params: dict[str, Any]) -> str:
    """`(:name_0, :name_1, ...)` for an IN clause, with the values put into `params`."""
    keys = [f"{name}_{i}" for i in range(len(values))]
    params.update(zip(keys, values, strict=True))
    return "(" + ", ".join(f":{k}" for k in keys) + ")" if keys else "(NULL)"


def as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_bool(value: Any) -> bool:
    return bool(value) and value not in ("0", "false", "False")
