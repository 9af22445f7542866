"""`tinklas demo`: realistic, reproducible sample data for trying, testing and measuring Tinklas.

Three offices (Šalčininkai, Visaginas, and Vilnius as the coordinator), or only the one named;
people with the letters their names really have (Ł, Ž, Cyrillic); organisations, networks, events
with attendance and certificates, micro-business cases and advocacy runs.

The same seed gives the same data: every area draws from its own seeded generator, and dates are
counted from an anchor derived from the seed, not from today. Only record ids and change stamps
differ between runs. One exception, on purpose: the due dates of open next actions in cases are
counted from today, so that the "overdue" and "due this week" lists have something in them
whenever the demo is made.

Rows go in through app.sync.changelog.bulk_insert, one write session per area, so the change log
holds one insert per record, exactly as if the records had been typed in.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from sqlalchemy import func, insert, select

from app.db import Database
from app.demo.advocacy import make_run_details, make_runs
from app.demo.cases import cases_for, make_cases
from app.demo.context import Ctx, OfficeInfo
from app.demo.events import events_for, make_events
from app.demo.networks import make_networks
from app.demo.places import OFFICES
from app.demo.registry import make_organisations, make_people, make_roles
from app.errors import UserError
from app.i18n import N_
from app.ids import uuid7
from app.models import Counter, Office, Person
from app.services import offices as office_service

__all__ = ["DEMO_OFFICES", "MIN_SIZE", "DemoSummary", "anchor_for", "check_request", "generate"]

DEMO_OFFICES = tuple(OFFICES)
MIN_SIZE = 50
DEFAULT_SEED = 2026


@dataclass(frozen=True)
class DemoSummary:
    """What a demo run inserted: rows per table, the offices, its anchor date and its time."""

    counts: Mapping[str, int]
    offices: tuple[str, ...]
    anchor: dt.date
    seconds: float

    def count(self, table: str) -> int:
        return self.counts.get(table, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def anchor_for(seed: int) -> dt.date:
    """The demo's "now": mid-October of the seed's year if the seed is a year, else of 2026."""
    year = seed if 2000 <= seed <= 2100 else DEFAULT_SEED
    return dt.date(year, 10, 15)


def _setup_offices(db: Database, codes: tuple[str, ...]) -> dict[str, OfficeInfo]:
    """The local office becomes the first code; the others are Office rows beside it."""
    code, facts = codes[0], OFFICES[codes[0]]
    profile = replace(
        office_service.local_profile(db), code=code, name=facts.name,
        municipality_code=facts.municipality, address=facts.address, email=facts.email,
        phone=facts.phone, signatory_name=facts.signatory_name,
        signatory_title=facts.signatory_title, certificate_series=code,
        is_coordinator=facts.coordinator,
    )
    local = office_service.save_local_profile(db, profile).value
    assert local.id is not None
    return {code: OfficeInfo(code, local.id, local.name, facts.municipality,
                             local.certificate_series, True)}


def _other_offices(ctx: Ctx, codes: tuple[str, ...]) -> None:
    rows = []
    for code in codes[1:]:
        facts, office_id = OFFICES[code], uuid7()
        rows.append({
            "id": office_id, "code": code, "name": facts.name,
            "municipality_code": facts.municipality, "is_coordinator": facts.coordinator,
            "address": facts.address, "email": facts.email, "phone": facts.phone,
            "signatory_name": facts.signatory_name, "signatory_title": facts.signatory_title,
            "certificate_series": code,
        })
        ctx.offices[code] = OfficeInfo(code, office_id, facts.name, facts.municipality, code,
                                       False)
    if rows:
        with ctx.area() as w:
            w.add(Office, rows)


def _write_counters(ctx: Ctx) -> None:
    with ctx.db.session() as s:
        have = {(c.office_id, c.series, c.year): c for c in s.execute(select(Counter)).scalars()}
        new = []
        for (office_id, series, year), last in sorted(ctx.counters.items()):
            if (office_id, series, year) in have:
                row = have[(office_id, series, year)]
                row.last = max(row.last, last)
            else:
                new.append({"office_id": office_id, "series": series, "year": year,
                            "last": last})
        if new:
            s.execute(insert(Counter), new)


def _estimate(size: int) -> int:
    """Rows the demo will insert, roughly, for the progress callback."""
    return int(size * 1.75) + events_for(size) * 70 + cases_for(size) * 16 + 900


def check_request(size: int, office_code: str | None = None) -> tuple[str, ...]:
    """The offices a demo of `size` people would make; UserError if it cannot be made."""
    if size < MIN_SIZE:
        raise UserError(N_("Too few people for a demo: the size must be {n} or more."),
                        n=MIN_SIZE)
    if office_code is None:
        return ("VIL", "SAL", "VIS")
    code = office_code.strip().upper()
    if code not in OFFICES:
        raise UserError(N_("There is no demo office “{code}”: use one of {codes}."), code=code,
                        codes=", ".join(DEMO_OFFICES))
    return (code,)


def generate(
    db: Database,
    size: int = 2000,
    office_code: str | None = None,
    seed: int = DEFAULT_SEED,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data: `size` people and all that goes with them.

    `office_code` (SAL, VIS or VIL) makes a single office's database; by default this database
    becomes the coordinator (VIL) holding all three offices' data. `progress(done, total)` is
    called as rows are written.
    """
    started = time.perf_counter()
    codes = check_request(size, office_code)
    with db.reader() as s:
        people = s.execute(select(func.count()).select_from(Person)).scalar_one()
    if people:
        raise UserError(N_("This database already holds people, and demo data would mix with "
                           "them. Make the demo in a new file, e.g. tinklas demo --db "
                           "demo.sqlite."))
    anchor = anchor_for(seed)
    ctx = Ctx(db=db, seed=seed, size=size, anchor=anchor, today=dt.date.today(),
              offices=_setup_offices(db, codes), progress=progress, total=_estimate(size))
    _other_offices(ctx, codes)
    with ctx.area() as w:
        make_people(ctx, w)
        make_organisations(ctx, w)
        make_roles(ctx, w)
    with ctx.area() as w:
        make_networks(ctx, w)
        make_runs(ctx, w)
    with ctx.area() as w:
        make_events(ctx, w)
        make_run_details(ctx, w)
    with ctx.area() as w:
        make_cases(ctx, w)
    _write_counters(ctx)
    ctx.total = ctx.done  # the estimate was rough: finish at 100 %
    ctx.advance(0)
    return DemoSummary(MappingProxyType(dict(ctx.counts)), codes, anchor,
                       time.perf_counter() - started)
