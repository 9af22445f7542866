"""Guided resynchronisation after an office restored an old backup (or a laptop was cloned).

The coordinator writes a full file for the office (`tinklas export --for CODE --full`). The office
opens it with `resync`: its database takes a new instance id, gets back every change of its own
that the coordinator holds (local changes made since the backup that reuse a number are
renumbered, so both are kept), and its next files name the full file they were resynchronised
from, which tells the coordinator to accept the new identity. Nothing is lost on either side.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from app.db import Database
from app.i18n import N_
from app.models import LocalState
from app.sync.importer import ImportReport, import_file
from app.sync.reading import Refused, open_file


def resync(db: Database, path: str | Path) -> ImportReport:
    opened = open_file(db, Path(path))
    if opened.manifest.get("kind") != "full":
        raise Refused(N_("Resynchronising needs a full file from the coordinator "
                         "(export --full)."))
    with db.session() as s:
        instance = s.get(LocalState, "instance_id")
        assert instance is not None
        instance.text_value = str(uuid.uuid4())
        ref = s.get(LocalState, "resync_of")
        if ref is None:
            s.add(LocalState(key="resync_of", text_value=opened.manifest["package_id"]))
        else:
            ref.text_value = opened.manifest["package_id"]
    return import_file(db, path)
