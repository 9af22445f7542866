"""The import of a participant list, step by step: file, columns, preview, Import, summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.db import Database
from app.services import event_editing, people, registrations
from app.services.event_editing import EventData
from tests.ui.helpers import app_context, event_page
from ui.context import AppContext
from ui.trainings.import_wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton
D = dt.date(2026, 11, 24)
FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
if not FIXTURES.exists():  # CI lays shared/ beside the checkout too
    FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
LT_CSV = FIXTURES / "participants-lt-excel.csv"

pytestmark = pytest.mark.usefixtures("answers")


@pytest.fixture(params=[True, False], ids=["sync", "worker"])
def ctx(request: Any, qapp: QApplication, office_db: Database) -> Iterator[AppContext]:
    """Over `office_db`, once with the jobs run at once and once on a worker thread."""
    with app_context(office_db, synchronous=request.param) as context:
        yield context


@pytest.fixture
def event_id(ctx: AppContext) -> str:
    return event_editing.save_event(ctx.db, EventData(title_lt="Lyderių mokymai",
                                                      starts_on=D)).value.id or ""


@pytest.fixture
def wizard(qtbot: Any, ctx: AppContext, event_id: str) -> ImportWizard:
    tab = event_page(qtbot, ctx, event_id, "participants", wait_exposed=False)
    panel = tab.page.participants
    qtbot.mouseClick(panel.import_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, ImportWizard) and dialog.isVisible()
    return dialog


def choose(qtbot: Any, monkeypatch: pytest.MonkeyPatch, wizard: ImportWizard,
           path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    qtbot.mouseClick(wizard.browse, LEFT)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=5000)


def test_import_the_lithuanian_excel_list(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                          wizard: ImportWizard, ctx: AppContext,
                                          event_id: str) -> None:
    jurgita = people.save_person(ctx.db, people.PersonData(
        first_name="Jurgita", last_name="Čiurlionytė", email="jurgita@example.lt")).value.id
    lukasz = people.save_person(ctx.db, people.PersonData(
        first_name="Łukasz", last_name="Wiśniewski", email="lukasz.w@example.lt")).value.id
    registrations.register(ctx.db, event_id, lukasz or "")
    assert wizard.step() == "file" and not wizard.next_button.isEnabled()

    choose(qtbot, monkeypatch, wizard, LT_CSV)
    assert wizard.file_error.text() == ""
    assert wizard.file_info.text() == "8 rows read."
    qtbot.mouseClick(wizard.next_button, LEFT)

    assert wizard.step() == "mapping"
    combos = wizard.mapping.combos
    assert combos["first_name"].currentText() == "A: Vardas"
    assert combos["last_name"].currentText() == "B: Pavardė"
    assert combos["email"].currentText() == "E: El. paštas"
    assert wizard.mapping.language.currentData() == "lt"
    assert wizard.mapping.sample.item(0, 1).text() == "Pavardė"  # the header row, shown
    combos["gender"].setCurrentIndex(0)  # a person may leave a column out
    assert "gender" not in wizard.mapping.mapping.columns
    combos["phone"].setCurrentIndex(combos["phone"].findData(4))  # E goes to phone...
    assert "email" not in wizard.mapping.mapping.columns  # ...and leaves e-mail
    assert combos["email"].currentIndex() == 0
    combos["email"].setCurrentIndex(combos["email"].findData(4))  # back again
    combos["phone"].setCurrentIndex(combos["phone"].findData(3))
    qtbot.mouseClick(wizard.next_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step() == "preview", timeout=5000)

    result = {wizard.model.text(r, 1): (r.status, wizard.model.text(r, 5))
              for r in wizard.model.rows}
    assert result["Jurgita Čiurlionytė"][0] == "matched"
    assert "Jurgita Čiurlionytė (jurgita@example.lt)" in result["Jurgita Čiurlionytė"][1]
    assert result["Łukasz Wiśniewski"][0] == "registered"
    assert [s for s, _d in result.values()].count("new") == 5
    assert wizard.counts.text().startswith("5 new people, 1 matched")
    assert wizard.model.index(0, 4).data() in ("New", "Matched", "Already registered")
    assert len(registrations.registrations(ctx.db, event_id)) == 1  # nothing yet

    qtbot.mouseClick(wizard.import_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step() == "summary", timeout=5000)
    assert wizard.imported is not None
    assert (wizard.imported.created, wizard.imported.matched, wizard.imported.registered,
            wizard.imported.skipped) == (5, 1, 6, 1)
    assert "5 new people added to the registry." in wizard.summary.text()
    regs = registrations.registrations(ctx.db, event_id)
    assert len(regs) == 7
    assert jurgita in {r.person_id for r in regs}
    assert "Žydrūnė Ąžuolaitė" in {r.person_name for r in regs}
    qtbot.mouseClick(wizard.close_button, LEFT)
    assert not wizard.isVisible()


def test_invalid_rows_are_marked_with_the_reason(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                 wizard: ImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Vardas;Pavardė;Gimimo metai\nOna;Petraitienė;1970\nJonas;;1980\n"
                    "Rasa;Rasaitė;vakar\n", encoding="utf-8")
    choose(qtbot, monkeypatch, wizard, path)
    qtbot.mouseClick(wizard.next_button, LEFT)
    qtbot.mouseClick(wizard.next_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step() == "preview", timeout=5000)
    statuses = [(r.line, r.status) for r in wizard.model.rows]
    assert statuses == [(2, "new"), (3, "invalid"), (4, "invalid")]
    assert "not a year of birth" in wizard.model.text(wizard.model.rows[2], 5)
    assert "1 new person," in wizard.counts.text()
    assert "2 invalid" in wizard.counts.text()


@pytest.mark.parametrize(("content", "message"), [
    (b"PK\x03\x04 not really a zip", "damaged or not an Excel file"),
    (b"", "The file is empty."),
    (b"%PDF-1.4 a scanned sheet", "not a spreadsheet"),
])
def test_a_broken_file_says_why_and_imports_nothing(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, wizard: ImportWizard, ctx: AppContext,
        event_id: str, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    choose(qtbot, monkeypatch, wizard, path)
    assert message in wizard.file_error.text()
    assert not wizard.next_button.isEnabled()
    assert wizard.step() == "file"
    assert registrations.registrations(ctx.db, event_id) == []


def test_a_list_without_known_headers_lets_the_person_choose(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, wizard: ImportWizard,
        tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Sąrašas\nA;B\nOna;Petraitienė\n", encoding="utf-8")
    choose(qtbot, monkeypatch, wizard, path)
    assert "No header row" in wizard.file_error.text()
    qtbot.mouseClick(wizard.next_button, LEFT)
    assert "last names" in wizard.mapping_error.text()
    assert not wizard.next_button.isEnabled()
    wizard.mapping.header_row.setValue(2)
    combos = wizard.mapping.combos
    combos["first_name"].setCurrentIndex(combos["first_name"].findData(0))
    combos["last_name"].setCurrentIndex(combos["last_name"].findData(1))
    assert wizard.next_button.isEnabled()
    qtbot.mouseClick(wizard.next_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step() == "preview", timeout=5000)
    assert [r.status for r in wizard.model.rows] == ["new"]
