"""The organisations list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_
from app.models import Organisation, PersonRole
from app.services import choices
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register


class OrganisationsLister(Lister):
    kind = "organisations"
    title = N_("Organisations")
    columns = (
        Column("name", N_("Organisation"), 40),
        Column("kind", N_("Kind"), 18),
        Column("municipality", N_("Municipality"), 18),
        Column("registration_code", N_("Registration code"), 12),
        Column("people", N_("People"), 7, sortable=False, align_right=True),
        Column("email", N_("E-mail"), 22),
    )
    default_sort = "name"
    filters = (
        Filter("kind", N_("Kind"), lambda db: choices.ref_list(db, "organisation_kind")),
        Filter("municipality", N_("Municipality"), lambda db: choices.municipalities(db)),
    )
    empty_text = N_("No organisations yet. Add one with “New organisation”.")
    no_match_text = N_("No organisation matches this search.")

    def base(self) -> Select[Any]:
        return select(Organisation.id).where(
            Organisation.deleted.is_(False), Organisation.merged_into_id.is_(None)
        )

    def search_column(self) -> ColumnElement[Any]:
        return Organisation.search_text

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        conds: list[ColumnElement[Any]] = []
        if not query.include_archived:
            conds.append(Organisation.archived.is_(False))
        if query.filters.get("kind"):
            conds.append(Organisation.kind == query.filters["kind"])
        if query.filters.get("municipality"):
            conds.append(Organisation.municipality_code == query.filters["municipality"])
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        name = getattr(Organisation, f"sort_{lang}", Organisation.sort_en)
        table: dict[str, list[ColumnElement[Any]]] = {
            "name": [name],
            "kind": [Organisation.kind, name],
            "municipality": [Organisation.municipality_code, name],
            "registration_code": [Organisation.registration_code, name],
            "email": [Organisation.email, name],
        }
        return table.get(key, [name])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        orgs = session.execute(
            select(Organisation).where(Organisation.id.in_(ids))
        ).scalars().all()
        counts = dict(
            session.execute(
                select(PersonRole.organisation_id, func.count())
                .where(PersonRole.organisation_id.in_(ids), PersonRole.deleted.is_(False))
                .group_by(PersonRole.organisation_id)
            ).all()
        )
        kinds = dict(choices.ref_list(db, "organisation_kind"))
        munis = dict(choices.municipalities(db))
        return [
            Row(
                o.id,
                (o.name, kinds.get(o.kind, o.kind), munis.get(o.municipality_code or "", ""),
                 o.registration_code, str(counts.get(o.id, 0)), o.email),
                archived=o.archived,
            )
            for o in orgs
        ]


register(OrganisationsLister())
