"""EFFECT_RECOMPUTE: RR, OR and RD against the two arms' counts."""

from __future__ import annotations

from checks_support import record, run

RATES = "37.5% (42/112) in cell recipients versus 42.7% (47/110) in control patients"


def rates():
    return [("37.5% (42/112)", 42, 112, 37.5), ("42.7% (47/110)", 47, 110, 42.7)]


def test_seed_relative_risk_matches_counts():
    t = "relative risk [RR], 0.88; 95% confidence interval, 0.64-1.21"
    rec = record(f"Mortality was {RATES} ({t}; P= 0.43).", rates=rates(),
                 ci=[dict(text=t, lower=0.64, upper=1.21, estimate=0.88, measure="RR")])
    assert run("EFFECT_RECOMPUTE", rec) == []


def test_relative_risk_off_from_counts_warns():
    t = "relative risk [RR], 0.78; 95% confidence interval, 0.64-1.21"
    rec = record(f"Mortality was {RATES} ({t}).", rates=rates(),
                 ci=[dict(text=t, lower=0.64, upper=1.21, estimate=0.78, measure="RR")])
    flags = run("EFFECT_RECOMPUTE", rec)
    assert [f.severity for f in flags] == ["warning"] and abs(flags[0].recomputed - 0.8776) < 1e-3
    assert len(flags[0].spans) == 3


def test_odds_ratio_either_orientation():
    # (47/63)/(42/70) = 1.243; 1/1.243 = 0.804
    t = "odds ratio 1.24 (95% CI 0.72-2.14)"
    rec = record(f"Mortality was {RATES} ({t}).", rates=rates(),
                 ci=[dict(text=t, lower=0.72, upper=2.14, estimate=1.24, measure="OR")])
    assert run("EFFECT_RECOMPUTE", rec) == []


def test_risk_difference_in_percentage_points():
    t = "risk difference -5.2 percentage points (95% CI -18.2 to 7.8)"
    rec = record(f"Mortality was {RATES} ({t}).", rates=rates(),
                 ci=[dict(text=t, lower=-18.2, upper=7.8, estimate=-5.2, measure="RD")])
    assert run("EFFECT_RECOMPUTE", rec) == []


def test_adjusted_estimate_is_only_info():
    t = "odds ratio, 1.36; 95% confidence interval, 0.57-3.21"
    text = ("Resolution was observed in 51/104 (49.0%) cell recipients and 46/106 (43.4%) control "
            f"patients (adjusted {t}).")
    rec = record(text, rates=[("51/104 (49.0%)", 51, 104, 49.0), ("46/106 (43.4%)", 46, 106, 43.4)],
                 ci=[dict(text=t, lower=0.57, upper=3.21, estimate=1.36, measure="OR")])
    assert [f.severity for f in run("EFFECT_RECOMPUTE", rec)] == ["info"]


def test_adjor_abbreviation_says_adjusted():
    # PMC3074545: "51/88 (58.4%) vs 27/42 (64.3%) AdjOR 0.47, CI 0.21 to 1.05"
    t = "AdjOR 0.47, CI 0.21 to 1.05"
    text = f"A trend was evident favouring the intervention: proportions of women with CAS scores ≥7, 51/88 vs 27/42 {t})."
    rec = record(text, rates=[("51/88", 51, 88, None), ("27/42", 27, 42, None)],
                 ci=[dict(text=t, lower=0.21, upper=1.05, estimate=0.47, measure="OR")])
    assert [f.severity for f in run("EFFECT_RECOMPUTE", rec)] == ["info"]
    # PMC3580622: a crude odds ratio that the counts do not give stays a warning
    t = "odds ratio for surgical referral, 0.17; 95% CI, 0.03 to 0.87"
    text = f"Surgical referral was lower in the t-PA-DNase group than in the placebo group (2 of 48 vs. 8 of 51; {t}; P = 0.03)."
    rec = record(text, rates=[("2 of 48", 2, 48, None), ("8 of 51", 8, 51, None)],
                 ci=[dict(text=t, lower=0.03, upper=0.87, estimate=0.17, measure="OR")])
    assert [f.severity for f in run("EFFECT_RECOMPUTE", rec)] == ["warning"]
