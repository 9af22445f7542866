"""What the demo's areas share while they generate: seeded randomness, dates, offices, and the
records made so far, and the writer that inserts rows in chunks through the change log."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.sync.changelog import bulk_insert

CHUNK = 5000
# A bigger page cache while the demo writes: the people table's five sort and duplicate indexes
# outgrow SQLite's default 2 MB cache at tens of thousands of rows and every insert then reads
# pages back from disk. Set back to the default when the area's session ends.
DEMO_CACHE_KIB = 262_144
DEFAULT_CACHE_KIB = 2_000

Progress = Callable[[int, int], None]


@dataclass
class OfficeInfo:
    code: str
    id: str
    name: str
    municipality: str
    series: str
    is_local: bool


@dataclass(slots=True)
class PersonInfo:
    id: str
    office: str
    origin: str
    gender: str
    first: str
    last: str
    language: str
    municipality: str
    birth_year: int | None

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(slots=True)
class OrgInfo:
    id: str
    office: str
    kind: str
    name: str
    municipality: str


@dataclass
class Ctx:
    """State of one demo run. Areas add what later areas link to."""

    db: Any
    seed: int
    size: int
    anchor: dt.date
    today: dt.date
    offices: dict[str, OfficeInfo]
    progress: Progress | None = None
    total: int = 1
    done: int = 0
    counts: Tally[str] = field(default_factory=Tally)
    counters: dict[tuple[str, str, int], int] = field(default_factory=dict)
    people: list[PersonInfo] = field(default_factory=list)
    by_office: dict[str, list[PersonInfo]] = field(default_factory=dict)
    staff: dict[str, list[PersonInfo]] = field(default_factory=dict)
    trainers: dict[str, list[PersonInfo]] = field(default_factory=dict)
    orgs: list[OrgInfo] = field(default_factory=list)
    orgs_by_office: dict[str, list[OrgInfo]] = field(default_factory=dict)
    org_people: dict[str, list[str]] = field(default_factory=dict)  # org id -> person ids
    person_org: dict[str, str] = field(default_factory=dict)  # person id -> an org id
    networks: list[dict[str, Any]] = field(default_factory=list)
    work_items: dict[str, list[str]] = field(default_factory=dict)  # network id -> item ids
    runs: list[dict[str, Any]] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    # -- randomness and dates ------------------------------------------------------------------

    def rng(self, area: str) -> random.Random:
        """A generator of its own for each area, so one area's changes leave the others alone."""
        return random.Random(f"tinklas-demo:{self.seed}:{area}")

    def day(self, offset: int) -> dt.date:
        return self.anchor + dt.timedelta(days=offset)

    @property
    def codes(self) -> list[str]:
        return list(self.offices)

    def office_id(self, code: str) -> str:
        return self.offices[code].id

    def pick_office(self, rng: random.Random, shares: dict[str, int]) -> str:
        codes = [c for c in shares if c in self.offices] or self.codes
        if len(codes) == 1:
            return codes[0]
        return rng.choices(codes, weights=[shares[c] for c in codes])[0]

    def next_number(self, office: str, series: str, year: int) -> int:
        key = (self.office_id(office), series, year)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    # -- writing -------------------------------------------------------------------------------

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    @contextmanager
    def area(self) -> Iterator[Writer]:
        """One write session for one area of the demo."""
        with self.db.session() as s:
            sqlite = s.get_bind().dialect.name == "sqlite"
            if sqlite:
                s.execute(text(f"PRAGMA cache_size=-{DEMO_CACHE_KIB}"))
            yield Writer(self, s)
            # Not in a `finally`: after an error the session can run nothing more, and the
            # error itself matters more than a pooled connection's cache size.
            if sqlite:
                s.execute(text(f"PRAGMA cache_size=-{DEFAULT_CACHE_KIB}"))


def _uniform(model: type[Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give every row the same keys: a field one row leaves out takes the column's default.

    One executemany needs one set of columns (SQLAlchemy's, on servers other than SQLite, takes
    them from the first row)."""
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(row))
    if all(len(row) == len(keys) for row in rows):
        return rows
    columns = model.__table__.columns
    for key in keys:
        default = columns[key].default
        value = default.arg if default is not None and default.is_scalar else None
        for row in rows:
            row.setdefault(key, value)
    return rows


class Writer:
    """Inserts rows through the change log's bulk path, in chunks, counting them."""

    def __init__(self, ctx: Ctx, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def add(self, model: type[Any], rows: Iterable[dict[str, Any]]) -> int:
        """Insert rows of a synced model; return how many."""
        items = _uniform(model, list(rows))
        for start in range(0, len(items), CHUNK):
            chunk = items[start:start + CHUNK]
            bulk_insert(self.session, model, chunk)
            self.ctx.counts[model.__tablename__] += len(chunk)
            self.ctx.advance(len(chunk))
        return len(items)
