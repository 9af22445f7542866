"""The window opens, on any tab, with its list filled, before SQLAlchemy is imported: the ORM
(its import, the models, the mappers) costs several times a bare PySide6 window, so start-up
reads with plain SQL and the ORM loads when first needed (DESIGN.md: start within 3x a bare
window). Each case runs in a fresh process, since the test process has the ORM loaded already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import sys
from PySide6.QtCore import QSettings
from ui.launch import create_app
from app.db import Database
from app.paths import config_dir
from ui.bus import Bus
from ui.context import AppContext
from ui.jobs import Jobs
from ui.qt_i18n import apply_language

tab = int(sys.argv[2])
store = QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
store.setValue("main/tab", tab)
store.sync()
app = create_app([])
bus = Bus()
apply_language(app, "lt", bus=bus, save=False)
db = Database.open(sys.argv[1])
ctx = AppContext(db, bus, Jobs(app))
from ui.main_window import MainWindow
w = MainWindow(ctx)
w.resize(1200, 800)
w.show()
app.processEvents()
from PySide6.QtWidgets import QTableView
current = w.current_tab()
assert w.tabs.currentIndex() == tab, w.tabs.currentIndex()
rows = max(v.model().rowCount() for v in current.findChildren(QTableView) if v.model())
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic"))
print(f"rows={rows} orm={len(loaded)} first={loaded[:3]}", flush=True)
import os
os._exit(0)  # no teardown: only what start-up loaded is under test
"""


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.db import Database
    from app.demo import generate

    path = tmp_path_factory.mktemp("start") / "demo.sqlite"
    db = Database.open(path)
    generate(db, size=120)
    db.dispose()
    return path


@pytest.mark.parametrize("tab", [0, 1, 2, 3, 4])
def test_the_first_tab_fills_without_the_orm(demo_path: Path, tab: int, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TINKLAS_CONFIG_DIR=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(demo_path), str(tab)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    line = out.stdout.strip().splitlines()[-1]
    rows = int(line.split()[0].removeprefix("rows="))
    assert rows > 0, line
    assert " orm=0 " in f" {line} ", line
