"""The import's middle steps: the column mapping (with the header row shown) and the preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.imports.participants import FIELD_LABELS, FIELDS, Mapping, PreviewRow, remap
from ui.trainings import labels

SAMPLE_ROWS = 5
STATUS_NAMES = {"new": N_("New"), "matched": N_("Matched"),
                "registered": N_("Already registered"), "invalid": N_("Invalid")}
STATUS_COLOURS = {"new": "#e6f4ea", "matched": "#e8f0fe", "registered": "#f1f3f4",
                  "invalid": "#fce8e6"}
PREVIEW_HEADERS = (N_("Line"), N_("Name"), N_("Organisation"), N_("E-mail"), N_("Result"),
                   N_("Details"))


def column_name(index: int) -> str:
    """A, B, … Z, AA, AB: the spreadsheet's column letters."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


class MappingStep(QWidget):
    """A combo per field ("which column holds the last name?"), guessed from the header row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = []
        self.mapping = Mapping(0, {})
        self.header_row = QSpinBox(self)
        self.header_row.setObjectName("header_row")
        self.header_row.valueChanged.connect(self._header_moved)
        self.language = QComboBox(self)
        self.language.setObjectName("list_language")
        self.language.currentIndexChanged.connect(self._language_changed)
        self.combos: dict[str, QComboBox] = {}
        self.form = QFormLayout()
        self.form_labels: dict[str, QLabel] = {}
        self.header_label, self.language_label = QLabel(self), QLabel(self)
        self.form.addRow(self.header_label, self.header_row)
        self.form.addRow(self.language_label, self.language)
        for name in FIELDS:
            box = QComboBox(self)
            box.setObjectName(f"map_{name}")
            box.currentIndexChanged.connect(lambda _i, f=name: self._combo_changed(f))
            self.combos[name] = box
            self.form_labels[name] = QLabel(self)
            self.form.addRow(self.form_labels[name], box)
        self.sample = QTableWidget(self)
        self.sample.setObjectName("sample")
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample_label = QLabel(self)
        right = QVBoxLayout()
        right.addWidget(self.sample_label)
        right.addWidget(self.sample, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(right, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.header_label.setText(_("Header row:"))
        self.language_label.setText(_("Language of the list:"))
        self.language.setToolTip(_("Decides what letters such as M mean in a gender column"))
        self.sample_label.setText(_("The first rows of the file (the header row in bold):"))
        for name in FIELDS:
            self.form_labels[name].setText(_("{label}:").format(label=_(FIELD_LABELS[name])))
        code = self.mapping.language
        self.language.blockSignals(True)
        self.language.clear()
        for c, name in labels.languages():
            self.language.addItem(name, c)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)
        self._fill_combos()

    def set_rows(self, rows: list[list[str]], mapping: Mapping) -> None:
        self.rows = rows
        self.mapping = mapping
        self.header_row.blockSignals(True)
        self.header_row.setRange(1, max(1, min(10, len(rows))))
        self.header_row.setValue(mapping.header_row + 1)
        self.header_row.blockSignals(False)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(mapping.language)))
        self.language.blockSignals(False)
        self._fill_combos()
        self._fill_sample()

    def _fill_combos(self) -> None:
        header = self.rows[self.mapping.header_row] if self.rows else []
        for name, box in self.combos.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(_("— not in the list —"), None)
            for col, text in enumerate(header):
                box.addItem(_("{column}: {header}").format(column=column_name(col),
                                                           header=text or "…"), col)
            box.setCurrentIndex(max(0, box.findData(self.mapping.columns.get(name))))
            box.blockSignals(False)

    def _fill_sample(self) -> None:
        start = self.mapping.header_row
        shown = self.rows[start:start + SAMPLE_ROWS + 1]
        width = max((len(r) for r in shown), default=0)
        self.sample.clear()
        self.sample.setRowCount(len(shown))
        self.sample.setColumnCount(width)
        self.sample.setHorizontalHeaderLabels([column_name(c) for c in range(width)])
        self.sample.setVerticalHeaderLabels([str(start + 1 + i) for i in range(len(shown))])
        for r, row in enumerate(shown):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if r == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.sample.setItem(r, c, item)
        self.sample.resizeColumnsToContents()
        for c in range(width):
            self.sample.setColumnWidth(c, min(self.sample.columnWidth(c), 200))

    def _header_moved(self, value: int) -> None:
        self.mapping = Mapping(value - 1, {}, self.mapping.language)
        self._fill_combos()
        self._fill_sample()
        self.changed.emit()

    def _language_changed(self, _index: int) -> None:
        self.mapping = Mapping(self.mapping.header_row, dict(self.mapping.columns),
                               self.language.currentData() or "lt")
        self.changed.emit()

    def _combo_changed(self, name: str) -> None:
        self.mapping = remap(self.mapping, name, self.combos[name].currentData())
        self._fill_combos()  # a column given to this field is taken from any other
        self.changed.emit()

    def problem(self) -> str:
        cols = self.mapping.columns
        if "last_name" not in cols and "full_name" not in cols:
            return _("Choose the column with the last names (or with the full names).")
        if "last_name" in cols and "first_name" not in cols and "full_name" not in cols:
            return _("Choose the column with the first names too.")
        return ""


class PreviewModel(QAbstractTableModel):
    """The preview rows, each marked new, matched (with whom), already registered or invalid."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008, N802
                 ) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008, N802
                    ) -> int:
        return 0 if parent.isValid() else len(PREVIEW_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(PREVIEW_HEADERS[section])
        return None

    def text(self, row: PreviewRow, column: int) -> str:
        v = row.values
        if column == 0:
            return str(row.line)
        if column == 1:
            return v.get("full_name") or " ".join(
                p for p in (v.get("first_name", ""), v.get("last_name", "")) if p)
        if column == 2:
            return v.get("organisation", "")
        if column == 3:
            return v.get("email", "")
        if column == 4:
            return _(STATUS_NAMES.get(row.status, row.status))
        if row.status in ("matched", "registered"):
            return _("with {person}").format(person=row.match_label)
        if row.status == "new" and row.match_label:
            return _("similar to {person}, but not sure: a new person").format(
                person=row.match_label)
        return row.reason

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS.get(row.status, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202124"))
        return None
