"""The coordinator's stage editor: a stage's name in the four languages and the facts it needs.

The stages are listed on the left in their fixed order; the right side edits the one selected.
Edits are kept per stage until Save, which hands them all to the service (app.services.
case_stage_editing); a name left empty is shown under its box, with that stage selected.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_, _, current_language
from app.services import case_stage_editing as editing
from app.services.case_stage_editing import CHOOSABLE_FACTS, LANG_NAMES, LANGS, StageEdit
from app.services.case_stages import FACT_LABELS
from ui.context import AppContext
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors

NOTE = N_("The order and the codes of the stages are fixed: cases, the board and the funnel "
          "figures depend on them. Here you can rename a stage in each language and choose the "
          "facts a case needs before it leaves the stage. Your changes reach the offices in your "
          "next exchange files.")
TERMINAL_NOTE = N_("A case enters this stage by being closed, which always asks for the reason; "
                   "it needs no other facts.")


class StageEditorDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage_editor")
        self.ctx = ctx
        self.saved = False
        self.edits = {e.code: e for e in editing.stage_edits(ctx.db)}
        self.current: str | None = None
        self.errors = FieldErrors()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.stage_list = QListWidget(self)
        self.stage_list.setObjectName("stage_list")
        self.stage_list.setMinimumWidth(220)
        self.names: dict[str, QLineEdit] = {}
        self.name_labels: dict[str, QLabel] = {}
        names_form = QFormLayout()
        names_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for lang in LANGS:
            edit = QLineEdit(self)
            edit.setObjectName(f"name_{lang}")
            edit.setMaxLength(editing.NAME_LIMIT)
            edit.setMinimumWidth(280)
            label = QLabel(self)
            label.setBuddy(edit)
            self.names[lang], self.name_labels[lang] = edit, label
            names_form.addRow(label, self.errors.wrap(f"name_{lang}", edit, self))
            edit.textEdited.connect(lambda text, lang=lang: self._name_edited(lang, text))
        self.facts_box = QGroupBox(self)
        facts_layout = QVBoxLayout(self.facts_box)
        self.facts: dict[str, QCheckBox] = {}
        for fact in CHOOSABLE_FACTS:
            box = QCheckBox(self.facts_box)
            box.setObjectName(f"fact_{fact}")
            self.facts[fact] = box
            facts_layout.addWidget(box)
        self.terminal_note = QLabel(self.facts_box)
        self.terminal_note.setWordWrap(True)
        facts_layout.addWidget(self.terminal_note)
        right = QVBoxLayout()
        right.addLayout(names_form)
        right.addWidget(self.facts_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.stage_list)
        columns.addLayout(right, 1)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for e in self.edits.values():
            item = QListWidgetItem(self.stage_list)
            item.setData(Qt.ItemDataRole.UserRole, e.code)
        self.stage_list.currentRowChanged.connect(self._row_changed)
        self.retranslate()
        if self.stage_list.count():
            self.stage_list.setCurrentRow(0)
        ctx.bus.language_changed.connect(lambda _lang: self.retranslate())

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(_("Stages of the creation model"))
        self.note.setText(_(NOTE))
        for lang, label in self.name_labels.items():
            label.setText(_("Name in {language}:").format(language=_(LANG_NAMES[lang])))
        self.facts_box.setTitle(_("Facts needed before a case leaves this stage"))
        for fact, box in self.facts.items():
            box.setText(_(FACT_LABELS[fact]))
        self.terminal_note.setText(_(TERMINAL_NOTE))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))
        self._label_items()

    def _label_items(self) -> None:
        lang = current_language()
        for row in range(self.stage_list.count()):
            item = self.stage_list.item(row)
            e = self.edits[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(e.names.get(lang) or e.names.get("en") or e.code)

    # -- editing -------------------------------------------------------------------------------

    def _store(self) -> None:
        """Keep what the right side shows in the working copy of the current stage."""
        if self.current is None:
            return
        e = self.edits[self.current]
        self.edits[self.current] = replace(
            e, names={lang: self.names[lang].text() for lang in LANGS},
            required=e.required if e.terminal else tuple(
                f for f, box in self.facts.items() if box.isChecked()))

    def _row_changed(self, row: int) -> None:
        self._store()
        self.errors.clear()
        item = self.stage_list.item(row) if row >= 0 else None
        self.current = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if self.current is None:
            return
        e = self.edits[self.current]
        for lang, edit in self.names.items():
            edit.setText(e.names.get(lang, ""))
        for fact, box in self.facts.items():
            box.setChecked(fact in e.required)
            box.setEnabled(not e.terminal)
            box.setVisible(not e.terminal)
        self.terminal_note.setVisible(e.terminal)

    def _name_edited(self, lang: str, text: str) -> None:
        item = self.stage_list.currentItem()
        if item is not None and lang == current_language():
            item.setText(text or (self.current or ""))

    def select(self, code: str) -> None:
        for row in range(self.stage_list.count()):
            if self.stage_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.stage_list.setCurrentRow(row)
                return

    def stage_edits(self) -> list[StageEdit]:
        """The working copy, with what is on screen now."""
        self._store()
        return list(self.edits.values())

    def submit(self) -> bool:
        self.errors.clear()
        self.general_error.setVisible(False)
        try:
            saved = editing.save_stage_edits(self.ctx.db, self.stage_edits())
        except ValidationError as exc:
            code, _sep, field = exc.field.partition(".")
            self.select(code)
            if not self.errors.show(field, exc.text()):
                self._general(exc.text())
            return False
        except UserError as exc:
            self._general(exc.text())
            return False
        self.saved = True
        self.ctx.bus.publish(saved.changes)
        self.accept()
        return True

    def _general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(True)
