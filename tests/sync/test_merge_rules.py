"""SYNC.md's merge rule: concurrent edits, units, archives, erasure, skewed clocks."""

from __future__ import annotations

import dataclasses
import time

import pytest
from sqlalchemy import select

from app.models import Conflict
from app.services import people
from tests.sync.network import Net, state


def _shared_person(net: Net) -> str:
    pid = (
        people.save_person(
            net.db("SAL"),
            people.PersonData(
                first_name="Ona", last_name="Yla", address="Gėlių g. 1", city="Vilnius"
            ),
        ).value.id
        or ""
    )
    net.sync("SAL")
    net.sync("VIS")
    return pid


def _edit(net: Net, code: str, pid: str, **changes: object) -> None:
    p = people.get_person(net.db(code), pid)
    people.save_person(net.db(code), dataclasses.replace(p, **changes))


def _conflicts(net: Net, code: str) -> list[Conflict]:
    with net.db(code).reader() as s:
        return list(s.execute(select(Conflict)).scalars())


@pytest.mark.parametrize("order", [("SAL", "VIS"), ("VIS", "SAL")])
def test_same_field_in_two_offices_same_winner_in_either_order(
    net: Net, order: tuple[str, str]
) -> None:
    pid = _shared_person(net)
    _edit(net, "SAL", pid, phone="+370 600 00001")
    time.sleep(0.003)
    _edit(net, "VIS", pid, phone="+370 600 00002")  # the later edit wins everywhere
    files = {code: net.send(code, "VLN") for code in order}
    for code in order:
        net.deliver(files[code], "VLN")
    assert people.get_person(net.db("VLN"), pid).phone == "+370 600 00002"
    kept = [c for c in _conflicts(net, "VLN") if c.field == "phone"]
    assert len(kept) == 1 and kept[0].losing_value == '"+370 600 00001"'
    for code in ("SAL", "VIS"):
        net.deliver(net.send("VLN", code), code)
        assert people.get_person(net.db(code), pid).phone == "+370 600 00002"


def test_different_fields_are_both_kept_without_conflict(net: Net) -> None:
    pid = _shared_person(net)
    _edit(net, "SAL", pid, phone="+370 600 00001")
    _edit(net, "VIS", pid, email="ona@example.lt")
    net.sync("SAL")
    net.sync("VIS")
    net.sync("SAL")
    for code in ("SAL", "VIS", "VLN"):
        p = people.get_person(net.db(code), pid)
        assert (p.phone, p.email) == ("+370 600 00001", "ona@example.lt")
    assert _conflicts(net, "VLN") == []


def test_address_lines_conflict_together(net: Net) -> None:
    pid = _shared_person(net)
    _edit(net, "SAL", pid, city="Soleczniki")
    time.sleep(0.003)
    _edit(net, "VIS", pid, address="Taikos pr. 5")  # later: its whole address wins
    net.sync("SAL")
    net.sync("VIS")
    net.sync("SAL")
    for code in ("SAL", "VIS", "VLN"):
        p = people.get_person(net.db(code), pid)
        assert (p.address, p.city) == ("Taikos pr. 5", "Vilnius")
    fields = {c.field for c in _conflicts(net, "VLN")}
    assert {"address", "city"} <= fields


def test_edit_against_a_concurrent_archive_is_kept_for_review(net: Net) -> None:
    pid = _shared_person(net)
    people.set_archived(net.db("VIS"), pid)
    _edit(net, "SAL", pid, phone="+370 600 00009")
    net.sync("VIS")
    net.sync("SAL")
    p = people.get_person(net.db("VLN"), pid)
    assert p.archived and p.phone == "+370 600 00009"
    assert any(c.kind == "archive" for c in _conflicts(net, "VLN"))


def test_an_erased_person_never_comes_back_from_an_old_file(net: Net) -> None:
    pid = _shared_person(net)
    _edit(net, "SAL", pid, phone="+370 600 00001")
    old_file = net.send("SAL", "VLN")  # made before the erasure reaches anyone
    people.erase_person(net.db("VLN"), pid)
    net.deliver(old_file, "VLN")
    p = people.get_person(net.db("VLN"), pid)
    assert p.erased and p.phone == "" and p.first_name == "—"
    net.deliver(net.send("VLN", "SAL"), "SAL")
    assert people.get_person(net.db("SAL"), pid).erased


def test_an_erasure_that_arrives_scrubs_the_receivers_history_too(net: Net) -> None:
    from app.models import ChangeLog

    pid = _shared_person(net)
    _edit(net, "SAL", pid, phone="+370 600 00077", email="ona.yla@example.lt")
    net.deliver(net.send("SAL", "VLN"), "VLN")  # the coordinator logs the old values
    people.erase_person(net.db("SAL"), pid)
    net.deliver(net.send("SAL", "VLN"), "VLN")
    for code in ("SAL", "VLN"):
        with net.db(code).reader() as s:
            history = " ".join(r.value or "" for r in s.execute(
                select(ChangeLog).where(ChangeLog.record_id == pid)).scalars())
        assert people.get_person(net.db(code), pid).erased
        for secret in ("Yla", "Gėlių", "00077", "ona.yla"):
            assert secret not in history, (code, secret)


def test_out_of_order_and_lost_files_end_in_the_same_state(net: Net) -> None:
    ids = []
    files = []
    for i in range(3):
        ids.append(
            people.save_person(
                net.db("SAL"), people.PersonData(first_name=f"P{i}", last_name="Eilė")
            ).value.id
        )
        files.append(net.send("SAL", "VLN"))
    report = net.deliver(files[2], "VLN")  # 1 and 2 lost for now
    assert report.gap == 2
    assert net.deliver(files[0], "VLN").status == "no_op"  # all of it came with file 3
    assert net.deliver(files[1], "VLN").status == "no_op"
    got = {p for p in state(net.db("VLN"))["people"]}
    assert set(ids) <= got


def test_a_clock_a_year_ahead_loses_no_later_edit(net: Net, monkeypatch) -> None:
    from app.sync import clock

    pid = _shared_person(net)
    real = clock.now_ms
    year = 365 * 24 * 3600 * 1000
    monkeypatch.setattr(clock, "now_ms", lambda: real() + year)
    _edit(net, "SAL", pid, phone="+370 600 00001")  # made with the clock a year ahead
    monkeypatch.setattr(clock, "now_ms", real)
    report = net.deliver(net.send("SAL", "VLN"), "VLN")
    assert report.far_future > 0
    _edit(net, "VLN", pid, phone="+370 600 00002")  # later, at the coordinator
    net.deliver(net.send("VLN", "SAL"), "SAL")
    for code in ("VLN", "SAL"):
        assert people.get_person(net.db(code), pid).phone == "+370 600 00002"
