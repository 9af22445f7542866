"""The exchange history: every file this database sent or received, with its summary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.i18n import N_, _, ngettext
from app.i18n.formats import format_datetime
from app.models import LedgerEntry, Office

STATUS = {"sent": N_("Sent"), "applied": N_("Imported"), "no_op": N_("Nothing new (already here)")}
COUNTS = ("created", "updated", "unchanged", "conflicts", "dropped")
TABLE_NAMES = {
    "people": N_("People"),
    "organisations": N_("Organisations"),
    "consents": N_("Consents"),
    "person_roles": N_("Roles"),
    "events": N_("Events"),
    "sessions": N_("Sessions"),
    "registrations": N_("Registrations"),
    "attendance": N_("Attendance"),
    "certificates": N_("Certificates"),
    "certificate_log": N_("Certificate register"),
    "networks": N_("Networks"),
    "network_members": N_("Network members"),
    "business_cases": N_("Micro-business cases"),
    "case_activities": N_("Case activities"),
    "advocacy_runs": N_("Advocacy runs"),
    "attachments": N_("Documents"),
    "offices": N_("Offices"),
    "municipalities": N_("Municipalities"),
    "institutions": N_("Institutions"),
    "programmes": N_("Training programmes"),
    "communities": N_("Communities"),
    "ref_items": N_("Reference lists"),
}


def table_name(table: str) -> str:
    """A table's name for people; tables without one show as "other records (name)"."""
    if table in TABLE_NAMES:
        return _(TABLE_NAMES[table])
    return _("Other records ({name})").format(name=table.replace("_", " "))


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    sent: bool  # False: received
    direction: str  # "Sent to" / "Received from", translated
    office: str
    sequence: int
    file_name: str
    when: str
    status: str
    changes: int
    conflicts: int
    details: str  # several lines, for a tooltip or a detail pane


def _counts_line(table: str, t: dict[str, Any]) -> str:
    return _(
        "{table}: {created} created, {updated} updated, {unchanged} unchanged, "
        "{conflicts} conflicts, {dropped} dropped"
    ).format(table=table_name(table), **{k: int(t.get(k, 0)) for k in COUNTS})


def describe(entry: LedgerEntry, office: str) -> HistoryEntry:
    try:
        summary = json.loads(entry.summary or "{}")
    except ValueError:
        summary = {}
    if not isinstance(summary, dict):
        summary = {}
    sent = entry.direction == "out"
    lines: list[str] = []
    if sent:
        changes = int(summary.get("changes", 0))
        for table, n in sorted((summary.get("counts") or {}).items()):
            lines.append(
                ngettext("{table}: {n} change", "{table}: {n} changes", int(n)).format(
                    table=table_name(table), n=int(n)
                )
            )
        conflicts = 0
    else:
        changes = int(summary.get("changes", 0))
        conflicts = int(summary.get("conflicts", 0))
        tables = (summary.get("summary") or {}).get("tables") or {}
        lines.extend(_counts_line(t, v) for t, v in sorted(tables.items()))
        gap = int(summary.get("gap", 0))
        if gap:
            lines.append(
                ngettext(
                    "{n} earlier file had not arrived.", "{n} earlier files had not arrived.", gap
                ).format(n=gap)
            )
        far = int(summary.get("far_future", 0))
        if far:
            lines.append(
                ngettext(
                    "{n} change carried a date far in the future.",
                    "{n} changes carried a date far in the future.",
                    far,
                ).format(n=far)
            )
    if not lines:
        lines.append(_("No changes."))
    return HistoryEntry(
        id=entry.id,
        sent=sent,
        direction=_("Sent to") if sent else _("Received from"),
        office=office,
        sequence=entry.sequence,
        file_name=entry.file_name,
        when=format_datetime(entry.at),
        status=_(STATUS[entry.status]) if entry.status in STATUS else entry.status,
        changes=changes,
        conflicts=conflicts,
        details="\n".join(lines),
    )


def history(db: Database, limit: int = 1000) -> list[HistoryEntry]:
    """Files sent and received, newest first."""
    with db.reader() as s:
        offices = {
            o.id: f"{o.code} · {o.name}" if o.name and o.name != o.code else o.code
            for o in s.execute(select(Office)).scalars()
        }
        rows = (
            s.execute(
                select(LedgerEntry)
                .order_by(LedgerEntry.at.desc(), LedgerEntry.id.desc())
                .limit(limit)
            )
            .scalars()
            .all()
        )
        return [describe(r, offices.get(r.peer_office_id, "?")) for r in rows]
