"""The Trainings tab: a new event through its form, three sessions through theirs, editing,
errors beside their field, and every sub-tab of a selected event."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services import event_editing, people
from app.services.event_editing import EventData, SessionData
from tests.ui.helpers import show, type_text
from ui.context import AppContext
from ui.tabs.trainings import TrainingsTab
from ui.trainings.event_form import EventForm
from ui.trainings.event_page import PAGES
from ui.trainings.session_dialog import SessionDialog, parse_time

LEFT = Qt.MouseButton.LeftButton
D = dt.date(2026, 11, 24)

pytestmark = [pytest.mark.ctx(office=True), pytest.mark.usefixtures("answers")]


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext) -> TrainingsTab:
    return show(qtbot, TrainingsTab(ctx), 1300, 760)


def test_create_an_event_with_three_sessions_through_the_forms(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext) -> None:
    trainer = people.save_person(ctx.db, people.PersonData(
        first_name="Ona", last_name="Petraitienė")).value.id or ""
    tab.acts["new_event"].trigger()
    form = tab.dialog
    assert isinstance(form, EventForm) and form.isVisible()
    type_text(qtbot, form.edits["title_lt"], "Lyderių mokymai")
    type_text(qtbot, form.edits["title_pl"], "Szkolenie liderów")
    form.starts_on.clear()
    qtbot.keyClicks(form.starts_on, "2026-11-24")
    qtbot.keyClicks(form.ends_on, "2026-11-26")
    form.combos["kind"].set_code("seminar")
    form.capacity.setValue(20)
    form.share.setValue(75)
    picker = form.trainers.picker
    qtbot.keyClicks(picker, "petrait")
    qtbot.waitUntil(lambda: bool(picker.choices()), timeout=2000)
    pid, label = picker.choices()[0]
    assert pid == trainer
    picker.pick(pid, label)
    assert form.trainers.ids() == [trainer]
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()

    saved = form.saved_value
    assert saved.code == "SAL-2026-001"
    data = event_editing.get_event_data(ctx.db, saved.id)
    assert (data.title_lt, data.title_pl, data.kind, data.capacity) == (
        "Lyderių mokymai", "Szkolenie liderów", "seminar", 20)
    assert (data.starts_on, data.ends_on, data.cert_min_share) == (D, D + dt.timedelta(2), 0.75)
    assert data.trainer_ids == (trainer,)
    assert tab.panel.current_id() == saved.id  # the new event is selected
    assert tab.page.page() == "sessions"  # and its sessions are next

    sessions = tab.page.sessions
    for day, topic in enumerate(("Komanda", "Projektai", "Finansai")):
        qtbot.mouseClick(sessions.add_button, LEFT)
        dialog = sessions.dialog
        assert isinstance(dialog, SessionDialog) and dialog.isVisible()
        assert dialog.date.date() == D + dt.timedelta(day)  # the next day is proposed
        qtbot.keyClicks(dialog.starts_at, "9:00")
        qtbot.keyClicks(dialog.ends_at, "12.30")
        dialog.hours.setValue(4)
        qtbot.keyClicks(dialog.topic, topic)
        dialog.trainer.set_code(trainer)
        qtbot.mouseClick(dialog.save_button, LEFT)
        assert not dialog.isVisible()
    stored = event_editing.sessions(ctx.db, saved.id)
    assert [(s.number, s.date, s.topic) for s in stored] == [
        (1, D, "Komanda"), (2, D + dt.timedelta(1), "Projektai"),
        (3, D + dt.timedelta(2), "Finansai")]
    assert all(s.starts_at == dt.time(9) and s.ends_at == dt.time(12, 30) and
               s.trainer_id == trainer for s in stored)
    assert sessions.table.rowCount() == 3
    assert sessions.table.item(2, 4).text() == "Finansai"
    assert sessions.summary.text() == "3 sessions; hours in all: 12"
    tab.page.show_page("overview")
    assert tab.detail.tables["Sessions"].rowCount() == 3


def test_errors_show_beside_their_field_and_keep_what_was_typed(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext) -> None:
    form = tab.new_event()
    type_text(qtbot, form.edits["place"], "Eišiškės")
    form.starts_on.clear()
    qtbot.keyClicks(form.starts_on, "2026-11-24")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible()
    assert form.errors.text("title_lt") == "Title in Lithuanian is required."
    assert form.edits["place"].text() == "Eišiškės"

    qtbot.keyClicks(form.edits["title_lt"], "Seminaras")
    qtbot.keyClicks(form.ends_on, "2026-11-20")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible()
    assert form.errors.text("ends_on")
    assert not form.errors.text("title_lt")

    form.ends_on.clear()
    qtbot.keyClicks(form.ends_on, "31.31.2026")
    qtbot.mouseClick(form.save_button, LEFT)
    assert "is not a date" in form.errors.text("ends_on")
    assert tab.panel.model.rowCount() == 0  # nothing saved


def test_session_dialog_refuses_a_date_outside_the_event(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext) -> None:
    event = event_editing.save_event(ctx.db, EventData(title_lt="Mokymai", starts_on=D)).value
    tab.refresh()
    tab.panel.select_id(event.id or "")
    tab.page.show_page("sessions")
    dialog = tab.page.sessions.add_session()
    assert dialog is not None
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "2026-12-01")
    qtbot.keyClicks(dialog.starts_at, "14")
    qtbot.keyClicks(dialog.ends_at, "10")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.errors.text("starts_at") == "The session ends before it starts."
    dialog.ends_at.clear()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.errors.text("date") == "The session's date is outside the event's dates."
    dialog.ends_at.setText("9:7")
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "2026-11-24")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "is not a time" in dialog.errors.text("starts_at")
    assert event_editing.sessions(ctx.db, event.id or "") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("9:30", dt.time(9, 30)), ("09.30", dt.time(9, 30)), ("930", dt.time(9, 30)),
    ("14", dt.time(14)), ("", None), (" 8:05 ", dt.time(8, 5)),
])
def test_times_typed_in_local_styles(text: str, expected: dt.time | None) -> None:
    assert parse_time("starts_at", text) == expected


def test_edit_remove_session_and_edit_event(qtbot: Any, tab: TrainingsTab,
                                            ctx: AppContext, answers: list[str]) -> None:
    event = event_editing.save_event(ctx.db, EventData(title_lt="Mokymai", starts_on=D,
                                                       ends_on=D + dt.timedelta(1))).value
    for i in range(2):
        event_editing.save_session(ctx.db, SessionData(event_id=event.id or "",
                                                       date=D + dt.timedelta(i), topic=f"T{i}"))
    tab.refresh()
    tab.panel.select_id(event.id or "")
    tab.page.show_page("sessions")
    sessions = tab.page.sessions
    sessions.table.selectRow(0)
    dialog = sessions.edit_session()
    assert dialog is not None
    dialog.topic.setText("Įvadas")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert sessions.table.item(0, 4).text() == "Įvadas"
    sessions.table.selectRow(1)
    qtbot.mouseClick(sessions.remove_button, LEFT)
    assert "Remove session 2" in answers[-1]
    assert [s.topic for s in event_editing.sessions(ctx.db, event.id or "")] == ["Įvadas"]

    form = tab.edit_event()
    assert form is not None and form.edits["title_lt"].text() == "Mokymai"
    form.edits["title_lt"].setText("Mokymai lyderiams")
    qtbot.mouseClick(form.save_button, LEFT)
    tab.page.show_page("overview")
    assert tab.detail.title_label is not None
    assert tab.detail.title_label.text() == "Mokymai lyderiams"


def test_every_sub_tab_shows_for_a_selected_event_and_none_without(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext) -> None:
    assert not tab.page.tabBar().isVisible()
    assert tab.detail.findChild(QLabel, "detail_placeholder").text() == \
        "Select an event in the list to see its sessions and participants."
    assert not tab.acts["edit_event"].isEnabled()
    event = event_editing.save_event(ctx.db, EventData(title_lt="Mokymai", starts_on=D)).value
    tab.refresh()
    tab.panel.select_id(event.id or "")
    assert tab.page.tabBar().isVisible()
    assert tab.acts["edit_event"].isEnabled()
    for name in PAGES:
        tab.page.show_page(name)
        assert tab.page.currentWidget().isVisible()
    assert "No sessions" in tab.page.sessions.summary.text()
    assert "Nobody is registered" in tab.page.participants.summary.text()
    assert tab.page.attendance.stack.currentWidget() is tab.page.attendance.empty


def test_a_language_change_retitles_the_page_and_keeps_the_event(
        qtbot: Any, tab: TrainingsTab, ctx: AppContext) -> None:
    from app.i18n import set_language

    event = event_editing.save_event(ctx.db, EventData(title_lt="Mokymai", starts_on=D)).value
    tab.refresh()
    tab.panel.select_id(event.id or "")
    tab.page.show_page("attendance")
    english = tab.page.tabText(PAGES.index("attendance"))
    try:
        set_language("xx")
        ctx.bus.language_changed.emit("xx")
        assert tab.page.tabText(PAGES.index("attendance")) != english
        assert tab.acts["new_event"].text() != "New event…"
        assert tab.page.event_id == event.id
        assert "~" in tab.page.attendance.empty.text()  # read again in the new language
        tab.page.show_page("sessions")
        assert "~" in tab.page.sessions.add_button.text()
    finally:
        set_language("en")
