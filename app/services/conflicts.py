"""The conflicts inbox: concurrent edits that lost, shown side by side and resolved by a person.

A conflict row keeps one field; fields that merge as one unit (first and last name, address
lines) were stamped together, so rows of one record with the same pair of stamps are one item.
Resolving writes the chosen value through a normal session: the resolution is a new change
with a newer stamp, so it travels like any other and wins everywhere. A conflict whose field
was edited again after both sides (for instance resolved at another office) is no longer open.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.db import Database
from app.errors import UserError
from app.i18n import N_, _
from app.i18n.formats import format_datetime
from app.models import ChangeLog, Conflict, Office
from app.models.base import utcnow
from app.services.conflict_count import open_count  # noqa: F401 - one count, in plain SQL
from app.services.results import Changes
from app.sync.changes import coerce, columns, models_by_table
from app.sync.clock import Stamp

CONFLICTS = "conflicts"  # the kind of change a resolution publishes, besides the record's kind
KEEP, TAKE_OTHER, EDIT = "keep", "take_other", "edit"

TABLE_LABELS = {
    "people": N_("Person"),
    "organisations": N_("Organisation"),
    "consents": N_("Consent"),
    "person_roles": N_("Role"),
    "events": N_("Event"),
    "networks": N_("Network"),
    "cases": N_("Micro-business case"),
    "advocacy_runs": N_("Advocacy run"),
}
FIELD_LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "birth_year": N_("Year of birth"),
    "gender": N_("Gender"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "postal_code": N_("Postal code"),
    "city": N_("City"),
    "municipality_code": N_("Municipality"),
    "preferred_language": N_("Preferred language"),
    "notes": N_("Notes"),
    "name": N_("Name"),
    "short_name": N_("Short name"),
    "kind": N_("Kind"),
    "registration_code": N_("Registration code"),
    "website": N_("Website"),
    "title": N_("Title"),
    "archived": N_("Archived"),
    "deleted": N_("Removed"),
    "community_code": N_("National community"),
}
# Kinds of record the main window's tabs know, by table (for the bus after a resolution).
KINDS = {
    "people": "people",
    "organisations": "organisations",
    "consents": "consents",
    "person_roles": "roles",
    "events": "events",
    "networks": "networks",
    "cases": "cases",
    "advocacy_runs": "runs",
}


@dataclass(frozen=True)
class FieldConflict:
    conflict_id: str
    field: str
    label: str
    current: Any  # the value that won (what the record shows)
    other: Any  # the value that lost
    current_text: str
    other_text: str


@dataclass(frozen=True)
class ConflictItem:
    """One item of the inbox: one record, one pair of concurrent edits, one or more fields."""

    ids: tuple[str, ...]
    table: str
    record_id: str
    kind: str  # field / archive
    what: str  # "Person", "Organisation"…
    record_label: str
    fields: tuple[FieldConflict, ...]
    current_office: str
    current_when: str
    other_office: str
    other_when: str
    detected: str
    editable: bool  # "Edit" makes sense (plain fields, not an archive)


def stamp_time(stamp: str) -> dt.datetime | None:
    """The moment of a clock stamp, in local time (for people, not for ordering)."""
    try:
        ms = Stamp.parse(stamp).ms
        return dt.datetime.fromtimestamp(ms / 1000)
    except (ValueError, OverflowError, OSError):
        return None


def field_label(name: str) -> str:
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name.replace("_", " ")


GENDERS = {"f": N_("female"), "m": N_("male")}
CODE_FIELDS = frozenset(
    {"municipality_code", "community_code", "kind", "gender", "preferred_language"}
)
Labels = dict[str, dict[str, str]]


def code_labels(db: Database) -> Labels:
    """Field -> code -> label, for fields that hold a code."""
    from app.services import choices
    from app.services.listers.people import LANG_NAMES

    return {
        "municipality_code": dict(choices.municipalities(db, short=False)),
        "community_code": dict(choices.communities(db)),
        "kind": dict(choices.ref_list(db, "organisation_kind")),
        "gender": {k: _(v) for k, v in GENDERS.items()},
        "preferred_language": {k: _(v) for k, v in LANG_NAMES.items()},
    }


def value_text(value: Any, name: str = "", labels: Labels | None = None) -> str:
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict):  # an edit made against an archive: {field: value}
        return "; ".join(f"{field_label(k)}: {value_text(v, k, labels)}" for k, v in value.items())
    if labels and isinstance(value, str) and value in labels.get(name, {}):
        return labels[name][value]
    return str(value)


def _office_names(s: Session) -> dict[str, str]:
    return {
        o.id: f"{o.code} · {o.name}" if o.name and o.name != o.code else o.code
        for o in s.execute(select(Office)).scalars()
    }


def _record_label(s: Session, table: str, record_id: str) -> str:
    model = models_by_table().get(table)
    row = s.get(model, record_id) if model is not None else None
    if row is None:
        return record_id
    if table == "people":
        first, last = getattr(row, "first_name", ""), getattr(row, "last_name", "")
        return f"{first} {last}".strip() or record_id
    for attr in ("name", "title", "short_name", "code"):
        value = getattr(row, attr, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return record_id


def _loads(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _superseded(s: Session, c: Conflict) -> bool:
    """The field was edited after both sides of the conflict: someone decided already."""
    latest = s.execute(
        select(func.max(ChangeLog.hlc)).where(
            ChangeLog.table_name == c.table_name,
            ChangeLog.record_id == c.record_id,
            ChangeLog.field == c.field,
        )
    ).scalar()
    return latest is not None and str(latest) > max(c.winning_hlc, c.losing_hlc)


def _open_rows(s: Session) -> list[Conflict]:
    rows = (
        s.execute(
            select(Conflict)
            .where(Conflict.resolved_at.is_(None))
            .order_by(Conflict.detected_at, Conflict.id)
        )
        .scalars()
        .all()
    )
    return [c for c in rows if not _superseded(s, c)]


def _group_key(c: Conflict) -> tuple[str, str, str, str, str]:
    return (c.table_name, c.record_id, c.winning_hlc, c.losing_hlc, c.kind)


def _when(stamp: str) -> str:
    moment = stamp_time(stamp)
    return format_datetime(moment) if moment else ""


def open_conflicts(db: Database) -> list[ConflictItem]:
    """The open items, oldest first."""
    labels = code_labels(db)
    with db.reader() as s:
        groups: dict[tuple[str, ...], list[Conflict]] = defaultdict(list)
        for c in _open_rows(s):
            groups[_group_key(c)].append(c)
        offices = _office_names(s)
        items = []
        for (table, record, _win, _lose, kind), rows in groups.items():
            first = rows[0]
            fields = tuple(
                FieldConflict(
                    c.id,
                    c.field,
                    field_label(c.field),
                    _loads(c.winning_value),
                    _loads(c.losing_value),
                    value_text(_loads(c.winning_value), c.field, labels),
                    value_text(_loads(c.losing_value), c.field, labels),
                )
                for c in rows
            )
            items.append(
                ConflictItem(
                    ids=tuple(c.id for c in rows),
                    table=table,
                    record_id=record,
                    kind=kind,
                    what=_(TABLE_LABELS[table]) if table in TABLE_LABELS else table,
                    record_label=_record_label(s, table, record),
                    fields=fields,
                    current_office=offices.get(first.winning_office_id or "", "?"),
                    current_when=_when(first.winning_hlc),
                    other_office=offices.get(first.losing_office_id or "", "?"),
                    other_when=_when(first.losing_hlc),
                    detected=format_datetime(first.detected_at),
                    editable=kind == "field" and all(_typed(table, c.field) for c in rows),
                )
            )
        return items


def _typed(table: str, name: str) -> bool:
    """A value a person can type (text, numbers, dates), not a yes/no flag or a code from a
    list (those are resolved by keeping one side or taking the other)."""
    column = columns(table).get(name)
    if column is None or name in CODE_FIELDS:
        return False
    try:
        return column.type.python_type is not bool
    except NotImplementedError:
        return True


def _value_for(table: str, name: str, value: Any) -> Any:
    if name == "deleted":  # a removal against an edit: the flag itself
        return bool(value)
    column = columns(table).get(name)
    if column is None:
        raise UserError(N_("The field {field} cannot be changed here."), field=name)
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = object
    if isinstance(value, str) and python_type is not str:
        value = value.strip()
        if value == "":
            value = None
        elif python_type is int:
            try:
                value = int(value)
            except ValueError:
                raise UserError(
                    N_("{field}: enter a whole number."), field=field_label(name)
                ) from None
    try:
        return coerce(column, value)
    except ValueError as exc:
        raise UserError(
            N_("{field}: {reason}"), field=field_label(name), reason=_(str(exc))
        ) from None


def resolve(
    db: Database,
    conflict_ids: Iterable[str],
    choice: str,
    edited_values: dict[str, Any] | None = None,
) -> Changes:
    """Resolve conflicts: keep the current value, take the other, or write edited values."""
    if choice not in (KEEP, TAKE_OTHER, EDIT):
        raise ValueError(choice)
    wanted = list(conflict_ids)
    with db.session() as s:
        rows = list(s.execute(select(Conflict).where(Conflict.id.in_(wanted))).scalars())
        if not rows:
            return Changes()
        kinds = {CONFLICTS}
        by_record: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
        kept: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c in rows:
            if choice == KEEP:  # the same value again, with a newer stamp: the decision travels
                kept[(c.table_name, c.record_id)].add(c.field)
            elif choice == TAKE_OTHER:
                other = _loads(c.losing_value)
                if c.kind == "archive":  # the edit made while another office archived it
                    by_record[(c.table_name, c.record_id)]["archived"] = False
                else:
                    by_record[(c.table_name, c.record_id)][c.field] = other
            elif choice == EDIT:
                if c.kind != "field":
                    raise UserError(
                        N_(
                            "An archived record cannot be edited here: keep it "
                            "archived or take the other office's edit."
                        )
                    )
                values = edited_values or {}
                if c.field in values:
                    by_record[(c.table_name, c.record_id)][c.field] = values[c.field]
        for (table, record), names in kept.items():
            obj = s.get(models_by_table()[table], record)
            for name in names if obj is not None else ():
                if name in columns(table):
                    flag_modified(obj, name)
        for (table, record), values in by_record.items():
            model = models_by_table()[table]
            obj = s.get(model, record)
            if obj is None:
                raise UserError(N_("The record of this conflict no longer exists."))
            for name, value in values.items():
                setattr(obj, name, _value_for(table, name, value))
            kinds.add(KINDS.get(table, table))
        now = utcnow()
        for c in rows:
            c.resolved_at, c.resolution = now, choice
    return Changes.of(*kinds, ids=[c.record_id for c in rows])
