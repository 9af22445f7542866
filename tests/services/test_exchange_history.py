"""The exchange history lists every file sent and received, newest first, with a summary."""

from __future__ import annotations

from app.services import exchange_history, people
from tests.sync.conftest import net  # noqa: F401 - the network fixture
from tests.sync.network import Net


def test_files_sent_and_received_newest_first(net: Net) -> None:  # noqa: F811
    people.save_person(net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla"))
    path = net.send("SAL", "VLN")
    net.deliver(path, "VLN")
    net.deliver(path.rename(path.with_name("copy.tinklas")), "VLN")  # the same file again

    sal = exchange_history.history(net.db("SAL"))
    assert sal[0].sent and sal[0].direction == "Sent to" and sal[0].office.startswith("VLN")
    assert sal[0].changes >= 1 and "People: 1 change" in sal[0].details
    assert [e.sequence for e in sal] == sorted((e.sequence for e in sal), reverse=True)

    vln = exchange_history.history(net.db("VLN"))
    newest = vln[0]
    assert not newest.sent and newest.direction == "Received from"
    assert newest.office.startswith("SAL") and newest.status == "Imported"
    assert "People: 1 created" in newest.details
    assert newest.sequence == sal[0].sequence


def test_an_empty_history(db) -> None:  # type: ignore[no-untyped-def]
    assert exchange_history.history(db) == []
