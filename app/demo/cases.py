"""Demo micro-business cases at every stage, with their history, activities and results.

Dates follow the seed's anchor like the rest of the demo, except the open next actions: those
are due relative to today, so that "overdue" and "due this week" always have something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from app.demo import cases_data as data
from app.demo.context import Ctx, PersonInfo, Writer
from app.demo.places import SHARES
from app.demo.registry import split
from app.ids import uuid7
from app.models import (
    BusinessCase,
    CaseActivity,
    CaseFinancing,
    CaseOutcome,
    CaseSupport,
    NextAction,
    StageChange,
)

OPERATING = data.STAGES.index("operating")
REGISTRATION = data.STAGES.index("registration")
FINANCING = data.STAGES.index("financing")


def cases_for(size: int) -> int:
    return max(30, size // 40)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _timeline(rng: random.Random, upto: int) -> list[int]:
    """Day offsets, from opening, on which the case entered each stage up to `upto`."""
    days = [0]
    for i in range(min(upto, OPERATING)):
        days.append(days[-1] + rng.randint(*data.STAGE_DAYS[i]))
    if upto > OPERATING:
        registered = days[OPERATING] - rng.randint(0, 5)
        days.append(registered + rng.randint(176, 190))
        if upto > OPERATING + 1:
            days.append(registered + rng.randint(360, 372))
    return days


class _Cases:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.rng = ctx.rng("cases")
        self.rows: dict[type, list[dict[str, Any]]] = {m: [] for m in (
            BusinessCase, StageChange, CaseActivity, NextAction, CaseFinancing, CaseSupport,
            CaseOutcome)}
        self.trainings: dict[str, list[dict[str, Any]]] = {}  # office -> held trainings

    def add(self, model: type, **row: Any) -> None:
        self.rows[model].append(row)

    def case(self, office: str, person: PersonInfo, stage: str) -> None:
        ctx, rng = self.ctx, self.rng
        oid = ctx.office_id(office)
        staff = ctx.staff.get(office) or [person]
        consultant = rng.choice(staff)
        closed = stage == "closed"
        reached = rng.choices(range(8), (20, 20, 18, 14, 10, 8, 6, 4))[0] if closed \
            else data.STAGES.index(stage)
        days = _timeline(rng, reached)
        if closed:
            close_after = days[-1] + rng.randint(10, 60)
            opened = ctx.day(-(close_after + rng.randint(5, 150)))
            closed_on: dt.date | None = opened + _days(close_after)
        else:
            opened = ctx.day(-(days[-1] + rng.randint(3, 40 if reached < OPERATING else 20)))
            closed_on = None
        entered = [opened + _days(d) for d in days]
        case_id = uuid7()
        idea, sector, market, business = rng.choice(data.IDEAS)
        row: dict[str, Any] = {
            "id": case_id, "office_id": oid, "beneficiary_id": person.id,
            "consultant_id": consultant.id, "municipality_code": person.municipality,
            "stage_code": stage, "opened_on": opened, "closed_on": closed_on,
            "close_reason": None, "code": office,  # numbered in make_cases, by opening date
        }
        if reached >= 1:
            row.update(state_language_level=rng.choice(data.LANGUAGE_LEVELS),
                       digital_skills=rng.choice(data.DIGITAL_SKILLS),
                       barriers=rng.choice(data.BARRIERS), skills=rng.choice(data.SKILLS),
                       resources=rng.choice(data.RESOURCES))
        if reached >= 2:
            row.update(business_idea=idea, sector=sector, market=market)
        if reached >= 3:
            row["plan_status"] = "drafted" if reached == 3 else \
                rng.choice(("reviewed", "approved", "approved"))
        if reached > REGISTRATION:
            form = rng.choices([f for f, _ in data.LEGAL_FORMS],
                               [w for _, w in data.LEGAL_FORMS])[0]
            registered = entered[OPERATING] - _days(rng.randint(0, 5))
            code = str(rng.randint(306000000, 306999999)) if form in (
                "small_partnership", "company") else str(rng.randint(1000000, 9999999))
            row.update(legal_form=form, registered_on=registered, business_code=code,
                       business_name=business, started_on=entered[OPERATING])
            self.add(CaseOutcome, office_id=oid, case_id=case_id, point="registration",
                     date=registered, operating=True, revenue_band="",
                     jobs_created=rng.randint(1, 2), community_employees=0, note="")
            for k, point in enumerate(("follow_up_6m", "follow_up_12m")):
                index = OPERATING + 1 + k
                done = reached > index or (reached == index and rng.random() < 0.5)
                if done and entered[index] < ctx.anchor:
                    jobs = rng.randint(1, 4)
                    self.add(CaseOutcome, office_id=oid, case_id=case_id, point=point,
                             date=entered[index] + _days(rng.randint(0, 7)),
                             operating=rng.random() > 0.1,
                             revenue_band=rng.choice(data.REVENUE_BANDS), jobs_created=jobs,
                             community_employees=rng.randint(0, jobs - 1), note="")
        if closed:
            reason = rng.choices([r for r, _ in data.CLOSE_REASONS],
                                 [w for _, w in data.CLOSE_REASONS])[0]
            row.update(close_reason=reason, close_note=data.CLOSE_NOTES[reason])
        self.add(BusinessCase, **row)
        self._history(oid, case_id, consultant, entered, reached, closed_on)
        self._financing_and_support(oid, case_id, entered, reached)
        self._activities(oid, case_id, office, consultant, opened, closed_on)
        if not closed:
            self._next_actions(oid, case_id, consultant, reached)

    def _history(self, oid: str, case_id: str, consultant: PersonInfo, entered: list[dt.date],
                 reached: int, closed_on: dt.date | None) -> None:
        previous = None
        for i, day in enumerate(entered[: reached + 1]):
            self.add(StageChange, office_id=oid, case_id=case_id, from_stage=previous,
                     to_stage=data.STAGES[i], date=day, by_person_id=consultant.id, note="",
                     missing_facts_reason="")
            previous = data.STAGES[i]
        if closed_on is not None:
            self.add(StageChange, office_id=oid, case_id=case_id, from_stage=previous,
                     to_stage="closed", date=closed_on, by_person_id=consultant.id,
                     note="Atvejis uždarytas", missing_facts_reason="")

    def _financing_and_support(self, oid: str, case_id: str, entered: list[dt.date],
                               reached: int) -> None:
        rng = self.rng
        if reached >= FINANCING:
            for k in range(rng.randint(1, 2)):
                source, low, high = rng.choice(data.FINANCING)
                applied = entered[FINANCING] + _days(rng.randint(1, 10))
                status = "applied" if reached == FINANCING and k == 0 else \
                    rng.choices(("granted", "refused"), (80, 20))[0]
                self.add(CaseFinancing, office_id=oid, case_id=case_id, source=source,
                         status=status, amount_eur=Decimal(rng.randint(low, high) // 50 * 50),
                         applied_on=applied, decided_on=None if status == "applied" else
                         min(applied + _days(rng.randint(10, 30)), self.ctx.day(-1)))
        if reached >= FINANCING - 1:
            for kind, text in rng.sample(data.SUPPORT, rng.randint(1, 3)):
                money = kind in ("grant", "equipment")
                self.add(CaseSupport, office_id=oid, case_id=case_id, kind=kind,
                         description=text, date=entered[FINANCING - 1] + _days(rng.randint(0, 20)),
                         hours=None if money else float(rng.choice((4, 8, 16, 24, 40))),
                         amount_eur=Decimal(rng.randint(200, 3000)) if money else None)

    def _activities(self, oid: str, case_id: str, office: str, consultant: PersonInfo,
                    opened: dt.date, closed_on: dt.date | None) -> None:
        ctx, rng = self.ctx, self.rng
        end = min(closed_on or ctx.day(-1), ctx.day(-1))
        span = max(0, (end - opened).days)
        if office not in self.trainings:
            self.trainings[office] = [e for e in ctx.events if e["office"] == office
                                      and e["kind"] == "training" and e["held"]]
        trainings = self.trainings[office]
        kinds = [k for k, _ in data.ACTIVITY_KINDS]
        for _ in range(rng.randint(2, 8)):
            kind = rng.choices(kinds, [w for _, w in data.ACTIVITY_KINDS])[0]
            event = rng.choice(trainings) if kind == "training" and trainings else None
            self.add(CaseActivity, office_id=oid, case_id=case_id, kind=kind,
                     date=event["ends_on"] if event else opened + _days(rng.randint(0, span)),
                     duration_minutes=rng.choice((20, 30, 45, 60, 90, 120)),
                     event_id=event["id"] if event else None, by_person_id=consultant.id,
                     notes=data.ACTIVITY_NOTES[kind])

    def _next_actions(self, oid: str, case_id: str, consultant: PersonInfo,
                      reached: int) -> None:
        ctx, rng = self.ctx, self.rng
        for _ in range(rng.randint(0, 2)):  # done, in the anchor's past
            due = ctx.day(-rng.randint(10, 120))
            self.add(NextAction, office_id=oid, case_id=case_id, title=rng.choice(data.ACTIONS),
                     due_on=due, responsible_id=consultant.id,
                     done_on=due - _days(rng.randint(-3, 5)), automatic="")
        for _ in range(rng.randint(1, 2)):  # open: overdue, due this week, or later
            when = rng.choices(((-30, -1), (0, 6), (7, 45)), (30, 30, 40))[0]
            self.add(NextAction, office_id=oid, case_id=case_id, title=rng.choice(data.ACTIONS),
                     due_on=ctx.today + _days(rng.randint(*when)), responsible_id=consultant.id,
                     done_on=None, automatic="")
        if reached >= OPERATING and reached < len(data.STAGES) - 1:
            point = "follow_up_6m" if reached == OPERATING else "follow_up_12m"
            self.add(NextAction, office_id=oid, case_id=case_id,
                     title=data.FOLLOW_UP_TITLES[point],
                     due_on=ctx.today + _days(rng.randint(-10, 60)),
                     responsible_id=consultant.id, done_on=None, automatic=point)


def make_cases(ctx: Ctx, w: Writer) -> None:
    gen = _Cases(ctx)
    rng = gen.rng
    n = cases_for(ctx.size)
    stages = [*data.STAGES, "closed"]
    weights = [w_ * (1 - data.CLOSED_SHARE) for w_ in data.STAGE_WEIGHTS]
    weights.append(sum(data.STAGE_WEIGHTS) * data.CLOSED_SHARE)
    plan = stages + rng.choices(stages, weights, k=max(0, n - len(stages)))
    busy = {p.id for group in (*ctx.staff.values(), *ctx.trainers.values()) for p in group}
    jobs: list[tuple[str, PersonInfo, str]] = []
    position = 0
    for office, count in split(n, SHARES, ctx.codes).items():
        people = [p for p in ctx.by_office.get(office, []) if p.id not in busy and (
            p.birth_year is None or 20 <= ctx.anchor.year - p.birth_year <= 62)]
        for person, stage in zip(rng.sample(people, min(count, len(people))),
                                 plan[position:position + count], strict=False):
            jobs.append((office, person, stage))
        position += count
    for office, person, stage in jobs:
        gen.case(office, person, stage)
    for row in sorted(gen.rows[BusinessCase], key=lambda r: (r["code"], r["opened_on"])):
        office, year = row["code"], row["opened_on"].year
        row["code"] = f"{office}-MV-{year}-{ctx.next_number(office, 'case', year):03d}"
    w.add(BusinessCase, gen.rows[BusinessCase])
    for model in (StageChange, CaseActivity, NextAction, CaseFinancing, CaseSupport, CaseOutcome):
        w.add(model, gen.rows[model])
