"""The four area tabs: the list on the left, the selected record's detail on the right."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from app.db import Database
from app.i18n import _, set_language
from app.models import (
    AdvocacyRun,
    BusinessCase,
    Event,
    Network,
    NetworkMember,
    NextAction,
    Organisation,
    Person,
    Proposal,
    Registration,
    Session,
)
from app.services.results import Changes
from tests.ui.helpers import show
from ui.context import AppContext
from ui.tabs.advocacy import AdvocacyTab
from ui.tabs.cases import CasesTab
from ui.tabs.detail import ListDetailTab
from ui.tabs.networks import NetworksTab
from ui.tabs.trainings import TrainingsTab

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)
TABS = [TrainingsTab, NetworksTab, CasesTab, AdvocacyTab]
# what the detail's title shows for the record listed first
FIRST_TITLE = {TrainingsTab: "Apskritasis stalas", NetworksTab: "Ąžuolų tinklas",
               CasesTab: "Иван Иванов", AdvocacyTab: "Valstybinės kalbos kursai"}

pytestmark = pytest.mark.ctx(synchronous=False)


def fill(db: Database) -> None:
    with db.session() as s:
        ona, ivan = Person(first_name="Ona", last_name="Petraitienė"), Person(
            first_name="Иван", last_name="Иванов")
        org = Organisation(name="Šalčininkų NVO centras")
        s.add_all([ona, ivan, org])
        s.flush()
        older = Event(code="SAL-2025-001", title_lt="Lyderių mokymai", kind="training",
                      starts_on=dt.date(2025, 5, 10), ends_on=dt.date(2025, 5, 11))
        newer = Event(code="SAL-2026-002", title_lt="Apskritasis stalas", kind="round_table",
                      starts_on=dt.date(2026, 2, 1), ends_on=dt.date(2026, 2, 1))
        nets = [Network(name="Šalčininkų tinklas", status="active"),
                Network(name="Ąžuolų tinklas", status="forming")]
        s.add_all([older, newer, *nets])
        s.flush()
        s.add_all([Session(event_id=newer.id, date=newer.starts_on, topic="Kalbos politika"),
                   Registration(event_id=newer.id, person_id=ona.id, organisation_id=org.id),
                   NetworkMember(network_id=nets[1].id, organisation_id=org.id)])
        cases = [BusinessCase(code="SAL-MV-2025-001", beneficiary_id=ona.id,
                              opened_on=dt.date(2025, 1, 1)),
                 BusinessCase(code="SAL-MV-2026-002", beneficiary_id=ivan.id,
                              opened_on=dt.date(2026, 1, 1))]
        run = AdvocacyRun(code="ADV-2026-001", title="Valstybinės kalbos kursai")
        other_run = AdvocacyRun(code="ADV-2026-002", title="Ataskaitų supaprastinimas")
        s.add_all([*cases, run, other_run])
        s.flush()
        s.add_all([NextAction(case_id=cases[1].id, title="Skambinti", due_on=TODAY - DAY),
                   Proposal(run_id=run.id, summary="Pakeisti tvarką", submitted_on=TODAY - 60 * DAY,
                            response_due_on=TODAY - 30 * DAY)])


def open_tab(qtbot: Any, ctx: AppContext, cls: type[ListDetailTab]) -> ListDetailTab:
    return show(qtbot, cls(ctx), 1200, 700)


@pytest.mark.parametrize("cls", TABS)
def test_empty_database_shows_what_the_list_is_for(qtbot: Any, ctx: AppContext,
                                                   cls: type[ListDetailTab]) -> None:
    tab = open_tab(qtbot, ctx, cls)
    assert tab.title()
    assert tab.panel.stack.currentWidget() is tab.panel.empty
    assert tab.panel.empty.text() == _(tab.panel.lister.empty_text)
    assert tab.detail.content is None
    assert tab.detail.findChild(QLabel, "detail_placeholder").text() == _(tab.placeholder)


@pytest.mark.parametrize("cls", TABS)
def test_selecting_a_row_fills_the_detail(qtbot: Any, ctx: AppContext,
                                          cls: type[ListDetailTab]) -> None:
    fill(ctx.db)
    tab = open_tab(qtbot, ctx, cls)
    assert tab.panel.stack.currentWidget() is tab.panel.table
    assert tab.panel.model.rowCount() == 2
    tab.panel.table.selectRow(0)
    assert tab.detail.content is not None
    assert tab.detail.title_label is not None
    assert tab.detail.title_label.text() == FIRST_TITLE[cls]
    assert tab.detail.content.tables  # at least one table, shown or explained as empty


def test_trainings_list_newest_first_with_participants(qtbot: Any, ctx: AppContext) -> None:
    fill(ctx.db)
    tab = open_tab(qtbot, ctx, TrainingsTab)
    model = tab.panel.model
    assert model.index(0, 0).data() == "SAL-2026-002"
    assert tab.panel.table.horizontalHeader().sortIndicatorSection() == 3
    tab.panel.table.selectRow(0)
    sessions, participants = tab.detail.tables["Sessions"], tab.detail.tables["Participants"]
    assert sessions.item(0, 4).text() == "Kalbos politika"
    assert participants.item(0, 0).text() == "Petraitienė Ona"
    assert participants.item(0, 1).text() == "Šalčininkų NVO centras"


def test_overdue_items_are_marked_in_words(qtbot: Any, ctx: AppContext) -> None:
    fill(ctx.db)
    cases = open_tab(qtbot, ctx, CasesTab)
    assert "overdue" in cases.panel.model.index(0, 3).data()
    cases.panel.table.selectRow(0)
    assert "overdue" in cases.detail.tables["Next actions"].item(0, 1).text()
    runs = open_tab(qtbot, ctx, AdvocacyTab)
    runs.panel.table.selectRow(0)
    proposals = runs.detail.tables["Proposals"]
    assert "overdue" in proposals.item(0, 4).text()


def test_search_filters_as_you_type_and_says_when_nothing_matches(
        qtbot: Any, ctx: AppContext) -> None:
    fill(ctx.db)
    tab = open_tab(qtbot, ctx, NetworksTab)
    tab.focus_search()
    qtbot.waitUntil(tab.panel.search.hasFocus, timeout=2000)
    qtbot.keyClicks(tab.panel.search, "salcininku")
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == 1, timeout=2000)
    tab.panel.search.setText("zzz")
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == 0, timeout=2000)
    assert tab.panel.empty.text() == _(tab.panel.lister.no_match_text)


def test_a_published_change_refreshes_the_list_and_keeps_the_selection(
        qtbot: Any, ctx: AppContext) -> None:
    fill(ctx.db)
    tab = open_tab(qtbot, ctx, TrainingsTab)
    tab.panel.table.selectRow(0)
    selected = tab.panel.current_id()
    with ctx.db.session() as s:
        s.add(Event(code="SAL-2024-009", title_lt="Senas seminaras", kind="seminar",
                    starts_on=dt.date(2024, 1, 1), ends_on=dt.date(2024, 1, 1)))
    ctx.bus.publish(Changes.of("events"))
    assert tab.panel.model.rowCount() == 3
    assert tab.panel.current_id() == selected
    assert tab.detail.title_label is not None
    assert tab.detail.title_label.text() == "Apskritasis stalas"


def test_language_change_retitles_and_redraws_the_detail(qtbot: Any, ctx: AppContext) -> None:
    fill(ctx.db)
    tab = open_tab(qtbot, ctx, NetworksTab)
    tab.panel.table.selectRow(0)
    english = tab.title()
    try:
        set_language("xx")
        ctx.bus.language_changed.emit("xx")
        assert tab.title() != english
        texts = [w.text() for w in tab.detail.findChildren(QLabel)]
        assert any(_("Members") in t for t in texts)
        assert tab.detail.title_label is not None
        assert tab.detail.title_label.text() == "Ąžuolų tinklas"
    finally:
        set_language("en")
