"""The randomized multi-office simulation (see simulation.py). A normal run tries a few dozen
seeds; `pytest -m slow` tries many more, with more offices. A seed that ever fails is added to
REGRESSIONS so it is tried on every run from then on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.simulation import run

REGRESSIONS: list[int] = []


@pytest.mark.parametrize("seed", [*REGRESSIONS, *range(1000, 1030)])
def test_simulated_month(seed: int, tmp_path: Path) -> None:
    run(seed, tmp_path, offices=3, steps=30)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5000, 5300))
def test_simulated_month_slow(seed: int, tmp_path: Path) -> None:
    run(seed, tmp_path, offices=3 + seed % 6, steps=80)
