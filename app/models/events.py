"""Events of every kind, their sessions, registrations, attendance and certificates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CODE, ID, Base, Synced


class Event(Synced, Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_starts_on", "starts_on"),)

    code: Mapped[str] = mapped_column(String(32), unique=True)  # e.g. SAL-2026-014
    kind: Mapped[str] = mapped_column(CODE, default="training")
    title_lt: Mapped[str] = mapped_column(String(300))
    title_pl: Mapped[str] = mapped_column(String(300), default="")
    title_ru: Mapped[str] = mapped_column(String(300), default="")
    programme_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    municipality_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    country: Mapped[str] = mapped_column(String(2), default="LT")
    language: Mapped[str] = mapped_column(String(2), default="lt")
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    network_id: Mapped[str | None] = mapped_column(ID, ForeignKey("networks.id"), nullable=True)
    run_id: Mapped[str | None] = mapped_column(ID, ForeignKey("advocacy_runs.id"), nullable=True)
    # Certificate rule: minimum share of sessions or of hours attended.
    cert_rule: Mapped[str] = mapped_column(String(8), default="sessions")  # sessions/hours/none
    cert_min_share: Mapped[float] = mapped_column(Float, default=0.8)
    hours_per_session: Mapped[float] = mapped_column(Float, default=4.0)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned/held/cancelled

    def title_in(self, lang: str) -> str:
        return getattr(self, f"title_{lang}", "") or self.title_lt


class EventTrainer(Synced, Base):
    __tablename__ = "event_trainers"

    event_id: Mapped[str] = mapped_column(ID, ForeignKey("events.id"), index=True)
    person_id: Mapped[str] = mapped_column(ID, ForeignKey("people.id"), index=True)


class Session(Synced, Base):
    """One day or part of a day of an event."""

    __tablename__ = "sessions"

    event_id: Mapped[str] = mapped_column(ID, ForeignKey("events.id"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    date: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    ends_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    hours: Mapped[float] = mapped_column(Float, default=4.0)
    topic: Mapped[str] = mapped_column(String(300), default="")
    trainer_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    sheet_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Registration(Synced, Base):
    __tablename__ = "registrations"
    __table_args__ = (Index("ix_registrations_event_person", "event_id", "person_id"),)

    event_id: Mapped[str] = mapped_column(ID, ForeignKey("events.id"), index=True)
    person_id: Mapped[str] = mapped_column(ID, ForeignKey("people.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("organisations.id"), nullable=True
    )
    # registered/confirmed/cancelled/no_show/completed/waiting
    status: Mapped[str] = mapped_column(String(16), default="registered")
    waitlist_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    registered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Attendance(Synced, Base):
    __tablename__ = "attendance"
    __table_args__ = (Index("ix_attendance_session_reg", "session_id", "registration_id"),)

    session_id: Mapped[str] = mapped_column(ID, ForeignKey("sessions.id"), index=True)
    registration_id: Mapped[str] = mapped_column(ID, ForeignKey("registrations.id"), index=True)
    status: Mapped[str] = mapped_column(String(8), default="present")  # present/absent/excused


class Certificate(Synced, Base):
    __tablename__ = "certificates"

    event_id: Mapped[str] = mapped_column(ID, ForeignKey("events.id"), index=True)
    person_id: Mapped[str] = mapped_column(ID, ForeignKey("people.id"), index=True)
    registration_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("registrations.id"), nullable=True
    )
    number: Mapped[str] = mapped_column(String(32), unique=True)  # e.g. SAL-2026-0042
    verification_code: Mapped[str] = mapped_column(String(32), unique=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(2), default="lt")
    name_as_printed: Mapped[str] = mapped_column(String(250), default="")
    hours: Mapped[float] = mapped_column(Float, default=0)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    reissue_count: Mapped[int] = mapped_column(Integer, default=0)


class CertificateLog(Synced, Base):
    """The register: every issue, reissue and revocation of a certificate."""

    __tablename__ = "certificate_log"

    certificate_id: Mapped[str] = mapped_column(ID, ForeignKey("certificates.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # issued/reissued/revoked
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
