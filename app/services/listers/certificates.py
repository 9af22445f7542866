"""The certificate register: every certificate issued, with its state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.db import Database
from app.db.plain import as_bool, as_date, in_list
from app.i18n import N_, _, current_language
from app.i18n.formats import format_short_date
from app.services.listing import Column, Filter, Lister, ListQuery, Row, register

STATES = {"valid": N_("valid"), "revoked": N_("revoked")}
TITLE_LANGS = ("lt", "pl", "ru")  # the languages an event's title is kept in (title_<lang>)


def _state(revoked: bool) -> str:
    return "revoked" if revoked else "valid"


def _states(_db: Database) -> list[tuple[str, str]]:
    return [(k, _(v)) for k, v in STATES.items()]


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
    filters = (Filter("state", N_("State"), _states),)
    empty_text = N_("No certificates issued yet.")
    no_match_text = N_("No certificate matches this search.")
    source = ("certificates c JOIN people p ON p.id = c.person_id "
              "JOIN events e ON e.id = c.event_id")
    id_column = "c.id"

    def base_where(self) -> list[str]:
        return ["NOT c.deleted"]

    def search_column(self) -> str:
        return "p.search_text"

    def where(self, query: ListQuery, params: dict[str, Any]) -> list[str]:
        state = query.filters.get("state")
        if state == "valid":
            return ["NOT c.revoked"]
        if state == "revoked":
            return ["c.revoked"]
        return []

    def sort_expressions(self, key: str, lang: str) -> list[str]:
        name = f"p.sort_{lang}"
        table = {
            "number": ["c.number"],
            "name": [name, "c.number"],
            "event": ["e.code", name],
            "issued_on": ["c.issued_on", "c.number"],
            "state": ["c.revoked", "c.number"],
        }
        return table.get(key, ["c.number"])

    def fetch(self, db: Database, ids: Sequence[str]) -> list[Row]:
        lang = current_language()
        title = f"e.title_{lang}" if lang in TITLE_LANGS else "''"
        params: dict[str, Any] = {}
        rows = db.plain().rows(
            "SELECT c.id, c.number, p.last_name, p.first_name, e.code, "
            f"coalesce(nullif({title}, ''), e.title_lt), c.issued_on, c.revoked, "
            "c.verification_code FROM certificates c "
            "JOIN people p ON p.id = c.person_id JOIN events e ON e.id = c.event_id "
            f"WHERE c.id IN {in_list('id', ids, params)}", params)
        out = []
        for cid, number, last, first, code, event_title, issued, revoked, vcode in rows:
            is_revoked = as_bool(revoked)
            out.append(Row(
                cid,
                (number, f"{last} {first}", code, event_title, format_short_date(as_date(issued)),
                 _(STATES[_state(is_revoked)]), vcode),
                archived=is_revoked,
            ))
        return out


register(CertificatesLister())
