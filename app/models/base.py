"""Declarative base and the columns every synced record carries (see SYNC.md).

Every record that travels between offices has a UUID, the office that owns it, the office that
last changed it, a hybrid-logical-clock stamp of that change and a tombstone flag. The change log
rows are written by app.sync.changelog in the same flush as the edit; models only declare data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, cast

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, MetaData, String, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.sql import FromClause

from app.ids import uuid7

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(36)
CODE = String(64)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Synced:
    """Columns for a record that travels in exchange files.

    `sync_kind` says who may edit it: "office" (owning office only), "shared" (any office, merged
    field by field) or "reference" (the coordinator's lists).
    """

    sync_kind: ClassVar[str] = "office"
    # Fields that merge as one unit (SYNC.md merge rule 6).
    merge_units: ClassVar[tuple[tuple[str, ...], ...]] = ()
    # Local, derived columns that never travel (search and sort keys).
    local_fields: ClassVar[frozenset[str]] = frozenset()
    # Given by each concrete model and by declarative mapping (Synced is always mixed in with
    # Base); declared without a value, for type checking only, so the mapping is unchanged.
    # Typed as DeclarativeBase types them (mypy wants the two bases to agree); table_of() gives
    # the Table.
    __tablename__: str
    __table__: ClassVar[FromClause]

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=uuid7)

    @declared_attr
    def office_id(cls) -> Mapped[str | None]:  # noqa: N805
        return mapped_column(ID, ForeignKey("offices.id"), index=True, nullable=True)

    changed_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    hlc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utcnow, server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, server_default=func.current_timestamp()
    )


def table_of(model: type[Base] | type[Synced]) -> Table:
    """The Table `model` is mapped to.

    SQLAlchemy types `__table__` as any FromClause, since a class may be mapped to a select;
    every model here is mapped to a Table of its own.
    """
    return cast(Table, model.__table__)


SYNC_META_FIELDS = frozenset(
    {"id", "office_id", "changed_by", "hlc", "created_at", "updated_at", "deleted"}
)


class Named:
    """A name in the four languages, for reference data the coordinator maintains."""

    code: Mapped[str] = mapped_column(CODE, unique=True)
    name_lt: Mapped[str] = mapped_column(String(300))
    name_pl: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def name_in(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_en or self.name_lt
