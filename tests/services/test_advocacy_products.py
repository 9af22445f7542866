import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationError
from app.models import Event
from app.services.advocacy import get_run
from app.services.advocacy_editing import ProposalData, RunData, save_proposal, save_run
from app.services.advocacy_products import (
    EvaluationData,
    ProductData,
    PublicationData,
    list_products,
    load_product,
    load_publication,
    remove_publication,
    save_evaluation,
    save_product,
    save_publication,
)
from app.services.figures import funder_figures
from app.services.network_editing import NetworkData, save_network

D = dt.date
TODAY = D(2026, 6, 15)


def test_product_evaluations_and_runs(office_db: Database) -> None:
    run = save_run(office_db, RunData(title="Kursai"), today=TODAY).value
    p = save_product(office_db, ProductData(title=" Mikroverslo  modelis ", kind="model",
                                            run_ids=(run.id or "",))).value
    assert p.title == "Mikroverslo modelis" and p.status == "draft"
    with office_db.session() as s:
        ev = Event(code="SAL-2026-010", title_lt="Pristatymas", starts_on=D(2026, 5, 5),
                   ends_on=D(2026, 5, 5))
        s.add(ev)
        s.flush()
        ev_id = ev.id
    save_evaluation(office_db, EvaluationData(product_id=p.id or "", date=D(2026, 5, 5),
                                              evaluator="VU ekspertai", summary="Tinka",
                                              event_id=ev_id), today=TODAY)
    [row] = list_products(office_db)
    assert row.status == "evaluated" and row.runs == (run.code,)
    assert row.evaluations[0].event_code == "SAL-2026-010"
    assert [x.title for x in get_run(office_db, run.id or "", today=TODAY).products] == [
        "Mikroverslo modelis"]
    data = load_product(office_db, p.id or "")
    save_product(office_db, ProductData(**{**data.__dict__, "status": "final", "version": "2.0",
                                           "run_ids": ()}))
    save_evaluation(office_db, EvaluationData(product_id=p.id or "", date=D(2026, 6, 1)),
                    today=TODAY)
    [row] = list_products(office_db)
    assert (row.status, row.version, row.runs, len(row.evaluations)) == ("final", "2.0", (), 2)
    with pytest.raises(ValidationError):
        save_evaluation(office_db, EvaluationData(product_id=p.id or "",
                                                  date=TODAY + dt.timedelta(days=1)),
                        today=TODAY)
    with pytest.raises(ValidationError):
        save_product(office_db, ProductData(title="x", status="published"))


def test_publications(office_db: Database) -> None:
    run = save_run(office_db, RunData(title="Kursai"), today=TODAY).value
    pub = save_publication(office_db, PublicationData(
        title="Straipsnis apie kursus", outlet="Kurier Wileński", date=D(2026, 4, 2),
        language="pl", link="https://kurier.lt/x", run_id=run.id), today=TODAY).value
    d = get_run(office_db, run.id or "", today=TODAY)
    assert [(p.title, p.outlet, p.language_label) for p in d.publications] == [
        ("Straipsnis apie kursus", "Kurier Wileński", "Polish")]
    assert load_publication(office_db, pub.id or "").link == "https://kurier.lt/x"
    with pytest.raises(ValidationError):
        save_publication(office_db, PublicationData(title="x", language="de"), today=TODAY)
    with pytest.raises(ValidationError):
        save_publication(office_db, PublicationData(title="x", date=TODAY + dt.timedelta(1)),
                         today=TODAY)
    remove_publication(office_db, pub.id or "")
    assert get_run(office_db, run.id or "", today=TODAY).publications == ()


def test_funder_figures(office_db: Database) -> None:
    run = save_run(office_db, RunData(title="Kursai"), today=TODAY).value.id or ""

    def prop(inst: str, on: D, outcome: str = "", response: D | None = None) -> None:
        save_proposal(office_db, ProposalData(run_id=run, summary="p", institution_code=inst,
                                              submitted_on=on, response_on=response,
                                              outcome=outcome), today=TODAY, working_days=20)

    prop("seimas", D(2026, 4, 2), "adopted", D(2026, 5, 2))
    prop("seimas", D(2026, 4, 3), "partly_adopted", D(2026, 5, 3))
    prop("seimas", D(2026, 4, 20))  # overdue by 15 June
    prop("government", D(2026, 5, 4), "rejected", D(2026, 6, 1))
    prop("government", D(2026, 6, 12))  # awaiting, not overdue
    prop("government", D(2026, 3, 1), "adopted", D(2026, 4, 1))  # previous quarter
    save_proposal(office_db, ProposalData(run_id=run, summary="draft"), today=TODAY)
    for name, region, status in (("A", "Vilniaus", "active"), ("B", "Vilniaus", "active"),
                                 ("C", "Utenos", "active"), ("D", "Utenos", "dormant")):
        save_network(office_db, NetworkData(name=name, region=region, status=status),
                     today=TODAY)
    save_product(office_db, ProductData(title="Modelis", status="final"))
    save_product(office_db, ProductData(title="Studija"))
    save_publication(office_db, PublicationData(title="x", date=D(2026, 5, 1)), today=TODAY)
    f = funder_figures(office_db, D(2026, 4, 1), D(2026, 6, 30), today=TODAY)
    by = {x.institution: x for x in f.by_institution}
    seimas = by["Seimas of the Republic of Lithuania"]
    assert (seimas.submitted, seimas.answered, seimas.adopted, seimas.partly_adopted,
            seimas.overdue) == (3, 2, 1, 1, 1)
    gov = by["Government of the Republic of Lithuania"]
    assert (gov.submitted, gov.rejected, gov.awaiting, gov.overdue) == (2, 1, 1, 0)
    assert (f.total.submitted, f.total.answered, f.total.adopted) == (5, 3, 1)
    assert f.networks_by_region == (("Utenos", 1), ("Vilniaus", 2))
    assert f.networks_active == 3
    assert (f.products_final, f.products_total, f.publications) == (1, 2, 1)
