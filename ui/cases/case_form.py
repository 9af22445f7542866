"""Opening a case or changing its facts: the beneficiary, the needs, the idea, the business."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QTabWidget, QWidget

from app.i18n import N_, _
from app.services import case_editing, choices
from app.services.case_editing import DIGITAL_SKILLS, LANGUAGE_LEVELS, CaseData
from app.services.cases import PLAN_STATUS
from app.services.event_pickers import person_choices, person_labels
from ui.cases.form_dialog import FormDialog
from ui.context import AppContext
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.record_picker import RecordPicker

PAGE_FIELDS = {
    "beneficiary_id": 0, "consultant_id": 0, "opened_on": 0, "municipality_code": 0, "notes": 0,
    "state_language_level": 1, "digital_skills": 1, "skills": 1, "resources": 1, "barriers": 1,
    "business_idea": 2, "sector": 2, "market": 2, "plan_status": 2, "legal_form": 2,
    "registered_on": 2, "business_code": 2, "business_name": 2, "started_on": 2,
}


def _text(parent: QWidget, value: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlainText(value)
    box.setTabChangesFocus(True)
    box.setFixedHeight(64)
    return box


class CaseForm(FormDialog):
    draft_kind = "case"

    def __init__(self, ctx: AppContext, case_id: str | None, today: dt.date,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, _("New case") if case_id is None else _("Edit the case"), parent,
                         draft_key=case_id)
        db = ctx.db
        self.data = case_editing.get_case_data(db, case_id) if case_id else CaseData(
            opened_on=today)
        d = self.data
        self.pages = QTabWidget(self)
        forms = []
        for title in (N_("Case"), N_("Needs assessment"), N_("Business")):
            page = QWidget(self.pages)
            form = QFormLayout(page)
            self.pages.addTab(page, _(title))
            forms.append(form)
        self.layout_.insertWidget(0, self.pages)
        labels = person_labels(db, [d.beneficiary_id, d.consultant_id or ""])
        self.beneficiary = RecordPicker(lambda text: person_choices(db, text), self)
        self.beneficiary.set_record(d.beneficiary_id or None, labels.get(d.beneficiary_id, ""))
        self.beneficiary.setPlaceholderText(_("Type a name to search the registry"))
        self.beneficiary.setMinimumWidth(360)
        self.consultant = RecordPicker(lambda text: person_choices(db, text), self)
        self.consultant.set_record(d.consultant_id, labels.get(d.consultant_id or "", ""))
        self.opened = DateEdit("opened_on", self)
        self.opened.set_date(d.opened_on)
        self.municipality = CodeCombo(self)
        self.municipality.set_choices(choices.municipalities(db, short=False), blank="")
        self.municipality.set_code(d.municipality_code)
        self.notes = _text(self, d.notes)
        self.level = CodeCombo(self)
        self.level.set_choices([(x, x) for x in LANGUAGE_LEVELS], blank=_("(not assessed)"))
        self.level.set_code(d.state_language_level)
        self.digital = CodeCombo(self)
        self.digital.set_choices([(k, _(v)) for k, v in DIGITAL_SKILLS.items()],
                                 blank=_("(not assessed)"))
        self.digital.set_code(d.digital_skills)
        self.skills, self.resources = _text(self, d.skills), _text(self, d.resources)
        self.barriers = _text(self, d.barriers)
        self.idea = _text(self, d.business_idea)
        self.sector, self.market = QLineEdit(d.sector, self), _text(self, d.market)
        self.plan = CodeCombo(self)
        self.plan.set_choices([(k, _(v)) for k, v in PLAN_STATUS.items()], blank=_("(none yet)"))
        self.plan.set_code(d.plan_status)
        self.legal_form = CodeCombo(self)
        self.legal_form.set_choices(choices.ref_list(db, "legal_form"), blank=_("(not yet)"))
        self.legal_form.set_code(d.legal_form)
        self.registered, self.started = DateEdit("registered_on", self), DateEdit("started_on",
                                                                                  self)
        self.registered.set_date(d.registered_on)
        self.started.set_date(d.started_on)
        self.business_code = QLineEdit(d.business_code, self)
        self.business_name = QLineEdit(d.business_name, self)
        rows = (
            ("beneficiary_id", N_("Beneficiary"), self.beneficiary),
            ("consultant_id", N_("Consultant"), self.consultant),
            ("opened_on", N_("Opened"), self.opened),
            ("municipality_code", N_("Municipality"), self.municipality),
            ("notes", N_("Notes"), self.notes),
            ("state_language_level", N_("State language level"), self.level),
            ("digital_skills", N_("Digital skills"), self.digital),
            ("skills", N_("Skills"), self.skills),
            ("resources", N_("Resources"), self.resources),
            ("barriers", N_("Barriers"), self.barriers),
            ("business_idea", N_("Business idea"), self.idea),
            ("sector", N_("Sector"), self.sector),
            ("market", N_("Market"), self.market),
            ("plan_status", N_("Business plan"), self.plan),
            ("legal_form", N_("Legal form"), self.legal_form),
            ("registered_on", N_("Business registered"), self.registered),
            ("business_code", N_("Business code"), self.business_code),
            ("business_name", N_("Business name"), self.business_name),
            ("started_on", N_("Started"), self.started),
        )
        for field, msgid, widget in rows:
            self.add(field, msgid, widget, forms[PAGE_FIELDS[field]])
        self.start_drafts(offer_draft)

    def show_error(self, exc: Exception) -> None:  # type: ignore[override]
        field = getattr(exc, "field", None)
        if field in PAGE_FIELDS:
            self.pages.setCurrentIndex(PAGE_FIELDS[field])
        super().show_error(exc)  # type: ignore[arg-type]

    def save(self) -> CaseData:
        data = replace(
            self.data, beneficiary_id=self.beneficiary.record_id() or "",
            consultant_id=self.consultant.record_id(), opened_on=self.opened.date(),
            municipality_code=self.municipality.code(), notes=self.notes.toPlainText(),
            state_language_level=self.level.code() or "",
            digital_skills=self.digital.code() or "", skills=self.skills.toPlainText(),
            resources=self.resources.toPlainText(), barriers=self.barriers.toPlainText(),
            business_idea=self.idea.toPlainText(), sector=self.sector.text(),
            market=self.market.toPlainText(), plan_status=self.plan.code() or "",
            legal_form=self.legal_form.code(), registered_on=self.registered.date(),
            business_code=self.business_code.text(), business_name=self.business_name.text(),
            started_on=self.started.date())
        saved = case_editing.save_case(self.ctx.db, data)
        self.ctx.bus.publish(saved.changes)
        return saved.value
