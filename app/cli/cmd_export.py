"""`tinklas export --out FILE [--for OFFICE] [--full]`: a data exchange file."""

from __future__ import annotations

import argparse

from app.cli.main import add_db_option, open_database
from app.i18n import _, ngettext
from app.sync.export import export


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help=_("write a data exchange file"))
    p.add_argument("--out", required=True, metavar="FILE", help=_("file or folder"))
    p.add_argument("--for", dest="for_code", metavar="OFFICE",
                   help=_("coordinator: the office the file is for"))
    p.add_argument("--full", action="store_true",
                   help=_("everything, not only what the recipient has not acknowledged"))
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    summary = export(db, args.out, args.for_code, args.full)
    print(ngettext("{n} change for {office} written to {path} (file {seq}).",
                   "{n} changes for {office} written to {path} (file {seq}).",
                   summary.changes).format(n=summary.changes, office=summary.recipient_code,
                                           path=summary.path, seq=summary.sequence))
    print(_("The file was read back and checked: it is safe to remove the stick."))
    return 0
