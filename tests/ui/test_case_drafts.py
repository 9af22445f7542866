"""Crash-safe drafts in the case form and the case line dialogs: what is typed is kept in a
draft file and offered back when the same form opens again after a crash."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import drafts
from app.db import Database
from app.models import Person
from app.services.case_editing import CaseData, save_case
from app.services.cases import get_case
from ui.cases.case_form import CaseForm
from ui.cases.line_dialogs import ActionDialog, ActivityDialog, OutcomeDialog
from ui.context import AppContext
from ui.widgets import ask

TODAY = dt.date(2026, 3, 16)

pytestmark = pytest.mark.ctx(office=True, synchronous=False)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What the "restore the draft?" question is answered, in order; the questions asked."""
    given: list[bool] = []
    asked: list[str] = []

    def confirm(_parent: Any, title: str, *_a: Any, **_k: Any) -> bool:
        asked.append(title)
        return given.pop(0)

    monkeypatch.setattr(ask, "confirm", confirm)
    return given


def a_case(db: Database) -> str:
    with db.session() as s:
        ona = Person(first_name="Ona", last_name="Petraitienė")
        s.add(ona)
        s.flush()
        ona_id = ona.id
    case_id = save_case(db, CaseData(beneficiary_id=ona_id, opened_on=dt.date(2026, 1, 5))
                        ).value.id
    assert case_id
    return case_id


def crash(qtbot: Any, form: Any) -> None:
    """The app dies with the form open: the draft timer has fired, nothing else happens."""
    qtbot.waitUntil(lambda: drafts.has_draft(form.draft_kind, form.record_id), timeout=3000)
    form.hide()
    form.deleteLater()


def test_typed_case_form_is_offered_back_after_a_crash(qtbot: Any, ctx: AppContext,
                                                       answers: list[bool]) -> None:
    form = CaseForm(ctx, None, TODAY)  # not handed to qtbot: it "crashes" below
    form.show()
    qtbot.keyClicks(form.idea, "Kepykla ")
    form.idea.insertPlainText("Šalčininkuose")  # QTest types Latin-1 only
    qtbot.keyClicks(form.sector, "Maistas")
    form.plan.set_code("drafted")
    crash(qtbot, form)

    answers.append(True)  # "Restore what was typed then?" - Restore
    again = CaseForm(ctx, None, TODAY)
    qtbot.addWidget(again)
    assert again.idea.toPlainText() == "Kepykla Šalčininkuose"
    assert again.sector.text() == "Maistas"
    assert again.plan.code() == "drafted"
    assert again.opened.date() == TODAY
    assert again.is_dirty()


def test_a_discarded_draft_is_gone_and_a_saved_form_leaves_none(
        qtbot: Any, ctx: AppContext, answers: list[bool]) -> None:
    case_id = a_case(ctx.db)
    form = CaseForm(ctx, case_id, TODAY)
    qtbot.keyClicks(form.sector, "Siuvimas")
    crash(qtbot, form)
    assert not drafts.has_draft("case", None)  # kept apart from the new-case draft

    answers.append(False)  # Discard the draft
    again = CaseForm(ctx, case_id, TODAY)
    qtbot.addWidget(again)
    assert again.sector.text() == "" and not drafts.has_draft("case", case_id)

    qtbot.keyClicks(again.sector, "Siuvimas")
    qtbot.waitUntil(lambda: drafts.has_draft("case", case_id), timeout=3000)
    assert again.submit()
    assert not drafts.has_draft("case", case_id)
    assert get_case(ctx.db, case_id, today=TODAY).sector == "Siuvimas"


def test_activity_action_and_outcome_dialogs_keep_drafts(qtbot: Any, ctx: AppContext,
                                                         answers: list[bool]) -> None:
    case_id = a_case(ctx.db)
    case = get_case(ctx.db, case_id, today=TODAY)
    activity = ActivityDialog(ctx, case, TODAY)
    activity.kind.set_code("call")
    activity.minutes.setValue(30)
    qtbot.keyClicks(activity.notes, "Aptar")
    activity.notes.insertPlainText("ėme verslo planą")
    crash(qtbot, activity)
    action = ActionDialog(ctx, case, TODAY)
    qtbot.keyClicks(action.title_edit, "Paskambinti ")
    action.title_edit.insert("dėl patalpų")
    crash(qtbot, action)
    outcome = OutcomeDialog(ctx, case, TODAY)
    outcome.revenue.set_code("5-15k")
    outcome.jobs.setValue(3)
    crash(qtbot, outcome)

    answers.extend([True, True, True])
    activity = ActivityDialog(ctx, case, TODAY)
    qtbot.addWidget(activity)
    assert (activity.kind.code(), activity.minutes.value(), activity.notes.toPlainText()) == (
        "call", 30, "Aptarėme verslo planą")
    action = ActionDialog(ctx, case, TODAY)
    qtbot.addWidget(action)
    assert action.title_edit.text() == "Paskambinti dėl patalpų"
    assert action.due.date() == TODAY + dt.timedelta(7)
    outcome = OutcomeDialog(ctx, case, TODAY)
    qtbot.addWidget(outcome)
    assert (outcome.revenue.code(), outcome.revenue.currentText(), outcome.jobs.value()) == (
        "5-15k", "5,000–15,000 EUR", 3)
    assert not answers  # each was asked once
    assert activity.submit() and action.submit() and outcome.submit()
    assert not any(drafts.has_draft(kind, f"{case_id}-new")
                   for kind in ("case_activity", "case_action", "case_outcome"))
    saved = get_case(ctx.db, case_id, today=TODAY)
    assert saved.activities[0].notes == "Aptarėme verslo planą"
    assert saved.outcomes[0].revenue_label == "5,000–15,000 EUR"


def test_cancel_on_purpose_asks_and_leaves_no_draft(qtbot: Any, ctx: AppContext,
                                                     answers: list[bool]) -> None:
    case = get_case(ctx.db, a_case(ctx.db), today=TODAY)
    dialog = ActivityDialog(ctx, case, TODAY)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.notes, "x")
    dialog.flush_draft()
    answers.append(True)  # "Discard changes?" - Discard
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not drafts.has_draft("case_activity", f"{case.id}-new")
