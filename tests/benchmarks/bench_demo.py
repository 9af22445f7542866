"""Demo data generation: seconds for 2,000 and 100,000 people, against plain sqlite3.

The baseline, measured in the same run on the same machine, inserts the same number of people
rows (the very rows the demo made, into a table with the same columns and indexes) with one
sqlite3 executemany. The demo does far more (organisations, events, attendance, certificates,
cases, one change-log row per record, search and sort keys), so the ratio says what all that
costs per person; the budget is the brief's: 100,000 people within a minute.

    python tests/benchmarks/bench_demo.py [SIZE ...]
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT  # noqa: F401 - puts the project on sys.path

BUDGET_S = {100_000: 60.0}


def _baseline(demo_path: Path, work: Path) -> float:
    """Seconds for sqlite3 to executemany the demo's people rows into a fresh, indexed table."""
    src = sqlite3.connect(demo_path)
    ddl = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'people' AND sql IS NOT NULL "
        "ORDER BY type DESC")]  # the table, then its indexes
    cursor = src.execute("SELECT * FROM people")
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    src.close()
    dst = sqlite3.connect(work / "baseline.sqlite")
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=NORMAL")
    from app.demo.context import DEMO_CACHE_KIB

    dst.execute(f"PRAGMA cache_size=-{DEMO_CACHE_KIB}")  # the page cache the demo writes with
    for sql in ddl:
        dst.execute(sql)
    insert = f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    started = time.perf_counter()
    with dst:
        dst.executemany(insert, rows)
    seconds = time.perf_counter() - started
    dst.close()
    return seconds


def bench(size: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="tinklas-bench-demo-") as tmp:
        work = Path(tmp)
        for var in ("TINKLAS_DATA_DIR", "TINKLAS_CONFIG_DIR", "TINKLAS_LOG_DIR"):
            os.environ[var] = str(work / var.lower())
        from app.db import Database
        from app.demo import generate

        path = work / "demo.sqlite"
        db = Database.open(path)
        started, cpu = time.perf_counter(), time.process_time()
        summary = generate(db, size=size)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        db.dispose()
        baseline = _baseline(path, work)
    budget = BUDGET_S.get(size)
    ok = budget is None or seconds <= budget
    verdict = f"budget {budget:.0f} s {'OK' if ok else 'OVER'}" if budget else ""
    # CPU seconds beside the wall time: on a machine that others share, the wall time of one
    # run says little, the CPU time says what the demo itself costs.
    print(f"demo {size:>7,} people ({summary.total:>7,} records)  {seconds:7.2f} s "
          f"(cpu {cpu:6.2f} s)   "
          f"sqlite3 executemany {size:,} people rows {baseline:6.2f} s   "
          f"ratio {seconds / baseline:6.1f}   {verdict}")
    return ok


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [2000, 100_000]
    results = [bench(size) for size in sizes]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
