"""Roles edited from the organisation's side: pick a person (or make one), edit, end, remove;
the person's card shows the same roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.db import Database
from app.models import PersonRole
from app.services import organisations, people
from app.services.organisations import OrganisationData, RoleData
from tests.ui.helpers import click_row, person, show
from ui.context import AppContext
from ui.people.person_form import PersonForm
from ui.people.roles_dialog import OrganisationRolesDialog
from ui.people.tab import PeopleTab

LEFT = Qt.MouseButton.LeftButton
TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("answers")


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext) -> PeopleTab:
    return show(qtbot, PeopleTab(ctx), 1200, 700)


def organisation(db: Database, name: str) -> str:
    return organisations.save_organisation(db, OrganisationData(name=name)).value.id or ""


def open_people_of(qtbot: Any, tab: PeopleTab, org_id: str) -> OrganisationRolesDialog:
    tab.refresh()
    tab.show_page("organisations")
    click_row(qtbot, tab, org_id)
    assert tab.act_roles.isEnabled()
    assert tab.act_roles.text() == "People and roles…"
    tab.act_roles.trigger()
    dialog = tab.dialog
    assert isinstance(dialog, OrganisationRolesDialog)
    return dialog


def pick(qtbot: Any, dialog: OrganisationRolesDialog, typed: str) -> None:
    dialog.activateWindow()
    dialog.picker.setFocus()
    qtbot.keyClicks(dialog.picker, typed)
    qtbot.waitUntil(lambda: len(dialog.picker.choices()) == 1, timeout=2000)
    popup = dialog.picker.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_add_edit_and_end_a_role_from_the_organisation_card(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    pid = person(db, "Jan", "Kowalski")
    person(db, "Ona", "Petraitienė")
    org = organisation(db, "Šalčininkų lenkų bendrija")
    dialog = open_people_of(qtbot, tab, org)
    assert dialog.windowTitle() == "People and roles: Šalčininkų lenkų bendrija"
    assert dialog.table.horizontalHeaderItem(0).text() == "Person"

    pick(qtbot, dialog, "kowal")
    assert dialog.picker.record_id() == pid
    dialog.kind.setCurrentIndex(dialog.kind.findData("chair"))
    qtbot.keyClicks(dialog.title_edit, "Pirmininkas")
    qtbot.keyClicks(dialog.since, "2024-01-15")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Jan Kowalski"
    assert "Chair · Jan Kowalski, Pirmininkas" in tab.org_card.section_text("people")

    # Edit: the saved role is selected and in the editor; change its kind and position.
    assert dialog.editing is not None and dialog.picker.record_id() == pid
    dialog.kind.setCurrentIndex(dialog.kind.findData("board"))
    dialog.title_edit.setText("Valdybos narys")
    qtbot.mouseClick(dialog.save_button, LEFT)
    [role] = organisations.roles(db, organisation_id=org)
    assert (role.role, role.title, role.since) == ("board", "Valdybos narys", dt.date(2024, 1, 15))

    # End it: the history stays, with today's date as its end.
    dialog.table.selectRow(0)
    assert dialog.end_button.isEnabled()
    qtbot.mouseClick(dialog.end_button, LEFT)
    [role] = organisations.roles(db, organisation_id=org)
    assert role.until == TODAY
    assert not dialog.end_button.isEnabled()
    dialog.reject()

    # The person's side shows the same role.
    tab.show_page("people")
    click_row(qtbot, tab, pid)
    assert tab.act_roles.text() == "Roles…"
    roles_text = tab.person_card.section_text("roles")
    assert "Board member · Šalčininkų lenkų bendrija, Valdybos narys" in roles_text
    assert "until" in roles_text
    assert organisations.roles(db, person_id=pid) == [role]


def test_a_new_person_made_inline_is_picked_and_given_the_role(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    org = organisation(db, "Visagino klubas")
    dialog = open_people_of(qtbot, tab, org)
    qtbot.mouseClick(dialog.new_person_button, LEFT)
    form = dialog.person_form
    assert isinstance(form, PersonForm) and form.isVisible()
    qtbot.keyClicks(form.edits["first_name"], "Irina")
    qtbot.keyClicks(form.edits["last_name"], "Smirnova")
    qtbot.mouseClick(form.save_button, LEFT)
    new_id = form.saved_value.id
    assert dialog.picker.record_id() == new_id
    assert dialog.picker.text() == "Irina Smirnova"
    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    [role] = organisations.roles(db, person_id=new_id)
    assert (role.organisation_id, role.role) == (org, "contact")
    assert "Contact person · Irina Smirnova" in tab.org_card.section_text("people")


def test_errors_name_the_field_in_the_users_language(
        qtbot: Any, tab: PeopleTab, db: Database, ctx: AppContext) -> None:
    pid = person(db, "Jan", "Kowalski")
    person(db, "Janina", "Kowalska")
    org = organisation(db, "Eišiškių bendruomenė")
    organisations.save_role(db, RoleData(person_id=pid, organisation_id=org))
    dialog = open_people_of(qtbot, tab, org)

    dialog.new_role()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.errors.text("person_id") == "Choose the person."
    qtbot.keyClicks(dialog.picker, "kowal")  # two people match: one must be picked
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Choose the person from the list" in dialog.errors.text("person_id")

    dialog.picker.pick(pid, "Jan Kowalski")
    dialog.kind.setCurrentIndex(dialog.kind.findData("member"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "already holds this role" in dialog.errors.text("role")

    i18n.set_language("lt")
    ctx.bus.language_changed.emit("lt")
    assert dialog.table.horizontalHeaderItem(1).text() == i18n._("Role") != "Role"
    dialog.kind.setCurrentIndex(dialog.kind.findData("chair"))
    qtbot.keyClicks(dialog.since, "2024-01-15")
    qtbot.keyClicks(dialog.until, "2023-01-01")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.errors.text("until") == "Pabaigos data yra ankstesnė nei pradžios data."
    assert len(organisations.roles(db, organisation_id=org)) == 1


def test_remove_tombstones_the_role(qtbot: Any, tab: PeopleTab, db: Database,
                                    answers: list[str]) -> None:
    pid = person(db, "Jan", "Kowalski")
    org = organisation(db, "Eišiškių bendruomenė")
    role_id = organisations.save_role(
        db, RoleData(person_id=pid, organisation_id=org)).value.id
    dialog = open_people_of(qtbot, tab, org)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, LEFT)
    assert "Jan Kowalski" in answers[-1] and "Eišiškių bendruomenė" in answers[-1]
    assert dialog.table.rowCount() == 0
    assert organisations.roles(db, person_id=pid) == []
    with db.reader() as s:
        row = s.get(PersonRole, role_id)
        assert row is not None and row.deleted
    assert "Nobody is recorded" in tab.org_card.section_text("people")


# -- the services both sides share ------------------------------------------------------------


def test_role_services_check_both_sides(db: Database) -> None:
    pid = person(db, "Česlovas", "Jankovskis")
    org = organisation(db, "Eišiškių bendruomenė")
    with pytest.raises(organisations.ValidationError) as err:
        organisations.save_role(db, RoleData(organisation_id=org))
    assert err.value.field == "person_id"
    with pytest.raises(organisations.ValidationError) as err:
        organisations.save_role(db, RoleData(person_id=pid))
    assert err.value.field == "organisation_id"

    role = organisations.save_role(db, RoleData(person_id=pid, organisation_id=org,
                                                since=dt.date(2020, 1, 1))).value
    assert (role.person_name, role.organisation_name) == ("Česlovas Jankovskis",
                                                          "Eišiškių bendruomenė")
    with pytest.raises(organisations.ValidationError) as err:
        organisations.end_role(db, role.id or "", dt.date(2019, 1, 1))
    assert err.value.field == "until"
    ended = organisations.end_role(db, role.id or "", dt.date(2024, 6, 30))
    assert ended.value.until == dt.date(2024, 6, 30)
    # An ended role may be taken up again; an open one is not held twice.
    organisations.save_role(db, RoleData(person_id=pid, organisation_id=org))
    with pytest.raises(organisations.ValidationError) as err:
        organisations.save_role(db, RoleData(person_id=pid, organisation_id=org))
    assert err.value.field == "role"

    people.erase_person(db, pid)
    with pytest.raises(organisations.ValidationError) as err:
        organisations.save_role(db, RoleData(person_id=pid, organisation_id=org,
                                             role="staff"))
    assert err.value.field == "person_id"
