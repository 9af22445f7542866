import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationError
from app.models import Event, Organisation, Person
from app.services.network_editing import (
    MemberData,
    NetworkData,
    WorkItemData,
    add_interest_tag,
    interest_choices,
    is_late,
    load_member,
    load_network,
    load_work_item,
    remove_member,
    remove_work_item,
    save_member,
    save_network,
    save_work_item,
)
from app.services.network_interests import interests_view
from app.services.networks import get_network
from app.services.results import NETWORKS

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def orgs(db: Database) -> dict[str, str]:
    with db.session() as s:
        rows = {k: Organisation(name=n) for k, n in (
            ("a", "Asociacija Šviesa"), ("b", "Bendruomenė Rytas"), ("c", "Centras Ąžuolas"),
            ("d", "Draugija Vilnis"))}
        person = Person(first_name="Ona", last_name="Petraitienė")
        s.add_all([*rows.values(), person])
        s.flush()
        out = {k: o.id for k, o in rows.items()}
        out["person"] = person.id
    return out


def _network(db: Database, orgs: dict[str, str]) -> str:
    saved = save_network(db, NetworkData(
        name="  Šalčininkų   tinklas ", region="Vilniaus apskritis", status="active",
        lead_organisation_id=orgs["a"], founded_on=dt.date(2025, 3, 1),
        transferred_from="Utenos regionas", municipality_codes=("salcininku_r", "vilniaus_r",
                                                                "salcininku_r")), today=TODAY)
    assert NETWORKS in saved.changes.kinds
    assert saved.value.name == "Šalčininkų tinklas"
    return saved.value.id or ""


def test_create_and_edit_network(db: Database, orgs: dict[str, str]) -> None:
    net = _network(db, orgs)
    data = load_network(db, net)
    assert data.municipality_codes == ("salcininku_r", "vilniaus_r")
    save_network(db, NetworkData(**{**data.__dict__, "municipality_codes": ("vilniaus_r",),
                                    "status": "dormant"}), today=TODAY)
    again = load_network(db, net)
    assert again.municipality_codes == ("vilniaus_r",) and again.status == "dormant"
    d = get_network(db, net, today=TODAY)
    assert d.transferred_from == "Utenos regionas" and d.lead_organisation == "Asociacija Šviesa"
    assert len(d.municipalities) == 1


@pytest.mark.parametrize("change, field", [
    ({"name": " "}, "name"), ({"status": "sleeping"}, "status"),
    ({"founded_on": TODAY + dt.timedelta(days=1)}, "founded_on"),
])
def test_network_rules(db: Database, change: dict, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        save_network(db, NetworkData(**{"name": "X", **change}), today=TODAY)
    assert err.value.field == field


def test_members_roles_and_interests(db: Database, orgs: dict[str, str]) -> None:
    net = _network(db, orgs)
    youth = add_interest_tag(db, "Jaunimas").value
    assert add_interest_tag(db, "jaunimas").value == youth  # same tag found, not doubled
    assert ("jaunimas", "Jaunimas") in interest_choices(db)
    lead = save_member(db, MemberData(network_id=net, organisation_id=orgs["a"], role="lead",
                                      joined_on=dt.date(2025, 3, 1),
                                      contact_person_id=orgs["person"],
                                      interest_codes=(youth,),
                                      free_interests=("kalbos kursai", " ", "kalbos kursai")))
    assert lead.value.free_interests == ("kalbos kursai",)
    member = save_member(db, MemberData(network_id=net, organisation_id=orgs["b"],
                                        free_interests=("Kalbos  kursai",)))
    with pytest.raises(ValidationError) as err:  # already a current member
        save_member(db, MemberData(network_id=net, organisation_id=orgs["a"]))
    assert err.value.field == "organisation_id"
    with pytest.raises(ValidationError):
        save_member(db, MemberData(network_id=net, organisation_id=orgs["c"], role="boss"))
    with pytest.raises(ValidationError):
        save_member(db, MemberData(network_id=net, organisation_id=orgs["c"],
                                   joined_on=TODAY, left_on=TODAY - dt.timedelta(days=1)))
    # edit: drop the free interest, keep the tag
    data = load_member(db, lead.value.id or "")
    assert data.interest_codes == (youth,) and data.free_interests == ("kalbos kursai",)
    save_member(db, MemberData(**{**data.__dict__, "free_interests": ()}))
    assert load_member(db, lead.value.id or "").free_interests == ()
    d = get_network(db, net, today=TODAY)
    assert [(m.organisation, m.role_label) for m in d.members] == [
        ("Asociacija Šviesa", "lead organisation"), ("Bendruomenė Rytas", "member")]
    assert d.members[0].contact == "Ona Petraitienė"
    remove_member(db, member.value.id or "")
    assert len(get_network(db, net, today=TODAY).members) == 1


def test_interests_view_on_a_small_network(db: Database, orgs: dict[str, str]) -> None:
    net = _network(db, orgs)
    youth = add_interest_tag(db, "Jaunimas").value
    tourism = add_interest_tag(db, "Turizmas").value
    save_member(db, MemberData(network_id=net, organisation_id=orgs["a"], role="lead",
                               interest_codes=(youth, tourism)))
    save_member(db, MemberData(network_id=net, organisation_id=orgs["b"],
                               interest_codes=(youth,), free_interests=("Amatai",)))
    save_member(db, MemberData(network_id=net, organisation_id=orgs["c"],
                               free_interests=("jaunimas", "amatai")))
    # a member who left does not count
    save_member(db, MemberData(network_id=net, organisation_id=orgs["d"],
                               interest_codes=(tourism,), joined_on=dt.date(2025, 1, 1),
                               left_on=dt.date(2026, 1, 1)))
    view = interests_view(db, net, today=TODAY)
    assert [(g.interest, g.members, g.shared_tag) for g in view] == [
        ("Jaunimas", ("Asociacija Šviesa", "Bendruomenė Rytas", "Centras Ąžuolas"), True),
        ("Amatai", ("Bendruomenė Rytas", "Centras Ąžuolas"), False),
        ("Turizmas", ("Asociacija Šviesa",), True),
    ]


def test_work_programme_and_late_marking(db: Database, orgs: dict[str, str]) -> None:
    net = _network(db, orgs)
    m = save_member(db, MemberData(network_id=net, organisation_id=orgs["b"])).value
    with db.session() as s:
        ev = Event(code="SAL-2026-009", title_lt="Tinklo susitikimas", network_id=net,
                   starts_on=dt.date(2026, 5, 5), ends_on=dt.date(2026, 5, 5))
        s.add(ev)
        s.flush()
        ev_id = ev.id
    late = save_work_item(db, WorkItemData(
        network_id=net, title="Bendra strategija", responsible_member_id=m.id,
        starts_on=dt.date(2026, 3, 1), due_on=dt.date(2026, 6, 1), status="in_progress",
        event_ids=(ev_id,))).value
    save_work_item(db, WorkItemData(network_id=net, title="Done early", status="done",
                                    due_on=dt.date(2026, 5, 1)))
    save_work_item(db, WorkItemData(network_id=net, title="Due today", due_on=TODAY))
    d = get_network(db, net, today=TODAY)
    assert [w.title for w in d.work if w.late] == ["Bendra strategija"]
    assert d.late_items == 1
    row = next(w for w in d.work if w.late)
    assert row.responsible == "Bendruomenė Rytas" and row.events == ("SAL-2026-009",)
    assert load_work_item(db, late.id or "").event_ids == (ev_id,)
    # marking done clears the mark
    save_work_item(db, WorkItemData(**{**late.__dict__, "status": "done"}))
    assert get_network(db, net, today=TODAY).late_items == 0
    remove_work_item(db, late.id or "")
    assert len(get_network(db, net, today=TODAY).work) == 2
    with pytest.raises(ValidationError):
        save_work_item(db, WorkItemData(network_id=net, title=""))
    with pytest.raises(ValidationError):
        save_work_item(db, WorkItemData(network_id=net, title="x", starts_on=TODAY,
                                        due_on=TODAY - dt.timedelta(days=1)))


def test_is_late() -> None:
    assert is_late(TODAY - dt.timedelta(days=1), "planned", TODAY)
    assert not is_late(TODAY, "planned", TODAY)
    assert not is_late(TODAY - dt.timedelta(days=1), "dropped", TODAY)
    assert not is_late(None, "in_progress", TODAY)


def test_networks_list_by_region(db: Database) -> None:
    import app.services.listers.networks  # noqa: F401 - registers the lister
    from app.services.listers.networks import regions
    from app.services.listing import ListQuery, lister

    for name, region in (("A", "Vilniaus apskritis"), ("B", "Utenos apskritis"),
                         ("C", "Vilniaus apskritis")):
        save_network(db, NetworkData(name=name, region=region, status="active"), today=TODAY)
    assert [r for r, _label in regions(db)] == ["Utenos apskritis", "Vilniaus apskritis"]
    networks = lister("networks")
    ids = networks.ids(db, ListQuery(filters={"region": "Vilniaus apskritis"},
                                     include_archived=True))
    assert [r.values[0] for r in networks.rows(db, ids)] == ["A", "C"]
