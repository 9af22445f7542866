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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.i18n import N_, _
from app.services import choices, people, person_search
from app.services.people import PersonData
from app.services.person_search import SimilarPerson
from app.services.results import Saved
from ui.context import AppContext
from ui.people import labels
from ui.people.registry_form import RegistryForm

SIMILAR_DELAY_MS = 300
MAX_SHOWN = 3
TEXT_FIELDS = ("first_name", "last_name", "birth_year", "email", "phone", "address",
               "postal_code", "city")
NOT_A_YEAR = N_("The year of birth is a number, e.g. 1979.")


class PersonForm(RegistryForm):
    draft_kind = "person"
    text_fields = TEXT_FIELDS
    first_field = "first_name"
    new_title = N_("New person")
    edit_title = N_("Edit person: {name}")
    open_person_requested = Signal(str)

    def __init__(self, ctx: AppContext, person_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, person_id, parent)
        self.setObjectName("person_form")
        self._base = people.get_person(ctx.db, person_id) if person_id else PersonData()
        self.similar: list[SimilarPerson] = []
        e = self.edits
        e["birth_year"].setMaxLength(4)
        e["birth_year"].setMaximumWidth(120)
        e["postal_code"].setMaximumWidth(120)
        self.gender = self.code_combo("gender")
        self.municipality = self.code_combo("municipality_code")
        self.language = self.code_combo("preferred_language", "lt")

        form = QFormLayout()
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

        self._similar_timer = QTimer(self, singleShot=True, interval=SIMILAR_DELAY_MS)
        self._similar_timer.timeout.connect(self.check_similar)
        for name in ("first_name", "last_name", "birth_year"):
            e[name].textChanged.connect(lambda _t: self._similar_timer.start())
        self.finish(form, offer_draft, self.warning)

    # -- values -------------------------------------------------------------------------------

    def record_name(self) -> str:
        return self._base.full_name

    def from_data(self) -> dict[str, Any]:
        p = self._base
        return {
            "first_name": p.first_name, "last_name": p.last_name,
            "birth_year": str(p.birth_year) if p.birth_year else "", "gender": p.gender,
            "email": p.email, "phone": p.phone, "address": p.address,
            "postal_code": p.postal_code, "city": p.city,
            "municipality_code": p.municipality_code or "",
            "preferred_language": p.preferred_language, "notes": p.notes,
        }

    def fill_choices(self) -> None:
        self.gender.set_choices(labels.genders())
        self.municipality.set_choices(choices.municipalities(self.ctx.db), blank="—")
        self.language.set_choices(labels.languages())

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

    def store(self, data: PersonData) -> Saved[PersonData]:
        return people.save_person(self.ctx.db, data)

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
        self.edits["birth_year"].setPlaceholderText(_("e.g. 1979"))
        self._retranslate_warning()
