"""The certificate register: every certificate issued, with its state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_, _, current_language
from app.i18n.formats import format_short_date
from app.models import Certificate, Event, Person
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register

STATES = {"valid": N_("valid"), "revoked": N_("revoked")}


def _state(revoked: bool) -> str:
    return "revoked" if revoked else "valid"


class CertificatesLister(Lister):
    kind = "certificates"
    title = N_("Certificates")
    columns = (
        Column("number", N_("Number"), 14),
        Column("name", N_("Name"), 26),
        Column("event", N_("Event"), 14),
        Column("title", N_("Title"), 30, sortable=False),
        Column("issued_on", N_("Issued"), 10),
        Column("state", N_("State"), 8),
        Column("verification_code", N_("Verification code"), 14, sortable=False),
    )
    default_sort = "number"
    filters = (Filter("state", N_("State"), lambda db: [(k, _(v)) for k, v in STATES.items()]),)
    empty_text = N_("No certificates issued yet.")
    no_match_text = N_("No certificate matches this search.")

    def base(self) -> Select[Any]:
        return (
            select(Certificate.id)
            .join(Person, Person.id == Certificate.person_id)
            .join(Event, Event.id == Certificate.event_id)
            .where(Certificate.deleted.is_(False))
        )

    def search_column(self) -> ColumnElement[Any]:
        return Person.search_text

    def where(self, query: ListQuery) -> list[ColumnElement[Any]]:
        state = query.filters.get("state")
        if state == "valid":
            return [Certificate.revoked.is_(False)]
        if state == "revoked":
            return [Certificate.revoked.is_(True)]
        return []

    def sort_expressions(self, key: str, lang: str) -> list[ColumnElement[Any]]:
        name = getattr(Person, f"sort_{lang}", Person.sort_en)
        table: dict[str, list[ColumnElement[Any]]] = {
            "number": [Certificate.number],
            "name": [name, Certificate.number],
            "event": [Event.code, name],
            "issued_on": [Certificate.issued_on, Certificate.number],
            "state": [Certificate.revoked, Certificate.number],
        }
        return table.get(key, [Certificate.number])

    def fetch(self, db: Database, session: Session, ids: Sequence[str]) -> list[Row]:
        lang = current_language()
        rows = session.execute(
            select(Certificate, Person.first_name, Person.last_name, Event)
            .join(Person, Person.id == Certificate.person_id)
            .join(Event, Event.id == Certificate.event_id)
            .where(Certificate.id.in_(ids))
        ).all()
        return [
            Row(
                c.id,
                (c.number, f"{last} {first}", e.code, e.title_in(lang),
                 format_short_date(c.issued_on), _(STATES[_state(c.revoked)]),
                 c.verification_code),
                archived=c.revoked,
            )
            for c, first, last, e in rows
        ]


register(CertificatesLister())
