"""Reference data the coordinator maintains and offices receive (SYNC.md kind 3)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CODE, Base, Named, Synced


class Municipality(Named, Synced, Base):
    __tablename__ = "municipalities"
    sync_kind = "reference"

    county: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(16), default="district")
    short_lt: Mapped[str] = mapped_column(String(120), default="")
    short_pl: Mapped[str] = mapped_column(String(120), default="")
    short_ru: Mapped[str] = mapped_column(String(120), default="")
    short_en: Mapped[str] = mapped_column(String(120), default="")

    def short_in(self, lang: str) -> str:
        return getattr(self, f"short_{lang}", "") or self.name_in(lang)


class Institution(Named, Synced, Base):
    """A target institution of advocacy (the Seimas, ministries, municipalities...)."""

    __tablename__ = "institutions"
    sync_kind = "reference"

    kind: Mapped[str] = mapped_column(String(32), default="")
    municipality_code: Mapped[str | None] = mapped_column(CODE, nullable=True)


class Community(Named, Synced, Base):
    """A national community. Stored on a person only with recorded consent."""

    __tablename__ = "communities"
    sync_kind = "reference"


class RefItem(Named, Synced, Base):
    """Small code lists: event kinds, case stages, close reasons, legal forms, organisation kinds.

    `list_name` says which list; `extra` holds list-specific facts (a stage's required facts,
    whether it is terminal).
    """

    __tablename__ = "ref_items"
    __table_args__ = (UniqueConstraint("list_name", "code", name="uq_ref_items_list_code"),)
    sync_kind = "reference"

    list_name: Mapped[str] = mapped_column(String(32), index=True)
    code: Mapped[str] = mapped_column(CODE)  # unique per list, not globally
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TrainingProgramme(Named, Synced, Base):
    """A leader-training programme in the catalogue: target group and methodology version."""

    __tablename__ = "programmes"
    sync_kind = "reference"

    target_group_lt: Mapped[str] = mapped_column(Text, default="")
    target_group_pl: Mapped[str] = mapped_column(Text, default="")
    target_group_ru: Mapped[str] = mapped_column(Text, default="")
    target_group_en: Mapped[str] = mapped_column(Text, default="")
    methodology_version: Mapped[str] = mapped_column(String(20), default="1.0")


class Interest(Named, Synced, Base):
    """A shared interest tag for network members (free tags live on the member)."""

    __tablename__ = "interests"
    sync_kind = "reference"

    custom: Mapped[bool] = mapped_column(Boolean, default=False)
