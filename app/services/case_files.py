"""Files attached to a case (business plan, registration certificate, other documents).

Stored once under their SHA-256 (app.attachments) and linked to the case; they hold personal
data. Removing a file leaves a tombstone; the stored bytes stay for backups and other links.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.attachments import file_path, has_file, store_file
from app.db import Database
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import N_
from app.models import Attachment, BusinessCase
from app.services.results import CASES, Changes, Saved

OWNER = "business_cases"
KINDS = {"business_plan": N_("business plan"),
         "registration_certificate": N_("registration certificate"),
         "document": N_("other document")}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class CaseFile:
    id: str
    case_id: str
    kind: str
    filename: str
    size: int
    added: dt.datetime
    here: bool  # the bytes are on this computer


def _info(a: Attachment) -> CaseFile:
    return CaseFile(a.id, a.owner_id, a.kind, a.filename, a.size, a.created_at,
                    has_file(a.sha256))


def attach(db: Database, case_id: str, path: str | Path, kind: str) -> Saved[CaseFile]:
    if kind not in KINDS:
        raise ValidationError("kind", N_("Choose what the file is."))
    src = Path(path)
    if not src.is_file():
        raise UserError(N_("The file {name} was not found."), name=src.name)
    if src.stat().st_size > MAX_BYTES:
        raise UserError(N_("The file is too large ({size} MB); at most {limit} MB."),
                        size=src.stat().st_size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    with db.reader() as s:
        c = s.get(BusinessCase, case_id)
        if c is None or c.deleted:
            raise NotFoundError(N_("This case is no longer in the database."))
    sha, size = store_file(src)
    mime = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
    with db.session() as s:
        row = Attachment(sha256=sha, filename=src.name[:255], mime_type=mime, size=size,
                         owner_table=OWNER, owner_id=case_id, kind=kind, personal_data=True)
        s.add(row)
        s.flush()
        info = _info(row)
    return Saved(info, Changes.of(CASES, ids=[case_id]))


def case_files(db: Database, case_id: str) -> list[CaseFile]:
    with db.reader() as s:
        rows = s.execute(select(Attachment).where(
            Attachment.owner_table == OWNER, Attachment.owner_id == case_id,
            Attachment.deleted.is_(False)).order_by(Attachment.created_at)).scalars()
        return [_info(a) for a in rows]


def _load(db: Database, attachment_id: str) -> tuple[str, str, str]:
    with db.reader() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.deleted or row.owner_table != OWNER:
            raise NotFoundError(N_("This file is no longer attached."))
        return row.sha256, row.filename, row.owner_id


def stored_path(db: Database, attachment_id: str) -> Path:
    """Where the file is, to open it; a clear message when it is not on this computer."""
    sha, name, _case = _load(db, attachment_id)
    if not has_file(sha):
        raise UserError(N_("The file {name} is recorded but is not on this computer: it was "
                           "attached at another office."), name=name)
    return file_path(sha)


def readable_copy(db: Database, attachment_id: str) -> Path:
    """A copy under the file's own name (the store names files by digest), for opening it
    with the program the name's extension calls for."""
    source = stored_path(db, attachment_id)
    _sha, name, _case = _load(db, attachment_id)
    target = Path(tempfile.gettempdir()) / "tinklas-files" / attachment_id[-12:] / Path(name).name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def remove(db: Database, attachment_id: str) -> Changes:
    _sha, _name, case_id = _load(db, attachment_id)
    with db.session() as s:
        row = s.get(Attachment, attachment_id)
        assert row is not None
        row.deleted = True
    return Changes.of(CASES, ids=[case_id])
