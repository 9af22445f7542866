"""The People & organisations tab, its forms and dialogs cut no text off in the stretched
pseudo-language (and the detail cards never scroll sideways)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database
from app.services import organisations, people
from app.services.organisations import OrganisationData, RoleData
from app.services.people import PersonData
from tests.ui.clipping import clipped
from ui.context import AppContext
from ui.people.consent_dialog import ConsentDialog
from ui.people.duplicates_dialog import DuplicatesDialog
from ui.people.org_form import OrganisationForm
from ui.people.person_form import PersonForm
from ui.people.roles_dialog import OrganisationRolesDialog, PersonRolesDialog
from ui.people.tab import PeopleTab


@pytest.fixture
def records(office_db: Database) -> tuple[str, str]:
    db = office_db
    pid = people.save_person(db, PersonData(
        first_name="Łukasz", last_name="Wiśniewski", birth_year=1979, gender="m",
        email="lukasz.wisniewski@bendruomene.lt", phone="+370 612 34567",
        address="Vilniaus g. 12", postal_code="LT-17001", city="Šalčininkai")).value.id or ""
    people.save_person(db, PersonData(first_name="Lukas", last_name="Višnevskis",
                                      birth_year=1979))
    org = organisations.save_organisation(db, OrganisationData(
        name="Šalčininkų rajono lenkų kultūros bendrija „Wspólnota“",
        registration_code="302123456", email="info@salcininku-bendrija.lt",
        website="www.salcininku-bendrija.lt")).value.id or ""
    organisations.save_role(db, RoleData(person_id=pid, organisation_id=org, role="chair",
                                         title="Pirmininkas", since=dt.date(2020, 1, 1)))
    people.record_consent(db, pid, None, dt.date(2024, 5, 1))
    return pid, org


def test_tab_pages_do_not_clip_and_the_cards_do_not_scroll_sideways(
        qtbot: Any, qapp: QApplication, pseudo_ctx: AppContext,
        records: tuple[str, str]) -> None:
    pid, org = records
    tab = PeopleTab(pseudo_ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 650)
    tab.show()
    tab.refresh()
    found: list[str] = []
    for page, record, card in (("people", pid, tab.person_card),
                               ("organisations", org, tab.org_card)):
        assert tab.select(page, record)
        qapp.processEvents()
        found += [f"{page}: {c}" for c in clipped(tab)]
        assert not card.horizontalScrollBar().isVisible(), page
    assert found == []


def test_forms_and_dialogs_do_not_clip(qtbot: Any, qapp: QApplication,
                                       pseudo_ctx: AppContext,
                                       records: tuple[str, str]) -> None:
    pid, org = records
    ctx = pseudo_ctx
    person = people.get_person(ctx.db, pid)
    makers: dict[str, Callable[[], QWidget]] = {
        "person form": lambda: PersonForm(ctx, pid, offer_draft=False),
        "organisation form": lambda: OrganisationForm(ctx, org, offer_draft=False),
        "roles of a person": lambda: PersonRolesDialog(ctx, pid, person.full_name),
        "people of an organisation": lambda: OrganisationRolesDialog(ctx, org, "Bendrija"),
        "consent": lambda: ConsentDialog(ctx, person),
        "duplicates": lambda: DuplicatesDialog(ctx, "people"),
    }
    found: list[str] = []
    for name, make in makers.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, DuplicatesDialog):
            dialog.start()
        if isinstance(dialog, PersonRolesDialog | OrganisationRolesDialog):
            dialog.table.selectRow(0)
        qapp.processEvents()
        found += [f"{name}: {c}" for c in clipped(dialog)]
        if hasattr(dialog, "_dirty"):
            dialog._dirty = False  # nothing typed: close without asking
        dialog.close()
    assert found == []
