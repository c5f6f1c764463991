"""A p-value against the confidence interval it belongs to.

Pairing: the p-value belongs to an interval when it sits in the same sentence and starts
within ``P_AFTER_CI_MAX`` characters after the interval ends, with no other interval in
between ("RR 0.88; 95% CI 0.64-1.21; P = 0.43"); not a p of another test, one opening the
next interval, or one shared by group values (see p_after_interval). The measure is the one
named in the interval's text or clause, else the extracted one.

The p implied by an interval (Altman & Bland, BMJ 2011;343:d2304): on the log scale for
ratios, SE = (ln U − ln L) / (2·z), z = ln(est)/SE; for differences SE = (U − L)/(2·z),
z = est/SE; z is the normal quantile of the interval's level; p = 2·(1 − Φ(|z|)).
"""

from __future__ import annotations

import itertools
import math

from extractor.checks import register
from extractor.checks.common import (
    RATIO_MEASURES,
    effect_measure,
    flag,
    named_measure,
    null_of,
    p_after_interval,
)
from extractor.checks.intervals import widened
from extractor.checks.stats import fmt, norm_p_two_sided, norm_ppf, p_interval, value_decimals
from extractor.records import Flag, Interval, PValue, TrialRecord

# recomputing p from a rounded interval with a normal approximation is rough (t-based and
# exact intervals differ): a numeric mismatch is flagged only beyond this factor
P_FACTOR = 2.0
# a significance contradiction is an error only when the implied p is this far off as well
P_FACTOR_ERROR = 3.0


def level_of(ci: Interval) -> float:
    lv = ci.level if ci.level and 50 < ci.level < 100 else 95.0
    return lv


def implied_p_range(ci: Interval, measure: str) -> tuple[float, float, float] | None:
    """(min, max, central) p implied by the interval, over the rounding corners of its numbers."""
    ratio = measure in RATIO_MEASURES
    lo_r, up_r, est_r = widened(ci)
    zc = norm_ppf(1 - (1 - level_of(ci) / 100) / 2)

    def p_of(est: float | None, lo: float, up: float) -> float | None:
        if ratio:
            if lo <= 0 or up <= 0 or up <= lo:
                return None
            se = (math.log(up) - math.log(lo)) / (2 * zc)
            e = math.log(est) if est is not None and est > 0 else (math.log(lo) + math.log(up)) / 2
        else:
            if up <= lo:
                return None
            se = (up - lo) / (2 * zc)
            e = est if est is not None else (lo + up) / 2
        return norm_p_two_sided(e / se)

    central = p_of(ci.estimate, ci.lower, ci.upper)
    if central is None:
        return None
    ests = est_r if est_r is not None else (None,)
    ps = [p_of(e, lo, up) for e, lo, up in itertools.product(ests, lo_r, up_r)]
    vals = [p for p in ps if p is not None]
    if not vals:
        return None
    pmin, pmax = min(vals), max(vals)
    null = 1.0 if ratio else 0.0
    if est_r is not None and est_r[0] <= null <= est_r[1]:
        pmax = 1.0
    return pmin, pmax, central


def ci_excludes_null(ci: Interval, null: float) -> bool | None:
    """True if the interval excludes the null whatever the rounding, False if it surely
    contains it, None when a bound sits on the null within rounding."""
    lo, up, _ = widened(ci)
    if lo[0] > null or up[1] < null:
        return True
    if lo[1] < null < up[0]:
        return False
    return None


def p_significant(p: PValue, alpha: float) -> bool | None:
    """True if the reported p is surely below alpha, False if surely not, else None."""
    if p.value <= 0 and p.comparator in ("<", "<="):
        return None  # "p < 0" is no p-value ("p < 0/001" with a slash for the decimal point)
    d = value_decimals(p.value, p.text)
    lo, hi = p_interval(p.comparator, p.value, d)
    if p.comparator in ("<", "<=") and p.value <= alpha and not (p.comparator == "<=" and p.value == alpha):
        return True
    if p.comparator == "=" and hi < alpha:
        return True
    if p.comparator in (">", ">=") and p.value >= alpha:
        return False
    if p.comparator == "=" and lo > alpha:
        return False
    return None


def pairs(record: TrialRecord):
    for ci in record.intervals:
        m = effect_measure(record, ci)
        null = null_of(m)
        if null is None or m is None:
            continue
        p = p_after_interval(record, ci)
        if p is None:
            continue
        yield ci, m, null, p


@register(
    "P_CI_SIGNIFICANCE",
    "p-value and interval disagree on significance",
    "CI at level L excludes the null (1 for ratios, 0 for differences) ⇔ p < 1 − L/100",
    "bounds widened by their rounding (a bound that may equal the null decides nothing); "
    "'P = 0.05' decides nothing; error if the p implied by the CI is also ≥3× off; the measure as "
    "named in the interval's text or clause; no pair when the p is of another test "
    "(non-inferiority, one-sided, interaction), opens the next interval or is shared by several "
    "intervals that name no measure (group values)",
    needs=("intervals",),
)
def p_ci_significance(record: TrialRecord) -> list[Flag]:
    out = []
    for ci, m, null, p in pairs(record):
        alpha = 1 - level_of(ci) / 100
        excl = ci_excludes_null(ci, null)
        sig = p_significant(p, alpha)
        if excl is None or sig is None or excl == sig:
            continue
        rng = implied_p_range(ci, m)
        severity = "warning"
        central = None
        if rng is not None:
            pmin, pmax, central = rng
            d = value_decimals(p.value, p.text)
            plo, phi = p_interval(p.comparator, p.value, d)
            # an error needs the measure named in the interval's own text: a measure inferred
            # from the sentence ("mean ... difference") may be wrong, and with it the null
            if named_measure(ci) and (pmax * P_FACTOR_ERROR < plo or (phi > 0 and pmin > phi * P_FACTOR_ERROR)):
                severity = "error"
        what = "excludes" if excl else "includes"
        claim = "significant" if sig else "not significant"
        implied = f" (the interval implies p ≈ {fmt(central)})" if central is not None else ""
        out.append(flag(
            "P_CI_SIGNIFICANCE", severity,
            f"{ci.text!r} {what} the null value {null:g}, but {p.text!r} is {claim} at "
            f"α = {alpha:g}{implied}", [ci, p], recomputed=central))
    return out


@register(
    "P_CI_MISMATCH",
    "p-value does not match its interval",
    "p = 2·(1 − Φ(|z|)), z = ln(est)/SE, SE = (ln U − ln L)/(2·z_{1−α/2}) for ratios; "
    "z = est/SE, SE = (U − L)/(2·z_{1−α/2}) for differences",
    "p implied over the rounding corners of estimate and bounds, then ×/÷ 2 for the normal "
    "approximation, must overlap the reported p's rounding interval ('<' and '>' are one-sided ranges); "
    "pairs and measures as for P_CI_SIGNIFICANCE",
    needs=("intervals",),
)
def p_ci_mismatch(record: TrialRecord) -> list[Flag]:
    out = []
    for ci, m, null, p in pairs(record):
        alpha = 1 - level_of(ci) / 100
        excl, sig = ci_excludes_null(ci, null), p_significant(p, alpha)
        if excl is not None and sig is not None and excl != sig:
            continue  # P_CI_SIGNIFICANCE reports it
        rng = implied_p_range(ci, m)
        if rng is None:
            continue
        pmin, pmax, central = rng
        d = value_decimals(p.value, p.text)
        plo, phi = p_interval(p.comparator, p.value, d)
        if pmax * P_FACTOR >= plo and pmin / P_FACTOR <= phi:
            continue
        out.append(flag(
            "P_CI_MISMATCH", "warning",
            f"{ci.text!r} implies p ≈ {fmt(central)} (range {fmt(pmin)} to {fmt(pmax)} over rounding), "
            f"but {p.text!r} is reported", [ci, p], recomputed=central))
    return out
