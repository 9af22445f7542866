"""Engine creation: SQLite with WAL, foreign keys and a busy timeout; any other URL as is."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from app.db.urls import is_sqlite, sqlite_path, url_for

__all__ = ["BUSY_TIMEOUT_MS", "is_sqlite", "make_engine", "sqlite_path", "url_for"]

BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    # Personal data: content that an edit or an erasure replaces is overwritten with zeros, not
    # left in the file's free space.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)
