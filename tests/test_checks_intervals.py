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


# --- guards against numbers that are not the interval's estimate, and intervals that only look
# reversed (audit of the flags on 3,147 abstracts)


def bare(text, lower, upper, measure="MD", estimate=None):
    return dict(text=text, lower=lower, upper=upper, estimate=estimate, measure=measure, level=95.0)


def test_orphan_estimate_that_is_a_p_value():
    # PMC2652457: "(p = 0.02, 95% CI = 0.83–12.19, effect size = 0.8)"
    c = "95% CI = 0.83–12.19"
    text = f"Students who watched the CAL package had superior retention scores (p = 0.02, {c}, effect size = 0.8)."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 0.83, 12.19)])) == []
    text = f"Students who watched the CAL package had superior retention scores (difference 0.02, {c}, effect size = 0.8)."
    assert len(run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 0.83, 12.19)]))) == 1


def test_orphan_estimate_that_is_a_unit_or_a_denominator():
    # PMC5529957 "dyn s/cm5 (95% CI ...)", PMC3994324 "14.47/17 (CI, 13.85, 15.0)"
    c = "95% CI −214 to −48"
    text = f"Riociguat decreased resistance in persistent patients (n=72; −131 dyn s/cm5 ({c}); p=0.0025)."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, -214, -48)])) == []
    c = "CI, 13.85, 15.0"
    text = f"Participants in the intervention group were more satisfied, with a mean score of 14.47/17 ({c})."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 13.85, 15.0, "mean")])) == []
    text = f"Participants in the intervention group were more satisfied, with a mean score of 17 ({c})."
    assert len(run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 13.85, 15.0, "mean")]))) == 1


def test_orphan_estimate_that_is_the_second_group_value():
    # PMC2500197: "(8% v 29%, 95% confidence interval for difference 16% to 24%)"
    c = "95% confidence interval for difference 16% to 24%"
    text = f"Intervention parents were less likely than controls to discuss no new topics (8% v 29%, {c})."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 16, 24)])) == []
    text = f"Intervention parents were less likely than controls to discuss no new topics (difference 29%, {c})."
    assert len(run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 16, 24)]))) == 1


def test_orphan_percent_beside_proportions():
    # PMC5851532: "specificity of 98.2% (95% CI: 0.96, 1.00; p<0.0001)"
    c = "95% CI: 0.96, 1.00"
    text = f"The self-collected test demonstrated a specificity of 98.2% ({c}; p<0.0001)."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 0.96, 1.00, "proportion")])) == []
    text = text.replace("98.2%", "92.2%")
    assert len(run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, 0.96, 1.00, "proportion")]))) == 1


def test_orphan_reduction_beside_the_interval_of_the_change():
    # PMC3816860: "reduced by 32% (95% CI −42 to −21; P < 0.05)"
    c = "95% CI −42 to −21"
    text = f"UACR at week 24 was reduced by 32% ({c}; P < 0.05) with linagliptin."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, -42, -21)])) == []
    text = text.replace("reduced by", "increased by")
    assert len(run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, -42, -21)]))) == 1
    # PMC3718630: the reduction named a few words before the number
    c = "95% CI −47 to −20"
    text = f"Women in the intervention arm had a significant reduction in dietary glycaemic load (33 points, {c}), (p < 0.001)."
    assert run("CI_ESTIMATE_OUTSIDE", record(text, ci=[bare(c, -47, -20)])) == []


def test_interval_of_a_fall_written_by_magnitude_is_not_reversed():
    # PMC3608893: "HbA1c declined by 0.7% (95% CI: −0.4 to −1.0%)"
    c = "95% CI: −0.4 to −1.0%"
    text = f"HbA1c declined by 0.7% ({c}) in the PCD group."
    assert run("CI_REVERSED", record(text, ci=[bare(c, -1.0, -0.4)])) == []
    # PMC4776406: a ratio written upper bound first
    c = "odds ratio [OR] = 2.69, confidence interval [CI] = 7.24–1.00"
    text = f"Subjects in the comprehensive care group were more likely to experience a good trajectory ({c}, p = 0.049)."
    assert [f.severity for f in run("CI_REVERSED", record(text, ci=[bare(c, 1.00, 7.24, "OR", 2.69)]))] == ["error"]


def test_minus_printed_as_two_is_not_reversed():
    # PMC3656395: "(difference between groups = 0.13; CI 20.8–0.35)" for −0.8 to 0.35
    c = "CI 20.8–0.35"
    text = f"The programme was no more effective than usual care, as shown by HbA1c levels (difference between groups = 0.13; {c})."
    assert run("CI_REVERSED", record(text, ci=[bare(c, 0.35, 20.8)])) == []
    text = text.replace("= 0.13;", "= 5.13;")
    assert len(run("CI_REVERSED", record(text, ci=[bare(c, 0.35, 20.8)]))) == 1


def test_ratio_midpoint_needs_a_named_ratio():
    # PMC4610679: a number needed to treat the extractor called a hazard ratio
    c = "21 (95% CI 12–79"
    text = f"The number needed to receive the intervention to prevent one death was {c})."
    assert run("CI_RATIO_MIDPOINT", record(text, ci=[bare(c, 12, 79, "HR", 21)])) == []
    # PMC2277487: a rate in percent
    c = "33·2% [25·3–41·2]"
    text = f"The increase was 9·2% (from {c} to 42·4%) in patients undergoing resection."
    assert run("CI_RATIO_MIDPOINT", record(text, ci=[bare(c, 25.3, 41.2, "HR", 33.2)])) == []
    # PMC4156403: a named hazard ratio off its midpoint
    c = "HR  = 0.61; 95% CI: 0.49–0.95"
    text = f"Screening was associated with a significant decrease in thyroid cancer risk for men ({c})."
    assert len(run("CI_RATIO_MIDPOINT", record(text, ci=[bare(c, 0.49, 0.95, "HR", 0.61)]))) == 1


def test_ratio_midpoint_asymmetry_of_an_exact_interval():
    # PMC5820389: 0.74 vs midpoint 0.796, 14% of the half-width: profile/exact intervals do that
    c = "0.74 (95% CI 0.48–1.32"
    text = f"The hazard ratio for sustainable return to work was {c}, p = 0.165), in favor of the outpatient program."
    assert run("CI_RATIO_MIDPOINT", record(text, ci=[bare(c, 0.48, 1.32, "HR", 0.74)])) == []
    # PMC64502: 0.75 vs midpoint 0.589, 42%: still flagged ("relative rate of" names a ratio)
    c = "0.75, 95% CI 0.33–1.05"
    text = f"The response rate was 43/195 (22%) and 57/194 (29%) for standard quality paper (relative rate of response {c}, p = 0.1)."
    assert len(run("CI_RATIO_MIDPOINT", record(text, ci=[bare(c, 0.33, 1.05, "RR", 0.75)]))) == 1


def test_a_measure_named_inside_the_interval_wins_over_the_clause_before_it() -> None:
    # "absolute reduction 0·14 [SE 0·11], mortality ratio 0·96, 95% CI 0·89–1·03": the interval
    # names a ratio (null 1), the clause before it a reduction (null 0), which gave a false flag
    from extractor.api import extract_text
    r = extract_text("Deaths per child-care centre were 3·01 retinol versus 3·15 control (absolute reduction 0·14 "
                     "[SE 0·11], mortality ratio 0·96, 95% CI 0·89–1·03, p=0·22), suggesting similar risks.")
    assert [f.code for f in r.flags if f.code.startswith("P_CI")] == []
    r = extract_text("Mortality was lower (mortality ratio 0·80, 95% CI 0·70–0·91; p=0·45).")
    assert "P_CI_SIGNIFICANCE" in [f.code for f in r.flags]


def test_a_reductions_size_written_unsigned_beside_a_negative_interval_is_only_info() -> None:
    # PMC3816860: "a between-group difference of 28% (95% CI −47 to −2)" was an error
    from extractor.api import extract_text

    rec = extract_text("RESULTS: UACR at week 24 was reduced by 32% with linagliptin compared with 6% with placebo, "
                       "with a between-group difference of 28% (95% CI −47 to −2; P = 0.035).")
    flags = [f for f in rec.flags if f.code == "CI_ESTIMATE_OUTSIDE"]
    assert [f.severity for f in flags] == ["info"]
    # an estimate outside whose negative is outside too is still an error
    rec = extract_text("RESULTS: The between-group difference was 58% (95% CI −47 to −2; P = 0.035).")
    assert [f.severity for f in rec.flags if f.code == "CI_ESTIMATE_OUTSIDE"] == ["error"]
