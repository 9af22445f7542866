"""Add participants: pick people from the registry by typing, or make a new person inline.

The dialog stays open so that several people can be added one after another; each is registered
at once (on the waiting list when the event is full) and the line below says what happened.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.services import event_pickers, registrations
from app.services.people import PersonData
from ui.context import AppContext
from ui.people.person_form import PersonForm
from ui.widgets.record_picker import RecordPicker


class AddParticipantDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_participant")
        self.ctx = ctx
        self.event_id = event_id
        self.added: list[str] = []  # registration ids
        self.person_form: PersonForm | None = None
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.picker = RecordPicker(self._search, self)
        self.picker.setObjectName("person_picker")
        self.picker.picked.connect(lambda _pid: self._update())
        self.picker.returnPressed.connect(self.register_picked)
        self.register_button = QPushButton(self)
        self.register_button.setObjectName("register")
        self.register_button.clicked.connect(self.register_picked)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_person")
        self.new_button.clicked.connect(self.new_person)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self._update()
        self.picker.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Add participants"))
        self.prompt.setText(_("Type part of a name, e-mail or phone number and pick the person "
                              "from the list. Someone not in the registry yet: “New person…”."))
        self.picker.setPlaceholderText(_("Search the registry"))
        self.register_button.setText(_("Register"))
        self.new_button.setText(_("New person…"))

    def _search(self, text: str) -> list[tuple[str, str]]:
        taken = [r.person_id for r in registrations.registrations(self.ctx.db, self.event_id)
                 if r.status != "cancelled"]
        return event_pickers.person_choices(self.ctx.db, text, exclude=taken)

    def _update(self) -> None:
        self.register_button.setEnabled(self.picker.record_id() is not None)

    def register_picked(self) -> None:
        person_id = self.picker.record_id()
        if person_id:
            self.register(person_id, self.picker.text())

    def register(self, person_id: str, label: str) -> str | None:
        org = event_pickers.person_organisation_id(self.ctx.db, person_id)
        try:
            saved = registrations.register(self.ctx.db, self.event_id, person_id, org)
        except UserError as exc:
            self.result_label.setText(exc.text())
            return None
        self.ctx.bus.publish(saved.changes)
        self.added.append(saved.value)
        status = next((r.status for r in registrations.registrations(self.ctx.db, self.event_id)
                       if r.id == saved.value), "registered")
        if status == "waiting":
            self.result_label.setText(_("The event is full: {name} is on the waiting list.").format(
                name=label))
        else:
            self.result_label.setText(_("{name} is registered.").format(name=label))
        self.picker.set_record(None)
        self.picker.setFocus()
        self._update()
        return saved.value

    def new_person(self) -> PersonForm:
        """The person form (with its duplicate warning); the saved person is registered, and
        "Open … instead" registers the person already in the registry."""
        form = PersonForm(self.ctx, None, self, offer_draft=False)
        self.person_form = form
        form.accepted.connect(lambda: self._person_saved(form.saved_value))
        form.open_person_requested.connect(self._existing_chosen)
        form.open()
        return form

    def _person_saved(self, person: PersonData | None) -> None:
        if person is not None and person.id:
            self.register(person.id, person.full_name)

    def _existing_chosen(self, person_id: str) -> None:
        labels = event_pickers.person_labels(self.ctx.db, [person_id])
        self.register(person_id, labels.get(person_id, ""))
