"""The people list: name in the language's alphabetical order, search folded and transliterated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_, _
from app.models import Office, Organisation, Person, PersonRole
from app.services import choices
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register

LANG_NAMES = {"lt": N_("Lithuanian"), "pl": N_("Polish"), "ru": N_("Russian"),
              "en": N_("English")}


def _offices(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        rows = s.execute(select(Office.id, Office.code, Office.name).where(
            Office.deleted.is_(False))).all()
    return [(i, f"{c} – {n}" if n else c) for i, c, n in rows]


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
        Filter("office", N_("Office"), _offices),
        Filter("municipality", N_("Municipality"), lambda db: choices.municipalities(db)),
        Filter("language", N_("Language"), _languages),
    )
    empty_text = N_("No people yet. Add the first person with “New person”, "
                    "or import a participant list in the Trainings tab.")
    no_match_text = N_("Nobody matches this search. Check the spelling or clear the filters.")

    def base(self) -> Select[Any]:
        return select(Person.id).where(Person.deleted.is_(False), Person.merged_into_id.is_(None))

    def search_column(self) -> ColumnElement[Any]:
        return Person.search_text

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        conds: list[ColumnElement[Any]] = []
        if not query.include_archived:
            conds.append(Person.archived.is_(False))
        f = query.filters
        if f.get("office"):
            conds.append(Person.office_id == f["office"])
        if f.get("municipality"):
            conds.append(Person.municipality_code == f["municipality"])
        if f.get("language"):
            conds.append(Person.preferred_language == f["language"])
        return conds

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        name = getattr(Person, f"sort_{lang}", Person.sort_en)
        table: dict[str, list[ColumnElement[Any]]] = {
            "name": [name],
            "birth_year": [Person.birth_year, name],
            "municipality": [Person.municipality_code, name],
            "phone": [Person.phone, name],
            "email": [Person.email, name],
            "language": [Person.preferred_language, name],
            "office": [Person.office_id, name],
        }
        return table.get(key, [name])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        people = session.execute(select(Person).where(Person.id.in_(ids))).scalars().all()
        orgs: dict[str, str] = {}
        for pid, oname in session.execute(
            select(PersonRole.person_id, func.min(Organisation.name))
            .join(Organisation, Organisation.id == PersonRole.organisation_id)
            .where(PersonRole.person_id.in_(ids), PersonRole.deleted.is_(False))
            .group_by(PersonRole.person_id)
        ).all():
            orgs[pid] = oname
        offices = dict(session.execute(select(Office.id, Office.code)).all())
        munis = dict(choices.municipalities(db))
        return [
            Row(
                p.id,
                (
                    f"{p.last_name} {p.first_name}",
                    str(p.birth_year or ""), orgs.get(p.id, ""),
                    munis.get(p.municipality_code or "", ""), p.phone, p.email,
                    _(LANG_NAMES.get(p.preferred_language, "")) if p.preferred_language else "",
                    offices.get(p.office_id or "", ""),
                ),
                archived=p.archived,
            )
            for p in people
        ]


register(PeopleLister())
