"""`tinklas certificates --event ID [--lang L] --out FILE.pdf [--issue]`."""

from __future__ import annotations

import argparse

from app.cli.main import add_db_option, open_database
from app.errors import UserError
from app.files import write_atomic
from app.i18n import N_, _, ngettext
from app.services import certificates
from app.services.printing import certificates_pdf, event_certificate_ids, find_event_id


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("certificates", help=_("print an event's certificates to one PDF"))
    add_db_option(p)
    p.add_argument("--event", required=True, metavar="ID", help=_("event code or UUID"))
    p.add_argument("--lang", dest="cert_lang", choices=("lt", "pl", "ru"),
                   help=_("language beside Lithuanian (default: each participant's own)"))
    p.add_argument("--issue", action="store_true",
                   help=_("first issue certificates to those whose attendance meets the rule"))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    event_id = find_event_id(db, args.event)
    if args.issue:
        issued = certificates.issue(db, event_id).value
        print(ngettext("{n} certificate issued.", "{n} certificates issued.",
                       len(issued)).format(n=len(issued)))
    ids = event_certificate_ids(db, event_id)
    if not ids:
        raise UserError(N_("No certificates have been issued for this event. Use --issue to "
                           "issue them to those whose attendance meets the rule."))
    out = write_atomic(args.out, certificates_pdf(db, ids, args.cert_lang))
    print(ngettext("{n} certificate written to {path}.", "{n} certificates written to {path}.",
                   len(ids)).format(n=len(ids), path=out))
    return 0
