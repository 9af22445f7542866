"""The change log and conflicts that exchange files are made of (SYNC.md)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import ID, Base


class ChangeLog(Base):
    """One change: written in the same transaction as the edit.

    `field` is None for a whole record created (value holds all fields as JSON) and for a
    tombstone (op "delete"); otherwise one field and its new value as JSON.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        UniqueConstraint("origin_office_id", "seq", name="uq_change_log_origin_seq"),
        Index("ix_change_log_record", "table_name", "record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin_office_id: Mapped[str] = mapped_column(ID)
    seq: Mapped[int] = mapped_column(Integer)
    # The office that owns the record (decides which offices need the change).
    owner_office_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    hlc: Mapped[str] = mapped_column(String(40))
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(ID)
    op: Mapped[str] = mapped_column(String(8))  # insert/update/delete
    field: Mapped[str | None] = mapped_column(String(64), nullable=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hlc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Conflict(Base):
    """A concurrent edit that lost: kept for review in the conflicts inbox."""

    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(ID, index=True)
    field: Mapped[str] = mapped_column(String(200))
    winning_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    winning_office_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    winning_hlc: Mapped[str] = mapped_column(String(40))
    losing_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    losing_office_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    losing_hlc: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16), default="field")  # field/archive/erase
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # keep/take_other/edit
