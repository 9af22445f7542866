"""Shared helpers for the benchmarks: a cached demo database and timing."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("TINKLAS_BENCH_DIR", Path.home() / ".cache" / "tinklas-bench"))


def demo_db(size: int) -> Path:
    """A demo database of `size` people, built once and reused."""
    CACHE.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TINKLAS_DATA_DIR", str(CACHE / "data"))
    os.environ.setdefault("TINKLAS_CONFIG_DIR", str(CACHE / "config"))
    os.environ.setdefault("TINKLAS_LOG_DIR", str(CACHE / "logs"))
    path = CACHE / f"demo-{size}.sqlite"
    if not path.exists():
        from app.db import Database
        from app.demo import generate

        t = time.perf_counter()
        tmp = path.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        db = Database.open(tmp)
        generate(db, size=size)
        db.dispose()
        tmp.rename(path)
        print(f"built {path.name} in {time.perf_counter() - t:.1f} s")
    return path


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of `fn` in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def report(name: str, ms: float, baseline_ms: float, budget_ms: float | None = None,
           budget_ratio: float | None = None) -> bool:
    ratio = ms / baseline_ms if baseline_ms else float("inf")
    ok = (budget_ms is None or ms <= budget_ms) and (budget_ratio is None or ratio <= budget_ratio)
    if budget_ms is None and budget_ratio is None:  # a figure for context, not a budget
        print(f"{name:<38} {ms:9.1f} ms   baseline {baseline_ms:8.1f} ms   ratio {ratio:6.2f}")
        return True
    budget = f"budget {budget_ms:.0f} ms" if budget_ms else f"budget {budget_ratio:.1f}x"
    print(f"{name:<38} {ms:9.1f} ms   baseline {baseline_ms:8.1f} ms   ratio {ratio:6.2f}   "
          f"{budget}   {'OK' if ok else 'OVER'}")
    return ok
