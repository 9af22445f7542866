"""The Certificates sub-tab: who is eligible by the event's rule, and the certificates issued."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import N_, _, ngettext
from app.i18n.formats import format_number
from app.services import certificates
from app.services.certificates import CertificateInfo, Eligibility
from app.services.events import cert_rule_text, get_event
from app.services.results import Changes
from ui.context import AppContext
from ui.trainings import certificate_actions as actions
from ui.trainings import labels
from ui.trainings.panel_base import (
    EventPanel,
    button_bar,
    fill_table,
    make_table,
    open_dialog,
    safe_file_name,
    selected_ids,
)

if TYPE_CHECKING:
    from ui.trainings.pdf_preview import PdfPreview

HEADERS = (N_("Name"), N_("Sessions attended"), N_("Hours attended"), N_("Eligible"),
           N_("Certificate number"), N_("State"))
MUTED = QColor("#777777")


class CertificatesPanel(EventPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("certificates_panel")
        self.rows: list[Eligibility] = []
        self.issued: dict[str, CertificateInfo] = {}
        self.event_code = ""
        self.preview: PdfPreview | None = None
        self.dialog: actions.PrintChoiceDialog | None = None
        self.rule = QLabel(self)
        self.rule.setObjectName("rule")
        self.rule.setWordWrap(True)
        self.table = make_table(self, "eligibility")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issue_all")
        self.override_button = QPushButton(self)
        self.override_button.setObjectName("issue_override")
        self.reissue_button = QPushButton(self)
        self.reissue_button.setObjectName("reissue")
        self.revoke_button = QPushButton(self)
        self.revoke_button.setObjectName("revoke")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_certificates")
        self.issue_button.clicked.connect(self.issue_all)
        self.override_button.clicked.connect(self.issue_override)
        self.reissue_button.clicked.connect(
            lambda: self._after(actions.reissue(self.ctx, self, self.selected_certificates())))
        self.revoke_button.clicked.connect(
            lambda: self._after(actions.revoke(self.ctx, self, self.selected_certificates())))
        self.print_button.clicked.connect(self.print_dialog)
        buttons = button_bar(self, (self.issue_button, self.override_button, self.reissue_button,
                                    self.revoke_button, self.print_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addWidget(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def load(self) -> None:
        if not self.event_id:
            self.rows, self.issued = [], {}
            fill_table(self.table, [_(h) for h in HEADERS], [])
            self.rule.clear()
            self._update_buttons()
            return
        detail = get_event(self.ctx.db, self.event_id)
        self.event_code = detail.code
        self.rows = certificates.eligibility(self.ctx.db, self.event_id)
        self.issued = {c.id: c for c in certificates.certificates_of_event(self.ctx.db,
                                                                           self.event_id)}
        table_rows = []
        for e in self.rows:
            cert = self.issued.get(e.certificate_id or "")
            state = "" if cert is None else _("revoked") if cert.revoked else _("valid")
            if cert is not None and cert.override_reason:
                state = _("{state}, despite the rule").format(state=state)
            table_rows.append((e.registration_id, (
                e.person_name,
                _("{n} of {total}").format(n=e.sessions_attended, total=e.sessions_total),
                _("{n} of {total}").format(n=format_number(e.hours_attended),
                                           total=format_number(e.hours_total)),
                labels.yes_no(e.eligible), cert.number if cert else "", state)))
        fill_table(self.table, [_(h) for h in HEADERS], table_rows)
        for r, e in enumerate(self.rows):
            if not e.eligible and not e.certificate_id:
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setForeground(QBrush(MUTED))
        eligible = sum(1 for e in self.rows if e.eligible)
        without = sum(1 for e in self.rows if e.eligible and not e.certificate_id)
        self.rule.setText(_("Rule: {rule}. {eligible}; {issued}.").format(
            rule=cert_rule_text(detail.cert_rule, detail.cert_min_share),
            eligible=ngettext("{n} person meets it", "{n} people meet it", eligible).format(
                n=eligible),
            issued=ngettext("{n} certificate issued", "{n} certificates issued",
                            len(self.issued)).format(n=len(self.issued))))
        self.issue_button.setText(ngettext("Issue to all eligible ({n})",
                                           "Issue to all eligible ({n})", without).format(
                                               n=without))
        self._update_buttons()

    def retranslate_texts(self) -> None:
        self.override_button.setText(_("Issue despite the rule…"))
        self.reissue_button.setText(_("Reissue"))
        self.revoke_button.setText(_("Revoke…"))
        self.print_button.setText(_("Print certificates…"))
        self.issue_button.setText(_("Issue to all eligible"))

    # -- selection ------------------------------------------------------------------------------

    def selected(self) -> list[Eligibility]:
        ids = set(selected_ids(self.table))
        return [e for e in self.rows if e.registration_id in ids]

    def selected_certificates(self, include_revoked: bool = False) -> list[str]:
        return [e.certificate_id for e in self.selected() if e.certificate_id and (
            include_revoked or not self.issued[e.certificate_id].revoked)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.issue_button.setEnabled(any(e.eligible and not e.certificate_id for e in self.rows))
        self.override_button.setEnabled(any(not e.eligible and not e.certificate_id
                                            for e in chosen))
        has_valid = bool(self.selected_certificates())
        self.reissue_button.setEnabled(has_valid)
        self.revoke_button.setEnabled(has_valid)
        self.print_button.setEnabled(any(not c.revoked for c in self.issued.values()))

    # -- actions --------------------------------------------------------------------------------

    def _after(self, changes: Changes) -> None:
        self.publish(changes)
        self.load()

    def issue_all(self) -> list[str]:
        saved = self.call(lambda: certificates.issue(self.ctx.db, self.event_id or ""))
        if saved is None:
            return []
        self.ctx.bus.status_message.emit(ngettext(
            "{n} certificate issued.", "{n} certificates issued.", len(saved.value)).format(
                n=len(saved.value)))
        self._after(saved.changes)
        return saved.value

    def issue_override(self) -> list[str]:
        chosen = [e for e in self.selected() if not e.eligible and not e.certificate_id]
        if not chosen:
            return []
        names = ", ".join(e.person_name for e in chosen)
        reason = actions.ask_reason(
            self, _("Issue despite the rule"),
            _("{names} did not attend enough by the event's rule. Why is the certificate "
              "issued all the same? The reason is kept in the register.").format(names=names),
            _("Issue"))
        if reason is None:
            return []
        saved = self.call(lambda: certificates.issue(
            self.ctx.db, self.event_id or "", [], {e.registration_id: reason for e in chosen}))
        if saved is None:
            return []
        self._after(saved.changes)
        return saved.value

    def print_dialog(self) -> None:
        from app.services import printing  # reportlab loads when first needed

        valid = printing.event_certificate_ids(self.ctx.db, self.event_id or "")
        chosen = [c for c in self.selected_certificates() if c in valid]
        dialog = actions.PrintChoiceDialog(len(chosen), len(valid), self)
        open_dialog(self, dialog, lambda: self.print(
            chosen if dialog.only_selected() else valid, dialog.second_lang()))

    def print(self, ids: list[str], second_lang: str | None) -> None:
        name = safe_file_name(_("certificates {code}").format(code=self.event_code))
        actions.print_certificates(self.ctx, ids, second_lang, self, _("Certificates"), name,
                                   on_shown=self._shown)

    def _shown(self, preview: PdfPreview) -> None:
        self.preview = preview
