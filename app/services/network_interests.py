"""The interests view: which current members of a network share which interests.

The project's "identifying and aligning interests": an interest held by two or more members is a
candidate for the work programme; one held by a single member is shown too, so nothing is lost.
Shared tags and free tags are matched by their folded text, so "Jaunimas" and "jaunimas " meet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from app.db import Database
from app.i18n import current_language
from app.models import Interest, MemberInterest, NetworkMember, Organisation
from app.text import fold, sort_key


@dataclass(frozen=True)
class InterestGroup:
    interest: str  # the tag's name in the current language, or the free words
    shared_tag: bool  # from the shared list
    members: tuple[str, ...]  # organisation names, alphabetical

    @property
    def count(self) -> int:
        return len(self.members)


def interests_view(db: Database, network_id: str,
                   today: dt.date | None = None) -> list[InterestGroup]:
    """Interests of the network's current members, most shared first, then alphabetical."""
    lang = current_language()
    today = today or dt.date.today()
    with db.reader() as s:
        rows = s.execute(
            select(Organisation.name, MemberInterest.interest_code, MemberInterest.label)
            .join(NetworkMember, NetworkMember.id == MemberInterest.member_id)
            .join(Organisation, Organisation.id == NetworkMember.organisation_id)
            .where(NetworkMember.network_id == network_id, NetworkMember.deleted.is_(False),
                   MemberInterest.deleted.is_(False),
                   or_(NetworkMember.left_on.is_(None), NetworkMember.left_on > today))
        ).all()
        names = {i.code: i.name_in(lang) for i in s.execute(select(Interest)).scalars()}
    groups: dict[str, tuple[str, bool, set[str]]] = {}
    for org, code, free in rows:
        text = names.get(code, code) if code else (free or "").strip()
        if not text:
            continue
        key = fold(text)
        shown, shared, members = groups.get(key, (text, bool(code), set()))
        if code and not shared:  # the shared tag's wording wins over a free one
            shown, shared = text, True
        members.add(org)
        groups[key] = (shown, shared, members)
    result = [InterestGroup(text, shared, tuple(sorted(members, key=lambda n: sort_key(n, lang))))
              for text, shared, members in groups.values()]
    result.sort(key=lambda g: (-g.count, sort_key(g.interest, lang)))
    return result
