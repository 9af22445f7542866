"""Advocacy runs: one change pursued in a law, regulation or programme, tracked to its outcome."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CODE, ID, Base, Synced


class AdvocacyRun(Synced, Base):
    __tablename__ = "advocacy_runs"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    goal: Mapped[str] = mapped_column(Text, default="")
    document_kind: Mapped[str] = mapped_column(String(24), default="law")  # law/regulation/...
    document_title: Mapped[str] = mapped_column(String(300), default="")
    lead_organisation_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("organisations.id"), nullable=True
    )
    # planning/drafting/consulting/submitted/awaiting_response/adopted/partly_adopted/...
    status: Mapped[str] = mapped_column(String(24), default="planning")
    started_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class RunInstitution(Synced, Base):
    __tablename__ = "run_institutions"

    run_id: Mapped[str] = mapped_column(ID, ForeignKey("advocacy_runs.id"), index=True)
    institution_code: Mapped[str] = mapped_column(CODE)


class RunPartner(Synced, Base):
    __tablename__ = "run_partners"

    run_id: Mapped[str] = mapped_column(ID, ForeignKey("advocacy_runs.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("organisations.id"), nullable=True
    )
    network_id: Mapped[str | None] = mapped_column(ID, ForeignKey("networks.id"), nullable=True)


class RunStep(Synced, Base):
    __tablename__ = "run_steps"

    run_id: Mapped[str] = mapped_column(ID, ForeignKey("advocacy_runs.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # drafting/consultation/event/meeting/letter/...
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300), default="")
    responsible_id: Mapped[str | None] = mapped_column(ID, ForeignKey("people.id"), nullable=True)
    event_id: Mapped[str | None] = mapped_column(ID, ForeignKey("events.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Proposal(Synced, Base):
    __tablename__ = "proposals"

    run_id: Mapped[str] = mapped_column(ID, ForeignKey("advocacy_runs.id"), index=True)
    summary: Mapped[str] = mapped_column(Text)
    institution_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    submitted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    registration_number: Mapped[str] = mapped_column(String(64), default="")
    response_due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    response_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    response_summary: Mapped[str] = mapped_column(Text, default="")
    # adopted/partly_adopted/rejected/no_answer/withdrawn, or "" while open
    outcome: Mapped[str] = mapped_column(String(16), default="")


class Product(Synced, Base):
    """A product the project promotes: the model, a methodology, a study, recommendations."""

    __tablename__ = "products"

    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(24), default="methodology")
    version: Mapped[str] = mapped_column(String(20), default="1.0")
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft/evaluated/final
    description: Mapped[str] = mapped_column(Text, default="")


class ProductEvaluation(Synced, Base):
    __tablename__ = "product_evaluations"

    product_id: Mapped[str] = mapped_column(ID, ForeignKey("products.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    evaluator: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[str | None] = mapped_column(ID, ForeignKey("events.id"), nullable=True)


class RunProduct(Synced, Base):
    __tablename__ = "run_products"

    run_id: Mapped[str] = mapped_column(ID, ForeignKey("advocacy_runs.id"), index=True)
    product_id: Mapped[str] = mapped_column(ID, ForeignKey("products.id"), index=True)


class Publication(Synced, Base):
    __tablename__ = "publications"

    title: Mapped[str] = mapped_column(String(300))
    outlet: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    language: Mapped[str] = mapped_column(String(2), default="lt")
    link: Mapped[str] = mapped_column(String(500), default="")
    run_id: Mapped[str | None] = mapped_column(ID, ForeignKey("advocacy_runs.id"), nullable=True)
    product_id: Mapped[str | None] = mapped_column(ID, ForeignKey("products.id"), nullable=True)
