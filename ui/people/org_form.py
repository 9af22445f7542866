"""The organisation form: a new organisation or an edit, with a draft of what is typed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget

from app.i18n import N_
from app.services import choices, organisations
from app.services.organisations import OrganisationData
from app.services.results import Saved
from ui.context import AppContext
from ui.people import labels
from ui.people.registry_form import RegistryForm


class OrganisationForm(RegistryForm):
    draft_kind = "organisation"
    text_fields = ("name", "short_name", "registration_code", "email", "phone", "website",
                   "address", "postal_code", "city")
    first_field = "name"
    new_title = N_("New organisation")
    edit_title = N_("Edit organisation: {name}")

    def __init__(self, ctx: AppContext, org_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, org_id, parent)
        self.setObjectName("organisation_form")
        self._base = (organisations.get_organisation(ctx.db, org_id) if org_id
                      else OrganisationData())
        e = self.edits
        e["postal_code"].setMaximumWidth(120)
        e["registration_code"].setMaximumWidth(160)
        self.kind = self.code_combo("kind", "ngo")
        self.municipality = self.code_combo("municipality_code")
        self.community = self.code_combo("community_code")

        form = QFormLayout()
        self.add_row(form, "name", N_("Organisation name"), e["name"])
        self.add_row(form, "short_name", N_("Short name"), e["short_name"])
        self.add_row(form, "kind", N_("Kind"), self.kind)
        self.add_row(form, "municipality_code", N_("Municipality"), self.municipality)
        self.add_row(form, "registration_code", N_("Registration code"),
                     e["registration_code"])
        self.add_row(form, "email", N_("E-mail"), e["email"])
        self.add_row(form, "phone", N_("Phone"), e["phone"])
        self.add_row(form, "website", N_("Website"), e["website"])
        self.add_row(form, "address", N_("Address"), e["address"])
        self.add_row(form, "postal_code", N_("Postal code"), e["postal_code"])
        self.add_row(form, "city", N_("City"), e["city"])
        self.add_row(form, "community_code", N_("National community"), self.community)
        self.add_row(form, "notes", N_("Notes"), self.notes)
        self.finish(form, offer_draft)

    def record_name(self) -> str:
        return self._base.name

    def from_data(self) -> dict[str, Any]:
        o = self._base
        out: dict[str, Any] = {name: getattr(o, name) for name in self.text_fields}
        out.update(kind=o.kind, municipality_code=o.municipality_code or "",
                   community_code=o.community_code or "", notes=o.notes)
        return out

    def fill_choices(self) -> None:
        self.kind.set_choices(choices.ref_list(self.ctx.db, "organisation_kind"))
        self.municipality.set_choices(choices.municipalities(self.ctx.db), blank="—")
        self.community.set_choices(choices.communities(self.ctx.db),
                                   blank=labels.community_not_stated())

    def data(self) -> OrganisationData:
        v = self.values()
        return replace(
            self._base, **{name: v[name] for name in self.text_fields},
            kind=v["kind"], municipality_code=v["municipality_code"] or None,
            community_code=v["community_code"] or None, notes=v["notes"],
        )

    def store(self, data: OrganisationData) -> Saved[OrganisationData]:
        return organisations.save_organisation(self.ctx.db, data)
