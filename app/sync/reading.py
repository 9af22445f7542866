"""Reading an exchange file before anything touches the database (SYNC.md "Import" steps 2-4).

The file is decrypted and unpacked in memory, its signature, recipient, member hashes and format
version checked, and every change parsed strictly. Any failure is a `Refused` with a plain sentence.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.exceptions
from sqlalchemy import select

from app.db import Database
from app.errors import UserError
from app.i18n import N_
from app.ids import is_uuid
from app.models import Office
from app.sync import envelope, package
from app.sync.changes import Change, decode_all
from app.sync.keys import key_id, load_keys, verify_key

log = logging.getLogger(__name__)
MAX_CHANGES = 5_000_000


class Refused(UserError):
    """A file that was not imported; the database is as it was."""


@dataclass
class Opened:
    digest: str
    manifest: dict[str, Any]
    changes: list[Change]
    sender: str  # office id
    attachments: dict[str, bytes]


def _manifest_fields(m: Any) -> None:
    ok = (isinstance(m, dict) and m.get("format") == package.FORMAT
          and isinstance(m.get("format_version"), int)
          and isinstance(m.get("sender"), dict) and isinstance(m.get("recipient"), dict)
          and isinstance(m.get("sequence"), int) and not isinstance(m.get("sequence"), bool)
          and m["sequence"] > 0 and isinstance(m.get("package_id"), str)
          and is_uuid(m["package_id"]) and isinstance(m.get("acks", {}), dict)
          and all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                  for k, v in m.get("acks", {}).items())
          and isinstance(m["sender"].get("office_id"), str)
          and isinstance(m["recipient"].get("office_id"), str)
          and isinstance(m.get("counts", {}), dict))
    if not ok:
        raise Refused(package.BAD_PACKAGE)


def open_file(db: Database, path: Path) -> Opened:
    """Steps 2-4: read, decrypt, unpack, check signature, recipient, hashes and version."""
    try:
        size = path.stat().st_size
        if size > package.MAX_FILE:
            raise Refused(N_("The file is larger than Tinklas accepts ({limit} MB)."),
                          limit=package.MAX_FILE // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise Refused(N_("Could not read {path}: {reason}"), path=str(path),
                      reason=exc.strerror or str(exc)) from exc
    digest = hashlib.sha256(data).hexdigest()
    local = db.local_office()
    with db.reader() as s:
        keys = load_keys(s)
        if keys is None:
            raise Refused(N_("This database has not joined a network, so it cannot read "
                             "exchange files."))
        try:
            addressed = envelope.recipient_key_id(data)
        except envelope.EnvelopeError as exc:
            raise Refused(exc.message, **exc.params) from None
        if addressed != key_id(keys.encryption_public):
            for office in s.execute(select(Office).where(Office.encryption_key.is_not(None))
                                    ).scalars():
                if key_id(office.encryption_key or "") == addressed:
                    raise Refused(N_("This file is addressed to the {office} office."),
                                  office=office.name or office.code)
            raise Refused(N_("This file is not addressed to this office."))
    try:
        plain = envelope.open_envelope(data, keys.encryption, package.MAX_PLAIN)
    except envelope.EnvelopeError as exc:
        raise Refused(exc.message, **exc.params) from None
    try:
        pkg = package.read(plain)
        _manifest_fields(pkg.manifest)
    except package.PackageError as exc:
        raise Refused(exc.message, **exc.params) from None
    m = pkg.manifest
    if m["recipient"]["office_id"] != local.id:
        raise Refused(N_("This file is addressed to the {office} office."),
                      office=str(m["recipient"].get("code", "?"))[:20])
    with db.reader() as s:
        sender = s.get(Office, m["sender"]["office_id"])
        if sender is None or sender.id == local.id:
            raise Refused(N_("The file comes from an office this database does not know."))
        if sender.revoked:
            raise Refused(N_("The {office} office's keys were revoked; its files are refused."),
                          office=sender.code)
        signing = sender.signing_key
        if not signing and isinstance(m.get("join"), dict):
            signing = m["join"].get("signing")  # first file: checked against the invitation
    if not isinstance(signing, str):
        raise Refused(N_("The file's sender has not been enrolled; it was refused."))
    try:
        verify_key(signing).verify(pkg.manifest_bytes, pkg.signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, ValueError,
            TypeError):
        log.warning("bad signature on %s from %s", path, m["sender"].get("code"))
        raise Refused(N_("The file's signature does not match the sending office; it was "
                         "refused.")) from None
    try:
        package.check_members(pkg)
    except package.PackageError as exc:
        raise Refused(exc.message, **exc.params) from None
    version = m["format_version"]
    if version > package.FORMAT_VERSION:
        raise Refused(N_("Update Tinklas to version {version} to read this file."),
                      version=str(m.get("app_version", "?"))[:20])
    if version < package.OLDEST_FORMAT:
        raise Refused(N_("This file was written by a Tinklas too old to read now."))
    raw = pkg.changes if version == package.FORMAT_VERSION else _convert_v1(pkg.changes)
    try:
        changes = decode_all(raw, MAX_CHANGES)
    except UserError as exc:
        raise Refused(exc.message, **exc.params) from None
    return Opened(digest, m, changes, sender.id, pkg.attachments)


def _convert_v1(raw: bytes) -> bytes:
    """Format 1 wrote each change's value as a JSON string ("sv"); format 2 embeds it ("v")."""
    out = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            obj["v"] = json.loads(obj.pop("sv")) if obj.get("sv") is not None else None
        except (json.JSONDecodeError, AttributeError, TypeError, KeyError, RecursionError):
            raise Refused(package.BAD_PACKAGE) from None
        out.append(json.dumps(obj, ensure_ascii=False).encode("utf-8"))
    return b"\n".join(out) + b"\n"
