"""Scanned signed attendance sheets kept as evidence of a session (PDF or image).

The file goes into the content-addressed store (app.attachments) and an Attachment row links it
to the session; it holds signatures, so it is personal data. `Session.sheet_sha256` names the
latest sheet attached, so that a list can tell which sessions have their evidence. A session may
have several files (one scan per page); removing one leaves a tombstone, as every record does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.attachments import file_path, has_file, store_file
from app.db import Database
from app.errors import NotFoundError, UserError
from app.i18n import N_
from app.models import Attachment
from app.models import Session as EventSession
from app.services.results import EVENTS, Changes, Saved

OWNER = "sessions"
KIND = "signed_sheet"
# What a scanner or a phone makes: the first bytes of each accepted format, and its type.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class SheetFile:
    id: str
    session_id: str
    filename: str
    mime_type: str
    size: int
    sha256: str
    added_at: dt.datetime
    available: bool  # the file itself is on this computer (an exchange carries only the record)


def file_type(path: Path) -> str:
    """The MIME type of a scanned sheet, or a UserError for anything else."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(N_("Could not read {path}: {reason}"), path=str(path),
                        reason=exc.strerror or str(exc)) from exc
    if size > MAX_BYTES:
        raise UserError(N_("The file is too large ({size} MB) for a scanned sheet."),
                        size=size // (1024 * 1024))
    for magic, mime in SIGNATURES:
        if head.startswith(magic):
            return mime
    raise UserError(N_("{name} is not a PDF or an image (PNG, JPEG, TIFF). Scan the signed "
                       "sheet to one of these and attach it again."), name=path.name)


def _session(s: Session, session_id: str) -> EventSession:
    row = s.get(EventSession, session_id)
    if row is None or row.deleted:
        raise NotFoundError(N_("This session no longer exists."))
    return row


def _info(a: Attachment) -> SheetFile:
    return SheetFile(a.id, a.owner_id, a.filename, a.mime_type, a.size, a.sha256, a.created_at,
                     has_file(a.sha256))


def _live(session_id: str) -> list[object]:
    return [Attachment.owner_table == OWNER, Attachment.owner_id == session_id,
            Attachment.kind == KIND, Attachment.deleted.is_(False)]


def attach(db: Database, session_id: str, path: str | Path) -> Saved[SheetFile]:
    """Store a scanned sheet and link it to the session."""
    src = Path(path)
    mime = file_type(src)
    with db.reader() as s:
        _session(s, session_id)
    sha, size = store_file(src)
    with db.session() as s:
        session = _session(s, session_id)
        row = Attachment(sha256=sha, filename=src.name[:255], mime_type=mime, size=size,
                         owner_table=OWNER, owner_id=session_id, kind=KIND, personal_data=True)
        s.add(row)
        session.sheet_sha256 = sha
        s.flush()
        info = _info(row)
        event_id = session.event_id
    return Saved(info, Changes.of(EVENTS, ids=[event_id]))


def sheets(db: Database, session_id: str) -> list[SheetFile]:
    """The session's sheets, the latest first."""
    with db.reader() as s:
        rows = s.execute(select(Attachment).where(*_live(session_id))  # type: ignore[arg-type]
                         .order_by(Attachment.created_at.desc(), Attachment.id.desc())).scalars()
        return [_info(a) for a in rows]


def sheet_counts(db: Database, session_ids: list[str]) -> dict[str, int]:
    """How many sheets each session has (sessions without any are left out)."""
    if not session_ids:
        return {}
    with db.reader() as s:
        rows = s.execute(select(Attachment.owner_id, func.count()).where(
            Attachment.owner_table == OWNER, Attachment.owner_id.in_(session_ids),
            Attachment.kind == KIND, Attachment.deleted.is_(False))
            .group_by(Attachment.owner_id)).all()
    return {sid: int(n) for sid, n in rows}


def sheet_path(db: Database, attachment_id: str) -> Path:
    """Where the stored file is, to open it; a clear message when it is not on this computer."""
    with db.reader() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.deleted or row.kind != KIND:
            raise NotFoundError(N_("This signed sheet is no longer attached."))
        sha, name = row.sha256, row.filename
    if not has_file(sha):
        raise UserError(N_("The file {name} is recorded but is not on this computer: it was "
                           "attached at another office."), name=name)
    return file_path(sha)


def remove(db: Database, attachment_id: str) -> Changes:
    """Detach a sheet (a tombstone; the stored file stays for backups and other links)."""
    with db.session() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.deleted or row.owner_table != OWNER:
            raise NotFoundError(N_("This signed sheet is no longer attached."))
        row.deleted = True
        s.flush()
        session = _session(s, row.owner_id)
        latest = s.execute(select(Attachment.sha256).where(
            *_live(row.owner_id))  # type: ignore[arg-type]
            .order_by(Attachment.created_at.desc(), Attachment.id.desc()).limit(1)).scalar()
        if session.sheet_sha256 != latest:
            session.sheet_sha256 = latest
        event_id = session.event_id
    return Changes.of(EVENTS, ids=[event_id])
