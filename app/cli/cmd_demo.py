"""`tinklas demo`: fill a new database with realistic sample data."""

from __future__ import annotations

import argparse
import sys

from app.cli.main import add_db_option, open_database
from app.i18n import _, ngettext
from app.i18n.formats import format_number


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help=_("fill a new database with realistic sample data"))
    add_db_option(p)
    p.add_argument("--size", type=int, default=2000, metavar="N",
                   help=_("number of people (default 2000)"))
    p.add_argument("--office", metavar="CODE", default=None,
                   help=_("make one office's database (SAL, VIS or VIL) instead of the "
                          "coordinator's with all three"))
    p.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done * 100 // max(total, 1):3d} %", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from app.demo import check_request, generate

    check_request(args.size, args.office)  # before a database file is made for nothing
    db = open_database(args)
    try:
        summary = generate(db, size=args.size, office_code=args.office, seed=args.seed,
                           progress=_progress)
    finally:
        if sys.stderr.isatty():
            print("\r", end="", file=sys.stderr, flush=True)
        db.dispose()
    n = summary.count
    counts = ", ".join((
        ngettext("{n} person", "{n} people", n("people")).format(n=n("people")),
        ngettext("{n} organisation", "{n} organisations", n("organisations")).format(
            n=n("organisations")),
        ngettext("{n} event", "{n} events", n("events")).format(n=n("events")),
        ngettext("{n} certificate", "{n} certificates", n("certificates")).format(
            n=n("certificates")),
        ngettext("{n} micro-business case", "{n} micro-business cases",
                 n("business_cases")).format(n=n("business_cases")),
        ngettext("{n} advocacy run", "{n} advocacy runs", n("advocacy_runs")).format(
            n=n("advocacy_runs")),
    ))
    print(_("Demo data for {offices}: {counts} ({seconds} s).").format(
        offices=", ".join(summary.offices), counts=counts,
        seconds=format_number(round(summary.seconds, 1))))
    return 0
