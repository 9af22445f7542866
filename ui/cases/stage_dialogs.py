"""Moving a case to another stage (asking for missing facts or a reason) and closing it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from app.errors import ValidationError
from app.i18n import N_, _
from app.services import case_stages, choices
from app.services.case_stages import MissingFactsError
from ui.cases.form_dialog import FormDialog
from ui.context import AppContext
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit


def required_date(edit: DateEdit) -> dt.date:
    value = edit.date()
    if value is None:
        raise ValidationError(edit.field, N_("Enter the date."))
    return value


class MoveStageDialog(FormDialog):
    """Move to `to_stage` on a date with a note. When the stages passed lack facts, the dialog
    names them and asks for the reason to move on without them (or Cancel, to add them)."""

    def __init__(self, ctx: AppContext, case_id: str, from_label: str, to_stage: str,
                 today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Move the case"), parent)
        self.case_id, self.to_stage = case_id, to_stage
        labels = dict((s.code, s.label) for s in case_stages.stages(ctx.db))
        self.heading = QLabel(_("From {old} to {new}").format(old=from_label or "–",
                                                           new=labels.get(to_stage, to_stage)),
                              self)
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.set_save_text(N_("Move"))
        self.layout_.insertWidget(0, self.heading)
        self.date = DateEdit("date", self)
        self.date.set_date(today)
        self.note = QLineEdit(self)
        self.note.setMinimumWidth(360)
        self.add("date", N_("Date"), self.date)
        self.add("note", N_("Note"), self.note)
        self.missing = case_stages.missing_facts(ctx.db, case_id, to_stage)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missing_facts")
        self.missing_label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(_("Why the case moves on without them"))
        self.layout_.insertWidget(1, self.missing_label)
        self.today = today
        self.edit_button = QPushButton(_("Add them to the case…"), self)
        self.edit_button.setObjectName("add_facts")
        self.edit_button.clicked.connect(self.add_facts)
        self.layout_.insertWidget(2, self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add("reason", N_("Reason"), self.reason)
        self._show_missing(self.missing)

    def _show_missing(self, facts: list[str]) -> None:
        self.missing = facts
        shown = bool(facts)
        self.missing_label.setVisible(shown)
        self.edit_button.setVisible(shown)
        box = self.reason.parentWidget()
        assert box is not None
        box.setVisible(shown)
        label = self.form.labelForField(box)
        if label is not None:
            label.setVisible(shown)
        if shown:
            items = "".join(f"<li>{t}</li>" for t in case_stages.fact_labels(facts))
            self.missing_label.setText(_("These facts are not recorded yet:") + f"<ul>{items}</ul>"
                                       + _("Add them to the case, or record why the case moves "
                                           "on without them."))
        self.adjustSize()

    def add_facts(self) -> None:
        """Open the case form; on return, check again what is still missing."""
        from app.services.cases import get_case
        from ui.cases.case_form import CaseForm
        from ui.cases.line_dialogs import FinancingDialog, OutcomeDialog

        in_form = {"needs_summary", "business_idea", "plan_status", "legal_form",
                   "registered_on"}
        if in_form & set(self.missing):
            CaseForm(self.ctx, self.case_id, self.today, self).exec()
        else:
            case = get_case(self.ctx.db, self.case_id, today=self.today)
            cls = FinancingDialog if "financing_status" in self.missing else OutcomeDialog
            cls(self.ctx, case, self.today, parent=self).exec()
        self._show_missing(case_stages.missing_facts(self.ctx.db, self.case_id, self.to_stage))

    def save(self) -> str:
        try:
            return self._move()
        except MissingFactsError as exc:
            self._show_missing(list(exc.facts))
            raise

    def _move(self) -> str:
        saved = case_stages.move_stage(self.ctx.db, self.case_id, self.to_stage,
                                       required_date(self.date),
                                       note=self.note.text(),
                                       reason=self.reason.toPlainText())
        self.ctx.bus.publish(saved.changes)
        return saved.value


class CloseCaseDialog(FormDialog):
    def __init__(self, ctx: AppContext, case_id: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Close the case"), parent)
        self.case_id = case_id
        self.set_save_text(N_("Close the case"))
        self.reason = CodeCombo(self)
        self.reason.set_choices(choices.ref_list(ctx.db, "close_reason"),
                                blank=_("(choose a reason)"))
        self.date = DateEdit("date", self)
        self.date.set_date(today)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.setMinimumWidth(360)
        self.add("reason", N_("Reason"), self.reason)
        self.add("date", N_("Date"), self.date)
        self.add("note", N_("Note"), self.note)

    def save(self) -> str:
        saved = case_stages.close_case(self.ctx.db, self.case_id, self.reason.code() or "",
                                       required_date(self.date),
                                       note=self.note.toPlainText())
        self.ctx.bus.publish(saved.changes)
        return saved.value
