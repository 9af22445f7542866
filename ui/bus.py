"""One application-level signal carries what each mutating service changed.

Tabs subscribe, mark themselves stale and refresh when shown (Anki's operation_did_execute),
so that no tab is wired to another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services import choices
from app.services.results import REFERENCE, Changes


class Bus(QObject):
    changed = Signal(object)  # Changes
    language_changed = Signal(str)
    status_message = Signal(str)

    def publish(self, changes: Changes) -> None:
        if changes:
            if REFERENCE in changes.kinds:  # edited here, or arrived in an exchange file:
                choices.clear()  # every reader of the cached lists reads them again
            self.changed.emit(changes)
