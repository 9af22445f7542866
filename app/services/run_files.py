"""Documents of an advocacy run: files attached to a step (a letter, the proposal sent, the
institution's answer) and the scan of a publication.

Stored once under their SHA-256 (app.attachments) and linked to the step or publication;
removing a file leaves a tombstone, the stored bytes stay for backups and other links.
"""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.attachments import file_path, has_file, store_file
from app.db import Database
from app.errors import NotFoundError, UserError
from app.i18n import N_
from app.models import Attachment, Publication, RunStep
from app.services.results import RUNS, Changes, Saved

OWNERS: dict[str, Any] = {"run_steps": RunStep, "publications": Publication}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class RunFile:
    id: str
    owner_table: str
    owner_id: str
    filename: str
    size: int
    here: bool  # the bytes are on this computer


def _info(a: Attachment) -> RunFile:
    return RunFile(a.id, a.owner_table, a.owner_id, a.filename, a.size, has_file(a.sha256))


def attach_file(db: Database, owner_table: str, owner_id: str,
                path: str | Path) -> Saved[RunFile]:
    if owner_table not in OWNERS:
        raise ValueError(owner_table)
    src = Path(path)
    if not src.is_file():
        raise UserError(N_("The file {name} was not found."), name=src.name)
    if src.stat().st_size > MAX_BYTES:
        raise UserError(N_("The file is too large ({size} MB); at most {limit} MB."),
                        size=src.stat().st_size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    with db.reader() as s:
        owner = s.get(OWNERS[owner_table], owner_id)
        if owner is None or owner.deleted:
            raise NotFoundError(N_("This record is no longer in the database."))
    sha, size = store_file(src)
    mime = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
    with db.session() as s:
        row = Attachment(sha256=sha, filename=src.name[:255], mime_type=mime, size=size,
                         owner_table=owner_table, owner_id=owner_id, kind="document",
                         personal_data=False)
        s.add(row)
        s.flush()
        info = _info(row)
    return Saved(info, Changes.of(RUNS))


def files_of(db: Database, owner_table: str, owner_id: str) -> list[RunFile]:
    with db.reader() as s:
        rows = s.execute(select(Attachment).where(
            Attachment.owner_table == owner_table, Attachment.owner_id == owner_id,
            Attachment.deleted.is_(False)).order_by(Attachment.created_at)).scalars()
        return [_info(a) for a in rows]


def file_counts(db: Database, owner_table: str, owner_ids: Iterable[str]) -> dict[str, int]:
    ids = list(owner_ids)
    if not ids:
        return {}
    with db.reader() as s:
        return {i: int(n) for i, n in s.execute(
            select(Attachment.owner_id, func.count()).where(
                Attachment.owner_table == owner_table, Attachment.owner_id.in_(ids),
                Attachment.deleted.is_(False)).group_by(Attachment.owner_id)).all()}


def _load(db: Database, attachment_id: str) -> Attachment:
    with db.reader() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.deleted or row.owner_table not in OWNERS:
            raise NotFoundError(N_("This file is no longer attached."))
        s.expunge(row)
        return row


def readable_copy(db: Database, attachment_id: str) -> Path:
    """A copy under the file's own name, to open with the program its extension calls for."""
    row = _load(db, attachment_id)
    if not has_file(row.sha256):
        raise UserError(N_("The file {name} is recorded but is not on this computer: it was "
                           "attached at another office."), name=row.filename)
    target = (Path(tempfile.gettempdir()) / "tinklas-files" / attachment_id[-12:]
              / Path(row.filename).name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(file_path(row.sha256), target)
    return target


def remove_file(db: Database, attachment_id: str) -> Changes:
    _load(db, attachment_id)
    with db.session() as s:
        row = s.get(Attachment, attachment_id)
        assert row is not None
        row.deleted = True
    return Changes.of(RUNS)
