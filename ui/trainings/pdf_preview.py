"""A PDF preview: pages, zoom, Print…, Save as… and Open in the PDF viewer. Any tab may use it.

The PDF comes as bytes (made by app.documents off the GUI thread); printing renders each page of
the QPdfDocument into the printer with QPainter, so it works with any printer driver.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.files import write_atomic
from app.i18n import _
from ui.trainings.panel_base import safe_file_name
from ui.widgets import ask

log = logging.getLogger(__name__)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PRINT_DPI = 300


class PdfPreview(QDialog):
    def __init__(self, data: bytes, title: str, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(title)
        self.data = data
        self.file_name = safe_file_name(file_name)
        self._buffer = QBuffer(self)  # the document reads from it while shown
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.prev_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.page = QSpinBox(self)
        self.page.setObjectName("page")
        self.page.setRange(1, max(1, self.pages()))
        self.page_count = QLabel(self)
        self.zoom = QComboBox(self)
        self.zoom.setObjectName("zoom")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_as")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("open_in_viewer")
        self.close_button = QPushButton(self)

        bar = QHBoxLayout()
        for w in (self.prev_button, self.page, self.page_count, self.next_button, self.zoom):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, self.open_button, self.close_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(self._page_changed)
        self.page.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self.step_zoom(1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self,
                  lambda: self.step_zoom(-1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self,
                  lambda: self.go_to(self.current_page() + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self,
                  lambda: self.go_to(self.current_page() - 1))
        self.retranslate()
        self.resize(980, 760)

    # -- pages and zoom -------------------------------------------------------------------------

    def pages(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.pages() and page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.pages() - 1)

    def _zoom_changed(self, index: int) -> None:
        value = self.zoom.itemData(index)
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif isinstance(value, float):
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(value)

    def step_zoom(self, step: int) -> None:
        factor = self.view.zoomFactor()
        steps = [z for z in ZOOMS if (z > factor + 1e-3 if step > 0 else z < factor - 1e-3)]
        if steps:
            target = steps[0] if step > 0 else steps[-1]
            self.zoom.setCurrentIndex(self.zoom.findData(target))

    def retranslate(self) -> None:
        self.prev_button.setText(_("Previous page"))
        self.next_button.setText(_("Next page"))
        self.page_count.setText(_("of {pages}").format(pages=self.pages()))
        current = self.zoom.currentData()
        self.zoom.blockSignals(True)
        self.zoom.clear()
        self.zoom.addItem(_("Fit width"), "width")
        self.zoom.addItem(_("Whole page"), "page")
        for z in ZOOMS:
            self.zoom.addItem(_("{percent}%").format(percent=round(z * 100)), z)
        self.zoom.setCurrentIndex(max(0, self.zoom.findData(current)))
        self.zoom.blockSignals(False)
        self.print_button.setText(_("Print…"))
        self.save_button.setText(_("Save as…"))
        self.open_button.setText(_("Open in the PDF viewer"))
        self.close_button.setText(_("Close"))
        self._page_changed(max(0, self.current_page()))

    # -- print, save, open ----------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        if self.pages():
            size = self.document.pagePointSize(0)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                       if size.width() > size.height()
                                       else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.pages()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages into `printer`; return how many were printed."""
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first and last else range(self.pages())
        painter = QPainter()
        if not painter.begin(printer):
            ask.warn(self, _("The printer could not be started."))
            return 0
        done = 0
        try:
            for page in pages:
                if done:
                    printer.newPage()
                self._draw_page(painter, page, painter.viewport())
                done += 1
        finally:
            painter.end()
        return done

    def _draw_page(self, painter: QPainter, page: int, target: QRect) -> None:
        points = self.document.pagePointSize(page)
        scale = min(target.width() / points.width(), target.height() / points.height())
        dpi = min(PRINT_DPI, max(72, round(scale * 72)))
        image = self.document.render(page, QSize(round(points.width() * dpi / 72),
                                                 round(points.height() * dpi / 72)))
        w, h = round(points.width() * scale), round(points.height() * scale)
        x = target.x() + (target.width() - w) // 2
        y = target.y() + (target.height() - h) // 2
        painter.drawImage(QRect(x, y, w, h), image)

    def save_as(self) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the PDF"), self.file_name,
            _("PDF documents ({patterns})").format(patterns="*.pdf"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            return write_atomic(path, self.data)
        except UserError as exc:
            ask.warn(self, exc.text())
            return None

    def open_in_viewer(self) -> Path | None:
        folder = Path(tempfile.mkdtemp(prefix="tinklas-pdf-"))
        try:
            path = write_atomic(folder / self.file_name, self.data)
        except UserError as exc:
            ask.warn(self, exc.text())
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ask.warn(self, _("No program to open PDF documents was found. The file is at "
                             "{path}.").format(path=path))
        return path


def show_pdf(data: bytes, title: str, file_name: str, parent: QWidget | None = None
             ) -> PdfPreview:
    """Open a preview (not modal, so the tab stays usable) and return it."""
    dialog = PdfPreview(data, title, file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
