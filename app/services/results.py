"""What a mutating service hands back: the saved value and what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

# Kinds of record a change can touch; tabs subscribe to the kinds they show.
PEOPLE = "people"
ORGANISATIONS = "organisations"
ROLES = "roles"
CONSENTS = "consents"
OFFICES = "offices"
EVENTS = "events"
CERTIFICATES = "certificates"
NETWORKS = "networks"
CASES = "cases"
RUNS = "runs"
REFERENCE = "reference"


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids)

    @classmethod
    def of(cls, *kinds: str, ids: tuple[str, ...] | list[str] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(ids))


@dataclass(frozen=True)
class Saved(Generic[T]):
    value: T
    changes: Changes = field(default_factory=Changes)
