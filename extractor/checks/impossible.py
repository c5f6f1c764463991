"""Values that cannot be true whatever the rounding: p outside [0, 1], a percent above 100,
more events than participants, negative counts."""

from __future__ import annotations

from extractor.checks import register
from extractor.checks.common import flag
from extractor.records import Flag, TrialRecord


@register(
    "P_OUT_OF_RANGE",
    "p-value outside [0, 1]",
    "0 <= p <= 1 for every reported p (and the p of every test statistic)",
    "none: a probability cannot leave [0, 1]",
    needs=("p_values", "test_statistics"),
)
def p_out_of_range(record: TrialRecord) -> list[Flag]:
    out = []
    for p in record.p_values:
        if p.value < 0 or p.value > 1:
            out.append(flag("P_OUT_OF_RANGE", "error", f"p-value {p.text!r} is outside [0, 1]", [p]))
    for t in record.test_statistics:
        if t.p_value is not None and (t.p_value < 0 or t.p_value > 1):
            out.append(flag("P_OUT_OF_RANGE", "error", f"p-value in {t.text!r} is outside [0, 1]", [t]))
    return out


@register(
    "PCT_OVER_100",
    "percent above 100",
    "percent <= 100 for a proportion of participants (x/n with a percent)",
    "rounding allows at most 100.0",
    needs=("event_rates",),
)
def pct_over_100(record: TrialRecord) -> list[Flag]:
    out = []
    for r in record.event_rates:
        if r.percent is not None and r.percent > 100:
            out.append(flag("PCT_OVER_100", "error", f"{r.text!r}: a proportion of {r.percent:g}% exceeds 100%", [r]))
    return out


@register(
    "EVENTS_OVER_TOTAL",
    "more events than participants",
    "events <= total for every x/n",
    "none: counts are exact",
    needs=("event_rates",),
)
def events_over_total(record: TrialRecord) -> list[Flag]:
    out = []
    for r in record.event_rates:
        if r.events > r.total >= 0:
            out.append(flag("EVENTS_OVER_TOTAL", "error",
                            f"{r.text!r}: {r.events} events out of only {r.total}", [r]))
    return out


@register(
    "NEGATIVE_COUNT",
    "negative count",
    "events, totals, per-arm n and sample sizes >= 0",
    "none: counts are exact",
)
def negative_count(record: TrialRecord) -> list[Flag]:
    out = []
    for r in record.event_rates:
        if r.events < 0 or r.total < 0:
            out.append(flag("NEGATIVE_COUNT", "error", f"{r.text!r}: a count is negative", [r]))
    for a in record.arms:
        if a.n is not None and a.n < 0:
            out.append(flag("NEGATIVE_COUNT", "error", f"arm {a.label!r} has n = {a.n}", a.evidence))
    ss = record.sample_size
    for name in ("randomized", "analyzed", "planned"):
        v = getattr(ss, name)
        if v is not None and v < 0:
            out.append(flag("NEGATIVE_COUNT", "error", f"{name} sample size is {v}", [ss.evidence.get(name)]))
    return out
