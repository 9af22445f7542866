"""Writes the change log in the same flush as every edit of a synced record.

One session event covers every service, the importer and the demo: a service cannot forget to
log a change. Each flush takes one clock stamp and a block of per-office sequence numbers from
local_state, inside the flush's transaction, so that concurrent writers serialise on SQLite's
write lock (or PostgreSQL's row lock) and never share a number.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import Session

from app.ids import uuid7
from app.models.base import SYNC_META_FIELDS, Synced, table_of, utcnow
from app.models.office import LocalState
from app.models.sync import ChangeLog
from app.sync import clock

CONTEXT_KEY = "tinklas_changes"


class HardDeleteError(RuntimeError):
    """Synced records are never deleted outright: they become tombstones."""


def to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_json(value), ensure_ascii=False, separators=(",", ":"))


def synced_fields(model: type[Synced]) -> list[str]:
    """The columns that travel: everything but local derived columns and sync metadata."""
    cols = [c.key for c in inspect(model).column_attrs]
    skip = (SYNC_META_FIELDS - {"office_id"}) | model.local_fields
    return [c for c in cols if c not in skip]


def allocate(session: Session, count: int) -> tuple[int, str, str, str]:
    """Reserve `count` sequence numbers and one clock stamp: (first_seq, stamp, office...)."""
    session.execute(
        update(LocalState)
        .where(LocalState.key == "seq")
        .values(int_value=LocalState.int_value + count)
        .execution_options(synchronize_session=False)
    )
    rows = dict(
        session.execute(
            select(LocalState.key, LocalState.text_value).where(
                LocalState.key.in_(["hlc", "office_id", "office_code"])
            )
        ).all()
    )
    last_seq = session.execute(
        select(LocalState.int_value).where(LocalState.key == "seq")
    ).scalar_one()
    office_id, office_code = rows["office_id"], rows["office_code"]
    if last_seq is None or office_id is None or office_code is None:
        # bootstrap writes all three; without them no change can be numbered or stamped
        raise RuntimeError("local_state has no seq, office_id or office_code")
    stamp = clock.tick(rows.get("hlc"), office_code)
    session.execute(
        update(LocalState)
        .where(LocalState.key == "hlc")
        .values(text_value=stamp)
        .execution_options(synchronize_session=False)
    )
    return last_seq - count + 1, stamp, office_id, office_code


def _apply_defaults(obj: Synced) -> None:
    """Fill column defaults now, so that the logged snapshot equals the row inserted."""
    for col in inspect(type(obj)).columns:
        key = col.key
        if getattr(obj, key, None) is not None or col.default is None:
            continue
        default = col.default
        if getattr(default, "is_callable", False):
            setattr(obj, key, default.arg(None))  # type: ignore[attr-defined]
        elif getattr(default, "is_scalar", False):
            setattr(obj, key, default.arg)  # type: ignore[attr-defined]


def _changed_fields(obj: Synced) -> list[str]:
    state = inspect(obj)
    skip = SYNC_META_FIELDS | type(obj).local_fields
    out = []
    for attr in state.mapper.column_attrs:
        if attr.key in skip:
            continue
        if state.attrs[attr.key].history.has_changes():
            out.append(attr.key)
    return out


def _only_own(session: Session, changed: list[Synced]) -> None:
    """Office-owned records change only in their own office (SYNC.md): anywhere else they are
    read-only copies, and an edit would fork them. One check here covers every service."""
    office = session.execute(
        select(LocalState.text_value).where(LocalState.key == "office_id")
    ).scalar()
    for obj in changed:
        if type(obj).sync_kind == "office" and obj.office_id not in (None, office):
            from app.services.ownership import refuse_foreign

            refuse_foreign(session, obj)


def _with_units(model: type[Synced], fields: list[str]) -> list[str]:
    """A change to one field of a unit (first and last name, address lines) logs the whole unit,
    so that a merge can let the whole unit win (SYNC.md merge rule 6)."""
    out = list(fields)
    for unit in model.merge_units:
        if any(f in unit for f in fields):
            out.extend(f for f in unit if f not in out)
    return out


def _last_stamps(session: Session, table: str, record_id: str) -> dict[str | None, str]:
    rows = session.execute(
        select(ChangeLog.field, ChangeLog.hlc)
        .where(ChangeLog.table_name == table, ChangeLog.record_id == record_id)
        .order_by(ChangeLog.hlc)
    ).all()
    return {f: h for f, h in rows}


def snapshot(obj: Synced) -> dict[str, Any]:
    return {f: to_json(getattr(obj, f)) for f in synced_fields(type(obj))}


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if not session.info.get(CONTEXT_KEY):
        return
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise HardDeleteError(f"{type(obj).__name__} must be archived or tombstoned")
    new = [o for o in session.new if isinstance(o, Synced)]
    dirty: list[tuple[Synced, list[str], bool]] = []
    for obj in session.dirty:
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        fields = _with_units(type(obj), _changed_fields(obj))
        tomb = inspect(obj).attrs["deleted"].history.has_changes()
        if fields or tomb:
            dirty.append((obj, fields, tomb))
    if not new and not dirty:
        return
    _only_own(session, [d[0] for d in dirty])
    for obj in [*new, *(d[0] for d in dirty)]:
        refresh = getattr(obj, "refresh_derived", None)
        if refresh:
            refresh()
    count = len(new) + sum(len(f) + (1 if t else 0) for _, f, t in dirty)
    seq, stamp, office_id, _code = allocate(session, count)
    now = utcnow()
    rows: list[dict[str, Any]] = []

    def add(obj: Synced, op: str, field: str | None, value: Any, prev: str | None) -> None:
        nonlocal seq
        rows.append(
            dict(
                origin_office_id=office_id,
                owner_office_id=obj.office_id,
                seq=seq,
                hlc=stamp,
                table_name=obj.__tablename__,
                record_id=obj.id,
                op=op,
                field=field,
                value=None if value is None and field is None else dumps(value),
                prev_hlc=prev,
                recorded_at=now,
            )
        )
        seq += 1

    for obj in new:
        if obj.id is None:
            obj.id = uuid7()
        if obj.office_id is None and type(obj).__tablename__ != "offices":
            obj.office_id = office_id
        obj.changed_by, obj.hlc = office_id, stamp
        _apply_defaults(obj)
        add(obj, "insert", None, snapshot(obj), None)
    for obj, fields, tomb in dirty:
        stamps = _last_stamps(session, obj.__tablename__, obj.id)
        for field in fields:
            prev = stamps.get(field) or stamps.get(None) or obj.hlc
            add(obj, "update", field, to_json(getattr(obj, field)), prev)
        if tomb:
            add(obj, "delete" if obj.deleted else "restore", None, None, obj.hlc)
        obj.changed_by, obj.hlc = office_id, stamp
    session.execute(insert(ChangeLog), rows)


def install(session: Session) -> None:
    """Turn change logging on for a session (Database.session does this)."""
    session.info[CONTEXT_KEY] = True


event.listen(Session, "before_flush", _before_flush)


def bulk_insert(session: Session, model: type[Synced], rows: Iterable[dict[str, Any]]) -> int:
    """Insert many new records fast (demo data, imports), logging one insert change each.

    Fills ids, office, stamps and derived columns as the flush hook would, without the ORM's
    per-object cost.
    """
    items = list(rows)
    if not items:
        return 0
    seq, stamp, office_id, _code = allocate(session, len(items))
    derive = getattr(model, "derive_row", None)
    cols = {c.key: c for c in inspect(model).columns}
    fields = synced_fields(model)
    now = utcnow()
    log = []
    for i, row in enumerate(items):
        row.setdefault("id", uuid7())
        if model.__tablename__ != "offices":
            row.setdefault("office_id", office_id)
        row["changed_by"], row["hlc"] = office_id, stamp
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
        for key, col in cols.items():
            if (key not in row and col.default is not None
                    and getattr(col.default, "is_scalar", False)):
                row[key] = col.default.arg  # type: ignore[attr-defined]
        if derive:
            derive(row)
        value = {f: to_json(row.get(f)) for f in fields}
        log.append(
            dict(
                origin_office_id=office_id,
                owner_office_id=row.get("office_id"),
                seq=seq + i,
                hlc=stamp,
                table_name=model.__tablename__,
                record_id=row["id"],
                op="insert",
                field=None,
                value=dumps(value),
                prev_hlc=None,
                recorded_at=now,
            )
        )
    from app.db.bulk import fast_insert

    fast_insert(session.connection(), table_of(model), items)
    fast_insert(session.connection(), table_of(ChangeLog), log)
    return len(items)
