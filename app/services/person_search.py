"""Reads the People & organisations tab needs beyond the basic services.

- `similar_people`: the as-you-type duplicate warning of the person form. Candidates come from
  the indexed name skeleton (a word of the surname and a word of the first name must start the
  same), then `likely_same_person` scores the few found, so it stays fast on 100,000 people.
- `person_overview` / `organisation_overview`: everything a detail card shows, in one call.
- `organisation_choices`: the searchable organisation picker of the roles dialog.
- dismissed duplicate pairs ("not a duplicate"), kept per database in its local state.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from app.db import Database
from app.i18n import current_language
from app.models import LocalState, MergeRecord, Organisation, Person
from app.services import duplicates, organisations, people
from app.services.duplicates import THRESHOLD, Candidate
from app.services.person_links import references
from app.text import fold_query, likely_same_person, name_skeleton

MAX_CANDIDATES = 3000
_PREFIX = 3
_AFTER_ALL = "\uffff"


@dataclass(frozen=True)
class SimilarPerson:
    id: str
    label: str  # "Łukasz Wiśniewski (1979)"
    score: float
    archived: bool = False


def _person_label(first: str, last: str, year: int | None) -> str:
    name = f"{first} {last}".strip()
    return f"{name} ({year})" if year else name


def _starts_a_word(prefixes: Iterable[str]) -> ColumnElement[Any] | None:
    conds: list[ColumnElement[Any]] = []
    for p in prefixes:
        conds.append(Person.skeleton.startswith(p, autoescape=True))
        conds.append(Person.skeleton.contains(" " + p, autoescape=True))
    return or_(*conds) if conds else None


def _prefixes(text: str) -> list[str]:
    return sorted({w[:_PREFIX] for w in name_skeleton(text).split() if w})


def candidates_query(first: str, last: str,
                     exclude_id: str | None = None) -> Select[*tuple[Any, ...]] | None:
    """The SQL that finds the few people worth scoring (None if no name was typed)."""
    first_p, last_p = _prefixes(first), _prefixes(last)
    if not first_p and not last_p:
        return None
    conds: list[ColumnElement[Any]] = [
        Person.deleted.is_(False), Person.merged_into_id.is_(None), Person.erased.is_(False),
    ]
    # The skeleton starts with a word of the name typed (first name first, or the fields
    # swapped): a range on the indexed column, so that SQL never scans the whole registry.
    conds.append(or_(*[
        and_(Person.skeleton >= p, Person.skeleton < p + _AFTER_ALL)
        for p in first_p + last_p
    ]))
    # A word of the surname and a word of the first name must both be there; a whole name
    # typed into one field needs each of its words.
    groups = [last_p, first_p] if first_p and last_p else [[p] for p in first_p + last_p]
    for group in groups:
        cond = _starts_a_word(group)
        if cond is not None:
            conds.append(cond)
    if exclude_id:
        conds.append(Person.id != exclude_id)
    return (
        select(Person.id, Person.first_name, Person.last_name, Person.birth_year, Person.archived)
        .where(and_(*conds))
        .limit(MAX_CANDIDATES)
    )


def similar_people(
    db: Database, first: str, last: str, birth_year: int | None = None,
    exclude_id: str | None = None, limit: int = 5, threshold: float = THRESHOLD,
) -> list[SimilarPerson]:
    """People already in the registry who are likely the one being typed, best first."""
    stmt = candidates_query(first, last, exclude_id)
    if stmt is None:
        return []
    with db.reader() as s:
        rows = s.execute(stmt).all()
    found: list[SimilarPerson] = []
    for pid, f, la, year, archived in rows:
        score = likely_same_person(first, last, f, la, birth_year, year)
        if score >= threshold:
            found.append(SimilarPerson(pid, _person_label(f, la, year), score, bool(archived)))
    found.sort(key=lambda p: (-p.score, p.label))
    return found[:limit]


# -- what a detail card shows -----------------------------------------------------------------


@dataclass(frozen=True)
class MergeEntry:
    kept_id: str
    merged_id: str
    other_label: str  # the record on the other side of the merge
    when: dt.datetime
    merged_into_this: bool  # True: the other record was merged into this one


@dataclass(frozen=True)
class PersonOverview:
    person: people.PersonData
    roles: list[organisations.RoleData] = field(default_factory=list)
    consents: list[people.ConsentData] = field(default_factory=list)
    links: dict[str, int] = field(default_factory=dict)  # table name -> records pointing here
    merges: list[MergeEntry] = field(default_factory=list)

    @property
    def current_consent(self) -> people.ConsentData | None:
        for c in reversed(self.consents):
            if c.purpose == "community" and c.withdrawn_on is None:
                return c
        return None


@dataclass(frozen=True)
class OrganisationOverview:
    organisation: organisations.OrganisationData
    roles: list[organisations.RoleData] = field(default_factory=list)
    merges: list[MergeEntry] = field(default_factory=list)


def _merges(db: Database, table: str, record_id: str) -> list[MergeEntry]:
    model: Any = Person if table == "people" else Organisation
    with db.reader() as s:
        rows = s.execute(
            select(MergeRecord)
            .where(MergeRecord.table_name == table,
                   (MergeRecord.kept_id == record_id) | (MergeRecord.merged_id == record_id))
            .order_by(MergeRecord.merged_at)
        ).scalars().all()
        out = []
        for r in rows:
            into_this = r.kept_id == record_id
            other_id = r.merged_id if into_this else r.kept_id
            other = s.get(model, other_id)
            if other is None:
                label = other_id
            elif table == "people":
                label = _person_label(other.first_name, other.last_name, other.birth_year)
            else:
                label = other.name
            out.append(MergeEntry(r.kept_id, r.merged_id, label, r.merged_at, into_this))
    return out


def linked_counts(db: Database, person_id: str) -> dict[str, int]:
    """How many live records of each table point at the person (roles and consents included).

    Unlike person_links.linked_records (an access request lists everything, tombstones too),
    records removed from the registry are not counted here.
    """
    counts: dict[str, int] = {}
    with db.reader() as s:
        for model, attr in references("people"):
            stmt = select(func.count()).select_from(model).where(
                getattr(model, attr) == person_id)
            if hasattr(model, "deleted"):
                stmt = stmt.where(model.deleted.is_(False))
            n = int(s.execute(stmt).scalar_one())
            if n:
                table = str(getattr(model, "__tablename__", ""))
                counts[table] = counts.get(table, 0) + n
    return counts


def person_overview(db: Database, person_id: str) -> PersonOverview:
    return PersonOverview(
        person=people.get_person(db, person_id),
        roles=organisations.roles(db, person_id=person_id),
        consents=people.consents(db, person_id),
        links=linked_counts(db, person_id),
        merges=_merges(db, "people", person_id),
    )


def organisation_overview(db: Database, org_id: str) -> OrganisationOverview:
    return OrganisationOverview(
        organisation=organisations.get_organisation(db, org_id),
        roles=organisations.roles(db, organisation_id=org_id),
        merges=_merges(db, "organisations", org_id),
    )


def organisation_choices(db: Database, text: str = "", limit: int = 50) -> list[tuple[str, str]]:
    """(id, name) of active organisations whose name, short name or code match `text`."""
    lang_col = getattr(Organisation, f"sort_{current_language()}", Organisation.sort_en)
    stmt = select(Organisation.id, Organisation.name, Organisation.short_name).where(
        Organisation.deleted.is_(False), Organisation.merged_into_id.is_(None),
        Organisation.archived.is_(False),
    )
    for word in fold_query(text):
        stmt = stmt.where(Organisation.search_text.contains(word, autoescape=True))
    stmt = stmt.order_by(lang_col).limit(limit)
    with db.reader() as s:
        rows = s.execute(stmt).all()
    return [(i, f"{n} ({sn})" if sn and sn != n else n) for i, n, sn in rows]


# -- "not a duplicate" ----------------------------------------------------------------------


def _dismissed_key(kind: str) -> str:
    return f"dismissed_duplicates:{kind}"


def dismissed_pairs(db: Database, kind: str) -> set[tuple[str, str]]:
    """Pairs a person has said are not duplicates (kind: "people" or "organisations")."""
    with db.reader() as s:
        row = s.get(LocalState, _dismissed_key(kind))
        text = row.text_value if row is not None else None
    if not text:
        return set()
    try:
        return {(a, b) for a, b in json.loads(text)}
    except (ValueError, TypeError):
        return set()


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def dismiss_pair(db: Database, kind: str, a_id: str, b_id: str) -> None:
    """Remember that two records are not the same; the finder will not propose them again."""
    pairs = dismissed_pairs(db, kind)
    pairs.add(_pair(a_id, b_id))
    text = json.dumps(sorted(pairs))
    with db.session() as s:
        row = s.get(LocalState, _dismissed_key(kind))
        if row is None:
            s.add(LocalState(key=_dismissed_key(kind), text_value=text))
        else:
            row.text_value = text


def without_dismissed(db: Database, kind: str, candidates: list[Candidate]) -> list[Candidate]:
    dismissed = dismissed_pairs(db, kind)
    return [c for c in candidates if _pair(c.a_id, c.b_id) not in dismissed]


def find_duplicates(db: Database, kind: str) -> list[Candidate]:
    """Candidate pairs of one kind ("people" or "organisations") not already dismissed."""
    if kind == "people":
        found = duplicates.find_people(db)
    else:
        found = duplicates.find_organisations(db)
    return without_dismissed(db, kind, found)
