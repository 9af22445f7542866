"""The case tab's other flows: a new case from the form, files, the summary preview, the funnel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.db import Database
from app.models import Person
from app.services.case_stages import move_stage
from app.services.cases import get_case
from ui.cases.case_form import CaseForm
from ui.cases.files_dialog import FilesDialog
from ui.cases.summary import show_summary
from ui.context import AppContext
from ui.tabs.cases import CasesTab

TODAY = dt.date(2026, 3, 16)

pytestmark = pytest.mark.ctx(office=True)


@pytest.fixture
def ctx(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    """The shared one, on a fixed today."""
    monkeypatch.setattr(CasesTab, "today", staticmethod(lambda: TODAY))
    return ctx


def person(db: Database, first: str, last: str) -> str:
    with db.session() as s:
        p = Person(first_name=first, last_name=last)
        s.add(p)
        s.flush()
        return p.id


def new_case_by_form(qtbot: Any, ctx: AppContext) -> str:
    ona = person(ctx.db, "Ona", "Petraitienė")
    form = CaseForm(ctx, None, TODAY)
    qtbot.addWidget(form)
    assert not form.submit()  # no beneficiary picked
    assert form.errors.text("beneficiary_id")
    form.beneficiary.pick(ona, "Ona Petraitienė")
    form.idea.setPlainText("Kepykla Šalčininkuose")
    form.started.setText("not a date")
    assert not form.submit()
    assert form.pages.currentIndex() == 2 and form.errors.text("started_on")
    form.started.setText("")
    assert form.submit()
    return str(form.saved_value.id)


def test_new_case_from_the_form_shows_in_the_tab(qtbot: Any, ctx: AppContext) -> None:
    tab = CasesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    case_id = new_case_by_form(qtbot, ctx)
    tab.open_case(case_id)
    assert tab.panel.current_id() == case_id
    assert tab.page.case is not None and tab.page.case.code == "SAL-MV-2026-001"
    assert tab.board.headers[0].text() == "Intake (1)"


def test_files_are_added_and_listed(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    case_id = new_case_by_form(qtbot, ctx)
    dialog = FilesDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog)
    plan = tmp_path / "planas.pdf"
    plan.write_bytes(b"%PDF-1.4")
    dialog.kind.set_code("business_plan")
    assert dialog.add(str(plan))
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "business plan"
    assert dialog.table.item(0, 1).text() == "planas.pdf"


def test_summary_opens_in_the_preview(qtbot: Any, ctx: AppContext) -> None:
    from ui.trainings.pdf_preview import PdfPreview

    case_id = new_case_by_form(qtbot, ctx)
    holder = CasesTab(ctx)
    qtbot.addWidget(holder)
    show_summary(ctx, case_id, holder, lang="lt")
    previews = holder.findChildren(PdfPreview)
    assert len(previews) == 1 and previews[0].pages() == 1
    previews[0].close()


def test_funnel_view_shows_the_figures(qtbot: Any, ctx: AppContext) -> None:
    case_id = new_case_by_form(qtbot, ctx)
    move_stage(ctx.db, case_id, "business_idea", TODAY, reason="assessed on paper")
    assert get_case(ctx.db, case_id).stage == "business_idea"
    tab = CasesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.views.setCurrentWidget(tab.funnel)
    table = tab.funnel.table
    assert table.item(0, 0).text() == "Intake" and table.item(0, 1).text() == "1"
    assert table.item(2, 1).text() == "1" and table.item(3, 1).text() == "0"
    tab.funnel.end.setText("2025-01-01")
    tab.funnel.reload()
    assert tab.funnel.error.isVisibleTo(tab.funnel)


def test_a_line_is_changed_from_the_case_page(qtbot: Any, ctx: AppContext,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from decimal import Decimal

    from app.services.case_records import SupportData, save_support
    from ui.cases.case_page import CasePage
    from ui.cases.content import SUPPORT

    case_id = new_case_by_form(qtbot, ctx)
    save_support(ctx.db, SupportData(case_id, "equipment", "Oven", TODAY, None,
                                     Decimal("1250.50")))
    tab = CasesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.open_case(case_id)
    seen: list[str] = []

    def edit(_page: CasePage, dialog: Any) -> bool:
        seen.append(dialog.amount.text())
        dialog.description.setText("Oven and mixer")
        dialog.amount.setText("1 400,00")
        return bool(dialog.submit())

    monkeypatch.setattr(CasePage, "_run", edit)
    assert tab.page.change_line(SUPPORT, 0)
    assert seen == ["1250.50"]  # typed back in the language's decimal sign, no grouping
    line = get_case(ctx.db, case_id).support[0]
    assert (line.description, line.amount_eur) == ("Oven and mixer", Decimal("1400.00"))
    assert tab.detail.tables[SUPPORT].item(0, 1).text() == "Oven and mixer"


def test_funnel_export_from_the_tab(qtbot: Any, ctx: AppContext, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.widgets import ask

    new_case_by_form(qtbot, ctx)
    tab = CasesTab(ctx)
    qtbot.addWidget(tab)
    target = tmp_path / "funnel.xlsx"
    monkeypatch.setattr(ask, "save_path", lambda *_args: str(target))
    tab.funnel.export("xlsx")
    assert target.stat().st_size > 0
