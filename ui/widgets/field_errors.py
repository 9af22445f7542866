"""Messages shown beside the field they are about, as a service's ValidationError names it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


class FieldErrors:
    """Wrap each field's widget with `wrap`; `show(field, text)` puts a message under it."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._styles: dict[str, str] = {}

    def wrap(self, field: str, widget: QWidget, parent: QWidget | None = None) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = QLabel(box)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        layout.addWidget(label)
        self._labels[field] = label
        self._widgets[field] = widget
        self._styles[field] = widget.styleSheet()
        return box

    def fields(self) -> list[str]:
        return list(self._labels)

    def show(self, field: str, text: str) -> bool:
        """Show `text` under `field` and focus it; False if the form has no such field."""
        label = self._labels.get(field)
        if label is None:
            return False
        label.setText(text)
        label.setVisible(True)
        widget = self._widgets[field]
        widget.setStyleSheet(INVALID_STYLE)
        widget.setFocus()
        return True

    def clear(self, field: str | None = None) -> None:
        for name in [field] if field else list(self._labels):
            if name in self._labels:
                self._labels[name].clear()
                self._labels[name].setVisible(False)
                self._widgets[name].setStyleSheet(self._styles[name])

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
