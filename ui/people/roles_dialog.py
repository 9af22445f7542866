"""Roles of people in organisations, from either side: add, edit, end or remove one.

`PersonRolesDialog` (from the person card) fixes the person and picks organisations;
`OrganisationRolesDialog` (from the organisation card) fixes the organisation and picks people,
or makes a new person inline. Both are the one `RolesDialog`; the side is two field names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_, _
from app.i18n.formats import format_short_date
from app.services import event_pickers, organisations, person_search
from app.services.organisations import RoleData
from app.services.people import PersonData
from ui.context import AppContext
from ui.people import labels
from ui.people.person_form import PersonForm
from ui.widgets import ask
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.record_picker import RecordPicker

COLUMNS = (N_("Role"), N_("Position"), N_("Since"), N_("Until"))  # after the other side's


class RolesDialog(QDialog):
    """The roles of one record (`owner_id`); the editor picks the record on the other side."""

    fixed_field = ""  # the RoleData field that is the owner: "person_id", "organisation_id"
    other_field = ""  # the one picked in the editor
    other_msgid = ""  # its label (first column, form row)
    not_picked_msgid = ""  # what is typed matches no single record
    title_msgid = ""  # the window title, with {name}

    def __init__(self, ctx: AppContext, owner_id: str, owner_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roles_dialog")
        self.ctx = ctx
        self.owner_id = owner_id
        self.owner_name = owner_name
        self.roles: list[RoleData] = []
        self.editing: RoleData | None = None
        self.setMinimumSize(680, 520)

        self.table = QTableWidget(0, len(COLUMNS) + 1, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_role")
        self.new_button.clicked.connect(self.new_role)
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("end_role")
        self.end_button.clicked.connect(self.end_role)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_role")
        self.remove_button.clicked.connect(self.remove_role)
        row = QHBoxLayout()
        for b in (self.new_button, self.end_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)

        self.errors = FieldErrors()
        self.editor = QGroupBox(self)
        self.picker = RecordPicker(self.search, self.editor)
        self.picker.setObjectName(self.other_field.removesuffix("_id"))
        self.kind = CodeCombo(self.editor)
        self.kind.setObjectName("role")
        self.title_edit = QLineEdit(self.editor)
        self.title_edit.setObjectName("title")
        self.since = DateEdit("since", self.editor)
        self.until = DateEdit("until", self.editor)
        for edit in (self.since, self.until):
            edit.problem.connect(lambda text, e=edit: self._date_problem(e, text))
        self.form = QFormLayout(self.editor)
        self.form_labels: list[tuple[QLabel, str]] = []
        for field, msgid, widget in (
            (self.other_field, self.other_msgid, self.picker),
            ("role", N_("Role"), self.kind), ("title", N_("Position"), self.title_edit),
            ("since", N_("Since"), self.since), ("until", N_("Until"), self.until),
        ):
            label = QLabel(self.editor)
            label.setBuddy(widget)
            self.form_labels.append((label, msgid))
            box = self.errors.wrap(field, widget, self.editor)
            self.form.addRow(label, self.picker_row(box) if widget is self.picker else box)
        self.general_error = QLabel(self.editor)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.save_button = QPushButton(self.editor)
        self.save_button.setObjectName("save_role")
        self.save_button.clicked.connect(self.save_role)
        self.form.addRow(self.general_error)
        self.form.addRow("", self.save_button)

        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.editor)
        layout.addWidget(self.close_box)
        ctx.bus.language_changed.connect(self._on_language)
        self.retranslate()
        self.reload()
        self.new_role()

    # -- the side -----------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        """(id, label) of the records on the other side that match `text`."""
        raise NotImplementedError

    def picker_row(self, box: QWidget) -> QWidget:
        """The form row of the picker (a side may add a button beside it)."""
        return box

    def blank(self) -> RoleData:
        return RoleData(**{self.fixed_field: self.owner_id})  # type: ignore[arg-type]

    def other_name(self, role: RoleData) -> str:
        return str(getattr(role, self.other_field.replace("_id", "_name")))

    # -- the list -----------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        self.roles = organisations.roles(self.ctx.db, **{self.fixed_field: self.owner_id})
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.roles))
        for i, r in enumerate(self.roles):
            values = (self.other_name(r), labels.role_kind(r.role), r.title,
                      format_short_date(r.since), format_short_date(r.until))
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if r.until and r.until < dt.date.today():
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)
        if select_id:
            for i, r in enumerate(self.roles):
                if r.id == select_id:
                    self.table.selectRow(i)
                    self._edit(r)  # the row may have been selected already: no signal
        self._update_buttons()

    def current_role(self) -> RoleData | None:
        row = self.table.currentRow()
        return self.roles[row] if 0 <= row < len(self.roles) and self.table.selectedItems() \
            else None

    def _on_select(self) -> None:
        role = self.current_role()
        if role is not None:
            self._edit(role)
        self._update_buttons()

    def _update_buttons(self) -> None:
        role = self.current_role()
        self.end_button.setEnabled(role is not None and role.until is None)
        self.remove_button.setEnabled(role is not None)

    # -- the editor ---------------------------------------------------------------------------

    def _edit(self, role: RoleData | None) -> None:
        self.editing = role
        self.errors.clear()
        self.general_error.setVisible(False)
        r = role or self.blank()
        self.picker.set_record(getattr(r, self.other_field) or None, self.other_name(r))
        self.kind.set_code(r.role)
        self.title_edit.setText(r.title)
        self.since.set_date(r.since)
        self.until.set_date(r.until)
        self._retranslate_editor()

    def new_role(self) -> None:
        self.table.clearSelection()
        self._edit(None)
        self._update_buttons()
        self.picker.setFocus()

    def _other_id(self) -> str:
        """The picked record, or the only one that matches what was typed without picking."""
        picked = self.picker.record_id()
        text = self.picker.text().strip()
        if picked or not text:
            return picked or ""
        found = self.search(text, limit=2)
        exact = [i for i, label in found if label.casefold() == text.casefold()]
        if len(found) == 1 or len(exact) == 1:
            return exact[0] if exact else found[0][0]
        raise ValidationError(self.other_field, self.not_picked_msgid)

    def save_role(self) -> bool:
        self.errors.clear()
        self.general_error.setVisible(False)
        base = self.editing or self.blank()
        try:
            data = replace(base, role=self.kind.code() or "member", title=self.title_edit.text(),
                           since=self.since.date(), until=self.until.date(),
                           **{self.other_field: self._other_id()})
            saved = organisations.save_role(self.ctx.db, data)
        except UserError as exc:
            self._show_error(exc)
            return False
        self.ctx.bus.publish(saved.changes)
        self.reload(select_id=saved.value.id)
        if self.current_role() is None:
            self.new_role()
        return True

    def end_role(self) -> None:
        role = self.current_role()
        if role is None:
            return
        try:
            saved = organisations.end_role(self.ctx.db, role.id or "", dt.date.today())
        except UserError as exc:
            self._show_error(exc)
            return
        self.ctx.bus.publish(saved.changes)
        self.reload(select_id=role.id)

    def remove_role(self) -> None:
        role = self.current_role()
        if role is None or not ask.confirm(
            self, _("Remove role"),
            _("Remove the role of {person} in “{organisation}”? Use this for a role recorded by "
              "mistake; to keep the history, end the role instead.").format(
                person=role.person_name, organisation=role.organisation_name),
            _("Remove"), danger=True,
        ):
            return
        self.ctx.bus.publish(organisations.remove_role(self.ctx.db, role.id or ""))
        self.reload()
        self.new_role()

    def _show_error(self, exc: UserError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else ""
        if not (field and self.errors.show(field, exc.text())):
            self.general_error.setText(exc.text())
            self.general_error.setVisible(True)

    def _date_problem(self, edit: DateEdit, text: str) -> None:
        if text:
            self.errors.show(edit.field, text)
        else:
            self.errors.clear(edit.field)

    # -- language -----------------------------------------------------------------------------

    def _retranslate_editor(self) -> None:
        self.editor.setTitle(_("Edit the role") if self.editing else _("New role"))
        self.save_button.setText(_("Save the role") if self.editing else _("Add the role"))

    def retranslate(self) -> None:
        self.setWindowTitle(_(self.title_msgid).format(name=self.owner_name))
        self.table.setHorizontalHeaderLabels([_(c) for c in (self.other_msgid, *COLUMNS)])
        self.new_button.setText(_("New role"))
        self.end_button.setText(_("End the role today"))
        self.remove_button.setText(_("Remove…"))
        for label, msgid in self.form_labels:
            label.setText(_(msgid))
        self.kind.set_choices(labels.role_kinds())
        self.picker.setPlaceholderText(_("Type part of the name"))
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.since.retranslate()
        self.until.retranslate()
        self._retranslate_editor()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
        self.reload()


class PersonRolesDialog(RolesDialog):
    """A person's roles in organisations (from the person card)."""

    fixed_field, other_field = "person_id", "organisation_id"
    other_msgid = N_("Organisation")
    not_picked_msgid = N_("Choose the organisation from the list that opens as you type.")
    title_msgid = N_("Roles of {name}")

    @property
    def organisation(self) -> RecordPicker:
        return self.picker

    def search(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        return person_search.organisation_choices(self.ctx.db, text, limit=limit)


class OrganisationRolesDialog(RolesDialog):
    """An organisation's people and their roles (from the organisation card). Someone not in
    the registry yet is made with the person form, duplicate warning and all."""

    fixed_field, other_field = "organisation_id", "person_id"
    other_msgid = N_("Person")
    not_picked_msgid = N_("Choose the person from the list that opens as you type.")
    title_msgid = N_("People and roles: {name}")

    def search(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        return event_pickers.person_choices(self.ctx.db, text, limit=limit)

    def picker_row(self, box: QWidget) -> QWidget:
        self.person_form: PersonForm | None = None
        self.new_person_button = QPushButton(self.editor)
        self.new_person_button.setObjectName("new_person")
        self.new_person_button.clicked.connect(self.new_person)
        row = QWidget(self.editor)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        layout.addWidget(self.new_person_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def new_person(self) -> PersonForm:
        """The person form; the person saved, or the one already there, is picked."""
        form = PersonForm(self.ctx, None, self, offer_draft=False)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.person_form = form
        form.accepted.connect(lambda: self._person_made(form.saved_value))
        form.open_person_requested.connect(self._pick_person)
        form.open()
        return form

    def _person_made(self, person: PersonData | None) -> None:
        if person is not None and person.id:
            self._pick_person(person.id)

    def _pick_person(self, person_id: str) -> None:
        label = event_pickers.person_labels(self.ctx.db, [person_id]).get(person_id, "")
        self.picker.pick(person_id, label)
        self.errors.clear(self.other_field)
        self.kind.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        self.new_person_button.setText(_("New person…"))
