"""What both the certificates sub-tab and the register do: ask for a reason, reissue, revoke,
print (in the background, with progress and cancel) and show the result in the preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _, ngettext, pgettext
from app.services import certificates
from app.services.results import Changes
from ui.context import AppContext
from ui.widgets import ask
from ui.widgets.field_errors import ERROR_STYLE

if TYPE_CHECKING:
    from ui.trainings.pdf_preview import PdfPreview

# (value given to the printing service, label msgid): None takes each person's language.
LANGUAGE_CHOICES = (
    (None, N_("each person's own language")),
    ("pl", N_("Polish")),
    ("ru", N_("Russian")),
    ("lt", N_("Lithuanian only")),
)


class ReasonDialog(QDialog):
    """A reason that goes into the register; the dialog will not close without one."""

    def __init__(self, title: str, text: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.text, self.reason, self.error, self.buttons):
            layout.addWidget(w)
        self.setMinimumWidth(440)

    def value(self) -> str:
        return self.reason.toPlainText().strip()

    def check(self) -> None:
        if not self.value():
            self.error.setText(_("Write the reason: it is kept in the certificate register."))
            return
        self.accept()


# Tests replace this to answer the dialog.
def ask_reason(parent: QWidget | None, title: str, text: str, action: str) -> str | None:
    dialog = ReasonDialog(title, text, action, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PrintChoiceDialog(QDialog):
    """Which language beside Lithuanian, and whether all or only the selected certificates."""

    def __init__(self, selected: int, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_certificates")
        self.setWindowTitle(_("Print certificates"))
        layout = QVBoxLayout(self)
        self.scope = QButtonGroup(self)
        self.all = QRadioButton(ngettext("All {n} certificate", "All {n} certificates",
                                         total).format(n=total), self)
        self.only = QRadioButton(ngettext("The {n} selected", "The {n} selected",
                                          selected).format(n=selected), self)
        self.only.setEnabled(selected > 0)
        (self.only if selected else self.all).setChecked(True)
        for b in (self.all, self.only):
            self.scope.addButton(b)
            layout.addWidget(b)
        layout.addWidget(QLabel(_("Language beside Lithuanian:"), self))
        self.langs = QButtonGroup(self)
        for i, (_code, msgid) in enumerate(LANGUAGE_CHOICES):
            button = QRadioButton(_(msgid), self)
            button.setChecked(i == 0)
            self.langs.addButton(button, i)
            layout.addWidget(button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def second_lang(self) -> str | None:
        return LANGUAGE_CHOICES[max(0, self.langs.checkedId())][0]

    def only_selected(self) -> bool:
        return self.only.isChecked()


def print_certificates(ctx: AppContext, ids: list[str], second_lang: str | None,
                       parent: QWidget | None, title: str, file_name: str,
                       on_shown: Callable[[PdfPreview], None] | None = None) -> int:
    """Make the PDF in the background (progress, cancel), then open the preview."""
    from app.services import certificate_printing  # reportlab loads when first needed
    from ui.trainings.pdf_preview import show_pdf

    def shown(data: bytes | None) -> None:
        if data is None:  # cancelled
            return
        preview = show_pdf(data, title, file_name, parent)
        if on_shown is not None:
            on_shown(preview)

    return ctx.jobs.run(
        lambda progress: certificate_printing.certificates_pdf(ctx.db, ids, second_lang,
                                                               progress),
        on_done=shown,
        label=ngettext("Making {n} certificate…", "Making {n} certificates…",
                       len(ids)).format(n=len(ids)),
        cancellable=True)


def reissue(ctx: AppContext, parent: QWidget | None, ids: list[str]) -> Changes:
    if not ids or not ask.confirm(
            parent, _("Reissue"),
            ngettext("Reissue {n} certificate? It keeps its number and code; the name is "
                     "printed as it is registered now.",
                     "Reissue {n} certificates? They keep their numbers and codes; the names "
                     "are printed as they are registered now.", len(ids)).format(n=len(ids)),
            _("Reissue")):
        return Changes()
    return _each(parent, ids, lambda cid: certificates.reissue(ctx.db, cid).changes)


def revoke(ctx: AppContext, parent: QWidget | None, ids: list[str]) -> Changes:
    if not ids:
        return Changes()
    verb = pgettext("certificates", "Revoke")
    reason = ask_reason(parent, verb, ngettext(
        "Why is the certificate revoked? It stays in the register, marked revoked, and "
        "verification will say so.",
        "Why are the {n} certificates revoked? They stay in the register, marked revoked, and "
        "verification will say so.", len(ids)).format(n=len(ids)), verb)
    if reason is None:
        return Changes()
    return _each(parent, ids, lambda cid: certificates.revoke(ctx.db, cid, reason).changes)


def _each(parent: QWidget | None, ids: list[str], fn: Callable[[str], Changes]) -> Changes:
    changes = Changes()
    for cid in ids:
        try:
            changes |= fn(cid)
        except UserError as exc:
            ask.warn(parent, exc.text())
            break
    return changes
