"""`tinklas demo`: realistic, reproducible, complete, and written like typed-in data."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.certificates.codes import is_valid
from app.cli.main import main
from app.db import Database
from app.demo import DemoSummary, anchor_for, generate
from app.errors import UserError
from app.models import Base, Person, synced_models
from app.services.duplicates import find_people

SIZE = 300
KINDS = ("training", "seminar", "round_table", "study_visit", "conference", "consultation",
         "network_meeting")
STAGES = ("intake", "needs_assessment", "business_idea", "business_plan", "training_mentoring",
          "financing", "registration", "operating", "follow_up_6m", "follow_up_12m", "closed")


@dataclass
class Demo:
    db: Database
    path: Path
    summary: DemoSummary
    before: dict[str, int]
    progress: list[tuple[int, int]]

    def rows(self, sql: str, *params: object) -> list[tuple]:
        with sqlite3.connect(self.path) as conn:
            return conn.execute(sql, params).fetchall()

    def one(self, sql: str, *params: object) -> object:
        return self.rows(sql, *params)[0][0]


def _table_counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


def _fresh(template: Path, path: Path) -> Database:
    """A new, migrated database (a copy of the session's template: migrating takes longer)."""
    shutil.copyfile(template, path)
    return Database.open(path)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_db_path: Path) -> Iterator[Demo]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = _fresh(template_db_path, path)
    before = _table_counts(db)
    progress: list[tuple[int, int]] = []
    summary = generate(db, size=SIZE, progress=lambda d, t: progress.append((d, t)))
    yield Demo(db, path, summary, before, progress)
    db.dispose()


def test_three_offices_with_vilnius_as_the_local_coordinator(demo: Demo) -> None:
    assert demo.summary.offices == ("VIL", "SAL", "VIS")
    offices = dict(demo.rows("SELECT code, is_coordinator FROM offices"))
    assert offices == {"VIL": 1, "SAL": 0, "VIS": 0}
    local = demo.db.local_office()
    assert (local.code, local.is_coordinator, local.configured) == ("VIL", True, True)
    series = demo.rows("SELECT certificate_series, signatory_name FROM offices WHERE code='VIL'")
    assert series[0][0] == "VIL" and series[0][1]


def test_people_have_their_real_letters(demo: Demo) -> None:
    assert demo.one("SELECT count(*) FROM people") == SIZE
    names = [f"{f} {la}" for f, la in demo.rows("SELECT first_name, last_name FROM people")]
    text = " ".join(names)
    for letter in "ŁŻŽĄŚšėūłż":
        assert letter in text, letter
    assert re.search("[А-Яа-яЁё]", text)
    assert re.search("[іўІЎїєЇЄ]", text)  # Belarusian and Ukrainian letters too
    assert "Žydrūnė Ąžuolaitė" in names and "Łukasz Wiśniewski" in names
    assert re.search(r"\w+(ienė|aitė|ytė|utė)\b", text)
    langs = dict(demo.rows("SELECT preferred_language, count(*) FROM people GROUP BY 1"))
    assert set(langs) == {"lt", "pl", "ru"}
    phones = [p for (p,) in demo.rows("SELECT phone FROM people WHERE phone != ''")]
    assert phones and all(re.fullmatch(r"\+370 6\d\d \d{5}", p) for p in phones)
    emails = [e for (e,) in demo.rows("SELECT email FROM people WHERE email != ''")]
    assert emails and all(e.isascii() and "@" in e for e in emails)
    assert len(set(emails)) == len(emails)


def test_offices_serve_the_communities_that_live_there(demo: Demo) -> None:
    def share(code: str, lang: str) -> float:
        rows = demo.rows(
            "SELECT p.preferred_language FROM people p JOIN offices o ON o.id = p.office_id "
            "WHERE o.code = ?", code)
        return sum(1 for (lg,) in rows if lg == lang) / len(rows)

    assert share("SAL", "pl") > 0.4
    assert share("VIS", "ru") > 0.5


def test_community_only_with_a_consent(demo: Demo) -> None:
    with_community = demo.one("SELECT count(*) FROM people WHERE community_code IS NOT NULL")
    assert 0.2 * SIZE < with_community < 0.4 * SIZE
    missing = demo.one(
        "SELECT count(*) FROM people p WHERE community_code IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM consents c WHERE c.person_id = p.id AND c.purpose = 'community')")
    assert missing == 0
    assert demo.one("SELECT count(*) FROM consents") == with_community


def test_organisations_have_unique_registration_codes(demo: Demo) -> None:
    rows = demo.rows("SELECT name, registration_code FROM organisations")
    assert len(rows) >= 40
    codes = [c for _, c in rows]
    assert len(set(codes)) == len(codes) and all(re.fullmatch(r"\d{9}", c) for c in codes)
    names = " ".join(n for n, _ in rows)
    assert "„" in names and "savivaldybės administracija" in names
    assert demo.one("SELECT count(*) FROM person_roles") > 0


def test_duplicates_across_spellings_are_found(demo: Demo) -> None:
    pairs = {frozenset((c.a_label.split(" (")[0], c.b_label.split(" (")[0]))
             for c in find_people(demo.db)}
    assert frozenset(("Łukasz Wiśniewski", "Lukas Višnevskis")) in pairs
    assert frozenset(("Łukasz Wiśniewski", "Лукаш Вишневский")) in pairs
    assert len(pairs) >= 2


def test_networks_members_and_work_programme(demo: Demo) -> None:
    nets = demo.rows("SELECT name, status, transferred_from FROM networks")
    assert len(nets) == 4
    assert sum(1 for _, _, t in nets if t) == 1  # one network moving to a new region
    assert demo.one("SELECT count(DISTINCT role) FROM network_members") == 3
    kinds = demo.rows("SELECT DISTINCT interest_code IS NULL FROM member_interests")
    assert {k for (k,) in kinds} == {0, 1}  # shared tags and free ones
    statuses = {s for (s,) in demo.rows("SELECT DISTINCT status FROM work_items")}
    assert statuses == {"planned", "in_progress", "done", "dropped"}
    late = demo.one("SELECT count(*) FROM work_items WHERE status IN ('planned', 'in_progress') "
                    "AND due_on < ?", demo.summary.anchor.isoformat())
    assert late > 0


def test_events_of_every_kind_with_codes_in_step_with_the_counters(demo: Demo) -> None:
    kinds = {k for (k,) in demo.rows("SELECT DISTINCT kind FROM events")}
    assert kinds == set(KINDS)
    codes = demo.rows("SELECT o.code, e.code FROM events e JOIN offices o ON o.id = e.office_id")
    year = demo.summary.anchor.year
    for office, code in codes:
        assert re.fullmatch(rf"{office}-{year}-\d{{3}}", code), code
    for office, series, last in demo.rows(
            "SELECT o.code, c.series, c.last FROM counters c JOIN offices o ON o.id = c.office_id "
            "WHERE c.series = 'event'"):
        numbers = [int(c[-3:]) for o, c in codes if o == office]
        assert sorted(numbers) == list(range(1, last + 1)), (office, series)
    assert demo.one("SELECT count(*) FROM events WHERE country = 'DE'") >= 1
    assert demo.one("SELECT count(*) FROM events WHERE kind = 'network_meeting' "
                    "AND network_id IS NULL") == 0
    assert demo.one("SELECT count(*) FROM events WHERE kind = 'round_table' "
                    "AND run_id IS NOT NULL") > 0
    assert demo.one("SELECT count(*) FROM events WHERE title_pl != ''") > 0
    assert demo.one("SELECT count(*) FROM events WHERE title_ru != ''") > 0


def test_sessions_registrations_and_attendance(demo: Demo) -> None:
    per_event = [n for (n,) in demo.rows("SELECT count(*) FROM sessions GROUP BY event_id")]
    assert min(per_event) >= 1 and max(per_event) <= 3
    assert demo.one("SELECT count(*) FROM sessions WHERE hours <= 0 OR topic = ''") == 0
    statuses = {s for (s,) in demo.rows("SELECT DISTINCT status FROM registrations")}
    assert statuses == {"registered", "confirmed", "cancelled", "no_show", "completed", "waiting"}
    future = demo.one(
        "SELECT count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id "
        "WHERE s.date >= ?", demo.summary.anchor.isoformat())
    assert future == 0
    assert demo.one("SELECT count(*) FROM attendance") > 0


def test_certificates_verify_and_the_register_is_complete(demo: Demo) -> None:
    certs = demo.rows("SELECT number, verification_code, revoked, revoked_reason FROM certificates")
    assert certs
    for number, code, revoked, reason in certs:
        assert re.fullmatch(r"(VIL|SAL|VIS)-\d{4}-\d{4}", number), number
        assert is_valid(code), code
        assert bool(revoked) == bool(reason)
    assert any(revoked for _, _, revoked, _ in certs)
    issued = demo.one("SELECT count(*) FROM certificate_log WHERE action = 'issued'")
    revoked = demo.one("SELECT count(*) FROM certificate_log WHERE action = 'revoked'")
    assert issued == len(certs)
    assert revoked == sum(1 for c in certs if c[2])
    kinds = {k for (k,) in demo.rows(
        "SELECT DISTINCT e.kind FROM certificates c JOIN events e ON e.id = c.event_id")}
    assert kinds <= {"training", "seminar", "study_visit", "conference"}


def test_cases_in_every_stage_with_history(demo: Demo) -> None:
    assert demo.one("SELECT count(*) FROM business_cases") >= 30
    stages = {s for (s,) in demo.rows("SELECT DISTINCT stage_code FROM business_cases")}
    assert stages == set(STAGES)
    closed = demo.rows("SELECT close_reason, closed_on FROM business_cases "
                       "WHERE stage_code = 'closed'")
    assert closed and all(reason and day for reason, day in closed)
    # Each case's history ends in its current stage.
    for stage, last in demo.rows(
            "SELECT c.stage_code, (SELECT to_stage FROM case_stage_changes h "
            " WHERE h.case_id = c.id ORDER BY date DESC, rowid DESC LIMIT 1) "
            "FROM business_cases c"):
        assert stage == last
    registered = demo.one("SELECT count(*) FROM business_cases WHERE stage_code IN "
                          "('operating', 'follow_up_6m', 'follow_up_12m') AND "
                          "(legal_form IS NULL OR registered_on IS NULL)")
    assert registered == 0


def test_next_actions_are_alive_relative_to_today(demo: Demo) -> None:
    today = dt.date.today()
    due = [dt.date.fromisoformat(d) for (d,) in demo.rows(
        "SELECT due_on FROM case_next_actions WHERE done_on IS NULL")]
    assert any(d < today for d in due)
    assert any(today <= d <= today + dt.timedelta(days=6) for d in due)


def test_advocacy_runs_with_overdue_proposals(demo: Demo) -> None:
    runs = demo.rows("SELECT o.code, r.code FROM advocacy_runs r "
                     "JOIN offices o ON o.id = r.office_id")
    assert 5 <= len(runs) <= 8
    assert sum(1 for office, _ in runs if office == "VIL") > len(runs) / 2
    assert demo.one(
        "SELECT count(*) FROM proposals WHERE submitted_on IS NOT NULL AND response_on IS NULL "
        "AND outcome = '' AND response_due_on < ?", dt.date.today().isoformat()) > 0
    outcomes = {o for (o,) in demo.rows("SELECT DISTINCT outcome FROM proposals")}
    assert {"adopted", "rejected"} <= outcomes
    known = {c for (c,) in demo.rows("SELECT code FROM institutions")}
    targets = {c for (c,) in demo.rows("SELECT institution_code FROM run_institutions")}
    assert targets and targets <= known
    products = {k for (k,) in demo.rows("SELECT kind FROM products")}
    assert {"model", "methodology", "study"} <= products
    assert demo.one("SELECT count(*) FROM run_steps WHERE event_id IS NOT NULL") > 0
    assert demo.one("SELECT count(*) FROM publications") > 0
    assert demo.one("SELECT count(*) FROM product_evaluations") > 0


def test_the_change_log_has_one_insert_per_record(demo: Demo) -> None:
    after = _table_counts(demo.db)
    logged = dict(demo.rows("SELECT table_name, count(*) FROM change_log WHERE op = 'insert' "
                            "GROUP BY table_name"))
    distinct = demo.one("SELECT count(DISTINCT record_id) FROM change_log WHERE op = 'insert'")
    for table in (m.__tablename__ for m in synced_models()):
        inserted = after[table] - demo.before[table]
        assert logged.get(table, 0) == inserted, table
        assert demo.summary.count(table) == inserted, table
    assert distinct == sum(logged.values()) == demo.summary.total


def test_foreign_keys_hold(demo: Demo) -> None:
    assert demo.rows("PRAGMA foreign_key_check") == []


def test_progress_is_reported_and_ends_complete(demo: Demo) -> None:
    assert len(demo.progress) > 10
    done = [d for d, _ in demo.progress]
    assert done == sorted(done)
    assert demo.progress[-1][0] == demo.progress[-1][1]


def test_same_seed_same_data(demo: Demo, tmp_path: Path, template_db_path: Path) -> None:
    db = _fresh(template_db_path, tmp_path / "again.sqlite")
    try:
        again = generate(db, size=SIZE)
    finally:
        db.dispose()
    assert dict(again.counts) == dict(demo.summary.counts)
    other = Demo(db, tmp_path / "again.sqlite", again, {}, [])
    for sql in ("SELECT first_name, last_name, birth_year FROM people ORDER BY id",
                "SELECT code, title_lt, starts_on FROM events ORDER BY code",
                "SELECT number, verification_code FROM certificates ORDER BY number",
                "SELECT code, stage_code FROM business_cases ORDER BY code"):
        assert other.rows(sql) == demo.rows(sql), sql
    assert again.anchor == demo.summary.anchor == anchor_for(2026) == dt.date(2026, 10, 15)


def test_another_seed_other_names(tmp_path: Path, template_db_path: Path) -> None:
    names = []
    for seed in (7, 2026):
        db = _fresh(template_db_path, tmp_path / f"seed{seed}.sqlite")
        try:
            summary = generate(db, size=100, office_code="SAL", seed=seed)
            with db.reader() as s:
                names.append(s.execute(select(Person.last_name).order_by(Person.id))
                             .scalars().all())
        finally:
            db.dispose()
        assert summary.anchor == anchor_for(seed)
    assert len(names[0]) == len(names[1]) == 100
    assert names[0][10:] != names[1][10:]  # the showcase people aside


def test_one_office_only(tmp_path: Path, template_db_path: Path) -> None:
    db = _fresh(template_db_path, tmp_path / "sal.sqlite")
    try:
        summary = generate(db, size=120, office_code="sal")
        local = db.local_office()
    finally:
        db.dispose()
    assert summary.offices == ("SAL",)
    assert (local.code, local.is_coordinator) == ("SAL", False)
    with sqlite3.connect(tmp_path / "sal.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM offices").fetchone()[0] == 1
        kinds = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM events")}
        assert kinds == set(KINDS)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_refuses_a_database_with_people(demo: Demo) -> None:
    with pytest.raises(UserError) as err:
        generate(demo.db, size=SIZE)
    assert "new file" in err.value.text()


def test_refuses_unknown_office_and_tiny_sizes(db: Database) -> None:
    with pytest.raises(UserError):
        generate(db, size=100, office_code="XYZ")
    with pytest.raises(UserError):
        generate(db, size=3)
    with db.reader() as s:
        assert s.execute(select(func.count()).select_from(Person)).scalar_one() == 0


def test_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["demo", "--db", str(tmp_path / "cli.sqlite"), "--size", "100", "--office", "VIS"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 1 and "100 people" in lines[0] and "VIS" in lines[0], out
    assert main(args) == 1  # the database has people now
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "new file" in err
    assert main(["demo", "--db", str(tmp_path / "none.sqlite"), "--office", "XYZ"]) == 1
    assert not (tmp_path / "none.sqlite").exists()  # refused before a file was made
