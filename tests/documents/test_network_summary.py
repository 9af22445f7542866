import datetime as dt
import io

from pypdf import PdfReader

from app.db import Database
from app.documents.network_summary import render_network_summary
from app.models import Attendance, Event, Organisation, Person, Registration, Session
from app.services.network_editing import (
    MemberData,
    NetworkData,
    WorkItemData,
    add_interest_tag,
    save_member,
    save_network,
    save_work_item,
)
from app.services.networks import get_network

D = dt.date
TODAY = D(2026, 6, 15)


def _network(db: Database) -> str:
    with db.session() as s:
        orgs = [Organisation(name=n) for n in ("Asociacija Šviesa", "Bendruomenė Rytas")]
        people = [Person(first_name=f"P{i}", last_name="Žemaitė") for i in range(3)]
        s.add_all([*orgs, *people])
        s.flush()
        org_ids, person_ids = [o.id for o in orgs], [p.id for p in people]
    net = save_network(db, NetworkData(name="Šalčininkų tinklas", region="Vilniaus apskritis",
                                       status="active", lead_organisation_id=org_ids[0],
                                       municipality_codes=("salcininku_r",)),
                       today=TODAY).value.id or ""
    youth = add_interest_tag(db, "Jaunimas").value
    lead = save_member(db, MemberData(network_id=net, organisation_id=org_ids[0], role="lead",
                                      interest_codes=(youth,))).value
    save_member(db, MemberData(network_id=net, organisation_id=org_ids[1],
                               free_interests=("Amatai",)))
    save_work_item(db, WorkItemData(network_id=net, title="Bendra strategija",
                                    responsible_member_id=lead.id, due_on=D(2026, 5, 1)))
    save_work_item(db, WorkItemData(network_id=net, title="Svetainė", status="done"))
    with db.session() as s:
        for code, day in (("SAL-2026-001", D(2026, 2, 3)), ("SAL-2026-007", D(2026, 5, 5))):
            ev = Event(code=code, title_lt="Tinklo susitikimas", title_pl="Spotkanie sieci",
                       kind="network_meeting", network_id=net, starts_on=day, ends_on=day,
                       status="held", place="Šalčininkai")
            s.add(ev)
            s.flush()
            session = Session(event_id=ev.id, number=1, date=day, hours=2)
            regs = [Registration(event_id=ev.id, person_id=p) for p in person_ids]
            s.add_all([session, *regs])
            s.flush()
            s.add_all([Attendance(session_id=session.id, registration_id=r.id)
                       for r in regs[:2]])
    return net


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_summary_in_english(db: Database) -> None:
    net = _network(db)
    d = get_network(db, net, today=TODAY, lang="en")
    assert [(m.registered, m.attended) for m in d.meetings] == [(3, 2), (3, 2)]
    text = _text(render_network_summary(d, "en", "Šalčininkų biuras", TODAY))
    for part in ("Network summary", "Šalčininkų tinklas", "Asociacija Šviesa",
                 "lead organisation", "Jaunimas", "Amatai", "Bendra strategija", "planned, late",
                 "SAL-2026-001", "SAL-2026-007", "Meetings and round tables", "Šalčininkų biuras",
                 "Page 1 of 1"):
        assert part in text, part


def test_summary_for_a_quarter_in_polish(db: Database) -> None:
    net = _network(db)
    d = get_network(db, net, today=TODAY, lang="pl")
    text = _text(render_network_summary(d, "pl", "Biuro", TODAY,
                                         period=(D(2026, 4, 1), D(2026, 6, 30))))
    assert "SAL-2026-007" in text and "SAL-2026-001" not in text
    assert "Spotkanie sieci" in text  # the event's title in the document's language
