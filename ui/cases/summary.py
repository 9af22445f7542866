"""Printing a case summary: choose the document's language, build the PDF off the UI thread,
preview it (print, save, open)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget

from app.i18n import _, current_language
from app.services.events import LANGUAGE_NAMES
from ui.context import AppContext

LANGS = ("lt", "pl", "ru", "en")


def choose_language(parent: QWidget | None) -> str | None:
    names = [_(LANGUAGE_NAMES[code]) for code in LANGS]
    current = LANGS.index(current_language()) if current_language() in LANGS else 0
    name, ok = QInputDialog.getItem(parent, _("Case summary"),
                                    _("Language of the document:"), names, current, False)
    return LANGS[names.index(name)] if ok else None


def show_summary(ctx: AppContext, case_id: str, parent: QWidget | None = None,
                 lang: str | None = None) -> None:
    lang = lang or choose_language(parent)
    if lang is None:
        return

    def build(_progress: Any) -> tuple[bytes, str]:
        from app.documents.case_summary import render_summary  # reportlab: loaded when used
        from app.services.case_printing import summary_data

        data = summary_data(ctx.db, case_id, lang)
        return render_summary(data), data.code

    def done(result: tuple[bytes, str]) -> None:
        from ui.trainings.pdf_preview import safe_file_name, show_pdf

        pdf, code = result
        show_pdf(pdf, _("Case summary"), safe_file_name(f"{code} {_('summary')}"), parent)

    ctx.jobs.run(build, on_done=done, label=_("Preparing the case summary…"))
