"""Writing a data exchange file for the coordinator (or, at the coordinator, for an office).

Everything the recipient has not acknowledged goes in, so a lost file heals itself with the next
one. What goes to an office is only what it needs: reference data, the shared registry and its own
records; special-category data (national community, consents) travels only to the coordinator.
The file is written beside its destination under a temporary name, flushed, renamed, read back
and its hash compared before it is recorded as sent.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import attachments as store
from app.db import Database
from app.db.migrate import current_revision
from app.errors import UserError
from app.files import write_atomic
from app.i18n import N_
from app.models import ChangeLog, LocalState, Office, Peer
from app.models.base import utcnow
from app.sync import envelope, package
from app.sync.changes import encode, models_by_table
from app.sync.keys import ensure_keys, key_id, public_key
from app.sync.network import coordinator_id, join_proof

SPECIAL_TABLES = frozenset({"consents"})
SPECIAL_FIELDS = {"people": frozenset({"community_code"})}


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    recipient_code: str
    sequence: int
    changes: int
    counts: dict[str, int]
    sha256: str
    special: bool


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("tinklas")
    except Exception:  # noqa: BLE001 - running from a checkout without metadata
        return "0.1.0"


def contiguous_acks(s: Any) -> dict[str, int]:
    """For each origin office: the highest sequence up to which we hold every change."""
    acks: dict[str, int] = {}
    rows = s.execute(select(ChangeLog.origin_office_id, func.max(ChangeLog.seq), func.count())
                     .group_by(ChangeLog.origin_office_id)).all()
    for origin, top, count in rows:
        if top == count:
            acks[origin] = int(top)
            continue
        seqs = s.execute(select(ChangeLog.seq).where(ChangeLog.origin_office_id == origin)
                         .order_by(ChangeLog.seq)).scalars()
        expected = 1
        for q in seqs:
            if q != expected:
                break
            expected += 1
        acks[origin] = expected - 1
    return acks


def _needed(row: Any, recipient: str, to_coordinator: bool) -> bool:
    if to_coordinator:
        return True
    if row.table_name in SPECIAL_TABLES:
        return False
    model = models_by_table().get(row.table_name)
    if model is None:
        return False
    if model.sync_kind in ("reference", "shared"):
        return row.op != "update" or row.field not in SPECIAL_FIELDS.get(row.table_name, ())
    return row.owner_office_id == recipient


def _line(row: Any, to_coordinator: bool) -> str:
    value = row.value
    special = SPECIAL_FIELDS.get(row.table_name)
    if special and not to_coordinator and row.op == "insert" and value:
        data = json.loads(value)
        for name in special:
            if name in data:
                data[name] = None
        value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return encode(row.origin_office_id, row.seq, row.hlc, row.table_name, row.record_id, row.op,
                  row.field, value, row.prev_hlc, row.owner_office_id)


def export(db: Database, out: str | Path, for_code: str | None = None,
           full: bool = False) -> ExportSummary:
    local = db.local_office()
    with db.session() as s:
        keys = ensure_keys(s)
        me = s.get(Office, local.id)
        assert me is not None
        if local.is_coordinator:
            if not for_code:
                raise UserError(N_("Name the office the file is for (--for CODE)."))
            recipient = s.execute(select(Office).where(Office.code == for_code.upper())
                                  ).scalar_one_or_none()
            if recipient is None or recipient.id == local.id:
                raise UserError(N_("There is no office {code}."), code=for_code)
        else:
            cid = coordinator_id(s)
            if cid is None:
                raise UserError(N_("This office has not joined a network yet: open the "
                                   "coordinator's invitation first."))
            recipient = s.get(Office, cid)
            assert recipient is not None
        if recipient.revoked:
            raise UserError(N_("The {code} office's keys were revoked."), code=recipient.code)
        if not recipient.encryption_key:
            raise UserError(N_("The {code} office has not sent its first file yet, so its keys "
                               "are not known."), code=recipient.code)
        peer = s.get(Peer, recipient.id)
        if peer is None:
            peer = Peer(office_id=recipient.id, their_acks={}, enrolled_at=utcnow())
            s.add(peer)
            s.flush()
        acks = {} if full else dict(peer.their_acks or {})
        to_coordinator = recipient.is_coordinator
        lines: list[str] = []
        counts: Counter[str] = Counter()
        ranges: dict[str, list[int]] = defaultdict(lambda: [2**62, 0])
        wanted_files: set[str] = set()
        log = ChangeLog.__table__.c  # plain rows: no ORM object per change
        for row in s.execute(select(log.origin_office_id, log.seq, log.hlc, log.table_name,
                                    log.record_id, log.op, log.field, log.value, log.prev_hlc,
                                    log.owner_office_id)
                             .order_by(log.origin_office_id, log.seq)):
            if row.seq <= int(acks.get(row.origin_office_id, 0)):
                continue
            if not _needed(row, recipient.id, to_coordinator):
                continue
            lines.append(_line(row, to_coordinator))
            counts[row.table_name] += 1
            r = ranges[row.origin_office_id]
            r[0], r[1] = min(r[0], row.seq), max(r[1], row.seq)
            if row.table_name == "attachments" and row.op == "insert" and row.value:
                wanted_files.add(json.loads(row.value).get("sha256", ""))
        files = {}
        for digest in sorted(wanted_files):
            if digest and store.has_file(digest):
                files[digest] = store.file_path(digest).read_bytes()
        special = to_coordinator and any(t in counts for t in SPECIAL_TABLES)
        manifest: dict[str, Any] = {
            "format": package.FORMAT, "format_version": package.FORMAT_VERSION,
            "schema_version": current_revision(db.engine), "app_version": app_version(),
            "package_id": str(uuid.uuid4()), "created_at": utcnow().isoformat(),
            "kind": "full" if full else "changes",
            "sender": {"office_id": me.id, "code": me.code,
                       "instance_id": _instance(s)},
            "recipient": {"office_id": recipient.id, "code": recipient.code},
            "sequence": peer.next_seq_out, "previous_hash": peer.last_hash_out,
            "change_range": {k: v for k, v in ranges.items()}, "acks": contiguous_acks(s),
            "counts": dict(counts), "change_count": len(lines),
            "data_classes": ["ordinary", "special"] if special else ["ordinary"],
        }
        resynced = s.get(LocalState, "resync_of")
        if resynced is not None and resynced.text_value:
            manifest["resync_of"] = resynced.text_value
        secret = s.get(LocalState, "join_secret")
        if secret is not None and secret.text_value:
            from app.sync.keys import unb64

            manifest["join"] = {
                "signing": keys.signing_public, "encryption": keys.encryption_public,
                "proof": join_proof(unb64(secret.text_value), keys.signing_public,
                                    keys.encryption_public)}
        zipped = package.build(manifest, lambda m: keys.signing.sign(m).signature,
                               "".join(lines).encode("utf-8"), files)
        sealed = envelope.seal(zipped, public_key(recipient.encryption_key),
                               key_id(recipient.encryption_key))
        digest = hashlib.sha256(sealed).hexdigest()
        target = Path(out)
        if target.is_dir():
            target = target / f"{me.code}-to-{recipient.code}-{peer.next_seq_out:04d}.tinklas"
        written = write_atomic(target, sealed)
        if hashlib.sha256(written.read_bytes()).hexdigest() != digest:
            written.unlink(missing_ok=True)
            raise UserError(N_("The file written to {path} does not read back the same: the disk "
                               "or stick may be failing. Nothing was recorded as sent."),
                            path=str(written))
        from app.models import LedgerEntry

        s.add(LedgerEntry(direction="out", package_id=manifest["package_id"],
                          peer_office_id=recipient.id, sequence=peer.next_seq_out,
                          file_sha256=digest, file_name=written.name, at=utcnow(),
                          status="sent", summary=json.dumps({"counts": dict(counts),
                                                             "changes": len(lines)})))
        summary = ExportSummary(written, recipient.code, peer.next_seq_out, len(lines),
                                dict(counts), digest, special)
        peer.next_seq_out += 1
        peer.last_hash_out = digest
    return summary


def _instance(s: Any) -> str:
    row = s.get(LocalState, "instance_id")
    return row.text_value if row else ""


