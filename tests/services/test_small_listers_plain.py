"""The events, networks and runs lists on plain SQL: no ORM on import, dates compared as the
database stores them, and one definition of the labels they show."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from app.db import Database
from app.i18n import set_language
from app.models import AdvocacyRun, Event, Network, NetworkMember, Organisation, Proposal
from app.services.listing import ListQuery, lister

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def test_importing_the_small_lists_loads_no_orm() -> None:
    code = ("import sys, app.services.listers.events, app.services.listers.networks, "
            "app.services.listers.runs; "
            "sys.exit(any(m.split('.')[0] in ('sqlalchemy', 'alembic') or m == 'app.models' "
            "for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_labels_have_one_definition() -> None:
    from app.services import advocacy, advocacy_labels, event_labels, events, network_labels
    from app.services import networks as network_service

    assert events.EVENT_STATUS is event_labels.EVENT_STATUS
    assert events.date_range is event_labels.date_range and events.label is event_labels.label
    assert network_service.NETWORK_STATUS is network_labels.NETWORK_STATUS
    assert network_service.label_in is network_labels.label_in
    assert advocacy.RUN_STATUS is advocacy_labels.RUN_STATUS


def test_title_sort_falls_back_to_the_lithuanian_title(db: Database) -> None:
    with db.session() as s:
        a = Event(code="E-1", title_lt="Žiemos mokykla", title_pl="Akademia zimowa",
                  starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 1, 2))
        b = Event(code="E-2", title_lt="Babtų seminaras", title_pl="",
                  starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2026, 1, 5))
        s.add_all([a, b])
        s.flush()
        ids = (a.id, b.id)
    events = lister("events")
    assert events.ids(db, ListQuery(sort="title")) == [ids[1], ids[0]]
    set_language("pl")
    assert events.ids(db, ListQuery(sort="title")) == [ids[0], ids[1]]
    assert [r.values[1] for r in events.rows(db, list(ids))] == ["Akademia zimowa",
                                                                 "Babtų seminaras"]
    assert events.ids(db, ListQuery(text="babtu")) == [ids[1]]
    assert events.count_all(db) == 2
    assert events.open(db, ListQuery(filters={"year": "2026"})).count() == 2
    assert events.ids(db, ListQuery(filters={"year": "2025"})) == []


def test_members_and_overdue_proposals_compare_with_today(db: Database) -> None:
    with db.session() as s:
        org = Organisation(name="Narys")
        net = Network(name="Tinklas", region="Utenos apskritis", status="closed",
                      founded_on=dt.date(2020, 4, 1))
        run = AdvocacyRun(code="ADV-1", title="Kalba")
        s.add_all([org, net, run])
        s.flush()
        s.add_all([
            NetworkMember(network_id=net.id, organisation_id=org.id, left_on=TODAY),
            NetworkMember(network_id=net.id, organisation_id=org.id, left_on=TODAY + DAY),
            NetworkMember(network_id=net.id, organisation_id=org.id, deleted=True),
            Proposal(run_id=run.id, summary="due today", submitted_on=TODAY - DAY,
                     response_due_on=TODAY),
            Proposal(run_id=run.id, summary="late", submitted_on=TODAY - 9 * DAY,
                     response_due_on=TODAY - DAY),
            Proposal(run_id=run.id, summary="answered", submitted_on=TODAY - 9 * DAY,
                     response_due_on=TODAY - DAY, response_on=TODAY - 2 * DAY),
        ])
        net_id, run_id = net.id, run.id
    (network,) = lister("networks").rows(db, [net_id])
    assert network.values[3] == "1" and network.values[4] == "" and "2020" in network.values[5]
    assert network.archived
    (advocacy_run,) = lister("runs").rows(db, [run_id])
    assert advocacy_run.values[3:6] == ("3", "2", "1")
    assert advocacy_run.values[6] == ""
    assert lister("networks").ids(db, ListQuery(sort="founded")) == [net_id]
    assert lister("runs").ids(db, ListQuery(filters={"office": "nowhere"})) == []
