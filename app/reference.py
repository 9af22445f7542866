"""Reference data shipped with the app (resources/reference/*.json) and loading it.

Shipped rows get UUIDs derived from their list and code, so every office holds the same ids for
the same municipality or stage, and the coordinator's later edits merge onto them. Shipped rows
are not written to the change log: every installation has them already.
"""

from __future__ import annotations

import json
import uuid
from functools import cache
from typing import TYPE_CHECKING, Any

from app.paths import resource_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.models.base import Synced

NAMESPACE = uuid.UUID("6b3c1a52-7f0e-4a55-9b8e-2f1d0c6e7a10")
SHIPPED_STAMP = "0000000000000.00000.REF"
# list name in ref_items -> file
REF_LISTS = {
    "event_kind": "event_kinds.json",
    "case_stage": "case_stages.json",
    "close_reason": "case_close_reasons.json",
    "legal_form": "legal_forms.json",
    "organisation_kind": "organisation_kinds.json",
    "revenue_band": "revenue_bands.json",
}
LANGS = ("lt", "pl", "ru", "en")


@cache
def load_file(name: str) -> dict[str, Any]:
    with resource_path("reference", name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def shipped_version() -> int:
    return sum(load_file(f)["version"] for f in _all_files())


def _all_files() -> list[str]:
    return [
        "municipalities.json", "institutions.json", "communities.json", "programmes.json",
        *REF_LISTS.values(),
    ] + (["interests.json"] if resource_path("reference", "interests.json").exists() else [])


def ref_id(table: str, code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{table}:{code}"))


def _names(item: dict[str, Any], key: str = "name", prefix: str = "name") -> dict[str, str]:
    return {f"{prefix}_{lang}": item[key].get(lang, "") for lang in LANGS}


def _base(table: str, item: dict[str, Any], order: int) -> dict[str, Any]:
    from app.models.base import utcnow

    now = utcnow()
    return {
        "id": ref_id(table, item["code"]), "code": item["code"], "sort_order": order,
        "active": True, "hlc": SHIPPED_STAMP, "deleted": False, "created_at": now,
        "updated_at": now, **_names(item),
    }


def _rows(name: str) -> list[tuple[type[Synced], dict[str, Any]]]:
    from app.models import (
        Community,
        Institution,
        Interest,
        Municipality,
        RefItem,
        TrainingProgramme,
    )

    items = load_file(name)["items"]
    out: list[tuple[type[Synced], dict[str, Any]]] = []
    for i, item in enumerate(items):
        if name == "municipalities.json":
            row = _base("municipalities", item, i)
            row.update(county=item.get("county", ""), kind=item.get("kind", ""))
            row.update(_names(item, "short", "short") if "short" in item else {})
            out.append((Municipality, row))
        elif name == "institutions.json":
            row = _base("institutions", item, i)
            row.update(kind=item.get("kind", ""), municipality_code=item.get("municipality"))
            out.append((Institution, row))
        elif name == "communities.json":
            out.append((Community, _base("communities", item, i)))
        elif name == "interests.json":
            out.append((Interest, _base("interests", item, i)))
        elif name == "programmes.json":
            row = _base("programmes", item, i)
            row.update(_names(item, "target_group", "target_group"))
            row["methodology_version"] = item.get("methodology_version", "1.0")
            out.append((TrainingProgramme, row))
        else:
            list_name = next(k for k, v in REF_LISTS.items() if v == name)
            row = _base(f"ref_items:{list_name}", item, item.get("order", i))
            extra = {k: v for k, v in item.items() if k not in ("code", "name")}
            row.update(list_name=list_name, extra=extra)
            out.append((RefItem, row))
    return out


def load_reference(session: Session) -> int:
    """Insert shipped reference rows that this database does not have yet; return how many."""
    from sqlalchemy import insert, select

    added = 0
    for name in _all_files():
        rows = _rows(name)
        if not rows:
            continue
        model = rows[0][0]
        have = set(session.execute(select(model.id)).scalars())
        new = [r for _, r in rows if r["id"] not in have]
        if new:
            session.execute(insert(model), new)
            added += len(new)
    return added
