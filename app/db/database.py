"""The Database handle services work with: short sessions, change logging, this office.

Opening an up-to-date SQLite database imports neither SQLAlchemy nor the models: the checks
(`is_current`) and `local_office` read with plain SQL (`app/db/plain.py`), and the engine and
session factory are made when a service first asks for them. So the window and its first list
appear before the ORM has loaded (see `bench_startup.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.db.plain import PlainReader
from app.db.urls import sqlite_path, url_for
from app.paths import backup_dir, default_db_path

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocalOffice:
    id: str
    code: str
    name: str
    is_coordinator: bool
    configured: bool


class Database:
    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self._engine = engine
        self._factory: Any = None
        self._plain = PlainReader(sqlite_path(url), lambda: self.engine)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            from app.db.engine import make_engine

            self._engine = make_engine(self.url)
        return self._engine

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def plain(self) -> PlainReader:
        """Plain SQL reads (lists, the first screen), without the ORM."""
        return self._plain

    def _sessions(self) -> Any:
        if self._factory is None:
            from sqlalchemy.orm import sessionmaker

            self._factory = sessionmaker(self.engine, expire_on_commit=False)
        return self._factory

    def is_current(self) -> bool:
        """True when the file is a Tinklas database at this version's schema, with its office
        and this version's reference data: nothing to migrate or bootstrap (read without the
        ORM)."""
        from app.db import migrate
        from app.reference import shipped_version

        if self.path is None or not self.path.exists():
            return False
        plain = self.plain()
        try:
            revision = plain.scalar("SELECT version_num FROM alembic_version")
            state = dict(plain.rows("SELECT key, coalesce(int_value, text_value) FROM local_state"
                                    " WHERE key IN ('office_id', 'reference_version')"))
        except Exception:  # noqa: BLE001 - any doubt: take the full path, which explains
            return False
        return (revision == migrate.head_revision() and bool(state.get("office_id"))
                and int(state.get("reference_version") or 0) >= shipped_version())

    @classmethod
    def open(
        cls, db: str | Path | None = None, *, migrate_now: bool = True, backup: bool = True
    ) -> Database:
        """Open (creating if needed) and migrate; refuse a database from a newer Tinklas."""
        url = url_for(db if db is not None else default_db_path())
        database = cls(url)
        if migrate_now and database.is_current():
            return database
        from app.db import migrate
        from app.db.bootstrap import bootstrap

        migrate.check_not_newer(database.engine)
        if migrate_now and migrate.needs_upgrade(database.engine):
            if backup and migrate.current_revision(database.engine) is not None:
                database.backup_before_migration()
            migrate.upgrade(database.engine)
        bootstrap(database)
        return database

    def backup_before_migration(self) -> Path | None:
        from app.db import migrate
        from app.db.backup import backup_to

        if self.path is None:
            return None
        rev = migrate.current_revision(self.engine) or "new"
        out = backup_dir() / f"{self.path.stem}-before-{rev[:12]}.sqlite"
        backup_to(self.engine, out)
        log.info("backed up %s to %s before migrating", self.path, out)
        return out

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write session: commits at the end, rolls back explicitly on any error."""
        from app.sync import changelog

        session = self._sessions()()
        changelog.install(session)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        session = self._sessions()()
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable

    def raw_session(self) -> Session:
        """A session that does not log changes: only the importer uses it, because it writes
        other offices' changes into the log verbatim. The caller commits or rolls back."""
        return self._sessions()()  # type: ignore[no-any-return]

    def local_office(self) -> LocalOffice:
        plain = self.plain()
        state = dict(plain.rows("SELECT key, text_value FROM local_state"
                                " WHERE key IN ('office_id', 'office_configured')"))
        row = plain.rows("SELECT id, code, name, is_coordinator FROM offices WHERE id = :id",
                         {"id": state["office_id"]})
        assert row, "the database has no office of its own"
        office_id, code, name, coordinator = row[0]
        return LocalOffice(office_id, code, name or "", bool(coordinator),
                           state.get("office_configured") == "1")

    def dispose(self) -> None:
        self._plain.close()
        if self._engine is not None:
            self._engine.dispose()
