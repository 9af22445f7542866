"""Fuzzed manifests and changes: always a clean refusal with a reason, never a crash or a
partial apply."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services import people
from app.sync.changes import decode
from app.sync.reading import Refused
from tests.sync.network import Net, fingerprint, manifest_of, repack, unpack

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_bytes_as_a_change_line_are_refused_cleanly(raw: bytes) -> None:
    try:
        decode(1, raw)
    except Exception as exc:  # noqa: BLE001 - the point: only our own refusal may come out
        assert type(exc).__name__ == "ChangeError", repr(exc)


@given(
    st.dictionaries(
        st.sampled_from(["o", "s", "h", "t", "r", "op", "f", "v", "p", "w"]), JSON, max_size=10
    )
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_json_object_as_a_change_is_refused_or_valid(obj: dict) -> None:
    try:
        decode(1, json.dumps(obj).encode())
    except Exception as exc:  # noqa: BLE001
        assert type(exc).__name__ == "ChangeError", repr(exc)


def test_fuzzed_files_never_apply_partially(net: Net, tmp_path: Path) -> None:
    people.save_person(net.db("SAL"), people.PersonData(first_name="Ona", last_name="Yla"))
    pkg = unpack(net.send("SAL", "VLN"), net.db("VLN"))
    base_manifest = manifest_of(pkg)
    lines = pkg.changes.splitlines()
    before = fingerprint(net.db("VLN"))
    counter = {"n": 0}

    @given(
        st.sampled_from(sorted(base_manifest)),
        JSON,
        st.integers(0, len(lines) - 1),
        st.sampled_from(["o", "s", "h", "t", "r", "op", "f", "v", "p"]),
        JSON,
    )
    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def run(key: str, value: object, line: int, field: str, field_value: object) -> None:
        counter["n"] += 1
        manifest = dict(base_manifest, **{key: value})
        changed = [json.loads(x) for x in lines]
        changed[line][field] = field_value
        body = "".join(json.dumps(x) + "\n" for x in changed).encode()
        path = tmp_path / f"fuzz{counter['n']}.tinklas"
        path.write_bytes(repack(net.db("SAL"), net.db("VLN"), manifest, body))
        try:
            report = net.deliver(path, "VLN", dry_run=True)
        except Refused as exc:
            assert exc.text()
            return
        assert report.status in ("dry_run", "no_op", "already")

    run()
    assert fingerprint(net.db("VLN")) == before
