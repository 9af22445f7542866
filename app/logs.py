"""Logging to a rotating file in the user's log folder (and warnings to stderr)."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.paths import log_dir

LOG_FILE = "tinklas.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

# Marks the handlers this module installed, so that a second call replaces them (tests change
# TINKLAS_LOG_DIR between calls) instead of adding duplicates.
_OURS = "_tinklas_handler"


def log_file() -> Path:
    return log_dir() / LOG_FILE


def setup_logging(level: int | str = logging.INFO, *, console: bool = True) -> Path:
    """Send the root logger to tinklas.log (1 MB x 5) and, for warnings, to stderr."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()
    path = log_file()
    try:
        file_handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError as exc:  # a read-only or full disk must not stop the app
        print(f"tinklas: cannot write the log file {path}: {exc}", file=sys.stderr)
        file_handler = logging.NullHandler()
    file_handler.setFormatter(logging.Formatter(FORMAT))
    setattr(file_handler, _OURS, True)
    root.addHandler(file_handler)
    if console and sys.stderr is not None:  # no stderr in a windowed (pythonw) build
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        setattr(stream, _OURS, True)
        root.addHandler(stream)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path
