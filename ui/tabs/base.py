"""The base of every main-window tab: stale marking from the bus, refresh when shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.services.results import Changes
from ui.context import AppContext


class AreaTab(QWidget):
    """Subclasses set `kinds` (the change kinds they show) and implement title/refresh."""

    kinds: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        ctx.bus.changed.connect(self._on_changed)
        ctx.bus.language_changed.connect(lambda _lang: self.retranslate())

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read what the tab shows from the services."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-set every visible text after a language change."""

    def toolbar_actions(self) -> list[Any]:
        """QActions the main window shows in its toolbar while this tab is current."""
        return []

    def focus_search(self) -> None:
        """Edit > Find (Ctrl+F): put the cursor in this tab's search box."""

    def _on_changed(self, changes: Changes) -> None:
        if changes.kinds & self.kinds:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
