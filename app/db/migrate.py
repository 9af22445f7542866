"""Schema migrations with Alembic: back up first, refuse a database from a newer Tinklas."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from app.errors import UserError
from app.i18n import N_

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def check_not_newer(engine: Engine) -> None:
    rev = current_revision(engine)
    if rev is not None and rev not in known_revisions():
        raise UserError(
            N_(
                "This database was written by a newer version of Tinklas. "
                "Update Tinklas to open it; the database was not changed."
            )
        )
    if rev is None and has_tables(engine) and "people" in inspect(engine).get_table_names():
        raise UserError(N_("This file is not a Tinklas database, or it is damaged."))


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    log.info("database at revision %s", current_revision(engine))
