"""Files kept beside the database, addressed by their SHA-256 (logos, scanned documents).

A file is stored once whatever its name, so storing the same logo twice costs nothing, and a
name is never trusted as a path: only a 64-digit hex digest reaches the file system.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from app.errors import UserError
from app.i18n import N_
from app.paths import attachments_dir

_SHA = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 16


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def file_path(sha256: str) -> Path:
    """Where the file with this digest is (or would be) stored."""
    sha = sha256.lower()
    if not _SHA.match(sha):
        raise ValueError(f"not a SHA-256 digest: {sha256!r}")
    return attachments_dir() / sha[:2] / sha


def has_file(sha256: str) -> bool:
    try:
        return file_path(sha256).is_file()
    except ValueError:
        return False


def store_file(path: str | Path) -> tuple[str, int]:
    """Copy a file into the store; return its digest and size in bytes."""
    src = Path(path)
    try:
        sha, size = _digest(src)
        target = file_path(sha)
        if target.is_file() and target.stat().st_size == size:
            return sha, size
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out, src.open("rb") as fh:
                shutil.copyfileobj(fh, out, _CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(N_("The file {name} could not be copied: {reason}"), name=src.name,
                        reason=exc.strerror or str(exc)) from exc
    return sha, size


def store_bytes(data: bytes, sha256: str) -> None:
    """Store received content under its digest (exchange files carry attachments this way)."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise UserError(N_("A received attachment does not match its fingerprint."))
    target = file_path(sha256)
    if target.is_file() and target.stat().st_size == len(data):
        return
    from app.files import write_atomic

    write_atomic(target, data)
