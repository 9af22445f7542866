"""`tinklas office init|show`: this database's office."""

from __future__ import annotations

import argparse

from app.cli.main import add_db_option, open_database
from app.i18n import _
from app.services import offices


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("office", help=_("set or show this database's office"))
    osub = p.add_subparsers(dest="office_command", metavar=_("ACTION"), required=True)
    init = osub.add_parser("init", help=_("set this database's office"))
    init.add_argument("--code", required=True, help=_("short office code, e.g. SAL"))
    init.add_argument("--name", required=True, help=_("office name"))
    init.add_argument("--coordinator", action="store_true",
                      help=_("this is the coordinator's database"))
    add_db_option(init)
    init.set_defaults(func=run_init)
    show = osub.add_parser("show", help=_("show this database's office"))
    add_db_option(show)
    show.set_defaults(func=run_show)


def run_init(args: argparse.Namespace) -> int:
    db = open_database(args)
    profile = offices.init_office(db, args.code, args.name, args.coordinator)
    role = _("coordinator") if profile.is_coordinator else _("regional office")
    print(_("This database now belongs to {code} – {name} ({role}).").format(
        code=profile.code, name=profile.name, role=role))
    return 0


def run_show(args: argparse.Namespace) -> int:
    db = open_database(args)
    p = offices.local_profile(db)
    role = _("coordinator") if p.is_coordinator else _("regional office")
    print(f"{p.code}\t{p.name}\t{role}")
    return 0
