"""p-values (issue 3): real sentences from the corpus and the forms SCHEMA.md lists."""

from __future__ import annotations

import pytest

from extractor.api import extract_text


def _p(text: str) -> list[tuple[str, float]]:
    return [(p.comparator, p.value) for p in extract_text(text).p_values]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Treatment was associated with significantly improved patient survival (91% vs 42%, P = .015).", [("=", 0.015)]),
        ("Thirty-day mortality was 37.5% (42/112) in cell recipients (RR, 0.88; 95% CI, 0.64-1.21; P= 0.43).", [("=", 0.43)]),
        ("The difference was significant (p<0.001).", [("<", 0.001)]),
        ("Pain fell in both groups (P ≤ 0.05).", [("<=", 0.05)]),
        ("Survival differed (P < 10^-4).", [("<", 0.0001)]),
        ("Survival differed (P<1e-4).", [("<", 0.0001)]),
        ("Survival differed (P = 2 × 10−5).", [("=", 0.00002)]),
        ("The effect was modest (p-value of 0.03).", [("=", 0.03)]),
        ("Risk rose with dose (P for trend = 0.02).", [("=", 0.02)]),
        ("Effects were similar by sex (P(interaction) = .3).", [("=", 0.3)]),
        ("Baseline characteristics did not differ (all P > 0.05).", [(">", 0.05)]),
        ("Both scores improved (P < .05 for both).", [("<", 0.05)]),
        ("disease-free survival differed significantly – 59% in RT group vs. 75.1% in CRT group (P = 0,022).", [("=", 0.022)]),
        ("Secondary outcomes were better (p = 0.006 and 0.044, respectively).", [("=", 0.006), ("=", 0.044)]),
        ("The haemoglobin level rose significantly within groups (P < 0.001 for each group) with no difference between groups (P = 0.77).", [("<", 0.001), ("=", 0.77)]),
        ("Mortality was lower (P\u2009<\u20090.0001).", [("<", 0.0001)]),
    ],
)
def test_p_value_forms(sentence: str, expected: list[tuple[str, float]]) -> None:
    got = _p(sentence)
    assert [c for c, _ in got] == [c for c, _ in expected]
    assert [v for _, v in got] == pytest.approx([v for _, v in expected])


@pytest.mark.parametrize(
    "sentence",
    [
        "A P < 0.05 was considered statistically significant.",
        "Statistical significance was set at p<0.05.",
        "Differences were considered significant when P < 0.05.",
        "The significance level was set at alpha = 0.05.",
        "The difference between groups was not significant (P = NS).",
        "Significance was defined as a two-sided P < 0.05.",
    ],
)
def test_significance_definitions_and_ns_are_not_p_values(sentence: str) -> None:
    assert _p(sentence) == []


def test_significant_result_in_brackets_is_kept_not_mistaken_for_a_definition() -> None:
    s = "The TEA of topical agents was significantly (P < 0.05) lower in the Hochu-ekki-to group than in the placebo group."
    assert _p(s) == [("<", 0.05)]


def test_p_value_evidence_is_verbatim_with_offsets() -> None:
    text = "Results. Survival improved (P = .008) at day 31."
    rec = extract_text(text)
    (p,) = rec.p_values
    assert p.text == "P = .008" and text[p.start:p.end] == p.text and p.rule == "p_value"


def test_p_with_percent_sign_still_parsed() -> None:
    assert _p("No difference was found (p>0.05%).") == [(">", 0.05)]


def test_p_value_followed_by_indicating_that_is_a_result() -> None:
    """Held-out PMC1090588: 'indicating' after a p-value only defines a level before a
    significance word."""
    s = ("However, reaction time was slowed during both anodal and cathodal stimulation as compared to "
         "placebo (p < 0.05) indicating that real stimulation hampered neuronal processing.")
    assert _p(s) == [("<", 0.05)]
    assert _p("A value of P < 0.05 indicated statistical significance.") == []


def test_significant_at_p_is_a_result_unless_a_level_is_defined() -> None:
    """Held-out PMC3804449: 'X was significant at P ≤ 0.001' reports a result; 'considered
    significant at' or 'significance was set at' defines the level."""
    s = "Home safety was significant at P ≤ 0.001, caregiver strain at P ≤ 0.001, and caregiver self-efficacy at P = 0.002."
    assert _p(s) == [("<=", 0.001), ("<=", 0.001), ("=", 0.002)]
    assert _p("Differences were considered significant at P < 0.05.") == []
    assert _p("Statistical significant was defined at P<0.05.") == []


def test_p_value_followed_by_level_is_a_threshold() -> None:
    s = "Data were analyzed by t-test and covariance analysis in P ≤ 0.05 level."
    assert _p(s) == []
    # "... on PS or AS (": the abbreviation AS is not the word "as" of "significant as"
    assert _p("Ketamine had no significant effects on PS or AS (all P > 0.07).") == [(">", 0.07)]


def test_a_p_value_whose_exponent_cannot_be_read_is_no_other_number() -> None:
    # "1e-999...9": <<sci>> read at most three exponent digits, so the rule took "P = 1" (1.0,
    # from the mantissa); and p_number's fallback float() read the whole as 0.0. Either is a
    # different number: a scientific number parse_scientific refuses is no p-value
    for v in ("1e-" + "9" * 30, "1 × 10-" + "9" * 30, "0.5e-" + "9" * 4, "10^-" + "9" * 400):
        assert _p(f"The response differed between groups (P = {v}).") == []
    assert _p("The response differed between groups (P = 1e-300).") == [("=", 1e-300)]
    assert _p("The response differed between groups (P = 2 × 10-5).") == [("=", 2e-05)]


def test_a_slash_for_the_decimal_point_is_read_not_cut_to_zero() -> None:
    # "P<0/001" (Persian typography): read as "P < 0" (value 0.0) before
    r = extract_text("There were significant differences in Hb (p = 0/03) and ferritin (p = 0/04), "
                     "but the incidence of anemia exhibited no difference (p < 0/001).")
    assert [(p.comparator, p.value) for p in r.p_values] == [("=", 0.03), ("=", 0.04), ("<", 0.001)]
    assert extract_text("The ratio 0/1 was reported.").p_values == []


def test_a_number_with_two_decimal_points_is_no_p_value() -> None:
    # "p = .0.018" was read as p = 0.0, and "P = 1.38 times" (a group P) as p = 1
    assert extract_text("Weight correlated with age (r = 0.62, p = .0.018).").p_values == []
    assert extract_text("Use was higher (PD = 1 time, P = 1.38 times and D = 1.5 times).").p_values == []
    assert [p.value for p in extract_text("The difference was significant (P=0.03).").p_values] == [0.03]


def test_statistical_significance_in_brackets_is_a_result_not_a_level() -> None:
    """Held-out PMC5721317 (gold-tune4) and 15 more abstracts: '(did not) reach/revealed/had
    statistical significance (p < 0.001)' reports a result; a bracket after 'significance' had
    been read as the start of a significance level. 'significance level (P = 0.05)',
    'significance: p<0.05' and 'The level of significance (P = 0.05) was used' still define one."""
    s = "The TOST test and linear mixed model both revealed statistical significance (p < 0.001)."
    assert _p(s) == [("<", 0.001)]
    assert _p("The difference did not reach statistical significance (P > 0.05).") == [(">", 0.05)]
    assert _p("The significance level (P = 0.05) was chosen a priori.") == []
    assert _p("Statistical significance: p<0.05.") == []
    assert _p("The level of significance (P = 0.05) was used.") == []


def test_a_power_of_ten_takes_a_closing_bracket_only_with_its_opening_one() -> None:
    """PMC4330076: 'genome-wide significance (P<5×10−8); however' gave the text 'P<5×10−8)':
    the exponent's closing bracket was optional on its own. 'P < 10^(-4)' keeps both."""
    r = extract_text("bisoprolol response reaching genome-wide significance (P<5×10−8); however, this")
    assert [(p.text, p.value) for p in r.p_values] == [("P<5×10−8", 5e-08)]
    r = extract_text("The effect was large (P < 10^(-4)) overall.")
    assert [(p.text, p.value) for p in r.p_values] == [("P < 10^(-4)", 0.0001)]


def test_a_p_value_written_with_a_colon_or_nothing_after_the_word_value():
    """gold-tune4 PMC4076897 'P value: 0.001 for glucosamine sulfate'; 36 p-values in 13 abstracts
    ('(P-value: .222)', 'with P value 0.48, while', '(P values: 0.184, 0.404, and 0.726, resp.)').
    Only after the word 'value': 'Group P: 0.5 mg/kg' and 'p 0.5' are no p-values."""
    assert _p("Rate of adverse events was lower (P value: 0.001 for glucosamine sulfate).") == [("=", 0.001)]
    assert _p("It was not significant statistically (P-value: .222).") == [("=", 0.222)]
    assert _p("47% for control group with P value 0.48, while the rest") == [("=", 0.48)]
    assert _p("increase after PRP (P values: 0.184, 0.404, and 0.726, resp.).") == [("=", 0.184), ("=", 0.404), ("=", 0.726)]
    assert _p("Group P: 0.5 mg/kg propofol was given.") == []
    assert _p("In arm p 0.5 mg was given.") == []


def test_a_listed_p_value_after_what_the_previous_one_is_for():
    """'P value: 0.001 for A and 0.03 for B' is two p-values (SCHEMA: 'p = 0.006 and 0.044' is
    two); so is each value of 'P values of 0.002, 0.0001, 0.001 in the 50 mg group, 0.0001, ...'.
    A number after the phrase that is no p-value ('0.5 mg', '0.45 (0.3-0.6)') is not read."""
    assert _p("Rate of adverse events was lower (P value: 0.001 for glucosamine sulfate and 0.03 for ibuprofen).") == [
        ("=", 0.001), ("=", 0.03)]
    assert _p("the requirements were lower (P = 0.02 for energy and 0.002 for protein compared to the before group).") == [
        ("=", 0.02), ("=", 0.002)]
    got = _p("with P values of 0.002, 0.0001, 0.001 in the 50 mg group, 0.0001, 0.0001, 0.0001 in the 75 mg group, "
             "and 0.008, 0.0001, 0.001 in the 100 mg group.")
    assert [v for _, v in got] == pytest.approx([0.002, 0.0001, 0.001, 0.0001, 0.0001, 0.0001, 0.008, 0.0001, 0.001])
    assert _p("intake rose (P = 0.02 for energy and 0.5 mg of zinc daily).") == [("=", 0.02)]
    assert _p("it fell (P < 0.001 in the placebo group, 0.45 (0.3-0.6) in the other).") == [("<", 0.001)]


def test_a_range_of_p_values_gives_both_ends():
    """gold-tune2 PMC4967511 'p = 0.22 to 0.78' is two p-values; 3 more ranges in the 3,147
    abstracts ('p = 0.04-0.05', 'p=0.002-0.006', 'P < 0.0001-0.0107'). A unit after the second
    number makes it no p-value."""
    assert _p("no differences between groups for the outcomecategories Emotional and Social Experience in school "
              "(p = 0.22 to 0.78), Physical Activity") == [("=", 0.22), ("=", 0.78)]
    assert _p("improved in all domains (P < 0.0001\u20130.0107).") == [("<", 0.0001), ("=", 0.0107)]
    assert _p("x was given (p = 0.03 to 0.5 mg).") == [("=", 0.03)]


def test_the_significant_level_right_before_a_p_defines_a_level() -> None:
    # corpus/heldout/abstracts/PMC5799988.txt
    text = ("STATISTICAL ANALYSIS USED: Wilcoxon signed-rank test and Mann–Whitney U-test with the significant "
            "level P < 0.05, using IBM SPSS statistics 20 version software.")
    assert extract_text(text).p_values == []
    result = ("Godugdashodhit Langlimool application reduced the hair fall to statistically significant level "
              "(p<0.01) and statistically significant results were observed.")
    assert [(p.comparator, p.value) for p in extract_text(result).p_values] == [("<", 0.01)]
