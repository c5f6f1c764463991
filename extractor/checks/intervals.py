"""Interval sanity: lower <= estimate <= upper, no reversed or zero-width intervals, and a
ratio's estimate at the geometric midpoint of its CI."""

from __future__ import annotations

import math
import re

from extractor.checks import register
from extractor.checks.common import (
    RATIO_MEASURES,
    flag,
    measure_of,
    sentence_start,
    sentence_text,
    stated_measure,
)
from extractor.checks.stats import _NUM, half_unit, overlaps, value_decimals
from extractor.normalize import normalize_text
from extractor.numbers import parse_decimal
from extractor.records import Evidence, Flag, Interval, TrialRecord


def widened(ci: Interval) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float] | None]:
    """Rounding intervals of lower, upper and (if any) estimate, read at their written decimals."""
    hl = half_unit(value_decimals(ci.lower, ci.text))
    hu = half_unit(value_decimals(ci.upper, ci.text))
    lo = (ci.lower - hl, ci.lower + hl)
    up = (ci.upper - hu, ci.upper + hu)
    est = None
    if ci.estimate is not None:
        he = half_unit(value_decimals(ci.estimate, ci.text))
        est = (ci.estimate - he, ci.estimate + he)
    return lo, up, est


def written_reversed(ci: Interval) -> bool:
    """True when the interval text writes the upper bound before the lower ("1.21-0.64"),
    even if the extractor stored the bounds sorted."""
    toks = [m.group(0) for m in _NUM.finditer(ci.text)]
    if len(toks) < 2:
        return False
    vals = [parse_decimal(t) for t in toks[-2:]]
    if any(v is None for v in vals):
        return False
    first, second = (abs(v) for v in vals if v is not None)
    al, au = abs(ci.lower), abs(ci.upper)
    if al == au or {round(first, 9), round(second, 9)} != {round(al, 9), round(au, 9)}:
        return False
    # magnitudes are compared so that a range hyphen read as a minus sign does not matter
    return first != al


def _fall_by_magnitude(ci: Interval) -> bool:
    """A reversed-looking interval ordered by magnitude, both bounds negative ("declined by
    0.7% (95% CI: −0.4 to −1.0%)", "−0.43% ... 95% CI −0.32%, −0.55%"): the interval of a fall
    written from the smallest fall to the largest."""
    return measure_of(ci) not in RATIO_MEASURES and max(ci.lower, ci.upper) < 0


_NUMBER_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[;,]?\s*$")


def _number_just_before(record: TrialRecord, ci: Interval) -> float | None:
    """The number right before the interval ("= 0.13; CI 20.8–0.35"), if any."""
    text, base = sentence_text(record, ci.sentence), sentence_start(record, ci.sentence)
    if text is None or base is None or ci.start - base <= 0:
        return None
    m = _NUMBER_BEFORE.search(text[max(0, ci.start - base - 25):ci.start - base])
    return parse_decimal(m.group(1)) if m else None


def _minus_as_two(record: TrialRecord, ci: Interval) -> bool:
    """The minus sign of a bound printed as the digit 2 (a known conversion fault: "difference
    between groups = 0.13; CI 20.8–0.35" for −0.8 to 0.35): read so, the interval is in order
    and holds its estimate (read the same way if it too starts with 2). Differences only."""
    estimate = ci.estimate if ci.estimate is not None else _number_just_before(record, ci)
    if measure_of(ci) in RATIO_MEASURES or estimate is None:
        return False
    toks = [m.group(0).lstrip("-") for m in _NUM.finditer(normalize_text(ci.text))]
    if len(toks) < 2 or not toks[-2].startswith("2") or len(toks[-2]) < 2 or not toks[-2][1].isdigit():
        return False
    lo, up = parse_decimal(toks[-2][1:]), parse_decimal(toks[-1])
    if lo is None or up is None or -lo >= up:
        return False
    lo = -lo
    ests = [estimate]
    e_tok = str(estimate)
    if e_tok.startswith("2") and len(e_tok) > 1 and e_tok[1].isdigit():
        e2 = parse_decimal(e_tok[1:])
        if e2 is not None:
            ests.append(-e2)
    return any(lo <= e <= up for e in ests)


@register(
    "CI_REVERSED",
    "interval bounds reversed",
    "lower <= upper, and the lower bound is written first",
    "none: the order of two bounds does not depend on rounding; an interval of a fall written "
    "by magnitude (both bounds negative, '−0.4 to −1.0') and a minus sign printed as '2' "
    "('20.8–0.35' around 0.13) are not reversed",
    needs=("intervals",),
)
def ci_reversed(record: TrialRecord) -> list[Flag]:
    out = []
    for ci in record.intervals:
        if ci.lower > ci.upper or (ci.lower < ci.upper and written_reversed(ci)):
            if _fall_by_magnitude(ci) or _minus_as_two(record, ci):
                continue
            lo, hi = sorted((ci.lower, ci.upper))
            out.append(flag("CI_REVERSED", "error",
                            f"{ci.text!r}: the interval is written upper bound first "
                            f"(expected {lo:g} to {hi:g})", [ci]))
    return out


@register(
    "CI_ZERO_WIDTH",
    "zero-width interval",
    "lower < upper",
    "equal bounds are allowed only if rounding could hide the width; reported as a warning",
    needs=("intervals",),
)
def ci_zero_width(record: TrialRecord) -> list[Flag]:
    out = []
    for ci in record.intervals:
        if ci.lower == ci.upper:
            out.append(flag("CI_ZERO_WIDTH", "warning",
                            f"{ci.text!r}: the interval has zero width ({ci.lower:g} to {ci.upper:g})", [ci]))
    return out


# An estimate written right before an interval the extractor recorded without one
# ("OR 2.69, 95% CI 1.07-1.88"): extractors refuse an estimate outside its bounds, which
# is exactly the inconsistency to report. A measure name must precede the number, or the
# number must open the bracket that holds the interval ("1.52 (95% CI 1.08-2.15)").
_EST_BEFORE = re.compile(
    r"""(?P<label>(?:ratio|risk|HR|OR|RR|IRR|RD|MD|SMD|difference|differences|reduction)
                  \s*(?:\[[A-Za-z]+\]|\([A-Za-z]+\))?\s*(?:=|:|,|of|was|were)?\s*)?
        (?<![\d.,])(?P<est>-?\d+(?:\.\d+)?)\s*(?:%?-?\s*points?|%|mm|percentage\s+points?)?
        \s*(?P<sep>[,;:]|\(|\[)?\s*$""",
    re.X,
)
_LEVEL_FIRST = re.compile(r"^\s*\d+(?:\.\d+)?\s*%\s*(?:CI|confidence|credible)", re.I)
# numbers before an interval that are not its estimate: a p-value ("p = 0.02, 95% CI ..."),
# the second of two group values whose difference the interval is for ("8% v 29%, 95% CI
# for difference ...", "from 4.7% to 0.7% (95% CI ...)")
_P_BEFORE = re.compile(r"\bp\s*(?:[<=>≤≥]\s*)?$", re.I)
_PAIR_BEFORE = re.compile(
    r"\d\s*%?\s*(?:\(\w+\)\s*)?(?:v|vs|versus|to|and|compared\s+(?:with|to))\.?\s*$", re.I)
# "reduced by 32% (95% CI −42 to −21)", "a significant reduction in dietary glycaemic load (33
# points, 95% CI −47 to −20)": a reduction written as a positive number
_REDUCTION_BEFORE = re.compile(r"\b(?:reduc\w*|decreas\w*|declin\w*|lower\w*|fell|drop\w*)\b", re.I)


def orphan_estimate(record: TrialRecord, ci: Interval) -> tuple[float, Evidence] | None:
    text, base = sentence_text(record, ci.sentence), sentence_start(record, ci.sentence)
    if text is None or base is None or ci.estimate is not None:
        return None
    a = ci.start - base
    if not 0 < a <= len(text):
        return None
    m = _EST_BEFORE.search(text[max(0, a - 60):a])
    if not m:
        return None
    labelled = bool(m.group("label"))
    # "1.60 [1.28, 1.91]": the number opens the bracket of the interval; "1.58: 95% CI (...)",
    # "1.52 (95% CI ...)": the number is followed by the interval's level
    bracketed = m.group("sep") in ("(", "[") or (
        m.group("sep") in (",", ":", ";") and bool(_LEVEL_FIRST.match(ci.text)))
    if not (labelled or bracketed):
        return None
    off = max(0, a - 60)
    s0, e0 = off + m.start("est"), off + m.end("est")
    if _not_an_estimate(text, s0, labelled):
        return None
    ev = Evidence(text=text[s0:e0], start=base + s0, end=base + e0, section=ci.section,
                  sentence=ci.sentence, page=ci.page, rule="check:estimate_before", uncertain=not labelled)
    return float(m.group("est")), ev


def _not_an_estimate(text: str, s0: int, labelled: bool) -> bool:
    """The number at ``s0`` is read as part of something else (see _P_BEFORE, _PAIR_BEFORE):
    a unit or a denominator when a letter or '/' is glued to it ("cm5", "L-1", "14.47/17")."""
    before = text[max(0, s0 - 40):s0]
    if before[-1:].isalpha() or before[-1:] == "/":
        return True
    return _P_BEFORE.search(before) is not None or (not labelled and _PAIR_BEFORE.search(before) is not None)


def _other_scale(record: TrialRecord, ci: Interval, estimate: float, ev: Evidence) -> bool:
    """An estimate that lies inside its interval once read on the interval's scale: a percent
    beside bounds written as proportions ("98.2% (95% CI: 0.96, 1.00)"), or a reduction
    written as a positive number beside the interval of the (negative) change."""
    lo, up, _ = widened(ci)
    text, base = sentence_text(record, ev.sentence), sentence_start(record, ev.sentence)
    if text is None or base is None:
        return False
    after = text[ev.end - base:ev.end - base + 2]
    if "%" in after and "%" not in ci.text.split("CI")[-1] and abs(ci.lower) <= 1 and abs(ci.upper) <= 1 \
            and lo[0] <= estimate / 100 <= up[1]:
        return True
    before = text[max(0, ev.start - base - 60):ev.start - base]
    return estimate > 0 and lo[0] <= -estimate <= up[1] and _REDUCTION_BEFORE.search(before) is not None


@register(
    "CI_ESTIMATE_OUTSIDE",
    "estimate outside its interval",
    "lower <= estimate <= upper",
    "each number widened by half a unit of its last written decimal; a number read back from "
    "before an interval without an estimate is not taken for one when it is a p-value, a unit "
    "or denominator ('cm5', '/17'), the second of two group values ('8% v 29%, 95% CI for "
    "difference ...'), a percent beside proportions, or a reduction beside a negative interval; "
    "an estimate whose negative lies inside is only info (a reduction's size written unsigned)",
    needs=("intervals",),
)
def ci_estimate_outside(record: TrialRecord) -> list[Flag]:
    out = []
    for ci in record.intervals:
        if ci.lower > ci.upper:
            continue
        values: list[Evidence] = [ci]
        if ci.estimate is not None:
            estimate = ci.estimate
            lo, up, est = widened(ci)
        else:
            orphan = orphan_estimate(record, ci)
            if orphan is None:
                continue
            estimate, ev = orphan
            if _other_scale(record, ci, estimate, ev):
                continue
            values.append(ev)
            lo, up, _ = widened(ci)
            h = half_unit(value_decimals(estimate, ev.text))
            est = (estimate - h, estimate + h)
        assert est is not None
        if est[1] < lo[0] or est[0] > up[1]:
            side = "below" if estimate < ci.lower else "above"
            shown = ci.text if ci.estimate is not None else f"{values[-1].text} … {ci.text}"
            # an error needs the extracted estimate; a number the check read back from the
            # sentence may not be the estimate at all ("97 patients ... 95% CI 16.1-19.3")
            # (a number right after a measure name, "relative risk [RR], 1.88; 95% CI ...", is one)
            certain = not ci.uncertain and not values[-1].uncertain
            severity, note = "error" if certain else "warning", ""
            if not (-est[0] < lo[0] or -est[1] > up[1]):
                # "a between-group difference of 28% (95% CI -47 to -2)": the size of a reduction
                # written without its sign; the report is loose, the numbers agree
                severity, note = "info", f"; {-estimate:g} lies inside: a reduction's size written without its sign?"
            out.append(flag("CI_ESTIMATE_OUTSIDE", severity,
                            f"{shown!r}: estimate {estimate:g} lies {side} its interval "
                            f"{ci.lower:g} to {ci.upper:g}{note}", values))
    return out


_PERCENT_ESTIMATE = re.compile(r"^[^\d]{0,40}\d+(?:[.·]\d+)?\s*%(?!\s*(?:CI|conf|cred))", re.I)


@register(
    "CI_RATIO_MIDPOINT",
    "ratio estimate off the geometric midpoint of its CI",
    "estimate ≈ √(lower·upper) for RR, OR, HR, IRR (Wald intervals are symmetric on the log scale), "
    "where the ratio is named in the interval's text or its clause and the estimate is no percent",
    "√ over the rounding corners of both bounds must overlap the estimate's rounding interval, and "
    "the estimate be off the midpoint by ≥ 20% of the half-width (log scale); a warning, since "
    "exact or profile-likelihood intervals are legitimately asymmetric",
    needs=("intervals",),
)
def ci_ratio_midpoint(record: TrialRecord) -> list[Flag]:
    out = []
    for ci in record.intervals:
        # the ratio must be named where the interval is (the extractor may carry a measure over
        # to a rate, a median [IQR] or a number needed to treat), and a ratio is never a percent
        if stated_measure(record, ci) not in RATIO_MEASURES or ci.estimate is None or ci.percent \
                or _PERCENT_ESTIMATE.search(ci.text):
            continue
        lo, up, est = widened(ci)
        assert est is not None
        if lo[0] <= 0 or est[0] <= 0 or ci.lower > ci.upper:
            continue
        if not (lo[1] <= est[1] and est[0] <= up[1]):
            continue  # outside the interval altogether: CI_ESTIMATE_OUTSIDE says so
        mid = (math.sqrt(lo[0] * up[0]), math.sqrt(lo[1] * up[1]))
        if overlaps(mid, est):
            continue
        # a modest asymmetry (< 20% of the half-width on the log scale) is method, not error:
        # exact, profile-likelihood and score intervals (and an estimate from another model)
        # are off the Wald midpoint by 10-18% in the audited reports; the typos by 25-50%
        half = (math.log(ci.upper) - math.log(ci.lower)) / 2
        centre = math.sqrt(ci.lower * ci.upper)
        off = abs(math.log(ci.estimate) - math.log(centre))
        if half > 0 and off < 0.2 * half:
            continue
        out.append(flag("CI_RATIO_MIDPOINT", "warning",
                        f"{ci.text!r}: the geometric midpoint of {ci.lower:g} to {ci.upper:g} is "
                        f"{centre:.3g}, not the reported {ci.estimate:g}", [ci], recomputed=round(centre, 4)))
    return out
