"""The People & organisations tab, driven as a person would: lists, cards, forms, consent,
roles, archive, access request and erasure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.db import Database
from app.services import organisations, people
from app.services.organisations import OrganisationData, RoleData
from app.services.people import PersonData
from app.sync.scrub import ERASED_NAME
from tests.ui.helpers import click_row, person, show, type_text
from ui.context import AppContext
from ui.people.consent_dialog import ConsentDialog
from ui.people.duplicates_dialog import DuplicatesDialog
from ui.people.person_form import PersonForm
from ui.people.roles_dialog import RolesDialog
from ui.people.tab import PeopleTab
from ui.widgets import ask

LEFT = Qt.MouseButton.LeftButton

pytestmark = pytest.mark.usefixtures("answers")


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext) -> PeopleTab:
    return show(qtbot, PeopleTab(ctx), 1200, 700)


def listed(tab: PeopleTab) -> list[str]:
    return tab.current_list().model.ids()


def test_create_a_person_and_find_them_by_a_folded_search(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    other = person(db, "Jonas", "Petraitis")
    tab.refresh()
    tab.act_new_person.trigger()
    form = tab.dialog
    assert isinstance(form, PersonForm) and form.isVisible()
    type_text(qtbot, form.edits["first_name"], "Łukasz")
    type_text(qtbot, form.edits["last_name"], "Wiśniewski")
    qtbot.keyClicks(form.edits["birth_year"], "1979")
    qtbot.keyClicks(form.edits["email"], "lukasz@example.lt")
    qtbot.mouseClick(form.save_button, LEFT)
    new_id = form.saved_value.id

    assert tab.person is not None and tab.person.person.id == new_id  # selected at once
    assert set(listed(tab)) == {other, new_id}
    qtbot.keyClicks(tab.people_list.search, "lukasz")
    qtbot.waitUntil(lambda: listed(tab) == [new_id], timeout=2000)
    click_row(qtbot, tab, new_id)
    assert tab.person_card.title.text() == "Łukasz Wiśniewski"
    assert tab.person_card.fact_text("born") == "1979"
    assert tab.person_card.fact_text("community") == "not stated"


def test_double_click_and_enter_open_the_edit_form(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    pid = person(db, "Anna", "Nowak")
    tab.refresh()
    click_row(qtbot, tab, pid, double=True)
    assert isinstance(tab.dialog, PersonForm) and tab.dialog.record_id == pid
    assert tab.dialog.edits["last_name"].text() == "Nowak"
    tab.dialog.reject()
    tab.people_list.table.setFocus()
    qtbot.keyClick(tab.people_list.table, Qt.Key.Key_Return)
    assert tab.dialog.record_id == pid and tab.dialog.isVisible()


def test_edit_saves_and_the_card_follows(qtbot: Any, tab: PeopleTab, db: Database) -> None:
    pid = person(db, "Anna", "Nowak", city="Vilnius")
    tab.refresh()
    click_row(qtbot, tab, pid)
    tab.act_edit.trigger()
    form = tab.dialog
    form.edits["city"].clear()
    type_text(qtbot, form.edits["city"], "Šalčininkai")
    qtbot.mouseClick(form.save_button, LEFT)
    assert people.get_person(db, pid).city == "Šalčininkai"
    assert "Šalčininkai" in tab.person_card.fact_text("address")


def test_the_duplicate_warning_opens_the_person_already_there(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    lukasz = person(db, "Łukasz", "Wiśniewski", birth_year=1979)
    tab.refresh()
    tab.act_new_person.trigger()
    form = tab.dialog
    qtbot.keyClicks(form.edits["first_name"], "Lukas")
    qtbot.keyClicks(form.edits["last_name"], "Visnevskis")
    qtbot.waitUntil(form.warning.isVisible, timeout=2000)
    qtbot.mouseClick(form.open_buttons[0], LEFT)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, PersonForm) and tab.dialog is not form,
                    timeout=2000)
    assert tab.dialog.record_id == lukasz
    assert tab.people_list.current_id() == lukasz


def test_archive_hides_unless_show_archived(qtbot: Any, tab: PeopleTab, db: Database) -> None:
    pid = person(db, "Rasa", "Jankauskienė")
    keep = person(db, "Jonas", "Petraitis")
    tab.refresh()
    click_row(qtbot, tab, pid)
    assert tab.act_archive.text() == "Archive"
    tab.act_archive.trigger()
    assert people.get_person(db, pid).archived
    assert listed(tab) == [keep]
    qtbot.mouseClick(tab.people_list.archived, LEFT)
    assert set(listed(tab)) == {pid, keep}
    click_row(qtbot, tab, pid)
    assert tab.act_archive.text() == "Restore"
    assert tab.person_card.status.text() == "Archived"
    tab.act_archive.trigger()
    assert not people.get_person(db, pid).archived
    qtbot.mouseClick(tab.people_list.archived, LEFT)
    assert set(listed(tab)) == {pid, keep}


def test_record_and_withdraw_consent(qtbot: Any, tab: PeopleTab, db: Database,
                                     answers: list[str]) -> None:
    pid = person(db, "Zofia", "Kowalska")
    tab.refresh()
    click_row(qtbot, tab, pid)
    assert not tab.act_withdraw.isEnabled()
    tab.act_consent.trigger()
    dialog = tab.dialog
    assert isinstance(dialog, ConsentDialog)
    qtbot.mouseClick(dialog.save_button, LEFT)  # no community chosen yet
    assert dialog.isVisible() and dialog.errors.text("community_code")
    dialog.community.setCurrentIndex(dialog.community.findData("polish"))
    dialog.given_on.clear()
    qtbot.keyClicks(dialog.given_on, "2026-02-30")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "is not a date" in dialog.errors.text("given_on")
    dialog.given_on.clear()
    qtbot.keyClicks(dialog.given_on, "15/01/2026")
    dialog.form_kind.setCurrentIndex(dialog.form_kind.findData("electronic"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()

    assert people.get_person(db, pid).community_code == "polish"
    community = tab.person_card.fact_text("community")
    assert "Poles" in community and "15 January 2026" in community and "electronic" in community
    assert tab.act_withdraw.isEnabled()

    tab.act_consent.trigger()  # again: only the community can be corrected
    again = tab.dialog
    assert again is not dialog and again.current is not None
    assert not again.given_on.isEnabled() and again.given_on.date() == dt.date(2026, 1, 15)
    again.community.setCurrentIndex(again.community.findData("russian"))
    qtbot.mouseClick(again.save_button, LEFT)
    assert people.get_person(db, pid).community_code == "russian"
    assert len(people.consents(db, pid)) == 1

    tab.act_withdraw.trigger()
    assert "erased" in answers[-1]
    assert people.get_person(db, pid).community_code is None
    assert tab.person_card.fact_text("community") == "not stated"
    assert not tab.act_withdraw.isEnabled()
    assert people.consents(db, pid)[0].withdrawn_on == dt.date.today()


def test_roles_dialog_adds_ends_and_the_cards_show_it(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    pid = person(db, "Jan", "Kowalski")
    org = organisations.save_organisation(
        db, OrganisationData(name="Šalčininkų lenkų bendrija")).value.id
    organisations.save_organisation(db, OrganisationData(name="Visagino klubas"))
    tab.refresh()
    click_row(qtbot, tab, pid)
    tab.act_roles.trigger()
    dialog = tab.dialog
    assert isinstance(dialog, RolesDialog)
    dialog.activateWindow()
    dialog.organisation.setFocus()
    qtbot.keyClicks(dialog.organisation, "salcin")
    qtbot.waitUntil(lambda: len(dialog.organisation.choices()) == 1, timeout=2000)
    popup = dialog.organisation.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.organisation.record_id() == org
    assert dialog.organisation.text() == "Šalčininkų lenkų bendrija"
    dialog.kind.setCurrentIndex(dialog.kind.findData("chair"))
    qtbot.keyClicks(dialog.title_edit, "Pirmininkas")
    qtbot.keyClicks(dialog.since, "2024-01-15")
    qtbot.keyClicks(dialog.until, "2023-01-01")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "end date is before the start date" in dialog.errors.text("until")
    dialog.until.clear()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Šalčininkų lenkų bendrija"
    assert "Chair · Šalčininkų lenkų bendrija, Pirmininkas" in \
        tab.person_card.section_text("roles")

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.end_button, LEFT)
    assert organisations.roles(db, person_id=pid)[0].until == dt.date.today()
    dialog.reject()

    tab.show_page("organisations")
    click_row(qtbot, tab, org)
    assert "Chair · Jan Kowalski, Pirmininkas" in tab.org_card.section_text("people")


def test_organisations_page_new_edit_and_archive(qtbot: Any, tab: PeopleTab,
                                                 db: Database) -> None:
    qtbot.mouseClick(tab.orgs_button, LEFT)
    assert tab.page() == "organisations"
    tab.act_new_org.trigger()
    form = tab.dialog
    type_text(qtbot, form.edits["name"], "Vilniaus lenkų klubas")
    qtbot.mouseClick(form.save_button, LEFT)
    oid = form.saved_value.id
    assert listed(tab) == [oid]
    assert tab.org_card.title.text() == "Vilniaus lenkų klubas"
    assert "Nobody" in tab.org_card.section_text("people")
    tab.act_archive.trigger()
    assert listed(tab) == []
    assert organisations.get_organisation(db, oid).archived


def test_export_person_data_writes_the_access_request_file(
        qtbot: Any, tab: PeopleTab, db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person(db, "Иван", "Петров", email="ivan@example.lt")
    org = organisations.save_organisation(db, OrganisationData(name="Klubas")).value.id
    organisations.save_role(db, RoleData(person_id=pid, organisation_id=org))
    tab.refresh()
    click_row(qtbot, tab, pid)
    out = tmp_path / "ivan.json"
    suggested: list[str] = []

    def save_path(_parent: Any, _title: str, name: str, _filters: str) -> str:
        suggested.append(name)
        return str(out)

    monkeypatch.setattr(ask, "save_path", save_path)
    messages: list[str] = []
    tab.ctx.bus.status_message.connect(messages.append)
    tab.act_export.trigger()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["first_name"], data["email"]) == ("Иван", "ivan@example.lt")
    assert data["roles"][0]["organisation"] == "Klubas"
    assert suggested == ["ivan-petrov.json"]
    assert messages and str(out) in messages[0]


def test_erase_person_warns_and_anonymises(qtbot: Any, tab: PeopleTab, db: Database,
                                          answers: list[str]) -> None:
    pid = person(db, "Ona", "Kazlauskienė", email="ona@example.lt")
    tab.refresh()
    click_row(qtbot, tab, pid)
    tab.act_erase.trigger()
    assert "cannot be undone" in answers[-1]
    erased = people.get_person(db, pid)
    assert erased.erased and erased.email == "" and erased.first_name == ERASED_NAME
    assert listed(tab) == []  # erased people are archived
    qtbot.mouseClick(tab.people_list.archived, LEFT)
    click_row(qtbot, tab, pid)
    assert "erased" in tab.person_card.status.text()
    assert not tab.act_edit.isEnabled() and not tab.act_erase.isEnabled()
    assert tab.act_export.isEnabled()


def test_find_duplicates_opens_the_dialog_for_the_current_page(
        qtbot: Any, tab: PeopleTab, db: Database) -> None:
    person(db, "Łukasz", "Wiśniewski", birth_year=1979)
    person(db, "Lukas", "Višnevskis", birth_year=1979)
    tab.refresh()
    tab.act_duplicates.trigger()
    dialog = tab.dialog
    assert isinstance(dialog, DuplicatesDialog) and dialog.kind == "people"
    assert dialog.table.rowCount() == 1
    dialog.reject()
    tab.show_page("organisations")
    tab.act_duplicates.trigger()
    assert tab.dialog.kind == "organisations"


def test_focus_search_and_toolbar(qtbot: Any, tab: PeopleTab) -> None:
    tab.activateWindow()
    tab.focus_search()
    qtbot.waitUntil(tab.people_list.search.hasFocus, timeout=2000)
    names = [a.objectName() for a in tab.toolbar_actions()]
    assert names == ["action_new_person", "action_new_organisation", "action_edit",
                     "action_archive", "action_find_duplicates"]
    assert not tab.act_edit.isEnabled()  # nothing chosen yet


def test_everything_retranslates_live(qtbot: Any, tab: PeopleTab, db: Database) -> None:
    pid = person(db, "Anna", "Nowak")
    tab.refresh()
    click_row(qtbot, tab, pid)
    english = (tab.people_button.text(), tab.act_new_person.text(),
               tab.person_card.fact_labels["community"][0].text())
    i18n.set_language(i18n.PSEUDO)
    tab.ctx.bus.language_changed.emit(i18n.PSEUDO)
    pseudo = (tab.people_button.text(), tab.act_new_person.text(),
              tab.person_card.fact_labels["community"][0].text())
    assert all(p != e and p.startswith("[") for p, e in zip(pseudo, english, strict=True))
    assert tab.person_card.fact_text("community").startswith("[")  # "not stated"
    assert tab.title().startswith("[")


def test_a_change_published_elsewhere_refreshes_the_list(qtbot: Any, tab: PeopleTab,
                                                         db: Database) -> None:
    tab.refresh()
    assert listed(tab) == []
    saved = people.save_person(db, PersonData(first_name="Inga", last_name="Butkienė"))
    tab.ctx.bus.publish(saved.changes)  # e.g. a participant added in the Trainings tab
    assert listed(tab) == [saved.value.id]
