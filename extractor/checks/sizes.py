"""Sample sizes: per-arm n against the reported total; randomised against planned."""

from __future__ import annotations

from extractor.checks import register
from extractor.checks.common import flag
from extractor.records import Evidence, Flag, TrialRecord


def _arm_evidence(record: TrialRecord) -> list[Evidence]:
    ev: list[Evidence] = []
    for a in record.arms:
        ev.extend(a.evidence)
    return ev


@register(
    "ARM_SUM_MISMATCH",
    "per-arm n do not add up to the total randomised",
    "Σ arm.n = sample_size.randomized (every arm's n known, total stated, not derived)",
    "none: counts are exact; a warning because reports sometimes give analysed numbers per arm",
)
def arm_sum_mismatch(record: TrialRecord) -> list[Flag]:
    ss = record.sample_size
    ns = [a.n for a in record.arms]
    if ss.randomized is None or ss.derived or len(ns) < 2 or any(n is None for n in ns):
        return []
    total = sum(n for n in ns if n is not None)
    if total == ss.randomized:
        return []
    # an analysed total that matches the arms is a different (legitimate) reading
    if ss.analyzed is not None and ss.analyzed == total:
        return []
    parts = " + ".join(f"{a.n} ({a.label})" for a in record.arms)
    return [flag(
        "ARM_SUM_MISMATCH", "warning",
        f"arms sum to {parts} = {total}, but {ss.randomized} were reported randomised",
        [ss.evidence.get("randomized"), *_arm_evidence(record)], recomputed=float(total))]


@register(
    "RANDOMIZED_VS_PLANNED",
    "randomised differs from planned",
    "sample_size.randomized vs sample_size.planned",
    "any difference is reported as a note (early stopping, over-recruitment)",
)
def randomized_vs_planned(record: TrialRecord) -> list[Flag]:
    ss = record.sample_size
    if ss.randomized is None or ss.planned is None or ss.randomized == ss.planned or ss.planned <= 0:
        return []
    share = 100.0 * ss.randomized / ss.planned
    word = "short of" if ss.randomized < ss.planned else "above"
    return [flag(
        "RANDOMIZED_VS_PLANNED", "info",
        f"{ss.randomized} randomised, {word} the planned {ss.planned} ({share:.0f}% of target)",
        [ss.evidence.get("randomized"), ss.evidence.get("planned")], recomputed=round(share, 1))]


@register(
    "ANALYZED_OVER_RANDOMIZED",
    "more analysed than randomised",
    "sample_size.analyzed <= sample_size.randomized",
    "none: counts are exact; a warning because crossover and cluster units can differ",
)
def analyzed_over_randomized(record: TrialRecord) -> list[Flag]:
    ss = record.sample_size
    if ss.randomized is None or ss.analyzed is None or ss.analyzed <= ss.randomized:
        return []
    return [flag(
        "ANALYZED_OVER_RANDOMIZED", "warning",
        f"{ss.analyzed} analysed but only {ss.randomized} randomised",
        [ss.evidence.get("analyzed"), ss.evidence.get("randomized")])]
