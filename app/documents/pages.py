"""Page furniture shared by documents: "page X of Y" and the PDF's metadata."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen import canvas

from app.documents.fonts import SANS


def numbered_canvas(
    footer: Callable[[int, int], str], font_size: float = 8, margin: float = 28
) -> type[canvas.Canvas]:
    """A canvas class that writes footer(page, total) on every page once the total is known."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _height = self._pagesize
                self.setFont(SANS, font_size)
                self.drawRightString(width - margin, margin * 0.6, footer(self._pageNumber, total))
                super().showPage()
            super().save()

    return NumberedCanvas
