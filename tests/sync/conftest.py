"""Exchange tests start from a network built once per session (a coordinator and two offices
that have joined and swapped their first files) and copied for each test."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from app.db import Database
from tests.sync.network import Net, make_network

_TEMPLATE: Path | None = None


def _template() -> Path:
    global _TEMPLATE
    if _TEMPLATE is None:
        root = Path(tempfile.mkdtemp(prefix="tinklas-net-"))
        net = make_network(root)
        for db in net.dbs.values():
            db.dispose()
        _TEMPLATE = root
    return _TEMPLATE


@pytest.fixture
def net(tmp_path: Path) -> Net:
    template = _template()
    copy = Net(tmp_path)
    for code in ("VLN", "SAL", "VIS"):
        shutil.copyfile(template / f"{code}.sqlite", tmp_path / f"{code}.sqlite")
        copy.dbs[code] = Database.open(tmp_path / f"{code}.sqlite")
    yield copy
    for db in copy.dbs.values():
        db.dispose()
