"""The Database handle services work with: short sessions, change logging, this office."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import migrate
from app.db.backup import backup_to
from app.db.engine import make_engine, sqlite_path, url_for
from app.paths import backup_dir, default_db_path
from app.sync import changelog

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
        self.engine = engine or make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @classmethod
    def open(
        cls, db: str | Path | None = None, *, migrate_now: bool = True, backup: bool = True
    ) -> Database:
        """Open (creating if needed) and migrate; refuse a database from a newer Tinklas."""
        from app.db.bootstrap import bootstrap

        url = url_for(db if db is not None else default_db_path())
        database = cls(url)
        migrate.check_not_newer(database.engine)
        if migrate_now and migrate.needs_upgrade(database.engine):
            if backup and migrate.current_revision(database.engine) is not None:
                database.backup_before_migration()
            migrate.upgrade(database.engine)
        bootstrap(database)
        return database

    def backup_before_migration(self) -> Path | None:
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
        session = self._factory()
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
        session = self._factory()
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable

    def raw_session(self) -> Session:
        """A session that does not log changes: only the importer uses it, because it writes
        other offices' changes into the log verbatim. The caller commits or rolls back."""
        return self._factory()

    def local_office(self) -> LocalOffice:
        from app.models import LocalState, Office

        with self.reader() as s:
            state = dict(s.execute(select(LocalState.key, LocalState.text_value)).all())
            office = s.get(Office, state["office_id"])
            assert office is not None
            return LocalOffice(
                office.id,
                office.code,
                office.name,
                office.is_coordinator,
                state.get("office_configured") == "1",
            )

    def dispose(self) -> None:
        self.engine.dispose()
