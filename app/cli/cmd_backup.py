"""`tinklas backup OUT`: a consistent copy while the app may be writing."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.main import add_db_option
from app.db.backup import backup_to
from app.db.engine import make_engine, url_for
from app.errors import UserError
from app.i18n import N_, _
from app.i18n.formats import format_number
from app.paths import default_db_path


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help=_("consistent copy while the app may be running"))
    add_db_option(p)
    p.add_argument("out", metavar="OUT", help=_("file to write the copy to"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source = args.db or str(default_db_path())
    if "://" not in str(source) and not Path(source).exists():
        raise UserError(N_("There is no database at {path}."), path=source)
    out = Path(args.out)
    if out.exists() and out.is_dir():
        raise UserError(N_("{path} is a folder; give a file name for the backup."), path=out)
    engine = make_engine(url_for(source))
    try:
        written = backup_to(engine, out)
    finally:
        engine.dispose()
    size_kb = written.stat().st_size // 1024
    print(_("Backup written to {path} ({size} KB).").format(path=written,
                                                             size=format_number(size_kb)))
    return 0
