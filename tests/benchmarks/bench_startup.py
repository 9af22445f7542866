"""Start to a usable main window on a demo database of 2,000 people, against a bare PySide6
window in the same run (budget 3x). Each start is a fresh process, timed from launch to the
window shown and its first tab filled, then quit."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from common import ROOT, demo_db, report

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTableView
app = QApplication([])
w = QMainWindow(); tabs = QTabWidget(); tabs.addTab(QTableView(), "x"); w.setCentralWidget(tabs)
w.resize(1200, 800); w.show(); app.processEvents()
"""

# The same bare window after importing SQLAlchemy's ORM with Tinklas's models and configuring
# the mappers: the part of the start-up that the fixed choice of an ORM costs before any query.
ORM_FLOOR = BARE + """
import sqlalchemy.orm
import app.models
sqlalchemy.orm.configure_mappers()
"""

TINKLAS = """
import sys
from ui.launch import create_app
from app.db import Database
from app.settings import load_settings
from ui.bus import Bus
from ui.context import AppContext
from ui.jobs import Jobs
from ui.qt_i18n import apply_language
app = create_app([])
bus = Bus()
apply_language(app, "lt", bus=bus, save=False)
db = Database.open(sys.argv[1])
ctx = AppContext(db, bus, Jobs(app))
from ui.main_window import MainWindow
w = MainWindow(ctx, remember=False)
w.resize(1200, 800); w.show(); app.processEvents()
"""


def _start(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000


def main() -> int:
    path = demo_db(2000)
    _start(BARE), _start(TINKLAS, str(path))  # warm the disk cache
    bare = statistics.median(_start(BARE) for _ in range(5))
    floor = statistics.median(_start(ORM_FLOOR) for _ in range(5))
    app = statistics.median(_start(TINKLAS, str(path)) for _ in range(5))
    print("start-up to a usable window, 2,000 people, median of 5 fresh processes")
    report("bare window + ORM and models (floor)", floor, bare)
    return 0 if report("Tinklas main window", app, bare, budget_ratio=3.0) else 1


if __name__ == "__main__":
    raise SystemExit(main())
