"""The networks list: name in the language's alphabetical order, members counted per batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.db import Database
from app.db.plain import as_date, in_list
from app.i18n import N_, _, current_language
from app.i18n.formats import format_short_date
from app.services.event_labels import label
from app.services.listers.common import offices
from app.services.listers.events import FoldedLister
from app.services.listing import Column, Filter, ListQuery, Row, register
from app.services.network_labels import NETWORK_STATUS
from app.text import sort_key


def regions(db: Database) -> list[tuple[str, str]]:
    """The regions networks work in, as filter choices."""
    lang = current_language()
    names = db.plain().column(
        "SELECT DISTINCT region FROM networks WHERE NOT deleted AND region <> ''")
    return [(r, r) for r in sorted(names, key=lambda r: sort_key(r, lang))]


class NetworksLister(FoldedLister):
    kind = "networks"
    title = N_("Networks")
    columns = (
        Column("name", N_("Network"), 32),
        Column("region", N_("Region"), 18),
        Column("status", N_("Status"), 10),
        Column("members", N_("Members"), 10, sortable=False, align_right=True),
        Column("lead", N_("Lead organisation"), 28, sortable=False),
        Column("founded", N_("Founded"), 11),
    )
    default_sort = "name"
    text_sorted = frozenset({"name"})
    filters = (
        Filter("status", N_("Status"),
               lambda _db: [(k, _(v)) for k, v in NETWORK_STATUS.items()]),
        Filter("region", N_("Region"), lambda db: regions(db)),
        Filter("office", N_("Office"), offices),
    )
    empty_text = N_("No networks recorded yet. Regional cooperation networks appear here with "
                    "their member organisations, work programme and meetings.")
    no_match_text = N_("No network matches this search. Check the spelling or clear the filters.")
    source = "networks n"
    id_column = "n.id"

    def base_where(self) -> list[str]:
        return ["NOT n.deleted"]

    def search_texts(self) -> list[str]:
        return ["n.name", "n.region"]

    def sort_text(self, key: str, lang: str) -> str:
        return "n.name"

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        conds: list[str] = []
        for key, column in (("status", "n.status"), ("office", "n.office_id"),
                            ("region", "n.region")):
            if query.filters.get(key):
                params[key] = query.filters[key]
                conds.append(f"{column} = :{key}")
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        table = {
            "region": ["n.region", "n.name"],
            "status": ["n.status", "n.name"],
            "founded": ["n.founded_on", "n.name"],
        }
        return table.get(key, ["n.name"])

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        plain = db.plain()
        params: dict[str, Any] = {}
        id_list = in_list("id", ids, params)
        networks = plain.rows(
            "SELECT id, name, region, status, lead_organisation_id, founded_on FROM networks "
            f"WHERE id IN {id_list}", params)
        members = dict(plain.rows(
            "SELECT network_id, count(*) FROM network_members "
            f"WHERE network_id IN {id_list} AND NOT deleted "
            "AND (left_on IS NULL OR left_on > :today) GROUP BY network_id",
            {**params, "today": dt.date.today().isoformat()}))
        lead_ids = sorted({n[4] for n in networks if n[4]})
        lead_params: dict[str, Any] = {}
        leads = dict(plain.rows(
            "SELECT id, name FROM organisations "
            f"WHERE id IN {in_list('org', lead_ids, lead_params)}", lead_params))
        return [
            Row(nid, (
                name, region, label(NETWORK_STATUS, status), str(members.get(nid, 0)),
                leads.get(lead or "", ""), format_short_date(as_date(founded)),
            ), archived=status == "closed")
            for nid, name, region, status, lead, founded in networks
        ]


register(NetworksLister())
