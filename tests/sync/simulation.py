"""A randomized month of exchanges: one coordinator and several offices edit the shared registry
with skewed clocks and swap files, some duplicated, reordered or lost. Afterwards everyone is
brought up to date and the invariants are checked:

- every database holds the same people (special-category fields aside at the offices);
- no committed edit is lost: its value is current, or kept in some database's conflicts;
- importing a file again changes nothing; erased people stay erased; integrity holds.
"""

from __future__ import annotations

import contextlib
import dataclasses
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.models import ChangeLog, Conflict
from app.services import people
from app.sync import clock
from app.sync.reading import Refused
from tests.sync.network import Net, make_network, state

FIELDS = ("phone", "email", "city", "notes")
_TEMPLATES: dict[int, Path] = {}


def template(offices: int) -> Path:
    if offices not in _TEMPLATES:
        root = Path(tempfile.mkdtemp(prefix=f"tinklas-sim{offices}-"))
        codes = ("SAL", "VIS", "TRA", "KAU", "KLA", "SIA", "PAN", "UTE")[:offices]
        net = make_network(root, codes)
        for db in net.dbs.values():
            db.dispose()
        _TEMPLATES[offices] = root
    return _TEMPLATES[offices]


@contextlib.contextmanager
def skewed(offset_ms: int) -> Iterator[None]:
    real = clock.now_ms
    clock.now_ms = lambda: real() + offset_ms  # type: ignore[assignment]
    try:
        yield
    finally:
        clock.now_ms = real  # type: ignore[assignment]


@dataclasses.dataclass
class Sim:
    net: Net
    rng: random.Random
    skew: dict[str, int]
    mailbox: dict[str, list[Path]] = dataclasses.field(default_factory=dict)
    # (person, field, value, stamp, superseded): an edit that a later edit of the same field
    # had seen is superseded, not lost
    edits: list[list] = dataclasses.field(default_factory=list)
    erased: set[str] = dataclasses.field(default_factory=set)
    imported: list[tuple[Path, str]] = dataclasses.field(default_factory=list)

    @property
    def offices(self) -> list[str]:
        return [c for c in self.net.dbs if c != "VLN"]

    def people_ids(self, code: str) -> list[str]:
        return sorted(state(self.net.db(code))["people"])

    def step(self) -> None:
        code = self.rng.choice([*self.offices, "VLN"])
        roll = self.rng.random()
        with skewed(self.skew[code]):
            if roll < 0.25 or not self.people_ids(code):
                people.save_person(
                    self.net.db(code),
                    people.PersonData(
                        first_name=self.rng.choice(["Ona", "Łukasz", "Иван", "Žydrūnė"]),
                        last_name=f"S{self.rng.randrange(10**6)}",
                    ),
                )
            elif roll < 0.75:
                self.edit(code)
            elif roll < 0.78 and code == "VLN":
                pid = self.rng.choice(self.people_ids(code))
                people.erase_person(self.net.db(code), pid)
                self.erased.add(pid)
            else:
                self.exchange(code)

    def edit(self, code: str) -> None:
        pid = self.rng.choice(self.people_ids(code))
        db = self.net.db(code)
        p = people.get_person(db, pid)
        if p.erased:
            return
        field = self.rng.choice(FIELDS)
        value = {
            "phone": f"+370 6{self.rng.randrange(10**7):07d}",
            "email": f"x{self.rng.randrange(10**6)}@example.lt",
            "city": self.rng.choice(["Vilnius", "Soleczniki", "Visaginas", "Trakai"]),
            "notes": f"pastaba {self.rng.randrange(10**6)}",
        }[field]
        if getattr(p, field) == value:
            return  # the same value again commits no change: nothing to lose
        for earlier in self.edits:
            if (
                earlier[0] == pid
                and earlier[1] == field
                and not earlier[4]
                # Seen and replaced: the change itself reached this database, or its value did
                # (a unit such as the address carries its fields' values in every write of it).
                and (getattr(p, field) == earlier[2] or self._has(db, pid, field, earlier[3]))
            ):
                earlier[4] = True
        people.save_person(db, dataclasses.replace(p, **{field: value}))
        with db.reader() as s:
            stamp = s.execute(
                select(ChangeLog.hlc)
                .where(ChangeLog.record_id == pid, ChangeLog.field == field)
                .order_by(ChangeLog.hlc.desc())
                .limit(1)
            ).scalar()
        self.edits.append([pid, field, value, stamp, False])

    @staticmethod
    def _has(db: Database, pid: str, field: str, stamp: str) -> bool:
        with db.reader() as s:
            return (
                s.execute(
                    select(ChangeLog.id).where(
                        ChangeLog.record_id == pid, ChangeLog.field == field, ChangeLog.hlc == stamp
                    )
                ).first()
                is not None
            )

    def exchange(self, code: str) -> None:
        if code == "VLN":
            target = self.rng.choice(self.offices)
            path = self.net.send("VLN", target)
            self.post(path, target)
        else:
            self.post(self.net.send(code, "VLN"), "VLN")
        for recipient in list(self.mailbox):
            if self.mailbox[recipient] and self.rng.random() < 0.5:
                self.deliver_one(recipient)

    def post(self, path: Path, recipient: str) -> None:
        roll = self.rng.random()
        if roll < 0.1:
            return  # lost
        box = self.mailbox.setdefault(recipient, [])
        box.append(path)
        if roll < 0.2:
            box.append(path)  # duplicated

    def deliver_one(self, recipient: str) -> None:
        box = self.mailbox[recipient]
        index = self.rng.randrange(len(box)) if self.rng.random() < 0.3 else 0  # reordered
        path = box.pop(index)
        with skewed(self.skew[recipient]):
            try:
                report = self.net.deliver(path, recipient)
                if report.status == "applied":
                    self.imported.append((path, recipient))
            except Refused as exc:
                assert "replay" in exc.text(), exc.text()  # an older file after a newer one

    def settle(self) -> None:
        """Everyone up to date: no more losses, two full rounds."""
        for _round in range(2):
            for code in self.offices:
                self.net.deliver(self.net.send(code, "VLN"), "VLN")
            for code in self.offices:
                self.net.deliver(self.net.send("VLN", code), code)

    def check(self) -> None:
        dbs = self.net.dbs
        reference = state(dbs["VLN"], skip_special=True)["people"]
        for code in self.offices:
            assert state(dbs[code], skip_special=True)["people"] == reference, code
        conflicts: set[tuple[str, str, str]] = set()
        for db in dbs.values():
            with db.reader() as s:
                for c in s.execute(select(Conflict)).scalars():
                    conflicts.add((c.record_id, c.field, c.losing_value or ""))
                    conflicts.add((c.record_id, c.field, c.winning_value or ""))
        import json

        for pid, field, value, _stamp, superseded in self.edits:
            if pid in self.erased or superseded:
                continue
            current = people.get_person(dbs["VLN"], pid)
            if getattr(current, field) != value:
                assert (pid, field, json.dumps(value, ensure_ascii=False)) in conflicts, (
                    pid,
                    field,
                    value,
                )
        for pid in self.erased:
            for db in dbs.values():
                assert people.get_person(db, pid).erased
        for path, recipient in self.imported[-3:]:
            assert self.net.deliver(path, recipient).status == "already"
        for db in dbs.values():
            assert db.path is not None
            con = sqlite3.connect(db.path)
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            con.close()


def run(seed: int, root: Path, offices: int = 3, steps: int = 40) -> None:
    src = template(offices)
    net = Net(root)
    for file in src.glob("*.sqlite"):
        shutil.copyfile(file, root / file.name)
        net.dbs[file.stem] = Database.open(root / file.name)
    rng = random.Random(seed)
    year = 365 * 24 * 3600 * 1000
    skew = {code: rng.choice([0, 0, 0, 5_000, -60_000, year]) for code in net.dbs}
    skew["VLN"] = 0
    sim = Sim(net, rng, skew)
    try:
        for _step in range(steps):
            sim.step()
        sim.settle()
        sim.check()
    finally:
        for db in net.dbs.values():
            db.dispose()
