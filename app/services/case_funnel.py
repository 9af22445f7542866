"""Funnel figures for an office and a period: how far the cases opened in it got.

The cohort is the cases opened in the period (in the office, or all offices). A case "reached"
a stage if its history ever entered that stage or a later one, so the counts never grow down
the funnel and the conversions are shares of the stage before. Days in a stage run from
entering it to the next stage change; cases still in a stage are not counted in its median.
Jobs created are the latest outcome's count per case (registration, then the follow-ups), so
a job is counted once; the revenue bands count the businesses operating at their latest outcome
by the band recorded there (the bands are reference data, revenue_bands.json).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.i18n import N_, _
from app.i18n.formats import format_number
from app.models import BusinessCase, CaseOutcome, StageChange
from app.services import choices
from app.services.case_stages import CLOSED, working_stages
from app.services.events import percent

POINT_ORDER = {"registration": 0, "follow_up_6m": 1, "follow_up_12m": 2}
HEADERS = (N_("Stage"), N_("Cases that reached it"), N_("Conversion from the stage before"),
           N_("Median days in the stage"))


@dataclass(frozen=True)
class FunnelStage:
    code: str
    label: str
    reached: int
    conversion: float | None  # share of the previous stage's cases that reached this one
    median_days: float | None  # days spent in this stage by cases that left it


@dataclass(frozen=True)
class Funnel:
    start: dt.date
    end: dt.date
    office_id: str | None
    cases: int
    stages: tuple[FunnelStage, ...]
    registered: int
    followed_up_6m: int
    operating_6m: int
    followed_up_12m: int
    operating_12m: int
    jobs_created: int
    community_employees: int
    closed_without_business: tuple[tuple[str, int], ...]  # (reason label, cases)
    # (band label, businesses operating at their latest outcome with that band), lowest first
    revenue_bands: tuple[tuple[str, int], ...] = ()


def funnel(db: Database, start: dt.date, end: dt.date, office_id: str | None = None) -> Funnel:
    order = [st.code for st in working_stages(db)]
    labels = {st.code: st.label for st in working_stages(db)}
    rank = {code: i for i, code in enumerate(order)}
    stmt = select(BusinessCase).where(BusinessCase.deleted.is_(False),
                                      BusinessCase.opened_on >= start,
                                      BusinessCase.opened_on <= end)
    if office_id:
        stmt = stmt.where(BusinessCase.office_id == office_id)
    with db.reader() as s:
        cases = list(s.execute(stmt).scalars())
        ids = [c.id for c in cases]
        changes: dict[str, list[StageChange]] = defaultdict(list)
        outcomes: dict[str, list[CaseOutcome]] = defaultdict(list)
        if ids:
            for ch in s.execute(select(StageChange).where(
                    StageChange.case_id.in_(ids), StageChange.deleted.is_(False))
                    .order_by(StageChange.date, StageChange.created_at)).scalars():
                changes[ch.case_id].append(ch)
            for o in s.execute(select(CaseOutcome).where(
                    CaseOutcome.case_id.in_(ids), CaseOutcome.deleted.is_(False))).scalars():
                outcomes[o.case_id].append(o)
        rows = [(c.id, c.stage_code, c.registered_on, c.close_reason) for c in cases]
    reached = [0] * len(order)
    days: dict[str, list[int]] = defaultdict(list)
    registered = 0
    closed: dict[str, int] = defaultdict(int)
    for case_id, stage, registered_on, reason in rows:
        history = changes.get(case_id, [])
        ranks = [rank[ch.to_stage] for ch in history if ch.to_stage in rank]
        if stage in rank:
            ranks.append(rank[stage])
        best = max(ranks, default=0)
        for i in range(best + 1):
            reached[i] += 1
        spent: dict[str, int] = defaultdict(int)
        for here, after in zip(history, history[1:], strict=False):
            spent[here.to_stage] += (after.date - here.date).days
        for code, n in spent.items():
            if code in rank:
                days[code].append(n)
        if registered_on is not None:
            registered += 1
        if stage == CLOSED and registered_on is None:
            closed[reason or ""] += 1
    fu6, op6, fu12, op12, jobs, community = _outcome_figures(outcomes)
    bands = _revenue_bands(outcomes)
    stages = tuple(
        FunnelStage(code, labels[code], reached[i],
                    reached[i] / reached[i - 1] if i and reached[i - 1] else None,
                    statistics.median(days[code]) if days[code] else None)
        for i, code in enumerate(order))
    reasons = dict(choices.ref_list(db, "close_reason"))
    return Funnel(start, end, office_id, len(rows), stages, registered, fu6, op6, fu12, op12,
                  jobs, community,
                  tuple(sorted(((reasons.get(r, r), n) for r, n in closed.items()),
                               key=lambda p: -p[1])),
                  tuple((name, bands.get(code, 0))
                        for code, name in choices.ref_list(db, "revenue_band")))


def _latest(lines: list[CaseOutcome]) -> CaseOutcome:
    return max(lines, key=lambda o: (POINT_ORDER.get(o.point, -1), o.date))


def _revenue_bands(outcomes: dict[str, list[CaseOutcome]]) -> dict[str, int]:
    """Businesses operating at their latest outcome, by the revenue band recorded there."""
    counts: dict[str, int] = defaultdict(int)
    for lines in outcomes.values():
        latest = _latest(lines)
        if latest.operating and latest.revenue_band:
            counts[latest.revenue_band] += 1
    return counts


def _outcome_figures(outcomes: dict[str, list[CaseOutcome]]
                     ) -> tuple[int, int, int, int, int, int]:
    fu6 = op6 = fu12 = op12 = jobs = community = 0
    for lines in outcomes.values():
        points = {o.point: o for o in lines}
        if "follow_up_6m" in points:
            fu6 += 1
            op6 += points["follow_up_6m"].operating
        if "follow_up_12m" in points:
            fu12 += 1
            op12 += points["follow_up_12m"].operating
        latest = _latest(lines)
        if latest.operating or latest.point == "registration":
            jobs += latest.jobs_created
            community += latest.community_employees
    return fu6, op6, fu12, op12, jobs, community


def stage_row(stage: FunnelStage) -> tuple[str, str, str, str]:
    """A stage's line of the funnel table, as text in the current language."""
    return (stage.label, format_number(stage.reached),
            percent(stage.conversion) if stage.conversion is not None else "–",
            format_number(stage.median_days) if stage.median_days is not None else "–")


def _of(part: int, whole: int) -> str:
    return _("{part} of {whole}").format(part=format_number(part), whole=format_number(whole))


def figure_rows(f: Funnel) -> list[tuple[str, str]]:
    """The totals under the table: (label, value), translated."""
    rows = [
        (_("Cases opened"), format_number(f.cases)),
        (_("Businesses registered"), format_number(f.registered)),
        (_("Still operating at 6 months"), _of(f.operating_6m, f.followed_up_6m)),
        (_("Still operating at 12 months"), _of(f.operating_12m, f.followed_up_12m)),
        (_("Jobs created, the owners' included"), format_number(f.jobs_created)),
        (_("of them employees from national communities"),
         format_number(f.community_employees)),
    ]
    for band, n in f.revenue_bands:
        rows.append((_("Operating businesses, yearly revenue: {band}").format(band=band),
                     format_number(n)))
    for reason, n in f.closed_without_business:
        rows.append((_("Closed without a business: {reason}").format(reason=reason or "–"),
                     format_number(n)))
    return rows
