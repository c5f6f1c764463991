"""Regression floors on the shared gold (shared/gold/dev and seeds), scored as SCHEMA.md says.

The floors are the issues' targets; each document is extracted once per session and scored
by extractor.evaluate (which test_evaluate pins to the independent scorer).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractor.evalio import load_golds, predict_for
from extractor.evaluate import score

SHARED = Path(__file__).resolve().parents[2] / "shared"
pytestmark = pytest.mark.skipif(not (SHARED / "gold" / "dev").exists(), reason="shared/ gold not present")

# F1 floors (issue 3: statistics; issue 4: trial structure)
DEV_F1 = {
    "p_values": 0.99,
    "intervals": 0.95,
    "event_rates": 0.93,
    "arm_n": 0.85,
    "arm_label": 0.75,
    "doses": 0.75,
    "primary_endpoints": 0.75,
    "design.stated_micro": 0.90,
}
DEV_ACCURACY = {
    "intervals.level_accuracy": 0.90,
    "intervals.estimate_accuracy": 0.90,
    "intervals.measure_accuracy": 0.90,
    "sample_size.randomized": 0.85,
    "arms.count": 0.80,
}


@cache
def figures(split: str) -> dict[str, Any]:
    golds = load_golds(SHARED / "gold" / split)
    res, _ = score(golds, predict_for(golds, SHARED))
    assert res["missing_records"] == 0
    return res


@pytest.mark.parametrize("field,floor", sorted(DEV_F1.items()))
def test_dev_f1_floor(field: str, floor: float) -> None:
    v = figures("dev")[field]
    assert v["f1"] >= floor, f"{field} F1 {v['f1']} below {floor}: {v}"


@pytest.mark.parametrize("field,floor", sorted(DEV_ACCURACY.items()))
def test_dev_accuracy_floor(field: str, floor: float) -> None:
    v = figures("dev")[field]
    assert v is not None and v >= floor, f"{field} {v} below {floor}"


def test_seed_gold_is_exact_on_every_field() -> None:
    res = figures("seeds")
    below = {k: v for k, v in res.items() if k not in ("documents", "missing_records")
             and (v["f1"] if isinstance(v, dict) else v) != 1.0}
    assert not below, below
