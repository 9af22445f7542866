"""Regional cooperation networks: members, their interests, and the work programme."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CODE, ID, Base, Synced


class Network(Synced, Base):
    __tablename__ = "networks"

    name: Mapped[str] = mapped_column(String(300))
    region: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(
        String(16), default="forming"
    )  # forming/active/dormant/closed
    lead_organisation_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("organisations.id"), nullable=True
    )
    founded_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    transferred_from: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class NetworkMunicipality(Synced, Base):
    """A municipality the network covers."""

    __tablename__ = "network_municipalities"

    network_id: Mapped[str] = mapped_column(ID, ForeignKey("networks.id"), index=True)
    municipality_code: Mapped[str] = mapped_column(CODE)


class NetworkMember(Synced, Base):
    __tablename__ = "network_members"

    network_id: Mapped[str] = mapped_column(ID, ForeignKey("networks.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(ID, ForeignKey("organisations.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="member")  # lead/member/observer
    joined_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    left_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    contact_person_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("people.id"), nullable=True
    )


class MemberInterest(Synced, Base):
    """An interest of a member: a shared tag (interest_code) or a free one (label)."""

    __tablename__ = "member_interests"

    member_id: Mapped[str] = mapped_column(ID, ForeignKey("network_members.id"), index=True)
    interest_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    label: Mapped[str] = mapped_column(String(120), default="")


class WorkItem(Synced, Base):
    """An item of a network's work programme."""

    __tablename__ = "work_items"

    network_id: Mapped[str] = mapped_column(ID, ForeignKey("networks.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    responsible_member_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("network_members.id"), nullable=True
    )
    starts_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(
        String(16), default="planned"
    )  # planned/in_progress/done/dropped


class WorkItemEvent(Synced, Base):
    __tablename__ = "work_item_events"

    work_item_id: Mapped[str] = mapped_column(ID, ForeignKey("work_items.id"), index=True)
    event_id: Mapped[str] = mapped_column(ID, ForeignKey("events.id"), index=True)
