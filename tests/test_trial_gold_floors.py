"""Regression floors on the dev/seed gold for sample size, arms and doses (scored as SCHEMA.md)."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from extractor.api import extract_file

SHARED = Path(__file__).resolve().parents[2] / "shared"
TOK = __import__("re").compile(r"[a-z0-9]+")


def _r6(x):
    if x is None or x == 0:
        return x
    return round(float(x), 5 - int(math.floor(math.log10(abs(float(x))))))


def _toks(x):
    return Counter(t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in TOK.findall((x or "").lower()))


def _f1(a, b):
    ta, tb = _toks(a), _toks(b)
    c = sum((ta & tb).values())
    return 0.0 if not c else 2 * (c / sum(ta.values())) * (c / sum(tb.values())) / (c / sum(ta.values()) + c / sum(tb.values()))


def _prf(tp, np_, ng):
    p, r = (tp / np_ if np_ else 1.0), (tp / ng if ng else 1.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def _score(gold_dir: Path) -> dict[str, float]:
    golds = sorted(gold_dir.glob("*.json"))
    acc, agg = Counter(), {k: [0, 0, 0] for k in ("arm_n", "arm_label", "doses")}
    for gf in golds:
        g = json.loads(gf.read_text())
        r = extract_file(SHARED / g["source"]).model_dump()
        acc["randomized"] += r["sample_size"]["randomized"] == g["sample_size"]["randomized"]
        ga, pa = g["arms"], r["arms"]
        acc["count"] += len(ga) == len(pa)
        gn, pn = [a["n"] for a in ga if a["n"] is not None], [a["n"] for a in pa if a["n"] is not None]
        agg["arm_n"] = [agg["arm_n"][0] + sum((Counter(pn) & Counter(gn)).values()), agg["arm_n"][1] + len(pn), agg["arm_n"][2] + len(gn)]
        used, tp = set(), 0
        for ga_ in ga:
            best = max(((i, _f1(p["label"], ga_["label"])) for i, p in enumerate(pa) if i not in used), key=lambda t: t[1], default=None)
            if best and best[1] >= 0.5:
                used.add(best[0])
                tp += 1
        agg["arm_label"] = [agg["arm_label"][0] + tp, agg["arm_label"][1] + len(pa), agg["arm_label"][2] + len(ga)]
        gd = [(_r6(d["value"]), (d["unit"] or "").lower()) for a in ga for d in a["doses"] if d["value"] is not None]
        pd = [(_r6(d["value"]), (d["unit"] or "").lower()) for a in pa for d in a["doses"] if d["value"] is not None]
        agg["doses"] = [agg["doses"][0] + sum((Counter(pd) & Counter(gd)).values()), agg["doses"][1] + len(pd), agg["doses"][2] + len(gd)]
    n = len(golds)
    out = {"randomized": acc["randomized"] / n, "count": acc["count"] / n}
    out.update({k: _prf(*v) for k, v in agg.items()})
    return out


@pytest.mark.skipif(not (SHARED / "gold" / "seeds").is_dir(), reason="shared gold not available")
def test_seed_gold_is_exact_for_sample_size_arms_and_doses() -> None:
    s = _score(SHARED / "gold" / "seeds")
    assert s == {"randomized": 1.0, "count": 1.0, "arm_n": 1.0, "arm_label": 1.0, "doses": 1.0}


# Floors sit just under the measured figures so a regression fails; raise them as rules improve.
DEV_FLOORS = {"randomized": 0.92, "count": 0.81, "arm_n": 0.86, "arm_label": 0.79, "doses": 0.81}


@pytest.mark.skipif(not (SHARED / "gold" / "dev").is_dir(), reason="shared gold not available")
def test_dev_gold_floors() -> None:
    s = _score(SHARED / "gold" / "dev")
    low = {k: round(v, 3) for k, v in s.items() if v < DEV_FLOORS[k]}
    assert not low, f"below floor: {low} (floors {DEV_FLOORS})"
