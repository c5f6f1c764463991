"""Comparisons as meta-analysis rows: one row per comparison, ready for metafor, RevMan, PyMARE.

``yi`` and ``vi`` are on the analysis scale (natural log for ratio measures, raw for
differences); ``vi_method`` says how ``vi`` was obtained, and ``derived``/``derivation`` carry
any per-arm value that was implied rather than stated. Sources, in order of preference:

1. the reported estimate and confidence interval of the wanted measure:
   ratios ``yi = ln(est)``, ``vi = ((ln(u) - ln(l)) / (2 z))^2``; differences
   ``yi = est``, ``vi = ((u - l) / (2 z))^2`` (z for the interval's level; 95% if unstated);
2. 2x2 counts (events/total per arm): OR ``vi = 1/a + 1/b + 1/c + 1/d``; RR
   ``vi = 1/a - 1/n1 + 1/c - 1/n2``; RD ``vi = p1(1-p1)/n1 + p2(1-p2)/n2``; 0.5 is added to
   every cell when one cell is 0;
3. means and SDs with arm sizes: MD ``yi = m1 - m2``, ``vi = sd1^2/n1 + sd2^2/n2``;
4. a ratio estimate with an exact P: ``se = |ln(est)| / z(P/2)``.

Pure arithmetic: no PyMARE here (see :mod:`extractor.meta` for pooling).
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

from extractor.records import Comparison, TrialRecord

RATIO = {"RR", "OR", "HR", "IRR"}
DIFF = {"MD", "RD", "SMD"}

META_COLUMNS = [
    "study", "outcome", "intervention", "comparator",
    "ai", "n1i", "ci", "n2i", "m1i", "sd1i", "m2i", "sd2i",
    "measure", "estimate", "lower", "upper", "level", "p_value",
    "yi", "vi", "sei", "vi_method", "derived", "derivation",
    "significant", "direction", "evidence", "start", "end", "source",
]


def z_for(level: float | None) -> float:
    """Two-sided normal quantile for a confidence level in percent (95 -> 1.959964)."""
    lv = (level or 95.0) / 100.0
    return NormalDist().inv_cdf(1 - (1 - lv) / 2)


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def counts(c: Any) -> tuple[int, int, int, int] | None:
    """(events, total) of the intervention arm, then of the comparator arm, when both are known."""
    iv, cv = _get(c, "intervention_values"), _get(c, "comparator_values")
    vals = (_get(iv, "events"), _get(iv, "total"), _get(cv, "events"), _get(cv, "total"))
    if any(v is None for v in vals):
        return None
    a, n1, cc, n2 = (int(v) for v in vals)
    if n1 <= 0 or n2 <= 0 or a > n1 or cc > n2 or a < 0 or cc < 0:
        return None
    return a, n1, cc, n2


def from_ci(measure: str, estimate: float | None, lower: float, upper: float, level: float | None) -> tuple[float, float, str] | None:
    z = z_for(level)
    lv = f"{level:g}" if level else "95 (assumed)"
    if measure in RATIO:
        if lower <= 0 or upper <= 0 or (estimate is not None and estimate <= 0):
            return None
        yi = math.log(estimate) if estimate is not None else (math.log(lower) + math.log(upper)) / 2
        vi = ((math.log(upper) - math.log(lower)) / (2 * z)) ** 2
        how = f"from CI: ((ln(u)-ln(l))/(2*z))^2, z={z:.4f} for a {lv}% CI"
        if estimate is None:
            how += "; yi = midpoint of ln(l), ln(u)"
        return yi, vi, how
    if measure in DIFF:
        yi = estimate if estimate is not None else (lower + upper) / 2
        vi = ((upper - lower) / (2 * z)) ** 2
        how = f"from CI: ((u-l)/(2*z))^2, z={z:.4f} for a {lv}% CI"
        if estimate is None:
            how += "; yi = midpoint of l, u"
        return yi, vi, how
    return None


def from_counts(measure: str, a: int, n1: int, c: int, n2: int) -> tuple[float, float, str] | None:
    b, d = n1 - a, n2 - c
    cc = ""
    if measure in ("OR", "RR") and 0 in (a, b, c, d):
        if a + c == 0 or b + d == 0:
            return None  # no events (or no non-events) in either arm: no information on a ratio
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
        cc = " (0.5 added to every cell: a cell was 0)"
    if measure == "OR":
        return math.log((a * d) / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d, "from 2x2 counts: 1/a+1/b+1/c+1/d" + cc
    if measure == "RR":
        m1, m2 = a + b, c + d
        return (math.log((a / m1) / (c / m2)), 1 / a - 1 / m1 + 1 / c - 1 / m2,
                "from 2x2 counts: 1/a-1/n1+1/c-1/n2" + cc)
    if measure == "RD":
        p1, p2 = a / n1, c / n2
        return p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2, "from 2x2 counts: p1(1-p1)/n1+p2(1-p2)/n2"
    return None


def from_means(c: Any) -> tuple[float, float, str] | None:
    iv, cv = _get(c, "intervention_values"), _get(c, "comparator_values")
    m1, s1, n1 = _get(iv, "mean"), _get(iv, "sd"), _get(iv, "total")
    m2, s2, n2 = _get(cv, "mean"), _get(cv, "sd"), _get(cv, "total")
    if None in (m1, s1, n1, m2, s2, n2) or not n1 or not n2:
        return None
    return m1 - m2, s1 ** 2 / n1 + s2 ** 2 / n2, "from means and SDs: sd1^2/n1+sd2^2/n2"


def from_p(measure: str, estimate: float, p: float) -> tuple[float, float, str] | None:
    if measure not in RATIO or estimate <= 0 or estimate == 1 or not 0 < p < 1:
        return None
    z = NormalDist().inv_cdf(1 - p / 2)
    se = abs(math.log(estimate)) / z
    return math.log(estimate), se ** 2, f"from estimate and exact P: se = |ln(est)|/z, z={z:.4f} for P={p:g}"


def effect(c: Any, measure: str | None = None) -> tuple[str | None, float | None, float | None, str | None]:
    """(measure, yi, vi, vi_method) of a comparison, in ``measure`` if given (else as reported;
    counts alone give an OR)."""
    reported = _get(c, "measure")
    est, lo, up, lvl = (_get(c, k) for k in ("estimate", "lower", "upper", "level"))
    want = measure or reported
    if want is None:
        if counts(c):
            want = "OR"
        elif from_means(c):
            want = "MD"
    if want is None:
        return None, None, None, None
    if reported == want and lo is not None and up is not None:
        r = from_ci(want, est, lo, up, lvl)
        if r:
            return want, *r
    cnt = counts(c)
    if cnt and want in ("OR", "RR", "RD"):
        r = from_counts(want, *cnt)
        if r:
            return want, *r
    if want == "MD":
        r = from_means(c)
        if r:
            return want, *r
    p, pc = _get(c, "p_value"), _get(c, "p_comparator")
    if reported == want and est is not None and p is not None and pc == "=":
        r = from_p(want, est, p)
        if r:
            return want, *r
    return want, None, None, None


def _derivation(c: Any) -> tuple[bool, str | None]:
    notes = []
    if _get(c, "derived") and _get(c, "derivation"):
        notes.append(_get(c, "derivation"))
    for side in ("intervention_values", "comparator_values"):
        v = _get(c, side)
        if _get(v, "derived"):
            notes.append(f"{side.split('_')[0]}: {_get(v, 'derivation')}")
    return bool(notes) or bool(_get(c, "derived")), "; ".join(notes) or None


def _one_line(s: str | None) -> str | None:
    """A verbatim phrase on one line: hard-wrapped sources put newlines inside sentences, and a
    CSV cell with a newline breaks line-based tools (the offsets still point at the original)."""
    return " ".join(s.split()) if s else s


def meta_row(c: Comparison | dict, study: str, source: str | None = None, measure: str | None = None) -> dict[str, Any]:
    m, yi, vi, how = effect(c, measure)
    iv, cv = _get(c, "intervention_values"), _get(c, "comparator_values")
    derived, derivation = _derivation(c)
    return {
        "study": study,
        "outcome": _one_line(_get(c, "outcome")),
        "intervention": _one_line(_get(c, "intervention")),
        "comparator": _one_line(_get(c, "comparator")),
        "ai": _get(iv, "events"), "n1i": _get(iv, "total"), "ci": _get(cv, "events"), "n2i": _get(cv, "total"),
        "m1i": _get(iv, "mean"), "sd1i": _get(iv, "sd"), "m2i": _get(cv, "mean"), "sd2i": _get(cv, "sd"),
        "measure": m,
        "estimate": _get(c, "estimate"), "lower": _get(c, "lower"), "upper": _get(c, "upper"),
        "level": _get(c, "level"), "p_value": _get(c, "p_value"),
        "yi": yi, "vi": vi, "sei": math.sqrt(vi) if vi is not None else None, "vi_method": how,
        "derived": derived, "derivation": derivation,
        "significant": _get(c, "significant"), "direction": _get(c, "direction"),
        "evidence": _one_line(_get(c, "text")), "start": _get(c, "start"), "end": _get(c, "end"), "source": source,
    }


def meta_rows(record: TrialRecord | dict, measure: str | None = None) -> list[dict[str, Any]]:
    """One row per comparison of a record (a model or its JSON form), columns :data:`META_COLUMNS`."""
    study = _get(record, "id")
    source = _get(record, "source")
    return [meta_row(c, study, source, measure) for c in (_get(record, "comparisons") or [])]
