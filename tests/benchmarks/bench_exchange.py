"""Exchange speed: export and import of a file that creates 100,000 people, each against plain
sqlite3 writing the same rows (the people and their change-log rows) into the same database in
one transaction, in the same run (budget 5x), with the ratio against a bare table printed beside
it; the import's peak memory (budget 300 MB); the file's size per 10,000 changes.

    python tests/benchmarks/bench_exchange.py [N]
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

# Peak memory is the child's own high-water mark (VmHWM): on Linux, ru_maxrss survives exec and
# would report the parent's size at the fork, not the import's.
CHILD = """
import resource, sys, time
from app.db import Database
from app.sync.importer import import_file
db = Database.open(sys.argv[1])
t = time.perf_counter()
r = import_file(db, sys.argv[2], backup=False, precheck=False)
elapsed = time.perf_counter() - t
try:
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    peak_kb = int(status.split()[0])
except (OSError, IndexError):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(elapsed, r.status, peak_kb)
"""


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    root = Path(tempfile.mkdtemp(prefix="tinklas-bench-ex-"))
    try:
        return _run(n, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)  # a 100,000-people run leaves 600 MB


def _run(n: int, root: Path) -> int:
    os.environ.update(TINKLAS_DATA_DIR=str(root / "data"), TINKLAS_CONFIG_DIR=str(root / "c"),
                      TINKLAS_LOG_DIR=str(root / "l"))
    sys.path.insert(0, str(ROOT))
    from app.models import Person
    from app.sync.changelog import bulk_insert
    from app.sync.export import export
    from tests.sync.network import make_network

    net = make_network(root, ("SAL",))
    office = net.db("SAL")
    rows = [{"first_name": f"Vardas{i}", "last_name": f"Pavardenis{i}", "email":
             f"v{i}@example.lt", "phone": f"+370 6{i:07d}", "city": "Šalčininkai"}
            for i in range(n)]
    with office.session() as s:
        for i in range(0, n, 10_000):
            bulk_insert(s, Person, [dict(r) for r in rows[i:i + 10_000]])
    del rows
    t = time.perf_counter()
    summary = export(office, root / "big.tinklas", None)
    export_ms = (time.perf_counter() - t) * 1000
    coordinator = net.db("VLN").path
    net.db("VLN").dispose()
    assert coordinator is not None
    floor_db = root / "floor.sqlite"
    shutil.copyfile(coordinator, floor_db)  # before the import, for the floor below
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, str(coordinator), str(summary.path)],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    seconds, status, maxrss_kb = out.split()
    import_ms = float(seconds) * 1000

    # For comparison: plain sqlite3, the same people rows (every column), a bare table.
    with office.reader() as s:
        cols = [c.name for c in Person.__table__.columns]
        data = [tuple(r) for r in s.execute(Person.__table__.select())]
    base_db = root / "baseline.sqlite"
    con = sqlite3.connect(base_db)
    con.execute(f"CREATE TABLE people ({', '.join(cols)})")
    t = time.perf_counter()
    with con:
        con.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(cols))})", data)
    base_ms = (time.perf_counter() - t) * 1000
    con.close()
    floor_ms = _floor(coordinator, floor_db)
    size = summary.path.stat().st_size
    print(f"exchange, {summary.changes:,} changes creating {n:,} people ({status})")
    # Budgeted against the same work: plain sqlite3 writing the rows the import writes (the
    # people and their change-log rows) into the same database, with its indexes and WAL. For
    # reading beside it, the ratio against the same people rows in a bare table (no indexes, no
    # WAL, no change log): the app's people table carries the list indexes that the 100 ms
    # list budgets need, and those cost what they cost in any writer.
    ok = report("export", export_ms, floor_ms, budget_ratio=5.0)
    ok &= report("import", import_ms, floor_ms, budget_ratio=5.0)
    print(f"{'(the same rows into a bare table)':<38} {base_ms:9.1f} ms   "
          f"export / bare {export_ms / base_ms:6.2f}   import / bare {import_ms / base_ms:6.2f}")
    peak_mb = int(maxrss_kb) / 1024
    print(f"{'import peak memory':<38} {peak_mb:9.1f} MB   budget 300 MB   "
          f"{'OK' if peak_mb <= 300 else 'OVER'}")
    print(f"{'file size per 10,000 changes':<38} {size / summary.changes * 10_000 / 1024:9.1f} KB")
    ok &= peak_mb <= 300
    return 0 if ok else 1


def _floor(imported: Path, empty: Path) -> float:
    """Milliseconds to insert, with plain sqlite3 in one transaction, the rows the import wrote
    (people and their change log) into a copy of the database as it was before the import."""
    src = sqlite3.connect(imported)
    people = src.execute("SELECT * FROM people").fetchall()
    log_cols = [r[1] for r in src.execute("PRAGMA table_info(change_log)") if r[1] != "id"]
    log = src.execute(f"SELECT {', '.join(log_cols)} FROM change_log "
                      "WHERE table_name = 'people'").fetchall()
    src.close()
    con = sqlite3.connect(empty)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
        con.execute(f"PRAGMA {pragma}")
    t = time.perf_counter()
    with con:
        con.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(people[0]))})", people)
        con.executemany(f"INSERT INTO change_log ({', '.join(log_cols)}) VALUES "
                        f"({', '.join('?' * len(log_cols))})", log)
    ms = (time.perf_counter() - t) * 1000
    con.close()
    return ms


if __name__ == "__main__":
    raise SystemExit(main())
