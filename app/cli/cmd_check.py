"""`tinklas check`: schema version, integrity check, foreign keys and orphans, in one line."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.main import add_db_option
from app.db.checks import run_checks
from app.db.engine import url_for
from app.errors import UserError
from app.i18n import N_, _
from app.paths import default_db_path


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help=_("schema version, integrity check, orphan check"))
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = args.db or str(default_db_path())
    if "://" not in str(target) and not Path(target).exists():
        raise UserError(N_("There is no database at {path}."), path=target)
    report = run_checks(url_for(target))
    print(report.line())
    return 0 if report.ok else 1
