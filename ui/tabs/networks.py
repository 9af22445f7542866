"""The Networks tab: regional cooperation networks, their members, work programme and meetings.

The list on the left; on the right a bar of what can be done with the selected network and its
detail: members (double-click to edit), shared interests, the work programme (late items in red,
double-click to edit) and the meetings, which are events created from here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QWidget

from app.errors import UserError
from app.i18n import N_, _
from app.services.results import EVENTS, NETWORKS, ORGANISATIONS, REFERENCE
from ui.context import AppContext
from ui.networks.content import MEMBERS, WORK, network_content
from ui.networks.tab_tools import (
    ActionSet,
    DocumentOptions,
    detail_with_bar,
    open_dialog,
    show_document,
)
from ui.tabs.detail import DetailContent
from ui.tabs.record_tab import RecordActionsTab
from ui.widgets import ask

# The detail, the forms and the services behind them are imported when first used: the tab
# opens with its list only (plain SQL), before the ORM has loaded.
if TYPE_CHECKING:
    from app.services.networks import NetworkDetail
    from ui.networks.forms import MemberForm, NetworkForm, WorkItemForm

ACTIONS = {
    "new_network": (N_("New network…"), N_("A regional cooperation network")),
    "edit_network": (N_("Edit network…"), N_("Change the selected network")),
    "summary": (N_("Network summary PDF…"),
                N_("Members, programme status and meetings, for the funder and the members")),
    "add_member": (N_("Add member…"), N_("An organisation joins the network")),
    "edit_member": (N_("Edit member…"), N_("Role, dates, contact and interests of the "
                                           "selected member")),
    "remove_member": (N_("Remove member"), N_("Remove a member entered by mistake (one who "
                                              "left gets a leaving date instead)")),
    "new_interest": (N_("New shared interest…"), N_("A tag members can choose")),
    "add_item": (N_("New programme item…"), N_("An item of the network's work programme")),
    "edit_item": (N_("Edit programme item…"), N_("Change the selected programme item")),
    "new_meeting": (N_("New meeting…"), N_("A network meeting or round table, with "
                                           "attendance like any event")),
}
RECORD_ACTIONS = ("edit_network", "summary", "add_member", "edit_member", "remove_member",
                  "add_item", "edit_item", "new_meeting")


class NetworksTab(RecordActionsTab):
    kinds = frozenset({NETWORKS, ORGANISATIONS, EVENTS, REFERENCE})
    list_share = 0.42  # the detail's tables need more room than the list
    list_kind = "networks"
    record_actions = RECORD_ACTIONS
    placeholder = N_("Select a network in the list to see its members, work programme and "
                     "meetings.")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.current: NetworkDetail | None = None
        self.dialog: Any = None
        self.today: dt.date | None = None  # tests fix "today"
        super().__init__(ctx, parent)
        self.setObjectName("networks_tab")
        self.actions_ = ActionSet(self, ACTIONS, {
            "new_network": self.new_network, "edit_network": self.edit_network,
            "summary": self.summary_pdf, "add_member": self.add_member,
            "edit_member": self.edit_member, "remove_member": self.remove_member,
            "new_interest": self.new_interest, "add_item": self.add_item,
            "edit_item": self.edit_item, "new_meeting": self.new_meeting})
        self.bar = detail_with_bar(self, [self.actions_[n] for n in (
            "add_member", "edit_member", "remove_member", "new_interest", "add_item",
            "edit_item", "new_meeting")])
        self.panel.activated.connect(lambda _id: self.edit_network())
        self.show_record(self.panel.current_id())

    # -- AreaTab ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Networks")

    def toolbar_actions(self) -> list[Any]:
        return [self.actions_[n] for n in ("new_network", "edit_network", "summary")]

    def detail_content(self, record_id: str) -> DetailContent:
        from app.services.network_interests import interests_view
        from app.services.networks import get_network

        self.current = get_network(self.ctx.db, record_id, today=self.today)
        return network_content(self.current, interests_view(self.ctx.db, record_id,
                                                             today=self.today))

    def table_slots(self) -> list[tuple[str, Any]]:
        return [(MEMBERS, self.edit_member), (WORK, self.edit_item)]

    # -- actions ------------------------------------------------------------------------------

    def new_network(self) -> NetworkForm:
        from ui.networks.forms import NetworkForm

        form = NetworkForm(self.ctx, None, self)
        open_dialog(self, form, lambda: self._reshow(getattr(form.saved_value, "id", None)))
        return form

    def edit_network(self) -> NetworkForm | None:
        if self.current is None:
            return None
        from ui.networks.forms import NetworkForm

        return self._open(NetworkForm(self.ctx, self.current.id, self))

    def add_member(self) -> MemberForm | None:
        if self.current is None:
            return None
        from ui.networks.forms import MemberForm

        return self._open(MemberForm(self.ctx, self.current.id, None, self))

    def edit_member(self) -> MemberForm | None:
        if self.current is None:
            return None
        member = self._selected(MEMBERS, self.current.members,
                                N_("Select a member in the Members table first."),
                                N_("Edit member"))
        if member is None:
            return None
        from ui.networks.forms import MemberForm

        return self._open(MemberForm(self.ctx, self.current.id, member.id, self))

    def remove_member(self) -> None:
        if self.current is None:
            return
        member = self._selected(MEMBERS, self.current.members,
                                N_("Select a member in the Members table first."),
                                N_("Remove member"))
        if member is None:
            return
        if not ask.confirm(self, _("Remove member"), _(
                "Remove {name} from the network? Use this for a member entered by mistake; "
                "an organisation that left keeps its record with a leaving date.").format(
                name=member.organisation), _("Remove"), danger=True):
            return
        from app.services.network_editing import remove_member

        saved = remove_member(self.ctx.db, member.id)
        self.ctx.bus.publish(saved.changes)
        self._reshow(self.current.id)

    def new_interest(self) -> str | None:
        name, ok = QInputDialog.getText(self, _("New shared interest"),
                                        _("Name of the interest:"))
        if not ok or not name.strip():
            return None
        from ui.networks.forms import share_interest

        try:
            code = share_interest(self.ctx, name)
        except UserError as exc:
            ask.warn(self, exc.text())
            return None
        return code

    def add_item(self) -> WorkItemForm | None:
        if self.current is None:
            return None
        from ui.networks.forms import WorkItemForm

        return self._open(WorkItemForm(self.ctx, self.current.id, None, self))

    def edit_item(self) -> WorkItemForm | None:
        if self.current is None:
            return None
        item = self._selected(WORK, self.current.work,
                              N_("Select an item in the Work programme table first."),
                              N_("Edit programme item"))
        if item is None:
            return None
        from ui.networks.forms import WorkItemForm

        return self._open(WorkItemForm(self.ctx, self.current.id, item.id, self))

    def new_meeting(self) -> Any:
        """The event form of the trainings area, set to a network meeting of this network."""
        if self.current is None:
            return None
        from ui.trainings.event_form import EventForm

        form = EventForm(self.ctx, None, self, offer_draft=False)
        form.combos["kind"].set_code("network_meeting")
        form.combos["network_id"].set_code(self.current.id)
        form.edits["title_lt"].setText(self.current.name)
        return self._open(form)

    def summary_pdf(self, lang: str | None = None, quarter: bool | None = None) -> None:
        """Ask the language (unless given), build the summary on the worker, then show it."""
        if self.current is None:
            return
        if lang is None:
            options = DocumentOptions(_("Network summary"), self, quarter_option=True)
            if not options.exec():
                return
            lang, quarter = options.lang(), options.quarter.isChecked()
        today = self.today or dt.date.today()
        db, network_id, name = self.ctx.db, self.current.id, self.current.name
        chosen, only_quarter = lang, bool(quarter)

        def build(_progress: Any) -> bytes:
            return summary_bytes(db, network_id, chosen, only_quarter, today)

        self.ctx.jobs.run(build, on_done=lambda data: show_document(
            self, data, _("Network summary"), f"{name} {today.isoformat()}.pdf"),
            label=_("Preparing the network summary…"))


def summary_bytes(db: Any, network_id: str, lang: str, quarter: bool, today: dt.date) -> bytes:
    """The network summary PDF (runs on the worker: no widgets here)."""
    from app.documents.network_summary import render_network_summary
    from app.services.figures import quarter_of
    from app.services.networks import get_network

    detail = get_network(db, network_id, today=today, lang=lang)
    return render_network_summary(detail, lang, db.local_office().name, today,
                                  period=quarter_of(today) if quarter else None)
