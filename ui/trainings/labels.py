"""Translated labels of the Trainings codes, made at display time (never at import)."""

from __future__ import annotations

from app.i18n import N_, _, pgettext
from app.services.events import EVENT_STATUS, LANGUAGE_NAMES, REGISTRATION_STATUS

MARKS = ("present", "absent", "excused")
MARK_NAMES = {"present": N_("present"), "absent": N_("absent"), "excused": N_("excused")}
CERT_RULES = {"sessions": N_("Share of sessions attended"),
              "hours": N_("Share of hours attended"),
              "none": N_("No certificates")}
SHEET_LANGS = ("lt", "pl", "ru")
# The statuses a person can set by hand ("waiting" comes from a full event, or the menu below).
SETTABLE = ("registered", "confirmed", "completed", "no_show", "cancelled", "waiting")


def _letter(text: str, fallback: str) -> str:
    return next((c.upper() for c in text if c.isalnum()), fallback)


def mark_keys() -> dict[str, str]:
    """The key that sets each mark, one letter in the UI language (shown in the legend)."""
    return {
        "present": _letter(pgettext("attendance key", "P"), "P"),
        "absent": _letter(pgettext("attendance key", "A"), "A"),
        "excused": _letter(pgettext("attendance key", "E"), "E"),
    }


def mark_name(code: str | None) -> str:
    return _(MARK_NAMES[code]) if code in MARK_NAMES else ""


def registration_status(code: str) -> str:
    return _(REGISTRATION_STATUS[code]) if code in REGISTRATION_STATUS else code


def registration_statuses() -> list[tuple[str, str]]:
    return [(c, registration_status(c)) for c in SETTABLE]


def event_statuses() -> list[tuple[str, str]]:
    return [(c, _(n)) for c, n in EVENT_STATUS.items()]


def cert_rules() -> list[tuple[str, str]]:
    return [(c, _(n)) for c, n in CERT_RULES.items()]


def language(code: str | None) -> str:
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else (code or "")


def languages(codes: tuple[str, ...] = ("lt", "pl", "ru", "en")) -> list[tuple[str, str]]:
    return [(c, language(c)) for c in codes]


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")
