"""Choices for the event forms: people to pick (trainers, participants), networks and runs.

Pickers ask with the text typed so far and get (id, label) pairs; the search folds letters as
the lists do, so typing "zukauskas" finds Žukauskas and "ivanov" finds Иванов.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app.db import Database
from app.i18n import current_language
from app.models import AdvocacyRun, Network, Organisation, Person, PersonRole
from app.text import fold_query

LIMIT = 50


def _label(first: str, last: str, year: int | None, org: str = "") -> str:
    name = f"{first} {last}".strip()
    extra = ", ".join(str(p) for p in (year, org) if p)
    return f"{name} ({extra})" if extra else name


def person_choices(db: Database, text: str, limit: int = LIMIT,
                   exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
    """People whose name, e-mail, phone or city contain every word typed, in alphabetical order.

    Nothing is offered before something is typed: the registry may hold 100,000 people.
    """
    words = fold_query(text)
    if not words:
        return []
    sort = getattr(Person, f"sort_{current_language()}", Person.sort_en)
    stmt = select(Person.id, Person.first_name, Person.last_name, Person.birth_year).where(
        Person.deleted.is_(False), Person.merged_into_id.is_(None), Person.erased.is_(False))
    for word in words:
        stmt = stmt.where(Person.search_text.contains(word, autoescape=True))
    skip = set(exclude)
    with db.reader() as s:
        rows = [r for r in s.execute(stmt.order_by(sort).limit(limit + len(skip))).all()
                if r[0] not in skip][:limit]
        orgs = first_organisations(s, [r[0] for r in rows])
    return [(pid, _label(first, last, year, orgs.get(pid, ""))) for pid, first, last, year
            in rows]


def first_organisations(s: object, person_ids: list[str]) -> dict[str, str]:
    """One current organisation per person, to tell two people of the same name apart."""
    if not person_ids:
        return {}
    rows = s.execute(  # type: ignore[attr-defined]
        select(PersonRole.person_id, Organisation.name)
        .join(Organisation, Organisation.id == PersonRole.organisation_id)
        .where(PersonRole.person_id.in_(person_ids), PersonRole.deleted.is_(False),
               PersonRole.until.is_(None), Organisation.deleted.is_(False))).all()
    out: dict[str, str] = {}
    for pid, name in rows:
        out.setdefault(pid, name)
    return out


def person_organisation_id(db: Database, person_id: str) -> str | None:
    """The organisation a new registration is made for: the person's first current one."""
    with db.reader() as s:
        return s.execute(select(PersonRole.organisation_id).where(
            PersonRole.person_id == person_id, PersonRole.deleted.is_(False),
            PersonRole.until.is_(None)).limit(1)).scalar()


def person_labels(db: Database, ids: Iterable[str]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    with db.reader() as s:
        rows = s.execute(select(Person.id, Person.first_name, Person.last_name,
                                Person.birth_year).where(Person.id.in_(wanted))).all()
    return {pid: _label(first, last, year) for pid, first, last, year in rows}


def networks(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        rows = s.execute(select(Network.id, Network.name).where(Network.deleted.is_(False))
                         .order_by(Network.name)).all()
    return [(i, n) for i, n in rows]


def runs(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        rows = s.execute(select(AdvocacyRun.id, AdvocacyRun.code, AdvocacyRun.title)
                         .where(AdvocacyRun.deleted.is_(False))
                         .order_by(AdvocacyRun.code)).all()
    return [(i, f"{c} {t}".strip()) for i, c, t in rows]
