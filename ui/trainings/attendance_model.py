"""The attendance grid as a Qt model: people down, sessions across, rates in the last column
and the last row. Marks are saved through the attendance service as they are made."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.db import Database
from app.i18n import _, pgettext
from app.i18n.formats import format_short_date
from app.services import attendance
from app.services.attendance import GridRow
from app.services.event_editing import SessionData
from app.services.events import percent
from app.services.results import Changes
from ui.trainings import labels

Index = QModelIndex | QPersistentModelIndex
COLOURS = {"present": "#cdebd3", "absent": "#f6cfcd", "excused": "#fbeab0"}
TEXT = QColor("#202124")
MARK_ROLE = Qt.ItemDataRole.UserRole + 2  # the mark's code, for tests and delegates


class AttendanceModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id: str | None = None
        self.sessions: tuple[SessionData, ...] = ()
        self.people: tuple[GridRow, ...] = ()
        self.marks: list[list[str | None]] = []

    def load(self, event_id: str | None) -> None:
        self.beginResetModel()
        self.event_id = event_id
        if event_id:
            g = attendance.grid(self.db, event_id)
            self.sessions, self.people = g.sessions, g.rows
            self.marks = [list(r.marks) for r in g.rows]
        else:
            self.sessions, self.people, self.marks = (), (), []
        self.endResetModel()

    # -- shape ----------------------------------------------------------------------------------

    def rate_column(self) -> int:
        return len(self.sessions)

    def rate_row(self) -> int:
        return len(self.people)

    def is_mark(self, index: Index) -> bool:
        return (index.isValid() and index.row() < len(self.people)
                and index.column() < len(self.sessions))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or not self.sessions:
            return 0
        return len(self.people) + (1 if self.people else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.sessions else len(self.sessions) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- rates ----------------------------------------------------------------------------------

    def person_present(self, row: int) -> int:
        return sum(1 for m in self.marks[row] if m == "present")

    def person_rate(self, row: int) -> float | None:
        return self.person_present(row) / len(self.sessions) if self.sessions else None

    def session_rate(self, column: int) -> float | None:
        if not self.marks:
            return None
        return sum(1 for r in self.marks if r[column] == "present") / len(self.marks)

    # -- Qt model API ---------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            if horizontal and section < len(self.sessions):
                s = self.sessions[section]
                return _("{n}\n{date}").format(n=s.number, date=format_short_date(s.date))
            if horizontal:
                return pgettext("sessions one person attended", "Attended")
            if section < len(self.people):
                return self.people[section].registration.person_name
            return _("Present at the session")
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and section < len(self.sessions):
            s = self.sessions[section]
            return _("Session {n}, {date}: {topic}").format(
                n=s.number, date=format_short_date(s.date), topic=s.topic or "—")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if self.is_mark(index):
            return self._mark_data(row, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if row < len(self.people):  # the person's rate
                rate = self.person_rate(row)
                return _("{present} of {sessions} · {share}").format(
                    present=self.person_present(row), sessions=len(self.sessions),
                    share=percent(rate or 0))
            if col < len(self.sessions):
                rate = self.session_rate(col)
                return percent(rate) if rate is not None else ""
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef1f4"))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT)
        return None

    def _mark_data(self, row: int, col: int, role: int) -> Any:
        mark = self.marks[row][col]
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.mark_keys().get(mark or "", "")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _("{name}, session {n}: {mark}").format(
                name=self.people[row].registration.person_name,
                n=self.sessions[col].number,
                mark=labels.mark_name(mark) or _("not marked"))
        if role == MARK_ROLE:
            return mark
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(QColor(COLOURS[mark]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT) if mark else None
        return None

    # -- marking --------------------------------------------------------------------------------

    def set_marks(self, cells: Iterable[tuple[int, int]], status: str | None) -> Changes:
        """Mark (or with None, clear) the cells (row, column); saved at once, per session."""
        by_session: dict[int, list[int]] = {}
        for row, col in cells:
            if 0 <= row < len(self.people) and 0 <= col < len(self.sessions) \
                    and self.marks[row][col] != status:
                by_session.setdefault(col, []).append(row)
        changes = Changes()
        for col, rows in by_session.items():
            session_id = self.sessions[col].id or ""
            reg_ids = [self.people[r].registration.id for r in rows]
            changes |= attendance.mark(self.db, session_id, reg_ids, status)
            for r in rows:
                self.marks[r][col] = status
                self.dataChanged.emit(self.index(r, col), self.index(r, col))
        if by_session:
            last_row, last_col = self.rate_row(), self.rate_column()
            self.dataChanged.emit(self.index(0, last_col), self.index(last_row, last_col))
            self.dataChanged.emit(self.index(last_row, 0), self.index(last_row, last_col))
        return changes

    def toggled(self, cells: list[tuple[int, int]]) -> str:
        """What Space makes of the cells: absent if all are present, else present."""
        marks = [self.marks[r][c] for r, c in cells
                 if r < len(self.people) and c < len(self.sessions)]
        return "absent" if marks and all(m == "present" for m in marks) else "present"

    def cell_ids(self, row: int, col: int) -> tuple[str, str] | None:
        if 0 <= row < len(self.people) and 0 <= col < len(self.sessions):
            return self.people[row].registration.id, self.sessions[col].id or ""
        return None

    def index_of(self, reg_id: str, session_id: str) -> QModelIndex:
        rows = [i for i, p in enumerate(self.people) if p.registration.id == reg_id]
        cols = [i for i, s in enumerate(self.sessions) if s.id == session_id]
        return self.index(rows[0], cols[0]) if rows and cols else QModelIndex()
