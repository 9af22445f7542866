"""Applying incoming changes by SYNC.md's merge rule, field by field, with a conflicts inbox.

1. a change already applied (same origin and sequence) is skipped;
2. a change to an erased person is dropped;
3. a change to a merged-away record goes to the record it was merged into;
4. the newer stamp wins (HLC, then office code): this is order-independent, and because clocks
   are hybrid-logical, an edit made after seeing another always carries the higher stamp;
5. when the editor had not seen the value it overwrote (its `prev` differs from the stamp here)
   and the two edits come from different offices, the loser is kept in a Conflict row;
6. units (first and last name, address lines) are logged whole, so the whole unit wins;
7. an edit against a concurrent archive is applied and flagged as a conflict for review.
New records are created first, in batches (creates.py); then inserts of records that are here
merge field by field like edits; then every other change, in (stamp, origin, sequence) order.
The caller owns the transaction: everything here runs inside it and is rolled back with it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.i18n import N_
from app.ids import uuid7
from app.models import ChangeLog, Conflict, Person, Synced
from app.models.base import utcnow
from app.sync import clock, creates
from app.sync.changelog import to_json
from app.sync.changes import Change, ChangeError, models_by_table
from app.sync.scrub import PERSON_ERASED, scrub_erased_person

REDIRECTED = creates.REDIRECTED
ERASE_KEEPS = frozenset({"erased", "archived", "merged_into_id"})


@dataclass
class TableSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    dropped: int = 0
    rejected: int = 0


@dataclass
class MergeResult:
    tables: dict[str, TableSummary] = field(default_factory=lambda: defaultdict(TableSummary))
    archived: int = 0
    erased: int = 0
    far_future: int = 0
    applied: int = 0
    max_hlc: str | None = None
    touched: set[tuple[str, str]] = field(default_factory=set)
    erased_people: set[str] = field(default_factory=set)

    @property
    def conflicts(self) -> int:
        return sum(t.conflicts for t in self.tables.values())

    def as_dict(self) -> dict[str, Any]:
        return {"tables": {k: vars(v) for k, v in sorted(self.tables.items())},
                "archived": self.archived, "erased": self.erased,
                "far_future": self.far_future, "applied": self.applied}


class _Stamps:
    """Per-field (stamp, origin) of records, read from the change log once and kept current."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.cache: dict[tuple[str, str], dict[str | None, tuple[str, str]]] = {}

    def of(self, table: str, record: str) -> dict[str | None, tuple[str, str]]:
        key = (table, record)
        if key not in self.cache:
            rows = self.s.execute(
                select(ChangeLog.field, ChangeLog.hlc, ChangeLog.origin_office_id)
                .where(ChangeLog.table_name == table, ChangeLog.record_id == record)
            ).all()
            stamps: dict[str | None, tuple[str, str]] = {}
            for f, h, o in rows:
                if f not in stamps or h > stamps[f][0]:
                    stamps[f] = (h, o)
            self.cache[key] = stamps
        return self.cache[key]

    def field(self, table: str, record: str, name: str) -> tuple[str, str] | None:
        stamps = self.of(table, record)
        return stamps.get(name) or stamps.get(None)

    def set(self, table: str, record: str, name: str | None, stamp: str, origin: str) -> None:
        stamps = self.of(table, record)
        if name not in stamps or stamp > stamps[name][0]:
            stamps[name] = (stamp, origin)


class IdentityClash(ChangeError):
    """Two different changes carry the same origin and sequence: two databases claim one office."""


def seen(s: Session, changes: list[Change], local_office: str | None = None
         ) -> set[tuple[str, int]]:
    """The (origin, sequence) pairs already here. The same pair with another stamp means two
    databases used one office's identity (or a restored backup reused numbers): from another
    office that is refused; for our own changes (a resync after restoring a backup) our local
    change is renumbered so that both are kept."""
    by_origin: dict[str, list[int]] = defaultdict(list)
    stamp_of = {(c.origin, c.seq): c for c in changes}
    for c in changes:
        by_origin[c.origin].append(c.seq)
    found: set[tuple[str, int]] = set()
    for origin, seqs in by_origin.items():
        rows = s.execute(select(ChangeLog.id, ChangeLog.seq, ChangeLog.hlc).where(
            ChangeLog.origin_office_id == origin, ChangeLog.seq >= min(seqs),
            ChangeLog.seq <= max(seqs))).all()
        for row_id, q, hlc in rows:
            incoming = stamp_of.get((origin, q))
            if incoming is None:
                continue
            if incoming.hlc == hlc:
                found.add((origin, q))
            elif origin == local_office:
                _renumber(s, row_id)
            else:
                raise IdentityClash(incoming.line, N_(
                    "change {seq} differs from the one received before: a restored backup or a "
                    "second laptop is using this office's identity. Nothing was imported: ask "
                    "the office to resynchronise"), seq=q)
    return found


def _renumber(s: Session, row_id: int) -> None:
    from app.sync.changelog import allocate

    first, _stamp, _office, _code = allocate(s, 1)
    s.execute(update(ChangeLog).where(ChangeLog.id == row_id).values(seq=first))


def _reserve_own(s: Session, changes: list[Change], local_office: str | None) -> None:
    """Our own changes coming back (a resync): new local numbers start above them."""
    from app.models import LocalState

    own = [c.seq for c in changes if c.origin == local_office]
    if not own:
        return
    row = s.get(LocalState, "seq")
    if row is not None and (row.int_value or 0) < max(own):
        row.int_value = max(own)
        s.flush()


def apply(s: Session, changes: list[Change], wall_ms: int | None = None,
          local_office: str | None = None, *, careful: bool = False) -> MergeResult:
    """Merge `changes` inside the caller's transaction. New records are written in batches
    (creates.py); `careful` writes them in one batch keeping every row, for tests."""
    result = MergeResult()
    now = utcnow()
    _reserve_own(s, changes, local_office)
    already = seen(s, changes, local_office)
    fresh = sorted((c for c in changes if (c.origin, c.seq) not in already),
                   key=lambda c: (c.hlc, c.origin, c.seq))
    if already:
        for c in changes:
            if (c.origin, c.seq) in already:
                result.tables[c.table].unchanged += 1
    if not fresh:
        return result
    wall = clock.now_ms() if wall_ms is None else wall_ms
    result.far_future = sum(1 for c in fresh if clock.is_far_future(c.hlc, wall))
    result.max_hlc = fresh[-1].hlc
    stamps = _Stamps(s)
    p = creates.plan(s, fresh)
    rows = p.rows
    creates.create(s, p, stamps.cache, result, now, careful)
    for c in p.merges:  # the record is here already: each field merges like an edit
        for name, value in c.value.items():
            if name == "office_id":
                continue
            as_edit = Change(c.origin, c.seq, c.hlc, c.table, c.record, "update", name,
                             value, None, c.owner, c.line)
            _apply_one(s, as_edit, rows, stamps, result, now, quiet=True)
    for c in fresh:
        if c.op != "insert":
            _apply_one(s, c, rows, stamps, result, now)
    creates.write_log(s, fresh, now, careful)
    _refresh_derived(s, result.touched)
    for person_id in sorted(result.erased_people):  # what they held leaves the history too
        scrub_erased_person(s, person_id)
    return result


def _target(c: Change, rows: dict[str, dict[str, dict[str, Any]]], s: Session
            ) -> tuple[str, dict[str, Any] | None]:
    """The record a change lands on: merged-away records redirect to their survivor."""
    record = c.record
    row = rows[c.table].get(record)
    hops = 0
    while (c.table in REDIRECTED and row is not None and row.get("merged_into_id")
           and c.field != "merged_into_id" and hops < 10):
        record = row["merged_into_id"]
        if record not in rows[c.table]:
            rows[c.table].update(creates.existing(s, c.table, [record]))
        row = rows[c.table].get(record)
        hops += 1
    return record, row


def _apply_one(s: Session, c: Change, rows: dict[str, dict[str, dict[str, Any]]],
               stamps: _Stamps, result: MergeResult, now: Any, quiet: bool = False) -> None:
    summary = result.tables[c.table]
    model = models_by_table()[c.table]
    record, row = _target(c, rows, s)
    if row is None:
        raise ChangeError(c.line, N_("a change to a record that exists nowhere ({table} {record})"),
                          table=c.table, record=c.record)
    if c.table == "people" and row.get("erased") and (c.field not in ERASE_KEEPS):
        summary.dropped += 1  # rule 2: an erased person never comes back from an old file
        return
    name = c.field if c.op == "update" else "deleted"
    value = c.value if c.op == "update" else (c.op == "delete")
    assert name is not None
    # Units are logged whole, so each of their fields carries the unit's stamp.
    current = stamps.field(c.table, record, name)
    newer = current is None or c.hlc > current[0]
    concurrent = (current is not None and c.prev != current[0] and current[1] != c.origin
                  and c.prev is not None)
    before = row.get(name)
    if newer:
        if before != value or name == "erased":
            values: dict[str, Any] = {name: value, "updated_at": now}
            if c.hlc > (row.get("hlc") or ""):
                values.update(hlc=c.hlc, changed_by=c.origin)
            if name == "erased" and value:
                values.update(_erase_values(model))
                result.erased += 1
                result.erased_people.add(record)
            if name in ("archived", "deleted") and value:
                result.archived += 1
            s.execute(update(model).where(model.__table__.c.id == record).values(**values))
            row.update(values)
            result.touched.add((c.table, record))
            if not quiet:
                summary.updated += 1
            result.applied += 1
        elif not quiet:
            summary.unchanged += 1
        # (`concurrent` implies a current stamp; the type checker needs it said)
        if concurrent and current is not None and _conflict(
                s, c, record, name, winner=(c.hlc, c.origin, value),
                loser=(current[0], current[1], before), now=now):
            summary.conflicts += 1
        stamps.set(c.table, record, name, c.hlc, c.origin)
    elif concurrent and current is not None and _conflict(
            s, c, record, name, winner=(current[0], current[1], before),
            loser=(c.hlc, c.origin, value), now=now):
        summary.conflicts += 1
    elif not quiet:
        summary.unchanged += 1
    archive = stamps.field(c.table, record, "archived")
    if (name not in ("archived", "deleted") and row.get("archived") and archive
            and c.prev is not None and archive[0] > c.prev and archive[1] != c.origin
            and _conflict(s, c, record, "archived", winner=(archive[0], archive[1], True),
                          loser=(c.hlc, c.origin, {name: value}), now=now, kind="archive")):
        summary.conflicts += 1


def _erase_values(model: type[Synced]) -> dict[str, Any]:
    if model is not Person:
        return {}
    return {**PERSON_ERASED, "archived": True}


def _conflict(s: Session, c: Change, record: str, name: str, winner: tuple[str, str, Any],
              loser: tuple[str, str, Any], now: Any, kind: str = "field") -> bool:
    """Keep the losing value for review; False when there is nothing to review (the same value,
    or this conflict is known already, as when a file is imported in another order)."""
    if kind == "field" and to_json(winner[2]) == to_json(loser[2]):
        return False
    exists = s.execute(select(Conflict.id).where(
        Conflict.table_name == c.table, Conflict.record_id == record, Conflict.field == name,
        Conflict.winning_hlc == winner[0], Conflict.losing_hlc == loser[0])).first()
    if exists:
        return False
    s.execute(insert(Conflict).values(
        id=uuid7(), table_name=c.table, record_id=record, field=name,
        winning_value=json.dumps(to_json(winner[2]), ensure_ascii=False),
        winning_office_id=winner[1], winning_hlc=winner[0],
        losing_value=json.dumps(to_json(loser[2]), ensure_ascii=False),
        losing_office_id=loser[1], losing_hlc=loser[0], kind=kind, detected_at=now))
    return True


def _refresh_derived(s: Session, touched: set[tuple[str, str]]) -> None:
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, record in touched:
        model = models_by_table()[table]
        if getattr(model, "derive_row", None):
            by_table[table].append(record)
    for table, ids in by_table.items():
        model = models_by_table()[table]
        for row in creates.existing(s, table, ids).values():
            model.derive_row(row)  # type: ignore[attr-defined]
            derived = {k: row[k] for k in model.local_fields if k in row}
            s.execute(update(model).where(model.__table__.c.id == row["id"]).values(**derived))
