"""The Networks tab: create a network, add members with interests and a programme item."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Organisation
from app.services.network_editing import add_interest_tag
from tests.ui.helpers import show, tick
from ui.context import AppContext
from ui.networks.forms import MemberForm, NetworkForm, WorkItemForm
from ui.tabs.networks import NetworksTab, summary_bytes
from ui.widgets.code_combo import CodeCombo

TODAY = dt.date(2026, 6, 15)

pytestmark = pytest.mark.ctx(office=True, synchronous=False)


@pytest.fixture
def tab(qtbot, ctx: AppContext) -> NetworksTab:
    with ctx.db.session() as s:
        s.add_all([Organisation(name="Asociacija Šviesa"), Organisation(name="Bendruomenė Rytas")])
    add_interest_tag(ctx.db, "Jaunimas")
    widget = NetworksTab(ctx)
    widget.today = TODAY
    return show(qtbot, widget, 1300, 800, wait_exposed=False)


def _pick(picker, text: str) -> None:
    picker.setText(text)
    picker.refresh_choices()
    record_id, label = picker.choices()[0]
    picker.pick(record_id, label)


def test_create_network_with_member_and_programme_item(qtbot, tab: NetworksTab) -> None:
    assert not tab.actions_["add_member"].isEnabled()
    form = tab.new_network()
    assert isinstance(form, NetworkForm)
    form.widgets["name"].setText("Šalčininkų tinklas")
    form.widgets["region"].setText("Vilniaus apskritis")
    status = form.widgets["status"]
    assert isinstance(status, CodeCombo)
    status.set_code("active")
    _pick(form.widgets["lead_organisation_id"], "sviesa")
    tick(form, "municipality_codes", "salcininku_r")
    form.widgets["founded_on"].set_date(dt.date(2025, 3, 1))
    assert form.submit(), form.general_error.text()
    assert tab.current is not None and tab.current.name == "Šalčininkų tinklas"
    assert tab.current.lead_organisation == "Asociacija Šviesa"
    assert tab.actions_["add_member"].isEnabled()

    member = tab.add_member()
    assert isinstance(member, MemberForm)
    assert not member.submit()  # no organisation picked
    assert member.errors.fields()
    _pick(member.widgets["organisation_id"], "rytas")
    tick(member, "interest_codes", "jaunimas")
    member.widgets["free_interests"].setText("amatai, turizmas")
    assert member.submit(), member.general_error.text()
    assert [(m.organisation, m.interests) for m in tab.current.members] == [
        ("Bendruomenė Rytas", ("amatai", "Jaunimas", "turizmas"))]
    assert "Shared interests" in tab.detail.tables

    item = tab.add_item()
    assert isinstance(item, WorkItemForm)
    item.widgets["title"].setText("Bendra jaunimo strategija")
    item.widgets["responsible_member_id"].set_code(tab.current.members[0].id)
    item.widgets["due_on"].set_date(dt.date(2026, 5, 31))
    assert item.submit(), item.general_error.text()
    work = tab.current.work
    assert [(w.title, w.responsible, w.late) for w in work] == [
        ("Bendra jaunimo strategija", "Bendruomenė Rytas", True)]
    table = tab.detail.tables["Work programme"]
    assert "late" in table.item(0, 3).text()

    # edit the item from its row: done, no longer late
    table.selectRow(0)
    edit = tab.edit_item()
    assert edit is not None
    edit.widgets["status"].set_code("done")
    assert edit.submit()
    assert tab.current.late_items == 0


def test_summary_pdf_from_the_tab(qtbot, tab: NetworksTab, monkeypatch) -> None:
    form = tab.new_network()
    form.widgets["name"].setText("Tinklas")
    assert form.submit()
    assert tab.current is not None
    data = summary_bytes(tab.ctx.db, tab.current.id, "lt", True, TODAY)
    assert data.startswith(b"%PDF")
    shown = []
    monkeypatch.setattr("ui.tabs.networks.show_document",
                        lambda parent, pdf, title, name: shown.append((pdf[:4], name)))
    tab.ctx.jobs.synchronous = True
    tab.summary_pdf("pl", False)
    assert shown == [(b"%PDF", f"Tinklas {TODAY.isoformat()}.pdf")]


def test_new_meeting_is_an_event_of_the_network(qtbot, tab: NetworksTab) -> None:
    form = tab.new_network()
    form.widgets["name"].setText("Tinklas")
    assert form.submit()
    event_form = tab.new_meeting()
    event_form.starts_on.set_date(dt.date(2026, 6, 1))
    event_form.ends_on.set_date(dt.date(2026, 6, 1))
    assert event_form.submit(), event_form.general_error.text()
    assert [m.kind for m in tab.current.meetings] == ["network_meeting"]
