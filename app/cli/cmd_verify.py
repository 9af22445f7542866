"""`tinklas verify CODE`: what the certificate says, and whether it is valid."""

from __future__ import annotations

import argparse

from app.cli.main import add_db_option, open_database
from app.i18n import _
from app.i18n.formats import format_date, format_date_range, format_number
from app.services.certificates import verify


def add(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("verify", help=_("look a certificate up by its verification code"))
    add_db_option(p)
    p.add_argument("code", metavar="CODE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    info = verify(db, args.code)
    if info.revoked:
        state = _("REVOKED on {date}: {reason}").format(
            date=format_date(info.revoked_on), reason=info.revoked_reason)
    else:
        state = _("VALID")
    lines = [
        (_("Certificate"), info.number),
        (_("Status"), state),
        (_("Name"), info.person_name),
        (_("Event"), f"{info.event_title} ({info.event_code})"),
        (_("Dates"), format_date_range(info.starts_on, info.ends_on)),
        (_("Hours"), format_number(info.hours)),
        (_("Issued on"), format_date(info.issued_on)),
        (_("Issued by"), f"{info.office_name} ({info.office_code})"),
    ]
    width = max(len(label) for label, _v in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 2}}{value}")
    return 0
