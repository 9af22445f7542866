"""Reference lists as (code, name) choices in the current language, for forms and filters.

Read once per language and cached; a change to reference data calls `clear()`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.db import Database
from app.i18n import current_language
from app.models import Community, Institution, Municipality, RefItem, TrainingProgramme
from app.text import sort_key

_cache: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
_extra: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}


def clear() -> None:
    _cache.clear()
    _extra.clear()


def _named(db: Database, model: Any, lang: str, alphabetical: bool, short: bool = False,
           list_name: str | None = None) -> list[tuple[str, str]]:
    key = (db.url, f"{model.__tablename__}:{list_name}:{short}", lang)
    if key in _cache:
        return _cache[key]
    with db.reader() as s:
        stmt = select(model).where(model.deleted.is_(False), model.active.is_(True))
        if list_name:
            stmt = stmt.where(model.list_name == list_name)
        items = s.execute(stmt.order_by(model.sort_order)).scalars().all()
        pairs = [(i.code, i.short_in(lang) if short else i.name_in(lang)) for i in items]
    if alphabetical:
        pairs.sort(key=lambda p: sort_key(p[1], lang))
    _cache[key] = pairs
    return pairs


def municipalities(db: Database, short: bool = True) -> list[tuple[str, str]]:
    return _named(db, Municipality, current_language(), True, short=short)


def institutions(db: Database) -> list[tuple[str, str]]:
    return _named(db, Institution, current_language(), True)


def communities(db: Database) -> list[tuple[str, str]]:
    return _named(db, Community, current_language(), False)


def programmes(db: Database) -> list[tuple[str, str]]:
    return _named(db, TrainingProgramme, current_language(), True)


def ref_list(db: Database, list_name: str) -> list[tuple[str, str]]:
    """event_kind, case_stage, close_reason, legal_form, organisation_kind (in model order)."""
    return _named(db, RefItem, current_language(), False, list_name=list_name)


def label(pairs: list[tuple[str, str]], code: str | None) -> str:
    if not code:
        return ""
    for c, name in pairs:
        if c == code:
            return name
    return code


def ref_extra(db: Database, list_name: str) -> dict[str, dict[str, Any]]:
    """List-specific facts per code (a stage's order, whether it is terminal, required facts)."""
    key = (db.url, list_name)
    if key not in _extra:
        with db.reader() as s:
            rows = s.execute(
                select(RefItem.code, RefItem.extra).where(RefItem.list_name == list_name)
            ).all()
        _extra[key] = {c: dict(e or {}) for c, e in rows}
    return _extra[key]
