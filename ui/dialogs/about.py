"""Help > About Tinklas: version, licence, and where the data, the log and the database are."""

from __future__ import annotations

import html
import importlib.metadata
import tomllib
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.logs import log_file
from app.paths import app_root, data_dir, resource_path
from ui.dialogs import fit_height

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


@cache
def app_version() -> str:
    """The installed package's version, else the one in pyproject.toml (a checkout, a bundle)."""
    try:
        return importlib.metadata.version("tinklas")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        with (app_root() / "pyproject.toml").open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "?"


def _path_label(parent: QWidget, path: object) -> QLabel:
    label = QLabel(str(path), parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.db_path = db_path
        self.logo = QLabel(self)
        pixmap = QPixmap(str(resource_path("icons", "tinklas-256.png")))
        if not pixmap.isNull():
            self.logo.setPixmap(pixmap.scaled(
                96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.blurb = QLabel(self)
        self.blurb.setWordWrap(True)
        self.licence = QLabel(self)
        self.licence.setWordWrap(True)
        self.licence.setOpenExternalLinks(True)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.blurb)
        text.addWidget(self.licence)
        top = QHBoxLayout()
        top.addWidget(self.logo)
        top.addLayout(text, 1)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.data_label, self.log_label, self.db_label = QLabel(self), QLabel(self), QLabel(self)
        self.form.addRow(self.data_label, _path_label(self, data_dir()))
        self.form.addRow(self.log_label, _path_label(self, log_file()))
        self.form.addRow(self.db_label, _path_label(self, db_path or "—"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        fit_height(self)

    def retranslate(self) -> None:
        self.setWindowTitle(_("About Tinklas"))
        self.heading.setText(f"<h2>Tinklas {html.escape(app_version())}</h2>")
        self.blurb.setText(_(
            "Networks, trainings, micro-business cases and advocacy runs of the offices working "
            "with Lithuania's national communities."))
        # The markup stays out of the messages: a translator cannot break a link.
        self.licence.setText('{} <a href="{}">{}</a>'.format(
            html.escape(_("Free software under the GNU General Public License, version 3 or "
                          "later ({licence}). You may use, study, share and change it.")
                        .format(licence=LICENCE)),
            LICENCE_URL, html.escape(_("Read the licence"))))
        self.data_label.setText(_("Data folder:"))
        self.log_label.setText(_("Log file:"))
        self.db_label.setText(_("Database:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
