"""The user's preferences: one typed, frozen object saved as JSON in the config folder.

Window geometry and splitter positions are not here: they live in QSettings (ui/). A missing,
unreadable or half-written file gives the defaults and a warning in the log, never a crash:
nobody should lose the app because of a preferences file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import types
import typing
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app.i18n import LANGUAGES
from app.paths import config_dir

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Settings:
    # None: follow the system language at first start; set once the user picks one.
    language: str | None = None
    # None: the default database (TINKLAS_DB or the data folder).
    db_path: str | None = None
    # Working days an institution has to answer a proposal (Lithuanian public administration: 20).
    response_due_working_days: int = 20
    # Empty rows for walk-ins at the end of an attendance sheet.
    sheet_blank_rows: int = 10
    recent_backup_dir: str = ""
    recent_export_dir: str = ""
    recent_import_dir: str = ""
    check_duplicates_as_you_type: bool = True


# Allowed ranges; a value outside is replaced by the default (a hand-edited file, an old version).
_RANGES: dict[str, tuple[int, int]] = {
    "response_due_working_days": (1, 365),
    "sheet_blank_rows": (0, 100),
}


def settings_file() -> Path:
    return config_dir() / SETTINGS_FILE


def _allowed_types(name: str) -> tuple[type, ...]:
    hint = typing.get_type_hints(Settings)[name]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return tuple(type(None) if a is type(None) else a for a in typing.get_args(hint))
    return (hint,)


def _valid(name: str, value: Any) -> bool:
    allowed = _allowed_types(name)
    if isinstance(value, bool) and bool not in allowed:  # bool is an int to isinstance
        return False
    if not isinstance(value, allowed):
        return False
    if name == "language" and value is not None and value not in LANGUAGES:
        return False
    if name in _RANGES:
        low, high = _RANGES[name]
        return isinstance(value, int) and low <= value <= high
    return True


def from_dict(data: dict[str, Any]) -> Settings:
    """Settings from parsed JSON: unknown keys are ignored, bad values fall back to defaults."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if _valid(f.name, value):
            values[f.name] = value
        else:
            log.warning("settings: ignoring %s=%r (not a valid value)", f.name, value)
    return Settings(**values)


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("settings: cannot read %s (%s); using defaults", path, exc)
        return Settings()
    try:
        data = json.loads(text)
    except ValueError as exc:
        log.warning("settings: %s is not valid JSON (%s); using defaults", path, exc)
        return Settings()
    if not isinstance(data, dict):
        log.warning("settings: %s does not hold an object; using defaults", path)
        return Settings()
    return from_dict(data)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically: a temporary file in the same folder, then os.replace over the old one."""
    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def update_settings(**changes: Any) -> Settings:
    """Load, change some fields, save and return the new settings."""
    settings = replace(load_settings(), **changes)
    save_settings(settings)
    return settings
