"""Products and publications across runs: what the project promotes and the press it got."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.i18n.formats import format_short_date
from app.services.advocacy_products import list_products, list_publications
from ui.advocacy.forms import EvaluationForm, ProductForm, PublicationForm
from ui.advocacy.report_dialogs import _table
from ui.context import AppContext
from ui.networks.tab_tools import open_dialog, selected_row
from ui.widgets import ask


class ProductsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: Any = None
        self.setObjectName("products_dialog")
        self.setWindowTitle(_("Products and publications"))
        self.resize(1000, 640)
        self.layout_ = QVBoxLayout(self)
        self.body = QWidget(self)
        self.layout_.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.products = list_products(self.ctx.db)
        self.publications = list_publications(self.ctx.db)
        old = self.body
        self.body = QWidget(self)
        box = QVBoxLayout(self.body)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self._heading(_("Products"), (
            (_("New product…"), self.new_product), (_("Edit…"), self.edit_product),
            (_("Add evaluation…"), self.evaluate))))
        self.product_table = _table(self.body, [
            _("Title"), _("Kind"), _("Version"), _("Status"), _("Evaluations"), _("Runs")],
            [(p.title, p.kind_label, p.version, p.status_label, str(len(p.evaluations)),
              ", ".join(p.runs)) for p in self.products], right=(4,), stretch_first=True)
        self.product_table.setObjectName("products")
        self.product_table.doubleClicked.connect(lambda _i: self.edit_product())
        box.addWidget(self.product_table, 1)
        box.addLayout(self._heading(_("Publications"), (
            (_("New publication…"), self.new_publication),
            (_("Edit…"), self.edit_publication))))
        self.publication_table = _table(self.body, [
            _("Title"), _("Date"), _("Outlet"), _("Language"), _("Run"), _("Link")],
            [(p.title, format_short_date(p.date), p.outlet, p.language_label, p.run_code,
              p.link) for p in self.publications], stretch_first=True)
        self.publication_table.setObjectName("publications")
        self.publication_table.doubleClicked.connect(lambda _i: self.edit_publication())
        box.addWidget(self.publication_table, 1)
        self.layout_.replaceWidget(old, self.body)
        old.deleteLater()

    def _heading(self, title: str, buttons: tuple[tuple[str, Any], ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(title, self.body)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        row.addWidget(label)
        row.addStretch(1)
        for text, slot in buttons:
            button = QPushButton(text, self.body)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        return row

    def _product(self) -> Any:
        row = selected_row(self.product_table)
        if row is None:
            ask.inform(self, _("Select a row"), _("Select a product in the list first."))
            return None
        return self.products[row]

    def new_product(self) -> Any:
        return open_dialog(self, ProductForm(self.ctx, None, None, self), self.reload)

    def edit_product(self) -> Any:
        p = self._product()
        return None if p is None else open_dialog(self, ProductForm(self.ctx, p.id, None, self),
                                                  self.reload)

    def evaluate(self) -> Any:
        p = self._product()
        return None if p is None else open_dialog(self, EvaluationForm(self.ctx, p.id, self),
                                                  self.reload)

    def new_publication(self) -> Any:
        return open_dialog(self, PublicationForm(self.ctx, None, None, self), self.reload)

    def edit_publication(self) -> Any:
        row = selected_row(self.publication_table)
        if row is None:
            ask.inform(self, _("Select a row"), _("Select a publication in the list first."))
            return None
        return open_dialog(self, PublicationForm(self.ctx, self.publications[row].id, None,
                                                 self), self.reload)
