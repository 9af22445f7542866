"""The networks list: name in the language's alphabetical order, members counted per batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_, _, current_language
from app.i18n.formats import format_short_date
from app.models import Network, NetworkMember, Organisation
from app.services.events import label
from app.services.listers.events import FoldedLister, offices
from app.services.listing import Column, Filter, ListQuery, Row, register
from app.services.networks import NETWORK_STATUS
from app.text import sort_key


def regions(db: Database) -> list[tuple[str, str]]:
    """The regions networks work in, as filter choices."""
    lang = current_language()
    with db.reader() as s:
        names = s.execute(select(Network.region).where(Network.deleted.is_(False),
                                                       Network.region != "")
                          .distinct()).scalars().all()
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

    def base(self) -> Select[Any]:
        return select(Network.id).where(Network.deleted.is_(False))

    def search_texts(self) -> list[ColumnElement[Any]]:
        return [Network.name, Network.region]

    def sort_text(self, key: str, lang: str) -> ColumnElement[Any]:
        return Network.name

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        conds: list[ColumnElement[Any]] = []
        if query.filters.get("status"):
            conds.append(Network.status == query.filters["status"])
        if query.filters.get("office"):
            conds.append(Network.office_id == query.filters["office"])
        if query.filters.get("region"):
            conds.append(Network.region == query.filters["region"])
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        table: dict[str, list[ColumnElement[Any]]] = {
            "region": [Network.region, Network.name],
            "status": [Network.status, Network.name],
            "founded": [Network.founded_on, Network.name],
        }
        return table.get(key, [Network.name])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        today = dt.date.today()
        networks = session.execute(select(Network).where(Network.id.in_(ids))).scalars().all()
        members = dict(session.execute(
            select(NetworkMember.network_id, func.count())
            .where(NetworkMember.network_id.in_(ids), NetworkMember.deleted.is_(False),
                   or_(NetworkMember.left_on.is_(None), NetworkMember.left_on > today))
            .group_by(NetworkMember.network_id)).all())
        lead_ids = {n.lead_organisation_id for n in networks if n.lead_organisation_id}
        leads = dict(session.execute(select(Organisation.id, Organisation.name)
                                     .where(Organisation.id.in_(lead_ids))).all())
        return [
            Row(n.id, (
                n.name, n.region, label(NETWORK_STATUS, n.status), str(members.get(n.id, 0)),
                leads.get(n.lead_organisation_id or "", ""), format_short_date(n.founded_on),
            ), archived=n.status == "closed")
            for n in networks
        ]


register(NetworksLister())
