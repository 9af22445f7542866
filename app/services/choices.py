"""Reference lists as (code, name) choices in the current language, for forms and filters.

Read once per language and cached; a change to reference data calls `clear()`. Read with plain
SQL (no ORM): the list filters ask for these while the window first opens.
"""

from __future__ import annotations

import json
from typing import Any

from app.db import Database
from app.i18n import current_language
from app.text import sort_key

LANGS = ("lt", "pl", "ru", "en")
_cache: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
_extra: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}


def clear() -> None:
    _cache.clear()
    _extra.clear()


def _named(db: Database, table: str, lang: str, alphabetical: bool, short: bool = False,
           list_name: str | None = None) -> list[tuple[str, str]]:
    """Codes and names in `lang` (else English, else Lithuanian) of a reference table."""
    key = (db.url, f"{table}:{list_name}:{short}", lang)
    if key in _cache:
        return _cache[key]
    lang = lang if lang in LANGS else "en"
    names = [f"short_{lang}"] if short else []
    names += [f"name_{lang}", "name_en", "name_lt"]
    label_sql = "coalesce(" + ", ".join(f"nullif({n}, '')" for n in names) + ", '')"
    params: dict[str, Any] = {}
    where = "NOT deleted AND active"
    if list_name:
        where += " AND list_name = :list_name"
        params["list_name"] = list_name
    pairs = [(code, label) for code, label in db.plain().rows(
        f"SELECT code, {label_sql} FROM {table} WHERE {where} ORDER BY sort_order", params)]
    if alphabetical:
        pairs.sort(key=lambda p: sort_key(p[1], lang))
    _cache[key] = pairs
    return pairs


def municipalities(db: Database, short: bool = True) -> list[tuple[str, str]]:
    return _named(db, "municipalities", current_language(), True, short=short)


def institutions(db: Database) -> list[tuple[str, str]]:
    return _named(db, "institutions", current_language(), True)


def communities(db: Database) -> list[tuple[str, str]]:
    return _named(db, "communities", current_language(), False)


def programmes(db: Database) -> list[tuple[str, str]]:
    return _named(db, "programmes", current_language(), True)


def ref_list(db: Database, list_name: str) -> list[tuple[str, str]]:
    """event_kind, case_stage, close_reason, legal_form, organisation_kind, revenue_band (in
    the list's own order)."""
    return _named(db, "ref_items", current_language(), False, list_name=list_name)


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
        rows = db.plain().rows("SELECT code, extra FROM ref_items WHERE list_name = :list_name",
                               {"list_name": list_name})
        _extra[key] = {c: dict(_json(e)) for c, e in rows}
    return _extra[key]


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    return json.loads(value) if value else {}
