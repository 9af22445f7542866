"""The read-only detail services of the four areas: what they count and how they name things."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.db import Database
from app.errors import NotFoundError
from app.i18n import set_language
from app.models import (
    AdvocacyRun,
    Attendance,
    BusinessCase,
    CaseActivity,
    CaseFinancing,
    CaseOutcome,
    Certificate,
    Event,
    EventTrainer,
    MemberInterest,
    Network,
    NetworkMember,
    NetworkMunicipality,
    NextAction,
    Organisation,
    Person,
    Product,
    Proposal,
    Publication,
    Registration,
    RunInstitution,
    RunPartner,
    RunProduct,
    RunStep,
    Session,
    StageChange,
    WorkItem,
)
from app.services.advocacy import get_run
from app.services.cases import get_case
from app.services.events import cert_rule_text, get_event
from app.services.networks import get_network

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def ids(db: Database) -> dict[str, str]:
    out: dict[str, str] = {}
    with db.session() as s:
        ppl = [Person(first_name=f, last_name=n) for f, n in (
            ("Ona", "Petraitienė"), ("Łukasz", "Wiśniewski"), ("Иван", "Иванов"),
            ("Jonas", "Jonaitis"))]
        orgs = [Organisation(name=n) for n in ("Šalčininkų NVO centras", "Visagino klubas")]
        s.add_all([*ppl, *orgs])
        s.flush()
        net = Network(name="Šalčininkų tinklas", status="active",
                      lead_organisation_id=orgs[0].id, founded_on=dt.date(2024, 3, 1))
        run = AdvocacyRun(code="ADV-2026-001", title="Kalbos kursai", status="awaiting_response",
                          document_kind="regulation", lead_organisation_id=orgs[0].id)
        s.add_all([net, run])
        s.flush()
        ev = Event(code="SAL-2026-001", title_lt="Lyderių mokymai", title_ru="Обучение лидеров",
                   starts_on=dt.date(2026, 3, 2), ends_on=dt.date(2026, 3, 4), capacity=20,
                   cert_rule="sessions", cert_min_share=0.8, network_id=net.id, run_id=run.id,
                   status="held")
        s.add(ev)
        s.flush()
        s.add(EventTrainer(event_id=ev.id, person_id=ppl[3].id))
        sessions = [Session(event_id=ev.id, number=i + 1, date=ev.starts_on + i * DAY, hours=4,
                            topic=f"Topic {i + 1}", trainer_id=ppl[3].id) for i in range(3)]
        regs = [Registration(event_id=ev.id, person_id=ppl[0].id, organisation_id=orgs[0].id,
                             status="completed"),
                Registration(event_id=ev.id, person_id=ppl[1].id),
                Registration(event_id=ev.id, person_id=ppl[2].id, status="cancelled")]
        s.add_all([*sessions, *regs])
        s.flush()
        s.add_all([Attendance(session_id=x.id, registration_id=regs[0].id) for x in sessions])
        s.add(Attendance(session_id=sessions[0].id, registration_id=regs[1].id))
        s.add(Attendance(session_id=sessions[1].id, registration_id=regs[1].id, status="absent"))
        s.add_all([
            Certificate(event_id=ev.id, person_id=ppl[0].id, number="SAL-2026-0001",
                        verification_code="AAAA", issued_on=dt.date(2026, 3, 5)),
            Certificate(event_id=ev.id, person_id=ppl[1].id, number="SAL-2026-0002",
                        verification_code="BBBB", issued_on=dt.date(2026, 3, 5), revoked=True),
        ])
        members = [NetworkMember(network_id=net.id, organisation_id=o.id, role=r)
                   for o, r in ((orgs[0], "lead"), (orgs[1], "member"))]
        s.add_all(members)
        s.add_all([NetworkMunicipality(network_id=net.id, municipality_code=c)
                   for c in ("salcininku_r", "vilniaus_r")])
        s.flush()
        members[1].left_on = TODAY - DAY
        s.add(MemberInterest(member_id=members[0].id, label="jaunimas"))
        s.add_all([
            WorkItem(network_id=net.id, title="Late", due_on=TODAY - DAY,
                     responsible_member_id=members[1].id, status="in_progress"),
            WorkItem(network_id=net.id, title="Done", due_on=TODAY - DAY, status="done"),
            WorkItem(network_id=net.id, title="Later", due_on=TODAY + DAY),
        ])
        case = BusinessCase(code="SAL-MV-2026-001", beneficiary_id=ppl[2].id,
                            consultant_id=ppl[3].id, stage_code="business_plan",
                            opened_on=dt.date(2026, 1, 5), legal_form="small_partnership")
        s.add(case)
        s.flush()
        s.add_all([
            StageChange(case_id=case.id, from_stage=None, to_stage="intake", date=case.opened_on),
            StageChange(case_id=case.id, from_stage="intake", to_stage="business_plan",
                        date=dt.date(2026, 2, 1), by_person_id=ppl[3].id),
            CaseActivity(case_id=case.id, kind="call", date=dt.date(2026, 2, 3), event_id=ev.id),
            NextAction(case_id=case.id, title="Late", due_on=TODAY - DAY),
            NextAction(case_id=case.id, title="Soon", due_on=TODAY + DAY),
            NextAction(case_id=case.id, title="Done", due_on=TODAY - 9 * DAY,
                       done_on=TODAY - 9 * DAY),
            CaseFinancing(case_id=case.id, source="micro_loan", amount_eur=Decimal("1500.00")),
            CaseOutcome(case_id=case.id, point="registration", date=TODAY, jobs_created=2),
        ])
        product = Product(title="Mikroverslo modelis", kind="model")
        s.add(product)
        s.flush()
        s.add_all([
            RunInstitution(run_id=run.id, institution_code="seimas"),
            RunPartner(run_id=run.id, organisation_id=orgs[1].id),
            RunPartner(run_id=run.id, network_id=net.id),
            RunStep(run_id=run.id, kind="round_table", date=dt.date(2026, 1, 10), event_id=ev.id),
            RunStep(run_id=run.id, kind="submission", date=dt.date(2026, 2, 1),
                    responsible_id=ppl[3].id),
            Proposal(run_id=run.id, summary="Late", institution_code="seimas",
                     submitted_on=TODAY - 60 * DAY, response_due_on=TODAY - 30 * DAY,
                     registration_number="S-2026-17"),
            Proposal(run_id=run.id, summary="Waiting", submitted_on=TODAY - DAY,
                     response_due_on=TODAY + 29 * DAY),
            Proposal(run_id=run.id, summary="Answered", submitted_on=TODAY - 90 * DAY,
                     response_on=TODAY - 60 * DAY, outcome="partly_adopted"),
            RunProduct(run_id=run.id, product_id=product.id),
            Publication(run_id=run.id, title="Straipsnis", language="pl"),
        ])
        out.update(event=ev.id, network=net.id, case=case.id, run=run.id, p0=ppl[0].id)
    return out


def test_event_detail(db: Database, ids: dict[str, str]) -> None:
    d = get_event(db, ids["event"])
    assert (d.code, d.title, d.kind_label) == ("SAL-2026-001", "Lyderių mokymai", "Training")
    assert len(d.sessions) == 3 and d.hours == 12
    assert d.sessions[0].trainer == "Jonas Jonaitis" and d.trainers == ("Jonas Jonaitis",)
    assert d.registered == 2 and len(d.participants) == 3
    assert (d.certificates, d.revoked_certificates) == (1, 1)
    assert d.network_name == "Šalčininkų tinklas" and d.run_title.startswith("ADV-2026-001")
    assert d.cert_rule_text == "at least 80% of sessions"
    rates = {p.person_id: p.rate for p in d.participants}
    assert rates[ids["p0"]] == 1.0
    by_name = {p.name: p for p in d.participants}
    assert by_name["Wiśniewski Łukasz"].present == 1
    assert by_name["Иванов Иван"].status_label == "cancelled"
    assert by_name["Petraitienė Ona"].organisation == "Šalčininkų NVO centras"
    set_language("ru")
    assert get_event(db, ids["event"]).title == "Обучение лидеров"


def test_certificate_rule_in_words() -> None:
    assert cert_rule_text("hours", 0.75) == "at least 75% of hours"
    assert "no certificate" in cert_rule_text("none", 0)


def test_network_detail(db: Database, ids: dict[str, str]) -> None:
    d = get_network(db, ids["network"])
    assert d.status_label == "active" and d.lead_organisation == "Šalčininkų NVO centras"
    assert len(d.members) == 2 and d.current_members == 1
    assert d.members[0].interests == ("jaunimas",)
    assert d.members[0].role_label == "lead organisation"
    assert len(d.municipalities) == 2
    assert [w.title for w in d.work if w.late] == ["Late"]
    assert next(w for w in d.work if w.late).responsible == "Visagino klubas"
    assert [m.code for m in d.meetings] == ["SAL-2026-001"]
    assert d.meetings[0].registered == 2


def test_case_detail(db: Database, ids: dict[str, str]) -> None:
    d = get_case(db, ids["case"])
    assert d.beneficiary == "Иван Иванов" and d.consultant == "Jonas Jonaitis"
    assert d.stage_label == "Business plan" and d.legal_form_label
    assert [x.to_label for x in d.stages] == ["Intake", "Business plan"]
    assert d.stages[1].by == "Jonas Jonaitis"
    assert d.activities[0].kind_label == "phone call"
    assert d.activities[0].event_code == "SAL-2026-001"
    assert d.overdue_actions == 1
    assert d.next_action is not None and d.next_action.title == "Late"
    assert d.actions[-1].title == "Done"  # open actions first
    assert d.financing[0].amount_eur == Decimal("1500.00")
    assert d.outcomes[0].jobs_created == 2


def test_run_detail(db: Database, ids: dict[str, str]) -> None:
    d = get_run(db, ids["run"])
    assert d.status_label == "awaiting response" and d.document_kind_label == "regulation"
    assert d.institutions == ("Seimas of the Republic of Lithuania",)
    assert set(d.partners) == {"Visagino klubas", "Šalčininkų tinklas"}
    assert [x.kind_label for x in d.steps] == ["round table", "submission"]
    assert d.steps[0].event_code == "SAL-2026-001"
    assert (len(d.proposals), d.awaiting, d.overdue) == (3, 2, 1)
    late = next(p for p in d.proposals if p.overdue)
    assert (late.summary, late.registration_number) == ("Late", "S-2026-17")
    assert late.addressee == "Seimas of the Republic of Lithuania"
    assert [p.title for p in d.products] == ["Mikroverslo modelis"]
    assert d.publications[0].language_label == "Polish"


@pytest.mark.parametrize("getter", [get_event, get_network, get_case, get_run])
def test_missing_record_is_a_user_error(db: Database, getter: object) -> None:
    with pytest.raises(NotFoundError):
        getter(db, "no-such-id")  # type: ignore[operator]
