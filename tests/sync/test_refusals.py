"""Damaged, foreign, forged, replayed and hostile files: refused, the database untouched."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from app.services import people
from app.sync import envelope, package
from app.sync.reading import Refused
from tests.sync.network import Net, fingerprint, manifest_of, repack, unpack


def _file(net: Net) -> Path:
    people.save_person(
        net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla", notes="x" * 3000)
    )
    return net.send("SAL", "VLN")


def _refused(net: Net, data: bytes, tmp: Path, name: str = "bad.tinklas") -> str:
    path = tmp / name
    path.write_bytes(data)
    before = fingerprint(net.db("VLN"))
    with pytest.raises(Refused) as err:
        net.deliver(path, "VLN")
    assert fingerprint(net.db("VLN")) == before
    return err.value.text()


def test_truncated_at_random_offsets(net: Net, tmp_path: Path) -> None:
    data = _file(net).read_bytes()
    rng = random.Random(1)
    for cut in sorted({0, 10, len(data) - 1, *(rng.randrange(len(data)) for _ in range(25))}):
        _refused(net, data[:cut], tmp_path)


def test_bit_flips_anywhere_and_swapped_chunks(net: Net, tmp_path: Path) -> None:
    data = _file(net).read_bytes()
    rng = random.Random(2)
    positions = [*range(0, envelope.HEADER + 8), *(rng.randrange(len(data)) for _ in range(60))]
    for pos in positions:
        bad = bytearray(data)
        bad[pos] ^= 1 << rng.randrange(8)
        _refused(net, bytes(bad), tmp_path)
    head = envelope.HEADER
    body = data[head:]
    if len(body) > 40:
        _refused(net, data[:head] + body[len(body) // 2 :] + body[: len(body) // 2], tmp_path)


def test_refusals_name_the_addressee(net: Net, tmp_path: Path) -> None:
    people.save_person(net.db("VLN"), people.PersonData(first_name="A", last_name="B"))
    for_vis = net.send("VLN", "VIS")
    with pytest.raises(Refused) as err:
        net.deliver(for_vis, "SAL")
    assert "VIS" in err.value.text() or "addressed" in err.value.text()
    before = fingerprint(net.db("VLN"))
    with pytest.raises(Refused):
        net.deliver(for_vis, "VLN")  # the coordinator's own outgoing file
    assert fingerprint(net.db("VLN")) == before


def test_forged_missing_unenrolled_signature_and_edited_manifest(net: Net, tmp_path: Path) -> None:
    pkg = unpack(_file(net), net.db("VLN"))
    manifest = manifest_of(pkg)
    sal, vln, vis = net.db("SAL"), net.db("VLN"), net.db("VIS")
    # signed by another office's key (VIS) while claiming to be SAL
    _refused(net, repack(sal, vln, manifest, pkg.changes, sign_with=vis), tmp_path)
    # no signature at all
    _refused(
        net,
        repack(sal, vln, manifest, pkg.changes, raw_manifest=pkg.manifest_bytes, signature=b""),
        tmp_path,
    )
    # manifest edited after signing
    edited = pkg.manifest_bytes.replace(b'"sequence":', b'"sequence": ')
    _refused(
        net,
        repack(sal, vln, manifest, pkg.changes, raw_manifest=edited, signature=pkg.signature),
        tmp_path,
    )
    # changes edited after signing (their hash is in the manifest)
    _refused(
        net,
        repack(
            sal,
            vln,
            manifest,
            pkg.changes.replace(b"Yla", b"Ylb"),
            raw_manifest=pkg.manifest_bytes,
            signature=pkg.signature,
        ),
        tmp_path,
    )


def test_signed_file_reencrypted_for_another_recipient(net: Net, tmp_path: Path) -> None:
    people.save_person(net.db("VLN"), people.PersonData(first_name="A", last_name="B"))
    path = net.send("VLN", "SAL")
    pkg = unpack(path, net.db("SAL"))
    resealed = repack(
        net.db("VLN"),
        net.db("VIS"),
        {},
        pkg.changes,
        raw_manifest=pkg.manifest_bytes,
        signature=pkg.signature,
    )
    target = tmp_path / "resealed.tinklas"
    target.write_bytes(resealed)
    before = fingerprint(net.db("VIS"))
    with pytest.raises(Refused) as err:
        net.deliver(target, "VIS")
    assert "SAL" in err.value.text()
    assert fingerprint(net.db("VIS")) == before


def test_replay_old_sequence_with_new_id(net: Net, tmp_path: Path) -> None:
    path = _file(net)
    net.deliver(path, "VLN")
    pkg = unpack(path, net.db("VLN"))
    manifest = manifest_of(pkg)
    manifest["package_id"] = "00000000-0000-4000-8000-000000000001"
    extra = pkg.changes.replace(b'"seq"', b'"seq"')
    lines = [json.loads(x) for x in extra.splitlines()]
    lines[-1]["s"] += 1000  # content the receiver does not have
    changes = "".join(json.dumps(x) + "\n" for x in lines).encode()
    text = _refused(net, repack(net.db("SAL"), net.db("VLN"), manifest, changes), tmp_path)
    assert "replay" in text


def test_newer_format_refused_and_older_converted(net: Net, tmp_path: Path) -> None:
    pkg = unpack(_file(net), net.db("VLN"))
    manifest = manifest_of(pkg)
    newer = dict(manifest, format_version=package.FORMAT_VERSION + 1, app_version="9.0")
    text = _refused(net, repack(net.db("SAL"), net.db("VLN"), newer, pkg.changes), tmp_path)
    assert "Update Tinklas to version 9.0" in text
    # Format 1 wrote each value as a JSON string under "sv".
    old_lines = []
    for raw in pkg.changes.splitlines():
        obj = json.loads(raw)
        obj["sv"] = json.dumps(obj.pop("v"))
        old_lines.append(json.dumps(obj))
    older = dict(manifest, format_version=1)
    path = tmp_path / "old.tinklas"
    path.write_bytes(
        repack(net.db("SAL"), net.db("VLN"), older, ("\n".join(old_lines) + "\n").encode())
    )
    report = net.deliver(path, "VLN")
    assert report.status == "applied" and report.summary["tables"]["people"]["created"] == 1


def _zip_with(members: list[tuple[str, bytes]]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name", ["../x", "/x", "C:\\x", "attachments/../../x", "extra.txt"])
def test_member_names_outside_the_allow_list(name: str) -> None:
    data = _zip_with(
        [("manifest.json", b"{}"), ("manifest.sig", b""), ("changes.jsonl", b""), (name, b"x")]
    )
    with pytest.raises(package.PackageError):
        package.read(data)


def test_duplicate_members_and_members_not_in_the_manifest() -> None:
    dup = _zip_with(
        [
            ("manifest.json", b"{}"),
            ("manifest.sig", b""),
            ("changes.jsonl", b""),
            ("changes.jsonl", b""),
        ]
    )
    with pytest.raises(package.PackageError):
        package.read(dup)
    unlisted = _zip_with(
        [
            ("manifest.json", json.dumps({"members": {"changes.jsonl": {}}}).encode()),
            ("manifest.sig", b""),
            ("changes.jsonl", b""),
            ("attachments/" + "a" * 64, b"x"),
        ]
    )
    with pytest.raises(package.PackageError):
        package.read(unlisted)


def test_zip_bomb_and_lying_sizes() -> None:
    bomb = _zip_with(
        [
            ("manifest.json", b"{}"),
            ("manifest.sig", b""),
            ("changes.jsonl", b"\n" * (50 * 1024 * 1024)),
        ]
    )
    with pytest.raises(package.PackageError):
        package.read(bomb)
    honest = _zip_with(
        [
            ("manifest.json", json.dumps({"members": {"changes.jsonl": {}}}).encode()),
            ("manifest.sig", b""),
            ("changes.jsonl", b"abc" * 1000),
        ]
    )
    lying = bytearray(honest)
    # shrink the declared uncompressed size of changes.jsonl in its local and central headers
    index = honest.find(b"changes.jsonl")
    for pos in (index, honest.rfind(b"changes.jsonl")):
        header_start = honest.rfind(b"PK", 0, pos)
        offset = 22 if honest[header_start + 2 : header_start + 4] == b"\x03\x04" else 24
        lying[header_start + offset : header_start + offset + 4] = (10).to_bytes(4, "little")
    with pytest.raises(package.PackageError):
        package.read(bytes(lying))


def test_deep_json_and_huge_line(net: Net, tmp_path: Path) -> None:
    pkg = unpack(_file(net), net.db("VLN"))
    manifest = manifest_of(pkg)
    deep = b'{"o":' + b"[" * 5000 + b"]" * 5000 + b"}\n"
    _refused(net, repack(net.db("SAL"), net.db("VLN"), manifest, deep), tmp_path)


def test_change_to_a_record_that_exists_nowhere(net: Net, tmp_path: Path) -> None:
    pkg = unpack(_file(net), net.db("VLN"))
    manifest = manifest_of(pkg)
    line = json.loads(pkg.changes.splitlines()[-1])
    orphan = dict(
        line,
        s=line["s"] + 1,
        r="01a21629-0000-7000-8000-000000000000",
        op="update",
        f="city",
        v="Trakai",
        p=None,
    )
    changes = pkg.changes + (json.dumps(orphan) + "\n").encode()
    text = _refused(net, repack(net.db("SAL"), net.db("VLN"), manifest, changes), tmp_path)
    assert "exists nowhere" in text and "Line" in text


def test_a_large_text_field_within_the_limits_is_accepted(net: Net) -> None:
    people.save_person(
        net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla", notes="ž" * 1_000_000)
    )
    report = net.deliver(net.send("SAL", "VLN"), "VLN")
    assert report.status == "applied"
