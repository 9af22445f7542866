"""Creating and editing advocacy runs: the run, its target institutions and partners, steps,
proposals and the institutions' responses.

Rules: a proposal submitted gets a response due date `response_due_working_days` working days
later (Lithuanian public holidays skipped) unless one is given; a response cannot come before
the submission nor lie in the future; adopted, partly adopted and rejected need the response;
"no answer" only once the due date has passed without one. The run's status follows its
proposals while it waits: submitted proposals put it in "awaiting response", and once every
submitted proposal has an outcome the run takes the outcome they add up to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import (
    AdvocacyRun,
    Event,
    Institution,
    Network,
    Office,
    Organisation,
    Person,
    Proposal,
    RunInstitution,
    RunPartner,
    RunStep,
)
from app.services import choices
from app.services import validate as v
from app.services.advocacy import DOCUMENT_KIND, OUTCOME, RUN_STATUS, STEP_KIND
from app.services.network_editing import slug
from app.services.numbering import highest_suffix, next_number
from app.services.results import REFERENCE, RUNS, Changes, Saved
from app.services.working_days import add_working_days

RUN_FIELDS = ("title", "goal", "document_kind", "document_title", "lead_organisation_id",
              "status", "started_on", "closed_on")
FINAL_STATUS = ("adopted", "partly_adopted", "rejected", "no_answer", "withdrawn", "closed")
FOLLOWS_PROPOSALS = ("planning", "drafting", "consulting", "submitted", "awaiting_response")
NEEDS_RESPONSE = ("adopted", "partly_adopted", "rejected")


@dataclass(frozen=True)
class RunData:
    id: str | None = None
    code: str = ""  # given on first save
    title: str = ""
    goal: str = ""
    document_kind: str = "law"
    document_title: str = ""
    lead_organisation_id: str | None = None
    status: str = "planning"
    started_on: dt.date | None = None
    closed_on: dt.date | None = None
    institution_codes: tuple[str, ...] = field(default_factory=tuple)
    partner_organisation_ids: tuple[str, ...] = field(default_factory=tuple)
    partner_network_ids: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class StepData:
    id: str | None = None
    run_id: str = ""
    kind: str = "meeting"
    date: dt.date | None = None
    title: str = ""
    responsible_id: str | None = None
    event_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class ProposalData:
    id: str | None = None
    run_id: str = ""
    summary: str = ""
    institution_code: str | None = None
    submitted_on: dt.date | None = None
    registration_number: str = ""
    response_due_on: dt.date | None = None  # None: computed from the submission date
    response_on: dt.date | None = None
    response_summary: str = ""
    outcome: str = ""


def _run(s: Session, run_id: str) -> AdvocacyRun:
    r = s.get(AdvocacyRun, run_id)
    if r is None or r.deleted:
        raise NotFoundError(N_("This advocacy run is no longer in the database."))
    return r


def _live(s: Session, model: Any, *conds: Any) -> list[Any]:
    return list(s.execute(select(model).where(model.deleted.is_(False), *conds)).scalars())


def due_date(submitted_on: dt.date, working_days: int | None = None) -> dt.date:
    """The response due date: the setting's number of working days after the submission."""
    if working_days is None:
        from app.settings import load_settings

        working_days = load_settings().response_due_working_days
    return add_working_days(submitted_on, working_days)


def derive_run_status(current: str, proposals: Sequence[tuple[dt.date | None, str]]) -> str:
    """The run's status from its proposals (submitted_on, outcome), while it follows them."""
    if current not in FOLLOWS_PROPOSALS:
        return current
    submitted = [outcome for on, outcome in proposals if on is not None]
    if not submitted:
        return current
    if any(not o for o in submitted):
        return "awaiting_response"
    decided = [o for o in submitted if o != "withdrawn"]
    if not decided:
        return "withdrawn"
    if all(o == "adopted" for o in decided):
        return "adopted"
    if any(o in ("adopted", "partly_adopted") for o in decided):
        return "partly_adopted"
    if all(o == "no_answer" for o in decided):
        return "no_answer"
    return "rejected"


def _follow(s: Session, run: AdvocacyRun) -> None:
    props = _live(s, Proposal, Proposal.run_id == run.id)
    status = derive_run_status(run.status, [(p.submitted_on, p.outcome) for p in props])
    if status != run.status:
        run.status = status


# -- the run -----------------------------------------------------------------------------------

def load_run(db: Database, run_id: str) -> RunData:
    with db.reader() as s:
        r = _run(s, run_id)
        insts = [i.institution_code for i in _live(s, RunInstitution, RunInstitution.run_id
                                                   == run_id)]
        partners = _live(s, RunPartner, RunPartner.run_id == run_id)
        return RunData(r.id, r.code, r.title, r.goal, r.document_kind, r.document_title,
                       r.lead_organisation_id, r.status, r.started_on, r.closed_on,
                       tuple(dict.fromkeys(insts)),
                       tuple(p.organisation_id for p in partners if p.organisation_id),
                       tuple(p.network_id for p in partners if p.network_id))


def clean_run(data: RunData) -> RunData:
    title = v.max_len("title", v.required("title", data.title, N_("Title")), 300, N_("Title"))
    v.choice("document_kind", data.document_kind, tuple(DOCUMENT_KIND), N_("Document"))
    v.choice("status", data.status, tuple(RUN_STATUS), N_("Status"))
    v.date_order("closed_on", data.started_on, data.closed_on)
    if data.closed_on and data.status not in FINAL_STATUS:
        raise ValidationError("closed_on", N_(
            "A run can be closed only with its result (adopted, partly adopted, rejected, "
            "no answer or withdrawn)."))
    return replace(data, title=" ".join(title.split()), goal=data.goal.strip(),
                   document_title=data.document_title.strip(),
                   institution_codes=tuple(dict.fromkeys(c for c in data.institution_codes
                                                         if c)),
                   partner_organisation_ids=tuple(dict.fromkeys(
                       o for o in data.partner_organisation_ids if o)),
                   partner_network_ids=tuple(dict.fromkeys(
                       n for n in data.partner_network_ids if n)))


def _new_code(db: Database, s: Session, year: int) -> str:
    office = s.get(Office, db.local_office().id)
    assert office is not None
    prefix = f"{office.code}-ADV-{year}-"
    used = list(s.execute(select(AdvocacyRun.code).where(
        AdvocacyRun.code.like(f"{prefix}%"))).scalars())
    number = next_number(s, office.id, "run", year, highest_suffix(used, prefix))
    return f"{prefix}{number:03d}"


def save_run(db: Database, data: RunData, today: dt.date | None = None) -> Saved[RunData]:
    data = clean_run(data)
    today = today or dt.date.today()
    with db.session() as s:
        if data.lead_organisation_id and s.get(Organisation, data.lead_organisation_id) is None:
            raise ValidationError("lead_organisation_id", N_("This organisation is no longer "
                                                             "in the registry."))
        if data.id is None:
            code = _new_code(db, s, (data.started_on or today).year)
            r = AdvocacyRun(code=code, **{f: getattr(data, f) for f in RUN_FIELDS})
            s.add(r)
            s.flush()
        else:
            r = _run(s, data.id)
            for f in RUN_FIELDS:
                if getattr(r, f) != getattr(data, f):
                    setattr(r, f, getattr(data, f))
        kept: set[str] = set()
        for row in _live(s, RunInstitution, RunInstitution.run_id == r.id):
            if row.institution_code in data.institution_codes and \
                    row.institution_code not in kept:
                kept.add(row.institution_code)
            else:
                row.deleted = True
        s.add_all([RunInstitution(run_id=r.id, institution_code=c)
                   for c in data.institution_codes if c not in kept])
        wanted = {("o", o) for o in data.partner_organisation_ids} | {
            ("n", n) for n in data.partner_network_ids}
        have: set[tuple[str, str]] = set()
        for p in _live(s, RunPartner, RunPartner.run_id == r.id):
            key = ("o", p.organisation_id or "") if p.organisation_id else ("n", p.network_id or "")
            if key in wanted and key not in have:
                have.add(key)
            else:
                p.deleted = True
        for kind, ref in sorted(wanted - have):
            if kind == "n" and s.get(Network, ref) is None:
                raise ValidationError("partner_network_ids", N_("This network is no longer in "
                                                                "the database."))
            s.add(RunPartner(run_id=r.id, organisation_id=ref if kind == "o" else None,
                             network_id=ref if kind == "n" else None))
        s.flush()
        result = replace(data, id=r.id, code=r.code)
    return Saved(result, Changes.of(RUNS, ids=[result.id or ""]))


def add_institution(db: Database, name: str) -> Saved[str]:
    """A target institution not in the reference list yet; returns its code."""
    name = " ".join(v.required("name", name, N_("Institution")).split())
    v.max_len("name", name, 300, N_("Institution"))
    with db.session() as s:
        rows = s.execute(select(Institution)).scalars().all()
        for i in rows:
            if not i.deleted and name.casefold() in {i.name_lt.casefold(), i.name_en.casefold(),
                                                     i.name_pl.casefold(), i.name_ru.casefold()}:
                return Saved(i.code, Changes())
        codes = {i.code for i in rows}
        base = code = slug(name)
        n = 1
        while code in codes:
            n += 1
            code = f"{base}_{n}"
        s.add(Institution(code=code, name_lt=name, kind="other", sort_order=len(rows)))
    choices.clear()
    return Saved(code, Changes.of(REFERENCE))


# -- steps -------------------------------------------------------------------------------------

def load_step(db: Database, step_id: str) -> StepData:
    with db.reader() as s:
        x = s.get(RunStep, step_id)
        if x is None or x.deleted:
            raise NotFoundError(N_("This step is no longer in the database."))
        return StepData(x.id, x.run_id, x.kind, x.date, x.title, x.responsible_id, x.event_id,
                        x.notes)


def save_step(db: Database, data: StepData) -> Saved[StepData]:
    v.choice("kind", data.kind, tuple(STEP_KIND), N_("Step"))
    day = data.date
    if day is None:
        raise ValidationError("date", N_("{label} is required."), label=N_("Date"))
    v.max_len("title", data.title.strip(), 300, N_("Title"))
    data = replace(data, title=" ".join(data.title.split()), notes=data.notes.strip())
    with db.session() as s:
        _run(s, data.run_id)
        if data.responsible_id and s.get(Person, data.responsible_id) is None:
            raise ValidationError("responsible_id", N_("This person is no longer in the "
                                                       "registry."))
        if data.event_id:
            e = s.get(Event, data.event_id)
            if e is None or e.deleted:
                raise ValidationError("event_id", N_("This event is no longer in the "
                                                     "database."))
        if data.id is None:
            x = RunStep(run_id=data.run_id, kind=data.kind, date=day)
            s.add(x)
        else:
            found = s.get(RunStep, data.id)
            if found is None or found.deleted:
                raise NotFoundError(N_("This step is no longer in the database."))
            x = found
        x.kind, x.date, x.title, x.notes = data.kind, day, data.title, data.notes
        x.responsible_id, x.event_id = data.responsible_id or None, data.event_id or None
        s.flush()
        result = replace(data, id=x.id)
    return Saved(result, Changes.of(RUNS, ids=[data.run_id]))


def remove_step(db: Database, step_id: str) -> Saved[str]:
    with db.session() as s:
        x = s.get(RunStep, step_id)
        if x is None or x.deleted:
            raise NotFoundError(N_("This step is no longer in the database."))
        x.deleted = True
        run_id = x.run_id
    return Saved(step_id, Changes.of(RUNS, ids=[run_id]))


# -- proposals and responses -------------------------------------------------------------------

def load_proposal(db: Database, proposal_id: str) -> ProposalData:
    with db.reader() as s:
        p = s.get(Proposal, proposal_id)
        if p is None or p.deleted:
            raise NotFoundError(N_("This proposal is no longer in the database."))
        return ProposalData(p.id, p.run_id, p.summary, p.institution_code, p.submitted_on,
                            p.registration_number, p.response_due_on, p.response_on,
                            p.response_summary, p.outcome)


def clean_proposal(data: ProposalData, today: dt.date,
                   working_days: int | None = None) -> ProposalData:
    summary = v.required("summary", data.summary, N_("Proposal"))
    v.max_len("registration_number", data.registration_number.strip(), 64,
              N_("Registration number"))
    if data.outcome:
        v.choice("outcome", data.outcome, tuple(OUTCOME), N_("Outcome"))
    data = replace(data, summary=summary, registration_number=data.registration_number.strip(),
                   response_summary=data.response_summary.strip())
    if data.submitted_on is None:
        if data.response_on or data.registration_number or data.outcome not in ("", "withdrawn"):
            raise ValidationError("submitted_on", N_(
                "Enter the date the proposal was submitted first."))
        return replace(data, response_due_on=None)
    if data.submitted_on > today:
        raise ValidationError("submitted_on", N_("The submission date cannot be in the "
                                                 "future."))
    if not data.institution_code:
        raise ValidationError("institution_code", N_("A submitted proposal needs its "
                                                     "addressee institution."))
    submitted = data.submitted_on
    due = data.response_due_on
    if due is None:
        due = due_date(submitted, working_days)
        data = replace(data, response_due_on=due)
    elif due < submitted:
        raise ValidationError("response_due_on", N_("The response is due before the "
                                                    "proposal was submitted."))
    if data.response_on is not None:
        if data.response_on < submitted:
            raise ValidationError("response_on", N_("The response cannot come before the "
                                                    "submission."))
        if data.response_on > today:
            raise ValidationError("response_on", N_("The response date cannot be in the "
                                                    "future."))
        if data.outcome == "no_answer":
            raise ValidationError("outcome", N_("A proposal that was answered cannot have "
                                                "the outcome “no answer”."))
    elif data.outcome in NEEDS_RESPONSE:
        raise ValidationError("response_on", N_("Enter the date of the institution's response "
                                                "for this outcome."))
    if data.outcome == "no_answer" and due >= today:
        raise ValidationError("outcome", N_("“No answer” can be recorded only after the "
                                            "response due date has passed."))
    return data


def save_proposal(db: Database, data: ProposalData, today: dt.date | None = None,
                  working_days: int | None = None) -> Saved[ProposalData]:
    today = today or dt.date.today()
    data = clean_proposal(data, today, working_days)
    with db.session() as s:
        run = _run(s, data.run_id)
        if data.id is None:
            p = Proposal(run_id=data.run_id, summary=data.summary)
            s.add(p)
        else:
            found = s.get(Proposal, data.id)
            if found is None or found.deleted:
                raise NotFoundError(N_("This proposal is no longer in the database."))
            p = found
        for f in ("summary", "institution_code", "submitted_on", "registration_number",
                  "response_due_on", "response_on", "response_summary", "outcome"):
            if getattr(p, f) != getattr(data, f):
                setattr(p, f, getattr(data, f))
        s.flush()
        _follow(s, run)
        s.flush()
        result = replace(data, id=p.id)
    return Saved(result, Changes.of(RUNS, ids=[data.run_id]))


def record_response(db: Database, proposal_id: str, response_on: dt.date | None,
                    summary: str, outcome: str,
                    today: dt.date | None = None) -> Saved[ProposalData]:
    """The institution's answer (or its silence: outcome "no_answer" with no date)."""
    data = load_proposal(db, proposal_id)
    return save_proposal(db, replace(data, response_on=response_on, response_summary=summary,
                                     outcome=outcome), today=today)


def remove_proposal(db: Database, proposal_id: str) -> Saved[str]:
    with db.session() as s:
        p = s.get(Proposal, proposal_id)
        if p is None or p.deleted:
            raise NotFoundError(N_("This proposal is no longer in the database."))
        p.deleted = True
        run_id = p.run_id
    return Saved(proposal_id, Changes.of(RUNS, ids=[run_id]))
