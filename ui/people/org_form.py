"""The organisation form: a new organisation or an edit, with a draft of what is typed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.services import choices, organisations
from app.services.organisations import OrganisationData
from ui.context import AppContext
from ui.people import labels
from ui.widgets.code_combo import CodeCombo
from ui.widgets.draft_form import DraftForm

TEXT_FIELDS = ("name", "short_name", "registration_code", "email", "phone", "website",
               "address", "postal_code", "city")


class OrganisationForm(DraftForm):
    draft_kind = "organisation"

    def __init__(self, ctx: AppContext, org_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, org_id, parent)
        self.setObjectName("organisation_form")
        self.setMinimumWidth(560)
        self._base = (organisations.get_organisation(ctx.db, org_id) if org_id
                      else OrganisationData())
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            self.edits[name] = edit
        self.edits["postal_code"].setMaximumWidth(120)
        self.edits["registration_code"].setMaximumWidth(160)
        self.kind = CodeCombo(self)
        self.kind.setObjectName("kind")
        self.municipality = CodeCombo(self)
        self.municipality.setObjectName("municipality_code")
        self.community = CodeCombo(self)
        self.community.setObjectName("community_code")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

        form = QFormLayout()
        e = self.edits
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

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.load(self._from_data(self._base))
        if offer_draft:
            self.offer_draft()
        self.edits["name"].setFocus()

    @staticmethod
    def _from_data(o: OrganisationData) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(o, name) for name in TEXT_FIELDS}
        out.update(kind=o.kind, municipality_code=o.municipality_code or "",
                   community_code=o.community_code or "", notes=o.notes)
        return out

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        out["kind"] = self.kind.code() or ""
        out["municipality_code"] = self.municipality.code() or ""
        out["community_code"] = self.community.code() or ""
        out["notes"] = self.notes.toPlainText()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for name, edit in self.edits.items():
            edit.setText(str(values.get(name, "") or ""))
        self.kind.set_code(values.get("kind") or "ngo")
        self.municipality.set_code(values.get("municipality_code") or None)
        self.community.set_code(values.get("community_code") or None)
        self.notes.setPlainText(str(values.get("notes", "") or ""))

    def data(self) -> OrganisationData:
        v = self.values()
        return replace(
            self._base, **{name: v[name] for name in TEXT_FIELDS},
            kind=v["kind"] or "ngo", municipality_code=v["municipality_code"] or None,
            community_code=v["community_code"] or None, notes=v["notes"],
        )

    def save(self) -> OrganisationData:
        saved = organisations.save_organisation(self.ctx.db, self.data())
        self.ctx.bus.publish(saved.changes)
        return saved.value

    def retranslate(self) -> None:
        super().retranslate()
        if self.record_id:
            self.setWindowTitle(_("Edit organisation: {name}").format(name=self._base.name))
        else:
            self.setWindowTitle(_("New organisation"))
        loading, self._loading = self._loading, True
        self.kind.set_choices(choices.ref_list(self.ctx.db, "organisation_kind"))
        self.municipality.set_choices(choices.municipalities(self.ctx.db), blank="—")
        self.community.set_choices(choices.communities(self.ctx.db),
                                   blank=labels.community_not_stated())
        self._loading = loading
