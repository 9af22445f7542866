"""The creation model's stages and the rules for moving a case between them.

The stages come from reference data (case_stages.json, adjustable by the coordinator): each has
an order, a terminal flag and the facts it needs. Moving a case forward past a stage whose facts
are missing is refused with `MissingFactsError`, unless the consultant records a reason; the
reason is kept on the stage change. Moving back is always allowed. Closing needs a close reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import N_, _, current_language
from app.models import BusinessCase, CaseFinancing, CaseOutcome, RefItem, StageChange
from app.services import choices
from app.services.case_actions import cancel_follow_ups, schedule_follow_ups
from app.services.results import CASES, Changes, Saved

CLOSED = "closed"
OPERATING = "operating"
STAGE_LIST = "case_stage"

# Required facts named in case_stages.json, as the consultant reads them.
FACT_LABELS = {
    "needs_summary": N_("the needs assessment (skills, resources or barriers)"),
    "business_idea": N_("the business idea"),
    "plan_status": N_("the business plan's status"),
    "financing_status": N_("a financing decision (granted or refused)"),
    "legal_form": N_("the legal form"),
    "registered_on": N_("the registration date"),
    "followed_up_on": N_("the follow-up date"),
    "still_operating": N_("whether the business still operates"),
    "jobs_created": N_("the jobs created"),
    "close_reason": N_("the close reason"),
}


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    order: int
    terminal: bool
    required: tuple[str, ...]


class MissingFactsError(UserError):
    """Moving forward would pass stages whose facts are missing; `facts` are FACT_LABELS keys."""

    def __init__(self, facts: tuple[str, ...]) -> None:
        super().__init__(N_("Missing before moving on: {facts}"), facts=", ".join(facts))
        self.facts = facts

    def text(self) -> str:
        facts = "; ".join(fact_labels(self.facts))
        return _("Missing before moving on: {facts}").format(facts=facts)


def fact_labels(facts: tuple[str, ...] | list[str]) -> list[str]:
    return [_(FACT_LABELS[f]) if f in FACT_LABELS else f for f in facts]


def stages(db: Database) -> list[Stage]:
    """Every active stage in order, labelled in the current language.

    Read from the database each time (a dozen rows), not from the choices cache, so the
    coordinator's edits, made here or received in an exchange file, apply at once."""
    lang = current_language()
    with db.reader() as s:
        rows = s.execute(select(RefItem).where(
            RefItem.list_name == STAGE_LIST, RefItem.deleted.is_(False),
            RefItem.active.is_(True)).order_by(RefItem.sort_order)).scalars().all()
        out = []
        for i, r in enumerate(rows):
            facts = dict(r.extra or {})
            out.append(Stage(r.code, r.name_in(lang), int(facts.get("order", (i + 1) * 10)),
                             bool(facts.get("terminal", False)),
                             tuple(facts.get("required", ()))))
    return sorted(out, key=lambda st: st.order)


def working_stages(db: Database) -> list[Stage]:
    """The stages a case moves through (every stage but the terminal ones): board columns."""
    return [st for st in stages(db) if not st.terminal]


def _outcome_facts(s: Session, case_id: str, stage: str) -> set[str]:
    """At a follow-up stage, that follow-up's outcome; at any other stage, any outcome."""
    stmt = select(CaseOutcome.id).where(CaseOutcome.case_id == case_id,
                                        CaseOutcome.deleted.is_(False))
    if stage in ("follow_up_6m", "follow_up_12m"):
        stmt = stmt.where(CaseOutcome.point == stage)
    found = s.execute(stmt).first()
    return {"followed_up_on", "still_operating", "jobs_created"} if found else set()


def present_facts(s: Session, c: BusinessCase, stage: str) -> set[str]:
    """The facts `stage` needs that the case has."""
    have: set[str] = set()
    if any((c.barriers, c.skills, c.resources, c.state_language_level, c.digital_skills)):
        have.add("needs_summary")
    if c.business_idea.strip():
        have.add("business_idea")
    if c.plan_status:
        have.add("plan_status")
    if c.legal_form:
        have.add("legal_form")
    if c.registered_on:
        have.add("registered_on")
    if c.close_reason:
        have.add("close_reason")
    decided = s.execute(select(CaseFinancing.id).where(
        CaseFinancing.case_id == c.id, CaseFinancing.deleted.is_(False),
        CaseFinancing.status.in_(("granted", "refused")))).first()
    if decided:
        have.add("financing_status")
    have |= _outcome_facts(s, c.id, stage)
    return have


def _missing(s: Session, all_stages: list[Stage], c: BusinessCase, to_stage: str) -> list[str]:
    by_code = {st.code: st for st in all_stages}
    here, there = by_code.get(c.stage_code), by_code[to_stage]
    if here is None or here.terminal or there.terminal or there.order <= here.order:
        return []
    missing: list[str] = []
    for st in all_stages:
        if here.order <= st.order < there.order:
            have = present_facts(s, c, st.code)
            missing += [f for f in st.required if f not in have and f not in missing]
    return missing


def _load(s: Session, case_id: str) -> BusinessCase:
    c = s.get(BusinessCase, case_id)
    if c is None or c.deleted:
        raise NotFoundError(N_("This case is no longer in the database."))
    return c


def missing_facts(db: Database, case_id: str, to_stage: str) -> list[str]:
    """Facts missing for moving the case to `to_stage` (none when moving back)."""
    all_stages = stages(db)
    with db.reader() as s:
        return _missing(s, all_stages, _load(s, case_id), to_stage)


def move_stage(db: Database, case_id: str, to_stage: str, on: dt.date,
               by_id: str | None = None, note: str = "", reason: str = "") -> Saved[str]:
    """Move a case to another working stage; `reason` is required when facts are missing.

    Entering "operating" sets the start date (if not set) and schedules the follow-ups.
    Moving a closed case to a working stage reopens it."""
    all_stages = stages(db)
    target = {st.code: st for st in all_stages}.get(to_stage)
    if target is None or target.terminal:
        raise ValidationError("stage", N_("Choose a stage to move the case to."))
    with db.session() as s:
        c = _load(s, case_id)
        if c.stage_code == to_stage:
            return Saved(to_stage)
        if on < c.opened_on:
            raise ValidationError("date", N_("The date cannot be before the case was opened."))
        missing = _missing(s, all_stages, c, to_stage)
        if missing and not reason.strip():
            raise MissingFactsError(tuple(missing))
        s.add(StageChange(case_id=c.id, office_id=c.office_id, from_stage=c.stage_code,
                          to_stage=to_stage, date=on, by_person_id=by_id or c.consultant_id,
                          note=note.strip(),
                          missing_facts_reason=reason.strip() if missing else ""))
        if c.stage_code == CLOSED:
            c.closed_on, c.close_reason, c.close_note = None, None, ""
        c.stage_code = to_stage
        if to_stage == OPERATING and c.started_on is None:
            c.started_on = on
        if c.started_on is not None and target.order >= _order(all_stages, OPERATING):
            schedule_follow_ups(s, c)
    return Saved(to_stage, Changes.of(CASES, ids=[case_id]))


def _order(all_stages: list[Stage], code: str) -> int:
    return next((st.order for st in all_stages if st.code == code), 10**6)


def close_case(db: Database, case_id: str, reason_code: str, on: dt.date, note: str = "",
               by_id: str | None = None) -> Saved[str]:
    """Close a case (with or without a business) for a reason from the close-reason list."""
    reasons = {code for code, _label in choices.ref_list(db, "close_reason")}
    if reason_code not in reasons:
        raise ValidationError("reason", N_("Choose why the case is closed."))
    with db.session() as s:
        c = _load(s, case_id)
        if c.stage_code == CLOSED:
            raise UserError(N_("This case is already closed."))
        if on < c.opened_on:
            raise ValidationError("date", N_("The date cannot be before the case was opened."))
        s.add(StageChange(case_id=c.id, office_id=c.office_id, from_stage=c.stage_code,
                          to_stage=CLOSED, date=on, by_person_id=by_id or c.consultant_id,
                          note=note.strip()))
        c.stage_code, c.closed_on = CLOSED, on
        c.close_reason, c.close_note = reason_code, note.strip()
        cancel_follow_ups(s, c.id)
    return Saved(CLOSED, Changes.of(CASES, ids=[case_id]))
