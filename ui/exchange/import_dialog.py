"""Import files: choose one or several, read what each would change (nothing is changed yet),
then import. A refused file shows its reason and is left out; a file that would archive or
erase many records asks a second, explicit time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.services.conflicts import open_count
from app.services.exchange_history import COUNTS, table_name
from app.sync.importer import ImportReport, import_file
from app.sync.reading import Refused
from ui.context import AppContext
from ui.exchange import common
from ui.widgets import ask

COLUMNS = (
    N_("File / records"),
    N_("Created"),
    N_("Updated"),
    N_("Unchanged"),
    N_("Conflicts"),
    N_("Dropped"),
)


@dataclass
class Outcome:
    path: str
    report: ImportReport | None
    refused: str = ""  # the reason, when the file is refused

    @property
    def importable(self) -> bool:
        return self.report is not None and self.report.status == "dry_run"


def dry_run(db: Any, paths: list[str], progress: Any = None) -> list[Outcome]:
    """What each file would do, nothing changed (the worker thread runs this)."""
    out = []
    for index, path in enumerate(paths):
        try:
            out.append(Outcome(path, import_file(db, path, dry_run=True, allow_mass=True)))
        except Refused as exc:
            out.append(Outcome(path, None, exc.text()))
        if progress is not None and not progress(index + 1, len(paths)):
            break
    _count_files_chosen_together(out)
    return out


def _count_files_chosen_together(plan: list[Outcome]) -> None:
    """Each file was read alone: an earlier file from the same office in the same selection
    is not missing."""
    reports = [o.report for o in plan if o.importable and o.report is not None]
    for r in reports:
        if r.gap:
            last = r.sequence - r.gap - 1
            chosen = {o.sequence for o in reports if o.sender == r.sender}
            r.gap -= sum(1 for seq in chosen if last < seq < r.sequence)


def apply_all(
    db: Any, plan: list[Outcome], allow_mass: bool, progress: Any = None
) -> list[Outcome]:
    """Import the files that passed the dry run, in the order of their file numbers."""
    todo = sorted(
        (o for o in plan if o.importable),
        key=lambda o: (o.report.sender, o.report.sequence) if o.report else ("", 0),
    )
    out = []
    for index, o in enumerate(todo):
        try:
            out.append(Outcome(o.path, import_file(db, o.path, allow_mass=allow_mass)))
        except Refused as exc:
            out.append(Outcome(o.path, None, exc.text()))
        if progress is not None:
            progress(index + 1, len(todo))
    return out


class ImportDialog(common.JobDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.ctx = ctx
        self.plan: list[Outcome] = []
        self.results: list[Outcome] | None = None

        self.intro = common.wrapped_label(self, "intro")
        self.choose = QPushButton(self)
        self.choose.setObjectName("choose")
        self.choose.clicked.connect(self.choose_files)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("summary")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.message = common.wrapped_label(self, "message")
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Import exchange files"))
        self.intro.setText(
            _(
                "Choose the files you received. Tinklas first shows what each "
                "file would change; nothing changes until you press Import."
            )
        )
        self.choose.setText(_("Choose files…"))
        self.import_button.setText(_("Import"))
        self.tree.setHeaderLabels([_(c) for c in COLUMNS])

    # -- choosing and the dry run ----------------------------------------------------------
    def choose_files(self) -> None:
        paths = common.choose_files(self, _("Files to import"), common.last_folder())
        if paths:
            common.remember_folder(paths[0])
            self.check(paths)

    def check(self, paths: list[str]) -> None:
        db = self.ctx.db
        self.results = None
        self.import_button.setEnabled(False)
        self.message.setText(_("Reading the files…"))
        self.run_job(
            self.ctx.jobs,
            lambda progress: dry_run(db, paths, progress),
            on_done=self.show_plan,
            on_cancelled=self.message.clear,
            label=_("Reading the exchange files…"),
            cancellable=True,
        )

    def show_plan(self, plan: list[Outcome]) -> None:
        self.plan = plan
        self.fill(plan, after=False)
        ready = [o for o in plan if o.importable]
        self.import_button.setEnabled(bool(ready))
        lines = [
            ngettext("{n} file can be imported.", "{n} files can be imported.", len(ready)).format(
                n=len(ready)
            )
        ]
        refused = len(plan) - len(ready)
        if refused:
            lines.append(
                ngettext(
                    "{n} file will be left out (see the reason above).",
                    "{n} files will be left out (see the reasons above).",
                    refused,
                ).format(n=refused)
            )
        self.message.setText(" ".join(lines))

    # -- the table ---------------------------------------------------------------------------
    def fill(self, outcomes: list[Outcome], after: bool) -> None:
        self.tree.clear()
        for o in outcomes:
            top = QTreeWidgetItem(self.tree, [self._headline(o, after)])
            top.setToolTip(0, o.path)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            for text in self._notes(o):
                QTreeWidgetItem(top, [text]).setFirstColumnSpanned(True)
            if o.report is not None:
                tables = o.report.summary.get("tables", {})
                for table, counts in sorted(tables.items(), key=lambda kv: table_name(kv[0])):
                    QTreeWidgetItem(
                        top, [table_name(table), *[str(counts.get(k, 0)) for k in COUNTS]]
                    )
            top.setExpanded(True)

    def _headline(self, o: Outcome, after: bool) -> str:
        name = Path(o.path).name
        r = o.report
        if r is None:
            return _("{file}: refused").format(file=name)
        if r.status in ("already", "no_op"):
            return _("{file}: nothing new").format(file=name)
        what = ngettext("{n} change", "{n} changes", r.changes).format(n=r.changes)
        if after:
            return _("{file}: imported, {what} from {office} (file number {seq})").format(
                file=name, what=what, office=r.sender, seq=r.sequence
            )
        return _("{file}: {what} from {office} (file number {seq})").format(
            file=name, what=what, office=r.sender, seq=r.sequence
        )

    def _notes(self, o: Outcome) -> list[str]:
        r = o.report
        if r is None:
            return [o.refused]
        notes = []
        if r.status in ("already", "no_op"):
            notes.append(r.message)
        if r.gap:
            notes.append(
                ngettext(
                    "{n} earlier file from {office} has not arrived; its changes will come "
                    "with the next one.",
                    "{n} earlier files from {office} have not arrived; their changes will come "
                    "with the next one.",
                    r.gap,
                ).format(n=r.gap, office=r.sender)
            )
        if r.far_future:
            notes.append(
                ngettext(
                    "{n} change carries a date far in the future: check the sender's clock.",
                    "{n} changes carry a date far in the future: check the sender's clock.",
                    r.far_future,
                ).format(n=r.far_future)
            )
        if r.mass_change:
            notes.append(_("This file would archive or erase many records."))
        return notes

    # -- importing ---------------------------------------------------------------------------
    def start_import(self) -> None:
        ready = [o for o in self.plan if o.importable]
        mass = [o for o in ready if o.report is not None and o.report.mass_change]
        if mass and not ask.confirm(
            self,
            _("Many records would be archived"),
            ngettext(
                "{n} file would archive or erase many records. Import it only if "
                "the sender confirms this was intended.",
                "{n} files would archive or erase many records. Import them only "
                "if the senders confirm this was intended.",
                len(mass),
            ).format(n=len(mass)),
            _("Import anyway"),
            danger=True,
        ):
            return
        db, plan = self.ctx.db, list(self.plan)
        self.import_button.setEnabled(False)
        self.choose.setEnabled(False)
        self.message.setText(_("Importing…"))
        self.run_job(
            self.ctx.jobs,
            lambda progress: (apply_all(db, plan, bool(mass), progress), open_count(db)),
            on_done=self.show_results,
            on_error=self.failed,
            label=_("Importing the exchange files…"),
        )

    def show_results(self, outcome: tuple[list[Outcome], int]) -> None:
        results, conflicts = outcome
        self.results = results
        self.choose.setEnabled(True)
        self.fill(results, after=True)
        done = sum(1 for o in results if o.report is not None)
        text = ngettext("{n} file imported.", "{n} files imported.", done).format(n=done)
        if conflicts:
            text += " " + ngettext(
                "{n} conflict waits for you in Exchange > Conflicts.",
                "{n} conflicts wait for you in Exchange > Conflicts.",
                conflicts,
            ).format(n=conflicts)
        self.message.setText(text)
        if done:
            self.ctx.bus.publish(common.EVERYTHING)
            self.ctx.bus.status_message.emit(text)

    def failed(self, exc: BaseException) -> None:
        self.choose.setEnabled(True)
        self.message.setText(
            _("The import stopped: {reason}. That file was not imported.").format(
                reason=getattr(exc, "text", lambda: str(exc))()
            )
        )
