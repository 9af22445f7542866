"""What several lists share: offices as filter choices and office codes for the rows."""

from __future__ import annotations

from app.db import Database


def offices(db: Database) -> list[tuple[str, str]]:
    """Every office as a filter choice: "SAL – Šalčininkų biuras"."""
    rows = db.plain().rows("SELECT id, code, name FROM offices WHERE NOT deleted ORDER BY code")
    return [(i, f"{c} – {n}" if n else c) for i, c, n in rows]


def office_codes(db: Database) -> dict[str, str]:
    return dict(db.plain().rows("SELECT id, code FROM offices"))
