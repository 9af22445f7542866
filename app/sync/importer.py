"""Importing exchange files: all or nothing, idempotent, in the order of SYNC.md "Import".

1. the same file again changes nothing; 2-4. reading.open_file refuses a foreign, damaged, forged
or too new file before the database is touched; 5. a replayed package is refused and a gap
reported; 6. a dry run (the whole merge, rolled back) gives the summary; 7. the database is backed
up; 8. everything is applied in one transaction with foreign keys checked, or rolled back
explicitly and the file kept in quarantine with a report; 9. quick_check, counts compared, report
saved.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import N_, _
from app.models import LedgerEntry, LocalState, Office, Peer, Person
from app.models.base import utcnow
from app.paths import backup_dir, data_dir
from app.sync import clock, merge
from app.sync.changes import ChangeError
from app.sync.network import enroll
from app.sync.reading import Opened, Refused, open_file

log = logging.getLogger(__name__)
MASS_SHARE = 0.2  # archiving or erasing more than this share of the records stops and asks
MASS_MIN = 20


@dataclass
class ImportReport:
    file: str
    status: str  # applied / dry_run / already / no_op / refused
    message: str = ""
    sender: str = ""
    sequence: int = 0
    gap: int = 0
    changes: int = 0
    summary: dict[str, Any] = field(default_factory=dict)
    mass_change: bool = False
    quarantine: str = ""
    far_future: int = 0
    conflicts: int = 0


def _dir(name: str) -> Path:
    path = data_dir() / "exchange" / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def _already(db: Database, digest: str) -> bool:
    with db.reader() as s:
        return s.execute(select(LedgerEntry.id).where(
            LedgerEntry.direction == "in", LedgerEntry.file_sha256 == digest)).first() is not None


def _sequence_check(s: Session, opened: Opened, report: ImportReport) -> str | None:
    """None to go on, or a status ("no_op") when the package adds nothing. Raises on replays,
    on a restored backup and on a second laptop claiming the same office."""
    m = opened.manifest
    peer = s.get(Peer, opened.sender)
    seq = m["sequence"]
    office = m["sender"].get("code", "?")
    if peer is not None and peer.instance_id and m["sender"].get("instance_id") not in (
            None, "", peer.instance_id) and not _resynced(s, opened):
        raise Refused(N_("This file comes from another copy of the {office} database (a restored "
                         "backup or a second laptop). Nothing was imported: ask the office to "
                         "resynchronise (Exchange > Keys and offices > Resynchronise)."),
                      office=office)
    if peer is not None and seq <= peer.last_seq_in:
        known = s.execute(select(LedgerEntry.id).where(
            LedgerEntry.direction == "in", LedgerEntry.package_id == m["package_id"])).first()
        present = merge.seen(s, opened.changes)
        if known or all((c.origin, c.seq) in present for c in opened.changes):
            return "no_op"
    own = int(m.get("acks", {}).get(opened.sender, 0))
    if peer is not None and own < peer.their_own_seq and not _resynced(s, opened):
        raise Refused(N_("The {office} database has gone back in time (a restored backup?): it "
                         "holds fewer of its own changes than it sent before. Nothing was "
                         "imported: ask the office to resynchronise."), office=office)
    if peer is not None and seq <= peer.last_seq_in:
        raise Refused(N_("This is an old file (number {seq}) with new content: a replay, "
                         "refused."), seq=seq)
    last = peer.last_seq_in if peer is not None else 0
    report.gap = max(0, seq - last - 1)
    return None


def _resynced(s: Session, opened: Opened) -> bool:
    """The office resynchronised from a full file we sent it: its new identity is accepted."""
    ref = opened.manifest.get("resync_of")
    if not isinstance(ref, str):
        return False
    return s.execute(select(LedgerEntry.id).where(
        LedgerEntry.direction == "out", LedgerEntry.package_id == ref,
        LedgerEntry.peer_office_id == opened.sender)).first() is not None


def _fk_problems(s: Session) -> list[str]:
    if s.get_bind().dialect.name != "sqlite":
        return []
    rows = s.execute(text("PRAGMA foreign_key_check")).all()
    return [f"{table} row {rowid} → {parent}" for table, rowid, parent, _fk in rows[:20]]


def _records(s: Session) -> int:
    return sum(int(s.execute(select(func.count()).select_from(m)).scalar_one())
               for m in (Person,))


def _begin_write(s: Session) -> None:
    """Open the write transaction before the import reads anything: what it checks and what it
    writes are then one snapshot that no other writer can change in between, and PRAGMA
    defer_foreign_keys holds until the commit (outside a transaction, SQLite turns it off again
    after the next statement, so a record written before the one it refers to would fail)."""
    s.execute(update(LocalState).where(LocalState.key == "seq")
              .values(int_value=LocalState.int_value)
              .execution_options(synchronize_session=False))


def _merge_in(s: Session, opened: Opened, report: ImportReport, allow_mass: bool) -> None:
    """Steps 6/8: the merge, foreign keys checked, mass changes stopped."""
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
    local = s.execute(select(LocalState.text_value).where(LocalState.key == "office_id")
                      ).scalar()
    result = merge.apply(s, opened.changes, local_office=local)
    problems = _fk_problems(s)
    if problems:
        raise Refused(N_("The file refers to records that exist nowhere ({list}); it was "
                         "refused as a whole."), list="; ".join(problems))
    report.summary = result.as_dict()
    report.conflicts = result.conflicts
    report.far_future = result.far_future
    mass = result.archived + result.erased
    total = _records(s)
    report.mass_change = mass >= MASS_MIN and mass > MASS_SHARE * max(1, total)
    if report.mass_change and not allow_mass:
        raise Refused(N_("This file would archive or erase {n} of {total} records. Nothing was "
                         "imported; check with the sender, then import it again and confirm."),
                      n=mass, total=total)
    if result.max_hlc:
        state = s.get(LocalState, "hlc")
        if state is not None:
            code = s.get(LocalState, "office_code")
            office = code.text_value if code is not None else None
            state.text_value = clock.receive(state.text_value, result.max_hlc,
                                             "X" if office is None else office)


def _record(s: Session, opened: Opened, path: Path, report: ImportReport, status: str) -> None:
    m = opened.manifest
    sender = s.get(Office, opened.sender)
    assert sender is not None
    if not sender.signing_key and not enroll(s, sender, m):
        raise Refused(N_("The file's sender has not been enrolled; it was refused."))
    peer = s.get(Peer, opened.sender)
    if peer is None:
        peer = Peer(office_id=opened.sender, their_acks={}, enrolled_at=utcnow())
        s.add(peer)
    if m["sequence"] > peer.last_seq_in:
        peer.last_seq_in, peer.last_hash_in = m["sequence"], opened.digest
    acks = dict(peer.their_acks or {})
    for origin, seq in m.get("acks", {}).items():
        acks[origin] = max(int(acks.get(origin, 0)), int(seq))
    peer.their_acks = acks
    peer.instance_id = str(m["sender"].get("instance_id") or peer.instance_id)
    peer.their_own_seq = max(peer.their_own_seq, int(m.get("acks", {}).get(opened.sender, 0)))
    for digest, data in opened.attachments.items():
        from app.attachments import store_bytes

        store_bytes(data, digest)
    s.add(LedgerEntry(direction="in", package_id=m["package_id"], peer_office_id=opened.sender,
                      sequence=m["sequence"], file_sha256=opened.digest, file_name=path.name,
                      at=utcnow(), status=status,
                      summary=json.dumps(asdict(report), ensure_ascii=False, default=str)))


def _dry_pass(db: Database, opened: Opened, path: Path, report: ImportReport, dry_run: bool,
              allow_mass: bool) -> bool:
    """Step 6: the whole merge in a transaction that is rolled back. True when the file turned
    out to hold nothing new (then, unless this is only a dry run, that is recorded)."""
    session = db.raw_session()
    try:
        _begin_write(session)
        if _sequence_check(session, opened, report) == "no_op":
            report.status = "no_op"
            report.message = _("Everything in this file is here already; nothing changed.")
            if not dry_run:
                _record(session, opened, path, report, "no_op")
                session.commit()
            return True
        _merge_in(session, opened, report, allow_mass)
        return False
    finally:
        session.rollback()
        session.close()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """An import makes hundreds of thousands of objects that live until it ends and form no
    cycles; the cyclic garbage collector would walk them all again and again (a quarter of
    the time of a large import). Reference counting still frees everything as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def import_file(db: Database, path: str | Path, *, dry_run: bool = False,
                allow_mass: bool = False, backup: bool = True,
                precheck: bool = True) -> ImportReport:
    """Import one file. `precheck` runs the whole merge once as a dry run before the backup and
    the real apply (SYNC.md steps 6-8); a caller that has just shown the user a dry run of the
    same file passes False, since the apply is one transaction that rolls back on any error."""
    with _collector_paused():
        return _import_file(db, Path(path), dry_run, allow_mass, backup, precheck)


def _import_file(db: Database, path: Path, dry_run: bool, allow_mass: bool, backup: bool,
                 precheck: bool) -> ImportReport:
    report = ImportReport(file=str(path), status="refused")
    opened: Opened | None = None
    try:
        opened = open_file(db, path)
        m = opened.manifest
        report.sender, report.sequence = str(m["sender"].get("code", "")), m["sequence"]
        report.changes = len(opened.changes)
        if _already(db, opened.digest):
            report.status, report.message = "already", _("This file was imported already; "
                                                         "nothing changed.")
            return report
        if (dry_run or precheck) and _dry_pass(db, opened, path, report, dry_run, allow_mass):
            return report
        if dry_run:
            report.status = "dry_run"
            report.message = _("Dry run: nothing was changed.")
            return report
        if backup and db.path is not None:
            from app.db.backup import backup_to

            stamp = utcnow().strftime("%Y%m%d-%H%M%S")
            backup_to(db.engine, backup_dir() / f"before-import-{stamp}.sqlite")
        session = db.raw_session()
        try:
            _begin_write(session)
            if _sequence_check(session, opened, report) == "no_op":
                report.status = "no_op"
                report.message = _("Everything in this file is here already; nothing changed.")
                _record(session, opened, path, report, "no_op")
                session.commit()
                return report
            _merge_in(session, opened, report, allow_mass)
            report.status = "applied"
            _record(session, opened, path, report, "applied")
            session.commit()
        except BaseException:
            session.rollback()  # explicit: the database stays exactly as it was
            raise
        finally:
            session.close()
        _after(db, opened, report)
        return report
    except Refused as exc:
        report.message = exc.text()
        report.quarantine = _quarantine(path, report)
        raise
    except ChangeError as exc:
        report.message = exc.text()
        report.quarantine = _quarantine(path, report)
        raise Refused(N_("The file was refused: {reason}"), reason=exc.text()) from None
    except DBAPIError as exc:
        report.message = str(exc.orig)
        report.quarantine = _quarantine(path, report)
        if "full" in str(exc.orig).lower():
            raise Refused(N_("The disk is full: free some space and import again. Nothing was "
                             "changed.")) from None
        raise Refused(N_("The database could not take the file ({reason}). Nothing was "
                         "changed."), reason=str(exc.orig)[:200]) from None


def _after(db: Database, opened: Opened, report: ImportReport) -> None:
    """Step 9: quick_check, counts against the manifest, the report saved."""
    with db.engine.connect() as conn:
        if db.path is not None:
            ok = conn.execute(text("PRAGMA quick_check")).scalar()
            if ok != "ok":
                report.message = _("Imported, but the database check reports: {detail}").format(
                    detail=ok)
    declared = opened.manifest.get("counts", {})
    got: dict[str, int] = {}
    for change in opened.changes:
        got[change.table] = got.get(change.table, 0) + 1
    if declared and got != {k: int(v) for k, v in declared.items() if int(v)}:
        report.message = _("Imported, but the counts differ from the file's manifest.")
    if not report.message:
        report.message = _("Imported.")
    name = f"{utcnow().strftime('%Y%m%d-%H%M%S')}-{Path(report.file).name}.json"
    (_dir("reports") / name).write_text(json.dumps(asdict(report), ensure_ascii=False,
                                                   indent=1, default=str), encoding="utf-8")


def _quarantine(path: Path, report: ImportReport) -> str:
    try:
        folder = _dir("quarantine")
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{stamp}-{path.name}"
        if path.exists():
            shutil.copyfile(path, target)
        target.with_suffix(target.suffix + ".txt").write_text(
            json.dumps(asdict(report), ensure_ascii=False, indent=1, default=str),
            encoding="utf-8")
        log.warning("refused %s: %s", path, report.message)
        return str(target)
    except OSError:
        log.exception("could not quarantine %s", path)
        return ""


def import_files(db: Database, paths: Iterable[str | Path], **kw: Any) -> list[ImportReport]:
    """Several files (a week's inbox), in the order of their sequence numbers where known."""
    reports = []
    for p in paths:
        try:
            reports.append(import_file(db, p, **kw))
        except Refused as exc:
            reports.append(ImportReport(file=str(p), status="refused", message=exc.text()))
    return reports


