"""What this database knows about the exchange: its peers and every file sent or received.

Local only (never synced): each database keeps its own ledger.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import ID, Base


class Peer(Base):
    """An office this database exchanges files with (the coordinator, or an office at the hub)."""

    __tablename__ = "exchange_peers"

    office_id: Mapped[str] = mapped_column(ID, ForeignKey("offices.id"), primary_key=True)
    last_seq_in: Mapped[int] = mapped_column(Integer, default=0)
    last_hash_in: Mapped[str] = mapped_column(String(64), default="")
    next_seq_out: Mapped[int] = mapped_column(Integer, default=1)
    last_hash_out: Mapped[str] = mapped_column(String(64), default="")
    # The highest change sequence of each origin office the peer says it has applied.
    their_acks: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    instance_id: Mapped[str] = mapped_column(String(36), default="")
    # Highest sequence of the peer's own changes we have seen (to notice a restored backup).
    their_own_seq: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class LedgerEntry(Base):
    """One file sent or received, with its summary."""

    __tablename__ = "exchange_ledger"
    __table_args__ = (Index("ix_exchange_ledger_file", "file_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    direction: Mapped[str] = mapped_column(String(3))  # in / out
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    peer_office_id: Mapped[str] = mapped_column(ID)
    sequence: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))  # sent / applied / no_op
    summary: Mapped[str] = mapped_column(Text, default="{}")
