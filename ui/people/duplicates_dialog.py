"""The duplicate finder: likely pairs, a side-by-side comparison, merge or dismiss.

Finding pairs among 100,000 people takes a while, so it runs through ctx.jobs off the GUI
thread. A merge keeps one record and takes, field by field, the value chosen with the radio
buttons; "Not a duplicate" remembers the pair so that it is not proposed again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.errors import UserError
from app.i18n import N_, _, ngettext
from app.services import choices, duplicates, organisations, people, person_search
from app.services.duplicates import Candidate
from ui.context import AppContext
from ui.people import labels
from ui.widgets import ask

PERSON_LABELS = {
    "first_name": N_("First name"), "last_name": N_("Last name"),
    "birth_year": N_("Year of birth"), "gender": N_("Gender"), "email": N_("E-mail"),
    "phone": N_("Phone"), "address": N_("Address"), "postal_code": N_("Postal code"),
    "city": N_("City"), "municipality_code": N_("Municipality"),
    "preferred_language": N_("Preferred language"), "notes": N_("Notes"),
}
ORG_LABELS = {
    "name": N_("Organisation name"), "short_name": N_("Short name"), "kind": N_("Kind"),
    "municipality_code": N_("Municipality"), "registration_code": N_("Registration code"),
    "email": N_("E-mail"), "phone": N_("Phone"), "website": N_("Website"),
    "address": N_("Address"), "postal_code": N_("Postal code"), "city": N_("City"),
    "notes": N_("Notes"),
}
COLUMNS = (N_("First record"), N_("Second record"), N_("Score"), N_("Why"))


class DuplicatesDialog(QDialog):
    def __init__(self, ctx: AppContext, kind: str = "people",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self.ctx = ctx
        self.kind = kind
        self.fields = duplicates.PERSON_FIELDS if kind == "people" else duplicates.ORG_FIELDS
        self.field_labels = PERSON_LABELS if kind == "people" else ORG_LABELS
        self.candidates: list[Candidate] | None = None
        self.records: tuple[Any, Any] | None = None
        self.keep_group = QButtonGroup(self)
        self.keep_group.idToggled.connect(self._keep_changed)
        self.field_groups: dict[str, QButtonGroup] = {}
        self.resize(920, 680)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # grown to fit, never shrunk
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # The reasons share the width with the names (in Lithuanian they are the longest text
        # and would squeeze the names); a long one wraps and its row grows.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._show_current())

        self.compare = QWidget(self)
        self.compare.setObjectName("comparison")
        self.grid = QGridLayout(self.compare)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.compare)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.hint)
        bottom_layout.addWidget(scroll, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setSizes([240, 420])

        self.buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("merge")
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("not_duplicate")
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.merge_button.clicked.connect(self.merge)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        ctx.bus.language_changed.connect(self._on_language)
        self.retranslate()
        self._update_buttons()

    # -- finding ------------------------------------------------------------------------------

    def start(self) -> None:
        """Look for pairs in the background; the list fills when the job is done."""
        self.candidates = None
        self._fill()
        db, kind = self.ctx.db, self.kind
        self.ctx.jobs.run(lambda _progress: person_search.find_duplicates(db, kind),
                          on_done=self._found, on_error=self._failed,
                          label=_("Looking for duplicates…"))

    def _found(self, candidates: list[Candidate]) -> None:
        if not isValid(self):  # closed while the search ran
            return
        self.candidates = list(candidates)
        self._fill()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.candidates = []
        self._fill()
        text = exc.text() if isinstance(exc, UserError) else str(exc)
        self.status.setText(_("The duplicate search failed: {reason}").format(reason=text))

    def _fill(self, select_row: int = 0) -> None:
        found = self.candidates or []
        self.table.blockSignals(True)
        self.table.setRowCount(len(found))
        for i, c in enumerate(found):
            for j, text in enumerate((c.a_label, c.b_label, f"{round(c.score * 100)} %",
                                      labels.reasons(c.reasons))):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if j == 3:
                    item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self._retranslate_status()
        if found:
            self.table.selectRow(min(select_row, len(found) - 1))
        self._show_current()

    def current(self) -> Candidate | None:
        row = self.table.currentRow()
        found = self.candidates or []
        return found[row] if 0 <= row < len(found) else None

    # -- the comparison -----------------------------------------------------------------------

    def _load(self, record_id: str) -> Any:
        if self.kind == "people":
            return people.get_person(self.ctx.db, record_id)
        return organisations.get_organisation(self.ctx.db, record_id)

    def _display(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        db = self.ctx.db
        formatters: dict[str, Callable[[Any], str]] = {
            "gender": labels.gender,
            "preferred_language": labels.language,
            "municipality_code": lambda v: choices.label(choices.municipalities(db), v),
            "kind": lambda v: choices.label(choices.ref_list(db, "organisation_kind"), v),
        }
        return formatters.get(field, str)(value)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # type: ignore[call-overload]
                widget.deleteLater()
        for group in [self.keep_group, *self.field_groups.values()]:
            for button in group.buttons():
                group.removeButton(button)
        self.field_groups = {}

    def _show_current(self) -> None:
        self._clear_grid()
        c = self.current()
        self.records = None
        if c is not None:
            try:
                self.records = (self._load(c.a_id), self._load(c.b_id))
            except UserError as exc:
                self.grid.addWidget(QLabel(exc.text(), self.compare), 0, 0, 1, 3)
        if self.records is not None:
            self._build_grid(*self.records)
        self._update_buttons()

    def _build_grid(self, a: Any, b: Any) -> None:
        bold = "font-weight: bold;"
        self.grid.addWidget(QLabel("", self.compare), 0, 0)
        links: list[dict[str, int]] = []
        if self.kind == "people":
            links = [person_search.linked_counts(self.ctx.db, r.id) for r in (a, b)]
        keep_index = 1 if len(links) == 2 and sum(links[1].values()) > sum(
            links[0].values()) else 0
        for col in (1, 2):
            radio = QRadioButton(_("Keep this record"), self.compare)
            radio.setObjectName(f"keep_{col - 1}")
            radio.setStyleSheet(bold)
            self.keep_group.addButton(radio, col - 1)
            radio.setChecked(col - 1 == keep_index)
            self.grid.addWidget(radio, 0, col)
        row = 1
        for field in self.fields:
            va, vb = getattr(a, field), getattr(b, field)
            name = QLabel(_(self.field_labels[field]), self.compare)
            name.setStyleSheet("color: #555;")
            self.grid.addWidget(name, row, 0)
            if va != vb and va not in (None, "") and vb not in (None, ""):
                group = QButtonGroup(self)
                for col, value in ((1, va), (2, vb)):
                    radio = QRadioButton(self._display(field, value), self.compare)
                    radio.setObjectName(f"{field}_{col - 1}")
                    group.addButton(radio, col - 1)
                    self.grid.addWidget(radio, row, col)
                self.field_groups[field] = group
            else:
                for col, value in ((1, va), (2, vb)):
                    label = QLabel(self._display(field, value), self.compare)
                    label.setWordWrap(True)
                    if va != vb:
                        label.setStyleSheet("color: #1a5fb4;")
                    self.grid.addWidget(label, row, col)
            row += 1
        if links:
            name = QLabel(_("Linked to"), self.compare)
            name.setStyleSheet("color: #555;")
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            for col, counts in ((1, links[0]), (2, links[1])):
                text = "\n".join(labels.link_text(t, n) for t, n in sorted(counts.items()))
                label = QLabel(text or "—", self.compare)
                label.setWordWrap(True)
                self.grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
            row += 1
        self.grid.setRowStretch(row, 1)
        self._keep_changed(keep_index, True)

    def keep_index(self) -> int:
        return max(0, self.keep_group.checkedId())

    def _keep_changed(self, index: int, checked: bool) -> None:
        if not checked:
            return
        for group in self.field_groups.values():
            button = group.button(index)
            if button is not None:
                button.setChecked(True)

    def take_from_other(self) -> set[str]:
        keep = self.keep_index()
        return {f for f, g in self.field_groups.items() if g.checkedId() not in (-1, keep)}

    # -- acting -------------------------------------------------------------------------------

    def merge(self) -> bool:
        c = self.current()
        if c is None or self.records is None:
            return False
        keep = self.keep_index()
        kept, other = self.records[keep], self.records[1 - keep]
        kept_label, other_label = (c.a_label, c.b_label) if keep == 0 else (c.b_label, c.a_label)
        if not ask.confirm(
            self, _("Merge duplicates"),
            _("Merge “{other}” into “{kept}”? Everything that points at “{other}” "
              "(registrations, certificates, roles, cases) moves to “{kept}”. “{other}” stays "
              "only as a pointer to it, and the merge is recorded in the history.").format(
                other=other_label, kept=kept_label),
            _("Merge"),
        ):
            return False
        try:
            if self.kind == "people":
                saved = duplicates.merge_people(self.ctx.db, kept.id, other.id,
                                                self.take_from_other())
            else:
                saved = duplicates.merge_organisations(self.ctx.db, kept.id, other.id,
                                                       self.take_from_other())
        except UserError as exc:
            ask.warn(self, exc.text())
            return False
        self.ctx.bus.publish(saved.changes)
        self._drop(lambda x: other.id in (x.a_id, x.b_id))
        return True

    def dismiss(self) -> None:
        c = self.current()
        if c is None:
            return
        person_search.dismiss_pair(self.ctx.db, self.kind, c.a_id, c.b_id)
        self._drop(lambda x: {x.a_id, x.b_id} == {c.a_id, c.b_id})

    def _drop(self, gone: Callable[[Candidate], bool]) -> None:
        row = self.table.currentRow()
        self.candidates = [x for x in (self.candidates or []) if not gone(x)]
        self._fill(select_row=max(0, row))

    def _update_buttons(self) -> None:
        has = self.records is not None
        self.merge_button.setEnabled(has)
        self.dismiss_button.setEnabled(self.current() is not None)

    # -- language -----------------------------------------------------------------------------

    def _retranslate_status(self) -> None:
        if self.candidates is None:
            self.status.setText(_("Looking for duplicates…"))
        elif not self.candidates:
            self.status.setText(_("No likely duplicates found."))
        else:
            n = len(self.candidates)
            self.status.setText(ngettext(
                "{n} possible duplicate pair. Compare the two records, then merge them or "
                "mark them as not a duplicate.",
                "{n} possible duplicate pairs. Compare the two records, then merge them or "
                "mark them as not a duplicate.", n).format(n=n))

    def retranslate(self) -> None:
        self.setWindowTitle(_("Duplicate people") if self.kind == "people"
                            else _("Duplicate organisations"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.hint.setText(_("Where the two records differ, choose the value to keep."))
        self.merge_button.setText(_("Merge"))
        self.dismiss_button.setText(_("Not a duplicate"))
        self.close_button.setText(_("Close"))
        self._retranslate_status()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
        self._fill(select_row=max(0, self.table.currentRow()))
