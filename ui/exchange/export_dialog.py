"""Create file for the coordinator (at an office) or for an office (at the coordinator).

The file is written in the background; the summary then says how many changes it holds and
that it was read back, so the stick can be removed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, ngettext
from app.sync.export import ExportSummary, export
from app.sync.network import PeerInfo, peers
from ui.context import AppContext
from ui.exchange import common


class ExportDialog(common.JobDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.ctx = ctx
        self.summary: ExportSummary | None = None
        self.coordinator = ctx.db.local_office().is_coordinator
        self.peers: list[PeerInfo] = [p for p in peers(ctx.db) if not p.revoked]

        self.intro = common.wrapped_label(self, "intro")
        self.office = QComboBox(self)
        self.office.setObjectName("office")
        self.recipient = QLabel(self)
        self.recipient.setObjectName("recipient")
        self.folder = QLineEdit(common.last_folder(), self)
        self.folder.setObjectName("folder")
        self.browse = QPushButton(self)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_folder)
        self.full = QCheckBox(self)
        self.full.setObjectName("full")
        self.result_label = common.wrapped_label(self, "result")
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.create_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        form = QFormLayout()
        self.office_label, self.folder_label = QLabel(self), QLabel(self)
        if self.coordinator:
            form.addRow(self.office_label, self.office)
            self.recipient.hide()
            for p in self.peers:
                if not p.is_coordinator:
                    text = f"{p.code} · {p.name}"
                    if not p.fingerprint:
                        text = _("{office} (waiting for its first file)").format(office=text)
                    self.office.addItem(text, p.code)
        else:
            form.addRow(self.office_label, self.recipient)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form.addRow(self.folder_label, row)
        if self.coordinator:
            form.addRow("", self.full)
        else:
            self.full.hide()
            self.office.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 300)
        self.retranslate()

    def _coordinator_peer(self) -> PeerInfo | None:
        return next((p for p in self.peers if p.is_coordinator), None)

    def retranslate(self) -> None:
        self.setWindowTitle(
            _("Create file for an office")
            if self.coordinator
            else _("Create file for the coordinator")
        )
        self.intro.setText(
            _(
                "The file holds every change the other side has not confirmed yet, so a lost "
                "file is made good by the next one. Send it by e-mail or carry it on a stick."
            )
        )
        self.office_label.setText(_("For:"))
        self.folder_label.setText(_("Save in folder:"))
        self.browse.setText(_("Choose…"))
        self.full.setText(_("A full file (to resynchronise the office)"))
        self.full.setToolTip(
            _(
                "Everything the office needs, not only what is new: for an office that "
                "restored an old backup and must resynchronise."
            )
        )
        self.create_button.setText(_("Create the file"))
        peer = self._coordinator_peer()
        if not self.coordinator:
            self.recipient.setText(
                f"{peer.code} · {peer.name}"
                if peer
                else _("This office has not joined a network yet (Exchange > Keys and offices).")
            )
        self.create_button.setEnabled(
            self.summary is None
            and (self.office.count() > 0 if self.coordinator else peer is not None)
        )

    def choose_folder(self) -> None:
        folder = common.choose_folder(self, _("Where to save the file"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> None:
        folder = Path(self.folder.text().strip())
        if not folder.is_dir():
            self.result_label.setText(
                _("Choose an existing folder (or the stick) to save the file in.")
            )
            return
        code = self.office.currentData() if self.coordinator else None
        full = self.coordinator and self.full.isChecked()
        db = self.ctx.db
        self.create_button.setEnabled(False)
        self.result_label.setText(_("Writing the file…"))
        self.run_job(
            self.ctx.jobs,
            lambda _progress: export(db, folder, code, full),
            on_done=self.on_written,
            on_error=self.failed,
            label=_("Writing the exchange file…"),
        )

    def on_written(self, summary: ExportSummary) -> None:
        self.summary = summary
        common.remember_folder(summary.path)
        self.result_label.setText(
            "\n\n".join(
                [
                    ngettext(
                        "{n} change for {office} was written to {path} (file number {seq}).",
                        "{n} changes for {office} were written to {path} (file number {seq}).",
                        summary.changes,
                    ).format(
                        n=summary.changes,
                        office=summary.recipient_code,
                        path=summary.path,
                        seq=summary.sequence,
                    ),
                    _("The file was read back and checked: it is safe to remove the stick."),
                ]
            )
        )
        self.ctx.bus.status_message.emit(
            _("Exchange file written: {name}").format(name=summary.path.name)
        )

    def failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.result_label.setText(exc.text())
        else:
            self.result_label.setText(
                _("The file could not be written: {reason}").format(
                    reason=str(exc) or type(exc).__name__
                )
            )
