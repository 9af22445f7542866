"""The certificate register: every certificate issued, searchable, with its state; reissue and
revoke from here; and "Verify a code", which says in plain words what a printed code stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import _, ngettext
from app.i18n.formats import format_number, format_short_date
from app.services import certificates
from app.services.certificates import CertificateInfo
from app.services.events import date_range
from app.services.listing import lister
from app.services.results import CERTIFICATES, Changes
from ui.context import AppContext
from ui.lists.list_panel import ListPanel
from ui.trainings import certificate_actions as actions

if TYPE_CHECKING:
    from ui.trainings.pdf_preview import PdfPreview

VALID_STYLE = "color: #1e6b34;"
BAD_STYLE = "color: #b00020;"


def describe(c: CertificateInfo) -> str:
    """What the certificate says, in one paragraph."""
    text = _("Certificate {number}, issued on {issued} by {office} to {name} for “{title}” "
             "({code}), {dates}; hours: {hours}.").format(
        number=c.number, issued=format_short_date(c.issued_on),
        office=f"{c.office_name} ({c.office_code})" if c.office_name else c.office_code,
        name=c.person_name, title=c.event_title, code=c.event_code,
        dates=date_range(c.starts_on, c.ends_on), hours=format_number(c.hours))
    if c.reissue_count:
        text += " " + ngettext("Reissued {n} time.", "Reissued {n} times.",
                               c.reissue_count).format(n=c.reissue_count)
    return text


def verify_text(ctx: AppContext, code: str) -> tuple[str, str]:
    """(state, plain words): state is valid, revoked, not_found or mistyped."""
    try:
        info = certificates.verify(ctx.db, code)
    except ValidationError as exc:
        return "mistyped", exc.text()
    except NotFoundError as exc:
        return "not_found", exc.text()
    if info.revoked:
        return "revoked", _("REVOKED on {date}: {reason}").format(
            date=format_short_date(info.revoked_on), reason=info.revoked_reason) + "\n" + \
            describe(info)
    return "valid", _("VALID.") + " " + describe(info)


class CertificateRegister(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_register")
        self.ctx = ctx
        self.preview: PdfPreview | None = None
        self.verify_box = QGroupBox(self)
        self.code = QLineEdit(self.verify_box)
        self.code.setObjectName("verify_code")
        self.code.setMaxLength(40)
        self.code.returnPressed.connect(self.verify)
        self.verify_button = QPushButton(self.verify_box)
        self.verify_button.setObjectName("verify")
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel(self.verify_box)
        self.verify_result.setObjectName("verify_result")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = ""
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.verify_button)
        box = QVBoxLayout(self.verify_box)
        box.addLayout(row)
        box.addWidget(self.verify_result)

        self.panel = ListPanel(ctx.db, lister("certificates"), self, with_archived=False)
        self.panel.current_changed.connect(lambda _id: self._update())
        self.detail = QLabel(self)
        self.detail.setObjectName("certificate_detail")
        self.detail.setWordWrap(True)
        self.reissue_button = QPushButton(self)
        self.reissue_button.setObjectName("reissue")
        self.revoke_button = QPushButton(self)
        self.revoke_button.setObjectName("revoke")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print")
        self.close_button = QPushButton(self)
        self.reissue_button.clicked.connect(
            lambda: self._after(actions.reissue(ctx, self, self._current())))
        self.revoke_button.clicked.connect(
            lambda: self._after(actions.revoke(ctx, self, self._current())))
        self.print_button.clicked.connect(self.print_current)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.reissue_button, self.revoke_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verify_box)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        ctx.bus.changed.connect(self._on_changed)
        self.resize(1000, 680)
        self.retranslate()
        self.panel.reload()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Certificate register"))
        self.verify_box.setTitle(_("Verify a code"))
        self.code.setPlaceholderText(_("The verification code printed on a certificate"))
        self.verify_button.setText(_("Verify"))
        self.reissue_button.setText(_("Reissue"))
        self.revoke_button.setText(_("Revoke…"))
        self.print_button.setText(_("Print…"))
        self.close_button.setText(_("Close"))
        self.panel.retranslate()

    def _current(self) -> list[str]:
        cid = self.panel.current_id()
        return [cid] if cid else []

    def _update(self) -> None:
        ids = self._current()
        info = None
        if ids:
            try:
                info = certificates.get_certificate(self.ctx.db, ids[0])
            except UserError:
                info = None
        if info is None:
            self.detail.setText(_("Select a certificate to reissue, revoke or print it."))
        elif info.revoked:
            self.detail.setText(_("Revoked on {date}: {reason}").format(
                date=format_short_date(info.revoked_on), reason=info.revoked_reason))
        else:
            self.detail.setText(describe(info))
        live = info is not None and not info.revoked
        self.reissue_button.setEnabled(live)
        self.revoke_button.setEnabled(live)
        self.print_button.setEnabled(live)

    def _after(self, changes: Changes) -> None:
        self.ctx.bus.publish(changes)
        self._update()

    def _on_changed(self, changes: Changes) -> None:
        if CERTIFICATES in changes.kinds:
            self.panel.reload()
            self._update()

    def verify(self) -> str:
        self.state, text = verify_text(self.ctx, self.code.text())
        self.verify_result.setText(text)
        self.verify_result.setStyleSheet(VALID_STYLE if self.state == "valid" else BAD_STYLE)
        return self.state

    def print_current(self) -> None:
        ids = self._current()
        if ids:
            info = certificates.get_certificate(self.ctx.db, ids[0])
            actions.print_certificates(self.ctx, ids, None, self, _("Certificate"),
                                       f"{info.number}.pdf", on_shown=self._shown)

    def _shown(self, preview: PdfPreview) -> None:
        self.preview = preview
