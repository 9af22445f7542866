"""Micro-business cases: a beneficiary followed from intake to a business that lasts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CODE, ID, Base, Synced

MONEY = Numeric(12, 2)


class BusinessCase(Synced, Base):
    __tablename__ = "business_cases"

    code: Mapped[str] = mapped_column(String(32), unique=True)  # e.g. SAL-MV-2026-007
    beneficiary_id: Mapped[str] = mapped_column(ID, ForeignKey("people.id"), index=True)
    consultant_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    business_idea: Mapped[str] = mapped_column(Text, default="")
    sector: Mapped[str] = mapped_column(String(120), default="")
    market: Mapped[str] = mapped_column(Text, default="")
    municipality_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    stage_code: Mapped[str] = mapped_column(CODE, default="intake", index=True)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    close_reason: Mapped[str | None] = mapped_column(CODE, nullable=True)
    close_note: Mapped[str] = mapped_column(Text, default="")
    # Needs assessment
    state_language_level: Mapped[str] = mapped_column(String(8), default="")
    digital_skills: Mapped[str] = mapped_column(String(16), default="")
    barriers: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    # Business plan and registration
    plan_status: Mapped[str] = mapped_column(String(16), default="")  # drafted/reviewed/approved
    legal_form: Mapped[str | None] = mapped_column(CODE, nullable=True)
    registered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    business_code: Mapped[str] = mapped_column(String(32), default="")
    business_name: Mapped[str] = mapped_column(String(200), default="")
    started_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")  # personal data


class StageChange(Synced, Base):
    __tablename__ = "case_stage_changes"

    case_id: Mapped[str] = mapped_column(ID, ForeignKey("business_cases.id"), index=True)
    from_stage: Mapped[str | None] = mapped_column(CODE, nullable=True)
    to_stage: Mapped[str] = mapped_column(CODE)
    date: Mapped[dt.date] = mapped_column(Date)
    by_person_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    missing_facts_reason: Mapped[str] = mapped_column(Text, default="")


class CaseActivity(Synced, Base):
    __tablename__ = "case_activities"

    case_id: Mapped[str] = mapped_column(ID, ForeignKey("business_cases.id"), index=True)
    # consultation/mentoring/training/document/call/visit
    kind: Mapped[str] = mapped_column(String(16), default="consultation")
    date: Mapped[dt.date] = mapped_column(Date)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    event_id: Mapped[str | None] = mapped_column(ID, ForeignKey("events.id"), nullable=True)
    by_person_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class NextAction(Synced, Base):
    __tablename__ = "case_next_actions"

    case_id: Mapped[str] = mapped_column(ID, ForeignKey("business_cases.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    responsible_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    automatic: Mapped[str] = mapped_column(
        String(16), default=""
    )  # "", follow_up_6m, follow_up_12m


class CaseFinancing(Synced, Base):
    __tablename__ = "case_financing"

    case_id: Mapped[str] = mapped_column(ID, ForeignKey("business_cases.id"), index=True)
    # own_funds/grant/micro_loan/employment_service
    source: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16), default="applied")  # applied/granted/refused
    amount_eur: Mapped[Decimal | None] = mapped_column(MONEY, nullable=True)
    applied_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    decided_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class CaseSupport(Synced, Base):
    __tablename__ = "case_support"

    case_id: Mapped[str] = mapped_column(ID, ForeignKey("business_cases.id"), index=True)
    # training/mentoring/grant/equipment/other
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    hours: Mapped[float | None] = mapped_column(nullable=True)
    amount_eur: Mapped[Decimal | None] = mapped_column(MONEY, nullable=True)


class CaseOutcome(Synced, Base):
    """Outcome at registration and at each follow-up (6 and 12 months)."""

    __tablename__ = "case_outcomes"

    case_id: Mapped[str] = mapped_column(ID, ForeignKey("business_cases.id"), index=True)
    point: Mapped[str] = mapped_column(String(16))  # registration/follow_up_6m/follow_up_12m
    date: Mapped[dt.date] = mapped_column(Date)
    operating: Mapped[bool] = mapped_column(Boolean, default=True)
    revenue_band: Mapped[str] = mapped_column(String(16), default="")
    jobs_created: Mapped[int] = mapped_column(Integer, default=1)  # includes the owner
    community_employees: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
