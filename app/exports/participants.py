"""A participant list as XLSX or as CSV the way Lithuanian Excel reads it.

CSV: UTF-8 with a BOM (so Excel does not guess Windows-1257), `;` between cells, CRLF. A cell that
begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken for a formula by a
spreadsheet (CSV injection), so it gets a leading apostrophe, in both formats.

National community is special-category data (GDPR Art. 9): its column is there only when the
caller asks for it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.errors import NotFoundError, UserError
from app.files import write_atomic
from app.i18n import N_, _, current_language
from app.models import Event, Organisation, Person, Registration
from app.services import choices
from app.services.attendance import grid
from app.services.events import LANGUAGE_NAMES, REGISTRATION_STATUS, label

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("xlsx", "csv")
COLUMNS = (N_("No."), N_("Last name"), N_("First name"), N_("Organisation"), N_("Status"),
           N_("E-mail"), N_("Phone"), N_("Year of birth"), N_("Preferred language"),
           N_("Sessions attended"))
COMMUNITY = N_("National community")


@dataclass(frozen=True)
class ParticipantTable:
    title: str  # the event's code and title, for the sheet's name
    headers: list[str]  # translated
    rows: list[list[str]]


def escape_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def participant_table(db: Database, event_id: str, include_community: bool = False
                      ) -> ParticipantTable:
    """Everyone registered and not cancelled, in alphabetical order, the waiting list last."""
    lang = current_language()
    sort = getattr(Person, f"sort_{lang}", Person.sort_en)
    with db.reader() as s:
        event = s.get(Event, event_id)
        if event is None or event.deleted:
            raise NotFoundError(N_("This event no longer exists."))
        title = f"{event.code} {event.title_in(lang)}"
        regs = s.execute(
            select(Registration, Person, Organisation.name)
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Organisation, Organisation.id == Registration.organisation_id)
            .where(Registration.event_id == event_id, Registration.deleted.is_(False),
                   Registration.status != "cancelled")
            .order_by(Registration.status == "waiting", Registration.waitlist_position, sort)
        ).all()
    g = grid(db, event_id)
    attended = {row.registration.id: row.present for row in g.rows}
    communities = dict(choices.communities(db)) if include_community else {}
    headers = [_(c) for c in COLUMNS] + ([_(COMMUNITY)] if include_community else [])
    rows = []
    for n, (reg, person, org) in enumerate(regs, start=1):
        status = label(REGISTRATION_STATUS, reg.status)
        if reg.status == "waiting" and reg.waitlist_position:
            status = _("{status} ({position})").format(status=status,
                                                      position=reg.waitlist_position)
        row = [str(n), person.last_name, person.first_name, org or "", status, person.email,
               person.phone, str(person.birth_year or ""),
               label(LANGUAGE_NAMES, person.preferred_language),
               _("{present} of {sessions}").format(present=attended.get(reg.id, 0),
                                                   sessions=len(g.sessions))
               if reg.id in attended and g.sessions else ""]
        if include_community:
            code = person.community_code
            row.append(communities.get(code, code or "") if code else "")
        rows.append([escape_cell(v) for v in row])
    return ParticipantTable(title, [escape_cell(h) for h in headers], rows)


def csv_bytes(table: ParticipantTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def xlsx_bytes(table: ParticipantTable) -> bytes:
    import openpyxl  # imported here: only exports need it
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    # A sheet name has at most 31 characters and none of []:*?/\
    name = "".join(c for c in table.title if c not in "[]:*?/\\")[:31].strip()
    sheet.title = name or "Sheet1"
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
    for cell_row in sheet.iter_rows():
        for cell in cell_row:
            cell.data_type = "s"  # text stays text: openpyxl would read "=..." as a formula
    widths = [max((len(str(r[i])) for r in [table.headers, *table.rows]), default=4)
              for i in range(len(table.headers))]
    for i, width in enumerate(widths):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = min(
            max(width + 2, 6), 50)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_participants(db: Database, event_id: str, path: str | Path,
                        include_community: bool = False, fmt: str | None = None) -> int:
    """Write the list to `path` (format from `fmt` or the file's extension); return the rows."""
    target = Path(path)
    fmt = (fmt or target.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UserError(N_("Choose a file name ending in .xlsx or .csv."))
    table = participant_table(db, event_id, include_community)
    write_atomic(target, xlsx_bytes(table) if fmt == "xlsx" else csv_bytes(table))
    return len(table.rows)
