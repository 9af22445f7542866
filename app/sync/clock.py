"""Hybrid logical clock stamps: ordered like wall-clock time, but never backwards.

A stamp is "<13-digit ms>.<5-digit counter>.<office code>", so that plain string order is the
(HLC, office code) order the merge rule uses, in SQL and in Python alike.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# A stamp further ahead of our clock than this is flagged as from the far future (SYNC.md test 21).
FAR_FUTURE_MS = 24 * 3600 * 1000


@dataclass(frozen=True, order=True)
class Stamp:
    ms: int
    counter: int
    office: str

    def __str__(self) -> str:
        return f"{self.ms:013d}.{self.counter:05d}.{self.office}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        ms, counter, office = text.split(".", 2)
        if len(ms) != 13 or len(counter) != 5 or not ms.isdigit() or not counter.isdigit():
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(ms), int(counter), office)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def tick(last: str | None, office: str, wall_ms: int | None = None) -> str:
    """The next local stamp after `last` (send or local event)."""
    wall = now_ms() if wall_ms is None else wall_ms
    if last:
        prev = Stamp.parse(last)
        if wall > prev.ms:
            return str(Stamp(wall, 0, office))
        return str(Stamp(prev.ms, prev.counter + 1, office))
    return str(Stamp(wall, 0, office))


def receive(last: str | None, remote: str, office: str, wall_ms: int | None = None) -> str:
    """The local clock after seeing a remote stamp (receive event)."""
    wall = now_ms() if wall_ms is None else wall_ms
    r = Stamp.parse(remote)
    cur = Stamp.parse(last) if last else Stamp(0, 0, office)
    top = max(wall, r.ms, cur.ms)
    if top == cur.ms == r.ms:
        counter = max(cur.counter, r.counter) + 1
    elif top == cur.ms:
        counter = cur.counter + 1
    elif top == r.ms:
        counter = r.counter + 1
    else:
        counter = 0
    return str(Stamp(top, counter, office))


def is_far_future(stamp: str, wall_ms: int | None = None) -> bool:
    wall = now_ms() if wall_ms is None else wall_ms
    head = stamp[:14]
    if head[13:] == "." and head[:13].isascii() and head[:13].isdigit():
        return int(head[:13]) - wall > FAR_FUTURE_MS  # what Stamp.parse reads, without it
    return Stamp.parse(stamp).ms - wall > FAR_FUTURE_MS
