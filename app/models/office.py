"""Offices (one installation each) and this database's own state."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CODE, ID, Base, Synced


class Office(Synced, Base):
    """A regional office or the coordinator. Its profile prints on sheets and certificates."""

    __tablename__ = "offices"
    sync_kind = "reference"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    municipality_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    is_coordinator: Mapped[bool] = mapped_column(Boolean, default=False)
    address: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    logo_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_title: Mapped[str] = mapped_column(String(200), default="")
    certificate_series: Mapped[str] = mapped_column(String(16), default="")
    # Public keys for exchange files (filled when an office joins the network).
    signing_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    encryption_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class LocalState(Base):
    """Key/value facts about this database: its office, instance id, clock and sequence.

    Never synced: each database has its own.
    """

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    text_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    int_value: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Counter(Base):
    """Per-office numbering series (event codes, certificate numbers): one row per series/year."""

    __tablename__ = "counters"

    office_id: Mapped[str] = mapped_column(ID, ForeignKey("offices.id"), primary_key=True)
    series: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
