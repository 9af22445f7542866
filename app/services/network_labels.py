"""Networks' status and role labels (no SQLAlchemy): the networks list imports them without
loading the ORM; `app.services.networks` imports them back, so there is one definition."""

from __future__ import annotations

from app.i18n import N_, gettext_in

NETWORK_STATUS = {"forming": N_("forming"), "active": N_("active"), "dormant": N_("dormant"),
                  "closed": N_("closed")}
MEMBER_ROLE = {"lead": N_("lead organisation"), "member": N_("member"),
               "observer": N_("observer")}
WORK_STATUS = {"planned": N_("planned"), "in_progress": N_("in progress"), "done": N_("done"),
               "dropped": N_("dropped")}
OPEN_WORK = ("planned", "in_progress")


def label_in(lang: str, mapping: dict[str, str], code: str | None) -> str:
    """The label of a code in `lang`, or the code itself if the map does not know it."""
    if not code:
        return ""
    return gettext_in(lang, mapping[code]) if code in mapping else code
