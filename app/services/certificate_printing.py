"""Many certificates into one PDF with progress and cancel (the tab's background job).

`printing.certificates_pdf` reports progress once, before drawing; here every page reports, and a
False from `progress` (the person pressed Cancel) stops the drawing. Meant to move into
app/services/printing.py once its owner takes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.db import Database
from app.documents.certificate import CertificateData, render_certificates
from app.services.printing import certificate_data

Progress = Callable[[int, int], bool]


class _Stop(Exception):
    pass


def certificates_pdf(db: Database, certificate_ids: list[str], second_lang: str | None,
                     progress: Progress) -> bytes | None:
    """The PDF, or None when cancelled."""
    data = certificate_data(db, certificate_ids, second_lang)
    total = len(data)

    def pages() -> Iterator[CertificateData]:
        for done, item in enumerate(data):
            if not progress(done, total):
                raise _Stop
            yield item
        progress(total, total)

    try:
        return render_certificates(pages())
    except _Stop:
        return None
