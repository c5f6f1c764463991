"""Confidence/credible intervals (issue 3): real sentences from the corpus."""

from __future__ import annotations

import pytest

from extractor.api import extract_text


def _iv(text: str):
    return [(i.level, i.lower, i.upper, i.measure, i.estimate) for i in extract_text(text).intervals]


def test_rr_with_estimate_and_text_from_estimate_through_interval() -> None:
    s = ("Thirty-day mortality was 37.5% (42/112) in cell recipients versus 42.7% (47/110) in control patients "
         "(relative risk [RR], 0.88; 95% confidence interval, 0.64-1.21; P= 0.43).")
    rec = extract_text(s)
    (iv,) = rec.intervals
    assert (iv.level, iv.lower, iv.upper, iv.measure, iv.estimate) == (95, 0.64, 1.21, "RR", 0.88)
    assert iv.text == "relative risk [RR], 0.88; 95% confidence interval, 0.64-1.21"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The HR was significant for men (HR = 2.75, 95% CI 1.49, 5.06, p = 0.001).", [(95, 1.49, 5.06, "HR", 2.75)]),
        ("There was an association (odds ratio [OR] 1.30, 95% confidence interval [CI] 0.96–1.76).", [(95, 0.96, 1.76, "OR", 1.3)]),
        ("Neck pain intensity did not differ (−7.0 mm, 95% confidence interval (CI) [−20.7 to +6.7]).", [(95, -20.7, 6.7, "MD", -7.0)]),
        ("Hazard ratio of cancer progression for RT patients was 1.93 (95% CI: 1.08–3.43) compared to CRT patients.", [(95, 1.08, 3.43, "HR", 1.93)]),
        ("The change was [95% CI: −1.2, 3.4] overall.", [(95, -1.2, 3.4, None, None)]),
        ("Utilization increased by 17.7 percentage point (95% CI 9.7-25.6) at sixth month.", [(95, 9.7, 25.6, "RD", 17.7)]),
        ("Efficacy was 61% (90% CrI 40 to 75).", [(90, 40, 75, "other", 61)]),
    ],
)
def test_labelled_intervals(sentence: str, expected) -> None:
    assert _iv(sentence) == expected


def test_no_level_written_means_level_null() -> None:
    s = "There was no significant difference in the amount of change (P = 0.36 CI -0.9 to +2.6)."
    assert _iv(s) == [(None, -0.9, 2.6, "MD", None)]


def test_header_declared_level_applies_to_list_under_it() -> None:
    s = ("No differences between groups in the primary (least squares mean [95% CI] CDR-SB change from baseline "
         "1.60 [1.28, 1.91], 1.69 [1.37, 2.01], and 1.73 [1.42, 2.04] for placebo, gantenerumab 105 mg, and 225 mg).")
    assert _iv(s) == [(95, 1.28, 1.91, "mean", 1.6), (95, 1.37, 2.01, "mean", 1.69), (95, 1.42, 2.04, "mean", 1.73)]


def test_unlabelled_bracket_after_labelled_interval_in_same_sentence_has_null_level() -> None:
    s = ("The proportion of subjects needing additional uterotonic treatment was 3.1 % (95 % CI 1.7–5.1 %) after "
         "carbetocin and 7.2 % (5.8–8.9 %) after oxytocin; relative risk 0.41 (0.19–0.85); p = 0.0110.")
    assert _iv(s) == [(95, 1.7, 5.1, "proportion", 3.1), (None, 5.8, 8.9, "proportion", 7.2), (None, 0.19, 0.85, "RR", 0.41)]


def test_undeclared_bracket_pair_is_not_an_interval() -> None:
    assert _iv("Median follow-up was 39.7 (4.9–79.7) months and age 45 (18-80) years.") == []


def test_percent_interval_and_negative_bounds_kept_as_written() -> None:
    s = "Neck pain days did not differ (−1%; 95% CI [−15% to +13%])."
    (iv,) = extract_text(s).intervals
    assert (iv.lower, iv.upper, iv.percent, iv.estimate) == (-15, 13, True, -1)


def test_currency_bounds_regression() -> None:
    s = "There were no differences in adjusted health and social care costs (£95, 95% CI -£1410 to £1599)."
    assert _iv(s) == [(95, -1410, 1599, "MD", 95)]


def test_p_value_before_ci_is_not_taken_as_estimate() -> None:
    (iv,) = extract_text("The groups were similar (p = 0.39, 95% CI = -1.80–0.72).").intervals
    assert iv.estimate is None


def _unc(text: str):
    return [(i.lower, i.upper, i.estimate, i.uncertain) for i in extract_text(text).intervals]


def test_unlabelled_estimate_outside_bounds_after_labelled_interval_kept_uncertain() -> None:
    s = ("The proportion of subjects needing additional uterotonic treatment was 3.1 % (95 % CI 1.7–5.1 %) after "
         "carbetocin and 7.2 % (5.8–8.9 %) after oxytocin; relative risk 1.51 (0.19–0.85); p = 0.0110.")
    assert _unc(s) == [(1.7, 5.1, 3.1, False), (5.8, 8.9, 7.2, False), (0.19, 0.85, 1.51, True)]
    (f,) = [f for f in extract_text(s).flags if f.code == "CI_ESTIMATE_OUTSIDE"]
    assert f.severity == "warning"


def test_declared_list_estimate_outside_bounds_kept_uncertain() -> None:
    s = ("No differences between groups in the primary (least squares mean [95% CI] CDR-SB change from baseline "
         "2.54 [1.28, 1.91], 1.69 [1.37, 2.01], and 1.73 [1.42, 2.04] for placebo, gantenerumab 105 mg, and 225 mg).")
    assert _unc(s) == [(1.28, 1.91, 2.54, True), (1.37, 2.01, 1.69, False), (1.42, 2.04, 1.73, False)]


def test_undeclared_bracket_with_estimate_outside_is_still_not_an_interval() -> None:
    assert _unc("Median follow-up was 89.7 (4.9–79.7) months and age 95 (18-80) years.") == []


def test_unit_exponent_before_declared_bracket_is_not_an_uncertain_estimate() -> None:
    s = ("At 12 months, there were group-by-time effects for weight (mean difference=–0.90 kg (95% confidence "
         "interval (CI)=–1.50, −0.30), P<0.01) and BMI (−0.28 kg m−2 (−0.50, −0.06), P=0.01) in favour of the "
         "intervention group.")
    assert all(not unc and est != 2 for _, _, est, unc in _unc(s))


def test_comparison_estimate_outside_its_labelled_interval_kept_uncertain() -> None:
    s = ("The slope of AALSRS was 4.44 points/month lower while the patients were treated with UDCA than with "
         "placebo (95% CI for difference 0.08-2.26).")
    assert _unc(s) == [(0.08, 2.26, 4.44, True)]


def test_comparison_word_carrying_the_sign_is_not_an_outside_estimate() -> None:
    s = ("The improved stove intervention was associated with 3.7 mm Hg lower SBP [95% confidence interval (CI), "
         "−8.1 to 0.6] and 3.0 mm Hg lower DBP (95% CI, −5.7 to −0.4) compared with controls.")
    assert _unc(s) == [(-8.1, 0.6, None, False), (-5.7, -0.4, None, False)]


def test_sign_spaced_from_estimate_under_declared_list_regression() -> None:
    s = ("At week 52, the least squares\u00a0mean change (95% CI) from baseline in HbA1c was −\u00a00.6% "
         "(−\u00a00.7, −\u00a00.5) and −\u00a00.7% (−\u00a00.8, −\u00a00.7) in the ertugliflozin and glimepiride groups.")
    assert _unc(s) == [(-0.7, -0.5, -0.6, False), (-0.8, -0.7, -0.7, False)]


def test_adjusted_measure_abbreviations_name_the_measure() -> None:
    # PMC3074545: "AdjOR 0.47, CI 0.21 to 1.05" after "proportions of women ..."; "AdjDiff 2.79; CI ..."
    from extractor import extract_text

    rec = extract_text(
        "Trial\n\nRESULTS: proportions of women with CAS scores >=7, 51/88 (58.4%) vs 27/42 (64.3%) AdjOR 0.47, "
        "CI 0.21 to 1.05); physical wellbeing mean scores (PCS-SF36: AdjDiff 2.79; CI -0.40 to 5.99)."
    )
    assert [(i.measure, i.estimate) for i in rec.intervals] == [("OR", 0.47), ("MD", 2.79)]


def test_unadjusted_proportion_interval_keeps_proportion() -> None:
    from extractor import extract_text

    rec = extract_text("Trial\n\nRESULTS: The proportion cured was 0.47 (95% CI 0.21 to 0.65).")
    assert [(i.measure, i.estimate) for i in rec.intervals] == [("proportion", 0.47)]


def _mes(text: str) -> list[tuple[float | None, str | None]]:
    return [(i.estimate, i.measure) for i in extract_text(text).intervals]


def test_percent_share_of_a_group_is_a_proportion() -> None:
    text = (
        "In both groups, the PCR adjusted cure rates by day 42 were high: 98.8% (95% CI 96.4, 99.6%) for "
        "artemether-lumefantrine and 96.3% (95% CI 93.1, 98.0%) for artesunate-mefloquine."
    )
    assert _mes(text) == [(98.8, "proportion"), (96.3, "proportion")]
    assert _mes("Among participants receiving two doses (n = 186), 69% (95% CI 62%-76%) seroconverted.") == [
        (69.0, "proportion")
    ]


def test_percent_change_or_contrast_is_not_a_proportion() -> None:
    # a change: "reduced ... by", a relative change named after the interval, a signed or comparative estimate
    assert _mes("The intervention reduced sitting time at work by 21% (95% CI 18%–25%).") == [(21.0, None)]
    assert _mes("There was a highly significant 17% (95% CI 9–25) proportional reduction in vascular deaths.") == [
        (17.0, None)
    ]
    assert _mes("Systolic arterial pressures were higher using NAVA: +8.4 % (95 % CI: +3.3 to +13.6 %, P = 0.03).")[0][1] != "proportion"
    assert _mes("HbA1c was 0.66% lower (95% confidence interval 0.48–0.84) with the intervention.")[0][1] != "proportion"
    assert _mes("D3 versus placebo: 0.02% (95% CI −0.04, 0.08).")[0][1] != "proportion"


def test_count_between_percent_and_its_interval_leaves_the_percent_as_estimate() -> None:
    text = "The eradication rates of S10 and T14 were 87.2% (567/650, 95% CI 84.4% to 89.6%) and 85.7% (557/650, 95% CI 82.8% to 88.2%)."
    ivs = extract_text(text).intervals
    assert [(i.estimate, i.measure, i.text) for i in ivs] == [
        (87.2, "proportion", "87.2% (567/650, 95% CI 84.4% to 89.6%"),
        (85.7, "proportion", "85.7% (557/650, 95% CI 82.8% to 88.2%"),
    ]
    # a count with no percent before it is not an estimate
    assert [i.estimate for i in extract_text("Seroconversion occurred in (20/152, 95% CI 9–20%).").intervals] == [None]


def test_value_against_placebo_with_no_measure_named_is_a_mean_difference() -> None:
    text = ("Dose-dependent changes from baseline in trough FEV1 versus placebo were 0.219 (95% CI 0.136, 0.302) to "
            "0.400 L (95% CI 0.317, 0.483) for abediterol.")
    assert _mes(text) == [(0.219, "MD"), (0.4, "MD")]
    assert _mes("There was greater improvement in symptoms scores with doxylamine-pyridoxine compared with placebo "
                "(0.73 points; 95% CI 0.21 to 1.25).") == [(0.73, "MD")]


def test_control_arm_value_or_one_of_two_arm_values_is_not_a_difference() -> None:
    text = ("Intent-to-treat analysis showed a greater improvement in BBS in the exercise group (6.0; 95% CI, 5.1–6.9) "
            "compared to the control group (0.5; 95% CI, −0.3–1.3) at 8 weeks.")
    assert [m for _, m in _mes(text)] == [None, None]
    text = ("The improvement in MAQ score in the intervention group compared to control was sustained at 6 months "
            "(0.48: 95% CI (0.31 to 0.65) vs 1.48: 95% CI (1.27 to 1.69)).")
    assert "MD" not in [m for _, m in _mes(text)]


def test_bounds_with_thousands_separators_are_one_number_each() -> None:
    """'95% CI 1,087.18 to 6,277.28' (costs) was read as the bounds 1 and 87.18: a comma
    followed by three digits and a decimal point groups thousands."""
    from extractor.api import extract_text

    ivs = extract_text("Costs were higher (difference 1,586.01€; 95% CI 1,087.18 to 6,277.28).").intervals
    assert [(i.lower, i.upper) for i in ivs] == [(1087.18, 6277.28)]
    # comma-separated decimal bounds and decimal commas keep their reading
    assert [(i.lower, i.upper) for i in extract_text("The OR was 1.5 (95% CI 1.2,3.4).").intervals] == [(1.2, 3.4)]
    assert [(i.lower, i.upper) for i in extract_text("RR 0,88 (95% CI 0,64-1,21).").intervals] == [(0.64, 1.21)]


def test_p_value_between_estimate_and_interval_is_stepped_over() -> None:
    text = ("Patients in the high-risk group had greater survival (hazard ratio [HR], 0.76; P = .002; "
            "95% confidence interval [CI], 0.64-0.91).")
    (iv,) = extract_text(text, id="x").intervals
    assert (iv.measure, iv.estimate, iv.lower, iv.upper) == ("HR", 0.76, 0.64, 0.91)
    # a p-value alone before the interval is not its estimate
    (iv,) = extract_text("Survival was greater (P = .002; 95% CI, 0.64-0.91).", id="x").intervals
    assert iv.estimate is None


def test_ratio_abbreviation_glued_to_its_estimate() -> None:
    text = "Retention was 79.2% in the PoC CD4 arm (RR1.16, CI 0.99–1.36, p-value = 0.057)."
    (iv,) = extract_text(text, id="x").intervals
    assert (iv.measure, iv.estimate) == ("RR", 1.16)
    # a scale name glued to its number is not an estimate
    (iv,) = extract_text("Scores improved on the SF36 (95% CI 1.2 to 3.4).", id="x").intervals
    assert iv.estimate is None


def test_unit_with_a_power_keeps_its_estimate() -> None:
    text = "Mean difference from placebo: −28.1 cm2 (95% CI −49.9 to −6.3 cm2; p = 0.02)."
    (iv,) = extract_text(text, id="x").intervals
    assert (iv.estimate, iv.lower, iv.upper) == (-28.1, -49.9, -6.3)


def test_plural_ci_label() -> None:
    text = ("Compared with standard care alone, CTCA was associated with less marked improvements in physical limitation "
            "(difference −1.74 (95% CIs, −3.34 to −0.14), p=0.0329).")
    (iv,) = extract_text(text, id="x").intervals
    assert (iv.level, iv.estimate, iv.lower, iv.upper) == (95.0, -1.74, -3.34, -0.14)
    # "cis" as a chemical prefix is no interval label
    assert extract_text("Patients received cis-platinum 20 to 40 mg daily.", id="x").intervals == []


def test_a_sentence_of_many_ci_labels_is_scanned_for_unlabelled_intervals_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # each labelled interval opened a zone to its sentence's end, each zone a scan of the rest:
    # quadratic ("95% CI 0.81, " 1,000 times in one sentence took 2 s); one zone a sentence
    from extractor.rules import Rule

    scans: list[int] = []
    finditer = Rule.finditer

    def counted(self: Rule, text: str, pos: int = 0, endpos: int | None = None):
        if self.id == "ci_unlabeled":
            scans.append(pos)
        return finditer(self, text, pos, endpos)

    monkeypatch.setattr(Rule, "finditer", counted)
    r = extract_text("Title\n\nRESULTS: Odds differed by site: " + "OR 1.2 (95% CI 1.1 to 1.3), " * 300
                     + "and OR 0.9 (0.8 to 1.0) at the last.\nCONCLUSIONS: RR 2.0; 95% CI 1.1 to 3.3.")
    assert r.warnings == []
    assert len(scans) == 2  # one per sentence holding a label
    ivs = [(i.lower, i.upper, i.measure, i.estimate) for i in r.intervals]
    assert ivs == [(1.1, 1.3, "OR", 1.2)] * 300 + [(0.8, 1.0, "OR", 0.9), (1.1, 3.3, "RR", 2.0)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the "95" of the next label is no upper bound: one bound and no pair, no interval
        ("Mortality was lower with drug A (OR 0.70, 95% CI 0.81, 95% CI 0.81).", []),
        ("Mortality was lower with drug A (OR 0.70, 95% CI 0.81 to 95 % confidence interval 0.9).", []),
        ("Mortality was lower with drug A (OR 0.70, 95% CI 0.81-95%-CI 0.9).", []),
        # a lone bound before the next labelled interval: that interval keeps its bounds, and the
        # lone bound is not its estimate
        ("Mortality was lower (OR 0.70, 95% CI 1.2, 95% CI 0.5-0.9).", [(95, 0.5, 0.9, "OR", None)]),
        ("Mortality was lower (OR 0.70; 95% CI 0.5, 95% CI 0.4-1.0).", [(95, 0.4, 1.0, "OR", None)]),
        # two labelled intervals, and an interval ending before a plain label, read as before
        ("Mortality was lower (OR 0.70, 95% CI 0.5-0.9; 99% CI 0.4-1.0).",
         [(95, 0.5, 0.9, "OR", 0.7), (99, 0.4, 1.0, "OR", None)]),
        ("Pain scores were 65% and 53% (95% CI 0.60 - 0.69, CI 0.48 - 0.57, p = 0.0002).",
         [(95, 0.6, 0.69, None, None), (None, 0.48, 0.57, None, None)]),
        # a number after a label that opens a bracket is still that interval's estimate
        ("Mortality was lower (HR, 95% CI: 0.8 (0.6-1.0)).", [(95, 0.6, 1.0, "HR", 0.8)]),
    ],
)
def test_interval_upper_bound_is_not_the_level_of_the_next_ci_label(sentence: str, expected) -> None:
    assert _iv(sentence) == expected


def test_relative_hazard_mortality_ratio_and_mean_ratio_name_their_measure() -> None:
    def measures(t: str) -> list[str | None]:
        return [i.measure for i in extract_text(t).intervals]

    assert measures("On multivariate analysis, antibiotic prophylaxis (relative hazard: 0.248, 95% confidence "
                    "interval (CI): 0.067-0.919, p=0.037) was protective.") == ["HR"]
    assert measures("Mortality did not differ (mortality ratio 0.95, 95% CI 0.89 to 1.02).") == ["RR"]
    assert measures("Cmax rose (GLSmean ratio 1.03; 90% CI 0.95, 1.11).") == ["other"]
    # a mean difference stays one
    assert measures("Weight was 12.72 kg versus 12.68 kg (difference 0.04 kg, 95% CI -0.14 to 0.21).") == ["MD"]


def test_a_contrast_named_as_the_subject_wins_over_a_level_word_in_its_complement() -> None:
    def measures(t: str) -> list[str | None]:
        return [i.measure for i in extract_text(t).intervals]

    # "incidence" (a proportion word) sits inside "the hazard ratio for ..."
    assert measures("The hazard ratio for the incidence of primary AVF failure was 0.72 (CI 95%, 0.41–1.01).") == ["HR"]
    # across a clause break the level word stands
    assert measures("The hazard ratio was 0.72 (95% CI, 0.41–1.01), and the median survival was 12 months "
                    "(95% CI 10-14).") == ["HR", "median"]


def test_an_interval_after_two_arms_values_is_their_difference() -> None:
    """'X (29.3 l/min) and Y (32.0 l/min) (95% CI ...)', 'delta changes; 83.27 vs -133.80; 95% CI':
    the interval of a difference between two arms' values (MD; RD for two percents), whose
    difference lies within it, and neither value is its estimate (11 intervals of the 3,147
    abstracts, gold-tune4 PMC2228375 and PMC5380326)."""
    assert _iv("Therapeutically equivalent increases in morning PEF were observed with budesonide/formoterol pMDI "
               "(29.3 l/min) and budesonide/formoterol DPI (32.0 l/min) (95% confidence interval: −10.4 to 4.9; "
               "p = 0.48).") == [(95, -10.4, 4.9, "MD", None)]
    assert _iv("the serum IP-10 levels were decreased significantly as compare to the placebo group (delta changes; "
               "83.27 vs -133.80; 95% CI [-326.910, -40.758], p = 0.0125).") == [(95, -326.91, -40.758, "MD", None)]
    assert _iv("Over days 2-6, the effective ratio of complete response in the azasetron and ondansetron groups was 45% "
               "and 54.5%, respectively (95% confidence interval, -21.4 to 2.5%).") == [(95, -21.4, 2.5, "RD", None)]
    # a change of its own, or a value after another interval, is no arm's value
    assert _iv("This represents a 4% absolute increase and a 45% relative increase (95% confidence interval 9–93%, "
               "p = 0.01) in osteoporosis management.") == [(95, 9, 93, None, None)]
    assert _iv("The BMIZ of IG children decreased by -0.13 (95% CI -0.19 to -0.06) and -0.10 (95% CI -0.16 to -0.03), "
               "respectively.")[1] == (95, -0.16, -0.03, None, -0.1)
    assert _iv("children in PP group had 16% (95% CI: 5 to 26%, p = 0.004) and 5% (95% CI: 0 to 10%; p = 0.05) "
               "reduction in days with severe illness.")[1][4] == 5


def test_intervention_effect_and_agreement_coefficients_name_the_measure() -> None:
    """'intervention effect of 0.5 (95% CI ...)' is a mean difference like 'treatment effect'
    (gold-tune2 PMC4636656; 4 intervals of the 3,147 abstracts); Cronbach's alpha and kappa are
    'other' (gold-tune2 PMC5587887, 3 intervals)."""
    assert _iv("WEMWBS scores fell from 50.4-49.0 in the control (n=59) and 51.0-49.9 in the intervention (n=225), "
               "giving an intervention effect of 0.5 (95% CI −3.2 to 4.2).") == [(95, -3.2, 4.2, "MD", 0.5)]
    assert _iv("Internal consistency was higher in the Internet group (Cronbach alpha estimate=.89; 95% CI "
               "0.86-0.91).") == [(95, 0.86, 0.91, "other", 0.89)]
    assert _iv("Chance-corrected agreement was higher in the ad hoc (kappa: 0.34 (95% confidence interval = "
               "0.10–0.58)) arm.") == [(95, 0.1, 0.58, "other", 0.34)]
    assert _iv("The adjusted mean weight was 80.1 kg (95% CI 78.0 to 82.2).")[0][3] == "mean"
