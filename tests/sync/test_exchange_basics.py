"""The happy path and idempotence: files go both ways, nothing is applied twice."""

from __future__ import annotations

import dataclasses
import shutil

from app.services import people
from tests.sync.network import Net, fingerprint, state


def _person(net: Net, code: str, first: str, last: str, **kw: object) -> str:
    return (
        people.save_person(
            net.db(code), people.PersonData(first_name=first, last_name=last, **kw)
        ).value.id
        or ""
    )


def test_an_office_edit_reaches_the_coordinator_and_the_other_office(net: Net) -> None:
    pid = _person(net, "SAL", "Łukasz", "Wiśniewski", email="l@example.lt")
    report = net.deliver(net.send("SAL", "VLN"), "VLN")
    assert report.status == "applied" and report.summary["tables"]["people"]["created"] == 1
    net.deliver(net.send("VLN", "VIS"), "VIS")
    assert people.get_person(net.db("VIS"), pid).last_name == "Wiśniewski"
    assert state(net.db("VLN"))["people"] == state(net.db("VIS"))["people"]


def test_dry_run_changes_nothing(net: Net) -> None:
    _person(net, "SAL", "Ona", "Yla")
    path = net.send("SAL", "VLN")
    before = fingerprint(net.db("VLN"))
    report = net.deliver(path, "VLN", dry_run=True)
    assert report.status == "dry_run" and report.summary["tables"]["people"]["created"] == 1
    assert fingerprint(net.db("VLN")) == before


def test_same_file_twice_renamed_copy_and_overlapping_resend(net: Net, tmp_path) -> None:
    _person(net, "SAL", "Ona", "Yla")
    first = net.send("SAL", "VLN")
    assert net.deliver(first, "VLN").status == "applied"
    after = fingerprint(net.db("VLN"))
    assert net.deliver(first, "VLN").status == "already"
    copy = tmp_path / "renamed.tinklas"
    shutil.copyfile(first, copy)
    assert net.deliver(copy, "VLN").status == "already"
    assert fingerprint(net.db("VLN")) == after
    # The office had not yet heard back, so its next file repeats what the first carried.
    _person(net, "SAL", "Jonas", "Jonaitis")
    resend = net.send("SAL", "VLN")
    report = net.deliver(resend, "VLN")
    assert report.summary["tables"]["people"] == {
        "created": 1,
        "updated": 0,
        "unchanged": 1,
        "conflicts": 0,
        "dropped": 0,
        "rejected": 0,
    }


def test_acknowledged_changes_are_not_sent_again(net: Net) -> None:
    _person(net, "SAL", "Ona", "Yla")
    net.sync("SAL")
    report = net.deliver(net.send("SAL", "VLN"), "VLN")
    assert report.changes == 0 and report.status == "applied"


def test_special_category_data_goes_to_the_coordinator_only(net: Net) -> None:
    import datetime as dt

    pid = _person(net, "SAL", "Małgorzata", "Żukowska")
    people.record_consent(net.db("SAL"), pid, "polish", dt.date(2026, 1, 1))
    net.deliver(net.send("SAL", "VLN"), "VLN")
    assert people.get_person(net.db("VLN"), pid).community_code == "polish"
    net.deliver(net.send("VLN", "VIS"), "VIS")
    assert people.get_person(net.db("VIS"), pid).community_code is None
    assert people.consents(net.db("VIS"), pid) == []


def test_an_office_gets_only_what_it_needs(net: Net) -> None:
    import datetime as dt

    from app.services import event_editing

    event_editing.save_event(
        net.db("SAL"), event_editing.EventData(title_lt="Mokymai", starts_on=dt.date(2026, 11, 26))
    )
    net.deliver(net.send("SAL", "VLN"), "VLN")
    assert len(state(net.db("VLN"))["events"]) == 1
    net.deliver(net.send("VLN", "VIS"), "VIS")
    assert state(net.db("VIS"))["events"] == {}  # another office's event: not Visaginas's


def test_edits_in_both_directions_converge(net: Net) -> None:
    pid = _person(net, "SAL", "Ona", "Yla")
    net.sync("SAL")
    net.sync("VIS")
    p = people.get_person(net.db("VIS"), pid)
    people.save_person(net.db("VIS"), dataclasses.replace(p, phone="+370 600 00002"))
    net.sync("VIS")
    net.sync("SAL")
    assert people.get_person(net.db("SAL"), pid).phone == "+370 600 00002"
    assert (
        state(net.db("SAL"))["people"]
        == state(net.db("VLN"))["people"]
        == state(net.db("VIS"))["people"]
    )


def test_the_coordinator_sees_an_office_event_read_only(net: Net) -> None:
    import datetime as dt

    import pytest

    from app.errors import ValidationError
    from app.services import event_editing

    saved = event_editing.save_event(net.db("SAL"), event_editing.EventData(
        title_lt="Mokymai", starts_on=dt.date(2026, 11, 26))).value
    net.deliver(net.send("SAL", "VLN"), "VLN")
    at_coordinator = event_editing.get_event_data(net.db("VLN"), saved.id or "")
    assert at_coordinator.title_lt == "Mokymai"
    with pytest.raises(ValidationError) as err:
        event_editing.save_event(net.db("VLN"), dataclasses.replace(at_coordinator,
                                                                     title_lt="Kita"))
    assert "SAL" in err.value.text() and "read-only" in err.value.text()
