"""Export the participant list: XLSX or CSV, the national community only when chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.exports.participants import export_participants
from app.i18n import _, ngettext
from app.settings import load_settings, update_settings
from ui.context import AppContext
from ui.trainings.panel_base import safe_file_name


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: str, event_code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_participants")
        self.ctx = ctx
        self.event_id = event_id
        self.event_code = event_code
        self.written: Path | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.xlsx = QRadioButton(self)
        self.xlsx.setObjectName("format_xlsx")
        self.xlsx.setChecked(True)
        self.csv = QRadioButton(self)
        self.csv.setObjectName("format_csv")
        self.community = QCheckBox(self)
        self.community.setObjectName("include_community")
        self.community.setChecked(False)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00;")
        self.community.toggled.connect(self._community_toggled)
        self.warning.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.intro, self.xlsx, self.csv, self.community, self.warning):
            layout.addWidget(w)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Export the participant list"))
        self.intro.setText(_("Everyone registered and not cancelled, with organisation, "
                             "status, contacts and attendance."))
        self.xlsx.setText(_("Excel workbook (.xlsx)"))
        self.csv.setText(_("CSV for Excel (.csv, separated by ;)"))
        self.community.setText(_("Include national community (special-category data)"))
        self.warning.setText(_("National community is special-category personal data. Share "
                               "the file only with those who may see it, and delete it when it "
                               "is no longer needed."))

    def _community_toggled(self, checked: bool) -> None:
        self.warning.setVisible(checked)
        self.adjustSize()

    def fmt(self) -> str:
        return "csv" if self.csv.isChecked() else "xlsx"

    def choose_and_export(self) -> None:
        fmt = self.fmt()
        folder = load_settings().recent_export_dir
        name = safe_file_name(_("participants {code}").format(code=self.event_code))
        suggested = str(Path(folder or Path.home()) / (name[:-4] + f".{fmt}"))
        pattern = f"*.{fmt}"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the participant list"), suggested,
            _("Excel workbook ({patterns})").format(patterns=pattern) if fmt == "xlsx"
            else _("CSV file ({patterns})").format(patterns=pattern))
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        update_settings(recent_export_dir=str(Path(path).parent))
        include = self.community.isChecked()
        self.ctx.jobs.run(
            lambda _progress: export_participants(self.ctx.db, self.event_id, path, include,
                                                  fmt),
            on_done=lambda n: self._done(Path(path), n),
            label=_("Exporting the participant list…"))

    def _done(self, path: Path, rows: int) -> None:
        self.written = path
        self.ctx.bus.status_message.emit(ngettext(
            "{n} participant exported to {path}.", "{n} participants exported to {path}.",
            rows).format(n=rows, path=path))
        self.accept()
