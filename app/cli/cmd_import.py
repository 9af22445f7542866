"""`tinklas import FILE... [--dry-run]`: import data exchange files, all or nothing each."""

from __future__ import annotations

import argparse
import sys

from app.cli.main import add_db_option, open_database
from app.errors import UserError
from app.i18n import N_, _, ngettext
from app.sync.importer import ImportReport, import_file
from app.sync.reading import Refused


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help=_("import data exchange files"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true",
                   help=_("show what would change; change nothing"))
    p.add_argument("--accept-mass-changes", action="store_true",
                   help=_("import even if a file archives or erases many records"))
    add_db_option(p)
    p.set_defaults(func=run)


def describe(report: ImportReport) -> str:
    lines = [f"{report.file}: {report.message}"]
    if report.gap:
        lines.append(ngettext("  {n} earlier file from {office} has not arrived; its changes "
                              "will come with the next one.",
                              "  {n} earlier files from {office} have not arrived; their changes "
                              "will come with the next one.", report.gap).format(
                                  n=report.gap, office=report.sender))
    for table, t in sorted(report.summary.get("tables", {}).items()):
        lines.append(_("  {table}: {created} created, {updated} updated, {unchanged} unchanged, "
                       "{conflicts} conflicts, {dropped} dropped").format(table=table, **{
                           k: t.get(k, 0) for k in ("created", "updated", "unchanged",
                                                    "conflicts", "dropped")}))
    if report.far_future:
        lines.append(ngettext("  {n} change carries a date far in the future: check the sender's "
                              "clock.", "  {n} changes carry a date far in the future: check the "
                              "sender's clock.", report.far_future).format(n=report.far_future))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    refused = 0
    for path in args.files:
        try:
            report = import_file(db, path, dry_run=args.dry_run,
                                 allow_mass=args.accept_mass_changes, precheck=False)
        except Refused as exc:
            refused += 1
            if len(args.files) == 1:
                raise UserError(N_("{file}: {reason}"), file=path, reason=exc.text()) from None
            print(_("{file}: refused: {reason}").format(file=path, reason=exc.text()),
                  file=sys.stderr)
            continue
        print(describe(report))
    return 1 if refused else 0
