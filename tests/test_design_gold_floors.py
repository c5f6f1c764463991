"""Regression floors on the shared dev and seed gold: design F1 over stated values and
primary-endpoint F1, scored the way ../shared/tools/score.py scores them."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from extractor.api import extract_file

SHARED = Path(__file__).resolve().parents[2] / "shared"
DESIGN_FLOOR = 0.90
ENDPOINT_FLOOR = 0.75
KEYS = ("randomized", "blinding", "phase", "allocation_ratio")
_TOK = re.compile(r"[a-z0-9]+")


def _toks(x: str) -> Counter:
    return Counter(t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in _TOK.findall(x.lower()))


def _tok_f1(a: str, b: str) -> float:
    ta, tb = _toks(a), _toks(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _f1(tp: int, npred: int, ngold: int) -> float:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _score(gold_dir: Path) -> tuple[float, float]:
    d = [0, 0, 0]
    e = [0, 0, 0]
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text("utf-8"))
        rec = extract_file(SHARED / g["source"].removeprefix("../shared/"))
        for k in KEYS:
            pv, gv = getattr(rec.design, k), g["design"][k]
            d[0] += pv is not None and pv == gv
            d[1] += pv is not None
            d[2] += gv is not None
        gold_p = [x["text"] for x in g["endpoints"] if x["kind"] == "primary"]
        pred_p = [x.text for x in rec.endpoints if x.kind == "primary"]
        used: set[int] = set()
        for gt in gold_p:
            best, bi = 0.0, None
            for i, pt in enumerate(pred_p):
                if i not in used and (s := _tok_f1(pt, gt)) > best:
                    best, bi = s, i
            if bi is not None and best >= 0.5:
                used.add(bi)
                e[0] += 1
        e[1] += len(pred_p)
        e[2] += len(gold_p)
    return _f1(*d), _f1(*e)


@pytest.mark.parametrize("split", ["dev", "seeds"])
def test_design_and_endpoint_floors(split: str) -> None:
    gold = SHARED / "gold" / split
    if not gold.is_dir():
        pytest.skip(f"no shared gold at {gold}")
    design_f1, endpoint_f1 = _score(gold)
    floor_d, floor_e = (1.0, 1.0) if split == "seeds" else (DESIGN_FLOOR, ENDPOINT_FLOOR)
    assert design_f1 >= floor_d, f"design stated-value F1 {design_f1:.3f} < {floor_d}"
    assert endpoint_f1 >= floor_e, f"primary endpoint F1 {endpoint_f1:.3f} < {floor_e}"
