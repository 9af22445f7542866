"""Two views across runs: the overdue responses, and the figures for the funder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, ngettext, pgettext
from app.i18n.formats import format_short_date
from app.services.advocacy import OverdueProposal, overdue_proposals
from app.services.figures import Figures, funder_figures, quarter_of
from ui.context import AppContext
from ui.widgets.date_edit import DateEdit


def _table(parent: QWidget, headers: Sequence[str], rows: Sequence[Sequence[str]],
           right: Sequence[int] = (), stretch_first: bool = False) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers), parent)
    t.setHorizontalHeaderLabels(list(headers))
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    for c in range(t.columnCount()):
        t.setColumnWidth(c, min(t.columnWidth(c), 240))
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_first:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return t


class OverdueDialog(QDialog):
    """Proposals across runs whose response is overdue; double-click opens the run."""

    def __init__(self, ctx: AppContext, open_run: Callable[[str], None],
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overdue_dialog")
        self.setWindowTitle(_("Overdue responses"))
        self.resize(1100, 420)
        self.items: list[OverdueProposal] = overdue_proposals(ctx.db, today=today)
        layout = QVBoxLayout(self)
        n = len(self.items)
        head = QLabel(ngettext(
            "{n} proposal is waiting for a response past its due date.",
            "{n} proposals are waiting for a response past their due date.", n).format(n=n)
            if n else _("No response is overdue."), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.table = _table(self, [
            _("Run"), _("Proposal"), _("Addressee"), _("Submitted"), _("Reg. no."),
            _("Response due"), _("Working days late")],
            [(f"{o.run_code} {o.run_title}", o.summary, o.addressee,
              format_short_date(o.submitted_on), o.registration_number,
              format_short_date(o.response_due_on), str(o.working_days_late))
             for o in self.items], right=(6,))
        self.table.setObjectName("overdue_table")
        self.table.doubleClicked.connect(lambda index: self._open(index.row(), open_run))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self, row: int, open_run: Callable[[str], None]) -> None:
        if 0 <= row < len(self.items):
            open_run(self.items[row].run_id)
            self.accept()


class FiguresDialog(QDialog):
    """Proposals per institution in a period (the current quarter first), networks active per
    region, products final, publications."""

    def __init__(self, ctx: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.setObjectName("figures_dialog")
        self.setWindowTitle(_("Figures for the funder"))
        self.resize(1000, 600)
        start, end = quarter_of(self.today)
        self.start, self.end = DateEdit("start", self), DateEdit("end", self)
        self.start.set_date(start)
        self.end.set_date(end)
        show = QPushButton(_("Show"), self)
        show.setObjectName("show")
        show.clicked.connect(self.reload)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        period = QHBoxLayout()
        period.addWidget(QLabel(pgettext("period", "From"), self))
        period.addWidget(self.start)
        period.addWidget(QLabel(pgettext("period", "to"), self))
        period.addWidget(self.end)
        period.addWidget(show)
        period.addWidget(self.error, 1)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addLayout(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.figures: Figures | None = None
        self.reload()

    def reload(self) -> None:
        try:
            start, end = self.start.date(), self.end.date()
        except UserError as exc:
            self.error.setText(exc.text())
            return
        if start is None or end is None or end < start:
            self.error.setText(_("Enter a period: the first and the last day."))
            return
        self.error.setText("")
        self.figures = f = funder_figures(self.ctx.db, start, end, today=self.today)
        while self.body.count():
            taken = self.body.takeAt(0)
            w = taken.widget() if taken is not None else None
            if w is not None:
                w.deleteLater()
        heading = QLabel(_("Proposals submitted in the period, by institution"), self)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.body.addWidget(heading)
        rows = [(x.institution, str(x.submitted), str(x.answered), str(x.adopted),
                 str(x.partly_adopted), str(x.rejected), str(x.no_answer), str(x.awaiting),
                 str(x.overdue)) for x in (*f.by_institution, f.total)]
        self.proposals = _table(self, [
            _("Institution"), pgettext("number of proposals", "Submitted"), _("Answered"),
            _("Adopted"), _("Partly adopted"), _("Rejected"), _("No answer"), _("Awaiting"),
            _("Overdue")], rows, right=range(1, 9), stretch_first=True)
        total = self.proposals.rowCount() - 1
        for c in range(self.proposals.columnCount()):
            cell = self.proposals.item(total, c)
            if cell is None:
                continue
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
        self.proposals.setObjectName("proposal_figures")
        self.body.addWidget(self.proposals, 2)
        lower = QHBoxLayout()
        holder = QWidget(self)
        holder.setLayout(lower)
        regions = _table(holder, [_("Region"), _("Active networks")],
                         [(r, str(n)) for r, n in f.networks_by_region], right=(1,),
                         stretch_first=True)
        regions.setObjectName("network_figures")
        lower.addWidget(regions, 1)
        other = QLabel("\n".join((
            _("Networks active: {n}").format(n=f.networks_active),
            _("Products final: {n} of {total}").format(n=f.products_final,
                                                        total=f.products_total),
            _("Publications in the period: {n}").format(n=f.publications),
        )), holder)
        other.setObjectName("other_figures")
        other.setAlignment(Qt.AlignmentFlag.AlignTop)
        lower.addWidget(other, 1)
        self.body.addWidget(holder, 1)
