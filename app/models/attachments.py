"""Attachments: content-addressed files in the data folder, linked to any record."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import ID, Base, Synced


class Attachment(Synced, Base):
    """A file stored once under its SHA-256 in attachments/ and linked to one record."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    owner_table: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[str] = mapped_column(ID, index=True)
    kind: Mapped[str] = mapped_column(String(32), default="document")  # signed_sheet, plan, logo...
    personal_data: Mapped[bool] = mapped_column(default=False)
