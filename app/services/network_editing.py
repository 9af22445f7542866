"""Creating and editing networks: the network, its municipalities, members with their interests,
and the work programme. Nothing is hard-deleted: a removed row becomes a tombstone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_, current_language
from app.models import (
    Event,
    Interest,
    MemberInterest,
    Network,
    NetworkMember,
    NetworkMunicipality,
    Organisation,
    WorkItem,
    WorkItemEvent,
)
from app.services import validate as v
from app.services.networks import MEMBER_ROLE, NETWORK_STATUS, OPEN_WORK, WORK_STATUS
from app.services.results import NETWORKS, Changes, Saved
from app.text import sort_key

NETWORK_FIELDS = ("name", "region", "status", "lead_organisation_id", "founded_on",
                  "transferred_from", "description")


def is_late(due_on: dt.date | None, status: str, today: dt.date) -> bool:
    """A work item is late when its end date has passed and it is still planned or under way."""
    return due_on is not None and due_on < today and status in OPEN_WORK


@dataclass(frozen=True)
class NetworkData:
    id: str | None = None
    name: str = ""
    region: str = ""
    status: str = "forming"
    lead_organisation_id: str | None = None
    founded_on: dt.date | None = None
    transferred_from: str = ""
    description: str = ""
    municipality_codes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MemberData:
    id: str | None = None
    network_id: str = ""
    organisation_id: str | None = None
    role: str = "member"
    joined_on: dt.date | None = None
    left_on: dt.date | None = None
    contact_person_id: str | None = None
    interest_codes: tuple[str, ...] = field(default_factory=tuple)  # shared tags
    free_interests: tuple[str, ...] = field(default_factory=tuple)  # the member's own words


@dataclass(frozen=True)
class WorkItemData:
    id: str | None = None
    network_id: str = ""
    title: str = ""
    description: str = ""
    responsible_member_id: str | None = None
    starts_on: dt.date | None = None
    due_on: dt.date | None = None
    status: str = "planned"
    event_ids: tuple[str, ...] = field(default_factory=tuple)


def interest_choices(db: Database) -> list[tuple[str, str]]:
    """The shared interest tags as (code, name) in the current language, alphabetical."""
    lang = current_language()
    with db.reader() as s:
        rows = s.execute(select(Interest).where(Interest.deleted.is_(False),
                                                Interest.active.is_(True))).scalars().all()
        pairs = [(i.code, i.name_in(lang)) for i in rows]
    return sorted(pairs, key=lambda p: sort_key(p[1], lang))


def _network(s: Session, network_id: str) -> Network:
    n = s.get(Network, network_id)
    if n is None or n.deleted:
        raise NotFoundError(N_("This network is no longer in the database."))
    return n


def _live(s: Session, model: Any, *conds: Any) -> list[Any]:
    return list(s.execute(select(model).where(model.deleted.is_(False), *conds)).scalars())


# -- the network -------------------------------------------------------------------------------

def load_network(db: Database, network_id: str) -> NetworkData:
    with db.reader() as s:
        n = _network(s, network_id)
        codes = [m.municipality_code for m in _live(
            s, NetworkMunicipality, NetworkMunicipality.network_id == network_id)]
        return NetworkData(n.id, n.name, n.region, n.status, n.lead_organisation_id,
                           n.founded_on, n.transferred_from, n.description,
                           tuple(dict.fromkeys(codes)))


def clean_network(data: NetworkData, today: dt.date | None = None) -> NetworkData:
    name = v.max_len("name", v.required("name", data.name, N_("Name")), 300, N_("Name"))
    v.choice("status", data.status, tuple(NETWORK_STATUS), N_("Status"))
    today = today or dt.date.today()
    if data.founded_on and data.founded_on > today:
        raise ValidationError("founded_on", N_("The founding date cannot be in the future."))
    return replace(data, name=" ".join(name.split()), region=data.region.strip(),
                   transferred_from=data.transferred_from.strip(),
                   description=data.description.strip(),
                   municipality_codes=tuple(dict.fromkeys(c for c in data.municipality_codes
                                                          if c)))


def save_network(db: Database, data: NetworkData,
                 today: dt.date | None = None) -> Saved[NetworkData]:
    data = clean_network(data, today)
    with db.session() as s:
        if data.id is None:
            n = Network(**{f: getattr(data, f) for f in NETWORK_FIELDS})
            s.add(n)
            s.flush()
        else:
            n = _network(s, data.id)
            for f in NETWORK_FIELDS:
                if getattr(n, f) != getattr(data, f):
                    setattr(n, f, getattr(data, f))
        kept = set()
        for row in _live(s, NetworkMunicipality, NetworkMunicipality.network_id == n.id):
            if row.municipality_code in data.municipality_codes and \
                    row.municipality_code not in kept:
                kept.add(row.municipality_code)
            else:
                row.deleted = True
        s.add_all([NetworkMunicipality(network_id=n.id, municipality_code=c)
                   for c in data.municipality_codes if c not in kept])
        s.flush()
        result = replace(data, id=n.id)
    return Saved(result, Changes.of(NETWORKS, ids=[result.id or ""]))


# -- members and their interests ---------------------------------------------------------------

def load_member(db: Database, member_id: str) -> MemberData:
    with db.reader() as s:
        m = s.get(NetworkMember, member_id)
        if m is None or m.deleted:
            raise NotFoundError(N_("This member is no longer in the network."))
        tags = _live(s, MemberInterest, MemberInterest.member_id == member_id)
        return MemberData(m.id, m.network_id, m.organisation_id, m.role, m.joined_on,
                          m.left_on, m.contact_person_id,
                          tuple(t.interest_code for t in tags if t.interest_code),
                          tuple(t.label for t in tags if not t.interest_code and t.label))


def save_member(db: Database, data: MemberData) -> Saved[MemberData]:
    if not data.organisation_id:
        raise ValidationError("organisation_id", N_("{label} is required."),
                              label=N_("Organisation"))
    v.choice("role", data.role, tuple(MEMBER_ROLE), N_("Role"))
    v.date_order("left_on", data.joined_on, data.left_on)
    free = tuple(dict.fromkeys(" ".join(t.split()) for t in data.free_interests if t.strip()))
    for tag in free:
        v.max_len("free_interests", tag, 120, N_("Interest"))
    codes = tuple(dict.fromkeys(c for c in data.interest_codes if c))
    with db.session() as s:
        _network(s, data.network_id)
        org = s.get(Organisation, data.organisation_id)
        if org is None or org.deleted:
            raise ValidationError("organisation_id", N_("This organisation is no longer in "
                                                        "the registry."))
        for other in _live(s, NetworkMember, NetworkMember.network_id == data.network_id,
                           NetworkMember.organisation_id == data.organisation_id):
            if other.id != data.id and other.left_on is None and data.left_on is None:
                raise ValidationError("organisation_id", N_(
                    "{name} is already a member of this network."), name=org.name)
        if data.id is None:
            m = NetworkMember(network_id=data.network_id, organisation_id=data.organisation_id)
            s.add(m)
        else:
            found = s.get(NetworkMember, data.id)
            if found is None or found.deleted:
                raise NotFoundError(N_("This member is no longer in the network."))
            m = found
            m.organisation_id = data.organisation_id
        m.role, m.joined_on, m.left_on = data.role, data.joined_on, data.left_on
        m.contact_person_id = data.contact_person_id or None
        s.flush()
        have_codes: set[str] = set()
        have_free: set[str] = set()
        for t in _live(s, MemberInterest, MemberInterest.member_id == m.id):
            if t.interest_code and t.interest_code in codes and t.interest_code not in have_codes:
                have_codes.add(t.interest_code)
            elif not t.interest_code and t.label in free and t.label not in have_free:
                have_free.add(t.label)
            else:
                t.deleted = True
        s.add_all([MemberInterest(member_id=m.id, interest_code=c)
                   for c in codes if c not in have_codes])
        s.add_all([MemberInterest(member_id=m.id, label=t) for t in free if t not in have_free])
        s.flush()
        result = replace(data, id=m.id, interest_codes=codes, free_interests=free)
    return Saved(result, Changes.of(NETWORKS, ids=[data.network_id]))


def remove_member(db: Database, member_id: str) -> Saved[str]:
    """Remove a member entered by mistake (one who left keeps a leaving date instead)."""
    with db.session() as s:
        m = s.get(NetworkMember, member_id)
        if m is None or m.deleted:
            raise NotFoundError(N_("This member is no longer in the network."))
        m.deleted = True
        for t in _live(s, MemberInterest, MemberInterest.member_id == member_id):
            t.deleted = True
        for w in _live(s, WorkItem, WorkItem.responsible_member_id == member_id):
            w.responsible_member_id = None
        network_id = m.network_id
    return Saved(member_id, Changes.of(NETWORKS, ids=[network_id]))


# -- the work programme ------------------------------------------------------------------------

def load_work_item(db: Database, item_id: str) -> WorkItemData:
    with db.reader() as s:
        w = s.get(WorkItem, item_id)
        if w is None or w.deleted:
            raise NotFoundError(N_("This work programme item is no longer in the database."))
        events = [x.event_id for x in _live(s, WorkItemEvent, WorkItemEvent.work_item_id == w.id)]
        return WorkItemData(w.id, w.network_id, w.title, w.description,
                            w.responsible_member_id, w.starts_on, w.due_on, w.status,
                            tuple(events))


def save_work_item(db: Database, data: WorkItemData) -> Saved[WorkItemData]:
    title = v.max_len("title", v.required("title", data.title, N_("Title")), 300, N_("Title"))
    v.choice("status", data.status, tuple(WORK_STATUS), N_("Status"))
    v.date_order("due_on", data.starts_on, data.due_on)
    data = replace(data, title=" ".join(title.split()), description=data.description.strip(),
                   event_ids=tuple(dict.fromkeys(e for e in data.event_ids if e)))
    with db.session() as s:
        _network(s, data.network_id)
        if data.responsible_member_id:
            m = s.get(NetworkMember, data.responsible_member_id)
            if m is None or m.deleted or m.network_id != data.network_id:
                raise ValidationError("responsible_member_id", N_(
                    "The responsible organisation must be a member of this network."))
        for event_id in data.event_ids:
            e = s.get(Event, event_id)
            if e is None or e.deleted:
                raise ValidationError("event_ids", N_("This event is no longer in the "
                                                      "database."))
        if data.id is None:
            w = WorkItem(network_id=data.network_id, title=data.title)
            s.add(w)
        else:
            item = s.get(WorkItem, data.id)
            if item is None or item.deleted:
                raise NotFoundError(N_("This work programme item is no longer in the "
                                       "database."))
            w = item
        w.title, w.description = data.title, data.description
        w.responsible_member_id = data.responsible_member_id or None
        w.starts_on, w.due_on, w.status = data.starts_on, data.due_on, data.status
        s.flush()
        kept: set[str] = set()
        for link in _live(s, WorkItemEvent, WorkItemEvent.work_item_id == w.id):
            if link.event_id in data.event_ids and link.event_id not in kept:
                kept.add(link.event_id)
            else:
                link.deleted = True
        s.add_all([WorkItemEvent(work_item_id=w.id, event_id=e)
                   for e in data.event_ids if e not in kept])
        s.flush()
        result = replace(data, id=w.id)
    return Saved(result, Changes.of(NETWORKS, ids=[data.network_id]))


def remove_work_item(db: Database, item_id: str) -> Saved[str]:
    with db.session() as s:
        w = s.get(WorkItem, item_id)
        if w is None or w.deleted:
            raise NotFoundError(N_("This work programme item is no longer in the database."))
        w.deleted = True
        for link in _live(s, WorkItemEvent, WorkItemEvent.work_item_id == item_id):
            link.deleted = True
        network_id = w.network_id
    return Saved(item_id, Changes.of(NETWORKS, ids=[network_id]))


def network_events(db: Database, network_id: str) -> list[tuple[str, str]]:
    """The network's events as (id, "CODE title") for linking to a work programme item."""
    lang = current_language()
    with db.reader() as s:
        rows = _live(s, Event, Event.network_id == network_id)
        rows.sort(key=lambda e: e.starts_on, reverse=True)
        return [(e.id, f"{e.code} {e.title_in(lang)}".strip()) for e in rows]


def slug(text: str) -> str:
    """A reference code from a name: folded, letters and digits joined by underscores."""
    import re

    from app.text import fold

    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")[:40] or "tag"


def add_interest_tag(db: Database, name: str) -> Saved[str]:
    """Add a tag to the shared interest list (or find the one with the same name)."""
    from app.text import fold

    name = " ".join(v.required("name", name, N_("Interest")).split())
    v.max_len("name", name, 120, N_("Interest"))
    lang = current_language()
    with db.session() as s:
        existing = s.execute(select(Interest)).scalars().all()
        for i in existing:
            if not i.deleted and fold(i.name_in(lang)) == fold(name):
                return Saved(i.code, Changes())
        codes = {i.code for i in existing}
        base = code = slug(name)
        n = 1
        while code in codes:
            n += 1
            code = f"{base}_{n}"
        names = {"name_lt": name, f"name_{lang}": name}
        s.add(Interest(code=code, **names, custom=True, sort_order=len(existing)))
    from app.services.results import REFERENCE

    return Saved(code, Changes.of(REFERENCE))
