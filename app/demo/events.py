"""Demo events of every kind: sessions with trainers, registrations, attendance (certificates are
in events_certs.py). Events before the anchor date are held; later ones are still planned."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, cast

from app.demo.advocacy import runs_open_on
from app.demo.context import Ctx, PersonInfo, Writer
from app.demo.events_certs import make_certificates
from app.demo.events_data import (
    CAPACITY,
    CERT_RULE,
    DESCRIPTIONS,
    HOURS,
    KIND_WEIGHTS,
    SESSIONS,
    TITLES,
    TOPICS,
)
from app.demo.places import ABROAD, VENUES
from app.demo.registry import split
from app.ids import uuid7
from app.models import (
    Attendance,
    Event,
    EventTrainer,
    Registration,
    Session,
    WorkItemEvent,
)

EVENT_SHARES = {"VIL": 40, "SAL": 32, "VIS": 28}
PROGRAMMES = ("community_ngo_leaders", "ngo_admin_capacity", "network_facilitators",
              "youth_leaders")
LANGUAGES = {"SAL": (("pl", 55), ("lt", 45)), "VIS": (("ru", 60), ("lt", 40)),
             "VIL": (("lt", 60), ("pl", 20), ("ru", 20))}


def events_for(size: int) -> int:
    """About 150 events for the default 2,000 people; fewer for small demos, more for huge."""
    if size <= 2000:
        return max(40, min(150, round(size * 0.075)))
    return 150 + (size - 2000) // 200


def _start_day(ctx: Ctx, rng: random.Random) -> dt.date:
    day = dt.date(ctx.anchor.year, 1, 12) + dt.timedelta(days=rng.randint(0, 335))
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _times(hours: float) -> tuple[dt.time, dt.time]:
    start = 9 * 60 if hours >= 6 else (10 * 60 if hours >= 4 else 17 * 60)
    minutes = int(hours * 45 + (hours // 2) * 15)
    end = start + minutes
    return dt.time(start // 60, start % 60), dt.time(end // 60, end % 60)


class _Events:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.rng = ctx.rng("events")
        self.rows: dict[str, list[dict[str, Any]]] = {
            "events": [], "sessions": [], "trainers": [], "registrations": [], "attendance": [],
            "work_item_events": [],
        }
        self.member_people: dict[str, list[PersonInfo]] = {}  # network id -> its people
        self.waiting_list = False  # has a coming event been made full yet?
        self.linked_run = False  # has a round table been linked to an advocacy run yet?

    def _pool(self, office: str, abroad: bool, network: dict[str, Any] | None) -> list[PersonInfo]:
        ctx = self.ctx
        if abroad:  # members of all the networks travel together
            ids = {p for net in ctx.networks for org in net["members"]
                   for p in ctx.org_people.get(org, [])}
            return [p for p in ctx.people if p.id in ids] or ctx.people
        if network is not None:
            if network["id"] not in self.member_people:
                ids = {p for org in network["members"] for p in ctx.org_people.get(org, [])}
                self.member_people[network["id"]] = [
                    p for p in ctx.by_office.get(office, []) if p.id in ids]
            members = self.member_people[network["id"]]
            if len(members) >= 8:
                return members
        return ctx.by_office.get(office) or ctx.people

    def event(self, office: str, kind: str, starts: dt.date, number: int, abroad: bool) -> None:
        ctx, rng = self.ctx, self.rng
        oid = ctx.office_id(office)
        if kind == "study_visit":
            titles = TITLES[kind][0 if abroad else 1]
        else:
            titles = rng.choice(TITLES[kind])
        low, high = SESSIONS[kind]
        n_sessions = rng.randint(low, high)
        step = 7 if kind == "training" and rng.random() < 0.5 else 1
        dates = [starts + dt.timedelta(days=i * step) for i in range(n_sessions)]
        hours = rng.choice(HOURS[kind])
        cancelled = rng.random() < 0.03
        held = dates[-1] < ctx.anchor and not cancelled
        langs = LANGUAGES.get(office, (("lt", 1),))
        language = rng.choices([x[0] for x in langs], [x[1] for x in langs])[0]
        network = None
        if kind == "network_meeting" or (kind == "consultation" and rng.random() < 0.3):
            nets = [n for n in ctx.networks if n["office"] == office] or ctx.networks
            network = rng.choice(nets) if nets else None
        run = None
        if kind == "round_table":  # most round tables (and at least one) serve a run
            runs = runs_open_on(ctx, dates[0], office)
            if runs and (not self.linked_run or rng.random() < 0.6):
                run, self.linked_run = rng.choice(runs), True
        event_id = uuid7()
        place, seat = rng.choice(VENUES.get(office, VENUES["VIL"]))
        country, municipality = "LT", cast(str | None, seat)
        if abroad:
            (country, place), municipality = rng.choice(ABROAD), None
        title_lt, title_pl, title_ru = titles
        row = {
            "id": event_id, "office_id": oid, "code": f"{office}-{starts.year}-{number:03d}",
            "kind": kind, "title_lt": title_lt,
            "title_pl": title_pl if office in ("SAL", "VIL") or language == "pl" else "",
            "title_ru": title_ru if office in ("VIS", "VIL") or language == "ru" else "",
            "programme_code": rng.choice(PROGRAMMES) if kind == "training" else None,
            "description": DESCRIPTIONS[kind], "starts_on": dates[0], "ends_on": dates[-1],
            "place": place, "municipality_code": municipality, "country": country,
            "language": language,
            "capacity": rng.randint(*CAPACITY[kind]), "network_id": network and network["id"],
            "run_id": run and run["id"], "cert_rule": CERT_RULE.get(kind, "none"),
            "cert_min_share": 0.75 if CERT_RULE.get(kind) == "hours" else 0.8,
            "hours_per_session": hours,
            "status": "cancelled" if cancelled else ("held" if held else "planned"),
        }
        self.rows["events"].append(row)
        if run is not None:
            run["round_tables"].append((event_id, dates[0], title_lt))
        if network is not None and ctx.work_items.get(network["id"]) and rng.random() < 0.7:
            self.rows["work_item_events"].append({
                "office_id": oid, "event_id": event_id,
                "work_item_id": rng.choice(ctx.work_items[network["id"]])})
        trainers = self._trainers(office, kind)
        for person in trainers:
            self.rows["trainers"].append({"office_id": oid, "event_id": event_id,
                                          "person_id": person.id})
        sessions = []
        topics = TOPICS[kind]
        for i, day in enumerate(dates):
            starts_at, ends_at = _times(hours)
            session_id = uuid7()
            sessions.append((session_id, day, hours))
            self.rows["sessions"].append({
                "id": session_id, "office_id": oid, "event_id": event_id, "number": i + 1,
                "date": day, "starts_at": starts_at, "ends_at": ends_at, "hours": hours,
                "topic": topics[i % len(topics)],
                "trainer_id": trainers[i % len(trainers)].id if trainers else None,
            })
        info: dict[str, Any] = {
            "id": event_id, "office": office, "kind": kind, "code": row["code"],
            "starts_on": dates[0], "ends_on": dates[-1], "held": held,
            "cert_rule": row["cert_rule"], "cert_min_share": row["cert_min_share"],
            "title": title_lt, "registrations": [],
        }
        self._registrations(info, row, sessions, self._pool(office, abroad, network), trainers,
                            cancelled)
        ctx.events.append(info)

    def _trainers(self, office: str, kind: str) -> list[PersonInfo]:
        if kind == "network_meeting":
            return []
        pool = self.ctx.trainers.get(office) or []
        if kind == "consultation":
            pool = self.ctx.staff.get(office) or pool
        return self.rng.sample(pool, min(len(pool), 2 if kind == "training" else 1))

    def _registrations(self, info: dict[str, Any], row: dict[str, Any],
                       sessions: list[tuple[str, dt.date, float]], pool: list[PersonInfo],
                       trainers: list[PersonInfo], cancelled: bool) -> None:
        ctx, rng = self.ctx, self.rng
        capacity = row["capacity"]
        wanted = rng.randint(int(capacity * 0.6), capacity)
        if not info["held"] and not cancelled:
            # A quarter of the coming events (and at least one) are full, with a waiting list.
            if not self.waiting_list or rng.random() < 0.25:
                self.waiting_list = True
                capacity = row["capacity"] = min(capacity, max(4, len(pool) - len(trainers) - 5))
                wanted = capacity + rng.randint(1, 4)
            else:
                wanted = rng.randint(int(capacity * 0.3), capacity)
        skip = {t.id for t in trainers}
        drawn = rng.sample(pool, min(len(pool), wanted + len(skip)))
        chosen = [p for p in drawn if p.id not in skip]
        past = [s for s in sessions if s[1] < ctx.anchor]
        for k, person in enumerate(chosen[:wanted]):
            if cancelled:
                status = "cancelled"
            elif info["held"]:
                status = rng.choices(("completed", "no_show", "cancelled"), (82, 10, 8))[0]
            elif k >= capacity:
                status = "waiting"
            else:
                status = rng.choices(("registered", "confirmed", "cancelled"), (50, 40, 10))[0]
            reg_id = uuid7()
            waiting = k - capacity + 1 if status == "waiting" else None
            registered_on = row["starts_on"] - dt.timedelta(days=rng.randint(3, 40))
            self.rows["registrations"].append({
                "id": reg_id, "office_id": row["office_id"], "event_id": row["id"],
                "person_id": person.id, "organisation_id": ctx.person_org.get(person.id),
                "status": status, "waitlist_position": waiting, "registered_on": registered_on,
                "note": "",
            })
            present: list[float] = []
            if status in ("completed", "no_show", "registered", "confirmed"):
                for session_id, _day, hours in past:
                    mark = "absent" if status == "no_show" else rng.choices(
                        ("present", "absent", "excused"), (90, 7, 3))[0]
                    self.rows["attendance"].append({
                        "office_id": row["office_id"], "session_id": session_id,
                        "registration_id": reg_id, "status": mark})
                    if mark == "present":
                        present.append(hours)
            info["registrations"].append((reg_id, person, status, present, len(sessions),
                                          sum(s[2] for s in sessions)))


def make_events(ctx: Ctx, w: Writer) -> None:
    gen = _Events(ctx)
    rng = gen.rng
    n = events_for(ctx.size)
    kinds = list(KIND_WEIGHTS)
    plan = kinds + rng.choices(kinds, list(KIND_WEIGHTS.values()), k=max(0, n - len(kinds)))
    rng.shuffle(plan)
    # One study visit goes abroad (to Germany), so that every demo has one.
    abroad_at = plan.index("study_visit")
    entries: list[tuple[str, dt.date, str, bool]] = []
    position = 0
    for office, count in split(n, EVENT_SHARES, ctx.codes).items():
        for i in range(position, position + count):
            entries.append((office, _start_day(ctx, rng), plan[i], i == abroad_at))
        position += count
    entries.sort(key=lambda e: (e[0], e[1]))  # numbered in date order within each office
    for office, starts, kind, abroad in entries:
        gen.event(office, kind, starts, ctx.next_number(office, "event", starts.year), abroad)
    w.add(Event, gen.rows["events"])
    w.add(EventTrainer, gen.rows["trainers"])
    w.add(Session, gen.rows["sessions"])
    w.add(Registration, gen.rows["registrations"])
    w.add(Attendance, gen.rows["attendance"])
    w.add(WorkItemEvent, gen.rows["work_item_events"])
    make_certificates(ctx, w)
