"""Certificates: eligibility, issue to all eligible, an override with its reason, reissue,
revoke, printing in the background into the preview, the register and verification."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.certificates.codes import display
from app.services import attendance, certificates, event_editing, people, registrations
from app.services.event_editing import EventData, SessionData
from tests.ui.helpers import event_page
from ui.context import AppContext
from ui.tabs.trainings import TrainingsTab
from ui.trainings import certificate_actions
from ui.trainings.certificate_register import CertificateRegister
from ui.trainings.pdf_preview import PdfPreview

D = dt.date(2026, 11, 24)
NAMES = (("Žydrūnė", "Ąžuolaitė", "lt"), ("Łukasz", "Wiśniewski", "pl"),
         ("Владимир", "Щербаков", "ru"))

pytestmark = [pytest.mark.ctx(office=True), pytest.mark.usefixtures("answers")]


@pytest.fixture
def answers(answers: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The shared answers; the reason for an override is given (and remembered) too."""
    monkeypatch.setattr(certificate_actions, "ask_reason",
                        lambda _p, _t, text, _a: answers.append(text) or "Sirgo, dirbo namuose")
    return answers


@pytest.fixture
def event_id(ctx: AppContext) -> str:
    """Three sessions; Žydrūnė and Łukasz at all three, Владимир at one (not eligible)."""
    event = event_editing.save_event(ctx.db, EventData(
        title_lt="Lyderių mokymai", title_pl="Szkolenie liderów", starts_on=D,
        ends_on=D + dt.timedelta(2), cert_min_share=0.8)).value
    sessions = [event_editing.save_session(ctx.db, SessionData(
        event_id=event.id or "", date=D + dt.timedelta(i), hours=4, topic=f"Tema {i}"))
        .value.id or "" for i in range(3)]
    regs = []
    for first, last, lang in NAMES:
        pid = people.save_person(ctx.db, people.PersonData(
            first_name=first, last_name=last, preferred_language=lang)).value.id or ""
        regs.append(registrations.register(ctx.db, event.id or "", pid).value)
    for i, session in enumerate(sessions):
        attendance.mark(ctx.db, session, regs[:2] + (regs[2:] if i == 0 else []), "present")
    return event.id or ""


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext, event_id: str) -> TrainingsTab:
    return event_page(qtbot, ctx, event_id, "certificates")


def row_of(panel: Any, name: str) -> int:
    return next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == name)


def test_issue_override_reissue_revoke_print(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                             event_id: str, answers: list[str]) -> None:
    panel = tab.page.certificates
    assert panel.table.rowCount() == 3
    assert panel.table.item(row_of(panel, "Владимир Щербаков"), 3).text() == "no"
    assert panel.table.item(row_of(panel, "Łukasz Wiśniewski"), 1).text() == "3 of 3"
    assert panel.issue_button.text() == "Issue to all eligible (2)"
    assert "at least 80% of sessions" in panel.rule.text()

    panel.issue_button.click()
    numbers = {panel.table.item(r, 0).text(): panel.table.item(r, 4).text()
               for r in range(3)}
    assert numbers == {"Łukasz Wiśniewski": "SAL-2026-0001", "Žydrūnė Ąžuolaitė": "SAL-2026-0002",
                       "Владимир Щербаков": ""}
    assert not panel.issue_button.isEnabled()

    panel.table.selectRow(row_of(panel, "Владимир Щербаков"))
    assert panel.override_button.isEnabled()
    panel.override_button.click()
    assert "did not attend enough" in answers[-1]
    info = {c.person_name: c for c in certificates.certificates_of_event(ctx.db, event_id)}
    assert info["Владимир Щербаков"].number == "SAL-2026-0003"
    assert info["Владимир Щербаков"].override_reason == "Sirgo, dirbo namuose"
    row = row_of(panel, "Владимир Щербаков")
    assert panel.table.item(row, 5).text() == "valid, despite the rule"

    panel.table.clearSelection()
    panel.table.selectRow(row_of(panel, "Łukasz Wiśniewski"))
    panel.reissue_button.click()
    assert certificates.get_certificate(
        ctx.db, info["Łukasz Wiśniewski"].id).reissue_count == 1
    panel.revoke_button.click()
    revoked = certificates.get_certificate(ctx.db, info["Łukasz Wiśniewski"].id)
    assert revoked.revoked and revoked.revoked_reason == "Sirgo, dirbo namuose"
    assert panel.table.item(row_of(panel, "Łukasz Wiśniewski"), 5).text() == "revoked"
    assert not panel.revoke_button.isEnabled()

    panel.print_dialog()
    choice = panel.dialog
    assert choice is not None and not choice.only.isEnabled()  # a revoked one is not printed
    choice.langs.button(1).setChecked(True)  # Polish beside Lithuanian
    choice.accept()
    preview = panel.preview
    assert isinstance(preview, PdfPreview)
    assert preview.pages() == 2  # the two valid certificates
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(
        io.BytesIO(preview.data)).pages)
    assert "Žydrūnė Ąžuolaitė" in text and "Владимир Щербаков" in text
    assert "Szkolenie liderów" in text
    preview.close()


def test_printing_can_be_cancelled(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                   event_id: str) -> None:
    ids = certificates.issue(ctx.db, event_id).value
    shown: list[Any] = []
    ctx.jobs.synchronous = False
    job = certificate_actions.print_certificates(ctx, ids, None, tab, "x", "x.pdf",
                                                 on_shown=shown.append)
    ctx.jobs.cancel(job)
    qtbot.waitUntil(lambda: not ctx.jobs.busy(), timeout=10000)
    assert shown == []


def test_register_search_revoke_and_verify(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                           event_id: str) -> None:
    certificates.issue(ctx.db, event_id)
    first = next(c for c in certificates.certificates_of_event(ctx.db, event_id)
                 if c.person_name == "Žydrūnė Ąžuolaitė")
    tab.acts["register"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, CertificateRegister) and dialog.isVisible()
    assert dialog.panel.model.rowCount() == 2
    qtbot.keyClicks(dialog.panel.search, "azuol")
    qtbot.waitUntil(lambda: dialog.panel.model.rowCount() == 1, timeout=2000)
    dialog.panel.select_id(first.id)
    assert "SAL-2026-0002" in dialog.detail.text()

    dialog.code.setText(first.verification_code.lower())
    assert dialog.verify() == "valid"
    assert "Žydrūnė Ąžuolaitė" in dialog.verify_result.text()
    assert "Lyderių mokymai" in dialog.verify_result.text()

    dialog.revoke_button.click()
    assert certificates.get_certificate(ctx.db, first.id).revoked
    assert dialog.panel.model.index(0, 5).data() == "revoked"
    assert dialog.verify() == "revoked"
    assert "REVOKED" in dialog.verify_result.text()

    code = display(first.verification_code)
    mistyped = code[:-1] + ("A" if code[-1] != "A" else "B")
    dialog.code.setText(mistyped)
    assert dialog.verify() == "mistyped"
    dialog.code.setText("nonsense")
    assert dialog.verify() == "mistyped"
    dialog.accept()


def test_preview_prints_saves_and_opens(qtbot: Any, tab: TrainingsTab, ctx: AppContext,
                                        event_id: str, monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    ids = certificates.issue(ctx.db, event_id).value
    tab.page.certificates.load()
    tab.page.certificates.print(ids, None)
    preview = tab.page.certificates.preview
    assert isinstance(preview, PdfPreview)
    assert preview.document.pageCount() == 2
    assert preview.page_count.text() == "of 2"
    preview.go_to(1)
    qtbot.waitUntil(lambda: preview.page.value() == 2, timeout=2000)
    assert not preview.next_button.isEnabled()
    preview.step_zoom(1)
    assert preview.zoom.currentData() == 0.5 or isinstance(preview.zoom.currentData(), float)

    target = tmp_path / "pazymejimai"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    saved = preview.save_as()
    assert saved == (tmp_path / "pazymejimai.pdf").resolve()
    assert saved.read_bytes() == preview.data

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = preview.open_in_viewer()
    assert path is not None and opened and Path(opened[0].toLocalFile()) == path
    assert path.read_bytes().startswith(b"%PDF")

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == 2
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == 2
    preview.close()


def test_the_batch_reports_every_page_and_stops_on_cancel(ctx: AppContext,
                                                          event_id: str) -> None:
    from app.services import certificate_printing

    ids = certificates.issue(ctx.db, event_id).value
    seen: list[tuple[int, int]] = []
    data = certificate_printing.certificates_pdf(
        ctx.db, ids, None, lambda done, total: seen.append((done, total)) or True)
    assert data is not None and len(pypdf.PdfReader(io.BytesIO(data)).pages) == 2
    assert seen == [(0, 2), (1, 2), (2, 2)]
    stopped = certificate_printing.certificates_pdf(ctx.db, ids, None,
                                                    lambda done, _total: done < 1)
    assert stopped is None
