"""Which records point at a person or an organisation, found from the foreign keys themselves.

Merging duplicates re-points every reference; an access request lists them. Reading the links
from the schema means a table added by a later issue is covered without touching this file.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models import Base, Synced


def references(table: str) -> list[tuple[type[Synced], str]]:
    """(model, attribute) pairs whose column is a foreign key to `table`.id (redirects excluded)."""
    out = []
    for mapper in Base.registry.mappers:
        model = mapper.class_
        for col in mapper.columns:
            if col.key == "merged_into_id":
                continue
            for fk in col.foreign_keys:
                if fk.column.table.name == table and fk.column.name == "id":
                    out.append((model, col.key))
    return out


def linked_records(s: Session, person_id: str) -> dict[str, int]:
    """How many records of each table point at the person (for access requests and merges)."""
    counts: Counter[str] = Counter()
    for model, attr in references("people"):
        n = len(
            s.execute(select(model.id).where(getattr(model, attr) == person_id)).all()
        )
        if n:
            counts[str(getattr(model, "__tablename__", ""))] += n
    return dict(counts)


def repoint(s: Session, table: str, old_id: str, new_id: str) -> int:
    """Move every reference from old_id to new_id through the ORM, so each move is logged.

    Records another office owns are left alone: only that office may change them, and their
    reference reaches the kept record through the merged-away one's redirect."""
    from app.models import LocalState

    local = s.get(LocalState, "office_id")
    own = local.text_value if local else None
    moved = 0
    for model, attr in references(table):
        if not issubclass(model, Synced):
            rows: Any = s.execute(
                update(model).where(getattr(model, attr) == old_id).values({attr: new_id})
            )
            moved += rows.rowcount or 0
            continue
        for obj in s.execute(select(model).where(getattr(model, attr) == old_id)).scalars():
            if model.sync_kind == "office" and obj.office_id not in (None, own):
                continue
            setattr(obj, attr, new_id)
            moved += 1
    return moved
