"""What every tab and dialog gets through its constructor: the database, the bus, the jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.db import Database
from ui.bus import Bus

if TYPE_CHECKING:
    from ui.jobs import Jobs


@dataclass
class AppContext:
    db: Database
    bus: Bus
    jobs: Jobs
