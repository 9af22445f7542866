"""Import a participant list: choose the file, match the columns, preview, import, summary.

Nothing is written before "Import" is pressed, and the import writes all rows or none. Reading
the file, the preview (matching every row against the registry) and the import run as background
jobs, so a list of thousands of rows does not freeze the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, ngettext, pgettext
from app.imports import participants
from app.imports.participants import ImportResult, Mapping, PreviewRow
from app.imports.tables import read_table
from app.services.results import Saved
from app.settings import load_settings, update_settings
from ui.context import AppContext
from ui.jobs import Progress
from ui.trainings.import_steps import MappingStep, PreviewModel
from ui.widgets import ask
from ui.widgets.field_errors import ERROR_STYLE

STEPS = ("file", "mapping", "preview", "summary")


class ImportWizard(QDialog):
    def __init__(self, ctx: AppContext, event_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.ctx = ctx
        self.event_id = event_id
        self.rows: list[list[str]] | None = None
        self.preview: list[PreviewRow] = []
        self.imported: ImportResult | None = None
        self.busy = False

        self.step_title = QLabel(self)
        self.step_title.setObjectName("step_title")
        font = self.step_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.step_title.setFont(font)
        self.stack = QStackedWidget(self)

        file_page = QWidget(self)
        self.file_intro = QLabel(file_page)
        self.file_intro.setWordWrap(True)
        self.path = QLineEdit(file_page)
        self.path.setObjectName("path")
        self.path.setReadOnly(True)
        self.browse = QPushButton(file_page)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_file)
        self.file_error = QLabel(file_page)
        self.file_error.setObjectName("file_error")
        self.file_error.setStyleSheet(ERROR_STYLE)
        self.file_error.setWordWrap(True)
        self.file_info = QLabel(file_page)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        box = QVBoxLayout(file_page)
        box.addWidget(self.file_intro)
        box.addLayout(row)
        box.addWidget(self.file_error)
        box.addWidget(self.file_info)
        box.addStretch(1)

        self.mapping = MappingStep(self)
        self.mapping.changed.connect(self._update)
        self.mapping_error = QLabel(self)
        self.mapping_error.setStyleSheet(ERROR_STYLE)

        preview_page = QWidget(self)
        self.counts = QLabel(preview_page)
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView(preview_page)
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        box = QVBoxLayout(preview_page)
        box.addWidget(self.counts)
        box.addWidget(self.table, 1)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        mapping_page = QWidget(self)
        box = QVBoxLayout(mapping_page)
        box.addWidget(self.mapping, 1)
        box.addWidget(self.mapping_error)
        for page in (file_page, mapping_page, preview_page, self.summary):
            self.stack.addWidget(page)

        self.back_button = QPushButton(self)
        self.back_button.setObjectName("back")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("next")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("close")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.do_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_title)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.resize(900, 560)
        self.retranslate()

    # -- steps ----------------------------------------------------------------------------------

    def step(self) -> str:
        return STEPS[self.stack.currentIndex()]

    def go(self, step: str) -> None:
        self.stack.setCurrentIndex(STEPS.index(step))
        self.retranslate()

    def _update(self) -> None:
        step = self.step()
        self.back_button.setVisible(step in ("mapping", "preview"))
        self.next_button.setVisible(step in ("file", "mapping"))
        self.import_button.setVisible(step == "preview")
        problem = self.mapping.problem() if step == "mapping" else ""
        self.mapping_error.setText(problem)
        self.next_button.setEnabled(not self.busy and (
            self.rows is not None if step == "file" else not problem))
        self.import_button.setEnabled(not self.busy and any(
            r.status in ("new", "matched") for r in self.preview))
        self.back_button.setEnabled(not self.busy)
        self.close_button.setText(_("Close") if step == "summary" else _("Cancel"))

    def retranslate(self) -> None:
        self.setWindowTitle(_("Import a participant list"))
        n = STEPS.index(self.step()) + 1
        titles = {"file": _("Choose the file"), "mapping": _("Match the columns"),
                  "preview": _("Check the rows"),
                  "summary": pgettext("import step", "Done")}
        self.step_title.setText(_("Step {n} of {total}: {title}").format(
            n=n, total=len(STEPS), title=titles[self.step()]))
        self.file_intro.setText(_(
            "A list of participants from Excel (.xlsx) or a CSV file as Excel saves it. The "
            "first rows may hold a title; the header row with the column names is found "
            "by itself. Nothing is imported before you confirm it."))
        self.browse.setText(_("Choose file…"))
        self.back_button.setText(_("< Back"))
        self.next_button.setText(_("Next >"))
        self.import_button.setText(_("Import"))
        self.mapping.retranslate()
        self._show_counts()
        self._update()

    def back(self) -> None:
        self.go(STEPS[max(0, STEPS.index(self.step()) - 1)])

    def next(self) -> None:
        if self.step() == "file" and self.rows is not None:
            self.go("mapping")
        elif self.step() == "mapping" and not self.mapping.problem():
            self.make_preview()

    # -- work -----------------------------------------------------------------------------------

    def choose_file(self) -> None:
        folder = load_settings().recent_import_dir or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the participant list"), folder,
            _("Spreadsheets ({patterns})").format(patterns="*.xlsx *.csv *.txt"))
        if path:
            update_settings(recent_import_dir=str(Path(path).parent))
            self.read_file(path)

    def read_file(self, path: str) -> None:
        self.path.setText(path)
        self.rows, self.preview = None, []
        self.file_error.clear()
        self.file_info.clear()
        self._run(lambda _p: self._read(path), self._file_read, self._file_failed,
                  _("Reading the list…"))

    @staticmethod
    def _read(path: str) -> tuple[list[list[str]], Mapping | None, str]:
        rows = read_table(path)
        try:
            return rows, participants.guess_mapping(rows), ""
        except UserError as exc:  # the person can still point at the header row
            return rows, None, exc.text()

    def _file_read(self, result: tuple[list[list[str]], Mapping | None, str]) -> None:
        rows, mapping, problem = result
        self.rows = rows
        self.mapping.set_rows(rows, mapping or Mapping(0, {}))
        self.file_info.setText(ngettext("{n} row read.", "{n} rows read.", len(rows)).format(
            n=len(rows)))
        self.file_error.setText(problem)
        self._update()

    def _file_failed(self, exc: BaseException) -> None:
        self.rows = None
        self.file_error.setText(exc.text() if isinstance(exc, UserError) else str(exc))
        self._update()

    def make_preview(self) -> None:
        rows, mapping = self.rows or [], self.mapping.mapping
        self._run(lambda _p: participants.preview(self.ctx.db, rows, mapping, self.event_id),
                  self._previewed, self._file_failed, _("Checking the rows against the "
                                                        "registry…"))

    def _previewed(self, rows: list[PreviewRow]) -> None:
        self.preview = rows
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.go("preview")

    def _show_counts(self) -> None:
        n = {s: sum(1 for r in self.preview if r.status == s)
             for s in ("new", "matched", "registered", "invalid")}
        self.counts.setText(_("{new}, {matched}, {registered}, {invalid}.").format(
            new=ngettext("{n} new person", "{n} new people", n["new"]).format(n=n["new"]),
            matched=ngettext("{n} matched to a person in the registry",
                             "{n} matched to people in the registry",
                             n["matched"]).format(n=n["matched"]),
            registered=ngettext("{n} already registered", "{n} already registered",
                                n["registered"]).format(n=n["registered"]),
            invalid=ngettext("{n} invalid (not imported)", "{n} invalid (not imported)",
                             n["invalid"]).format(n=n["invalid"])))

    def do_import(self) -> None:
        rows = list(self.preview)
        self._run(lambda _p: participants.commit(self.ctx.db, rows, self.event_id),
                  self._imported, None, _("Importing the list…"))

    def _imported(self, saved: Saved[ImportResult]) -> None:
        self.imported = r = saved.value
        self.ctx.bus.publish(saved.changes)
        self.summary.setText("\n".join((
            ngettext("{n} new person added to the registry.",
                     "{n} new people added to the registry.", r.created).format(n=r.created),
            ngettext("{n} person was already in the registry.",
                     "{n} people were already in the registry.", r.matched).format(n=r.matched),
            ngettext("{n} registration made.", "{n} registrations made.",
                     r.registered).format(n=r.registered),
            ngettext("{n} row skipped.", "{n} rows skipped.", r.skipped).format(n=r.skipped),
        )))
        self.go("summary")

    def _run(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None, label: str) -> None:
        self.busy = True
        self._update()

        def done(value: Any) -> None:
            self.busy = False
            on_done(value)
            self._update()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._update()
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, UserError):
                ask.warn(self, exc.text())
            else:
                from ui.errors import show_error

                show_error(type(exc), exc, exc.__traceback__, logged=True)

        self.ctx.jobs.run(fn, on_done=done, on_error=failed, label=label)
