"""Due dates as text for lists and tables, without the ORM (the cases list shows these at start)."""

from __future__ import annotations

import datetime as dt

from app.i18n import _
from app.i18n.formats import format_short_date


def overdue_text(due: dt.date) -> str:
    """A due date marked as overdue, for lists and tables that show it as text."""
    return _("{date} (overdue)").format(date=format_short_date(due))
