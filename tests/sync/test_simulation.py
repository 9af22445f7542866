"""The randomized multi-office simulation (see simulation.py). A normal run tries two hundred
seeds with three or four offices; `pytest -m slow` tries more, with up to eight offices and longer
months. A seed that ever fails is added to
REGRESSIONS so it is tried on every run from then on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.simulation import run

REGRESSIONS: list[int] = []


@pytest.mark.parametrize("seed", [*REGRESSIONS, *range(1000, 1200)])
def test_simulated_month(seed: int, tmp_path: Path) -> None:
    run(seed, tmp_path, offices=3 + seed % 2, steps=30)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5000, 5300))
def test_simulated_month_slow(seed: int, tmp_path: Path) -> None:
    run(seed, tmp_path, offices=3 + seed % 6, steps=80)
