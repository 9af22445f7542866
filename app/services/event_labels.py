"""Events' status labels and the small display helpers every area shares (no SQLAlchemy).

Lists and the first screen import these without loading the ORM; `app.services.events`
imports them back, so there is one definition.
"""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_percent

from app.i18n import N_, _
from app.i18n.formats import babel_locale, format_short_date

EVENT_STATUS = {"planned": N_("planned"), "held": N_("held"), "cancelled": N_("cancelled")}
REGISTRATION_STATUS = {
    "registered": N_("registered"), "confirmed": N_("confirmed"), "cancelled": N_("cancelled"),
    "no_show": N_("did not come"), "completed": N_("completed"), "waiting": N_("waiting list"),
}
LANGUAGE_NAMES = {"lt": N_("Lithuanian"), "pl": N_("Polish"), "ru": N_("Russian"),
                  "en": N_("English")}


def label(mapping: dict[str, str], code: str | None) -> str:
    """The translated label of a code, or the code itself if the map does not know it."""
    if not code:
        return ""
    return _(mapping[code]) if code in mapping else code


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """'2026-03-02 – 2026-03-04' in the language's short dates; one date when they are equal."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return format_short_date(start or end)
    return _("{start} – {end}").format(start=format_short_date(start),
                                        end=format_short_date(end))


def percent(share: float) -> str:
    return format_percent(share, locale=babel_locale())


def cert_rule_text(rule: str, share: float) -> str:
    if rule == "sessions":
        return _("at least {share} of sessions").format(share=percent(share))
    if rule == "hours":
        return _("at least {share} of hours").format(share=percent(share))
    return _("no certificates for this event")
