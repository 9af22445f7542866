"""`tinklas join FILE`: an office joins the network from the coordinator's invitation."""

from __future__ import annotations

import argparse

from app.cli.main import add_db_option, open_database
from app.i18n import _
from app.sync.network import join


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("join", help=_("office: join the network from an invitation"))
    p.add_argument("file", metavar="FILE")
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    mine, coordinator = join(db, args.file)
    print(_("Joined. This office's fingerprint is {mine}; the coordinator's is {theirs}. "
            "Compare them on the phone.").format(mine=mine, theirs=coordinator))
    return 0
