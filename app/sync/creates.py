"""The bulk of an import: records a file creates, and the change log, written in batches.

A file that creates 100,000 people must import within a few times the cost of inserting the rows
with plain sqlite3, in bounded memory. The merge (merge.py) plans every fresh change first:

- the first insert (in merge order) of a record that is not here creates it; every other insert
  of a record merges onto it field by field, like an edit, after all the records are created;
- the created rows are written through `fast_insert` a batch at a time, each row built from the
  change's checked JSON text only when its batch is written;
- only the rows that a later change of the same file can reach (its own edits, a second insert,
  a merged-away record's survivor) stay in memory for the merge, exactly as they were written;
- the change log gets every fresh change verbatim, in merge order, a batch at a time.

`careful=True` (tests) writes everything in one batch and keeps every row, the plain way: the
result must be the same database, row for row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.bulk import fast_insert
from app.models import ChangeLog
from app.models.base import table_of
from app.sync.changelog import dumps, to_json
from app.sync.changes import Change, models_by_table

BATCH = 5_000  # rows per INSERT statement
CHUNK = 900  # ids per IN (...) list
REDIRECTED = ("people", "organisations")

Rows = dict[str, dict[str, dict[str, Any]]]  # table → record id → row


@dataclass
class Plan:
    rows: Rows  # the records here already that fresh changes touch, then the kept new ones
    creates: list[Change] = field(default_factory=list)  # first inserts of new records
    merges: list[Change] = field(default_factory=list)  # inserts onto records here or created
    keep: set[tuple[str, str]] = field(default_factory=set)  # new rows later changes reach


def existing(s: Session, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The rows of those records that are here, by id."""
    model = models_by_table()[table]
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), CHUNK):
        for row in s.execute(select(model.__table__).where(
                model.__table__.c.id.in_(ids[i:i + CHUNK]))).mappings():
            out[row["id"]] = dict(row)
    return out


def _survivor(c: Change) -> str | None:
    """The record a new merged-away record redirects to. Most inserts say `"merged_into_id":
    null` once: that is read from the text without parsing it."""
    if c.table not in REDIRECTED:
        return None
    raw = c.raw_value
    if raw is not None and raw.count('"merged_into_id"') == 1 and '"merged_into_id":null' in raw:
        return None
    target = c.value.get("merged_into_id")
    return target if isinstance(target, str) else None


def plan(s: Session, fresh: list[Change]) -> Plan:
    by_table: dict[str, dict[str, None]] = defaultdict(dict)
    for c in fresh:
        by_table[c.table][c.record] = None
    result = Plan({table: existing(s, table, sorted(ids)) for table, ids in by_table.items()})
    made: set[tuple[str, str]] = set()
    for c in fresh:
        key = (c.table, c.record)
        if c.op == "insert":
            if c.record not in result.rows[c.table] and key not in made:
                made.add(key)
                result.creates.append(c)
                target = _survivor(c)
                if target is not None:
                    result.keep.update((key, (c.table, target)))
                continue
            result.merges.append(c)
            target = _survivor(c)
            if target is not None:
                result.keep.add((c.table, target))
        elif c.op == "update" and c.field == "merged_into_id" and isinstance(c.value, str):
            result.keep.add((c.table, c.value))
        result.keep.add(key)
    return result


def _batches(items: list[Change], size: int) -> Iterator[list[Change]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def create(s: Session, p: Plan, stamps: dict[tuple[str, str], Any], result: Any, now: Any,
           careful: bool = False) -> None:
    """Write the new records of `p.creates`, table by table in merge order."""
    by_table: dict[str, list[Change]] = defaultdict(list)
    for c in p.creates:
        by_table[c.table].append(c)
    conn = s.connection()
    for table, items in by_table.items():
        model = models_by_table()[table]
        derive = getattr(model, "derive_row", None)
        kept = p.rows[table]
        summary = result.tables[table]
        for batch in _batches(items, len(items) if careful else BATCH):
            rows = []
            for c in batch:
                row = {**c.value, "id": c.record, "hlc": c.hlc, "changed_by": c.origin,
                       "deleted": False, "created_at": now, "updated_at": now}
                row.setdefault("office_id", c.owner)
                if derive:
                    derive(row)
                rows.append(row)
                if careful or (table, c.record) in p.keep:
                    kept[c.record] = row
                    stamps[(table, c.record)] = {None: (c.hlc, c.origin)}
            fast_insert(conn, table_of(model), rows)
            summary.created += len(batch)
            result.applied += len(batch)


def _log_row(c: Change, now: Any) -> dict[str, Any]:
    if c.raw_value is not None and c.op in ("insert", "update"):
        value: str | None = c.raw_value
    elif c.op == "insert":
        value = dumps({k: to_json(v) for k, v in c.value.items()})
    elif c.op == "update":
        value = dumps(to_json(c.value))
    else:
        value = None
    return dict(origin_office_id=c.origin, owner_office_id=c.owner, seq=c.seq, hlc=c.hlc,
                table_name=c.table, record_id=c.record, op=c.op, field=c.field, value=value,
                prev_hlc=c.prev, recorded_at=now)


def write_log(s: Session, fresh: list[Change], now: Any, careful: bool = False) -> None:
    """Every fresh change into the change log as received, in merge order."""
    conn = s.connection()
    for batch in _batches(fresh, len(fresh) if careful else BATCH):
        fast_insert(conn, table_of(ChangeLog), [_log_row(c, now) for c in batch])
