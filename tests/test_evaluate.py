"""`trialex evaluate` scores exactly as the independent scorer (shared/tools/score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.evalio import load_golds, predict_for
from extractor.evaluate import r6, score, tok_f1

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_r6_and_token_f1() -> None:
    assert r6(0.1234567) == 0.123457 and r6(None) is None
    assert tok_f1("UC-MSC treatment group", "UC-MSC") == pytest.approx(2 * (2 / 4) * 1 / (2 / 4 + 1))
    assert tok_f1("cells", "cell") == 1.0


def test_perfect_prediction_scores_one() -> None:
    gold = {"id": "a", "design": {"randomized": True, "blinding": None, "phase": None, "crossover": False,
                                  "allocation_ratio": None},
            "sample_size": {"randomized": 40, "analyzed": None, "planned": None},
            "arms": [{"label": "placebo", "role": "control", "n": 20, "doses": []}],
            "endpoints": [], "p_values": [{"text": "P > 0.05", "comparator": ">", "value": 0.05}],
            "intervals": [], "event_rates": []}
    res, misses = score([gold], {"a": gold})
    assert res["p_values"]["f1"] == 1.0 and res["arm_n"]["f1"] == 1.0 and res["sample_size.randomized"] == 1.0
    assert not misses


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not present")
def test_same_figures_as_the_independent_scorer(tmp_path: Path) -> None:
    gold_dir = SHARED / "gold" / "seeds"
    golds = load_golds(gold_dir)
    preds = predict_for(golds, SHARED)
    pred_file = tmp_path / "preds.jsonl"
    pred_file.write_text("\n".join(json.dumps(p) for p in preds.values()) + "\n")
    ours, _ = score(golds, preds)
    theirs = json.loads(subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(gold_dir),
                                        str(pred_file), "--json"], capture_output=True, text=True, check=True).stdout)
    assert ours == theirs
