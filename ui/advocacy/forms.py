"""The advocacy forms: the run, a step, a proposal (and its response), a product, an evaluation
and a publication."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import N_, _
from app.services import choices, event_pickers
from app.services.advocacy import (
    DOCUMENT_KIND,
    OUTCOME,
    PRODUCT_KIND,
    PRODUCT_STATUS,
    RUN_STATUS,
    STEP_KIND,
)
from app.services.advocacy_editing import (
    ProposalData,
    RunData,
    StepData,
    load_proposal,
    load_run,
    load_step,
    remove_proposal,
    remove_step,
    save_proposal,
    save_run,
    save_step,
)
from app.services.advocacy_products import (
    EvaluationData,
    ProductData,
    PublicationData,
    load_product,
    load_publication,
    remove_publication,
    save_evaluation,
    save_product,
    save_publication,
)
from app.services.events import LANGUAGE_NAMES
from app.services.network_pickers import (
    event_choices,
    network_choices,
    organisation_choices,
    organisation_label,
)
from ui.advocacy.files_box import FilesBox
from ui.context import AppContext
from ui.networks.forms import code_labels
from ui.networks.spec_form import Spec, SpecForm, iso


class _Form(SpecForm):
    def publish(self, saved: Any) -> Any:
        self.ctx.bus.publish(saved.changes)
        return saved.value


class RunForm(_Form):
    draft_kind = "advocacy_run"

    def __init__(self, ctx: AppContext, run_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        db = ctx.db
        self._base = load_run(db, run_id) if run_id else RunData()
        b = self._base
        orgs = {o: organisation_label(db, o) for o in b.partner_organisation_ids}
        self.specs = (
            Spec("title", N_("Title")),
            Spec("goal", N_("Goal"), "multiline"),
            Spec("document_kind", N_("Document"), "combo", lambda: code_labels(DOCUMENT_KIND)),
            Spec("document_title", N_("Document title")),
            Spec("status", N_("Status"), "combo", lambda: code_labels(RUN_STATUS)),
            Spec("lead_organisation_id", N_("Lead organisation"), "picker",
                 search=lambda text: organisation_choices(db, text)),
            Spec("started_on", N_("Started"), "date"),
            Spec("closed_on", N_("Closed"), "date"),
            Spec("institution_codes", N_("Target institutions"), "checks",
                 lambda: choices.institutions(db), column=1),
            Spec("partner_network_ids", N_("Partner networks"), "checks",
                 lambda: network_choices(db), column=1),
            Spec("partner_organisation_ids", N_("Partner organisations"), "checks",
                 lambda: sorted(orgs.items(), key=lambda p: p[1]), column=1),
            Spec("new_partner", N_("Add a partner organisation"), "picker",
                 search=lambda text: organisation_choices(db, text), column=1),
        )
        lead = [b.lead_organisation_id, organisation_label(db, b.lead_organisation_id)] \
            if b.lead_organisation_id else None
        initial = {"title": b.title, "goal": b.goal, "document_kind": b.document_kind,
                   "document_title": b.document_title, "status": b.status,
                   "lead_organisation_id": lead, "started_on": iso(b.started_on),
                   "closed_on": iso(b.closed_on),
                   "institution_codes": list(b.institution_codes),
                   "partner_network_ids": list(b.partner_network_ids),
                   "partner_organisation_ids": list(b.partner_organisation_ids),
                   "new_partner": None}
        super().__init__(ctx, run_id, initial, parent, offer_draft)

    def window_title(self) -> str:
        return _("Edit advocacy run: {code}").format(code=self._base.code) if self.record_id \
            else _("New advocacy run")

    def save(self) -> Any:
        v = self.values()
        partners = list(v["partner_organisation_ids"])
        if self.picked("new_partner"):
            partners.append(self.picked("new_partner"))
        data = RunData(
            id=self.record_id, code=self._base.code, title=v["title"], goal=v["goal"],
            document_kind=v["document_kind"] or "law", document_title=v["document_title"],
            lead_organisation_id=self.picked("lead_organisation_id"),
            status=v["status"] or "planning", started_on=self.date("started_on"),
            closed_on=self.date("closed_on"), institution_codes=tuple(v["institution_codes"]),
            partner_organisation_ids=tuple(partners),
            partner_network_ids=tuple(v["partner_network_ids"]))
        return self.publish(save_run(self.ctx.db, data))


class StepForm(_Form):
    draft_kind = "run_step"

    def __init__(self, ctx: AppContext, run_id: str, step_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        db = ctx.db
        self.run_id = run_id
        self._base = load_step(db, step_id) if step_id else StepData(run_id=run_id)
        b = self._base
        self.specs = (
            Spec("kind", N_("Step"), "combo", lambda: code_labels(STEP_KIND)),
            Spec("date", N_("Date"), "date"),
            Spec("title", N_("Title")),
            Spec("responsible_id", N_("Responsible"), "picker",
                 search=lambda text: event_pickers.person_choices(db, text)),
            Spec("event_id", N_("Event"), "combo", lambda: event_choices(db, run_id=run_id),
                 blank=True),
            Spec("notes", N_("Notes"), "multiline"),
        )
        who = None
        if b.responsible_id:
            who = [b.responsible_id,
                   event_pickers.person_labels(db, [b.responsible_id]).get(b.responsible_id, "")]
        initial = {"kind": b.kind, "date": iso(b.date), "title": b.title,
                   "responsible_id": who, "event_id": b.event_id or "", "notes": b.notes}
        super().__init__(ctx, step_id, initial, parent, offer_draft)
        self.files: FilesBox | None = None
        if step_id:
            self.files = FilesBox(ctx, "run_steps", step_id, self)
            self.add_row(self.form_layouts[0], "files", N_("Documents"), self.files)
            self.retranslate()

    def remover(self) -> tuple[str, Any] | None:
        def remove() -> None:
            self.ctx.bus.publish(remove_step(self.ctx.db, self.record_id or "").changes)

        return _("Remove this step from the run's timeline?"), remove

    def window_title(self) -> str:
        return _("Edit step") if self.record_id else _("New step")

    def save(self) -> Any:
        v = self.values()
        data = StepData(id=self.record_id, run_id=self.run_id, kind=v["kind"] or "other",
                        date=self.date("date"), title=v["title"],
                        responsible_id=self.picked("responsible_id"),
                        event_id=v["event_id"] or None, notes=v["notes"])
        return self.publish(save_step(self.ctx.db, data))


class ProposalForm(_Form):
    draft_kind = "proposal"

    def __init__(self, ctx: AppContext, run_id: str, proposal_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        db = ctx.db
        self.run_id = run_id
        self._base = load_proposal(db, proposal_id) if proposal_id else ProposalData(
            run_id=run_id)
        b = self._base
        self.specs = (
            Spec("summary", N_("Proposal"), "multiline"),
            Spec("institution_code", N_("Addressee"), "combo",
                 lambda: choices.institutions(db), blank=True),
            Spec("submitted_on", N_("Submitted"), "date"),
            Spec("registration_number", N_("Registration number")),
            Spec("response_due_on", N_("Response due"), "date"),
            Spec("response_on", N_("Response received"), "date", column=1),
            Spec("response_summary", N_("Response"), "multiline", column=1),
            Spec("outcome", N_("Outcome"), "combo", lambda: code_labels(OUTCOME), blank=True,
                 column=1),
        )
        initial = {"summary": b.summary, "institution_code": b.institution_code or "",
                   "submitted_on": iso(b.submitted_on),
                   "registration_number": b.registration_number,
                   "response_due_on": iso(b.response_due_on), "response_on": iso(b.response_on),
                   "response_summary": b.response_summary, "outcome": b.outcome}
        super().__init__(ctx, proposal_id, initial, parent, offer_draft)
        self.widgets["response_due_on"].setToolTip(_(
            "Left empty, it is counted from the submission date in working days, skipping "
            "weekends and Lithuanian public holidays."))

    def remover(self) -> tuple[str, Any] | None:
        def remove() -> None:
            self.ctx.bus.publish(remove_proposal(self.ctx.db, self.record_id or "").changes)

        return _("Remove this proposal? Use this for one entered by mistake; a proposal "
                 "that was withdrawn keeps its record with the outcome “withdrawn”."), remove

    def window_title(self) -> str:
        return _("Edit proposal") if self.record_id else _("New proposal")

    def save(self) -> Any:
        v = self.values()
        submitted, due = self.date("submitted_on"), self.date("response_due_on")
        if submitted != self._base.submitted_on and due == self._base.response_due_on:
            due = None  # a new submission date: count the due date again
        data = ProposalData(
            id=self.record_id, run_id=self.run_id, summary=v["summary"],
            institution_code=v["institution_code"] or None, submitted_on=submitted,
            registration_number=v["registration_number"],
            response_due_on=due, response_on=self.date("response_on"),
            response_summary=v["response_summary"], outcome=v["outcome"] or "")
        from app.settings import load_settings

        return self.publish(save_proposal(
            self.ctx.db, data, working_days=load_settings().response_due_working_days))


class ProductForm(_Form):
    draft_kind = "product"

    def __init__(self, ctx: AppContext, product_id: str | None = None,
                 run_id: str | None = None, parent: QWidget | None = None,
                 offer_draft: bool = True) -> None:
        db = ctx.db
        self._base = load_product(db, product_id) if product_id else ProductData(
            run_ids=(run_id,) if run_id else ())
        b = self._base
        self.specs = (
            Spec("title", N_("Title")),
            Spec("kind", N_("Kind"), "combo", lambda: code_labels(PRODUCT_KIND)),
            Spec("version", N_("Version")),
            Spec("status", N_("Status"), "combo", lambda: code_labels(PRODUCT_STATUS)),
            Spec("description", N_("Description"), "multiline"),
            Spec("run_ids", N_("Promoted by the runs"), "checks",
                 lambda: event_pickers.runs(db), column=1),
        )
        initial = {"title": b.title, "kind": b.kind, "version": b.version, "status": b.status,
                   "description": b.description, "run_ids": list(b.run_ids)}
        super().__init__(ctx, product_id, initial, parent, offer_draft)

    def window_title(self) -> str:
        return _("Edit product") if self.record_id else _("New product")

    def save(self) -> Any:
        v = self.values()
        data = ProductData(id=self.record_id, title=v["title"], kind=v["kind"] or "other",
                           version=v["version"], status=v["status"] or "draft",
                           description=v["description"], run_ids=tuple(v["run_ids"]))
        return self.publish(save_product(self.ctx.db, data))


class EvaluationForm(_Form):
    draft_kind = "product_evaluation"

    def __init__(self, ctx: AppContext, product_id: str, parent: QWidget | None = None,
                 offer_draft: bool = True) -> None:
        db = ctx.db
        self.product_id = product_id
        self.specs = (
            Spec("date", N_("Date"), "date"),
            Spec("evaluator", N_("Evaluator")),
            Spec("event_id", N_("Presented at"), "combo", lambda: event_choices(db),
                 blank=True),
            Spec("summary", N_("Evaluation"), "multiline"),
        )
        super().__init__(ctx, None, {}, parent, offer_draft)

    def window_title(self) -> str:
        return _("New evaluation")

    def save(self) -> Any:
        v = self.values()
        data = EvaluationData(product_id=self.product_id, date=self.date("date"),
                              evaluator=v["evaluator"], summary=v["summary"],
                              event_id=v["event_id"] or None)
        return self.publish(save_evaluation(self.ctx.db, data))


class PublicationForm(_Form):
    draft_kind = "publication"

    def __init__(self, ctx: AppContext, publication_id: str | None = None,
                 run_id: str | None = None, parent: QWidget | None = None,
                 offer_draft: bool = True) -> None:
        db = ctx.db
        self._base = load_publication(db, publication_id) if publication_id else \
            PublicationData(run_id=run_id)
        b = self._base
        self.specs = (
            Spec("title", N_("Title")),
            Spec("outlet", N_("Outlet")),
            Spec("date", N_("Date"), "date"),
            Spec("language", N_("Language"), "combo", lambda: code_labels(LANGUAGE_NAMES)),
            Spec("link", N_("Link or scan")),
            Spec("run_id", N_("Advocacy run"), "combo", lambda: event_pickers.runs(db),
                 blank=True),
        )
        initial = {"title": b.title, "outlet": b.outlet, "date": iso(b.date),
                   "language": b.language, "link": b.link, "run_id": b.run_id or ""}
        super().__init__(ctx, publication_id, initial, parent, offer_draft)
        self.widgets["link"].setToolTip(_("A web address, or where the scan is kept"))
        self.files: FilesBox | None = None
        if publication_id:
            self.files = FilesBox(ctx, "publications", publication_id, self)
            self.add_row(self.form_layouts[0], "files", N_("Scan"), self.files)
            self.retranslate()

    def remover(self) -> tuple[str, Any] | None:
        def remove() -> None:
            self.ctx.bus.publish(remove_publication(self.ctx.db, self.record_id or "").changes)

        return _("Remove this publication?"), remove

    def window_title(self) -> str:
        return _("Edit publication") if self.record_id else _("New publication")

    def save(self) -> Any:
        v = self.values()
        data = PublicationData(id=self.record_id, title=v["title"], outlet=v["outlet"],
                               date=self.date("date"), language=v["language"] or "lt",
                               link=v["link"], run_id=v["run_id"] or None,
                               product_id=self._base.product_id)
        return self.publish(save_publication(self.ctx.db, data))
