"""The person and organisation forms: errors beside the field, the duplicate warning as the name
is typed, and drafts that survive a crash."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app import drafts
from app.db import Database
from app.errors import ValidationError
from app.services import organisations, people
from app.services.organisations import OrganisationData
from app.services.people import PersonData
from tests.ui.helpers import type_text
from ui.context import AppContext
from ui.people.org_form import OrganisationForm
from ui.people.person_form import PersonForm
from ui.widgets import ask

pytestmark = pytest.mark.usefixtures("answers")  # closing a form at teardown asks too


def open_form(qtbot: Any, ctx: AppContext, person_id: str | None = None) -> PersonForm:
    form = PersonForm(ctx, person_id)
    qtbot.addWidget(form)
    form.show()
    return form


def error_text(form: Any, field: str) -> str:
    label = form.findChild(QLabel, f"error_{field}")
    return label.text() if label is not None and not label.isHidden() else ""


def test_a_wrong_email_keeps_the_dialog_open_with_the_message_and_the_data(
        qtbot: Any, ctx: AppContext, db: Database) -> None:
    form = open_form(qtbot, ctx)
    qtbot.keyClicks(form.edits["first_name"], "Ona")
    type_text(qtbot, form.edits["last_name"], "Kazlauskienė")
    qtbot.keyClicks(form.edits["email"], "ona@kazlauskiene")
    qtbot.keyClicks(form.edits["city"], "Visaginas")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()
    assert "is not an e-mail address" in error_text(form, "email")
    assert error_text(form, "first_name") == ""
    assert form.edits["first_name"].text() == "Ona"
    assert form.edits["email"].text() == "ona@kazlauskiene"
    assert form.edits["city"].text() == "Visaginas"
    assert form.saved_value is None

    form.edits["email"].clear()
    qtbot.keyClicks(form.edits["email"], "ona@kazlauskiene.lt")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    saved = people.get_person(db, form.saved_value.id)
    assert (saved.full_name, saved.email, saved.city) == (
        "Ona Kazlauskienė", "ona@kazlauskiene.lt", "Visaginas")


def test_a_missing_name_and_a_wrong_year_are_explained_beside_them(
        qtbot: Any, ctx: AppContext) -> None:
    form = open_form(qtbot, ctx)
    qtbot.keyClicks(form.edits["last_name"], "Petraitis")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "First name is required" in error_text(form, "first_name")
    qtbot.keyClicks(form.edits["first_name"], "Jonas")
    qtbot.keyClicks(form.edits["birth_year"], "79a")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert error_text(form, "first_name") == ""
    assert "is a number" in error_text(form, "birth_year")
    assert form.isVisible()


def test_the_duplicate_warning_appears_for_another_spelling(
        qtbot: Any, ctx: AppContext, db: Database) -> None:
    lukasz = people.save_person(db, PersonData(first_name="Łukasz", last_name="Wiśniewski",
                                               birth_year=1979)).value
    people.save_person(db, PersonData(first_name="Jonas", last_name="Petraitis"))
    form = open_form(qtbot, ctx)
    opened: list[str] = []
    form.open_person_requested.connect(opened.append)
    qtbot.keyClicks(form.edits["first_name"], "Lukas")
    qtbot.wait(50)
    assert not form.warning.isVisible()  # only the first name: no warning yet
    qtbot.keyClicks(form.edits["last_name"], "Visnevskis")
    qtbot.waitUntil(form.warning.isVisible, timeout=2000)
    assert "Possibly already in the registry: Łukasz Wiśniewski (1979)" in \
        form.warning_label.text()
    assert [b.property("person_id") for b in form.open_buttons] == [lukasz.id]

    qtbot.mouseClick(form.open_buttons[0], Qt.MouseButton.LeftButton)
    assert opened == [lukasz.id]
    assert not form.isVisible()
    assert not drafts.has_draft("person", None)


def test_editing_a_person_does_not_warn_about_the_person_itself(
        qtbot: Any, ctx: AppContext, db: Database) -> None:
    pid = people.save_person(db, PersonData(first_name="Anna", last_name="Nowak")).value.id
    form = open_form(qtbot, ctx, pid)
    assert form.edits["first_name"].text() == "Anna"
    qtbot.keyClicks(form.edits["birth_year"], "1990")
    qtbot.wait(400)
    form.check_similar()
    assert not form.warning.isVisible()


def test_a_draft_is_restored_after_the_dialog_is_destroyed_without_saving(
        qtbot: Any, ctx: AppContext, answers: list[str]) -> None:
    form = PersonForm(ctx)
    form.show()
    type_text(qtbot, form.edits["first_name"], "Małgorzata")
    type_text(qtbot, form.edits["last_name"], "Żukowska")
    qtbot.keyClicks(form.edits["phone"], "+370 600 12345")
    form.language.setCurrentIndex(form.language.findData("pl"))
    qtbot.waitUntil(lambda: (drafts.load_draft("person", None) or {}).get("preferred_language")
                    == "pl", timeout=2000)
    shiboken6.delete(form)  # as in a crash: no Cancel, no close, nothing saved
    QApplication.processEvents()

    again = open_form(qtbot, ctx)
    assert answers and "Restore" in answers[0]
    assert again.edits["first_name"].text() == "Małgorzata"
    assert again.edits["last_name"].text() == "Żukowska"
    assert again.edits["phone"].text() == "+370 600 12345"
    assert again.language.code() == "pl"
    assert again.is_dirty()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.saved_value is not None
    assert not drafts.has_draft("person", None)  # saved: the draft is gone


def test_declining_the_draft_discards_it(qtbot: Any, ctx: AppContext,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    drafts.save_draft("person", None, {"first_name": "Rasa", "last_name": "Jankauskienė"})
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: False)
    form = open_form(qtbot, ctx)
    assert form.edits["first_name"].text() == ""
    assert not drafts.has_draft("person", None)


def test_cancel_asks_before_dropping_what_was_typed_then_discards_the_draft(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    replies = [False, True]
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: replies.pop(0))
    form = open_form(qtbot, ctx)
    qtbot.keyClicks(form.edits["first_name"], "Jonas")
    qtbot.waitUntil(lambda: drafts.has_draft("person", None), timeout=2000)
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and drafts.has_draft("person", None)  # "Keep editing"
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert not drafts.has_draft("person", None)


def test_an_edit_keeps_its_own_draft_apart_from_new_records(
        qtbot: Any, ctx: AppContext, db: Database, answers: list[str]) -> None:
    pid = people.save_person(db, PersonData(first_name="Jan", last_name="Kowalski")).value.id
    form = PersonForm(ctx, pid)
    form.show()
    qtbot.keyClicks(form.notes, "Prefers Polish")
    qtbot.waitUntil(lambda: drafts.has_draft("person", pid), timeout=2000)
    assert not drafts.has_draft("person", None)
    shiboken6.delete(form)
    again = open_form(qtbot, ctx, pid)
    assert again.notes.toPlainText() == "Prefers Polish"
    assert again.edits["first_name"].text() == "Jan"


def test_the_organisation_form_validates_and_keeps_a_draft(
        qtbot: Any, ctx: AppContext, db: Database, answers: list[str]) -> None:
    organisations.save_organisation(db, OrganisationData(name="Šviesa",
                                                         registration_code="302123456"))
    form = OrganisationForm(ctx)
    form.show()
    type_text(qtbot, form.edits["name"], "Vilniaus lenkų klubas")
    qtbot.keyClicks(form.edits["registration_code"], "302123456")
    form.community.setCurrentIndex(form.community.findData("polish"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "“Šviesa” already has this registration code" in error_text(form,
                                                                       "registration_code")
    assert form.isVisible()
    qtbot.waitUntil(lambda: drafts.has_draft("organisation", None), timeout=2000)
    shiboken6.delete(form)

    again = OrganisationForm(ctx)
    qtbot.addWidget(again)
    assert again.edits["name"].text() == "Vilniaus lenkų klubas"
    assert again.community.code() == "polish"
    again.edits["registration_code"].setText("302654321")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    saved = organisations.get_organisation(db, again.saved_value.id)
    assert (saved.name, saved.community_code, saved.kind) == (
        "Vilniaus lenkų klubas", "polish", "ngo")
    assert not drafts.has_draft("organisation", None)


def test_a_date_field_reads_the_local_format_and_follows_the_language(qtbot: Any) -> None:
    from app import i18n
    from ui.widgets.date_edit import DateEdit

    edit = DateEdit("since")
    qtbot.addWidget(edit)
    problems: list[str] = []
    edit.problem.connect(problems.append)
    qtbot.keyClicks(edit, "15/01/2026")
    edit.editingFinished.emit()
    assert edit.date() is not None and edit.date().isoformat() == "2026-01-15"
    assert problems == [""]
    i18n.set_language("lt")
    edit.retranslate()
    assert edit.text() == "2026-01-15"
    edit.clear()
    qtbot.keyClicks(edit, "2026-13-01")
    edit.editingFinished.emit()
    assert "2026-13-01" in problems[-1] and "nėra data" in problems[-1]  # in Lithuanian now
    with pytest.raises(ValidationError) as err:
        edit.date()
    assert err.value.field == "since"


def test_a_code_combo_keeps_its_code_and_an_unknown_one(qtbot: Any) -> None:
    from ui.widgets.code_combo import CodeCombo

    combo = CodeCombo()
    qtbot.addWidget(combo)
    combo.set_choices([("a", "Alpha"), ("b", "Beta")], blank="—")
    assert combo.code() is None
    combo.set_code("b")
    combo.set_choices([("a", "Alfa"), ("b", "Beta (lt)")], blank="—")
    assert (combo.code(), combo.currentText()) == ("b", "Beta (lt)")
    combo.set_code("retired")
    assert combo.code() == "retired"
    combo.set_code(None)
    assert combo.code() is None
