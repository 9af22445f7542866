"""The detail card beside the organisations list: its facts and its people with their roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.db import Database
from app.i18n import N_, _
from app.services import choices
from ui.people.person_card import Card, join_address, merge_lines, role_line

if TYPE_CHECKING:  # the service's dataclass (its module loads the ORM)
    from app.services.person_search import OrganisationOverview


class OrganisationCard(Card):
    placeholder_text = N_("Choose an organisation in the list to see its details.")

    def __init__(self, db: Database, actions: list[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.setObjectName("organisation_card")
        self.overview: OrganisationOverview | None = None
        for key, msgid in (
            ("short_name", N_("Short name")), ("kind", N_("Kind")),
            ("municipality", N_("Municipality")),
            ("registration_code", N_("Registration code")), ("email", N_("E-mail")),
            ("phone", N_("Phone")), ("website", N_("Website")), ("address", N_("Address")),
            ("community", N_("National community")), ("notes", N_("Notes")),
        ):
            self.add_fact(key, msgid)
        self.add_section("people", N_("People"))
        self.add_section("merges", N_("Merge history"))
        self.finish(actions)
        self.retranslate()

    def show_overview(self, overview: OrganisationOverview | None) -> None:
        self.overview = overview
        if overview is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.stack.setCurrentWidget(self.body)
        o = overview.organisation
        self.title.setText(o.name)
        self.status.setText(_("Archived") if o.archived else "")
        self.status.setVisible(o.archived)
        self.set_fact("short_name", o.short_name if o.short_name != o.name else "")
        self.set_fact("kind", choices.label(choices.ref_list(self.db, "organisation_kind"),
                                            o.kind))
        self.set_fact("municipality", choices.label(choices.municipalities(self.db),
                                                    o.municipality_code))
        self.set_fact("registration_code", o.registration_code)
        self.set_fact("email", o.email)
        self.set_fact("phone", o.phone)
        self.set_fact("website", o.website)
        self.set_fact("address", join_address(o.address, o.postal_code, o.city))
        self.set_fact("community", choices.label(choices.communities(self.db),
                                                 o.community_code))
        self.set_fact("notes", o.notes)
        self.set_section("people", [role_line(r, r.person_name) for r in overview.roles],
                         _("Nobody is recorded with a role here yet."))
        self.set_section("merges", merge_lines(overview.merges))

    def retranslate(self) -> None:
        self.retranslate_labels()
        self.show_overview(self.overview)
