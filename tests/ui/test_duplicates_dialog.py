"""The duplicate finder dialog: pairs found as a job, compared field by field, merged or
dismissed for good."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from app.db import Database
from app.models import Event, Registration
from app.services import organisations, people, person_search
from app.services.organisations import OrganisationData, RoleData
from app.services.results import Changes
from tests.ui.helpers import person
from ui.bus import Bus
from ui.context import AppContext
from ui.people.duplicates_dialog import DuplicatesDialog

LEFT = Qt.MouseButton.LeftButton

pytestmark = pytest.mark.usefixtures("answers")


class FakeJobs:
    """ctx.jobs with the same signature; runs a job when the test says so."""

    def __init__(self) -> None:
        self.pending: list[tuple[Callable[..., Any], Callable[[Any], None],
                                 Callable[[BaseException], None] | None, str]] = []

    def run(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None, label: str = "",
            **_kw: Any) -> int:
        self.pending.append((fn, on_done, on_error, label))
        return len(self.pending)

    def finish_all(self) -> None:
        while self.pending:
            fn, on_done, on_error, _label = self.pending.pop(0)
            try:
                result = fn(lambda _done, _total: True)
            except Exception as exc:  # noqa: BLE001 - handed to on_error as the real one does
                assert on_error is not None
                on_error(exc)
            else:
                on_done(result)


@pytest.fixture
def jobs() -> FakeJobs:
    return FakeJobs()


@pytest.fixture
def ctx(qapp: QApplication, db: Database, jobs: FakeJobs) -> Iterator[AppContext]:
    yield AppContext(db, Bus(), jobs)  # type: ignore[arg-type]


def register(db: Database, person_id: str, code: str) -> None:
    with db.session() as s:
        event = Event(code=code, title_lt="Mokymai", starts_on=dt.date(2026, 3, 1),
                      ends_on=dt.date(2026, 3, 2))
        s.add(event)
        s.flush()
        s.add(Registration(event_id=event.id, person_id=person_id))


def open_dialog(qtbot: Any, ctx: AppContext, jobs: FakeJobs, kind: str = "people"
                ) -> DuplicatesDialog:
    dialog = DuplicatesDialog(ctx, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert dialog.status.text() == "Looking for duplicates…"  # the job has not finished yet
    assert not dialog.merge_button.isEnabled()
    assert jobs.pending and jobs.pending[0][3] == "Looking for duplicates…"
    jobs.finish_all()
    return dialog


def radio(dialog: DuplicatesDialog, name: str) -> QRadioButton:
    button = dialog.compare.findChild(QRadioButton, name)
    assert button is not None, name
    return button


def test_merge_two_duplicates_keeps_both_records_registrations_and_roles(
        qtbot: Any, ctx: AppContext, db: Database, jobs: FakeJobs,
        answers: list[str]) -> None:
    lukasz = person(db, "Łukasz", "Wiśniewski", birth_year=1979, phone="+370 612 34567",
                    city="Šalčininkai")
    lukas = person(db, "Lukas", "Višnevskis", birth_year=1979, email="lukas@example.lt",
                   city="Vilnius")
    person(db, "Jonas", "Petraitis")
    club = organisations.save_organisation(db, OrganisationData(name="Klubas")).value.id
    school = organisations.save_organisation(db, OrganisationData(name="Mokykla")).value.id
    organisations.save_role(db, RoleData(person_id=lukasz, organisation_id=club, role="chair"))
    organisations.save_role(db, RoleData(person_id=lukas, organisation_id=school))
    register(db, lukasz, "SAL-2026-001")
    register(db, lukas, "SAL-2026-002")
    register(db, lukas, "SAL-2026-003")
    published: list[Changes] = []
    ctx.bus.changed.connect(published.append)

    dialog = open_dialog(qtbot, ctx, jobs)
    assert dialog.table.rowCount() == 1
    assert {dialog.table.item(0, 0).text(), dialog.table.item(0, 1).text()} == {
        "Łukasz Wiśniewski (1979)", "Lukas Višnevskis (1979)"}
    assert "similar name" in dialog.table.item(0, 3).text()
    # Lukas has more records, so his is proposed as the one to keep.
    a_is_lukas = dialog.current().a_id == lukas
    keep_lukas = radio(dialog, "keep_0" if a_is_lukas else "keep_1")
    assert keep_lukas.isChecked()
    # Keep Łukasz's record instead, but take the city from Lukas's.
    qtbot.mouseClick(radio(dialog, "keep_1" if a_is_lukas else "keep_0"), LEFT)
    qtbot.mouseClick(radio(dialog, "city_0" if a_is_lukas else "city_1"), LEFT)
    assert dialog.take_from_other() == {"city"}
    qtbot.mouseClick(dialog.merge_button, LEFT)

    assert "Merge “Lukas Višnevskis (1979)” into “Łukasz Wiśniewski (1979)”" in answers[-1]
    kept = people.get_person(db, lukasz)
    assert (kept.first_name, kept.city, kept.email, kept.phone) == (
        "Łukasz", "Vilnius", "lukas@example.lt", "+370 612 34567")
    assert people.get_person(db, lukas).merged_into_id == lukasz
    counts = person_search.linked_counts(db, lukasz)
    assert counts["registrations"] == 3 and counts["person_roles"] == 2
    assert {r.organisation_name for r in organisations.roles(db, person_id=lukasz)} == {
        "Klubas", "Mokykla"}
    assert published and "people" in published[-1].kinds
    assert dialog.table.rowCount() == 0  # the list refreshed
    assert dialog.status.text() == "No likely duplicates found."
    assert not dialog.merge_button.isEnabled()


def test_not_a_duplicate_is_remembered(qtbot: Any, ctx: AppContext, db: Database,
                                       jobs: FakeJobs) -> None:
    a = person(db, "Jan", "Kowalski", birth_year=1970)
    b = person(db, "Janas", "Kovalskis", birth_year=1970)
    person(db, "Anna", "Nowak", phone="861234567")
    person(db, "Ana", "Novak", phone="+370 61234567")
    dialog = open_dialog(qtbot, ctx, jobs)
    assert dialog.table.rowCount() == 2
    for row in range(2):
        dialog.table.selectRow(row)
        if {dialog.current().a_id, dialog.current().b_id} == {a, b}:
            break
    qtbot.mouseClick(dialog.dismiss_button, LEFT)
    assert dialog.table.rowCount() == 1
    assert {dialog.current().a_id, dialog.current().b_id} != {a, b}
    assert people.get_person(db, a).merged_into_id is None  # nothing merged

    again = open_dialog(qtbot, ctx, jobs)
    assert again.table.rowCount() == 1  # not proposed again


def test_the_comparison_shows_every_field_and_the_links(qtbot: Any, ctx: AppContext,
                                                        db: Database, jobs: FakeJobs) -> None:
    a = person(db, "Ona", "Kazlauskienė", birth_year=1985, municipality_code="salcininku_r")
    person(db, "Ona", "Kazlauskiene", birth_year=1985, preferred_language="pl")
    register(db, a, "SAL-2026-010")
    dialog = open_dialog(qtbot, ctx, jobs)
    texts = [w.text() for w in dialog.compare.findChildren(QRadioButton)]
    assert "Kazlauskienė" in texts and "Kazlauskiene" in texts
    assert "Lithuanian" in texts and "Polish" in texts
    labels = {w.text() for w in dialog.compare.findChildren(type(dialog.status))}
    assert {"Municipality", "Linked to", "Šalčininkai district", "1 registration"} <= labels


def test_organisations_are_merged_on_their_side(qtbot: Any, ctx: AppContext, db: Database,
                                                jobs: FakeJobs) -> None:
    a = organisations.save_organisation(
        db, OrganisationData(name="Lietuvos lenkų sąjunga", registration_code="190000001")).value
    b = organisations.save_organisation(
        db, OrganisationData(name="Lietuvos lenku sajunga", website="https://zpl.lt")).value
    pid = person(db, "Jan", "Kowalski")
    organisations.save_role(db, RoleData(person_id=pid, organisation_id=b.id or ""))
    dialog = open_dialog(qtbot, ctx, jobs, "organisations")
    assert dialog.windowTitle() == "Duplicate organisations"
    assert dialog.table.rowCount() == 1
    keep_a = "keep_0" if dialog.current().a_id == a.id else "keep_1"
    qtbot.mouseClick(radio(dialog, keep_a), LEFT)
    qtbot.mouseClick(dialog.merge_button, LEFT)
    kept = organisations.get_organisation(db, a.id or "")
    assert (kept.name, kept.website) == ("Lietuvos lenkų sąjunga", "https://zpl.lt")
    assert [r.organisation_id for r in organisations.roles(db, person_id=pid)] == [a.id]


def test_a_failed_search_is_reported_in_the_dialog(qtbot: Any, ctx: AppContext,
                                                   jobs: FakeJobs,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_db: Database, _kind: str) -> list[Any]:
        raise OSError("disk gone")

    monkeypatch.setattr(person_search, "find_duplicates", broken)
    dialog = DuplicatesDialog(ctx, "people")
    qtbot.addWidget(dialog)
    dialog.start()
    jobs.finish_all()
    assert "disk gone" in dialog.status.text()
    assert dialog.table.rowCount() == 0


def test_closing_the_dialog_before_the_search_ends_is_harmless(
        qtbot: Any, ctx: AppContext, db: Database, jobs: FakeJobs) -> None:
    import shiboken6

    person(db, "Jan", "Kowalski", birth_year=1970)
    person(db, "Janas", "Kovalskis", birth_year=1970)
    dialog = DuplicatesDialog(ctx, "people")
    dialog.start()
    shiboken6.delete(dialog)
    jobs.finish_all()  # the result arrives for a dialog that is gone: nothing happens
