"""RR, OR and RD recomputed from both arms' event counts, against the reported estimate.

The two counts are the two event rates nearest before the estimate in its sentence
("37.5% (42/112) in cell recipients versus 42.7% (47/110) in control patients (relative risk
[RR], 0.88 ...)"). Either arm may be the numerator: the closer orientation is used.
"""

from __future__ import annotations

import re

from extractor.checks import register
from extractor.checks.common import flag, measure_of, sentence_text
from extractor.checks.stats import half_unit, value_decimals
from extractor.records import EventRate, Flag, Interval, TrialRecord

_ADJUSTED = re.compile(
    r"\b(?:adjust\w*|multivariable|multivariate|stratified|covariates?|Mantel|weighted)\b"
    r"|\bAdj(?:OR|RR|HR|IRR)\b|\ba(?:OR|RR|HR|IRR)\b", re.I)


def arm_rates(record: TrialRecord, ci: Interval) -> tuple[EventRate, EventRate] | None:
    """The two event rates that precede ``ci`` in its sentence with no interval in between."""
    if ci.sentence is None:
        return None
    before = [r for r in record.event_rates if r.sentence == ci.sentence and r.end <= ci.start]
    before.sort(key=lambda r: r.start)
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    if any(o is not ci and a.start <= o.start < ci.start for o in record.intervals):
        return None
    if a.total <= 0 or b.total <= 0:
        return None
    return a, b


def recompute(measure: str, a: EventRate, b: EventRate, percent_units: bool) -> list[float]:
    """The measure for both orientations (a vs b, b vs a); empty when undefined."""
    p1, p2 = a.events / a.total, b.events / b.total
    out: list[float] = []
    if measure == "RR":
        if p2 > 0:
            out.append(p1 / p2)
        if p1 > 0:
            out.append(p2 / p1)
    elif measure == "OR":
        if 0 < p1 < 1 and 0 < p2 < 1:
            o = (p1 / (1 - p1)) / (p2 / (1 - p2))
            out += [o, 1 / o]
    elif measure == "RD":
        scale = 100.0 if percent_units else 1.0
        out += [(p1 - p2) * scale, (p2 - p1) * scale]
    return out


@register(
    "EFFECT_RECOMPUTE",
    "effect estimate does not match the arms' counts",
    "RR = (a/n₁)/(b/n₂); OR = [a/(n₁−a)]/[b/(n₂−b)]; RD = a/n₁ − b/n₂ (either arm as reference)",
    "the estimate's rounding interval must contain the recomputed value; a warning (info when "
    "the sentence says the estimate is adjusted: 'adjusted', 'multivariable', 'AdjOR', 'aOR', ...), "
    "since adjusted or stratified estimates differ",
    needs=("intervals",),
)
def effect_recompute(record: TrialRecord) -> list[Flag]:
    out = []
    for ci in record.intervals:
        m = measure_of(ci)
        if m not in ("RR", "OR", "RD") or ci.estimate is None:
            continue
        rates = arm_rates(record, ci)
        if rates is None:
            continue
        a, b = rates
        pct = ci.percent or (m == "RD" and abs(ci.estimate) > 1)
        cands = recompute(m, a, b, pct)
        if not cands:
            continue
        best = min(cands, key=lambda v: abs(v - ci.estimate))
        h = half_unit(value_decimals(ci.estimate, ci.text)) + 1e-9
        if abs(best - ci.estimate) <= h:
            continue
        sentence = sentence_text(record, ci.sentence) or ""
        adjusted = _ADJUSTED.search(sentence) or _ADJUSTED.search(ci.text)
        out.append(flag(
            "EFFECT_RECOMPUTE", "info" if adjusted else "warning",
            f"{m} recomputed from {a.events}/{a.total} and {b.events}/{b.total} is {best:.3g}, "
            f"but {ci.text!r} reports {ci.estimate:g} (fine if the estimate is adjusted)",
            [a, b, ci], recomputed=round(best, 4)))
    return out
