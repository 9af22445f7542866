"""The package inside the envelope: a ZIP of manifest, signature, changes and attachments.

Read in memory through an allow-list, never extracted to disk. Sizes, member counts, compression
ratios and JSON depth are capped before anything is decompressed or parsed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from app.errors import UserError
from app.i18n import N_

FORMAT = "tinklas-exchange"
FORMAT_VERSION = 2
OLDEST_FORMAT = 1  # older formats within the window are converted on import
MAX_FILE = 512 * 1024 * 1024
MAX_PLAIN = 1024 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_MANIFEST = 1024 * 1024
MAX_CHANGES_BYTES = 900 * 1024 * 1024
MAX_ATTACHMENT = 50 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for members large enough to matter
RATIO_FROM = 16 * 1024 * 1024
MAX_LINE = 4 * 1024 * 1024
MAX_DEPTH = 32
ATTACHMENT = re.compile(r"^attachments/[0-9a-f]{64}$")
FIXED = ("manifest.json", "manifest.sig", "changes.jsonl")
BAD_PACKAGE = N_("The file is damaged or incomplete: ask the sender to send it again.")


class PackageError(UserError):
    pass


@dataclass
class Package:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    changes: bytes  # changes.jsonl
    attachments: dict[str, bytes] = field(default_factory=dict)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(manifest: dict[str, Any], sign: Any, changes: bytes,
          attachments: dict[str, bytes]) -> bytes:
    """ZIP bytes; the manifest lists the hash and size of every other member, then is signed."""
    members = {"changes.jsonl": {"sha256": sha256(changes), "size": len(changes)}}
    for digest, data in attachments.items():
        members[f"attachments/{digest}"] = {"sha256": sha256(data), "size": len(data)}
    manifest = {**manifest, "members": members}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("manifest.json", manifest_bytes)
        z.writestr("manifest.sig", sign(manifest_bytes))
        z.writestr("changes.jsonl", changes)
        for digest, data in attachments.items():
            z.writestr(f"attachments/{digest}", data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((depth(v, level + 1) for v in value), default=level + 1)
    return level


def loads(data: bytes, what: str) -> Any:
    """JSON with a depth cap; any error becomes a plain refusal."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackageError(N_("The file is damaged: {what} cannot be read."), what=what) from None
    if data.count(b"[") + data.count(b"{") > MAX_DEPTH and depth(value) > MAX_DEPTH:
        raise PackageError(N_("The file is damaged: {what} is nested too deeply."), what=what)
    return value


def _read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise PackageError(N_("The file holds a part larger than Tinklas accepts."))
    if info.file_size > RATIO_FROM and info.file_size / max(1, info.compress_size) > MAX_RATIO:
        raise PackageError(BAD_PACKAGE)
    out = bytearray()
    with z.open(info) as fh:  # read in pieces: a lying header cannot make us read more
        while chunk := fh.read(1024 * 1024):
            out += chunk
            if len(out) > info.file_size or len(out) > limit:
                raise PackageError(BAD_PACKAGE)
    return bytes(out)


def read(plain: bytes) -> Package:
    try:
        z = zipfile.ZipFile(io.BytesIO(plain))
        infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise PackageError(BAD_PACKAGE) from None
    if len(infos) > MAX_MEMBERS:
        raise PackageError(BAD_PACKAGE)
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise PackageError(N_("The file is damaged: it holds two parts with the same name."))
    for name in names:
        if name not in FIXED and not ATTACHMENT.match(name):
            raise PackageError(N_("The file holds an unexpected part ({name}) and was refused."),
                               name=name[:80])
    for required in FIXED:
        if required not in names:
            raise PackageError(BAD_PACKAGE)
    by_name = {i.filename: i for i in infos}
    try:
        manifest_bytes = _read_member(z, by_name["manifest.json"], MAX_MANIFEST)
        signature = _read_member(z, by_name["manifest.sig"], 1024)
        manifest = loads(manifest_bytes, "manifest.json")
        if not isinstance(manifest, dict) or not isinstance(manifest.get("members"), dict):
            raise PackageError(BAD_PACKAGE)
        listed = set(manifest["members"])
        if listed != set(names) - {"manifest.json", "manifest.sig"}:
            raise PackageError(N_("The file's parts do not match its manifest."))
        changes = _read_member(z, by_name["changes.jsonl"], MAX_CHANGES_BYTES)
        attachments = {n.split("/", 1)[1]: _read_member(z, by_name[n], MAX_ATTACHMENT)
                       for n in names if n.startswith("attachments/")}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError,
            NotImplementedError):
        raise PackageError(BAD_PACKAGE) from None
    return Package(manifest, manifest_bytes, signature, changes, attachments)


def check_members(pkg: Package) -> None:
    """Every member's hash and size as the signed manifest says."""
    members = pkg.manifest["members"]
    parts = {"changes.jsonl": pkg.changes,
             **{f"attachments/{k}": v for k, v in pkg.attachments.items()}}
    for name, data in parts.items():
        entry = members.get(name)
        if (not isinstance(entry, dict) or entry.get("size") != len(data)
                or entry.get("sha256") != sha256(data)):
            raise PackageError(BAD_PACKAGE)
    for name, data in pkg.attachments.items():
        if sha256(data) != name:
            raise PackageError(BAD_PACKAGE)
