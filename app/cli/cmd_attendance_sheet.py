"""`tinklas attendance-sheet --event ID [--session N] [--lang L] --out FILE.pdf`."""

from __future__ import annotations

import argparse

from app import i18n
from app.cli.main import add_db_option, open_database
from app.files import write_atomic
from app.i18n import _
from app.services.printing import attendance_sheet_pdf, find_event_id


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("attendance-sheet", help=_("print an attendance sheet to PDF"))
    add_db_option(p)
    p.add_argument("--event", required=True, metavar="ID", help=_("event code or UUID"))
    p.add_argument("--session", type=int, metavar="N", help=_("session number (default: none)"))
    p.add_argument("--lang", dest="sheet_lang", choices=i18n.LANGUAGES[:3], default="lt",
                   help=_("language of the sheet"))
    p.add_argument("--blank-rows", type=int, default=10, help=_("empty rows for walk-ins"))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    event_id = find_event_id(db, args.event)
    pdf = attendance_sheet_pdf(db, event_id, args.session, args.sheet_lang,
                               max(0, args.blank_rows))
    out = write_atomic(args.out, pdf)
    print(_("Attendance sheet written to {path}.").format(path=out))
    return 0
