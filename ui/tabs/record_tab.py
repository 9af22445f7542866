"""A list/detail tab whose selected record has a bar of actions and editable detail tables
(the Networks and Advocacy tabs): enabling the record's actions, double-click to edit a row,
the row picked in a detail table, and a form opened on the record that reshows it when saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog

from app.i18n import N_, _
from ui.networks.tab_tools import open_dialog, selected_row
from ui.tabs.detail import ListDetailTab
from ui.widgets import ask

D = TypeVar("D", bound=QDialog)


class RecordActionsTab(ListDetailTab):
    record_actions: tuple[str, ...] = ()  # action names that need a selected record
    current: Any  # the selected record's detail, or None
    actions_: Any  # an ActionSet, made by the subclass
    bar: Any  # the bar of record actions above the detail

    def table_slots(self) -> list[tuple[str, Callable[[], Any]]]:
        """(detail table title, what a double-click on one of its rows does)."""
        return []

    def show_record(self, record_id: str | None) -> None:
        self.current = None
        super().show_record(record_id)
        acts = getattr(self, "actions_", None)
        if acts is None:  # still being built
            return
        acts.enable(self.record_actions, self.current is not None)
        self.bar.setVisible(self.current is not None)
        for title, slot in self.table_slots():
            table = self.detail.tables.get(title)
            if table is not None:
                table.doubleClicked.connect(lambda _index, s=slot: s())

    def retranslate(self) -> None:
        super().retranslate()
        self.actions_.retranslate()

    def _reshow(self, record_id: str | None = None) -> None:
        self.panel.reload()
        if record_id and not self.panel.select_id(record_id):
            self.show_record(record_id)
        else:
            self.show_record(self.panel.current_id())

    def _after(self) -> None:
        self._reshow(self.current.id if self.current else None)

    def _selected(self, title: str, rows: tuple[Any, ...], what: str,
                  heading: str = N_("Select a row")) -> Any:
        """The row picked in the detail table `title`; None, after saying `what`, if none."""
        row = selected_row(self.detail.tables.get(title))
        if row is None or row >= len(rows):
            ask.inform(self, _(heading), _(what))
            return None
        return rows[row]

    def _open(self, form: D) -> D:
        """Open a form on the record; saving it reshows the record."""
        open_dialog(self, form, self._after)
        return form
