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


# --- guards against a p paired with the wrong interval or read on the wrong scale
# (audit of the flags on 3,147 abstracts)


def test_p_of_a_non_inferiority_test_is_not_the_intervals():
    # PMC5724392
    d = "difference (95% CI) = 4.54 (0.10, 8.98)"
    text = f"Final TCD velocities were 143 and 138 cm/sec, respectively, with {d}, non-inferiority p=0.0000001."
    rec = record(text, ci=[ci(d, 0.10, 8.98, 4.54, "MD")], p=[("p=0.0000001", "=", 1e-7)])
    assert run("P_CI_MISMATCH", rec) == []
    text = text.replace("non-inferiority ", "")
    rec = record(text, ci=[ci(d, 0.10, 8.98, 4.54, "MD")], p=[("p=0.0000001", "=", 1e-7)])
    assert len(run("P_CI_MISMATCH", rec)) == 1


def test_one_sided_p_is_not_the_intervals():
    # PMC3664320
    hr = "hazard ratio 0.390; 95% confidence interval 0.130–1.173"
    text = f"Median progression-free survival was 12.1 months for axitinib ({hr}; stratified one-sided P = 0.0401)."
    rec = record(text, ci=[ci(hr, 0.130, 1.173, 0.390, "HR")], p=[("P = 0.0401", "=", 0.0401)])
    assert run("P_CI_SIGNIFICANCE", rec) == []
    text = text.replace("stratified one-sided ", "")
    rec = record(text, ci=[ci(hr, 0.130, 1.173, 0.390, "HR")], p=[("P = 0.0401", "=", 0.0401)])
    assert len(run("P_CI_SIGNIFICANCE", rec)) == 1


def test_p_that_opens_the_next_interval_is_its():
    # PMC5859768: "(P < .01; 95% CI = 0.22 - 3.26) and Quick DASH reduction (P < .01; 95% CI = 8.48 - 24.67)"
    a, b = "95% CI = 0.22 - 3.26", "95% CI = 8.48 - 24.67"
    text = (f"Bonferroni's correction showed statistically significant differences for CP intensity (P < .01; {a}) "
            f"and Quick DASH reduction (P < .01; {b}) in favor of the OI treatment.")
    rec = record(text, ci=[ci(a, 0.22, 3.26, None, "MD"), ci(b, 8.48, 24.67, None, "MD")],
                 p=[("P < .01", "<", 0.01), ("P < .01", "<", 0.01)])
    rec.p_values[1] = rec.p_values[1].model_copy(update={"start": text.find("P < .01", text.find(a)),
                                                          "end": text.find("P < .01", text.find(a)) + 7})
    assert p_after_interval(rec, rec.intervals[0]) is None
    # PMC5466093: the p after its own interval
    md = "mean difference: 1.15 mmol/L (95% CI: 0.48–1.81"
    text = f"Persistently higher lactate during the intervention period was associated with AKI ({md}); P = 0.01]."
    rec = record(text, ci=[ci(md, 0.48, 1.81, 1.15, "MD")], p=[("P = 0.01", "=", 0.01)])
    assert len(run("P_CI_MISMATCH", rec)) == 1


def test_one_p_shared_by_group_values():
    # PMC3994324: a p for the comparison of two groups' levels, each with its own interval
    c1, c2 = "77.2% (CI, 73.0, 81.4", "74.8% (CI, 69.7, 79.9"
    text = f"No significant difference in mean adherence was identified with {c1}) for the control group and {c2}) for the intervention group (p = 0.47)."
    rec = record(text, ci=[ci(c1, 73.0, 81.4, 77.2, "MD"), ci(c2, 69.7, 79.9, 74.8, "MD")], p=[("p = 0.47", "=", 0.47)])
    assert run("P_CI_SIGNIFICANCE", rec) == []
    # PMC1774569: a named ratio keeps its p
    rr = "RR 0.58 CI 0.35–0.96"
    text = f"Risk of non-completion of detoxification was reduced if allocated buprenorphine (68% vs 88%, {rr}, p = 0.065)."
    rec = record(text, ci=[ci(rr, 0.35, 0.96, 0.58, "RR")], p=[("p = 0.065", "=", 0.065)])
    assert len(run("P_CI_SIGNIFICANCE", rec)) == 1


def test_relative_hazard_is_a_ratio():
    # PMC2722000: the extractor's measure a difference; "relative hazard" names a ratio
    t = "0.248, 95% confidence interval (CI): 0.067-0.919"
    text = f"On multivariate analysis, antibiotic prophylaxis (relative hazard: {t}, p=0.037) was a determinant of early rebleeding."
    rec = record(text, ci=[ci(t, 0.067, 0.919, 0.248, "MD")], p=[("p=0.037", "=", 0.037)])
    assert run("P_CI_MISMATCH", rec) == []
    text = text.replace("p=0.037", "p=0.0001")
    rec = record(text, ci=[ci(t, 0.067, 0.919, 0.248, "MD")], p=[("p=0.0001", "=", 0.0001)])
    assert len(run("P_CI_MISMATCH", rec)) == 1


def test_middle_dot_decimals_are_read():
    # PMC2277487: "1·00" was read as 0 decimals and the bound widened to [0.5, 1.5]
    hr = "HR 0·77 [0·60–1·00]"
    text = f"The absolute increase was 8·1% in eligible patients ({hr}; p=0·041)."
    rec = record(text, ci=[ci(hr, 0.60, 1.00, 0.77, "HR")], p=[("p=0·041", "=", 0.041)])
    assert run("P_CI_MISMATCH", rec) == []
    text = text.replace("p=0·041", "p=0·0041")
    rec = record(text, ci=[ci(hr, 0.60, 1.00, 0.77, "HR")], p=[("p=0·0041", "=", 0.0041)])
    assert len(run("P_CI_MISMATCH", rec)) == 1
