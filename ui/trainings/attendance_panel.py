"""The Attendance sub-tab: the grid, its legend, "mark everyone present", signed sheets and the
printed attendance sheet."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services import evidence
from app.services.event_editing import SessionData
from app.services.results import Changes
from ui.context import AppContext
from ui.trainings import labels
from ui.trainings.attendance_model import AttendanceModel
from ui.trainings.attendance_view import AttendanceView
from ui.trainings.panel_base import EventPanel, button_bar, open_dialog
from ui.widgets import ask

if TYPE_CHECKING:
    from ui.trainings.sheet_dialog import SheetDialog

SCANS = "*.pdf *.png *.jpg *.jpeg *.tif *.tiff"


class AttendancePanel(EventPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("attendance_panel")
        self.dialog: SheetDialog | None = None
        self.model = AttendanceModel(ctx.db, self)
        self.view = AttendanceView(self.model, self)
        self.view.marked.connect(self.publish)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setObjectName("attendance_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.all_present = QPushButton(self)
        self.all_present.setObjectName("all_present")
        self.all_present.clicked.connect(lambda: self.mark_all_present(self._column()))
        self.sheet_button = QToolButton(self)
        self.sheet_button.setObjectName("signed_sheet")
        self.sheet_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sheet_menu = QMenu(self)
        self.sheet_menu.aboutToShow.connect(
            lambda: self._fill_sheet_menu(self.sheet_menu, self._column()))
        self.sheet_button.setMenu(self.sheet_menu)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_sheet")
        self.print_button.clicked.connect(lambda: self.print_sheet())
        buttons = button_bar(self, (self.all_present, self.sheet_button, self.print_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.legend)
        layout.addWidget(buttons)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    # -- reading --------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the grid again, keeping the current cell and the selection (by person and
        session), so that marking publishes a change without losing the place."""
        current = self.model.cell_ids(self.view.currentIndex().row(),
                                      self.view.currentIndex().column())
        selected = [self.model.cell_ids(i.row(), i.column())
                    for i in self.view.selectedIndexes()]
        self.model.load(self.event_id)
        if current:
            index = self.model.index_of(*current)
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate)
        for ids in selected:
            if ids is None:
                continue
            index = self.model.index_of(*ids)
            if index.isValid():
                self.view.selectionModel().select(index,
                                                  QItemSelectionModel.SelectionFlag.Select)
        self._update()

    def _update(self) -> None:
        ready = bool(self.model.sessions and self.model.people)
        self.stack.setCurrentWidget(self.view if ready else self.empty)
        if not self.model.sessions:
            self.empty.setText(_("The event has no sessions yet. Add them on the Sessions tab; "
                                 "the attendance of each person at each session is marked "
                                 "here."))
        elif not self.model.people:
            self.empty.setText(_("Nobody is registered yet. Attendance is marked for the "
                                 "people on the Participants tab."))
        for w in (self.all_present, self.sheet_button):
            w.setEnabled(bool(self.model.sessions))
        self.print_button.setEnabled(self.event_id is not None)

    def retranslate_texts(self) -> None:
        keys = labels.mark_keys()
        self.legend.setText(_(
            "Keys: {present} present · {absent} absent · {excused} excused · Space switches "
            "between present and absent · Delete clears. Arrows move; Shift+arrows select "
            "several cells and a key marks them all.").format(**keys))
        self.all_present.setText(_("Mark session as all present"))
        self.sheet_button.setText(_("Signed sheet"))
        self.print_button.setText(_("Print attendance sheet…"))

    def _column(self) -> int:
        col = self.view.currentIndex().column()
        return col if 0 <= col < len(self.model.sessions) else 0

    def session_at(self, col: int) -> SessionData | None:
        return self.model.sessions[col] if 0 <= col < len(self.model.sessions) else None

    # -- marking --------------------------------------------------------------------------------

    def mark_all_present(self, col: int) -> Changes:
        cells = [(r, col) for r in range(len(self.model.people))]
        self.view.select_column(col)
        return self.view.mark("present", cells)

    # -- signed sheets --------------------------------------------------------------------------

    def _header_menu(self, pos: QPoint) -> None:
        col = self.view.horizontalHeader().logicalIndexAt(pos)
        if self.session_at(col) is None:
            return
        menu = QMenu(self)
        self._fill_sheet_menu(menu, col, with_marking=True)
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def _fill_sheet_menu(self, menu: QMenu, col: int, with_marking: bool = False) -> None:
        menu.clear()
        session = self.session_at(col)
        if session is None:
            return
        n = session.number
        if with_marking:
            menu.addAction(_("Mark everyone present at session {n}").format(n=n),
                           lambda: self.mark_all_present(col))
            menu.addSeparator()
        files = evidence.sheets(self.ctx.db, session.id or "")
        menu.addAction(_("Attach signed sheet…"), lambda: self.attach_sheet(session))
        opener = menu.addAction(_("Open signed sheet"),
                                lambda: self.open_sheet(files[0].id if files else ""))
        opener.setEnabled(bool(files))
        for f in files[1:]:
            menu.addAction(_("Open {file}").format(file=f.filename),
                           partial(self.open_sheet, f.id))
        remover = menu.addAction(_("Remove signed sheet…"),
                                 lambda: self.remove_sheet(files[0].id if files else ""))
        remover.setEnabled(bool(files))
        menu.addSeparator()
        menu.addAction(_("Print attendance sheet for session {n}…").format(n=n),
                       lambda: self.print_sheet(n))

    def attach_sheet(self, session: SessionData, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Attach the signed sheet of session {n}").format(n=session.number), "",
                _("Scanned sheets ({patterns})").format(patterns=SCANS))
        if not path:
            return False
        saved = self.call(lambda: evidence.attach(self.ctx.db, session.id or "", path))
        if saved is None:
            return False
        self.publish(saved.changes)
        self.ctx.bus.status_message.emit(_("The signed sheet {file} is attached to session "
                                           "{n}.").format(file=saved.value.filename,
                                                          n=session.number))
        return True

    def open_sheet(self, attachment_id: str) -> bool:
        path = self.call(lambda: evidence.sheet_path(self.ctx.db, attachment_id))
        if path is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ask.warn(self, _("No program to open this file was found. It is at {path}.").format(
                path=path))
            return False
        return True

    def remove_sheet(self, attachment_id: str) -> bool:
        if not ask.confirm(self, _("Remove signed sheet"),
                           _("Remove the signed sheet from the session? The scan itself stays "
                             "in the database's backups."), _("Remove"), danger=True):
            return False
        changes = self.call(lambda: evidence.remove(self.ctx.db, attachment_id))
        if changes is None:
            return False
        self.publish(changes)
        return True

    def print_sheet(self, session_number: int | None = None) -> SheetDialog | None:
        from ui.trainings.sheet_dialog import SheetDialog

        if not self.event_id:
            return None
        dialog = SheetDialog(self.ctx, self.event_id, session_number, self)
        open_dialog(self, dialog)
        return dialog
