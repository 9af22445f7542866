"""The Advocacy runs tab: a run with a proposal whose response comes back."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Organisation
from app.settings import update_settings
from tests.ui.helpers import show, tick
from ui.advocacy.forms import ProposalForm, RunForm
from ui.context import AppContext
from ui.tabs.advocacy import AdvocacyTab, dossier_bytes

TODAY = dt.date(2026, 6, 15)

pytestmark = pytest.mark.ctx(office=True, synchronous=False)


@pytest.fixture
def tab(qtbot, ctx: AppContext) -> AdvocacyTab:
    with ctx.db.session() as s:
        s.add(Organisation(name="Asociacija Šviesa"))
    widget = AdvocacyTab(ctx)
    widget.today = TODAY
    return show(qtbot, widget, 1300, 800, wait_exposed=False)


def _new_run(tab: AdvocacyTab) -> None:
    form = tab.new_run()
    assert isinstance(form, RunForm)
    form.widgets["title"].setText("Valstybinės kalbos kursai")
    form.widgets["goal"].setPlainText("Nemokami kursai suaugusiems")
    form.widgets["document_kind"].set_code("programme")
    picker = form.widgets["lead_organisation_id"]
    picker.setText("sviesa")
    picker.refresh_choices()
    picker.pick(*picker.choices()[0])
    tick(form, "institution_codes", "seimas")
    assert form.submit(), form.general_error.text()
    assert tab.current is not None and tab.current.code == "SAL-ADV-2026-001"


def test_run_with_a_proposal_whose_response_comes_back(qtbot, tab: AdvocacyTab) -> None:
    update_settings(response_due_working_days=20)
    _new_run(tab)
    assert tab.current.institutions == ("Seimas of the Republic of Lithuania",)
    form = tab.add_proposal()
    assert isinstance(form, ProposalForm)
    form.widgets["summary"].setPlainText("Įtraukti kursus į programą")
    form.widgets["submitted_on"].set_date(dt.date(2026, 3, 25))
    assert not form.submit()  # a submitted proposal needs its addressee
    assert "institution_code" in form.errors.fields()
    form.widgets["institution_code"].set_code("seimas")
    form.widgets["registration_number"].setText("S-2026-17")
    assert form.submit(), form.general_error.text()
    [p] = tab.current.proposals
    assert p.response_due_on == dt.date(2026, 4, 23) and p.overdue
    assert tab.current.status == "awaiting_response"
    table = tab.detail.tables["Proposals"]
    assert "overdue" in table.item(0, 4).text()

    overdue = tab.show_overdue()
    assert overdue.table.rowCount() == 1
    overdue.reject()

    table.selectRow(0)
    answer = tab.edit_proposal()
    assert answer is not None
    answer.widgets["response_on"].set_date(dt.date(2026, 6, 1))
    answer.widgets["response_summary"].setPlainText("Pritarta iš dalies")
    answer.widgets["outcome"].set_code("partly_adopted")
    assert answer.submit(), answer.general_error.text()
    [p] = tab.current.proposals
    assert (p.outcome, p.overdue) == ("partly_adopted", False)
    assert tab.current.status == "partly_adopted"
    assert tab.show_overdue().table.rowCount() == 0

    figures = tab.show_figures()
    figures.start.set_date(dt.date(2026, 1, 1))
    figures.reload()
    assert figures.figures is not None
    assert (figures.figures.total.submitted, figures.figures.total.partly_adopted) == (1, 1)
    assert dossier_bytes(tab.ctx.db, tab.current.id, "lt", TODAY).startswith(b"%PDF")


def test_step_product_and_publication(qtbot, tab: AdvocacyTab) -> None:
    _new_run(tab)
    step = tab.add_step()
    step.widgets["kind"].set_code("letter")
    step.widgets["date"].set_date(dt.date(2026, 2, 1))
    step.widgets["title"].setText("Raštas ministerijai")
    assert step.submit(), step.general_error.text()
    product = tab.add_product()
    product.widgets["title"].setText("Kursų metodika")
    assert product.submit(), product.general_error.text()
    tab.detail.tables["Products"].selectRow(0)
    evaluation = tab.evaluate_product()
    evaluation.widgets["date"].set_date(dt.date(2026, 5, 1))
    evaluation.widgets["evaluator"].setText("VU ekspertai")
    assert evaluation.submit(), evaluation.general_error.text()
    pub = tab.add_publication()
    pub.widgets["title"].setText("Kursai regione")
    pub.widgets["outlet"].setText("Kurier Wileński")
    pub.widgets["language"].set_code("pl")
    assert pub.submit(), pub.general_error.text()
    d = tab.current
    assert [x.title for x in d.steps] == ["Raštas ministerijai"]
    assert [(p.title, p.status_label) for p in d.products] == [("Kursų metodika", "evaluated")]
    assert [p.outlet for p in d.publications] == ["Kurier Wileński"]


def test_remove_a_step_from_its_form(qtbot, tab: AdvocacyTab) -> None:
    _new_run(tab)
    step = tab.add_step()
    assert step.remove_button is None  # nothing to remove yet
    step.widgets["kind"].set_code("meeting")
    step.widgets["date"].set_date(dt.date(2026, 2, 1))
    assert step.submit()
    tab.detail.tables["Steps"].selectRow(0)
    again = tab.edit_step()
    assert again is not None and again.remove_button is not None
    assert again.remove(confirmed=True)
    assert tab.current.steps == ()


def test_products_and_publications_dialog(qtbot, tab: AdvocacyTab) -> None:
    dialog = tab.show_products()
    form = dialog.new_product()
    form.widgets["title"].setText("Mikroverslo modelis")
    form.widgets["status"].set_code("final")
    assert form.submit(), form.general_error.text()
    assert dialog.product_table.rowCount() == 1
    pub = dialog.new_publication()
    pub.widgets["title"].setText("Straipsnis")
    assert pub.submit(), pub.general_error.text()
    assert dialog.publication_table.rowCount() == 1
    dialog.product_table.selectRow(0)
    evaluation = dialog.evaluate()
    evaluation.widgets["date"].set_date(dt.date(2026, 5, 1))
    assert evaluation.submit()
    assert dialog.product_table.item(0, 4).text() == "1"


def test_attach_a_document_to_a_step(qtbot, tab: AdvocacyTab, tmp_path) -> None:
    _new_run(tab)
    step = tab.add_step()
    assert step.files is None  # a new step gets its documents once saved
    step.widgets["kind"].set_code("letter")
    step.widgets["date"].set_date(dt.date(2026, 2, 1))
    assert step.submit()
    tab.detail.tables["Steps"].selectRow(0)
    again = tab.edit_step()
    assert again.files is not None
    letter = tmp_path / "Raštas.pdf"
    letter.write_bytes(b"%PDF-1.4")
    assert again.files.attach(str(letter))
    assert again.files.list.count() == 1
    again.reject()
    tab.refresh()
    assert tab.detail.tables["Steps"].item(0, 5).text() == "1"
