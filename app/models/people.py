"""The shared registry: people, organisations, roles, and consent for special-category data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import CODE, ID, Base, Synced
from app.text import fold, name_skeleton, sort_key

SORT = String(400)
SORT_LANGS = ("lt", "pl", "ru", "en")


def _derive(row: Any, sort_text: str, search: str, skeleton_text: str) -> None:
    """Fill the local search, sort and duplicate columns of a person or organisation."""
    set_ = row.__setitem__ if isinstance(row, dict) else lambda k, v: setattr(row, k, v)
    set_("search_text", fold(search)[:600])
    for lang in SORT_LANGS:
        set_(f"sort_{lang}", sort_key(sort_text, lang)[:400])
    set_("skeleton", name_skeleton(skeleton_text)[:240])


class Person(Synced, Base):
    __tablename__ = "people"
    # Covering indexes: a list sorted by name is read from the index alone, no row lookups.
    __table_args__ = (
        Index(
            "ix_people_list_lt", "sort_lt", "id", "deleted", "merged_into_id", "archived",
            "search_text",
        ),
        Index(
            "ix_people_list_pl", "sort_pl", "id", "deleted", "merged_into_id", "archived",
            "search_text",
        ),
        Index(
            "ix_people_list_ru", "sort_ru", "id", "deleted", "merged_into_id", "archived",
            "search_text",
        ),
        Index(
            "ix_people_list_en", "sort_en", "id", "deleted", "merged_into_id", "archived",
            "search_text",
        ),
        Index("ix_people_skeleton", "skeleton"),
        # A list sorted by another column reads its first screen from these, not a full sort.
        Index("ix_people_birth_year", "birth_year"),
        Index("ix_people_municipality_code", "municipality_code"),
        Index("ix_people_phone", "phone"),
        Index("ix_people_email", "email"),
        Index("ix_people_preferred_language", "preferred_language"),
    )
    sync_kind = "shared"
    merge_units = (("first_name", "last_name"), ("address", "postal_code", "city"))
    local_fields = frozenset(
        {"search_text", "sort_lt", "sort_pl", "sort_ru", "sort_en", "skeleton"}
    )

    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    gender: Mapped[str] = mapped_column(String(1), default="")  # "f", "m" or "" (not stated)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    municipality_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    preferred_language: Mapped[str] = mapped_column(String(2), default="lt")
    # Special category (GDPR Art. 9): only with a current Consent row; erased on withdrawal.
    community_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    erased: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    # Local, derived: search folding, alphabetical keys per language, duplicate skeleton.
    search_text: Mapped[str] = mapped_column(String(600), default="")
    sort_lt: Mapped[str] = mapped_column(SORT, default="")
    sort_pl: Mapped[str] = mapped_column(SORT, default="")
    sort_ru: Mapped[str] = mapped_column(SORT, default="")
    sort_en: Mapped[str] = mapped_column(SORT, default="")
    skeleton: Mapped[str] = mapped_column(String(240), default="")

    roles: Mapped[list[PersonRole]] = relationship(back_populates="person")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @staticmethod
    def derive_row(row: Any) -> None:
        get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
        first, last = get("first_name") or "", get("last_name") or ""
        search = " ".join([first, last, get("email") or "", get("phone") or "", get("city") or ""])
        _derive(row, f"{last} {first}", search, f"{first} {last}")

    def refresh_derived(self) -> None:
        self.derive_row(self)


class Consent(Synced, Base):
    """A recorded consent (date, form, purpose) that allows storing a person's community."""

    __tablename__ = "consents"
    sync_kind = "shared"

    person_id: Mapped[str] = mapped_column(ID, ForeignKey("people.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(64), default="community")
    form: Mapped[str] = mapped_column(String(32), default="written")  # written, electronic, oral
    given_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Organisation(Synced, Base):
    __tablename__ = "organisations"
    __table_args__ = (
        Index("ix_organisations_list_lt", "sort_lt", "id", "deleted", "merged_into_id", "archived"),
        Index("ix_organisations_list_pl", "sort_pl", "id", "deleted", "merged_into_id", "archived"),
        Index("ix_organisations_list_ru", "sort_ru", "id", "deleted", "merged_into_id", "archived"),
        Index("ix_organisations_list_en", "sort_en", "id", "deleted", "merged_into_id", "archived"),
        Index("ix_organisations_registration_code", "registration_code"),
    )
    sync_kind = "shared"
    merge_units = (("address", "postal_code", "city"),)
    local_fields = frozenset(
        {"search_text", "sort_lt", "sort_pl", "sort_ru", "sort_en", "skeleton"}
    )

    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(CODE, default="ngo")
    community_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    municipality_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    registration_code: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("organisations.id"), nullable=True
    )
    search_text: Mapped[str] = mapped_column(String(600), default="")
    sort_lt: Mapped[str] = mapped_column(SORT, default="")
    sort_pl: Mapped[str] = mapped_column(SORT, default="")
    sort_ru: Mapped[str] = mapped_column(SORT, default="")
    sort_en: Mapped[str] = mapped_column(SORT, default="")
    skeleton: Mapped[str] = mapped_column(String(240), default="")

    roles: Mapped[list[PersonRole]] = relationship(back_populates="organisation")

    @staticmethod
    def derive_row(row: Any) -> None:
        get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
        name = get("name") or ""
        search = " ".join(
            [name, get("short_name") or "", get("registration_code") or "", get("city") or ""]
        )
        _derive(row, name, search, name)

    def refresh_derived(self) -> None:
        self.derive_row(self)


class PersonRole(Synced, Base):
    """A person's role in an organisation (chair, member, staff, volunteer...)."""

    __tablename__ = "person_roles"
    sync_kind = "shared"

    person_id: Mapped[str] = mapped_column(ID, ForeignKey("people.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(ID, ForeignKey("organisations.id"), index=True)
    role: Mapped[str] = mapped_column(String(32), default="member")
    title: Mapped[str] = mapped_column(String(200), default="")
    since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    person: Mapped[Person] = relationship(back_populates="roles")
    organisation: Mapped[Organisation] = relationship(back_populates="roles")


class MergeRecord(Base):
    """History of a duplicate merge: which record went into which, when, by whom, what it held.

    The merged-away record stays as a redirect (merged_into_id); this row keeps its last values so
    the merge can be read and reasoned about later. Local only: the merge itself travels as changes.
    """

    __tablename__ = "merge_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    kept_id: Mapped[str] = mapped_column(ID, index=True)
    merged_id: Mapped[str] = mapped_column(ID, index=True)
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime)
    office_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    snapshot: Mapped[str] = mapped_column(Text, default="{}")
