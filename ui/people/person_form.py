"""The person form: a new person or an edit, with a duplicate warning as the name is typed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.i18n import N_, _
from app.services import choices, people, person_search
from app.services.people import PersonData
from app.services.person_search import SimilarPerson
from ui.context import AppContext
from ui.people import labels
from ui.widgets.code_combo import CodeCombo
from ui.widgets.draft_form import DraftForm

SIMILAR_DELAY_MS = 300
MAX_SHOWN = 3
TEXT_FIELDS = ("first_name", "last_name", "birth_year", "email", "phone", "address",
               "postal_code", "city")
NOT_A_YEAR = N_("The year of birth is a number, e.g. 1979.")


class PersonForm(DraftForm):
    draft_kind = "person"
    open_person_requested = Signal(str)

    def __init__(self, ctx: AppContext, person_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, person_id, parent)
        self.setObjectName("person_form")
        self.setMinimumWidth(560)
        self._base = people.get_person(ctx.db, person_id) if person_id else PersonData()
        self.similar: list[SimilarPerson] = []

        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            self.edits[name] = edit
        self.edits["birth_year"].setMaxLength(4)
        self.edits["birth_year"].setMaximumWidth(120)
        self.edits["postal_code"].setMaximumWidth(120)
        self.gender = CodeCombo(self)
        self.gender.setObjectName("gender")
        self.municipality = CodeCombo(self)
        self.municipality.setObjectName("municipality_code")
        self.language = CodeCombo(self)
        self.language.setObjectName("preferred_language")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

        form = QFormLayout()
        e = self.edits
        self.add_row(form, "first_name", N_("First name"), e["first_name"])
        self.add_row(form, "last_name", N_("Last name"), e["last_name"])
        self.add_row(form, "birth_year", N_("Year of birth"), e["birth_year"])
        self.add_row(form, "gender", N_("Gender"), self.gender)
        self.add_row(form, "email", N_("E-mail"), e["email"])
        self.add_row(form, "phone", N_("Phone"), e["phone"])
        self.add_row(form, "address", N_("Address"), e["address"])
        self.add_row(form, "postal_code", N_("Postal code"), e["postal_code"])
        self.add_row(form, "city", N_("City"), e["city"])
        self.add_row(form, "municipality_code", N_("Municipality"), self.municipality)
        self.add_row(form, "preferred_language", N_("Preferred language"), self.language)
        self.add_row(form, "notes", N_("Notes"), self.notes)

        self.warning = QFrame(self)
        self.warning.setObjectName("duplicate_warning")
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setStyleSheet(
            "#duplicate_warning { background: #fff4ce; border: 1px solid #e0c060; }")
        self.warning_label = QLabel(self.warning)
        self.warning_label.setObjectName("duplicate_text")
        self.warning_label.setWordWrap(True)
        self.warning_buttons = QHBoxLayout()
        box = QVBoxLayout(self.warning)
        box.addWidget(self.warning_label)
        box.addLayout(self.warning_buttons)
        self.warning.setVisible(False)
        self.open_buttons: list[QPushButton] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._similar_timer = QTimer(self, singleShot=True, interval=SIMILAR_DELAY_MS)
        self._similar_timer.timeout.connect(self.check_similar)
        for name in ("first_name", "last_name", "birth_year"):
            self.edits[name].textChanged.connect(lambda _t: self._similar_timer.start())

        self.retranslate()
        self.load(self._from_data(self._base))
        if offer_draft:
            self.offer_draft()
        self.edits["first_name"].setFocus()

    # -- values -------------------------------------------------------------------------------

    @staticmethod
    def _from_data(p: PersonData) -> dict[str, Any]:
        return {
            "first_name": p.first_name, "last_name": p.last_name,
            "birth_year": str(p.birth_year) if p.birth_year else "", "gender": p.gender,
            "email": p.email, "phone": p.phone, "address": p.address,
            "postal_code": p.postal_code, "city": p.city,
            "municipality_code": p.municipality_code or "",
            "preferred_language": p.preferred_language, "notes": p.notes,
        }

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        out["gender"] = self.gender.code() or ""
        out["municipality_code"] = self.municipality.code() or ""
        out["preferred_language"] = self.language.code() or "lt"
        out["notes"] = self.notes.toPlainText()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for name, edit in self.edits.items():
            edit.setText(str(values.get(name, "") or ""))
        self.gender.set_code(values.get("gender") or "")
        self.municipality.set_code(values.get("municipality_code") or None)
        self.language.set_code(values.get("preferred_language") or "lt")
        self.notes.setPlainText(str(values.get("notes", "") or ""))

    def _birth_year(self) -> int | None:
        text = self.edits["birth_year"].text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError("birth_year", NOT_A_YEAR)
        return int(text)

    def data(self) -> PersonData:
        v = self.values()
        return replace(
            self._base,
            first_name=v["first_name"], last_name=v["last_name"], birth_year=self._birth_year(),
            gender=v["gender"], email=v["email"], phone=v["phone"], address=v["address"],
            postal_code=v["postal_code"], city=v["city"],
            municipality_code=v["municipality_code"] or None,
            preferred_language=v["preferred_language"], notes=v["notes"],
        )

    def save(self) -> PersonData:
        saved = people.save_person(self.ctx.db, self.data())
        self.ctx.bus.publish(saved.changes)
        return saved.value

    # -- the duplicate warning ----------------------------------------------------------------

    def check_similar(self) -> None:
        first = self.edits["first_name"].text().strip()
        last = self.edits["last_name"].text().strip()
        if not first or not last:
            self._show_similar([])
            return
        try:
            year = self._birth_year()
        except ValidationError:
            year = None
        self._show_similar(person_search.similar_people(
            self.ctx.db, first, last, year, exclude_id=self.record_id))

    def _show_similar(self, found: list[SimilarPerson]) -> None:
        self.similar = found
        for button in self.open_buttons:
            self.warning_buttons.removeWidget(button)
            button.deleteLater()
        self.open_buttons = []
        if not found:
            self.warning.setVisible(False)
            return
        for person in found[:MAX_SHOWN]:
            button = QPushButton(self.warning)
            button.setObjectName("open_similar")
            button.setProperty("person_id", person.id)
            button.clicked.connect(lambda _c=False, pid=person.id: self.open_instead(pid))
            self.warning_buttons.addWidget(button)
            self.open_buttons.append(button)
        self.warning_buttons.addStretch(0)
        self._retranslate_warning()
        self.warning.setVisible(True)

    def _retranslate_warning(self) -> None:
        names = ", ".join(p.label + (" " + _("(archived)") if p.archived else "")
                          for p in self.similar)
        self.warning_label.setText(
            _("Possibly already in the registry: {people}").format(people=names))
        for button, person in zip(self.open_buttons, self.similar, strict=False):
            button.setText(_("Open {name} instead").format(name=person.label))

    def open_instead(self, person_id: str) -> None:
        """Leave this form (dropping what was typed) and open the person already there."""
        self._dirty = False
        self.reject()
        self.open_person_requested.emit(person_id)

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        if self.record_id:
            self.setWindowTitle(_("Edit person: {name}").format(name=self._base.full_name))
        else:
            self.setWindowTitle(_("New person"))
        loading, self._loading = self._loading, True
        self.gender.set_choices(labels.genders())
        self.municipality.set_choices(choices.municipalities(self.ctx.db), blank="—")
        self.language.set_choices(labels.languages())
        self._loading = loading
        self.edits["birth_year"].setPlaceholderText(_("e.g. 1979"))
        self._retranslate_warning()
