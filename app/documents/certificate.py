"""Certificates: A4 landscape, Lithuanian with the participant's language beside it.

Drawn straight on the canvas (no flowables), so a thousand pages render in seconds. The
verification code is printed and encoded in a QR code; the number comes from the office's series.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from app.documents.fonts import SANS, SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from app.i18n import catalog as _catalog
from app.i18n import gettext_in, npgettext, pgettext
from app.i18n.formats import format_date, format_date_range, format_number

PAGE = landscape(A4)
QR_MASK = 2
SECOND_LANGS = ("pl", "ru")
GREY = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f4e79")

# "took part in …" depends on the kind of event (and on its grammatical case in Lithuanian).
KIND_PHRASES = {
    "training": "took part in the training",
    "seminar": "took part in the seminar",
    "round_table": "took part in the round table",
    "study_visit": "took part in the study visit",
    "conference": "took part in the conference",
    "consultation": "took part in the consultation",
    "network_meeting": "took part in the network meeting",
}


def _mark() -> None:  # pragma: no cover - only for the extractor
    pgettext("certificate", "took part in the training")
    pgettext("certificate", "took part in the seminar")
    pgettext("certificate", "took part in the round table")
    pgettext("certificate", "took part in the study visit")
    pgettext("certificate", "took part in the conference")
    pgettext("certificate", "took part in the consultation")
    pgettext("certificate", "took part in the network meeting")
    npgettext("certificate", "{hours} academic hour", "{hours} academic hours", 1)


@dataclass(frozen=True)
class CertificateData:
    number: str
    verification_code: str
    person_name: str
    person_lang: str
    event_kind: str
    event_title: str  # Lithuanian
    event_title_second: str  # in the participant's language, if the event has it
    starts_on: dt.date
    ends_on: dt.date
    hours: float
    topics: Sequence[str] = field(default_factory=tuple)
    place: str = ""
    office_name: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    issued_on: dt.date = field(default_factory=dt.date.today)
    logo: Path | None = None
    revoked: bool = False


def _kind_phrase(lang: str, kind: str) -> str:
    return _catalog(lang).pgettext("certificate", KIND_PHRASES.get(kind, KIND_PHRASES["training"]))


def _hours(lang: str, hours: float) -> str:
    # A fraction takes the genitive singular in lt, pl and ru ("1,5 valandos", "1,5 godziny",
    # "1,5 часа"), which is the form of 2.
    n = int(hours) if float(hours).is_integer() else 2
    text = _catalog(lang).npgettext(
        "certificate", "{hours} academic hour", "{hours} academic hours", n
    )
    return text.format(hours=format_number(hours, lang))


def _dates(lang: str, start: dt.date, end: dt.date) -> str:
    return format_date_range(start, end, lang)


def _qr_path(c: canvas.Canvas, text: str, x: float, y: float, size: float) -> None:
    """The verification code as a QR code, drawn as vector runs.

    A fixed mask pattern is as valid as the "best" one reportlab would search for (that search
    was three quarters of a certificate's drawing time), and runs of dark modules are drawn as
    one rectangle each.
    """
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    n = qr.getModuleCount()
    quiet = 2
    cell = size / (n + 2 * quiet)
    path = c.beginPath()
    for r in range(n):
        col = 0
        while col < n:
            if qr.isDark(r, col):
                start = col
                while col < n and qr.isDark(r, col):
                    col += 1
                path.rect(x + (start + quiet) * cell, y + size - (r + quiet + 1) * cell,
                          (col - start) * cell, cell)
            col += 1
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)


def _centered(
    c: canvas.Canvas,
    text: str,
    y: float,
    font: str,
    size: float,
    color: colors.Color = colors.black,
    max_width: float | None = None,
) -> None:
    width = max_width or PAGE[0] - 60 * mm
    while c.stringWidth(text, font, size) > width and size > 7:
        size -= 0.5  # long names and titles shrink rather than run off the page
    c.setFont(font, size)
    c.setFillColor(color)
    c.drawCentredString(PAGE[0] / 2, y, text)


def _pair(
    c: canvas.Canvas,
    d: CertificateData,
    second: str | None,
    y: float,
    lt_text: str,
    other_text: str,
    size: float = 13,
) -> float:
    """A Lithuanian line with its translation below it; returns the next y."""
    _centered(c, lt_text, y, SERIF, size)
    y -= size * 1.15
    if second and other_text:
        _centered(c, other_text, y, SERIF_ITALIC, size * 0.8, GREY)
        y -= size * 1.1
    return y - 4


def draw_certificate(c: canvas.Canvas, d: CertificateData) -> None:
    second = d.person_lang if d.person_lang in SECOND_LANGS else None
    w, h = PAGE
    c.setStrokeColor(ACCENT)
    c.setLineWidth(3)
    c.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
    c.setLineWidth(0.8)
    c.rect(15 * mm, 15 * mm, w - 30 * mm, h - 30 * mm)
    if d.logo and d.logo.exists():
        c.drawImage(
            ImageReader(str(d.logo)),
            24 * mm,
            h - 46 * mm,
            24 * mm,
            24 * mm,
            preserveAspectRatio=True,
            mask="auto",
        )
    c.setFont(SANS, 10)
    c.setFillColor(GREY)
    c.drawRightString(w - 24 * mm, h - 28 * mm, d.office_name)
    c.drawRightString(
        w - 24 * mm,
        h - 34 * mm,
        gettext_in("lt", "Certificate No. {number}").format(number=d.number),
    )
    y = h - 62 * mm
    _centered(c, gettext_in("lt", "CERTIFICATE"), y, SERIF_BOLD, 30, ACCENT)
    if second:
        _centered(c, gettext_in(second, "CERTIFICATE"), y - 20, SERIF_ITALIC, 15, GREY)
    y -= 44
    y = _pair(
        c,
        d,
        second,
        y,
        gettext_in("lt", "This certifies that"),
        gettext_in(second, "This certifies that") if second else "",
    )
    _centered(c, d.person_name, y - 8, SERIF_BOLD, 24)
    y -= 40
    y = _pair(
        c,
        d,
        second,
        y,
        _kind_phrase("lt", d.event_kind),
        _kind_phrase(second, d.event_kind) if second else "",
    )
    _centered(c, f"„{d.event_title}“", y, SERIF_BOLD, 16)
    y -= 19
    if second and d.event_title_second and d.event_title_second != d.event_title:
        _centered(c, f"„{d.event_title_second}“", y, SERIF_ITALIC, 12, GREY)
        y -= 16
    y -= 4
    where = f", {d.place}" if d.place else ""
    y = _pair(
        c,
        d,
        second,
        y,
        f"{_dates('lt', d.starts_on, d.ends_on)}{where}, {_hours('lt', d.hours)}",
        f"{_dates(second, d.starts_on, d.ends_on)}{where}, {_hours(second, d.hours)}"
        if second
        else "",
        size=12,
    )
    if d.topics:
        label = gettext_in("lt", "Topics: {topics}")
        _centered(c, label.format(topics="; ".join(d.topics)), y, SERIF, 10, GREY, w - 80 * mm)
        y -= 14
    # Signature, issue date, verification
    base = 32 * mm
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    c.line(w / 2 - 45 * mm, base + 14 * mm, w / 2 + 45 * mm, base + 14 * mm)
    c.setFont(SERIF, 11)
    c.setFillColor(colors.black)
    c.drawCentredString(w / 2, base + 9 * mm, d.signatory_name)
    c.setFont(SERIF, 9)
    c.drawCentredString(w / 2, base + 5 * mm, d.signatory_title)
    c.setFont(SANS, 9)
    c.setFillColor(GREY)
    issued = gettext_in("lt", "Issued on {date}").format(
        date=format_date(d.issued_on, "long", "lt")
    )
    c.drawString(24 * mm, base + 9 * mm, issued)
    if second:
        c.drawString(
            24 * mm,
            base + 4.5 * mm,
            gettext_in(second, "Issued on {date}").format(
                date=format_date(d.issued_on, "long", second)
            ),
        )
    qr = 26 * mm
    _qr_path(c, d.verification_code, w - 24 * mm - qr, 22 * mm, qr)
    c.setFont(SANS, 8)
    c.setFillColor(GREY)
    c.drawRightString(
        w - 24 * mm - qr - 3 * mm,
        36 * mm,
        gettext_in("lt", "Verification code: {code}").format(code=d.verification_code),
    )
    if second:
        c.drawRightString(
            w - 24 * mm - qr - 3 * mm,
            32 * mm,
            gettext_in(second, "Verification code: {code}").format(code=d.verification_code),
        )
    if d.revoked:
        c.saveState()
        c.setFont(SANS, 60)
        c.setFillColor(colors.Color(0.8, 0, 0, alpha=0.35))
        c.translate(w / 2, h / 2)
        c.rotate(20)
        c.drawCentredString(0, 0, gettext_in("lt", "REVOKED"))
        c.restoreState()
    c.showPage()


def render_certificates(
    items: Iterable[CertificateData], title: str = "", author: str = ""
) -> bytes:
    """All certificates into one PDF, one page each."""
    register_fonts()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=PAGE, pageCompression=1)
    c.setTitle(title or gettext_in("lt", "Certificates"))
    c.setAuthor(author)
    for item in items:
        draw_certificate(c, item)
    c.save()
    return out.getvalue()
