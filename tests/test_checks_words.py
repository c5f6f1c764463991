"""WORDS_VS_P and WORDS_VS_CI: claims of (no) significance against the numbers beside them."""

from __future__ import annotations

from checks_support import record, run

from extractor.records import Sentence


def test_significantly_improved_beside_p_043():
    text = "Cell therapy significantly improved 30-day survival (P = 0.43)."
    flags = run("WORDS_VS_P", record(text, p=[("P = 0.43", "=", 0.43)]))
    assert [f.severity for f in flags] == ["warning"]
    assert "significantly improved" in flags[0].message


def test_significantly_improved_beside_small_p_is_fine():
    text = "Cell therapy significantly improved 30-day survival (P = 0.004)."
    assert run("WORDS_VS_P", record(text, p=[("P = 0.004", "=", 0.004)])) == []


def test_no_difference_beside_p_0001():
    text = "No difference in mean score was found between the two groups (p = 0.001)."
    flags = run("WORDS_VS_P", record(text, p=[("p = 0.001", "=", 0.001)]))
    assert len(flags) == 1 and "below" in flags[0].message


def test_no_difference_beside_large_p_is_fine():
    text = "No difference in mean score was found between the two groups (p = 0.65)."
    assert run("WORDS_VS_P", record(text, p=[("p = 0.65", "=", 0.65)])) == []


def test_did_not_differ_and_noninferiority():
    text = "Pain scores did not differ between arms (P < 0.001 for non-inferiority)."
    assert run("WORDS_VS_P", record(text, p=[("P < 0.001", "<", 0.001)])) == []


def test_contrast_between_claim_and_p_is_skipped():
    text = ("There was no significant difference between groups until 8 weeks after treatment "
            "(t = -2.424, P = 0.017).")
    assert run("WORDS_VS_P", record(text, p=[("P = 0.017", "=", 0.017)])) == []


def test_mixed_sentence_pairs_each_p_with_its_own_claim():
    text = ("Pain was significantly reduced (P = 0.01), whereas function did not differ (P = 0.52).")
    rec = record(text, p=[("P = 0.01", "=", 0.01), ("P = 0.52", "=", 0.52)])
    assert run("WORDS_VS_P", rec) == []


def test_stated_alpha_is_used():
    text = ("P < 0.01 was considered significant. Fatigue was significantly lower with the drug (P = 0.03).")
    rec = record(text, p=[("P = 0.03", "=", 0.03)])
    rec.sentences.insert(0, type(rec.sentences[0])(index=99, start=0, end=36, text=text[:36]))
    assert len(run("WORDS_VS_P", rec)) == 1


def test_significant_claim_beside_interval_spanning_null():
    t = "odds ratio 1.36; 95% CI 0.57-3.21"
    text = f"Resolution was significantly more frequent with cells ({t})."
    rec = record(text, ci=[dict(text=t, lower=0.57, upper=3.21, estimate=1.36, measure="OR")])
    flags = run("WORDS_VS_CI", rec)
    assert len(flags) == 1 and "spans" in flags[0].message


def test_significant_claim_beside_interval_excluding_null_is_fine():
    t = "odds ratio 2.36; 95% CI 1.57-3.21"
    text = f"Resolution was significantly more frequent with cells ({t})."
    rec = record(text, ci=[dict(text=t, lower=1.57, upper=3.21, estimate=2.36, measure="OR")])
    assert run("WORDS_VS_CI", rec) == []


# --- guards against claims paired with the wrong value, or words that claim nothing
# (audit of the flags on 3,147 abstracts)


def one_sentence(rec, text):
    """The record with all of ``text`` in one sentence (a sentence break the splitter missed)."""
    for v in [*rec.p_values, *rec.intervals]:
        v.sentence = 0
    rec.sentences = [Sentence(index=0, start=0, end=len(text), text=text)]
    return rec


def test_didnt_is_a_negation():
    text = ("Enemas didn't significantly change episiorraphy dehiscence rates (21/182 [12%] with enema v "
            "32/190 [17%] without enema; P = 0.30).")
    assert run("WORDS_VS_P", record(text, p=[("P = 0.30", "=", 0.30)])) == []
    text = text.replace("P = 0.30", "P = 0.003")
    assert len(run("WORDS_VS_P", record(text, p=[("P = 0.003", "=", 0.003)]))) == 1


def test_non_hyphen_in_a_name_is_no_negation():
    text = "Mean reductions in total, LDL and non-HDL cholesterol were significantly greater than in the placebo group (p < 0.05)."
    assert run("WORDS_VS_P", record(text, p=[("p < 0.05", "<", 0.05)])) == []
    text = text.replace("p < 0.05", "p = 0.35")
    assert len(run("WORDS_VS_P", record(text, p=[("p = 0.35", "=", 0.35)]))) == 1


def test_none_of_is_a_negation():
    text = "None of the differences between the two groups were significant (p=0.51)."
    assert run("WORDS_VS_P", record(text, p=[("p=0.51", "=", 0.51)])) == []
    text = text.replace("p=0.51", "p=0.001")
    assert len(run("WORDS_VS_P", record(text, p=[("p=0.001", "=", 0.001)]))) == 1


def test_hedged_claim_is_no_claim():
    text = ("Subjects who received Bacillus coagulans GBI-30, 6086 experienced borderline statistically "
            "significant improvement in the Patient Pain Assessment score (P = .052).")
    assert run("WORDS_VS_P", record(text, p=[("P = .052", "=", 0.052)])) == []
    text = "There was significant reduction in urea between two groups from baseline (P = 0.051)."
    assert len(run("WORDS_VS_P", record(text, p=[("P = 0.051", "=", 0.051)]))) == 1


def test_though_ends_the_claim():
    text = ("Regarding theoretical knowledge, no differences were found between the groups on the primary "
            "test, though the video group performed better on the follow-up test (P=0.04).")
    assert run("WORDS_VS_P", record(text, p=[("P=0.04", "=", 0.04)])) == []
    text = "Regarding theoretical knowledge, no differences were found between the groups on the primary test (P=0.04)."
    assert len(run("WORDS_VS_P", record(text, p=[("P=0.04", "=", 0.04)]))) == 1


def test_semicolon_outside_brackets_ends_the_claim():
    text = ("There were no statistical differences in utilization rates of autologous blood of the two groups; "
            "the utilization rates of allogeneic RBC were lower than those of the control group P < 0.05.")
    assert run("WORDS_VS_P", record(text, p=[("P < 0.05", "<", 0.05)])) == []
    # semicolons inside the brackets do not end it
    text = "End-tidal CO2 (mmHg) did not differ between the groups (KET = 33 ± 8; FMM = 42 ± 11; p = 0.0462)."
    assert len(run("WORDS_VS_P", record(text, p=[("p = 0.0462", "=", 0.0462)]))) == 1


def test_p_values_listed_respectively():
    text = ("In the study group, changes in tPSA and fPSA levels after ejaculation were found statistically "
            "significant while changes in cPSA levels and f/tPSA ratios were not significant (p=0.016, "
            "p=0.0003, p=0.176, and p=0.173, respectively).")
    ps = [("p=0.016", "=", 0.016), ("p=0.0003", "=", 0.0003), ("p=0.176", "=", 0.176), ("p=0.173", "=", 0.173)]
    assert run("WORDS_VS_P", record(text, p=ps)) == []
    text = "In the study group, changes in cPSA levels and f/tPSA ratios were not significant (p=0.016)."
    assert len(run("WORDS_VS_P", record(text, p=[("p=0.016", "=", 0.016)]))) == 1


def test_p_below_zero_decides_nothing():
    # PMC4753023: "p < 0/001" (a slash for the decimal point) read as p < 0
    text = "The incidence of anemia exhibited no difference in either group (p < 0/001)."
    assert run("WORDS_VS_P", record(text, p=[("p < 0", "<", 0.0)])) == []
    text = "The incidence of anemia exhibited no difference in either group (p < 0.001)."
    assert len(run("WORDS_VS_P", record(text, p=[("p < 0.001", "<", 0.001)]))) == 1


def test_missed_sentence_break_ends_the_claim():
    # PMC1950208: "for 2 y. The cumulative rates" was not split
    rd = "rate difference 0.20 (95% confidence interval [CI]: −0.21 to 0.59"
    text = ("After discontinuing the intervention, there was a significant increase in the incidence of "
            "clinical malaria for 2 y. The cumulative rates of clinical malaria were slightly higher, "
            f"{rd}).")
    rec = one_sentence(record(text, ci=[dict(text=rd, lower=-0.21, upper=0.59, estimate=0.20, measure="MD")]), text)
    assert run("WORDS_VS_CI", rec) == []
    text = f"After discontinuing the intervention, there was a significant increase in clinical malaria ({rd})."
    rec = record(text, ci=[dict(text=rd, lower=-0.21, upper=0.59, estimate=0.20, measure="MD")])
    assert len(run("WORDS_VS_CI", rec)) == 1


def test_quoted_claim_is_not_the_reports():
    rr = "RR = 2.13, 95 % CI = 1.86–2.44"
    text = f"Intervention participants were more likely to believe that ‘smoking makes ‘no difference’ to weight’ ({rr})."
    ci = [dict(text=rr, lower=1.86, upper=2.44, estimate=2.13, measure="RR")]
    assert run("WORDS_VS_CI", record(text, ci=ci)) == []
    text = f"Smoking made no difference to weight ({rr})."
    assert len(run("WORDS_VS_CI", record(text, ci=[dict(text=rr, lower=1.86, upper=2.44, estimate=2.13,
                                                        measure="RR")]))) == 1


def test_words_vs_ci_needs_a_named_measure():
    # PMC3994324: one group's level, the measure "MD" carried over by the extractor
    lv = "77.2% (CI, 73.0, 81.4"
    text = (f"No significant difference in mean adherence over the monitoring period was identified with {lv}) "
            "for the control group.")
    assert run("WORDS_VS_CI", record(text, ci=[dict(text=lv, lower=73.0, upper=81.4, estimate=77.2,
                                                    measure="MD")])) == []
    # PMC4188585: the difference is named
    md = "mean difference [95% CI]: 5.0 [0.09 to 9.9]"
    text = f"The maximum difference was observed at 1 month, but the pain reduction was not significant (NRS, {md}; P = 0.046)."
    assert len(run("WORDS_VS_CI", record(text, ci=[dict(text=md, lower=0.09, upper=9.9, estimate=5.0,
                                                        measure="MD")]))) == 1


def test_ratio_named_in_the_clause():
    # PMC3586143: "GLSmean ratio 1.03; 90% CI 0.95, 1.11", the extractor's measure a difference
    t = "1.03; 90% CI 0.95, 1.11"
    text = f"There was no significant difference in Cmax of vandetanib (GLSmean ratio {t})."
    assert run("WORDS_VS_CI", record(text, ci=[dict(text=t, lower=0.95, upper=1.11, estimate=1.03, measure="MD",
                                                    level=90.0)])) == []
    t2 = "1.13; 90% CI 1.05, 1.21"
    text = f"There was no significant difference in Cmax of vandetanib (GLSmean ratio {t2})."
    assert len(run("WORDS_VS_CI", record(text, ci=[dict(text=t2, lower=1.05, upper=1.21, estimate=1.13,
                                                        measure="MD", level=90.0)]))) == 1


def test_hedged_claim_keeps_its_value_from_an_earlier_claim():
    # PMC5360580: the p belongs to "nearly significant", not to "improved significantly"
    text = ("In mild AD patients, WMS-R improved significantly in the treatment group, and the between group "
            "difference was nearly significant (P = 0.067).")
    assert run("WORDS_VS_P", record(text, p=[("P = 0.067", "=", 0.067)])) == []
    text = "In mild AD patients, WMS-R improved significantly in the treatment group (P = 0.067)."
    assert len(run("WORDS_VS_P", record(text, p=[("P = 0.067", "=", 0.067)]))) == 1


def test_failed_to_find_is_a_negation():
    # PMC3688436
    text = ("Over the course of 4 weeks, we failed to find that donepezil produced any significant difference "
            "in the YMRS (6.71 units difference, t = −1.44, P = 0.16) as compared to placebo.")
    assert run("WORDS_VS_P", record(text, p=[("P = 0.16", "=", 0.16)])) == []
    text = text.replace("we failed to find that donepezil produced", "donepezil produced")
    assert len(run("WORDS_VS_P", record(text, p=[("P = 0.16", "=", 0.16)]))) == 1


def test_claim_in_an_although_clause_is_not_the_main_clauses():
    # PMC4018592: the p is of the main clause after the comma
    text = ("Although no significant difference was seen in newborns' height and Apgar score between the two "
            "groups, mean birth weight (3.3 ± 0.4 vs. 3.1 ± 0.4 kg, P = 0.04) of the infants was higher.")
    assert run("WORDS_VS_P", record(text, p=[("P = 0.04", "=", 0.04)])) == []
    text = "No significant difference was seen in newborns' mean birth weight (3.3 ± 0.4 vs. 3.1 ± 0.4 kg, P = 0.04)."
    assert len(run("WORDS_VS_P", record(text, p=[("P = 0.04", "=", 0.04)]))) == 1
