"""The people list: name in the language's alphabetical order, search folded and transliterated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.db import Database
from app.db.plain import as_bool, in_list
from app.i18n import N_, _
from app.services import choices
from app.services.listers.common import office_codes, offices
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register

LANG_NAMES = {"lt": N_("Lithuanian"), "pl": N_("Polish"), "ru": N_("Russian"),
              "en": N_("English")}


def _languages(_db: Database) -> list[tuple[str, str]]:
    return [(k, _(v)) for k, v in LANG_NAMES.items()]


class PeopleLister(Lister):
    kind = "people"
    title = N_("People")
    columns = (
        Column("name", N_("Name"), 28),
        Column("birth_year", N_("Born"), 6, align_right=True),
        Column("organisation", N_("Organisation"), 30, sortable=False),
        Column("municipality", N_("Municipality"), 18),
        Column("phone", N_("Phone"), 14),
        Column("email", N_("E-mail"), 22),
        Column("language", N_("Language"), 10),
        Column("office", N_("Office"), 6),
    )
    default_sort = "name"
    filters = (
        Filter("office", N_("Office"), offices),
        Filter("municipality", N_("Municipality"), lambda db: choices.municipalities(db)),
        Filter("language", N_("Language"), _languages),
    )
    empty_text = N_("No people yet. Add the first person with “New person”, "
                    "or import a participant list in the Trainings tab.")
    no_match_text = N_("Nobody matches this search. Check the spelling or clear the filters.")
    source = "people p"
    id_column = "p.id"

    def base_where(self) -> list[str]:
        return ["NOT p.deleted", "p.merged_into_id IS NULL"]

    def search_column(self) -> str:
        return "p.search_text"

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        conds: list[str] = []
        if not query.include_archived:
            conds.append("NOT p.archived")
        for key, column in (("office", "office_id"), ("municipality", "municipality_code"),
                            ("language", "preferred_language")):
            if query.filters.get(key):
                params[key] = query.filters[key]
                conds.append(f"p.{column} = :{key}")
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        name = f"p.sort_{lang}"
        column = {"birth_year": "p.birth_year", "municipality": "p.municipality_code",
                  "phone": "p.phone", "email": "p.email", "language": "p.preferred_language",
                  "office": "p.office_id"}.get(key)
        return [column, name] if column else [name]

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        plain = db.plain()
        params: dict[str, Any] = {}
        id_list = in_list("id", ids, params)
        people = plain.rows(
            "SELECT id, last_name, first_name, birth_year, municipality_code, phone, email, "
            f"preferred_language, office_id, archived FROM people WHERE id IN {id_list}", params)
        orgs = dict(plain.rows(
            "SELECT r.person_id, min(o.name) FROM person_roles r "
            "JOIN organisations o ON o.id = r.organisation_id "
            f"WHERE r.person_id IN {id_list} AND NOT r.deleted GROUP BY r.person_id", params))
        offices = office_codes(db)
        munis = dict(choices.municipalities(db))
        return [
            Row(
                pid,
                (
                    f"{last} {first}", str(year or ""), orgs.get(pid, ""),
                    munis.get(muni or "", ""), phone or "", email or "",
                    _(LANG_NAMES[lang]) if lang in LANG_NAMES else "",
                    offices.get(office or "", ""),
                ),
                archived=as_bool(archived),
            )
            for pid, last, first, year, muni, phone, email, lang, office, archived in people
        ]


register(PeopleLister())
