"""Loading the ORM ahead of need: the window opens without it (plain SQL), and the desktop app
calls `load_orm` on a background thread right after, so the first record opened does not wait.
SQLAlchemy guards mapper configuration with a lock, so a session opened meanwhile is safe."""

from __future__ import annotations


def load_orm() -> None:
    """Import SQLAlchemy's ORM and every model, and configure the mappers."""
    from sqlalchemy.orm import configure_mappers

    import app.models  # noqa: F401 - registers every mapper

    configure_mappers()
