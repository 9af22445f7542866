"""Dialogs of the application shell: office profile, settings, about."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_height(widget: QWidget) -> None:
    """Grow a window so that its word-wrapped labels get all their lines.

    A window's minimum size comes from its layout's size hints, which do not ask a wrapped
    label how many lines it needs at the width it really gets; a message that appears later
    (a field's error) can then push the last rows under the buttons.
    """
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    needed = widget.minimumSizeHint().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(widget.width()))
    if widget.height() < needed:
        widget.resize(widget.width(), needed)
