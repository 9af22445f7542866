"""Schema migrations with Alembic: back up first, refuse a database from a newer Tinklas.

Opening an up-to-date database must not pay for importing Alembic (half a second on an office
laptop), so the known revisions are read from the migration files' names (`NNNN_*.py`, each
revision id being its number, a convention `tests/test_database.py` checks) and the current one
straight from the `alembic_version` table. Alembic itself is imported only to migrate.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UserError
from app.i18n import N_

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(m.group(1) for f in (MIGRATIONS / "versions").iterdir()
                     if (m := REVISION_FILE.match(f.name)))


def head_revision() -> str:
    return max(known_revisions())


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError, ProgrammingError

    with engine.connect() as conn:
        try:
            rows: Any = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except (OperationalError, ProgrammingError):
            return None  # a new, empty database
    return rows[0][0] if rows else None


def has_tables(engine: Engine) -> bool:
    from sqlalchemy import inspect

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
    from sqlalchemy import inspect

    if rev is None and has_tables(engine) and "people" in inspect(engine).get_table_names():
        raise UserError(N_("This file is not a Tinklas database, or it is damaged."))


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    log.info("database at revision %s", current_revision(engine))
