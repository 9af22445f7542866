import datetime as dt
import io

from pypdf import PdfReader

from app.db import Database
from app.documents.run_dossier import render_run_dossier
from app.models import Attendance, Event, Organisation, Person, Registration, Session
from app.services.advocacy import get_run
from app.services.advocacy_editing import (
    ProposalData,
    RunData,
    StepData,
    record_response,
    save_proposal,
    save_run,
    save_step,
)
from app.services.advocacy_products import (
    ProductData,
    PublicationData,
    save_product,
    save_publication,
)

D = dt.date
TODAY = D(2026, 6, 15)


def build_run(db: Database) -> str:
    with db.session() as s:
        org = Organisation(name="Asociacija Šviesa")
        people = [Person(first_name=f"P{i}", last_name="Žemaitė") for i in range(4)]
        s.add_all([org, *people])
        s.flush()
        org_id, person_ids = org.id, [p.id for p in people]
    run = save_run(db, RunData(
        title="Valstybinės kalbos kursai suaugusiems", goal="Nemokami kursai regione",
        document_kind="programme", document_title="Švietimo programa 2027",
        lead_organisation_id=org_id, started_on=D(2026, 1, 10),
        institution_codes=("seimas",)), today=TODAY).value.id or ""
    with db.session() as s:
        ev = Event(code="SAL-2026-004", title_lt="Apskritasis stalas",
                   title_ru="Круглый стол", kind="round_table", run_id=run,
                   starts_on=D(2026, 2, 3), ends_on=D(2026, 2, 3), status="held",
                   place="Vilnius")
        s.add(ev)
        s.flush()
        session = Session(event_id=ev.id, number=1, date=ev.starts_on, hours=3)
        regs = [Registration(event_id=ev.id, person_id=p) for p in person_ids]
        s.add_all([session, *regs])
        s.flush()
        s.add_all([Attendance(session_id=session.id, registration_id=r.id) for r in regs[:3]])
        ev_id = ev.id
    save_step(db, StepData(run_id=run, kind="round_table", date=D(2026, 2, 3), event_id=ev_id,
                           title="Apskritasis stalas su ministerija"))
    save_step(db, StepData(run_id=run, kind="submission", date=D(2026, 3, 25),
                           title="Pasiūlymai Seimui"))
    late = save_proposal(db, ProposalData(run_id=run, summary="Įtraukti kursus į programą",
                                          institution_code="seimas", submitted_on=D(2026, 3, 25),
                                          registration_number="S-2026-17"),
                         today=TODAY, working_days=20).value
    answered = save_proposal(db, ProposalData(run_id=run, summary="Finansuoti vadovėlius",
                                              institution_code="government",
                                              submitted_on=D(2026, 3, 2)),
                             today=TODAY, working_days=20).value
    record_response(db, answered.id or "", D(2026, 4, 1), "Pritarta iš dalies",
                    "partly_adopted", today=TODAY)
    save_product(db, ProductData(title="Kursų metodika", run_ids=(run,)))
    save_publication(db, PublicationData(title="Kursai regione", outlet="Kurier Wileński",
                                         date=D(2026, 4, 2), language="pl", run_id=run),
                     today=TODAY)
    assert late.response_due_on == D(2026, 4, 23)
    return run


def _text(data: bytes) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # cells wrap: compare words, not lines


def test_dossier_reads_back(db: Database) -> None:
    run = build_run(db)
    d = get_run(db, run, today=TODAY, lang="en")
    assert [(e.registered, e.attended) for e in d.events] == [(4, 3)]
    text = _text(render_run_dossier(d, "en", "Šalčininkų biuras", TODAY))
    for part in ("Advocacy run dossier", "Valstybinės kalbos kursai suaugusiems",
                 "Nemokami kursai regione", "programme: Švietimo programa 2027", "Timeline",
                 "round table", "Pasiūlymai Seimui", "Įtraukti kursus į programą", "S-2026-17",
                 "overdue since", "partly adopted", "Pritarta iš dalies", "SAL-2026-004",
                 "Kursų metodika", "Kurier Wileński", "Page 1 of 1"):
        assert part in text, part


def test_dossier_in_russian(db: Database) -> None:
    run = build_run(db)
    d = get_run(db, run, today=TODAY, lang="ru")
    text = _text(render_run_dossier(d, "ru", "Бюро", TODAY))
    assert "Круглый стол" in text  # the event's title in the document's language
    assert "Сейм Литовской Республики" in text
