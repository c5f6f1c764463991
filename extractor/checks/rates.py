"""Percent vs x/n: a reported percent must be what x/n gives, rounded or truncated to the
decimals the percent was written with."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from extractor.checks import register
from extractor.checks.common import flag, sentence_start, sentence_text
from extractor.checks.stats import rounding_interval, value_decimals
from extractor.numbers import decimals
from extractor.records import EventRate, Evidence, Flag, TrialRecord

_PCT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def percent_decimals(r: EventRate) -> int:
    """Decimals of the percent as written in the rate's text ("37.5%" -> 1)."""
    assert r.percent is not None
    for m in _PCT.finditer(r.text):
        tok = m.group(1)
        try:
            v = float(tok.replace(",", "."))
        except ValueError:
            continue
        if abs(v - r.percent) < 1e-9:
            return decimals(tok)
    return value_decimals(r.percent)


def percent_consistent(events: int, total: int, percent: float, d: int) -> bool:
    """True when ``events/total`` rounds or truncates to ``percent`` at ``d`` decimals."""
    exact = 100.0 * events / total
    lo, hi = rounding_interval(percent, d)
    if lo <= exact <= hi:
        return True
    lo, hi = rounding_interval(percent, d, truncation=True)
    return lo <= exact < hi


def double_rounded(events: int, total: int, percent: float, d: int) -> bool:
    """True when rounding ``events/total`` first to d+1 decimals, then to d, gives ``percent``
    (42/402 = 10.448% -> 10.45% -> 10.5%): two-step rounding, a rounding habit, not an error."""
    exact = Decimal(100 * events) / Decimal(total)
    step = exact.quantize(Decimal(1).scaleb(-(d + 1)), rounding=ROUND_HALF_UP)
    twice = step.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    return abs(float(twice) - percent) < 1e-9


# a percent written right beside an x/n the extractor kept without it ("43.7% (51/139)",
# "51/139 (43.7%)", "3%; 1 of 37"): extractors drop a percent that disagrees with its count
_PCT_BEFORE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%\s*[(\[;,]\s*$")
# never a confidence level: "(445/2,111, 95% CI [19.3%-22.7%])"
_PCT_AFTER = re.compile(r"^\s*[(\[,;]\s*(\d+(?:[.,]\d+)?)\s*%(?!\s*(?:CI\b|conf|cred|C\.I))", re.I)


def adjacent_percent(record: TrialRecord, r: EventRate) -> tuple[float, Evidence] | None:
    """The percent beside a rate recorded without one, with its own span."""
    text, base = sentence_text(record, r.sentence), sentence_start(record, r.sentence)
    if text is None or base is None:
        return None
    a, b = r.start - base, r.end - base
    if not (0 <= a <= b <= len(text)):
        return None
    inside = _PCT.search(text, a, b)
    if inside and r.rule == "er_reversed" and inside.start() < text.rfind(",", a, b):
        # "Of 1,102 surveys returned (55.1% response rate), 983": a percent of the total's own
        # clause, before the count, is not the count's share
        inside = None
    m = _PCT_BEFORE.search(text[max(0, a - 20):a])
    if inside:
        m, s0, e0 = inside, inside.start(1), inside.end(0)
    elif m:
        s0 = max(0, a - 20) + m.start(1)
        e0 = max(0, a - 20) + m.end(0)
    else:
        m = _PCT_AFTER.match(text[b:b + 20])
        if not m:
            return None
        s0, e0 = b + m.start(1), b + m.end(0)
    v = float(m.group(1).replace(",", "."))
    while e0 > s0 and not text[e0 - 1] == "%":
        e0 -= 1
    ev = Evidence(text=text[s0:e0], start=base + s0, end=base + e0, section=r.section,
                  sentence=r.sentence, page=r.page, rule="check:adjacent_percent", uncertain=True)
    return v, ev


@register(
    "PCT_MISMATCH",
    "percent does not match x/n",
    "100·x/n rounded (or truncated) to the percent's decimals = reported percent",
    "percent ± half a unit of its last decimal (37.5% admits [37.45, 37.55]); truncation "
    "[p, p + one unit) also accepted (2/3 as 66%), and so is rounding in two steps, to one more "
    "decimal first (42/402 = 10.448% -> 10.45% -> 10.5%)",
    needs=("event_rates",),
)
def pct_mismatch(record: TrialRecord) -> list[Flag]:
    out = []
    for r in record.event_rates:
        if r.total <= 0 or r.events < 0 or r.events > r.total:
            continue  # impossible values are the business of impossible.py
        extra: list[Evidence] = []
        if r.percent is not None:
            percent, d, shown = r.percent, percent_decimals(r), r.text
        else:
            adj = adjacent_percent(record, r)
            if adj is None:
                continue
            percent, pev = adj
            d = decimals(pev.text.rstrip("% "))
            shown = r.text if r.start <= pev.start < r.end else f"{pev.text} beside {r.text}"
            extra.append(pev)
        if percent > 100 or percent_consistent(r.events, r.total, percent, d) \
                or double_rounded(r.events, r.total, percent, d):
            continue
        exact = 100.0 * r.events / r.total
        # a percent of the complement ("12/40 (70% without)") is not a mismatch we can be sure of
        complement = percent_consistent(r.total - r.events, r.total, percent, d)
        gap = abs(exact - percent) - 0.5 * 10.0 ** (-d)
        severity = "warning" if (r.uncertain or complement or gap < 0.5) else "error"
        out.append(flag(
            "PCT_MISMATCH", severity,
            f"{shown!r}: {r.events}/{r.total} = {exact:.{max(d, 1) + 1}f}%, which does not round "
            f"to the reported {percent:g}%",
            [r, *extra], recomputed=round(exact, 4)))
    return out
