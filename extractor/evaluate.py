"""Scoring against gold records exactly as ../shared/gold/SCHEMA.md "Scoring" says.

This mirrors the project-independent scorer (shared/tools/score.py) rule for rule, so
``trialex evaluate`` prints the same figures; ``errors()`` additionally lists every missed
and spurious item with its sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SET_FIELDS = ("p_values", "intervals", "event_rates", "arm_n", "arm_label", "doses", "primary_endpoints")
CMP_NORM = {"≤": "<=", "≥": ">=", "=<": "<=", "=>": ">=", "==": "="}
_TOK = re.compile(r"[a-z0-9]+")


def r6(x: Any) -> float | None:
    """Round to 6 significant digits (numbers compare after this)."""
    if x is None:
        return None
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, 5 - int(math.floor(math.log10(abs(x)))))


def prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": npred, "gold": ngold}


def multiset_tp(pred: Iterable, gold: Iterable) -> int:
    return sum((Counter(pred) & Counter(gold)).values())


def toks(x: str | None) -> Counter:
    """Lower-cased word tokens with a plural -s dropped."""
    return Counter(
        t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t
        for t in _TOK.findall((x or "").lower())
    )


def tok_f1(a: str | None, b: str | None) -> float:
    ta, tb = toks(a), toks(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def greedy_text_matches(pred: list, gold: list, thr: float = 0.5) -> tuple[int, list[int], list[int]]:
    """Greedy token-F1 matching; returns (tp, unmatched gold indexes, unmatched pred indexes)."""
    used: set[int] = set()
    tp = 0
    missed = []
    for gi, g in enumerate(gold):
        best, bi = 0.0, None
        for i, p in enumerate(pred):
            if i in used:
                continue
            s = tok_f1(p, g)
            if s > best:
                best, bi = s, i
        if bi is not None and best >= thr:
            used.add(bi)
            tp += 1
        else:
            missed.append(gi)
    return tp, missed, [i for i in range(len(pred)) if i not in used]


def _get(d: Any, *path: str) -> Any:
    for k in path:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _cmp(c: Any) -> str:
    return CMP_NORM.get(str(c), str(c))


@dataclass
class Miss:
    doc: str
    field: str
    kind: str  # "missed" | "spurious"
    item: str
    sentence: str | None = None


def _keys(field: str, rec: dict) -> list:
    if field == "p_values":
        return [(_cmp(x.get("comparator")), r6(x.get("value"))) for x in rec.get("p_values") or []]
    if field == "intervals":
        return [(r6(x.get("lower")), r6(x.get("upper"))) for x in rec.get("intervals") or []]
    if field == "event_rates":
        return [(x.get("events"), x.get("total")) for x in rec.get("event_rates") or []]
    if field == "arm_n":
        return [a.get("n") for a in rec.get("arms") or [] if a.get("n") is not None]
    if field == "doses":
        return [
            (r6(d.get("value")), (d.get("unit") or "").lower())
            for a in rec.get("arms") or [] for d in a.get("doses") or [] if d.get("value") is not None
        ]
    raise KeyError(field)


def score(golds: list[dict], preds: dict[str, dict]) -> tuple[dict[str, Any], list[Miss]]:
    """Score predicted records (by id) against gold records; returns (figures, misses)."""
    acc: Counter = Counter()
    agg: dict[str, list[int]] = {k: [0, 0, 0] for k in SET_FIELDS}
    attr: Counter = Counter()
    misses: list[Miss] = []
    missing = 0
    for g in golds:
        r = preds.get(g["id"])
        if r is None:
            missing += 1
            r = {}
        for field in ("p_values", "intervals", "event_rates", "arm_n", "doses"):
            pk, gk = _keys(field, r), _keys(field, g)
            tp = multiset_tp(pk, gk)
            agg[field][0] += tp
            agg[field][1] += len(pk)
            agg[field][2] += len(gk)
            if tp < max(len(pk), len(gk)):
                misses.extend(_diff(g, r, field, pk, gk))
        pi_recs = r.get("intervals") or []
        for x in g["intervals"]:
            key = (r6(x["lower"]), r6(x["upper"]))
            m = next((y for y in pi_recs if (r6(y.get("lower")), r6(y.get("upper"))) == key), None)
            if m is None:
                continue
            attr["interval_matched"] += 1
            attr["level_ok"] += r6(m.get("level")) == r6(x.get("level"))
            attr["estimate_ok"] += r6(m.get("estimate")) == r6(x.get("estimate"))
            attr["measure_ok"] += (m.get("measure") or None) == (x.get("measure") or None)
        for k in ("randomized", "analyzed", "planned"):
            pv, gv = _get(r, "sample_size", k), g["sample_size"][k]
            acc[f"sample_size.{k}"] += pv == gv
            nn = agg.setdefault(f"sample_size.{k}.stated", [0, 0, 0])
            nn[0] += pv is not None and pv == gv
            nn[1] += pv is not None
            nn[2] += gv is not None
            if pv != gv:
                misses.append(Miss(g["id"], f"sample_size.{k}", "wrong", f"predicted {pv}, gold {gv}"))
        ga, pa = g["arms"], r.get("arms") or []
        acc["arms.count"] += len(ga) == len(pa)
        tp, gm, pm = greedy_text_matches([a.get("label") for a in pa], [a["label"] for a in ga])
        agg["arm_label"][0] += tp
        agg["arm_label"][1] += len(pa)
        agg["arm_label"][2] += len(ga)
        misses += [Miss(g["id"], "arm_label", "missed", ga[i]["label"]) for i in gm]
        misses += [Miss(g["id"], "arm_label", "spurious", str(pa[i].get("label"))) for i in pm]
        gpe = [e["text"] for e in g["endpoints"] if e["kind"] == "primary"]
        ppe = [e.get("text") for e in r.get("endpoints") or [] if e.get("kind") == "primary"]
        tp, gm, pm = greedy_text_matches(ppe, gpe)
        agg["primary_endpoints"][0] += tp
        agg["primary_endpoints"][1] += len(ppe)
        agg["primary_endpoints"][2] += len(gpe)
        misses += [Miss(g["id"], "primary_endpoints", "missed", gpe[i]) for i in gm]
        misses += [Miss(g["id"], "primary_endpoints", "spurious", str(ppe[i])) for i in pm]
        for k in ("randomized", "blinding", "phase", "crossover", "allocation_ratio"):
            pv, gv = _get(r, "design", k), g["design"][k]
            if k == "phase" and pv is not None:
                pv = str(pv)
            if k == "crossover":
                pv, gv = bool(pv), bool(gv)
            acc[f"design.{k}"] += pv == gv
            if pv != gv:
                misses.append(Miss(g["id"], f"design.{k}", "wrong", f"predicted {pv}, gold {gv}"))
            if k != "crossover":
                nn = agg.setdefault(f"design.{k}.stated", [0, 0, 0])
                nn[0] += pv is not None and pv == gv
                nn[1] += pv is not None
                nn[2] += gv is not None
    d = [agg.pop(f"design.{k}.stated") for k in ("randomized", "blinding", "phase", "allocation_ratio") if f"design.{k}.stated" in agg]
    agg["design.stated_micro"] = [sum(x[i] for x in d) for i in range(3)]
    n = len(golds)
    res: dict[str, Any] = {"documents": n, "missing_records": missing}
    for k, (tp, np_, ng) in agg.items():
        res[k] = prf(tp, np_, ng)
    for k, v in sorted(acc.items()):
        res[k] = round(v / n, 4) if n else None
    m = attr["interval_matched"]
    for k in ("level_ok", "estimate_ok", "measure_ok"):
        res["intervals." + k.replace("_ok", "_accuracy")] = round(attr[k] / m, 4) if m else None
    return res, misses


def _diff(g: dict, r: dict, field: str, pk: list, gk: list) -> list[Miss]:
    out = []
    pc, gc = Counter(pk), Counter(gk)
    src = {"arm_n": "arms", "doses": "arms"}.get(field, field)
    sents = {s["index"]: s["text"] for s in r.get("sentences") or []}
    for key, cnt in (gc - pc).items():
        text = next((x.get("text") for x in g.get(src) or [] if _keys(field, {src: [x]}) == [key]), None) if src == field else None
        out += [Miss(g["id"], field, "missed", f"{key}" + (f"  «{text}»" if text else ""))] * cnt
    for key, cnt in (pc - gc).items():
        item = next((x for x in r.get(src) or [] if src == field and _keys(field, {src: [x]}) == [key]), None)
        sent = sents.get(item.get("sentence")) if item else None
        label = f"{key}" + (f"  «{item.get('text')}»" if item else "")
        out += [Miss(g["id"], field, "spurious", label, sent)] * cnt
    return out
