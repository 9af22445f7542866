"""The fast import paths against the plain ones: the same database, row for row.

- Batched creation (creates.py, a few rows per batch here so that every path crosses batch
  boundaries) against `careful` creation (one batch, every row kept in memory): the coordinator's
  database after importing the same busy files must be identical in every table, change log and
  conflicts included.
- The split decoding of a line (head and value parsed apart, the value's text kept) against
  json.loads of the whole line: the same change or the same refusal for every line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.db import Database
from app.ids import uuid7
from app.models import Person
from app.services import duplicates, organisations, people
from app.sync import changes, clock, creates, importer, merge
from app.sync.changelog import bulk_insert
from app.sync.changes import ChangeError, decode, encode
from tests.sync.network import Net, manifest_of, office_id, repack, unpack

NOW = dt.datetime(2026, 11, 2, 9, 30)
VOLATILE = {"created_at", "updated_at", "recorded_at", "detected_at", "at", "enrolled_at"}
RANDOM_IDS = {"conflicts", "exchange_ledger"}  # uuid7 ids made during the import


def dump(db: Database) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, sorted; columns that hold the time of the import left out."""
    out = {}
    with db.engine.connect() as conn:
        names = conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")).scalars().all()
        for name in names:
            cols = [r[1] for r in conn.execute(text(f'PRAGMA table_info("{name}")'))
                    if r[1] not in VOLATILE and not (name in RANDOM_IDS and r[1] == "id")]
            select = ", ".join(f'"{c}"' for c in cols)
            out[name] = sorted(tuple(repr(v) for v in row) for row in conn.execute(
                text(f'SELECT {select} FROM "{name}"')))
    return out


def _edit(db: Database, pid: str, **values: Any) -> None:
    people.save_person(db, dataclasses.replace(people.get_person(db, pid), **values))


def _busy_files(net: Net) -> list[Path]:
    sal, vis = net.db("SAL"), net.db("VIS")
    shared = [people.save_person(sal, people.PersonData(
        first_name=f"Ona{i}", last_name="Yla", address="Gėlių g. 1", city="Vilnius")).value.id
        or "" for i in range(3)]
    net.sync("SAL")
    net.sync("VIS")
    with sal.session() as s:
        bulk_insert(s, Person, [{"first_name": f"Vardas{i}", "last_name": f"Pavardenis{i}",
                                 "city": "Šalčininkai"} for i in range(30)])
    org = organisations.save_organisation(
        sal, organisations.OrganisationData(name="Bendrija", registration_code="300000001"))
    a = people.save_person(sal, people.PersonData(first_name="Jonas", last_name="Petraitis"))
    b = people.save_person(sal, people.PersonData(first_name="Jonas", last_name="Petraitis",
                                                  phone="+370 600 00009"))
    keep, gone = a.value.id or "", b.value.id or ""
    _edit(sal, keep, email="jonas@example.lt")
    duplicates.merge_people(sal, keep, gone)
    organisations.save_role(sal, organisations.RoleData(
        person_id=keep, organisation_id=org.value.id or "", role="member"))
    _edit(sal, gone, notes="after the merge")  # lands on the survivor
    _edit(sal, shared[0], phone="+370 600 00001")
    _edit(sal, shared[1], city="Trakai")
    _edit(sal, shared[2], notes="pastaba")
    time.sleep(0.003)
    _edit(vis, shared[0], phone="+370 600 00002")  # concurrent: one conflict
    _edit(vis, shared[1], address="Ąžuolų g. 2")  # the address unit against SAL's city
    people.set_archived(vis, shared[2])  # archive against an edit: for review
    return [net.send("SAL", "VLN"), net.send("VIS", "VLN")]


def _crafted(net: Net, path: Path, out: Path) -> Path:
    """The SAL file with hand-made lines added: a record inserted twice, a new record merged into
    another new one, and edits that reach them through the redirect."""
    sal, vln = net.db("SAL"), net.db("VLN")
    pkg = unpack(path, vln)
    origin = office_id(sal, "SAL")
    x, y, z = uuid7(), uuid7(), uuid7()
    base = clock.now_ms()
    lines = []

    def add(seq: int, ms: int, record: str, op: str, fld: str | None, value: Any,
            prev: str | None = None) -> str:
        stamp = str(clock.Stamp(base + ms, 0, "SAL"))
        lines.append(encode(origin, 10**6 + seq, stamp, "people", record, op, fld,
                            json.dumps(value, ensure_ascii=False, separators=(",", ":")), prev,
                            origin))
        return stamp

    sample = next(json.loads(line) for line in pkg.changes.splitlines()
                  if b'"op":"insert"' in line and b'"t":"people"' in line)
    person = {**sample["v"], "first_name": "Rūta", "last_name": "Kairė", "city": "Vilnius",
              "archived": False, "erased": False, "merged_into_id": None, "notes": ""}
    add(1, 5, x, "insert", None, {**person, "phone": "1"})
    add(2, 3, x, "insert", None, {**person, "phone": "2", "city": "Kaunas"})  # older: merges
    add(3, 8, z, "insert", None, {**person, "first_name": "Zita", "phone": "3"})
    made = add(4, 2, y, "insert", None, {**person, "first_name": "Yla", "merged_into_id": z})
    add(5, 6, y, "update", "phone", "+370 600 00077", made)  # to z, older than z itself
    add(6, 9, y, "update", "notes", "po", made)  # to z, newer
    add(7, 7, x, "update", "notes", "antra", made)
    data = pkg.changes + "".join(lines).encode("utf-8")
    out.write_bytes(repack(sal, vln, manifest_of(pkg), data))
    return out


def _import_each(net: Net, files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> dict[str, Database]:
    vln = net.db("VLN")
    vln.dispose()
    wall = clock.now_ms()
    monkeypatch.setattr(clock, "now_ms", lambda: wall)
    monkeypatch.setattr(merge, "utcnow", lambda: NOW)
    monkeypatch.setattr(importer, "utcnow", lambda: NOW)
    plain_apply = merge.apply
    out = {}
    for mode in ("careful", "batched"):
        copy = tmp_path / f"VLN-{mode}.sqlite"
        shutil.copyfile(vln.path, copy)  # type: ignore[arg-type]
        db = out[mode] = Database.open(copy)
        with monkeypatch.context() as m:
            if mode == "careful":
                m.setattr(merge, "apply", functools.partial(plain_apply, careful=True))
            else:
                m.setattr(creates, "BATCH", 4)
            for path in files:
                importer.import_file(db, path, backup=False, precheck=False)
    return out


def test_batched_import_equals_careful_import(net: Net, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    sal_file, vis_file = _busy_files(net)
    crafted = _crafted(net, sal_file, tmp_path / "crafted.tinklas")
    dbs = _import_each(net, [crafted, vis_file], tmp_path, monkeypatch)
    careful, batched = dump(dbs["careful"]), dump(dbs["batched"])
    assert careful == batched
    assert len(careful["people"]) == 38 and len(careful["conflicts"]) >= 2
    assert len(careful["change_log"]) > 60
    with dbs["batched"].reader() as s:
        redirected = s.execute(text(
            "SELECT phone, notes FROM people WHERE first_name = 'Zita'")).one()
        twice = s.execute(text(
            "SELECT phone, city, notes FROM people WHERE last_name = 'Kairė' "
            "AND first_name = 'Rūta'")).one()
    assert tuple(redirected) == ("3", "po")
    assert tuple(twice) == ("1", "Vilnius", "antra")  # the newer insert's fields win
    for db in dbs.values():
        db.dispose()


def test_reimport_of_a_batched_file_is_a_no_op(net: Net, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(creates, "BATCH", 3)
    with net.db("SAL").session() as s:
        bulk_insert(s, Person, [{"first_name": f"V{i}", "last_name": "P"} for i in range(20)])
    path = net.send("SAL", "VLN")
    net.deliver(path, "VLN")
    before = dump(net.db("VLN"))
    copy = tmp_path / "copy.tinklas"
    copy.write_bytes(path.read_bytes() + b"")  # a renamed copy: the same hash
    assert net.deliver(copy, "VLN").status == "already"
    assert dump(net.db("VLN")) == before


# -- decoding ---------------------------------------------------------------------------------

def _plain(line: bytes) -> Any:
    """decode() reading the whole line with json.loads (the split way switched off)."""
    saved = changes._split
    changes._split = lambda raw: None  # type: ignore[assignment]
    try:
        return _outcome(line)
    finally:
        changes._split = saved  # type: ignore[assignment]


def _outcome(line: bytes) -> Any:
    try:
        c = decode(7, line)
    except ChangeError as exc:
        return ("refused", exc.text())
    fields = {f.name: getattr(c, f.name) for f in dataclasses.fields(c)
              if f.name not in ("data", "raw_value")}
    return fields, c.value, creates._log_row(c, NOW)  # the value the change log keeps


ORIGIN, RECORD = "01a216a0-39c5-7000-89ef-19af767464b0", "01a216a0-3ba6-7000-bf09-133cf0c07291"
STAMP = "1795675929509.00000.SAL"
HEAD = f'{{"o":"{ORIGIN}","s":6,"h":"{STAMP}","t":"people","r":"{RECORD}",'


def _lines(net: Net) -> list[bytes]:
    people.save_person(net.db("SAL"), people.PersonData(
        first_name="Łukasz", last_name="Иванов", notes="a,\"v\":1} \\ \u2028", birth_year=1970))
    pkg = unpack(net.send("SAL", "VLN"), net.db("VLN"))
    real = [line for line in pkg.changes.split(b"\n") if line]
    made = [
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"+370"}',
        HEAD + '"op":"update","f":"phone","p":null,"w":null, "v" : "+370" }',
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"+370"}  \t',
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"+370"}\x0b',
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"a","v":"b"}',
        HEAD + '"op":"update","f":"phone","v":"a","p":null,"w":null}',
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"x":{"a":1,"v":2},"v":"c"}',
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"c"}}',
        HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":}',
        HEAD + '"op":"update","f":"birth_year","p":null,"w":null,"v":1970.0}',
        HEAD + '"op":"update","f":"birth_year","p":null,"w":null,"v":true}',
        HEAD + '"op":"insert","f":null,"p":null,"w":null,"v":{"first_name":"A","nope":1}}',
        HEAD + '"op":"insert","f":null,"p":null,"w":null,"v":{"first_name":null}}',
        HEAD + '"op":"insert","f":null,"p":null,"w":null,"v":{"birth_year":"x"}}',
        HEAD + '"op":"insert","f":null,"p":null,"w":null,"v":{"archived":1}}',
        HEAD + '"op":"insert","f":null,"p":null,"w":null,"v":{"notes":' + "[" * 40 + "]" * 40
        + "}}",
        HEAD + '"op":"delete","f":null,"p":null,"w":null,"v":null}',
        HEAD + '"op":"delete","f":"phone","p":null,"w":null,"v":null}',
        '{,"v":1}',
        '\ufeff' + HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"+370"}',
        ' ' + HEAD + '"op":"update","f":"phone","p":null,"w":null,"v":"+370"}',
    ]
    return real + [m.encode("utf-8") for m in made] + [b'{"o":"\xff","v":1}', b""]


def test_split_decoding_equals_plain_decoding(net: Net) -> None:
    for line in _lines(net):
        assert _outcome(line) == _plain(line), line
