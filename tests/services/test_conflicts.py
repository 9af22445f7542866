"""The conflicts inbox: grouped items, side by side, and resolutions that travel."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import pytest

from app.services import conflicts, people
from tests.sync.conftest import net  # noqa: F401 - the network fixture
from tests.sync.network import Net


def _person(net: Net, **fields: Any) -> str:  # noqa: F811
    data = people.PersonData(
        first_name="Ona", last_name="Yla", address="Gėlių g. 1", city="Vilnius"
    )
    pid = people.save_person(net.db("SAL"), dataclasses.replace(data, **fields)).value.id or ""
    net.sync("SAL")
    net.sync("VIS")
    return pid


def _edit(net: Net, code: str, pid: str, **changes: Any) -> None:  # noqa: F811
    p = people.get_person(net.db(code), pid)
    people.save_person(net.db(code), dataclasses.replace(p, **changes))


def _concurrent(net: Net, pid: str, sal: dict[str, Any], vis: dict[str, Any]) -> None:  # noqa: F811
    _edit(net, "SAL", pid, **sal)
    time.sleep(0.003)
    _edit(net, "VIS", pid, **vis)  # later: VIS wins everywhere
    net.deliver(net.send("SAL", "VLN"), "VLN")
    net.deliver(net.send("VIS", "VLN"), "VLN")


def test_no_conflicts_in_a_fresh_network(net: Net) -> None:  # noqa: F811
    assert conflicts.open_conflicts(net.db("VLN")) == []
    assert conflicts.open_count(net.db("VLN")) == 0


def test_a_conflict_shows_both_sides_with_offices_and_times(net: Net) -> None:  # noqa: F811
    pid = _person(net)
    _concurrent(net, pid, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    items = conflicts.open_conflicts(net.db("VLN"))
    assert len(items) == 1 and conflicts.open_count(net.db("VLN")) == 1
    item = items[0]
    assert item.record_label == "Ona Yla" and item.what == "Person" and item.editable
    (f,) = item.fields
    assert (f.label, f.current_text, f.other_text) == ("Phone", "+370 600 00002", "+370 600 00001")
    assert item.current_office.startswith("VIS") and item.other_office.startswith("SAL")
    assert item.current_when and item.other_when and "." not in item.current_when[:2]


def test_name_unit_is_one_item(net: Net) -> None:  # noqa: F811
    pid = _person(net)
    _concurrent(
        net,
        pid,
        {"first_name": "Onutė", "last_name": "Ylaitė"},
        {"first_name": "Anna", "last_name": "Iła"},
    )
    items = conflicts.open_conflicts(net.db("VLN"))
    assert len(items) == 1
    assert [f.field for f in items[0].fields] == ["first_name", "last_name"]
    assert items[0].record_label == "Anna Iła"


def test_take_the_other_changes_the_value_and_travels(net: Net) -> None:  # noqa: F811
    pid = _person(net)
    _concurrent(net, pid, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    vln = net.db("VLN")
    (item,) = conflicts.open_conflicts(vln)
    changes = conflicts.resolve(vln, item.ids, conflicts.TAKE_OTHER)
    assert "people" in changes.kinds and conflicts.CONFLICTS in changes.kinds
    assert people.get_person(vln, pid).phone == "+370 600 00001"
    assert conflicts.open_count(vln) == 0
    for code in ("SAL", "VIS"):  # the resolution is a change like any other
        net.deliver(net.send("VLN", code), code)
        assert people.get_person(net.db(code), pid).phone == "+370 600 00001"
        assert conflicts.open_count(net.db(code)) == 0


def test_keep_leaves_the_value_and_the_decision_travels(net: Net) -> None:  # noqa: F811
    pid = _person(net)
    _concurrent(net, pid, {"phone": "+370 600 00001"}, {"phone": "+370 600 00002"})
    vln, sal = net.db("VLN"), net.db("SAL")
    net.deliver(net.send("VLN", "SAL"), "SAL")  # SAL sees the same conflict
    assert conflicts.open_count(sal) == 1
    (item,) = conflicts.open_conflicts(vln)
    conflicts.resolve(vln, item.ids, conflicts.KEEP)
    assert people.get_person(vln, pid).phone == "+370 600 00002"
    assert conflicts.open_count(vln) == 0
    net.deliver(net.send("VLN", "SAL"), "SAL")
    assert conflicts.open_count(sal) == 0
    assert people.get_person(sal, pid).phone == "+370 600 00002"


def test_edit_writes_a_third_value(net: Net) -> None:  # noqa: F811
    pid = _person(net)
    _concurrent(net, pid, {"city": "Soleczniki"}, {"city": "Šalčininkai"})
    vln = net.db("VLN")
    (item,) = conflicts.open_conflicts(vln)
    conflicts.resolve(vln, item.ids, conflicts.EDIT, {"city": "Šalčininkų r."})
    assert people.get_person(vln, pid).city == "Šalčininkų r."
    assert conflicts.open_count(vln) == 0


def test_edit_refuses_a_bad_number(net: Net) -> None:  # noqa: F811
    from app.errors import UserError

    pid = _person(net, birth_year=1980)
    _concurrent(net, pid, {"birth_year": 1981}, {"birth_year": 1982})
    vln = net.db("VLN")
    (item,) = conflicts.open_conflicts(vln)
    with pytest.raises(UserError):
        conflicts.resolve(vln, item.ids, conflicts.EDIT, {"birth_year": "soon"})
    assert conflicts.open_count(vln) == 1
    conflicts.resolve(vln, item.ids, conflicts.EDIT, {"birth_year": "1983"})
    assert people.get_person(vln, pid).birth_year == 1983


def test_codes_show_as_words(net: Net) -> None:  # noqa: F811
    pid = _person(net)
    _concurrent(net, pid, {"gender": "f"}, {"gender": "m"})
    (item,) = conflicts.open_conflicts(net.db("VLN"))
    assert (item.fields[0].current_text, item.fields[0].other_text) == ("male", "female")
    assert not item.editable  # a code from a list: keep one side or take the other
