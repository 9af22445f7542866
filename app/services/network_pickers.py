"""Choices for the networks and advocacy forms: organisations and people to pick by name,
networks and runs, and the events a step or evaluation can point at."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.i18n import current_language
from app.models import Event, Network, Organisation
from app.text import fold_query

LIMIT = 50


def organisation_choices(db: Database, text: str, limit: int = LIMIT) -> list[tuple[str, str]]:
    """Organisations whose name (or city, code) holds every word typed, alphabetical."""
    words = fold_query(text)
    if not words:
        return []
    sort = getattr(Organisation, f"sort_{current_language()}", Organisation.sort_en)
    stmt = select(Organisation.id, Organisation.name, Organisation.city).where(
        Organisation.deleted.is_(False), Organisation.merged_into_id.is_(None))
    for word in words:
        stmt = stmt.where(Organisation.search_text.contains(word, autoescape=True))
    with db.reader() as s:
        rows = s.execute(stmt.order_by(sort).limit(limit)).all()
    return [(i, f"{name} ({city})" if city else name) for i, name, city in rows]


def organisation_label(db: Database, organisation_id: str | None) -> str:
    if not organisation_id:
        return ""
    with db.reader() as s:
        return s.execute(select(Organisation.name).where(
            Organisation.id == organisation_id)).scalar() or ""


def network_choices(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        rows = s.execute(select(Network.id, Network.name).where(Network.deleted.is_(False))
                         .order_by(Network.name)).all()
    return [(i, n) for i, n in rows]


def event_choices(db: Database, network_id: str | None = None,
                  run_id: str | None = None) -> list[tuple[str, str]]:
    """Events as (id, "CODE date title"), newest first; those of the network or run first."""
    lang = current_language()
    with db.reader() as s:
        rows = s.execute(select(Event).where(Event.deleted.is_(False))
                         .order_by(Event.starts_on.desc()).limit(500)).scalars().all()
        mine = [e for e in rows if (network_id and e.network_id == network_id)
                or (run_id and e.run_id == run_id)]
        rest = [e for e in rows if e not in mine]
        return [(e.id, f"{e.code} · {e.starts_on.isoformat()} · {e.title_in(lang)}")
                for e in (*mine, *rest)]
