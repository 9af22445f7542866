"""A small network of databases for exchange tests: a coordinator and offices, each its own file.

`Net.send(a, b)` writes a file from a to b; `Net.deliver(path, b)` imports it. `state(db)` is a
comparable snapshot of a database's data (sync metadata and local columns left out), so tests can
assert "unchanged" and "converged" on whole databases.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from app.db import Database
from app.models import Office
from app.services.offices import init_office
from app.sync import envelope, package
from app.sync.changelog import synced_fields
from app.sync.changes import models_by_table
from app.sync.export import export
from app.sync.importer import ImportReport, import_file
from app.sync.keys import key_id, load_keys, public_key
from app.sync.network import invite, join

LOCAL_TABLES = (
    "change_log",
    "conflicts",
    "exchange_ledger",
    "exchange_peers",
    "local_state",
    "counters",
    "merge_history",
    "alembic_version",
)


@dataclass
class Net:
    root: Path
    dbs: dict[str, Database] = field(default_factory=dict)
    counter: int = 0

    def db(self, code: str) -> Database:
        return self.dbs[code]

    def send(self, sender: str, recipient: str, full: bool = False) -> Path:
        self.counter += 1
        out = self.root / "files" / f"{self.counter:04d}-{sender}-{recipient}.tinklas"
        out.parent.mkdir(parents=True, exist_ok=True)
        for_code = recipient if self.db(sender).local_office().is_coordinator else None
        return export(self.db(sender), out, for_code, full).path

    def deliver(self, path: Path, recipient: str, **kw: Any) -> ImportReport:
        return import_file(self.db(recipient), path, backup=False, **kw)

    def sync(self, code: str) -> None:
        """One round trip: the office sends, the coordinator imports and answers."""
        self.deliver(self.send(code, "VLN"), "VLN")
        self.deliver(self.send("VLN", code), code)


def make_network(root: Path, offices: tuple[str, ...] = ("SAL", "VIS")) -> Net:
    net = Net(root)
    coord = Database.open(root / "VLN.sqlite")
    init_office(coord, "VLN", "Vilniaus koordinatorius", coordinator=True)
    net.dbs["VLN"] = coord
    for code in offices:
        invitation, _fp = invite(coord, code, f"{code} biuras", root / f"{code}.invite")
        db = Database.open(root / f"{code}.sqlite")
        join(db, invitation)
        net.dbs[code] = db
    for code in offices:  # first files carry the offices' keys to the coordinator
        net.deliver(net.send(code, "VLN"), "VLN")
    return net


def state(db: Database, skip_special: bool = False) -> dict[str, Any]:
    """Every synced table's rows by id, only the fields that travel."""
    out: dict[str, Any] = {}
    with db.engine.connect() as conn:
        for table, model in sorted(models_by_table().items()):
            if table in ("offices",):
                continue
            fields = [f for f in synced_fields(model) if f != "office_id"]
            if skip_special:
                fields = [f for f in fields if f != "community_code"]
                if table == "consents":
                    continue
            rows = conn.execute(select(*[model.__table__.c[f] for f in ["id", *fields]]))
            out[table] = {r[0]: tuple(str(v) for v in r[1:]) for r in rows}
    return out


def fingerprint(db: Database) -> str:
    """A hash of every row of every table (local ones included): 'unchanged' means unchanged."""
    h = hashlib.sha256()
    with db.engine.connect() as conn:
        names = [
            r[0]
            for r in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            )
        ]
        for name in names:
            for row in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1')):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def office_id(db: Database, code: str) -> str:
    with db.reader() as s:
        return s.execute(select(Office.id).where(Office.code == code)).scalar_one()


def unpack(path: Path, db: Database) -> package.Package:
    """Decrypt and unpack a file addressed to `db` (tests only: to forge variants of it)."""
    with db.reader() as s:
        keys = load_keys(s)
    assert keys is not None
    return package.read(envelope.open_envelope(path.read_bytes(), keys.encryption, 10**9))


def repack(
    db_from: Database,
    db_to: Database,
    manifest: dict[str, Any],
    changes: bytes,
    members: dict[str, bytes] | None = None,
    sign_with: Database | None = None,
    raw_manifest: bytes | None = None,
    signature: bytes | None = None,
) -> bytes:
    """Build an envelope by hand: a signed (or forged) package sealed to `db_to`."""
    with (sign_with or db_from).reader() as s:
        signer = load_keys(s)
    with db_to.reader() as s:
        recipient = load_keys(s)
    assert signer is not None and recipient is not None
    if raw_manifest is None:
        zipped = package.build(
            manifest, lambda m: signer.signing.sign(m).signature, changes, members or {}
        )
    else:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("manifest.json", raw_manifest)
            z.writestr(
                "manifest.sig",
                signature if signature is not None else signer.signing.sign(raw_manifest).signature,
            )
            z.writestr("changes.jsonl", changes)
            for name, data in (members or {}).items():
                z.writestr(name, data)
        zipped = buf.getvalue()
    return envelope.seal(
        zipped, public_key(recipient.encryption_public), key_id(recipient.encryption_public)
    )


def manifest_of(pkg: package.Package) -> dict[str, Any]:
    data = json.loads(pkg.manifest_bytes)
    data.pop("members", None)
    return data
