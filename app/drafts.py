"""Drafts of forms being filled in, so that no entered data is lost to a crash.

A form saves what has been typed so far on every change (debounced) as a small JSON file in the
user's data folder, keyed by the kind of form and the record ("new" for a record not yet saved).
The form discards the draft when it is saved or cancelled on purpose; a draft still there when
the form opens again is offered back. Written atomically: a crash mid-write leaves the previous
draft, never half a file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from app.paths import data_dir

log = logging.getLogger(__name__)

NEW = "new"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


def drafts_dir() -> Path:
    path = data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _path(kind: str, key: str | None) -> Path:
    name = f"{_SAFE.sub('_', kind)}--{_SAFE.sub('_', key or NEW)}.json"
    return drafts_dir() / name


def save_draft(kind: str, key: str | None, data: dict[str, Any]) -> None:
    """Store `data` (JSON-able) as the draft of form `kind` for record `key` (None = new)."""
    target = _path(kind, key)
    payload = {
        "kind": kind,
        "key": key or NEW,
        "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        "data": data,
    }
    fd, tmp = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, default=str)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_draft(kind: str, key: str | None) -> dict[str, Any] | None:
    """The draft's data, or None if there is none (or it cannot be read)."""
    info = draft_info(kind, key)
    return info["data"] if info else None


def draft_info(kind: str, key: str | None) -> dict[str, Any] | None:
    """The whole stored draft: kind, key, saved_at (ISO text) and data; None if there is none."""
    path = _path(kind, key)
    if not path.exists():
        return None
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("unreadable draft %s ignored", path, exc_info=True)
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        return None
    return payload


def discard_draft(kind: str, key: str | None) -> None:
    try:
        _path(kind, key).unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove draft %s/%s", kind, key, exc_info=True)


def has_draft(kind: str, key: str | None) -> bool:
    return _path(kind, key).exists()
