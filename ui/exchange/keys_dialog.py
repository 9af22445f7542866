"""Keys and offices: this office's fingerprint, the offices it exchanges with, and joining.

At the coordinator: invite an office (an invitation file to send it) and revoke one (a lost
laptop). At an office: join the network with the coordinator's invitation (both fingerprints
are then shown, to compare on the phone) and resynchronise from a full file after restoring an
old backup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _, pgettext
from app.sync import network
from app.sync.importer import ImportReport
from app.sync.network import PeerInfo
from app.sync.resync import resync
from ui.context import AppContext
from ui.exchange import common
from ui.widgets import ask

COLUMNS = (
    N_("Office"),
    N_("Role"),
    N_("Fingerprint"),
    N_("Last file received"),
    N_("Last file sent"),
    N_("Status"),
)


def ask_new_office(parent: QWidget | None) -> tuple[str, str] | None:
    """The code and name of the office to invite, or None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Invite an office"))
    code, name = QLineEdit(dialog), QLineEdit(dialog)
    code.setMaxLength(6)
    code.setPlaceholderText(_("e.g. SAL"))
    form = QFormLayout(dialog)
    form.addRow(_("Office code:"), code)
    form.addRow(_("Office name:"), name)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return code.text().strip().upper(), name.text().strip()


class KeysDialog(common.JobDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keys_dialog")
        self.ctx = ctx
        self.coordinator = ctx.db.local_office().is_coordinator
        self.peers: list[PeerInfo] = []

        self.own = common.wrapped_label(self, "own")
        self.own_fingerprint = QLabel(self)
        self.own_fingerprint.setObjectName("own_fingerprint")
        font = self.own_fingerprint.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.own_fingerprint.setFont(font)
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("peers")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.message = common.wrapped_label(self, "message")

        self.invite = QPushButton(self)
        self.invite.setObjectName("invite")
        self.revoke = QPushButton(self)
        self.revoke.setObjectName("revoke")
        self.join = QPushButton(self)
        self.join.setObjectName("join")
        self.resync = QPushButton(self)
        self.resync.setObjectName("resync")
        self.invite.clicked.connect(self.invite_office)
        self.revoke.clicked.connect(self.revoke_office)
        self.join.clicked.connect(self.join_network)
        self.resync.clicked.connect(self.resync_from_file)
        actions = QHBoxLayout()
        shown = (self.invite, self.revoke) if self.coordinator else (self.join, self.resync)
        for button in (self.invite, self.revoke, self.join, self.resync):
            if button in shown:
                actions.addWidget(button)
            else:
                button.hide()
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.own_fingerprint)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 460)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Keys and offices"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.invite.setText(_("Invite an office…"))
        self.revoke.setText(_("Revoke…"))
        self.revoke.setToolTip(
            _(
                "For a lost or stolen laptop: its files are refused from "
                "now on. Invite the office again to give it new keys."
            )
        )
        self.join.setText(_("Join the network…"))
        self.resync.setText(_("Resynchronise from a full file…"))
        self.resync.setToolTip(
            _(
                "After restoring an old backup: the coordinator sends a full "
                "file and nothing is lost."
            )
        )

    def reload(self) -> None:
        office = self.ctx.db.local_office()
        fingerprint = network.own_fingerprint(self.ctx.db)
        self.own.setText(
            _("This office: {code} · {name}. The fingerprint of its keys:").format(
                code=office.code, name=office.name
            )
            if fingerprint
            else _(
                "This office: {code} · {name}. It has no keys yet: they are made when it joins a "
                "network (at the coordinator, with the first invitation)."
            ).format(code=office.code, name=office.name)
        )
        self.own_fingerprint.setText(fingerprint)
        self.own_fingerprint.setVisible(bool(fingerprint))
        self.peers = network.peers(self.ctx.db)
        self.table.setRowCount(len(self.peers))
        for row, p in enumerate(self.peers):
            status = (
                _("Revoked")
                if p.revoked
                else _("Active")
                if p.fingerprint
                else _("Waiting for its first file")
            )
            cells = (
                f"{p.code} · {p.name}",
                _("Coordinator") if p.is_coordinator else _("Office"),
                p.fingerprint or "—",
                str(p.last_in or "—"),
                str(p.last_out or "—"),
                status,
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.join.setEnabled(not any(p.is_coordinator for p in self.peers))
        self.resync.setEnabled(not self.join.isEnabled())
        self._enable()

    def selected(self) -> PeerInfo | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.peers[rows.pop()] if len(rows) == 1 else None

    def _enable(self) -> None:
        p = self.selected()
        self.revoke.setEnabled(p is not None and not p.revoked and not p.is_coordinator)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], label: str) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.message.setText(exc.text())
            else:
                from ui.errors import show_error

                show_error(type(exc), exc, exc.__traceback__, logged=True)

        self.message.clear()
        self.run_job(self.ctx.jobs, lambda _progress: fn(), done, failed, label=label)

    # -- the coordinator ---------------------------------------------------------------------
    def invite_office(self) -> None:
        answer = ask_new_office(self)
        if not answer:
            return
        code, name = answer
        suggested = str(Path(common.last_folder()) / f"{code}.tinklas-invite")
        path = common.choose_save(
            self,
            _("Save the invitation"),
            suggested,
            _("Tinklas invitations ({patterns})").format(patterns=common.INVITATION_PATTERN),
        )
        if not path:
            return
        db = self.ctx.db

        def done(result: tuple[Path, str]) -> None:
            out, fingerprint = result
            common.remember_folder(out)
            self.reload()
            self.message.setText(
                _(
                    "The invitation for {code} was saved as {path}. Send it to the office. "
                    "When the office has joined, call it and compare the fingerprints: the "
                    "coordinator's is {fingerprint}."
                ).format(code=code, path=out, fingerprint=fingerprint)
            )

        self._run(lambda: network.invite(db, code, name, path), done, _("Writing the invitation…"))

    def revoke_office(self) -> None:
        p = self.selected()
        if p is None or not ask.confirm(
            self,
            _("Revoke the office's keys"),
            _(
                "Revoke the keys of {code} · {name}? Its files will be refused from now on. "
                "Do this when a laptop is lost or stolen, then invite the office again."
            ).format(code=p.code, name=p.name),
            pgettext("keys", "Revoke"),
            danger=True,
        ):
            return
        db, code = self.ctx.db, p.code

        def done(_result: Any) -> None:
            self.reload()
            self.message.setText(_("The keys of {code} were revoked.").format(code=code))

        self._run(lambda: network.revoke(db, code), done, _("Revoking…"))

    # -- an office ---------------------------------------------------------------------------
    def join_network(self) -> None:
        path = common.choose_file(
            self,
            _("The coordinator's invitation"),
            common.last_folder(),
            _("Tinklas invitations ({patterns})").format(patterns=common.INVITATION_PATTERN),
        )
        if not path:
            return
        db = self.ctx.db

        def done(result: tuple[str, str]) -> None:
            mine, theirs = result
            self.reload()
            self.ctx.bus.publish(common.EVERYTHING)
            self.message.setText(
                _(
                    "This office has joined the network. Call the coordinator and compare the "
                    "fingerprints on the phone: this office's is {mine}, the coordinator's is "
                    "{theirs}. If they differ, do not exchange files."
                ).format(mine=mine, theirs=theirs)
            )

        self._run(lambda: network.join(db, path), done, _("Joining the network…"))

    def resync_from_file(self) -> None:
        if not ask.confirm(
            self,
            _("Resynchronise"),
            _(
                "Use this after restoring an old backup, when the coordinator refuses this "
                "office's files. Ask the coordinator for a full file for this office, then "
                "open it here. Nothing is lost: changes made since the backup are kept."
            ),
            _("Choose the full file…"),
        ):
            return
        path = common.choose_file(
            self,
            _("The full file from the coordinator"),
            common.last_folder(),
            _("Tinklas exchange files ({patterns})").format(patterns=common.FILE_PATTERN),
        )
        if not path:
            return
        db = self.ctx.db

        def done(report: ImportReport) -> None:
            self.reload()
            self.ctx.bus.publish(common.EVERYTHING)
            self.message.setText(
                _("Resynchronised from {file}. Send a file to the coordinator now.").format(
                    file=Path(path).name
                )
            )

        self._run(lambda: resync(db, path), done, _("Resynchronising…"))
