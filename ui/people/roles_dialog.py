"""A person's roles in organisations: add, edit, end or remove one."""

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
from app.services import organisations, person_search
from app.services.organisations import RoleData
from ui.context import AppContext
from ui.people import labels
from ui.widgets import ask
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.record_picker import RecordPicker

COLUMNS = (N_("Organisation"), N_("Role"), N_("Position"), N_("Since"), N_("Until"))


class RolesDialog(QDialog):
    def __init__(self, ctx: AppContext, person_id: str, person_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roles_dialog")
        self.ctx = ctx
        self.person_id = person_id
        self.person_name = person_name
        self.roles: list[RoleData] = []
        self.editing: RoleData | None = None
        self.setMinimumSize(680, 520)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._on_select())
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
        self.organisation = RecordPicker(
            lambda text: person_search.organisation_choices(ctx.db, text), self.editor)
        self.organisation.setObjectName("organisation")
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
            ("organisation_id", N_("Organisation"), self.organisation),
            ("role", N_("Role"), self.kind), ("title", N_("Position"), self.title_edit),
            ("since", N_("Since"), self.since), ("until", N_("Until"), self.until),
        ):
            label = QLabel(self.editor)
            label.setBuddy(widget)
            self.form_labels.append((label, msgid))
            self.form.addRow(label, self.errors.wrap(field, widget, self.editor))
        self.general_error = QLabel(self.editor)
        self.general_error.setStyleSheet(ERROR_STYLE)
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

    # -- the list -----------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        self.roles = organisations.roles(self.ctx.db, person_id=self.person_id)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.roles))
        for i, r in enumerate(self.roles):
            values = (r.organisation_name, labels.role_kind(r.role), r.title,
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
        r = role or RoleData(person_id=self.person_id)
        self.organisation.set_record(r.organisation_id or None, r.organisation_name)
        self.kind.set_code(r.role)
        self.title_edit.setText(r.title)
        self.since.set_date(r.since)
        self.until.set_date(r.until)
        self._retranslate_editor()

    def new_role(self) -> None:
        self.table.clearSelection()
        self._edit(None)
        self._update_buttons()
        self.organisation.setFocus()

    def _org_id(self) -> str:
        picked = self.organisation.record_id()
        text = self.organisation.text().strip()
        if picked or not text:
            return picked or ""
        found = person_search.organisation_choices(self.ctx.db, text, limit=2)
        exact = [i for i, label in found if label.casefold() == text.casefold()]
        if len(found) == 1 or len(exact) == 1:
            return exact[0] if exact else found[0][0]
        raise ValidationError("organisation_id",
                              N_("Choose the organisation from the list that opens as you type."))

    def save_role(self) -> bool:
        self.errors.clear()
        self.general_error.setVisible(False)
        base = self.editing or RoleData(person_id=self.person_id)
        try:
            data = replace(base, person_id=self.person_id, organisation_id=self._org_id(),
                           role=self.kind.code() or "member", title=self.title_edit.text(),
                           since=self.since.date(), until=self.until.date())
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
            saved = organisations.save_role(self.ctx.db, replace(role, until=dt.date.today()))
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
                person=self.person_name, organisation=role.organisation_name),
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
        self.setWindowTitle(_("Roles of {name}").format(name=self.person_name))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.new_button.setText(_("New role"))
        self.end_button.setText(_("End the role today"))
        self.remove_button.setText(_("Remove…"))
        for label, msgid in self.form_labels:
            label.setText(_(msgid))
        self.kind.set_choices(labels.role_kinds())
        self.organisation.setPlaceholderText(_("Type part of the name"))
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.since.retranslate()
        self.until.retranslate()
        self._retranslate_editor()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
        self.reload()
