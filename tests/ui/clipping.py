"""Find texts a layout cuts off: buttons, labels, check boxes and combos narrower than they ask.

Used by the pseudo-language test and by hand: `clipped(widget)` lists every visible widget under
`widget` whose size hint is wider (or a label's text taller) than the room it was given.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QTabBar,
    QToolBar,
    QWidget,
)

SLACK = 2  # pixels of rounding a style may take


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea | QToolBar | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""  # type: ignore[attr-defined]
    if isinstance(widget, QComboBox):
        text = widget.currentText()
    return f"{type(widget).__name__}({widget.objectName() or ''}) {text!r}"


def clipped(root: QWidget) -> list[str]:
    """Visible widgets under `root` whose text does not fit (empty when all fit)."""
    out: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or _in_scroll_area(widget, root):
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel):
            if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    out.append(f"{_describe(widget)} needs height {need} > {widget.height()}")
                continue
            if hint.width() > widget.width() + SLACK:
                out.append(f"{_describe(widget)} needs {hint.width()} > {widget.width()}")
        elif isinstance(widget, QAbstractButton | QComboBox):
            if hint.width() > widget.width() + SLACK:
                out.append(f"{_describe(widget)} needs {hint.width()} > {widget.width()}")
    return out
