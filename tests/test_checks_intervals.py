"""CI_REVERSED, CI_ZERO_WIDTH, CI_ESTIMATE_OUTSIDE, CI_RATIO_MIDPOINT."""

from __future__ import annotations

from checks_support import record, run

RR = "relative risk [RR], 0.88; 95% confidence interval, 0.64-1.21"
SENT = f"Thirty-day mortality was lower ({RR}; P= 0.43)."


def ci(text=RR, lower=0.64, upper=1.21, estimate=0.88, measure="RR", **kw):
    return dict(text=text, lower=lower, upper=upper, estimate=estimate, measure=measure, level=95.0, **kw)


def test_consistent_interval_raises_nothing():
    rec = record(SENT, ci=[ci()])
    for code in ("CI_REVERSED", "CI_ZERO_WIDTH", "CI_ESTIMATE_OUTSIDE", "CI_RATIO_MIDPOINT"):
        assert run(code, rec) == [], code


def test_reversed_bounds_stored_reversed():
    t = RR.replace("0.64-1.21", "1.21-0.64")
    rec = record(SENT.replace(RR, t), ci=[ci(t, lower=1.21, upper=0.64)])
    flags = run("CI_REVERSED", rec)
    assert [f.severity for f in flags] == ["error"]


def test_reversed_bounds_seen_in_text_even_when_stored_sorted():
    t = RR.replace("0.64-1.21", "1.21-0.64")
    rec = record(SENT.replace(RR, t), ci=[ci(t)])
    assert len(run("CI_REVERSED", rec)) == 1


def test_negative_bounds_in_order_are_not_reversed():
    t = "mean difference -7.0 mm, 95% CI -20.7 to -6.7"
    rec = record(f"Pain fell ({t}).", ci=[ci(t, lower=-20.7, upper=-6.7, estimate=-7.0, measure="MD")])
    assert run("CI_REVERSED", rec) == []
    assert run("CI_ESTIMATE_OUTSIDE", rec) == []


def test_estimate_outside_interval_is_an_error():
    t = RR.replace("0.88", "1.88")
    rec = record(SENT.replace(RR, t), ci=[ci(t, estimate=1.88)])
    flags = run("CI_ESTIMATE_OUTSIDE", rec)
    assert [f.severity for f in flags] == ["error"] and "above" in flags[0].message


def test_estimate_on_a_bound_within_rounding_is_fine():
    t = "HR 0.80 (95% CI 0.80-0.95)"
    rec = record(f"Death was less frequent ({t}).", ci=[ci(t, lower=0.80, upper=0.95, estimate=0.80, measure="HR")])
    assert run("CI_ESTIMATE_OUTSIDE", rec) == []


def test_zero_width():
    t = "OR 1.00 (95% CI 1.00-1.00)"
    rec = record(f"No effect ({t}).", ci=[ci(t, lower=1.0, upper=1.0, estimate=1.0, measure="OR")])
    assert [f.code for f in run("CI_ZERO_WIDTH", rec)] == ["CI_ZERO_WIDTH"]


def test_geometric_midpoint_within_rounding():
    # sqrt(0.57 * 3.21) = 1.353; 1.36 is reachable once the bounds are widened by rounding
    t = "odds ratio, 1.36; 95% confidence interval, 0.57-3.21"
    rec = record(f"Resolution improved ({t}).", ci=[ci(t, lower=0.57, upper=3.21, estimate=1.36, measure="OR")])
    assert run("CI_RATIO_MIDPOINT", rec) == []


def test_estimate_far_from_geometric_midpoint_warns():
    t = "hazard ratio 0.70 (95% CI 0.64-1.21)"
    rec = record(f"Death was rarer ({t}).", ci=[ci(t, estimate=0.70, measure="HR")])
    flags = run("CI_RATIO_MIDPOINT", rec)
    assert [f.severity for f in flags] == ["warning"]
    assert abs(flags[0].recomputed - 0.88) < 0.01


def test_uncertain_estimate_outside_interval_is_only_a_warning():
    t = RR.replace("0.88", "1.88")
    rec = record(SENT.replace(RR, t), ci=[ci(t, estimate=1.88, uncertain=True)])
    assert [f.severity for f in run("CI_ESTIMATE_OUTSIDE", rec)] == ["warning"]


def test_uncertain_interval_cannot_raise_an_error_in_any_check():
    t = RR.replace("0.64-1.21", "1.21-0.64")
    rec = record(SENT.replace(RR, t), ci=[ci(t, lower=1.21, upper=0.64, uncertain=True)])
    assert [f.severity for f in run("CI_REVERSED", rec)] == ["warning"]
