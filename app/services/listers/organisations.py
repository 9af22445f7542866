"""The organisations list: name in the language's alphabetical order, search folded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.db import Database
from app.db.plain import as_bool, in_list
from app.i18n import N_
from app.services import choices
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register


def _kinds(db: Database) -> list[tuple[str, str]]:
    return choices.ref_list(db, "organisation_kind")


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
        Filter("kind", N_("Kind"), _kinds),
        Filter("municipality", N_("Municipality"), lambda db: choices.municipalities(db)),
    )
    empty_text = N_("No organisations yet. Add one with “New organisation”.")
    no_match_text = N_("No organisation matches this search.")
    source = "organisations o"
    id_column = "o.id"

    def base_where(self) -> list[str]:
        return ["NOT o.deleted", "o.merged_into_id IS NULL"]

    def search_column(self) -> str:
        return "o.search_text"

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        conds: list[str] = []
        if not query.include_archived:
            conds.append("NOT o.archived")
        for key, column in (("kind", "kind"), ("municipality", "municipality_code")):
            if query.filters.get(key):
                params[key] = query.filters[key]
                conds.append(f"o.{column} = :{key}")
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        name = f"o.sort_{lang}"
        column = {"kind": "o.kind", "municipality": "o.municipality_code",
                  "registration_code": "o.registration_code", "email": "o.email"}.get(key)
        return [column, name] if column else [name]

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        plain = db.plain()
        params: dict[str, Any] = {}
        id_list = in_list("id", ids, params)
        orgs = plain.rows(
            "SELECT id, name, kind, municipality_code, registration_code, email, archived "
            f"FROM organisations WHERE id IN {id_list}", params)
        counts = dict(plain.rows(
            "SELECT organisation_id, count(*) FROM person_roles "
            f"WHERE organisation_id IN {id_list} AND NOT deleted GROUP BY organisation_id",
            params))
        kinds = dict(_kinds(db))
        munis = dict(choices.municipalities(db))
        return [
            Row(
                oid,
                (name, kinds.get(kind, kind), munis.get(muni or "", ""), reg_code or "",
                 str(counts.get(oid, 0)), email or ""),
                archived=as_bool(archived),
            )
            for oid, name, kind, muni, reg_code, email, archived in orgs
        ]


register(OrganisationsLister())
