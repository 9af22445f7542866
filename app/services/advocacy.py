"""Advocacy runs: what the detail pane and the dossier show, the rules for proposals that wait
for an institution's response, and the overdue responses across runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select

from app.db import Database
from app.errors import NotFoundError
from app.i18n import N_, current_language
from app.models import (
    AdvocacyRun,
    Event,
    Institution,
    Network,
    Product,
    Proposal,
    Publication,
    RunInstitution,
    RunPartner,
    RunProduct,
    RunStep,
)
from app.services import choices
from app.services.advocacy_labels import DOCUMENT_KIND as DOCUMENT_KIND
from app.services.advocacy_labels import OUTCOME as OUTCOME
from app.services.advocacy_labels import PRODUCT_KIND as PRODUCT_KIND
from app.services.advocacy_labels import PRODUCT_STATUS as PRODUCT_STATUS
from app.services.advocacy_labels import RUN_STATUS as RUN_STATUS
from app.services.advocacy_labels import STEP_KIND as STEP_KIND
from app.services.events import (
    EVENT_STATUS,
    LANGUAGE_NAMES,
    office_code,
    organisation_names,
    person_names,
)
from app.services.network_meetings import attendance_counts
from app.services.networks import MeetingLine, label_in, ref_names
from app.services.working_days import working_days_between


def awaiting_condition() -> ColumnElement[bool]:
    """A proposal submitted and still waiting for the institution's response."""
    return and_(Proposal.deleted.is_(False), Proposal.submitted_on.is_not(None),
                Proposal.response_on.is_(None), Proposal.outcome == "")


def overdue_condition(today: dt.date) -> ColumnElement[bool]:
    return and_(awaiting_condition(), Proposal.response_due_on < today)


@dataclass(frozen=True)
class StepLine:
    id: str
    date: dt.date
    kind_label: str
    title: str
    responsible: str
    event_code: str
    notes: str


@dataclass(frozen=True)
class ProposalLine:
    id: str
    summary: str
    addressee: str
    submitted_on: dt.date | None
    registration_number: str
    response_due_on: dt.date | None
    response_on: dt.date | None
    response_summary: str
    outcome: str
    outcome_label: str
    awaiting: bool
    overdue: bool


@dataclass(frozen=True)
class ProductLine:
    id: str
    title: str
    kind_label: str
    version: str
    status_label: str


@dataclass(frozen=True)
class PublicationLine:
    id: str
    date: dt.date | None
    title: str
    outlet: str
    language_label: str
    link: str


@dataclass(frozen=True)
class RunDetail:
    id: str
    code: str
    title: str
    goal: str
    status: str
    status_label: str
    document_kind_label: str
    document_title: str
    lead_organisation: str
    started_on: dt.date | None
    closed_on: dt.date | None
    office_code: str
    institutions: tuple[str, ...]
    partners: tuple[str, ...]
    steps: tuple[StepLine, ...]
    proposals: tuple[ProposalLine, ...]
    products: tuple[ProductLine, ...]
    publications: tuple[PublicationLine, ...]
    events: tuple[MeetingLine, ...] = ()  # the run's events and those its steps link
    document_kind: str = ""

    @property
    def awaiting(self) -> int:
        return sum(1 for p in self.proposals if p.awaiting)

    @property
    def overdue(self) -> int:
        return sum(1 for p in self.proposals if p.overdue)


def get_run(db: Database, run_id: str, today: dt.date | None = None,
            lang: str | None = None) -> RunDetail:
    """The run as of `today`, its labels in `lang` (the current language by default)."""
    today = today or dt.date.today()
    lang = lang or current_language()
    with db.reader() as s:
        r = s.get(AdvocacyRun, run_id)
        if r is None or r.deleted:
            raise NotFoundError(N_("This advocacy run is no longer in the database."))
        insts = ref_names(s, Institution, lang)
        live = (RunInstitution.run_id == run_id, RunInstitution.deleted.is_(False))
        inst_codes = list(s.execute(select(RunInstitution.institution_code).where(*live)
                                    .order_by(RunInstitution.created_at)).scalars())
        partners = s.execute(select(RunPartner.organisation_id, RunPartner.network_id).where(
            RunPartner.run_id == run_id, RunPartner.deleted.is_(False))
            .order_by(RunPartner.created_at)).all()
        orgs = organisation_names(s, [r.lead_organisation_id, *(o for o, _n in partners)])
        net_ids = {n for _o, n in partners if n}
        nets = dict(s.execute(select(Network.id, Network.name).where(Network.id.in_(net_ids)))
                    .all()) if net_ids else {}
        steps = s.execute(select(RunStep).where(RunStep.run_id == run_id,
                                                RunStep.deleted.is_(False))
                          .order_by(RunStep.date, RunStep.created_at)).scalars().all()
        people = person_names(s, (x.responsible_id for x in steps))
        ev_ids = {x.event_id for x in steps if x.event_id}
        ev_codes = dict(s.execute(select(Event.id, Event.code).where(Event.id.in_(ev_ids)))
                        .all()) if ev_ids else {}
        props = s.execute(select(Proposal).where(Proposal.run_id == run_id,
                                                 Proposal.deleted.is_(False))
                          .order_by(Proposal.submitted_on.is_(None), Proposal.submitted_on,
                                    Proposal.created_at)).scalars().all()
        products = s.execute(
            select(Product).join(RunProduct, RunProduct.product_id == Product.id)
            .where(RunProduct.run_id == run_id, RunProduct.deleted.is_(False),
                   Product.deleted.is_(False)).order_by(Product.title)).scalars().all()
        pubs = s.execute(select(Publication).where(Publication.run_id == run_id,
                                                   Publication.deleted.is_(False))
                         .order_by(Publication.date)).scalars().all()

        events = s.execute(
            select(Event).where(or_(Event.run_id == run_id, Event.id.in_(ev_ids)),
                               Event.deleted.is_(False)).order_by(Event.starts_on)).scalars().all()
        counts = attendance_counts(s, [e.id for e in events])

        def proposal(p: Proposal) -> ProposalLine:
            awaiting = p.submitted_on is not None and p.response_on is None and not p.outcome
            return ProposalLine(
                p.id, p.summary, insts.get(p.institution_code or "", p.institution_code or ""),
                p.submitted_on,
                p.registration_number, p.response_due_on, p.response_on, p.response_summary,
                p.outcome, label_in(lang, OUTCOME, p.outcome), awaiting,
                awaiting and p.response_due_on is not None and p.response_due_on < today)

        return RunDetail(
            id=r.id, code=r.code, title=r.title, goal=r.goal, status=r.status,
            status_label=label_in(lang, RUN_STATUS, r.status),
            document_kind_label=label_in(lang, DOCUMENT_KIND, r.document_kind),
            document_title=r.document_title,
            lead_organisation=orgs.get(r.lead_organisation_id or "", ""),
            started_on=r.started_on, closed_on=r.closed_on,
            office_code=office_code(s, r.office_id),
            institutions=tuple(insts.get(c, c) for c in dict.fromkeys(inst_codes)),
            partners=tuple(orgs.get(o, "") if o else nets.get(n or "", "")
                           for o, n in partners if (o and o in orgs) or (n and n in nets)),
            steps=tuple(StepLine(x.id, x.date, label_in(lang, STEP_KIND, x.kind), x.title,
                                 people.get(x.responsible_id or "", ""),
                                 ev_codes.get(x.event_id or "", ""), x.notes) for x in steps),
            proposals=tuple(proposal(p) for p in props),
            products=tuple(ProductLine(p.id, p.title, label_in(lang, PRODUCT_KIND, p.kind),
                                       p.version, label_in(lang, PRODUCT_STATUS, p.status))
                           for p in products),
            publications=tuple(PublicationLine(p.id, p.date, p.title, p.outlet,
                                               label_in(lang, LANGUAGE_NAMES, p.language), p.link)
                               for p in pubs),
            events=tuple(
                MeetingLine(e.id, e.code, e.title_in(lang), e.starts_on, e.ends_on, e.place,
                            label_in(lang, EVENT_STATUS, e.status), *counts.get(e.id, (0, 0)),
                            kind=e.kind)
                for e in events),
            document_kind=r.document_kind,
        )


@dataclass(frozen=True)
class OverdueProposal:
    proposal_id: str
    run_id: str
    run_code: str
    run_title: str
    summary: str
    addressee: str
    submitted_on: dt.date
    registration_number: str
    response_due_on: dt.date
    working_days_late: int


def overdue_proposals(db: Database, today: dt.date | None = None) -> list[OverdueProposal]:
    """Proposals across runs whose response is overdue, the longest overdue first."""
    today = today or dt.date.today()
    insts = choices.institutions(db)
    with db.reader() as s:
        rows = s.execute(
            select(Proposal, AdvocacyRun.code, AdvocacyRun.title)
            .join(AdvocacyRun, AdvocacyRun.id == Proposal.run_id)
            .where(overdue_condition(today), AdvocacyRun.deleted.is_(False))
            .order_by(Proposal.response_due_on, AdvocacyRun.code)).all()
        return [
            OverdueProposal(p.id, p.run_id, code, title, p.summary,
                            choices.label(insts, p.institution_code), p.submitted_on or today,
                            p.registration_number, p.response_due_on or today,
                            working_days_between(p.response_due_on or today, today))
            for p, code, title in rows
        ]
