"""Joining the network: the coordinator invites an office; the office joins with the file.

The invitation carries the coordinator's public keys, the office's id, code and name, and a
one-time secret. The office makes its keys when it joins; its first file to the coordinator
carries its public keys and proves, with the secret, that it is the office invited. Both sides
then show the same short fingerprints, to compare on the phone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, text, update
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.files import write_atomic
from app.i18n import N_
from app.models import Base, LocalState, Office, Peer
from app.models.base import utcnow
from app.sync.keys import b64, ensure_keys, fingerprint, load_keys, unb64

INVITATION = "tinklas-invitation"


@dataclass(frozen=True)
class PeerInfo:
    office_id: str
    code: str
    name: str
    fingerprint: str  # "" until the office's keys are known
    last_in: int
    last_out: int
    revoked: bool
    is_coordinator: bool


def _state(s: Session, key: str) -> LocalState | None:
    return s.get(LocalState, key)


def _set_state(s: Session, key: str, value: str | None) -> None:
    row = _state(s, key)
    if row is None:
        s.add(LocalState(key=key, text_value=value))
    else:
        row.text_value = value


def coordinator_id(s: Session) -> str | None:
    row = _state(s, "coordinator_office_id")
    return row.text_value if row else None


def join_proof(secret: bytes, signing: str, encryption: str) -> str:
    return hmac.new(secret, f"{signing}|{encryption}".encode(), hashlib.sha256).hexdigest()


def invite(db: Database, code: str, name: str, out: str | Path) -> tuple[Path, str]:
    """Coordinator: an invitation file for a new office; returns (path, coordinator fingerprint)."""
    from app.services.offices import CODE_RE

    code = code.strip().upper()
    if not CODE_RE.match(code):
        raise UserError(N_("The office code is 2 to 6 Latin capital letters, e.g. SAL."))
    local = db.local_office()
    if not local.is_coordinator:
        raise UserError(N_("Only the coordinator's database can invite offices."))
    secret = secrets.token_bytes(32)
    with db.session() as s:
        keys = ensure_keys(s)
        office = s.execute(select(Office).where(Office.code == code)).scalar_one_or_none()
        if office is not None and office.id == local.id:
            raise UserError(N_("{code} is this database's own office."), code=code)
        if office is None:
            office = Office(code=code, name=name.strip() or code)
            s.add(office)
            s.flush()
        else:  # re-inviting (a lost laptop): the old keys no longer count
            office.name = name.strip() or office.name
            office.signing_key, office.encryption_key, office.revoked = None, None, False
        _set_state(s, f"invite:{office.id}", b64(secret))
        me = s.get(Office, local.id)
        assert me is not None
        invitation = {
            "format": INVITATION, "version": 1, "created_at": utcnow().isoformat(),
            "coordinator": {"office_id": me.id, "code": me.code, "name": me.name,
                            "signing": keys.signing_public, "encryption": keys.encryption_public},
            "office": {"office_id": office.id, "code": office.code, "name": office.name},
            "join_secret": b64(secret),
        }
        data = json.dumps(invitation, ensure_ascii=False, indent=1).encode("utf-8")
        path = write_atomic(out, data)
        return path, keys.fingerprint


def _read_invitation(path: str | Path) -> dict[str, Any]:
    try:
        raw = Path(path).read_bytes()
        if len(raw) > 64 * 1024:
            raise ValueError
        data = json.loads(raw.decode("utf-8"))
        assert data["format"] == INVITATION and data["version"] == 1
        for part in ("coordinator", "office"):
            assert isinstance(data[part]["office_id"], str) and isinstance(data[part]["code"], str)
        unb64(data["join_secret"])
        unb64(data["coordinator"]["signing"])
        unb64(data["coordinator"]["encryption"])
    except OSError as exc:
        raise UserError(N_("Could not read {path}: {reason}"), path=str(path),
                        reason=exc.strerror or str(exc)) from exc
    except (ValueError, KeyError, TypeError, AssertionError, UnicodeDecodeError):
        raise UserError(N_("This is not a Tinklas invitation, or it is damaged.")) from None
    return data


def _rename_office(s: Session, old: str, new: str) -> None:
    """Give this database's own office the id the coordinator assigned (before any exchange,
    nothing outside knows the old id)."""
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
    office = s.get(Office, old)
    assert office is not None
    columns: list[tuple[Table, str]] = []
    for table in Base.metadata.sorted_tables:
        for col in table.columns:
            if col.name in ("office_id", "changed_by", "owner_office_id", "origin_office_id",
                            "winning_office_id", "losing_office_id", "peer_office_id"):
                columns.append((table, col.name))
    s.execute(update(Office).where(Office.id == old).values(id=new))
    for table, name in columns:
        s.execute(update(table).where(table.c[name] == old).values({name: new}))
    for key in ("office_id",):
        s.execute(update(LocalState).where(LocalState.key == key).values(text_value=new))


def join(db: Database, path: str | Path) -> tuple[str, str]:
    """Office: join the network; returns (this office's fingerprint, the coordinator's)."""
    inv = _read_invitation(path)
    local = db.local_office()
    if local.is_coordinator:
        raise UserError(N_("The coordinator's database cannot join another network."))
    coord, me = inv["coordinator"], inv["office"]
    with db.session() as s:
        if coordinator_id(s) not in (None, coord["office_id"]):
            raise UserError(N_("This database already belongs to another network."))
        if local.id != me["office_id"]:
            if s.get(Office, me["office_id"]) is not None:
                raise UserError(N_("This invitation is for an office that already exists here."))
            _rename_office(s, local.id, me["office_id"])
        office = s.get(Office, me["office_id"])
        assert office is not None
        office.code, office.name = me["code"], office.name or me["name"]
        if not office.certificate_series:
            office.certificate_series = me["code"]
        s.execute(update(LocalState).where(LocalState.key == "office_code")
                  .values(text_value=me["code"]))
        _set_state(s, "office_configured", "1")
        coordinator = s.get(Office, coord["office_id"])
        if coordinator is None:
            coordinator = Office(id=coord["office_id"], code=coord["code"], name=coord["name"],
                                 is_coordinator=True)
            s.add(coordinator)
        coordinator.signing_key = coord["signing"]
        coordinator.encryption_key = coord["encryption"]
        s.flush()
        if s.get(Peer, coordinator.id) is None:
            s.add(Peer(office_id=coordinator.id, enrolled_at=utcnow(), their_acks={}))
        _set_state(s, "coordinator_office_id", coordinator.id)
        _set_state(s, "join_secret", inv["join_secret"])
        keys = ensure_keys(s)
        s.flush()
        return keys.fingerprint, fingerprint(coord["signing"], coord["encryption"])


def enroll(s: Session, office: Office, manifest: dict[str, Any]) -> bool:
    """Coordinator: accept an office's keys from its first file if it proves the invitation."""
    join_info = manifest.get("join")
    row = _state(s, f"invite:{office.id}")
    if not isinstance(join_info, dict) or row is None or not row.text_value:
        return False
    signing, encryption = join_info.get("signing"), join_info.get("encryption")
    proof = join_info.get("proof")
    if not (isinstance(signing, str) and isinstance(encryption, str) and isinstance(proof, str)):
        return False
    expected = join_proof(unb64(row.text_value), signing, encryption)
    if not hmac.compare_digest(expected, proof):
        return False
    office.signing_key, office.encryption_key = signing, encryption
    row.text_value = None
    if s.get(Peer, office.id) is None:
        s.add(Peer(office_id=office.id, enrolled_at=utcnow(), their_acks={}))
    return True


def revoke(db: Database, code: str) -> None:
    with db.session() as s:
        office = s.execute(select(Office).where(Office.code == code.upper())).scalar_one_or_none()
        if office is None:
            raise UserError(N_("There is no office {code}."), code=code)
        office.revoked = True
        office.signing_key = office.encryption_key = None
        peer = s.get(Peer, office.id)
        if peer is not None:
            peer.revoked_at = utcnow()


def peers(db: Database) -> list[PeerInfo]:
    with db.reader() as s:
        rows = s.execute(select(Office, Peer).outerjoin(Peer, Peer.office_id == Office.id)
                         .where(Office.id != db.local_office().id, Office.deleted.is_(False))
                         .order_by(Office.code)).all()
        return [PeerInfo(o.id, o.code, o.name,
                         fingerprint(o.signing_key, o.encryption_key)
                         if o.signing_key and o.encryption_key else "",
                         p.last_seq_in if p else 0, (p.next_seq_out - 1) if p else 0,
                         o.revoked, o.is_coordinator) for o, p in rows]


def own_fingerprint(db: Database) -> str:
    with db.reader() as s:
        keys = load_keys(s)
        return keys.fingerprint if keys else ""

