"""The conflicts inbox: edits made at the same time in two offices, side by side.

Each item shows the record, the field(s), the value the record has now and the other office's
value, with who changed each and when. "Keep" leaves the record as it is, "Take the other"
writes the other value, "Edit" writes a value typed here; each resolution travels to the other
offices with the next file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, ngettext
from app.services import conflicts
from app.services.conflicts import ConflictItem
from app.services.results import Changes
from ui.context import AppContext
from ui.exchange import common


class ConflictsDialog(common.JobDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts_dialog")
        self.ctx = ctx
        self.items: list[ConflictItem] = []
        self.editors: dict[str, QLineEdit] = {}

        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.list = QListWidget(self)
        self.list.setObjectName("conflicts")
        self.list.currentRowChanged.connect(self.show_item)
        self.empty = common.wrapped_label(self, "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.detail = QWidget(self)
        self.title = common.wrapped_label(self.detail, "title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.grid_host = QWidget(self.detail)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.hint = common.wrapped_label(self.detail, "hint")
        self.error = common.wrapped_label(self.detail, "error")
        self.error.setStyleSheet("color: #a40000;")
        self.keep = QPushButton(self.detail)
        self.keep.setObjectName("keep")
        self.take_other = QPushButton(self.detail)
        self.take_other.setObjectName("take_other")
        self.edit = QPushButton(self.detail)
        self.edit.setObjectName("edit")
        self.save_edit = QPushButton(self.detail)
        self.save_edit.setObjectName("save_edit")
        self.save_edit.hide()
        self.keep.clicked.connect(lambda: self.resolve(conflicts.KEEP))
        self.take_other.clicked.connect(lambda: self.resolve(conflicts.TAKE_OTHER))
        self.edit.clicked.connect(self.start_edit)
        self.save_edit.clicked.connect(lambda: self.resolve(conflicts.EDIT))
        actions = QHBoxLayout()
        for button in (self.keep, self.take_other, self.edit, self.save_edit):
            actions.addWidget(button)
        actions.addStretch(1)
        side = QVBoxLayout(self.detail)
        side.addWidget(self.title)
        side.addWidget(self.grid_host)
        side.addWidget(self.hint)
        side.addWidget(self.error)
        side.addStretch(1)
        side.addLayout(actions)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([280, 620])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.resize(920, 520)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Conflicts to review"))
        self.empty.setText(
            _(
                "No conflicts to review.\n\nWhen two offices change the same "
                "thing at the same time, both values are kept and shown here "
                "so that you can choose."
            )
        )
        self.keep.setText(_("Keep"))
        self.keep.setToolTip(_("Leave the record as it is now"))
        self.take_other.setText(_("Take the other"))
        self.take_other.setToolTip(_("Use the other office's value instead"))
        self.edit.setText(_("Edit…"))
        self.edit.setToolTip(_("Type the right value yourself"))
        self.save_edit.setText(_("Save my value"))

    def reload(self, keep_row: int = 0) -> None:
        self.items = conflicts.open_conflicts(self.ctx.db)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            fields = ", ".join(f.label for f in item.fields)
            row = QListWidgetItem(f"{item.record_label}\n{item.what} · {fields}")
            self.list.addItem(row)
        self.list.blockSignals(False)
        has = bool(self.items)
        self.splitter.setVisible(has)
        self.empty.setVisible(not has)
        self.count.setVisible(has)
        self.count.setText(
            ngettext("{n} conflict to review", "{n} conflicts to review", len(self.items)).format(
                n=len(self.items)
            )
        )
        if has:
            self.list.setCurrentRow(min(keep_row, len(self.items) - 1))  # shows the item

    def current(self) -> ConflictItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_item(self, row: int) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.editors = {}
        self.error.clear()
        self.save_edit.hide()
        item = self.items[row] if 0 <= row < len(self.items) else None
        if item is None:
            return
        self.title.setText(f"{item.what}: {item.record_label}")
        now = _("Now\n{office}, {when}").format(office=item.current_office, when=item.current_when)
        other = _("The other office's value\n{office}, {when}").format(
            office=item.other_office, when=item.other_when
        )
        for col, text in enumerate(("", now, other)):
            head = QLabel(text, self.grid_host)
            head.setWordWrap(True)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.grid.addWidget(head, 0, col)
        for r, f in enumerate(item.fields, start=1):
            self.grid.addWidget(QLabel(f.label, self.grid_host), r, 0)
            for col, text in ((1, f.current_text), (2, f.other_text)):
                value = common.wrapped_label(self.grid_host, f"value_{f.field}_{col}")
                value.setText(text)
                value.setFrameShape(QLabel.Shape.StyledPanel)
                self.grid.addWidget(value, r, col)
        if item.kind == "archive":
            self.hint.setText(
                _(
                    "{office} archived this record while {other} was changing it. "
                    "Keep it archived, or take the other office's edit to bring "
                    "the record back."
                ).format(office=item.current_office, other=item.other_office)
            )
        else:
            self.hint.setText(
                _(
                    "Both offices changed this at the same time. The record shows "
                    "the later change; nothing is lost until you choose."
                )
            )
        self.edit.setEnabled(item.editable)

    def start_edit(self) -> None:
        item = self.current()
        if item is None:
            return
        head = QLabel(_("Your value"), self.grid_host)
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        self.grid.addWidget(head, 0, 3)
        for r, f in enumerate(item.fields, start=1):
            editor = QLineEdit(self.grid_host)
            editor.setObjectName(f"edit_{f.field}")
            editor.setText("" if f.current is None else str(f.current))
            self.grid.addWidget(editor, r, 3)
            self.editors[f.field] = editor
        self.grid.setColumnStretch(3, 1)
        self.save_edit.show()
        self.edit.setEnabled(False)
        if self.editors:
            next(iter(self.editors.values())).setFocus()

    def resolve(self, choice: str) -> None:
        item = self.current()
        if item is None:
            return
        values = (
            {name: e.text() for name, e in self.editors.items()}
            if choice == conflicts.EDIT
            else None
        )
        row, db = self.list.currentRow(), self.ctx.db

        def done(changes: Changes) -> None:
            self.ctx.bus.publish(changes)
            self.reload(keep_row=row)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.error.setText(exc.text())
            else:
                from ui.errors import show_error

                show_error(type(exc), exc, exc.__traceback__, logged=True)

        self.run_job(
            self.ctx.jobs,
            lambda _progress: conflicts.resolve(db, item.ids, choice, values),
            on_done=done,
            on_error=failed,
            label=_("Saving…"),
        )
