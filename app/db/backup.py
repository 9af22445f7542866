"""Consistent copies of a live database: written beside the target, then renamed into place."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from app.db.engine import sqlite_path
from app.errors import UserError
from app.i18n import N_


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def backup_to(engine: Engine, out: Path) -> Path:
    """Copy the database to `out` while other connections may be writing.

    VACUUM INTO reads one snapshot (a read transaction), so the copy is consistent whatever the
    app writes meanwhile. It goes to a temporary name first: a crash or a full disk never leaves
    a file under the final name that is not a complete database.
    """
    src = sqlite_path(str(engine.url))
    if src is None:
        raise UserError(N_("Backups of a server database are made with the server's own tools."))
    out = Path(out).expanduser().resolve()
    tmp = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(str(src), timeout=30)
        try:
            con.execute("VACUUM INTO ?", (str(tmp),))
        finally:
            con.close()
        check = sqlite3.connect(str(tmp))
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            check.close()
        if ok != "ok":
            raise UserError(N_("The backup copy did not pass its check: {detail}"), detail=ok)
        _fsync(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        _discard(tmp)
        raise UserError(
            N_("The backup could not be written: {reason}"), reason=exc.strerror or exc
        ) from exc
    except sqlite3.Error as exc:
        _discard(tmp)
        raise UserError(N_("The backup could not be written: {reason}"), reason=str(exc)) from exc
    return out
