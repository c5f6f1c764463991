"""Regression floors for p-values, intervals and event rates on the dev and seed gold,
scored as ../shared/gold/SCHEMA.md says (extractor.evaluate.score)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extractor.evalio import load_golds, predict_for
from extractor.evaluate import score

SHARED = Path(__file__).resolve().parents[2] / "shared"

FLOORS = {"p_values": 0.99, "intervals": 0.95, "event_rates": 0.93}
ATTR_FLOORS = {"intervals.level_accuracy": 0.90, "intervals.estimate_accuracy": 0.90, "intervals.measure_accuracy": 0.90}


@cache
def _figures(split: str) -> dict:
    gold_dir = SHARED / "gold" / split
    if not gold_dir.is_dir():
        pytest.skip(f"no gold at {gold_dir}")
    golds = load_golds(gold_dir)
    preds = predict_for(golds, SHARED)
    return score(golds, preds)[0]


@pytest.mark.parametrize("field,floor", sorted(FLOORS.items()))
def test_dev_stats_f1_floor(field: str, floor: float) -> None:
    f1 = _figures("dev")[field]["f1"]
    assert f1 >= floor, f"{field} F1 {f1} below {floor}: {_figures('dev')[field]}"


@pytest.mark.parametrize("attr,floor", sorted(ATTR_FLOORS.items()))
def test_dev_interval_attribute_floor(attr: str, floor: float) -> None:
    acc = _figures("dev")[attr]
    assert acc is not None and acc >= floor, f"{attr} {acc} below {floor}"


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_seed_stats_exact(field: str) -> None:
    fig = _figures("seeds")[field]
    assert fig["f1"] == 1.0, f"seeds {field}: {fig}"
