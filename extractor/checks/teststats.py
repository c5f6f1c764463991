"""APA test statistics: p recomputed from t, F, χ², z (and r) with their df, after statcheck
(Nuijten et al. 2016; R/error_test.R).

statcheck's rules: the test statistic is widened to its rounding interval (t = 2.1 admits
[2.05, 2.15]) and the reported p to its own ("p = .04" admits [.035, .045]; "p < .05" is
[0, .05]); a one-tailed test is accepted when the report says so and p matches half the
two-tailed p; a mismatch that changes the decision at α = .05 is a decision error.
"""

from __future__ import annotations

import re

from extractor.checks import register
from extractor.checks.common import flag, local_text, sentence_start, sentence_text
from extractor.checks.stats import fmt, p_from_statistic, p_interval, rounding_interval, value_decimals
from extractor.records import Flag, TestStatistic, TrialRecord

ALPHA = 0.05
_ONE_TAILED = re.compile(r"\b(?:one-?\s?tailed|one-?\s?sided|directional)\b", re.I)


def recomputed_range(t: TestStatistic, df1: float | None = None) -> tuple[float, float, float] | None:
    """(min, max, central) p over the rounding interval of the statistic (``df1``: in place of
    the statistic's own)."""
    df1 = t.df1 if df1 is None else df1
    central = p_from_statistic(t.test, t.value, df1, t.df2)
    if central is None:
        return None
    d = value_decimals(t.value, t.text)
    lo, hi = rounding_interval(abs(t.value), d)
    ps = [p_from_statistic(t.test, v, df1, t.df2) for v in (max(lo, 0.0), hi)]
    vals = [p for p in ps if p is not None]
    return min(vals), max(vals), central


def _check(t: TestStatistic, one_tailed: bool) -> tuple[bool, bool, float] | None:
    """(consistent, decision_error, recomputed p)."""
    if t.p_value is None or t.p_comparator is None or t.comparator != "=":
        return None
    rng = recomputed_range(t)
    if rng is None:
        return None
    pmin, pmax, central = rng
    d = value_decimals(t.p_value, t.text)
    plo, phi = p_interval(t.p_comparator, t.p_value, d)
    if t.p_comparator == "=" and t.p_value == 0:
        plo, phi = 0.0, 0.5 * 10.0 ** (-max(d, 3))  # "p = .000" means p < .001 (statcheck)
    ranges = [(pmin, pmax)]
    if one_tailed and t.test in ("t", "z", "r"):
        ranges.append((pmin / 2, pmax / 2))
    # "r (17) = −0.20, p = 0.44": reports often write n, not its df n − 2, after r
    if t.test == "r" and t.df1 and t.df1 > 3:
        alt = recomputed_range(t, t.df1 - 2)
        if alt is not None:
            ranges.append(alt[:2])
    if any(lo <= phi and plo <= hi for lo, hi in ranges):
        return True, False, central
    reported_sig = phi < ALPHA or (t.p_comparator in ("<", "<=") and t.p_value <= ALPHA)
    reported_ns = plo > ALPHA or (t.p_comparator in (">", ">=") and t.p_value >= ALPHA)
    comp_sig = all(hi < ALPHA for _, hi in ranges)
    comp_ns = all(lo > ALPHA for lo, _ in ranges)
    decision = (reported_sig and comp_ns) or (reported_ns and comp_sig)
    return False, decision, central


def _p_cut_short(record: TrialRecord, t: TestStatistic) -> bool:
    """The p was read from a malformed number and cut short: "p = .0.018" read as p = .0,
    the rest of the number right after the statistic's text."""
    text, base = sentence_text(record, t.sentence), sentence_start(record, t.sentence)
    if text is None or base is None:
        return False
    return re.match(r"\.?\d", text[t.end - base:t.end - base + 2]) is not None


@register(
    "TESTSTAT_P",
    "p does not match its test statistic",
    "p = 2·P(T_df > |t|); P(F_{df1,df2} > F); P(χ²_df > x); 2·(1 − Φ(|z|))",
    "statistic and p each widened by their rounding (statcheck); half p accepted for stated "
    "one-tailed tests; for r, df = n − 2 also tried ('r (17)' often gives n); a p cut short "
    "by a malformed number ('p = .0.018') is not checked; warning, or error when the decision "
    "at α = .05 flips",
    needs=("test_statistics",),
)
def teststat_p(record: TrialRecord) -> list[Flag]:
    out = []
    for t in record.test_statistics:
        if _p_cut_short(record, t):
            continue
        one_tailed = bool(_ONE_TAILED.search(local_text(record, t)))
        res = _check(t, one_tailed)
        if res is None or res[0]:
            continue
        _, decision, central = res
        df = ", ".join(f"{d:g}" for d in (t.df1, t.df2) if d is not None)
        name = {"chi2": "χ²"}.get(t.test, t.test)
        msg = (f"{t.text!r}: {name}({df}) = {t.value:g} gives p = {fmt(central)}, "
               f"not p {t.p_comparator} {t.p_value:g}")
        if decision:
            msg += " — the conclusion about significance changes (decision error)"
        out.append(flag("TESTSTAT_P", "error" if decision else "warning", msg, [t], recomputed=central))
    return out
