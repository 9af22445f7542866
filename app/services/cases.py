"""Micro-business cases: everything the case page shows, read in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError
from app.i18n import N_
from app.models import (
    BusinessCase,
    CaseActivity,
    CaseFinancing,
    CaseOutcome,
    CaseSupport,
    Event,
    NextAction,
    StageChange,
)
from app.services import choices
from app.services.case_actions import action_title
from app.services.due_labels import overdue_text  # noqa: F401 (one definition)
from app.services.events import label, office_code, person_names

ACTIVITY_KIND = {
    "consultation": N_("consultation"), "mentoring": N_("mentoring"), "training": N_("training"),
    "document": N_("document"), "call": N_("phone call"), "visit": N_("visit"),
}
FINANCING_SOURCE = {
    "own_funds": N_("own funds"), "grant": N_("grant"), "micro_loan": N_("micro-loan"),
    "employment_service": N_("Employment Service support"),
}
FINANCING_STATUS = {"applied": N_("applied"), "granted": N_("granted"), "refused": N_("refused")}
SUPPORT_KIND = {
    "training": N_("training"), "mentoring": N_("mentoring"), "grant": N_("grant"),
    "equipment": N_("equipment"), "other": N_("other"),
}
OUTCOME_POINT = {
    "registration": N_("at registration"), "follow_up_6m": N_("follow-up after 6 months"),
    "follow_up_12m": N_("follow-up after 12 months"),
}
PLAN_STATUS = {"drafted": N_("drafted"), "reviewed": N_("reviewed"), "approved": N_("approved")}
AUTOMATIC = {"follow_up_6m": N_("6-month follow-up"), "follow_up_12m": N_("12-month follow-up")}


@dataclass(frozen=True)
class StageLine:
    date: dt.date
    from_label: str
    to_label: str
    by: str
    note: str
    id: str = ""
    reason: str = ""


@dataclass(frozen=True)
class ActivityLine:
    date: dt.date
    kind_label: str
    minutes: int
    by: str
    event_code: str
    notes: str
    id: str = ""
    kind: str = ""
    event_id: str | None = None
    by_id: str | None = None


@dataclass(frozen=True)
class ActionLine:
    title: str
    due_on: dt.date
    responsible: str
    done_on: dt.date | None
    automatic_label: str
    overdue: bool
    id: str = ""
    automatic: str = ""


@dataclass(frozen=True)
class FinancingLine:
    source_label: str
    status_label: str
    amount_eur: Decimal | None
    applied_on: dt.date | None
    decided_on: dt.date | None
    id: str = ""
    source: str = ""
    status: str = ""


@dataclass(frozen=True)
class SupportLine:
    kind_label: str
    description: str
    date: dt.date | None
    hours: float | None
    amount_eur: Decimal | None
    id: str = ""
    kind: str = ""


@dataclass(frozen=True)
class OutcomeLine:
    point_label: str
    date: dt.date
    operating: bool
    revenue_band: str
    jobs_created: int
    community_employees: int
    note: str
    id: str = ""
    point: str = ""
    revenue_label: str = ""  # the band's name in the current language


@dataclass(frozen=True)
class CaseDetail:
    id: str
    code: str
    beneficiary_id: str
    beneficiary: str
    consultant: str
    stage: str
    stage_label: str
    municipality: str
    opened_on: dt.date
    closed_on: dt.date | None
    close_reason_label: str
    close_note: str
    business_idea: str
    sector: str
    plan_status_label: str
    legal_form_label: str
    registered_on: dt.date | None
    business_name: str
    business_code: str
    started_on: dt.date | None
    office_code: str
    stages: tuple[StageLine, ...]
    activities: tuple[ActivityLine, ...]
    actions: tuple[ActionLine, ...]
    financing: tuple[FinancingLine, ...]
    support: tuple[SupportLine, ...]
    outcomes: tuple[OutcomeLine, ...]
    consultant_id: str | None = None
    market: str = ""
    state_language_level: str = ""
    digital_skills: str = ""
    barriers: str = ""
    skills: str = ""
    resources: str = ""
    notes: str = ""

    @property
    def next_action(self) -> ActionLine | None:
        open_ = [a for a in self.actions if a.done_on is None]
        return min(open_, key=lambda a: a.due_on) if open_ else None

    @property
    def overdue_actions(self) -> int:
        return sum(1 for a in self.actions if a.overdue)


def _rows(s: Session, model: Any, case_id: str, *order: Any) -> list[Any]:
    stmt = select(model).where(model.case_id == case_id, model.deleted.is_(False))
    return list(s.execute(stmt.order_by(*order)).scalars())


def get_case(db: Database, case_id: str, today: dt.date | None = None) -> CaseDetail:
    today = today or dt.date.today()
    stages = choices.ref_list(db, "case_stage")
    with db.reader() as s:
        c = s.get(BusinessCase, case_id)
        if c is None or c.deleted:
            raise NotFoundError(N_("This case is no longer in the database."))
        changes = _rows(s, StageChange, case_id, StageChange.date, StageChange.created_at)
        acts = _rows(s, CaseActivity, case_id, CaseActivity.date.desc())
        actions = _rows(s, NextAction, case_id, NextAction.done_on.is_not(None), NextAction.due_on)
        fin = _rows(s, CaseFinancing, case_id, CaseFinancing.applied_on)
        sup = _rows(s, CaseSupport, case_id, CaseSupport.date)
        outs = _rows(s, CaseOutcome, case_id, CaseOutcome.date)
        names = person_names(s, [
            c.beneficiary_id, c.consultant_id, *(x.by_person_id for x in changes),
            *(x.by_person_id for x in acts), *(x.responsible_id for x in actions)])
        event_ids = {a.event_id for a in acts if a.event_id}
        codes = dict(s.execute(select(Event.id, Event.code).where(Event.id.in_(event_ids))).all()
                     ) if event_ids else {}
        return CaseDetail(
            id=c.id, code=c.code, beneficiary_id=c.beneficiary_id,
            beneficiary=names.get(c.beneficiary_id, ""),
            consultant=names.get(c.consultant_id or "", ""), stage=c.stage_code,
            stage_label=choices.label(stages, c.stage_code),
            municipality=choices.label(choices.municipalities(db, short=False),
                                       c.municipality_code),
            opened_on=c.opened_on, closed_on=c.closed_on,
            close_reason_label=choices.label(choices.ref_list(db, "close_reason"),
                                             c.close_reason),
            close_note=c.close_note, business_idea=c.business_idea, sector=c.sector,
            plan_status_label=label(PLAN_STATUS, c.plan_status),
            legal_form_label=choices.label(choices.ref_list(db, "legal_form"), c.legal_form),
            registered_on=c.registered_on, business_name=c.business_name,
            business_code=c.business_code, started_on=c.started_on,
            office_code=office_code(s, c.office_id),
            stages=tuple(StageLine(x.date, choices.label(stages, x.from_stage),
                                   choices.label(stages, x.to_stage),
                                   names.get(x.by_person_id or "", ""), x.note, x.id,
                                   x.missing_facts_reason) for x in changes),
            activities=tuple(ActivityLine(a.date, label(ACTIVITY_KIND, a.kind), a.duration_minutes,
                                          names.get(a.by_person_id or "", ""),
                                          codes.get(a.event_id or "", ""), a.notes, a.id,
                                          a.kind, a.event_id, a.by_person_id) for a in acts),
            actions=tuple(ActionLine(action_title(a), a.due_on,
                                     names.get(a.responsible_id or "", ""),
                                     a.done_on, label(AUTOMATIC, a.automatic),
                                     a.done_on is None and a.due_on < today, a.id, a.automatic)
                          for a in actions),
            financing=tuple(FinancingLine(label(FINANCING_SOURCE, f.source),
                                          label(FINANCING_STATUS, f.status), f.amount_eur,
                                          f.applied_on, f.decided_on, f.id, f.source,
                                          f.status) for f in fin),
            support=tuple(SupportLine(label(SUPPORT_KIND, x.kind), x.description, x.date,
                                      x.hours, x.amount_eur, x.id, x.kind) for x in sup),
            outcomes=tuple(OutcomeLine(label(OUTCOME_POINT, o.point), o.date, o.operating,
                                       o.revenue_band, o.jobs_created, o.community_employees,
                                       o.note, o.id, o.point,
                                       choices.label(choices.ref_list(db, "revenue_band"),
                                                     o.revenue_band)) for o in outs),
            consultant_id=c.consultant_id, market=c.market,
            state_language_level=c.state_language_level, digital_skills=c.digital_skills,
            barriers=c.barriers, skills=c.skills, resources=c.resources, notes=c.notes,
        )


def personal_case_data(s: Session, person_id: str) -> list[dict[str, Any]]:
    """A beneficiary's cases with notes and activities, for an access request."""
    out = []
    for c in s.execute(select(BusinessCase).where(
            BusinessCase.beneficiary_id == person_id,
            BusinessCase.deleted.is_(False))).scalars():
        out.append({
            "code": c.code, "stage": c.stage_code, "opened_on": c.opened_on,
            "closed_on": c.closed_on, "close_reason": c.close_reason,
            "close_note": c.close_note, "business_idea": c.business_idea, "sector": c.sector,
            "market": c.market, "state_language_level": c.state_language_level,
            "digital_skills": c.digital_skills, "barriers": c.barriers, "skills": c.skills,
            "resources": c.resources, "business_name": c.business_name,
            "business_code": c.business_code, "notes": c.notes,
            "stage_changes": [{"date": x.date, "from": x.from_stage, "to": x.to_stage,
                               "note": x.note, "reason": x.missing_facts_reason}
                              for x in _rows(s, StageChange, c.id, StageChange.date)],
            "activities": [{"date": a.date, "kind": a.kind, "minutes": a.duration_minutes,
                            "notes": a.notes}
                           for a in _rows(s, CaseActivity, c.id, CaseActivity.date)],
            "outcomes": [{"point": o.point, "date": o.date, "operating": o.operating,
                          "note": o.note}
                         for o in _rows(s, CaseOutcome, c.id, CaseOutcome.date)],
        })
    return out


def erase_case_notes(s: Session, person_id: str) -> int:
    """Blank the free-text personal data of a beneficiary's cases (for erasure); the stages,
    dates and counts stay for the funnel figures. Returns how many cases were touched."""
    cases = list(s.execute(select(BusinessCase).where(
        BusinessCase.beneficiary_id == person_id)).scalars())
    for c in cases:
        c.notes = c.close_note = c.barriers = c.skills = c.resources = ""
        for a in _rows(s, CaseActivity, c.id, CaseActivity.date):
            a.notes = ""
        for x in _rows(s, StageChange, c.id, StageChange.date):
            x.note = x.missing_facts_reason = ""
        for o in _rows(s, CaseOutcome, c.id, CaseOutcome.date):
            o.note = ""
    return len(cases)
