"""Dialogs that add a line to a case: an activity, a next action, support, financing, an outcome."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import get_decimal_symbol
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.errors import ValidationError
from app.i18n import N_, _
from app.i18n.formats import babel_locale, format_number
from app.services import case_actions, case_records
from app.services.case_records import (
    ActivityData,
    FinancingData,
    OutcomeData,
    SupportData,
)
from app.services.cases import (
    ACTIVITY_KIND,
    FINANCING_SOURCE,
    FINANCING_STATUS,
    OUTCOME_POINT,
    SUPPORT_KIND,
    ActivityLine,
    CaseDetail,
    FinancingLine,
    OutcomeLine,
    SupportLine,
)
from app.services.event_pickers import person_choices, person_labels
from ui.cases.form_dialog import FormDialog
from ui.context import AppContext
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.record_picker import RecordPicker


def _pairs(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, _(msgid)) for code, msgid in mapping.items()]


def _notes(parent: QWidget, text: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlainText(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(80)
    return box


def _amount(field: str, text: str) -> Decimal | None:
    """An amount in EUR typed with a comma or a point; empty is None."""
    text = "".join(ch for ch in text if not ch.isspace() and ch not in "\u00a0\u202f'")
    if "," in text and "." in text:  # the first of them groups thousands
        text = text.replace("," if text.index(",") < text.index(".") else ".", "")
    text = text.replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidOperation
        return value.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValidationError(field, N_("Type the amount in euros, e.g. {example}."),
                              example=format_number(1250.5)) from None


def _amount_text(value: Decimal | None) -> str:
    """An amount as typed back: two decimals, the language's decimal sign, no grouping."""
    if value is None:
        return ""
    return f"{value:.2f}".replace(".", get_decimal_symbol(babel_locale()))


def _date(edit: DateEdit) -> dt.date | None:
    return edit.date()


def draft_key(case: CaseDetail, line_id: str | None) -> str:
    """A line's draft is keyed by the line; a new line's by its case."""
    return line_id or f"{case.id}-new"


class _CaseLineDialog(FormDialog):
    def __init__(self, ctx: AppContext, case: CaseDetail, title: str, today: dt.date,
                 parent: QWidget | None = None, line_id: str | None = None) -> None:
        super().__init__(ctx, title, parent, draft_key=draft_key(case, line_id))
        self.case = case
        self.today = today

    def person_picker(self, person_id: str | None) -> RecordPicker:
        picker = RecordPicker(lambda text: person_choices(self.ctx.db, text), self)
        if person_id:
            picker.set_record(person_id, person_labels(self.ctx.db, [person_id])[person_id])
        picker.setPlaceholderText(_("Type a name to search the registry"))
        return picker

    def date_edit(self, field: str, value: dt.date | None) -> DateEdit:
        edit = DateEdit(field, self)
        edit.set_date(value)
        return edit

    def publish(self, saved: Any) -> Any:
        self.ctx.bus.publish(saved.changes)
        return saved.value


class ActivityDialog(_CaseLineDialog):
    draft_kind = "case_activity"

    def __init__(self, ctx: AppContext, case: CaseDetail, today: dt.date,
                 line: ActivityLine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case, _("Log an activity") if line is None
                         else _("Change the activity"), today, parent,
                         line_id=line.id if line else None)
        self.line_id = line.id if line else None
        self.kind = CodeCombo(self)
        self.kind.set_choices(_pairs(ACTIVITY_KIND))
        self.date = self.date_edit("date", line.date if line else today)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(line.minutes if line else 60)
        self.minutes.setSuffix(_(" min"))
        self.training = CodeCombo(self)
        self.training.set_choices(case_records.attended_events(ctx.db, case.beneficiary_id),
                               blank=_("(none)"))
        self.by = self.person_picker(line.by_id if line else case.consultant_id)
        self.notes = _notes(self, line.notes if line else "")
        if line:
            self.kind.set_code(line.kind)
            self.training.set_code(line.event_id)
        self.add("kind", N_("Kind"), self.kind)
        self.add("date", N_("Date"), self.date)
        self.add("duration_minutes", N_("Duration"), self.minutes)
        self.add("event_id", N_("Training attended"), self.training)
        self.add("by_person_id", N_("By"), self.by)
        self.add("notes", N_("Notes"), self.notes)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.start_drafts()

    def _kind_changed(self) -> None:
        self.training.setEnabled(self.kind.code() == "training")

    def save(self) -> str:
        kind = self.kind.code() or ""
        return self.publish(case_records.save_activity(self.ctx.db, ActivityData(
            self.case.id, kind, _date(self.date), self.minutes.value(),
            self.training.code() if kind == "training" else None, self.by.record_id(),
            self.notes.toPlainText().strip(), self.line_id)))


class ActionDialog(_CaseLineDialog):
    draft_kind = "case_action"

    def __init__(self, ctx: AppContext, case: CaseDetail, today: dt.date,
                 action_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case, _("Plan a next action") if action_id is None
                         else _("Change the next action"), today, parent,
                         line_id=action_id)
        self.action_id = action_id
        line = next((a for a in case.actions if a.id == action_id), None)
        self.title_edit = QLineEdit(line.title if line else "", self)
        self.title_edit.setMinimumWidth(320)
        self.due = self.date_edit("due_on", line.due_on if line else today + dt.timedelta(7))
        self.responsible = self.person_picker(case.consultant_id)
        self.add("title", N_("Action"), self.title_edit)
        self.add("due_on", N_("Due"), self.due)
        self.add("responsible_id", N_("Responsible"), self.responsible)
        self.start_drafts()

    def save(self) -> str:
        return self.publish(case_actions.save_action(
            self.ctx.db, self.case.id, self.title_edit.text(), _date(self.due),
            self.responsible.record_id(), self.action_id))


class SupportDialog(_CaseLineDialog):
    draft_kind = "case_support"

    def __init__(self, ctx: AppContext, case: CaseDetail, today: dt.date,
                 line: SupportLine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case, _("Record support given") if line is None
                         else _("Change the support"), today, parent,
                         line_id=line.id if line else None)
        self.line_id = line.id if line else None
        self.kind = CodeCombo(self)
        self.kind.set_choices(_pairs(SUPPORT_KIND))
        self.description = QLineEdit(line.description if line else "", self)
        self.description.setMinimumWidth(320)
        self.date = self.date_edit("date", line.date if line else today)
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(_("(none)"))
        self.amount = QLineEdit(_amount_text(line.amount_eur) if line else "", self)
        if line:
            self.kind.set_code(line.kind)
            self.hours.setValue(line.hours or 0)
        self.add("kind", N_("Kind"), self.kind)
        self.add("description", N_("Description"), self.description)
        self.add("date", N_("Date"), self.date)
        self.add("hours", N_("Hours"), self.hours)
        self.add("amount_eur", N_("Amount (EUR)"), self.amount)
        self.start_drafts()

    def save(self) -> str:
        hours = self.hours.value() or None
        return self.publish(case_records.save_support(self.ctx.db, SupportData(
            self.case.id, self.kind.code() or "", self.description.text().strip(),
            _date(self.date), hours, _amount("amount_eur", self.amount.text()), self.line_id)))


class FinancingDialog(_CaseLineDialog):
    draft_kind = "case_financing"

    def __init__(self, ctx: AppContext, case: CaseDetail, today: dt.date,
                 line: FinancingLine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case, _("Record financing") if line is None
                         else _("Change the financing"), today, parent,
                         line_id=line.id if line else None)
        self.line_id = line.id if line else None
        self.source = CodeCombo(self)
        self.source.set_choices(_pairs(FINANCING_SOURCE))
        self.status = CodeCombo(self)
        self.status.set_choices(_pairs(FINANCING_STATUS))
        self.amount = QLineEdit(_amount_text(line.amount_eur) if line else "", self)
        self.applied = self.date_edit("applied_on", line.applied_on if line else today)
        self.decided = self.date_edit("decided_on", line.decided_on if line else None)
        if line:
            self.source.set_code(line.source)
            self.status.set_code(line.status)
        self.add("source", N_("Source"), self.source)
        self.add("status", N_("Status"), self.status)
        self.add("amount_eur", N_("Amount (EUR)"), self.amount)
        self.add("applied_on", N_("Applied"), self.applied)
        self.add("decided_on", N_("Decided"), self.decided)
        self.start_drafts()

    def save(self) -> str:
        return self.publish(case_records.save_financing(self.ctx.db, FinancingData(
            self.case.id, self.source.code() or "", self.status.code() or "",
            _amount("amount_eur", self.amount.text()), _date(self.applied),
            _date(self.decided), self.line_id)))


class OutcomeDialog(_CaseLineDialog):
    draft_kind = "case_outcome"

    def __init__(self, ctx: AppContext, case: CaseDetail, today: dt.date,
                 line: OutcomeLine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case, _("Record an outcome") if line is None
                         else _("Change the outcome"), today, parent,
                         line_id=line.id if line else None)
        self.line_id = line.id if line else None
        self.point = CodeCombo(self)
        self.point.set_choices(_pairs(OUTCOME_POINT))
        done = {o.point for o in case.outcomes}
        self.point.set_code(line.point if line else next(
            (p for p in OUTCOME_POINT if p not in done), "registration"))
        self.date = self.date_edit("date", line.date if line else today)
        self.operating = QCheckBox(_("The business is operating"), self)
        self.operating.setChecked(line.operating if line else True)
        self.revenue = CodeCombo(self)
        self.revenue.set_choices(case_records.revenue_bands(ctx.db), blank=_("(not known)"))
        self.revenue.set_code(line.revenue_band if line else None)
        self.jobs = QSpinBox(self)
        self.jobs.setRange(0, 500)
        self.jobs.setValue(line.jobs_created if line else 1)
        self.community = QSpinBox(self)
        self.community.setRange(0, 500)
        self.community.setValue(line.community_employees if line else 0)
        self.note = _notes(self, line.note if line else "")
        self.add("point", N_("When"), self.point)
        self.add("date", N_("Date"), self.date)
        self.add("operating", N_("Operating"), self.operating)
        self.add("revenue_band", N_("Revenue band (EUR a year)"), self.revenue)
        self.add("jobs_created", N_("Jobs created, the owner's included"), self.jobs)
        self.add("community_employees", N_("Employees from national communities"),
                 self.community)
        self.add("note", N_("Note"), self.note)
        self.start_drafts()

    def save(self) -> str:
        return self.publish(case_records.save_outcome(self.ctx.db, OutcomeData(
            self.case.id, self.point.code() or "", _date(self.date), self.operating.isChecked(),
            self.revenue.code() or "", self.jobs.value(), self.community.value(),
            self.note.toPlainText().strip(), self.line_id)))
