"""The number the status bar shows for the conflicts inbox, in plain SQL (no ORM at start-up).

The same count as `app.services.conflicts.open_count`: open conflicts, less those whose field
was edited after both sides (someone decided already), grouped as the inbox groups them (one
item per record, stamps and kind).
"""

from __future__ import annotations

from app.db import Database

OPEN_ITEMS = """
SELECT count(*) FROM (
    SELECT DISTINCT c.table_name, c.record_id, c.winning_hlc, c.losing_hlc, c.kind
    FROM conflicts c
    WHERE c.resolved_at IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM change_log l
        WHERE l.table_name = c.table_name AND l.record_id = c.record_id AND l.field = c.field
          AND l.hlc > CASE WHEN c.winning_hlc > c.losing_hlc
                           THEN c.winning_hlc ELSE c.losing_hlc END)
) AS items
"""


def open_count(db: Database) -> int:
    """How many items the conflicts inbox shows."""
    return int(db.plain().scalar(OPEN_ITEMS) or 0)
