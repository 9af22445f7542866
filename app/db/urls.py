"""Database URLs without SQLAlchemy: opening an up-to-date database must not import it."""

from __future__ import annotations

from pathlib import Path


def url_for(db: str | Path) -> str:
    """A path becomes a SQLite URL; a URL (postgresql://..., sqlite:///...) stays as it is."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    scheme = url.split("://", 1)[0]
    return scheme.split("+", 1)[0].lower() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    if not is_sqlite(url) or "://" not in url:
        return None
    rest = url.split("://", 1)[1]
    if not rest.startswith("/"):
        return None
    database = rest[1:].split("?", 1)[0]
    if not database or database == ":memory:":
        return None
    return Path(database)
