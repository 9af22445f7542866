"""Office-owned records are edited only by their office (SYNC.md): elsewhere they are read-only.

The coordinator sees every office's events and cases, but changing them there would fork the
record; this guard refuses it with a sentence that names the owning office.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import N_
from app.models import LocalState, Office


def ensure_own(s: Session, record: Any) -> None:
    if record is None or getattr(type(record), "sync_kind", "office") != "office":
        return
    owner = getattr(record, "office_id", None)
    local = s.get(LocalState, "office_id")
    if owner is None or local is None or owner == local.text_value:
        return
    refuse_foreign(s, record)


def refuse_foreign(s: Session, record: Any) -> None:
    """Raise the read-only refusal for a record another office owns."""
    office = s.get(Office, record.office_id)
    raise ValidationError(
        "office", N_("This record belongs to the {office} office; only that office can change "
                     "it. Here it is read-only."),
        office=office.name or office.code if office else "?")
