"""The network form, the member form and the work programme item form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import N_, _
from app.services import choices, event_pickers
from app.services.network_editing import (
    MemberData,
    NetworkData,
    WorkItemData,
    add_interest_tag,
    interest_choices,
    load_member,
    load_network,
    load_work_item,
    network_events,
    remove_work_item,
    save_member,
    save_network,
    save_work_item,
)
from app.services.network_pickers import organisation_choices, organisation_label
from app.services.networks import MEMBER_ROLE, NETWORK_STATUS, WORK_STATUS, get_network
from ui.context import AppContext
from ui.networks.spec_form import Spec, SpecForm, iso, split_tags


def code_labels(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, _(msgid)) for code, msgid in mapping.items()]


class NetworkForm(SpecForm):
    draft_kind = "network"

    def __init__(self, ctx: AppContext, network_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        db = ctx.db
        self._base = load_network(db, network_id) if network_id else NetworkData()
        b = self._base
        self.specs = (
            Spec("name", N_("Name")),
            Spec("region", N_("Region")),
            Spec("status", N_("Status"), "combo", lambda: code_labels(NETWORK_STATUS)),
            Spec("lead_organisation_id", N_("Lead organisation"), "picker",
                 search=lambda text: organisation_choices(db, text)),
            Spec("founded_on", N_("Founded"), "date"),
            Spec("transferred_from", N_("Transferred from")),
            Spec("municipality_codes", N_("Municipalities covered"), "checks",
                 lambda: choices.municipalities(db, short=False), column=1),
            Spec("description", N_("Description"), "multiline", column=1),
        )
        lead = [b.lead_organisation_id, organisation_label(db, b.lead_organisation_id)] \
            if b.lead_organisation_id else None
        initial = {"name": b.name, "region": b.region, "status": b.status,
                   "lead_organisation_id": lead, "founded_on": iso(b.founded_on),
                   "transferred_from": b.transferred_from, "description": b.description,
                   "municipality_codes": list(b.municipality_codes)}
        super().__init__(ctx, network_id, initial, parent, offer_draft)

    def window_title(self) -> str:
        return _("Edit network: {name}").format(name=self._base.name) if self.record_id \
            else _("New network")

    def save(self) -> Any:
        v = self.values()
        data = NetworkData(
            id=self.record_id, name=v["name"], region=v["region"],
            status=v["status"] or "forming",
            lead_organisation_id=self.picked("lead_organisation_id"),
            founded_on=self.date("founded_on"), transferred_from=v["transferred_from"],
            description=v["description"], municipality_codes=tuple(v["municipality_codes"]))
        saved = save_network(self.ctx.db, data)
        self.ctx.bus.publish(saved.changes)
        return saved.value


class MemberForm(SpecForm):
    draft_kind = "network_member"

    def __init__(self, ctx: AppContext, network_id: str, member_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        db = ctx.db
        self.network_id = network_id
        self._base = load_member(db, member_id) if member_id else MemberData(
            network_id=network_id)
        b = self._base
        self.specs = (
            Spec("organisation_id", N_("Organisation"), "picker",
                 search=lambda text: organisation_choices(db, text)),
            Spec("role", N_("Role"), "combo", lambda: code_labels(MEMBER_ROLE)),
            Spec("joined_on", N_("Joined"), "date"),
            Spec("left_on", N_("Left"), "date"),
            Spec("contact_person_id", N_("Contact person"), "picker",
                 search=lambda text: event_pickers.person_choices(db, text)),
            Spec("interest_codes", N_("Interests"), "checks",
                 lambda: interest_choices(db), column=1),
            Spec("free_interests", N_("Other interests"), column=1),
        )
        org = [b.organisation_id, organisation_label(db, b.organisation_id)] \
            if b.organisation_id else None
        contact = None
        if b.contact_person_id:
            names = event_pickers.person_labels(db, [b.contact_person_id])
            contact = [b.contact_person_id, names.get(b.contact_person_id, "")]
        initial = {"organisation_id": org, "role": b.role, "joined_on": iso(b.joined_on),
                   "left_on": iso(b.left_on), "contact_person_id": contact,
                   "interest_codes": list(b.interest_codes),
                   "free_interests": ", ".join(b.free_interests)}
        super().__init__(ctx, member_id, initial, parent, offer_draft)
        other = self.widgets["free_interests"]
        other.setToolTip(_("Interests not in the shared list, separated by commas."))

    def window_title(self) -> str:
        return _("Edit member") if self.record_id else _("Add a member")

    def save(self) -> Any:
        v = self.values()
        free = split_tags(v["free_interests"])
        data = MemberData(
            id=self.record_id, network_id=self.network_id,
            organisation_id=self.picked("organisation_id"), role=v["role"] or "member",
            joined_on=self.date("joined_on"), left_on=self.date("left_on"),
            contact_person_id=self.picked("contact_person_id"),
            interest_codes=tuple(v["interest_codes"]), free_interests=free)
        saved = save_member(self.ctx.db, data)
        self.ctx.bus.publish(saved.changes)
        return saved.value


def share_interest(ctx: AppContext, name: str) -> str:
    """Put a free interest on the shared list; returns its code."""
    saved = add_interest_tag(ctx.db, name)
    ctx.bus.publish(saved.changes)
    return saved.value


class WorkItemForm(SpecForm):
    draft_kind = "work_item"

    def __init__(self, ctx: AppContext, network_id: str, item_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        db = ctx.db
        self.network_id = network_id
        self._base = load_work_item(db, item_id) if item_id else WorkItemData(
            network_id=network_id)
        b = self._base

        def members() -> list[tuple[str, str]]:
            d = get_network(db, network_id)
            return [(m.id, m.organisation) for m in d.members if m.current
                    or m.id == b.responsible_member_id]

        self.specs = (
            Spec("title", N_("Title")),
            Spec("responsible_member_id", N_("Responsible"), "combo", members, blank=True),
            Spec("starts_on", N_("Start date"), "date"),
            Spec("due_on", N_("End date"), "date"),
            Spec("status", N_("Status"), "combo", lambda: code_labels(WORK_STATUS)),
            Spec("description", N_("Description"), "multiline"),
            Spec("event_ids", N_("Linked events"), "checks",
                 lambda: network_events(db, network_id), column=1),
        )
        initial = {"title": b.title, "responsible_member_id": b.responsible_member_id or "",
                   "starts_on": iso(b.starts_on), "due_on": iso(b.due_on), "status": b.status,
                   "description": b.description, "event_ids": list(b.event_ids)}
        super().__init__(ctx, item_id, initial, parent, offer_draft)

    def remover(self) -> tuple[str, Any] | None:
        def remove() -> None:
            self.ctx.bus.publish(remove_work_item(self.ctx.db, self.record_id or "").changes)

        return _("Remove this item from the work programme?"), remove

    def window_title(self) -> str:
        return _("Edit work programme item") if self.record_id \
            else _("New work programme item")

    def save(self) -> Any:
        v = self.values()
        data = WorkItemData(
            id=self.record_id, network_id=self.network_id, title=v["title"],
            description=v["description"],
            responsible_member_id=v["responsible_member_id"] or None,
            starts_on=self.date("starts_on"), due_on=self.date("due_on"),
            status=v["status"] or "planned", event_ids=tuple(v["event_ids"]))
        saved = save_work_item(self.ctx.db, data)
        self.ctx.bus.publish(saved.changes)
        return saved.value
