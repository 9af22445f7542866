"""Writing files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.errors import UserError
from app.i18n import N_


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write to a temporary name beside the target, flush to disk, then rename into place."""
    target = Path(path).expanduser().resolve()
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise UserError(N_("Could not write {path}: {reason}"), path=str(target),
                        reason=exc.strerror or str(exc)) from exc
    return target
