"""What the Networks and Advocacy tabs share: named actions, a bar of them above the detail,
opening a dialog window-modal, the row picked in a detail table, and a PDF's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QTableWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, current_language
from app.services.event_labels import LANGUAGE_NAMES
from ui.widgets.code_combo import CodeCombo

Texts = dict[str, tuple[str, str]]  # name -> (text msgid, tip msgid)


class ActionSet:
    def __init__(self, owner: QWidget, texts: Texts,
                 slots: dict[str, Callable[[], Any]]) -> None:
        self.texts = texts
        self.acts: dict[str, QAction] = {}
        for name, slot in slots.items():
            act = QAction(owner)
            act.setObjectName(f"action_{name}")
            act.triggered.connect(lambda _checked=False, s=slot: s())
            self.acts[name] = act
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.acts[name]

    def retranslate(self) -> None:
        for name, act in self.acts.items():
            text, tip = self.texts[name]
            act.setText(_(text))
            act.setToolTip(_(tip))
            act.setStatusTip(_(tip))

    def enable(self, names: tuple[str, ...], on: bool) -> None:
        for name in names:
            self.acts[name].setEnabled(on)


def action_bar(parent: QWidget, actions: list[QAction]) -> QToolBar:
    """A row of text buttons; what does not fit goes into the » menu."""
    bar = QToolBar(parent)
    bar.setObjectName("record_actions")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setStyleSheet("QToolBar { border: none; spacing: 4px; }")
    bar.addActions(actions)
    return bar


def detail_with_bar(tab: Any, actions: list[QAction]) -> QToolBar:
    """Put a row of record actions above a ListDetailTab's detail, on the splitter's right."""
    right = QWidget(tab)
    box = QVBoxLayout(right)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    bar = action_bar(right, actions)
    box.addWidget(bar)
    box.addWidget(tab.detail)
    tab.splitter.insertWidget(1, right)
    return bar


def open_dialog(owner: Any, dialog: QDialog,
                on_accepted: Callable[[], Any] | None = None) -> QDialog:
    """Open window-modal without a nested event loop; `owner.dialog` keeps it for tests."""
    old = getattr(owner, "dialog", None)
    if old is not None and old is not dialog:
        try:
            if not old.isVisible():
                old.deleteLater()
        except RuntimeError:
            pass
    owner.dialog = dialog
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    dialog.open()
    return dialog


def selected_row(table: QTableWidget | None) -> int | None:
    if table is None:
        return None
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if rows:
        return rows[0].row()
    return table.currentRow() if table.currentRow() >= 0 else None


class DocumentOptions(QDialog):
    """The document's language (the current one first) and, optionally, "this quarter only"."""

    def __init__(self, title: str, parent: QWidget | None = None,
                 quarter_option: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("document_options")
        self.setWindowTitle(title)
        self.language = CodeCombo(self)
        self.language.setObjectName("language")
        self.language.set_choices([(code, _(name)) for code, name in LANGUAGE_NAMES.items()])
        self.language.set_code(current_language())
        self.quarter = QCheckBox(_("Only this quarter's meetings"), self)
        self.quarter.setObjectName("quarter")
        self.quarter.setVisible(quarter_option)
        form = QFormLayout()
        form.addRow(_("Language of the document:"), self.language)
        form.addRow("", self.quarter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Make the PDF"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def lang(self) -> str:
        return self.language.code() or current_language()


def show_document(parent: QWidget, data: bytes, title: str, file_name: str) -> Any:
    """The PDF preview of the trainings area if present; else a save dialog."""
    try:
        from ui.trainings.pdf_preview import show_pdf
    except ImportError:  # pragma: no cover - the preview is part of another area
        from app.files import write_atomic
        from ui.widgets import ask

        path = ask.save_path(parent, title, file_name, _("PDF documents (*.pdf)"))
        if path:
            write_atomic(path, data)
        return None
    return show_pdf(data, title, file_name, parent)


