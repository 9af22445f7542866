"""The Advocacy runs tab: one change pursued per run, its steps, proposals and responses.

The list on the left; on the right a bar of what can be done with the selected run and its
detail: the timeline of steps, the proposals (overdue responses in red), the run's events with
attendance, products and publications. Double-click a row to edit it. Across runs: the overdue
responses and the figures for the funder.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QWidget

from app.errors import UserError
from app.i18n import N_, _
from app.services.results import EVENTS, NETWORKS, ORGANISATIONS, REFERENCE, RUNS
from ui.advocacy.content import PRODUCTS, PROPOSALS, PUBLICATIONS, STEPS, run_content
from ui.context import AppContext
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

# The forms, dialogs and services behind the detail and the actions (the ORM) are imported when
# first used: the tab opens with its list only (plain SQL).
if TYPE_CHECKING:
    from app.services.advocacy import RunDetail
    from ui.advocacy.forms import (
        EvaluationForm,
        ProductForm,
        ProposalForm,
        PublicationForm,
        RunForm,
        StepForm,
    )
    from ui.advocacy.products_dialog import ProductsDialog
    from ui.advocacy.report_dialogs import FiguresDialog, OverdueDialog


ACTIONS = {
    "new_run": (N_("New run…"), N_("An advocacy run: one change pursued in a law, regulation "
                                   "or programme")),
    "edit_run": (N_("Edit run…"), N_("Change the selected run")),
    "dossier": (N_("Run dossier PDF…"), N_("Goal, timeline, proposals and outcomes, events")),
    "overdue": (N_("Overdue responses…"), N_("Proposals across all runs whose response is "
                                             "overdue")),
    "figures": (N_("Figures…"), N_("Proposals, networks and products for the funder's "
                                   "results")),
    "new_institution": (N_("New institution…"), N_("A target institution not in the list")),
    "products": (N_("Products and publications…"), N_("Every product with its evaluations, "
                                                      "and every publication")),
    "add_step": (N_("New step…"), N_("A step on the run's timeline")),
    "add_proposal": (N_("New proposal…"), N_("A proposal sent to an institution")),
    "edit_proposal": (N_("Proposal and response…"),
                      N_("Change the selected proposal or record the institution's response")),
    "new_round_table": (N_("New round table…"), N_("A round table or seminar of the run, "
                                                   "with attendance like any event")),
    "add_product": (N_("New product…"), N_("A product the run promotes")),
    "evaluate": (N_("Add evaluation…"), N_("An evaluation or presentation of the selected "
                                           "product")),
    "add_publication": (N_("New publication…"), N_("An article in the press")),
}
RECORD_ACTIONS = ("edit_run", "dossier", "add_step", "add_proposal", "edit_proposal",
                  "new_round_table", "add_product", "evaluate", "add_publication")


class AdvocacyTab(RecordActionsTab):
    kinds = frozenset({RUNS, ORGANISATIONS, NETWORKS, EVENTS, REFERENCE})
    list_share = 0.42  # the detail's tables need more room than the list
    list_kind = "runs"
    record_actions = RECORD_ACTIONS
    placeholder = N_("Select an advocacy run in the list to see its steps and proposals.")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.current: RunDetail | None = None
        self.dialog: Any = None
        self.today: dt.date | None = None  # tests fix "today"
        super().__init__(ctx, parent)
        self.setObjectName("advocacy_tab")
        self.actions_ = ActionSet(self, ACTIONS, {
            "new_run": self.new_run, "edit_run": self.edit_run, "dossier": self.dossier_pdf,
            "overdue": self.show_overdue, "figures": self.show_figures,
            "new_institution": self.new_institution, "products": self.show_products,
            "add_step": self.add_step,
            "add_proposal": self.add_proposal, "edit_proposal": self.edit_proposal,
            "new_round_table": self.new_round_table, "add_product": self.add_product,
            "evaluate": self.evaluate_product, "add_publication": self.add_publication})
        self.bar = detail_with_bar(self, [self.actions_[n] for n in (
            "add_step", "add_proposal", "edit_proposal", "new_round_table", "add_product",
            "evaluate", "add_publication")])
        self.panel.activated.connect(lambda _id: self.edit_run())
        self.show_record(self.panel.current_id())

    # -- AreaTab ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Advocacy runs")

    def toolbar_actions(self) -> list[Any]:
        return [self.actions_[n] for n in ("new_run", "edit_run", "dossier", "overdue",
                                           "figures", "products", "new_institution")]

    def detail_content(self, record_id: str) -> DetailContent:
        from app.services.advocacy import get_run
        from app.services.run_files import file_counts

        self.current = d = get_run(self.ctx.db, record_id, today=self.today)
        files = {**file_counts(self.ctx.db, "run_steps", [x.id for x in d.steps]),
                 **file_counts(self.ctx.db, "publications", [p.id for p in d.publications])}
        return run_content(d, files)

    def table_slots(self) -> list[tuple[str, Any]]:
        return [(STEPS, self.edit_step), (PROPOSALS, self.edit_proposal),
                (PRODUCTS, self.edit_product), (PUBLICATIONS, self.edit_publication)]

    def open_run(self, run_id: str) -> None:
        self.panel.search.clear()
        self._reshow(run_id)

    # -- actions ------------------------------------------------------------------------------

    def new_run(self) -> RunForm:
        from ui.advocacy.forms import RunForm

        form = RunForm(self.ctx, None, self)
        open_dialog(self, form, lambda: self._reshow(getattr(form.saved_value, "id", None)))
        return form

    def edit_run(self) -> RunForm | None:
        if self.current is None:
            return None
        from ui.advocacy.forms import RunForm

        return self._open(RunForm(self.ctx, self.current.id, self))

    def add_step(self) -> StepForm | None:
        if self.current is None:
            return None
        from ui.advocacy.forms import StepForm

        return self._open(StepForm(self.ctx, self.current.id, None, self))

    def edit_step(self) -> StepForm | None:
        if self.current is None:
            return None
        step = self._selected(STEPS, self.current.steps,
                              N_("Select a step in the Steps table first."))
        if step is None:
            return None
        from ui.advocacy.forms import StepForm

        return self._open(StepForm(self.ctx, self.current.id, step.id, self))

    def add_proposal(self) -> ProposalForm | None:
        if self.current is None:
            return None
        from ui.advocacy.forms import ProposalForm

        return self._open(ProposalForm(self.ctx, self.current.id, None, self))

    def edit_proposal(self) -> ProposalForm | None:
        if self.current is None:
            return None
        proposal = self._selected(PROPOSALS, self.current.proposals,
                                  N_("Select a proposal in the Proposals table first."))
        if proposal is None:
            return None
        from ui.advocacy.forms import ProposalForm

        return self._open(ProposalForm(self.ctx, self.current.id, proposal.id, self))

    def new_round_table(self) -> Any:
        if self.current is None:
            return None
        from ui.trainings.event_form import EventForm

        form = EventForm(self.ctx, None, self, offer_draft=False)
        form.combos["kind"].set_code("round_table")
        form.combos["run_id"].set_code(self.current.id)
        form.combos["cert_rule"].set_code("none")
        form.edits["title_lt"].setText(self.current.title)
        return self._open(form)

    def add_product(self) -> ProductForm | None:
        if self.current is None:
            return None
        from ui.advocacy.forms import ProductForm

        return self._open(ProductForm(self.ctx, None, self.current.id, self))

    def edit_product(self) -> ProductForm | None:
        if self.current is None:
            return None
        product = self._selected(PRODUCTS, self.current.products,
                                 N_("Select a product in the Products table first."))
        if product is None:
            return None
        from ui.advocacy.forms import ProductForm

        return self._open(ProductForm(self.ctx, product.id, None, self))

    def evaluate_product(self) -> EvaluationForm | None:
        if self.current is None:
            return None
        product = self._selected(PRODUCTS, self.current.products,
                                 N_("Select a product in the Products table first."))
        if product is None:
            return None
        from ui.advocacy.forms import EvaluationForm

        return self._open(EvaluationForm(self.ctx, product.id, self))

    def add_publication(self) -> PublicationForm | None:
        if self.current is None:
            return None
        from ui.advocacy.forms import PublicationForm

        return self._open(PublicationForm(self.ctx, None, self.current.id, self))

    def edit_publication(self) -> PublicationForm | None:
        if self.current is None:
            return None
        pub = self._selected(PUBLICATIONS, self.current.publications,
                             N_("Select a publication in the Publications table first."))
        if pub is None:
            return None
        from ui.advocacy.forms import PublicationForm

        return self._open(PublicationForm(self.ctx, pub.id, None, self))

    def new_institution(self) -> str | None:
        name, ok = QInputDialog.getText(self, _("New institution"),
                                        _("Name of the institution:"))
        if not ok or not name.strip():
            return None
        from app.services.advocacy_editing import add_institution

        try:
            saved = add_institution(self.ctx.db, name)
        except UserError as exc:
            ask.warn(self, exc.text())
            return None
        self.ctx.bus.publish(saved.changes)
        return saved.value

    def show_overdue(self) -> OverdueDialog:
        from ui.advocacy.report_dialogs import OverdueDialog

        dialog = OverdueDialog(self.ctx, self.open_run, self.today, self)
        open_dialog(self, dialog)
        return dialog

    def show_products(self) -> ProductsDialog:
        from ui.advocacy.products_dialog import ProductsDialog

        dialog = ProductsDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self._after())
        open_dialog(self, dialog)
        return dialog

    def show_figures(self) -> FiguresDialog:
        from ui.advocacy.report_dialogs import FiguresDialog

        dialog = FiguresDialog(self.ctx, self.today, self)
        open_dialog(self, dialog)
        return dialog

    def dossier_pdf(self, lang: str | None = None) -> None:
        """Ask the language (unless given), build the dossier on the worker, then show it."""
        if self.current is None:
            return
        if lang is None:
            options = DocumentOptions(_("Run dossier"), self)
            if not options.exec():
                return
            lang = options.lang()
        today = self.today or dt.date.today()
        db, run_id, code, chosen = self.ctx.db, self.current.id, self.current.code, lang

        def build(_progress: Any) -> bytes:
            return dossier_bytes(db, run_id, chosen, today)

        self.ctx.jobs.run(build, on_done=lambda data: show_document(
            self, data, _("Run dossier"), f"{code} {today.isoformat()}.pdf"),
            label=_("Preparing the run dossier…"))


def dossier_bytes(db: Any, run_id: str, lang: str, today: dt.date) -> bytes:
    """The run dossier PDF (runs on the worker: no widgets here)."""
    from app.documents.run_dossier import render_run_dossier
    from app.services.advocacy import get_run

    detail = get_run(db, run_id, today=today, lang=lang)
    return render_run_dossier(detail, lang, db.local_office().name, today)
