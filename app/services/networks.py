"""Regional cooperation networks: what the detail pane and the summary PDF show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError
from app.i18n import N_, current_language
from app.models import (
    Event,
    Interest,
    MemberInterest,
    Municipality,
    Network,
    NetworkMember,
    NetworkMunicipality,
    Organisation,
    WorkItem,
    WorkItemEvent,
)
from app.services.events import EVENT_STATUS, office_code, organisation_names, person_names
from app.services.network_labels import MEMBER_ROLE as MEMBER_ROLE
from app.services.network_labels import NETWORK_STATUS as NETWORK_STATUS
from app.services.network_labels import OPEN_WORK as OPEN_WORK
from app.services.network_labels import WORK_STATUS as WORK_STATUS
from app.services.network_labels import label_in as label_in
from app.services.network_meetings import attendance_counts
from app.text import sort_key


def ref_names(s: Session, model: Any, lang: str) -> dict[str, str]:
    """A reference list's names in `lang` by code (for documents in another language)."""
    return {r.code: r.name_in(lang) for r in s.execute(select(model)).scalars()}


@dataclass(frozen=True)
class MemberLine:
    id: str
    organisation_id: str
    organisation: str
    role: str
    role_label: str
    joined_on: dt.date | None
    left_on: dt.date | None
    contact: str
    interests: tuple[str, ...]
    current: bool  # not left by the day the detail was read


@dataclass(frozen=True)
class WorkLine:
    id: str
    title: str
    responsible: str  # the responsible member organisation's name
    starts_on: dt.date | None
    due_on: dt.date | None
    status: str
    status_label: str
    late: bool  # due before today and still open
    events: tuple[str, ...] = ()  # codes of the linked events


@dataclass(frozen=True)
class MeetingLine:
    id: str
    code: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    place: str
    status_label: str
    registered: int
    attended: int = 0
    kind: str = ""


@dataclass(frozen=True)
class NetworkDetail:
    id: str
    name: str
    region: str
    status: str
    status_label: str
    lead_organisation: str
    founded_on: dt.date | None
    transferred_from: str
    description: str
    office_code: str
    municipalities: tuple[str, ...]
    members: tuple[MemberLine, ...]
    work: tuple[WorkLine, ...]
    meetings: tuple[MeetingLine, ...]

    @property
    def current_members(self) -> int:
        return sum(1 for m in self.members if m.current)

    @property
    def late_items(self) -> int:
        return sum(1 for w in self.work if w.late)


def _members(s: Session, network_id: str, lang: str, today: dt.date) -> list[MemberLine]:
    rows = s.execute(
        select(NetworkMember, Organisation.name)
        .join(Organisation, Organisation.id == NetworkMember.organisation_id)
        .where(NetworkMember.network_id == network_id, NetworkMember.deleted.is_(False))
        .order_by(getattr(Organisation, f"sort_{lang}", Organisation.sort_en))).all()
    ids = [m.id for m, _n in rows]
    tags: dict[str, list[str]] = {}
    if ids:
        shared = {i.code: i.name_in(lang) for i in s.execute(select(Interest)).scalars()}
        for member_id, code, free in s.execute(
            select(MemberInterest.member_id, MemberInterest.interest_code, MemberInterest.label)
            .where(MemberInterest.member_id.in_(ids), MemberInterest.deleted.is_(False))
        ).all():
            text = shared.get(code or "", code or "") if code else free
            if text:
                tags.setdefault(member_id, []).append(text)
    contacts = person_names(s, (m.contact_person_id for m, _n in rows))
    return [
        MemberLine(m.id, m.organisation_id, name, m.role, label_in(lang, MEMBER_ROLE, m.role),
                   m.joined_on, m.left_on, contacts.get(m.contact_person_id or "", ""),
                   tuple(sorted(tags.get(m.id, []), key=lambda t: sort_key(t, lang))),
                   m.left_on is None or m.left_on > today)
        for m, name in rows
    ]


def get_network(db: Database, network_id: str, today: dt.date | None = None,
                lang: str | None = None) -> NetworkDetail:
    """The network as of `today`, its labels in `lang` (the current language by default)."""
    lang = lang or current_language()
    today = today or dt.date.today()
    with db.reader() as s:
        n = s.get(Network, network_id)
        if n is None or n.deleted:
            raise NotFoundError(N_("This network is no longer in the database."))
        munis = ref_names(s, Municipality, lang)
        codes = s.execute(select(NetworkMunicipality.municipality_code).where(
            NetworkMunicipality.network_id == network_id,
            NetworkMunicipality.deleted.is_(False))).scalars()
        covered = sorted({munis.get(c, c) for c in codes}, key=lambda t: sort_key(t, lang))
        members = _members(s, network_id, lang, today)
        member_org = {m.id: m.organisation for m in members}
        items = s.execute(
            select(WorkItem).where(WorkItem.network_id == network_id,
                                   WorkItem.deleted.is_(False))
            .order_by(WorkItem.due_on.is_(None), WorkItem.due_on, WorkItem.title)).scalars().all()
        linked: dict[str, list[str]] = {}
        for item_id, code in s.execute(
            select(WorkItemEvent.work_item_id, Event.code)
            .join(Event, Event.id == WorkItemEvent.event_id)
            .where(WorkItemEvent.work_item_id.in_([w.id for w in items]),
                   WorkItemEvent.deleted.is_(False), Event.deleted.is_(False))
            .order_by(Event.starts_on)).all():
            linked.setdefault(item_id, []).append(code)
        work = [
            WorkLine(w.id, w.title, member_org.get(w.responsible_member_id or "", ""),
                     w.starts_on, w.due_on, w.status, label_in(lang, WORK_STATUS, w.status),
                     w.due_on is not None and w.due_on < today and w.status in OPEN_WORK,
                     tuple(linked.get(w.id, ())))
            for w in items
        ]
        events = s.execute(
            select(Event).where(Event.network_id == network_id, Event.deleted.is_(False))
            .order_by(Event.starts_on.desc())).scalars().all()
        counts = attendance_counts(s, [e.id for e in events])
        lead = organisation_names(s, [n.lead_organisation_id])
        return NetworkDetail(
            id=n.id, name=n.name, region=n.region, status=n.status,
            status_label=label_in(lang, NETWORK_STATUS, n.status),
            lead_organisation=lead.get(n.lead_organisation_id or "", ""),
            founded_on=n.founded_on, transferred_from=n.transferred_from,
            description=n.description, office_code=office_code(s, n.office_id),
            municipalities=tuple(covered), members=tuple(members), work=tuple(work),
            meetings=tuple(
                MeetingLine(e.id, e.code, e.title_in(lang), e.starts_on, e.ends_on, e.place,
                            label_in(lang, EVENT_STATUS, e.status), *counts.get(e.id, (0, 0)),
                            kind=e.kind)
                for e in events),
        )
