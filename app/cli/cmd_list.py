"""`tinklas list KIND`: any main list as TSV (with a header line) or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from app.cli.main import add_db_option, open_database
from app.i18n import _
from app.services.listing import ListQuery, lister

KINDS = ("people", "organisations", "events", "certificates", "cases", "networks", "runs")


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", help=_("list records as TSV or JSON"))
    p.add_argument("kind", metavar="KIND", choices=KINDS, help=", ".join(KINDS))
    add_db_option(p)
    p.add_argument("--format", choices=("tsv", "json"), default="tsv")
    p.add_argument("--search", default="", help=_("only records matching this text"))
    p.add_argument("--archived", action="store_true", help=_("include archived records"))
    p.set_defaults(func=run)


def _cell(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    lst = lister(args.kind)
    ids = lst.ids(db, ListQuery(text=args.search, include_archived=args.archived))
    keys = ["id", *[c.key for c in lst.columns]]
    out = sys.stdout
    if args.format == "tsv":
        out.write("\t".join(keys) + "\n")
    else:
        out.write("[")
    first = True
    for start in range(0, len(ids), 1000):
        for row in lst.rows(db, ids[start:start + 1000]):
            values = [row.id, *row.values]
            if args.format == "tsv":
                out.write("\t".join(_cell(v) for v in values) + "\n")
            else:
                out.write(("" if first else ",") + "\n " + json.dumps(
                    dict(zip(keys, values, strict=True)), ensure_ascii=False))
                first = False
    if args.format == "json":
        out.write("\n]\n" if not first else "]\n")
    return 0
