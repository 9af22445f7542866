"""Figures for the funder's results: proposals submitted, answered, adopted or partly adopted
per institution in a period; networks active per region; products final; publications.

A proposal counts in the period it was submitted in; what became of it is counted as it stands
on `today` (a response may come after the period closed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.db import Database
from app.i18n import _, current_language
from app.models import AdvocacyRun, Network, Product, Proposal, Publication
from app.services import choices
from app.text import sort_key


@dataclass(frozen=True)
class ProposalFigures:
    institution: str
    submitted: int = 0
    answered: int = 0
    adopted: int = 0
    partly_adopted: int = 0
    rejected: int = 0
    no_answer: int = 0
    withdrawn: int = 0
    awaiting: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class Figures:
    start: dt.date
    end: dt.date
    by_institution: tuple[ProposalFigures, ...]
    total: ProposalFigures
    networks_by_region: tuple[tuple[str, int], ...]  # (region, active networks)
    networks_active: int
    products_final: int
    products_total: int
    publications: int


def _add(a: ProposalFigures, b: ProposalFigures, name: str) -> ProposalFigures:
    keys = [k for k in ProposalFigures.__dataclass_fields__ if k != "institution"]
    return ProposalFigures(name, **{k: getattr(a, k) + getattr(b, k) for k in keys})


def funder_figures(db: Database, start: dt.date, end: dt.date,
                   today: dt.date | None = None) -> Figures:
    today = today or dt.date.today()
    lang = current_language()
    insts = choices.institutions(db)
    per: dict[str, ProposalFigures] = {}
    with db.reader() as s:
        rows = s.execute(
            select(Proposal).join(AdvocacyRun, AdvocacyRun.id == Proposal.run_id)
            .where(Proposal.deleted.is_(False), AdvocacyRun.deleted.is_(False),
                   Proposal.submitted_on >= start, Proposal.submitted_on <= end)).scalars()
        for p in rows:
            name = choices.label(insts, p.institution_code) or _("(no institution)")
            waiting = p.response_on is None and not p.outcome
            one = ProposalFigures(
                name, submitted=1, answered=int(p.response_on is not None),
                adopted=int(p.outcome == "adopted"),
                partly_adopted=int(p.outcome == "partly_adopted"),
                rejected=int(p.outcome == "rejected"), no_answer=int(p.outcome == "no_answer"),
                withdrawn=int(p.outcome == "withdrawn"), awaiting=int(waiting),
                overdue=int(waiting and p.response_due_on is not None
                            and p.response_due_on < today))
            per[name] = _add(per.get(name, ProposalFigures(name)), one, name)
        regions = s.execute(
            select(Network.region, func.count()).where(Network.deleted.is_(False),
                                                       Network.status == "active")
            .group_by(Network.region)).all()
        final = s.execute(select(func.count()).select_from(Product).where(
            Product.deleted.is_(False), Product.status == "final")).scalar() or 0
        products = s.execute(select(func.count()).select_from(Product).where(
            Product.deleted.is_(False))).scalar() or 0
        pubs = s.execute(select(func.count()).select_from(Publication).where(
            Publication.deleted.is_(False), Publication.date >= start,
            Publication.date <= end)).scalar() or 0
    by_inst = sorted(per.values(), key=lambda f: sort_key(f.institution, lang))
    total = ProposalFigures(_("Total"))
    for f in by_inst:
        total = _add(total, f, total.institution)
    by_region = sorted(((r or _("(no region)"), int(n)) for r, n in regions),
                       key=lambda x: sort_key(x[0], lang))
    return Figures(start, end, tuple(by_inst), total, tuple(by_region),
                   sum(n for _r, n in by_region), int(final), int(products), int(pubs))


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar quarter a day falls in, as (first day, last day)."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    next_start = dt.date(day.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
    return start, next_start - dt.timedelta(days=1)
