"""P_CI_SIGNIFICANCE and P_CI_MISMATCH: a p-value against the interval it follows."""

from __future__ import annotations

from checks_support import record, run

from extractor.checks.common import p_after_interval

RR = "relative risk [RR], 0.88; 95% confidence interval, 0.64-1.21"
SEED = f"Thirty-day mortality was 37.5% in cell recipients versus 42.7% in controls ({RR}; P= 0.43)."


def ci(text=RR, lower=0.64, upper=1.21, estimate=0.88, measure="RR"):
    return dict(text=text, lower=lower, upper=upper, estimate=estimate, measure=measure, level=95.0)


def test_seed_p_matches_its_interval():
    rec = record(SEED, ci=[ci()], p=[("P= 0.43", "=", 0.43)])
    assert run("P_CI_SIGNIFICANCE", rec) == []
    assert run("P_CI_MISMATCH", rec) == []


def test_small_p_beside_interval_spanning_null_is_an_error():
    text = SEED.replace("P= 0.43", "P= 0.001")
    rec = record(text, ci=[ci()], p=[("P= 0.001", "=", 0.001)])
    flags = run("P_CI_SIGNIFICANCE", rec)
    assert [f.severity for f in flags] == ["error"]
    assert abs(flags[0].recomputed - 0.43) < 0.02
    assert {s.text for s in flags[0].spans} == {RR, "P= 0.001"}


def test_large_p_beside_interval_excluding_null():
    t = "hazard ratio 0.41, 95% CI 0.18-0.91"
    rec = record(f"Relapse was rarer with the drug ({t}, P = 0.45).", ci=[ci(t, 0.18, 0.91, 0.41, "HR")],
                 p=[("P = 0.45", "=", 0.45)])
    assert [f.severity for f in run("P_CI_SIGNIFICANCE", rec)] == ["error"]


def test_bound_on_the_null_decides_nothing():
    # 1.00 may be 0.995 or 1.005: no significance claim can be contradicted
    t = "OR 0.87, 95% CI 0.77-1.00"
    rec = record(f"Fewer events ({t}; P = 0.06).", ci=[ci(t, 0.77, 1.00, 0.87, "OR")], p=[("P = 0.06", "=", 0.06)])
    assert run("P_CI_SIGNIFICANCE", rec) == []


def test_difference_measure_uses_zero_as_null():
    t = "mean difference 2.6 (95% CI 1.0 to 4.2)"
    rec = record(f"Scores improved ({t}; P = 0.002).", ci=[ci(t, 1.0, 4.2, 2.6, "MD")], p=[("P = 0.002", "=", 0.002)])
    assert run("P_CI_SIGNIFICANCE", rec) == []
    assert run("P_CI_MISMATCH", rec) == []


def test_numeric_mismatch_without_significance_flip_is_a_warning():
    # the interval implies p ~ 0.43; "P = 0.09" agrees on non-significance but is far off
    text = SEED.replace("P= 0.43", "P= 0.09")
    rec = record(text, ci=[ci()], p=[("P= 0.09", "=", 0.09)])
    assert run("P_CI_SIGNIFICANCE", rec) == []
    assert [f.severity for f in run("P_CI_MISMATCH", rec)] == ["warning"]


def test_pairing_takes_the_p_right_after_the_interval_only():
    t1 = "OR 1.42, 95% CI 1.07-1.88"
    t2 = "OR 0.99, 95% CI 0.87-1.13"
    text = f"Smoking was associated with relapse ({t1}) but not alcohol ({t2}, P = 0.88)."
    rec = record(text, ci=[ci(t1, 1.07, 1.88, 1.42, "OR"), ci(t2, 0.87, 1.13, 0.99, "OR")], p=[("P = 0.88", "=", 0.88)])
    first, second = rec.intervals
    assert p_after_interval(rec, first) is None  # another estimate sits in between
    assert p_after_interval(rec, second) is rec.p_values[0]
    assert run("P_CI_SIGNIFICANCE", rec) == []


def test_p_too_far_after_the_interval_is_not_paired():
    t = "HR 0.41, 95% CI 0.18-0.91"
    text = (f"Relapse was rarer ({t}); quality of life, anxiety, depression and the overall "
            f"satisfaction score did not change (P = 0.45).")
    rec = record(text, ci=[ci(t, 0.18, 0.91, 0.41, "HR")], p=[("P = 0.45", "=", 0.45)])
    assert run("P_CI_SIGNIFICANCE", rec) == []
