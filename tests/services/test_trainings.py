"""Events, sessions, registration with a waiting list, attendance, certificates and verification."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.certificates.codes import is_valid
from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.services import attendance, certificates, event_editing, people, registrations
from app.services.event_editing import EventData, SessionData

D = dt.date(2026, 11, 24)


def _event(db: Database, **kw: object) -> EventData:
    data = EventData(title_lt="Lyderių mokymai", starts_on=D, ends_on=D + dt.timedelta(2), **kw)
    return event_editing.save_event(db, data).value


def _sessions(db: Database, event: EventData, hours: tuple[float, ...] = (4, 4, 8)) -> list[str]:
    ids = []
    for i, h in enumerate(hours):
        ids.append(event_editing.save_session(db, SessionData(
            event_id=event.id or "", date=D + dt.timedelta(i), hours=h, topic=f"Tema {i + 1}"))
            .value.id or "")
    return ids


def _person(db: Database, first: str, last: str, lang: str = "lt") -> str:
    return people.save_person(db, people.PersonData(first_name=first, last_name=last,
                                                    preferred_language=lang)).value.id or ""


def test_event_codes_follow_the_office_series(office_db: Database) -> None:
    a, b = _event(office_db), _event(office_db)
    assert (a.code, b.code) == ("SAL-2026-001", "SAL-2026-002")


@pytest.mark.parametrize(("change", "field"), [
    ({"title_lt": " "}, "title_lt"),
    ({"ends_on": D - dt.timedelta(1)}, "ends_on"),
    ({"capacity": 0}, "capacity"),
    ({"cert_min_share": 1.5}, "cert_min_share"),
    ({"kind": "party"}, "kind"),
])
def test_event_validation(office_db: Database, change: dict, field: str) -> None:
    data = replace(EventData(title_lt="X", starts_on=D, ends_on=D), **change)
    with pytest.raises(ValidationError) as err:
        event_editing.save_event(office_db, data)
    assert err.value.field == field


def test_sessions_inside_the_event_and_renumbered(office_db: Database) -> None:
    event = _event(office_db)
    with pytest.raises(ValidationError):
        event_editing.save_session(office_db, SessionData(event_id=event.id or "",
                                                          date=D + dt.timedelta(10)))
    _sessions(office_db, event, (4, 4))
    event_editing.save_session(office_db, SessionData(event_id=event.id or "", date=D,
                                                      starts_at=dt.time(8)))
    numbers = [(s.number, s.date) for s in event_editing.sessions(office_db, event.id or "")]
    assert [n for n, _d in numbers] == [1, 2, 3]


def test_waiting_list_and_promotion(office_db: Database) -> None:
    event = _event(office_db, capacity=2)
    a, b, c = (_person(office_db, n, "Petraitis") for n in ("Jonas", "Petras", "Antanas"))
    ra = registrations.register(office_db, event.id or "", a).value
    registrations.register(office_db, event.id or "", b)
    rc = registrations.register(office_db, event.id or "", c).value
    status = {r.id: r.status for r in registrations.registrations(office_db, event.id or "")}
    assert status[rc] == "waiting"
    with pytest.raises(ValidationError):
        registrations.register(office_db, event.id or "", a)
    promoted = registrations.set_status(office_db, ra, "cancelled").value
    assert promoted == [rc]
    status = {r.id: r.status for r in registrations.registrations(office_db, event.id or "")}
    assert status[rc] == "registered" and status[ra] == "cancelled"


def _held_event(db: Database, rule: str = "sessions", share: float = 0.8):
    event = _event(db, cert_rule=rule, cert_min_share=share)
    sess = _sessions(db, event)  # 4 + 4 + 8 hours
    ona = registrations.register(db, event.id or "", _person(db, "Žydrūnė", "Ąžuolaitė")).value
    lukasz = registrations.register(db, event.id or "",
                                    _person(db, "Łukasz", "Wiśniewski", "pl")).value
    attendance.mark(db, sess[0], [ona, lukasz], "present")
    attendance.mark(db, sess[1], [ona], "present")
    attendance.mark(db, sess[1], [lukasz], "excused")
    attendance.mark(db, sess[2], [ona, lukasz], "present")
    return event, sess, ona, lukasz


def test_attendance_grid_and_rates(office_db: Database) -> None:
    event, sess, ona, lukasz = _held_event(office_db)
    g = attendance.grid(office_db, event.id or "")
    rows = {r.registration.id: r for r in g.rows}
    assert rows[lukasz].marks == ("present", "excused", "present")
    assert g.person_rate(rows[ona]) == 1.0
    assert g.person_hours(rows[lukasz]) == 12
    assert g.session_rate(1) == 0.5
    attendance.mark(office_db, sess[1], [lukasz], None)
    g = attendance.grid(office_db, event.id or "")
    assert {r.registration.id: r for r in g.rows}[lukasz].marks[1] is None


@pytest.mark.parametrize(("rule", "share", "lukasz_eligible"), [
    ("sessions", 0.8, False),  # 2 of 3 sessions
    ("sessions", 0.6, True),
    ("hours", 0.75, True),  # 12 of 16 hours
    ("hours", 0.8, False),
])
def test_eligibility_rules(office_db: Database, rule: str, share: float,
                           lukasz_eligible: bool) -> None:
    event, _s, ona, lukasz = _held_event(office_db, rule, share)
    found = {e.registration_id: e.eligible for e in certificates.eligibility(office_db,
                                                                             event.id or "")}
    assert found == {ona: True, lukasz: lukasz_eligible}


def test_issue_numbers_without_gaps_override_reissue_revoke_verify(office_db: Database) -> None:
    event, _s, ona, lukasz = _held_event(office_db)
    first = certificates.issue(office_db, event.id or "", on=D).value
    assert len(first) == 1  # Łukasz does not meet 80% of sessions
    with pytest.raises(ValidationError):
        certificates.issue(office_db, event.id or "", overrides={lukasz: " "})
    second = certificates.issue(office_db, event.id or "", overrides={lukasz: "ill, did the work"},
                                on=D).value
    infos = certificates.certificates_of_event(office_db, event.id or "")
    assert [c.number for c in infos] == ["SAL-2026-0001", "SAL-2026-0002"]
    assert certificates.issue(office_db, event.id or "").value == []  # nobody twice
    cert = certificates.get_certificate(office_db, second[0])
    assert cert.override_reason == "ill, did the work" and is_valid(cert.verification_code)
    certificates.reissue(office_db, cert.id)
    again = certificates.get_certificate(office_db, cert.id)
    assert again.number == cert.number and again.reissue_count == 1
    typed = cert.verification_code.lower().replace("-", " ")
    assert certificates.verify(office_db, typed).id == cert.id
    certificates.revoke(office_db, cert.id, "issued by mistake")
    assert certificates.verify(office_db, cert.verification_code).revoked
    with pytest.raises(ValidationError):
        certificates.reissue(office_db, cert.id)


def test_verify_tells_a_mistyped_code_from_an_unknown_one(office_db: Database) -> None:
    with pytest.raises(ValidationError):
        certificates.verify(office_db, "7KQ2-M9XD-4X")
    from app.certificates.codes import code_from_int

    with pytest.raises(NotFoundError):
        certificates.verify(office_db, code_from_int(12345))
