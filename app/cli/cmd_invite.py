"""`tinklas invite --office CODE --name NAME --out FILE`: coordinator invites an office."""

from __future__ import annotations

import argparse

from app.cli.main import add_db_option, open_database
from app.i18n import _
from app.sync.network import invite


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("invite", help=_("coordinator: write an invitation for an office"))
    p.add_argument("--office", required=True, metavar="CODE", help=_("the office's code"))
    p.add_argument("--name", required=True, help=_("the office's name"))
    p.add_argument("--out", required=True, metavar="FILE")
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    path, fingerprint = invite(db, args.office, args.name, args.out)
    print(_("Invitation written to {path}. Give it to the office in person or by e-mail; "
            "the coordinator's fingerprint is {fingerprint}.").format(path=path,
                                                                     fingerprint=fingerprint))
    return 0
