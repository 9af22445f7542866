"""The duplicate finder and merge: one person (or organisation) registered twice.

Candidates meet on a coarse phonetic skeleton of the name (Łukasz / Lukas / Лукаш), on e-mail
or phone, or on an organisation's registration code; a finer score ranks them for a person to
confirm. Merging keeps one record, re-points every reference, leaves the other as a redirect and
records what it held, so history is never lost.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import MergeRecord, Organisation, Person
from app.models.base import utcnow
from app.services.person_links import repoint
from app.services.results import ORGANISATIONS, PEOPLE, ROLES, Changes, Saved
from app.sync.changelog import snapshot
from app.text import fold, likely_same_person, name_similarity

THRESHOLD = 0.8


@dataclass(frozen=True)
class Candidate:
    a_id: str
    b_id: str
    a_label: str
    b_label: str
    score: float
    reasons: tuple[str, ...]  # msgids: same e-mail, same phone, similar name...


def _digits(phone: str) -> str:
    d = re.sub(r"\D", "", phone)
    if d.startswith("370"):
        d = d[3:]
    elif d.startswith("8") and len(d) == 9:
        d = d[1:]
    return d


def _person_label(p: Person) -> str:
    year = f" ({p.birth_year})" if p.birth_year else ""
    return f"{p.first_name} {p.last_name}{year}"


_Record = TypeVar("_Record", Person, Organisation)


def _pairs(
    buckets: dict[str, list[_Record]], largest: int
) -> Iterator[tuple[_Record, _Record, tuple[str, str]]]:
    """Each pair of records that share a bucket, once, with its ids in order. A bucket larger
    than `largest` is too common a key to tell anything (and would cost its size squared)."""
    seen: set[tuple[str, str]] = set()
    for group in buckets.values():
        if len(group) < 2 or len(group) > largest:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair not in seen:
                    seen.add(pair)
                    yield a, b, pair


def find_people(db: Database, limit: int = 500, person_id: str | None = None) -> list[Candidate]:
    """Likely duplicate pairs among active people, best first (or those of one person)."""
    with db.reader() as s:
        people = (
            s.execute(
                select(Person).where(
                    Person.deleted.is_(False),
                    Person.merged_into_id.is_(None),
                    Person.erased.is_(False),
                )
            )
            .scalars()
            .all()
        )
    buckets: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        words = p.skeleton.split()
        for w in words:  # block on each skeleton word's first three letters
            if len(w) >= 2:
                buckets["n:" + w[:3]].append(p)
        if p.email:
            buckets["e:" + p.email.lower()].append(p)
        if len(_digits(p.phone)) >= 7:
            buckets["t:" + _digits(p.phone)].append(p)
    out: list[Candidate] = []
    for a, b, pair in _pairs(buckets, 400):
        if person_id and person_id not in pair:
            continue
        reasons: list[str] = []
        score = likely_same_person(
            a.first_name, a.last_name, b.first_name, b.last_name, a.birth_year, b.birth_year
        )
        if score >= THRESHOLD:
            reasons.append(N_("similar name"))
        if a.email and a.email.lower() == b.email.lower():
            reasons.append(N_("same e-mail"))
            score = max(score, 0.9)
        if _digits(a.phone) and _digits(a.phone) == _digits(b.phone):
            reasons.append(N_("same phone"))
            score = max(score, 0.85 if name_similarity(a.full_name, b.full_name) > 0.5 else 0.0)
        if score >= THRESHOLD and reasons:
            out.append(Candidate(pair[0], pair[1], "", "", round(score, 3), tuple(reasons)))
    out.sort(key=lambda c: -c.score)
    out = out[:limit]
    by_id = {p.id: p for p in people}
    return [
        Candidate(
            c.a_id,
            c.b_id,
            _person_label(by_id[c.a_id]),
            _person_label(by_id[c.b_id]),
            c.score,
            c.reasons,
        )
        for c in out
    ]


def find_organisations(db: Database, limit: int = 500) -> list[Candidate]:
    with db.reader() as s:
        orgs = (
            s.execute(
                select(Organisation).where(
                    Organisation.deleted.is_(False), Organisation.merged_into_id.is_(None)
                )
            )
            .scalars()
            .all()
        )
    buckets: dict[str, list[Organisation]] = defaultdict(list)
    for o in orgs:
        if o.registration_code:
            buckets["r:" + o.registration_code].append(o)
        for w in fold(o.name).split():
            if len(w) >= 5:
                buckets["w:" + w[:5]].append(o)
    out: list[Candidate] = []
    for a, b, pair in _pairs(buckets, 300):
        reasons = []
        score = name_similarity(a.name, b.name)
        if score >= 0.9:
            reasons.append(N_("similar name"))
        if a.registration_code and a.registration_code == b.registration_code:
            reasons.append(N_("same registration code"))
            score = max(score, 0.95)
        if reasons and score >= 0.9:
            first, second = (a, b) if pair[0] == a.id else (b, a)
            out.append(
                Candidate(pair[0], pair[1], first.name, second.name, round(score, 3),
                          tuple(reasons))
            )
    out.sort(key=lambda c: -c.score)
    return out[:limit]


# -- merging --------------------------------------------------------------------------------

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "birth_year",
    "gender",
    "email",
    "phone",
    "address",
    "postal_code",
    "city",
    "municipality_code",
    "preferred_language",
    "notes",
)
ORG_FIELDS = (
    "name",
    "short_name",
    "kind",
    "municipality_code",
    "registration_code",
    "email",
    "phone",
    "website",
    "address",
    "postal_code",
    "city",
    "notes",
)


def _snapshot(obj: object) -> dict[str, object]:
    data = snapshot(obj)  # type: ignore[arg-type]
    data.pop("community_code", None)  # special-category data is not copied into history
    return data


def _merge(
    s: Session,
    model: type,
    table: str,
    keep_id: str,
    merge_id: str,
    fields: tuple[str, ...],
    take_from_other: set[str],
) -> None:
    if keep_id == merge_id:
        raise ValidationError("merge", N_("A record cannot be merged with itself."))
    keep, gone = s.get(model, keep_id), s.get(model, merge_id)
    if keep is None or gone is None or keep.deleted or gone.deleted:
        raise NotFoundError(N_("One of the two records is no longer in the registry."))
    if gone.merged_into_id or keep.merged_into_id:
        raise ValidationError("merge", N_("One of the two records was already merged."))
    s.add(
        MergeRecord(
            table_name=table,
            kept_id=keep_id,
            merged_id=merge_id,
            merged_at=utcnow(),
            office_id=keep.office_id,
            snapshot=json.dumps(_snapshot(gone), ensure_ascii=False),
        )
    )
    for f in fields:
        theirs = getattr(gone, f)
        if f in take_from_other or (not getattr(keep, f) and theirs):
            setattr(keep, f, theirs)
    s.flush()
    repoint(s, table, merge_id, keep_id)
    gone.merged_into_id = keep_id
    gone.archived = True


def merge_people(
    db: Database, keep_id: str, merge_id: str, take_from_other: set[str] | None = None
) -> Saved[str]:
    """Merge `merge_id` into `keep_id`. Empty fields of the kept person are filled from the
    other; fields named in `take_from_other` are taken from it even when not empty."""
    with db.session() as s:
        _merge(s, Person, "people", keep_id, merge_id, PERSON_FIELDS, take_from_other or set())
        keep = s.get(Person, keep_id)
        gone = s.get(Person, merge_id)
        assert keep is not None and gone is not None
        # Consents moved with the other references; the community goes with them.
        if gone.community_code and not keep.community_code:
            keep.community_code = gone.community_code
        gone.community_code = None
    return Saved(keep_id, Changes.of(PEOPLE, ROLES, ids=[keep_id, merge_id]))


def merge_organisations(
    db: Database, keep_id: str, merge_id: str, take_from_other: set[str] | None = None
) -> Saved[str]:
    with db.session() as s:
        _merge(
            s,
            Organisation,
            "organisations",
            keep_id,
            merge_id,
            ORG_FIELDS,
            take_from_other or set(),
        )
    return Saved(keep_id, Changes.of(ORGANISATIONS, ROLES, ids=[keep_id, merge_id]))


def merge_history(db: Database, record_id: str) -> list[tuple[str, str, dt.datetime]]:
    """(kept id, merged id, when) for merges that involved the record."""
    with db.reader() as s:
        rows = s.execute(
            select(MergeRecord)
            .where((MergeRecord.kept_id == record_id) | (MergeRecord.merged_id == record_id))
            .order_by(MergeRecord.merged_at)
        ).scalars()
        return [(r.kept_id, r.merged_id, r.merged_at) for r in rows]
