"""Record a person's consent to store their national community (GDPR Art. 9)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_, _
from app.i18n.formats import format_date
from app.services import choices, people
from app.services.people import PersonData
from ui.context import AppContext
from ui.people import labels
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors


class ConsentDialog(QDialog):
    def __init__(self, ctx: AppContext, person: PersonData,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent_dialog")
        self.ctx = ctx
        self.person = person
        self.saved: PersonData | None = None
        self.current = next((c for c in people.consents(ctx.db, person.id or "")
                             if c.purpose == "community" and c.withdrawn_on is None), None)
        self.setMinimumWidth(520)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.errors = FieldErrors()
        self.community = CodeCombo(self)
        self.community.setObjectName("community_code")
        self.given_on = DateEdit("given_on", self)
        self.given_on.setObjectName("given_on")
        self.given_on.set_date(dt.date.today())
        self.given_on.problem.connect(self._date_problem)
        self.form_kind = CodeCombo(self)
        self.form_kind.setObjectName("form")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        self.form_labels: list[tuple[QLabel, str]] = []
        for field, msgid, widget in (
            ("community_code", N_("National community"), self.community),
            ("given_on", N_("Consent given on"), self.given_on),
            ("form", N_("Form of consent"), self.form_kind),
            ("note", N_("Note"), self.note),
        ):
            label = QLabel(self)
            label.setBuddy(widget)
            self.form_labels.append((label, msgid))
            form.addRow(label, self.errors.wrap(field, widget, self))
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        ctx.bus.language_changed.connect(self._on_language)
        self.retranslate()
        self.community.set_code(person.community_code)
        self.form_kind.set_code("written")
        if self.current is not None:  # a consent is on record: only the community may change
            self.given_on.set_date(self.current.given_on)
            self.form_kind.set_code(self.current.form)
            self.note.setPlainText(self.current.note)
            for widget in (self.given_on, self.form_kind, self.note):
                widget.setEnabled(False)

    def submit(self) -> bool:
        self.errors.clear()
        self.general_error.setVisible(False)
        try:
            community = self.community.code()
            if not community:
                raise ValidationError("community_code",
                                      N_("Choose the national community the person stated."))
            given = self.given_on.date()
            if given is None:
                raise ValidationError("given_on", N_("Enter the date the consent was given."))
            saved = people.record_consent(self.ctx.db, self.person.id or "", community, given,
                                          self.form_kind.code() or "written",
                                          self.note.toPlainText())
        except UserError as exc:
            field = exc.field if isinstance(exc, ValidationError) else ""
            if not (field and self.errors.show(field, exc.text())):
                self.general_error.setText(exc.text())
                self.general_error.setVisible(True)
            return False
        self.saved = saved.value
        self.ctx.bus.publish(saved.changes)
        self.accept()
        return True

    def _date_problem(self, text: str) -> None:
        if text:
            self.errors.show("given_on", text)
        else:
            self.errors.clear("given_on")

    def retranslate(self) -> None:
        self.setWindowTitle(_("Consent of {name}").format(name=self.person.full_name))
        self.intro.setText(_(
            "A national community is special-category personal data. Record it only with the "
            "person's consent: when it was given, in what form, and for this purpose (stating "
            "the community in the registry). The person can withdraw it at any time; the "
            "community is then erased."))
        if self.current is not None:
            self.intro.setText(self.intro.text() + "\n\n" + _(
                "Consent was recorded on {date}. Here you can only correct the community; "
                "to end the consent, use “Withdraw consent”.").format(
                    date=format_date(self.current.given_on)))
        for label, msgid in self.form_labels:
            label.setText(_(msgid))
        self.community.set_choices(choices.communities(self.ctx.db), blank="—")
        self.form_kind.set_choices(labels.consent_forms())
        self.given_on.retranslate()
        self.save_button.setText(_("Save") if self.current else _("Record consent"))
        self.cancel_button.setText(_("Cancel"))

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
