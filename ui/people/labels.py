"""Translated labels of the registry's codes, made at display time (never at import)."""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import N_, _, ngettext, pgettext
from app.services.listers.people import LANG_NAMES

GENDERS = (("f", N_("female")), ("m", N_("male")))
ROLE_KINDS = {
    "chair": N_("Chair"),
    "board": N_("Board member"),
    "staff": N_("Staff"),
    "member": N_("Member"),
    "volunteer": N_("Volunteer"),
    "contact": N_("Contact person"),
}
def community_not_stated() -> str:
    return pgettext("community", "not stated")


CONSENT_FORMS = {"written": N_("written"), "electronic": N_("electronic"), "oral": N_("oral")}


def genders() -> list[tuple[str, str]]:
    return [("", pgettext("gender", "not stated"))] + [(c, _(label)) for c, label in GENDERS]


def gender(code: str) -> str:
    return dict(genders()).get(code or "", code)


def languages() -> list[tuple[str, str]]:
    return [(code, _(label)) for code, label in LANG_NAMES.items()]


def language(code: str | None) -> str:
    return _(LANG_NAMES[code]) if code in LANG_NAMES else (code or "")


def role_kinds() -> list[tuple[str, str]]:
    return [(code, _(label)) for code, label in ROLE_KINDS.items()]


def role_kind(code: str) -> str:
    return _(ROLE_KINDS[code]) if code in ROLE_KINDS else code


def consent_forms() -> list[tuple[str, str]]:
    return [(code, _(label)) for code, label in CONSENT_FORMS.items()]


def consent_form(code: str) -> str:
    return _(CONSENT_FORMS[code]) if code in CONSENT_FORMS else code


# What a person is linked to: one plural text per table that points at people.
_LINKS: dict[str, Callable[[int], str]] = {
    "registrations": lambda n: ngettext("{n} registration", "{n} registrations", n),
    "certificates": lambda n: ngettext("{n} certificate", "{n} certificates", n),
    "business_cases": lambda n: ngettext(
        "{n} micro-business case", "{n} micro-business cases", n),
    "event_trainers": lambda n: ngettext(
        "trainer at {n} event", "trainer at {n} events", n),
    "sessions": lambda n: ngettext("trainer of {n} session", "trainer of {n} sessions", n),
    "case_stage_changes": lambda n: ngettext(
        "{n} stage change recorded", "{n} stage changes recorded", n),
    "case_activities": lambda n: ngettext(
        "{n} consultation given", "{n} consultations given", n),
    "case_next_actions": lambda n: ngettext(
        "responsible for {n} next action", "responsible for {n} next actions", n),
    "network_members": lambda n: ngettext(
        "contact person of {n} network member", "contact person of {n} network members", n),
    "run_steps": lambda n: ngettext(
        "responsible for {n} advocacy step", "responsible for {n} advocacy steps", n),
    "person_roles": lambda n: ngettext(
        "{n} role in an organisation", "{n} roles in organisations", n),
    "consents": lambda n: ngettext("{n} consent", "{n} consents", n),
}
# Shown in their own sections of the card, not among the linked records.
SHOWN_ELSEWHERE = frozenset({"person_roles", "consents"})


def link_text(table: str, n: int) -> str:
    make = _LINKS.get(table)
    if make is None:
        return _("{table}: {n}").format(table=table.replace("_", " "), n=n)
    return make(n).format(n=n)


# Why the duplicate finder proposes a pair (its reasons are msgids).
REASONS = (N_("similar name"), N_("same e-mail"), N_("same phone"), N_("same registration code"))


def reasons(msgids: tuple[str, ...]) -> str:
    return ", ".join(_(m) for m in msgids)
