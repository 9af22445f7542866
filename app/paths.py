"""Where Tinklas finds its own files and keeps the user's data.

One helper answers both questions, so that the app finds its resources the same way from a
checkout, an installed package and a PyInstaller bundle, and so that tests and the portable
build can redirect every folder with an environment variable.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Tinklas"
PORTABLE_MARKER = "tinklas-portable.txt"


def app_root() -> Path:
    """The folder that holds resources/, translations/ and the migrations."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file shipped with the app, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return app_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return app_root() / "translations"


def _portable_dir() -> Path | None:
    """Data beside the executable when a marker file is there (running from a USB stick)."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "TinklasData"
    return None


def _dir(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    path = Path(value) if value else default
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    portable = _portable_dir()
    default = portable if portable else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return _dir("TINKLAS_DATA_DIR", default)


def config_dir() -> Path:
    portable = _portable_dir()
    default = (
        portable / "config"
        if portable
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    return _dir("TINKLAS_CONFIG_DIR", default)


def log_dir() -> Path:
    portable = _portable_dir()
    default = (
        portable / "logs"
        if portable
        else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )
    return _dir("TINKLAS_LOG_DIR", default)


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attachments_dir() -> Path:
    path = data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """`TINKLAS_DB` if set, else tinklas.sqlite in the data folder."""
    env = os.environ.get("TINKLAS_DB")
    if env:
        return Path(env)
    return data_dir() / "tinklas.sqlite"
