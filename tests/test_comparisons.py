"""Outcome comparisons: seeds complete, real sentences (positive and negative)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.api import extract_text

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


def _one(text: str, word: str):
    rec = extract_text(text)
    hits = [c for c in rec.comparisons if word.lower() in c.outcome.lower()]
    assert hits, f"no comparison on {word!r}: {[c.outcome for c in rec.comparisons]}"
    return hits[0], rec


@pytest.fixture(scope="module")
def seed003():
    path = SEEDS / "003_ba8dd6d3afa44a98.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    return extract_text(path.read_text(encoding="utf-8"), id="003")


@pytest.fixture(scope="module")
def seed000():
    path = SEEDS / "000_c28356bba4997b50.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    return extract_text(path.read_text(encoding="utf-8"), id="000")


def test_seed003_thirty_day_mortality_carries_counts_rr_ci_and_p(seed003) -> None:
    c = next(c for c in seed003.comparisons if "mortality" in c.outcome.lower())
    assert c.outcome == "Thirty-day mortality"
    assert seed003_text(seed003, c.outcome_start, c.outcome_end) == c.outcome
    assert (c.intervention_values.events, c.intervention_values.total) == (42, 112)
    assert (c.comparator_values.events, c.comparator_values.total) == (47, 110)
    assert c.intervention_values.percent == 37.5 and c.comparator_values.percent == 42.7
    assert (c.measure, c.estimate, c.lower, c.upper, c.level) == ("RR", 0.88, 0.64, 1.21, 95.0)
    assert (c.p_comparator, c.p_value) == ("=", 0.43)
    assert c.significant is False
    assert c.direction == "decreased"  # 37.5% vs 42.7%, not significant
    assert c.intervention == "cells"
    assert "42/112" in c.text and c.sentence is not None


def seed003_text(rec, start: int, end: int) -> str:
    path = SEEDS / "003_ba8dd6d3afa44a98.txt"
    return path.read_text(encoding="utf-8")[start:end]


def test_seed003_ards_resolution_counts_and_odds_ratio(seed003) -> None:
    c = next(c for c in seed003.comparisons if "respiratory distress" in c.outcome.lower())
    assert c.outcome.startswith("Resolution or improvement of acute respiratory distress syndrome")
    assert (c.intervention_values.events, c.intervention_values.total) == (51, 104)
    assert (c.comparator_values.events, c.comparator_values.total) == (46, 106)
    assert (c.measure, c.estimate, c.lower, c.upper) == ("OR", 1.36, 0.57, 3.21)
    assert c.significant is False and c.derived  # from the CI including 1: no P given


def test_seed003_no_significant_difference_in_ventilator_free_days(seed003) -> None:
    c = next(c for c in seed003.comparisons if "days alive" in c.outcome)
    assert c.significant is False and c.direction == "no difference"
    assert c.intervention_values.median == 117.3 or c.intervention_values.median is None


def test_seed000_survival_events_derived_from_percent_and_arm_size(seed000) -> None:
    c = next(c for c in seed000.comparisons if c.outcome == "patient survival")
    assert c.significant is True and c.direction == "increased"
    assert (c.p_comparator, c.p_value) == ("=", 0.015)
    iv, cv = c.intervention_values, c.comparator_values
    assert (iv.percent, iv.events, iv.total, iv.derived) == (91.0, 11, 12, True)
    assert (cv.percent, cv.events, cv.total, cv.derived) == (42.0, 5, 12, True)
    assert "12" in iv.derivation


def test_seed000_list_of_outcomes_shares_the_cue_words(seed000) -> None:
    outs = {c.outcome: c for c in seed000.comparisons}
    assert outs["SAE-free survival"].p_value == 0.008 and outs["SAE-free survival"].significant
    assert outs["time to recovery"].p_value == 0.03


def test_two_comparisons_in_one_sentence_each_get_their_p_value() -> None:
    text = ("RESULTS: PHR group patients were more satisfied with the recovery they had made (79% vs. 59%, p=0.04), "
            "but felt less able to talk to staff about their problems (61% vs. 82%, p=0.02).")
    rec = extract_text(text)
    assert len(rec.comparisons) == 2
    a, b = rec.comparisons
    assert "satisfied" in a.outcome and a.p_value == 0.04 and a.direction == "increased" and a.significant
    assert "talk to staff" in b.outcome and b.p_value == 0.02 and b.direction == "decreased"
    assert (a.intervention_values.percent, a.comparator_values.percent) == (79.0, 59.0)


def test_words_only_significant_reduction_compared_with_placebo() -> None:
    c, _ = _one("RESULTS: Dexamethasone significantly reduced the incidence of PONV compared with placebo.", "PONV")
    assert c.significant is True and c.direction == "decreased"
    assert c.comparator == "placebo"


def test_words_only_no_significant_difference_between_groups() -> None:
    c, _ = _one("RESULTS: There were no significant differences in mean arterial pressure, heart rate, "
                "and recovery time during emergence between the two groups.", "arterial pressure")
    assert c.significant is False and c.direction == "no difference"


def test_lower_in_the_placebo_group_is_the_interventions_increase() -> None:
    c, _ = _one("RESULTS: Serum ferritin was significantly lower in the placebo group than in the iron group (P = 0.01).",
                "ferritin")
    assert c.significant is True and c.direction == "increased"
    assert c.comparator and "placebo" in c.comparator


def test_greater_reduction_is_a_decrease() -> None:
    c, _ = _one("RESULTS: Following 1 wk of treatment, a significantly greater reduction in body weight was observed in "
                "the combination diuretic group compared to that in the conventional diuretic group (P = 0.0412).",
                "body weight")
    assert c.significant is True and c.direction == "decreased"


def test_trend_is_not_significant() -> None:
    c, _ = _one("RESULTS: There was a trend towards lower pain scores in the acupuncture group (P = 0.07).", "pain")
    assert c.significant is False


def test_claims_without_a_comparison_are_not_comparisons() -> None:
    rec = extract_text("BACKGROUND: Mesenchymal stem cells could yield beneficial effects in COVID-19 ARDS.\n"
                       "CONCLUSIONS: UC-MSC infusions are safe and could be beneficial in treating subjects with ARDS.")
    assert rec.comparisons == []


def test_methods_sentences_are_skipped() -> None:
    rec = extract_text("METHODS: We compared pain scores between groups; P < 0.05 was considered significant.")
    assert rec.comparisons == []


def test_change_within_one_group_is_not_a_comparison() -> None:
    rec = extract_text("RESULTS: Total cholesterol decreased significantly in the yogurt group "
                       "(within groups P = 0.010).")
    assert rec.comparisons == []


def test_group_named_by_a_letter_is_a_side() -> None:
    # PMC5752787 (train): "Group T" / "Group H" are the arms, not a bare "Group"
    c, _ = _one("RESULTS: At 72 h, Group T had significantly higher sodium levels as compared to Group H "
                "(133.4 ± 1.9 vs. 131.3 ± 2.4 mEq/L).", "sodium")
    # (named by the arm's label, as the arms field writes it)
    assert c.intervention.lower() == "group t" and c.comparator.lower() == "group h"
    assert c.direction == "increased" and c.significant is True


def test_group_followed_by_a_word_is_not_a_lettered_group() -> None:
    # "group and" / "group at" must not read as a group identifier (case-sensitive id)
    c, _ = _one("RESULTS: Serum ferritin was significantly lower in the placebo group than in the iron group (P = 0.01).",
                "ferritin")
    assert c.comparator == "placebo group" or "placebo" in (c.comparator or "")
    assert "Group" not in (c.intervention or "").split()


def test_hyphenated_arm_name_is_one_word() -> None:
    from extractor.fields.comparisons import _ArmIndex
    from extractor.records import Arm

    idx = _ArmIndex([Arm(label="i-gel")])
    # PMC5809706 (train)
    seg = "Insertion time for the i-gel (16.4 ± 2.8 s) was shorter than for the LMA Supreme (18.5 ± 2.7 s)"
    assert [seg[s:e] for s, e, _ in idx.finditer(seg)] == ["i-gel"]
    # the piece after a hyphen of another word does not name the arm
    assert list(idx.finditer("a hydro-gel dressing was applied")) == []


def test_control_named_beside_its_value_does_not_turn_the_direction() -> None:
    # PMC1913915 (train): "placebo" labels a value inside the brackets, the cue word stands
    c, _ = _one("RESULTS: The percentage of patients with ≥1 exacerbation was reduced (tiotropium 9.5%; "
                "placebo 17.9%; p = 0.0147), independent of disease severity.", "exacerbation")
    assert c.direction == "decreased" and c.significant is True
    assert c.intervention != "placebo"


def test_control_word_inside_the_outcome_is_not_a_side() -> None:
    # PMC4161875 (train): "glucose control" is the outcome, not the control group
    c, _ = _one("RESULTS: A significant reduction in daily nursing workload for glucose control was found in the "
                "intervention group (17 versus 36 minutes; P <0.001).", "nursing workload")
    assert c.direction == "decreased" and c.significant is True
    assert c.comparator != "control"


def test_anaphor_borrows_the_previous_sentences_outcome() -> None:
    # PMC1913915 (train): "The improvement" refers to trough FEV1 response
    rec = extract_text("RESULTS: At Week 12, median improvement in trough FEV1 response with tiotropium versus placebo "
                       "was 0.06 L (p = 0.0102). The difference was not significant at Week 24 (p = 0.21).")
    borrowed = [c for c in rec.comparisons if c.rule == "comparison:anaphor"]
    assert borrowed and "FEV1" in borrowed[0].outcome and borrowed[0].significant is False


def test_anaphor_without_a_previous_comparison_keeps_its_words() -> None:
    # PMC4282697 (train): the previous sentence yields no comparison, nothing is borrowed
    rec = extract_text("RESULTS: The differences were statistically significantly better in group A.")
    assert all(c.rule != "comparison:anaphor" for c in rec.comparisons)


def test_comma_list_subject_gives_one_comparison_per_outcome() -> None:
    # PMC5561409 (train) pattern: the direction word follows the last item only
    rec = extract_text("RESULTS: Sleep latency, wake after sleep onset, and stage 1 sleep increased significantly "
                       "with the nicotine patch compared with placebo (P < 0.05).")
    outs = {c.outcome: c for c in rec.comparisons}
    assert {"Sleep latency", "wake after sleep onset", "stage 1 sleep"} <= set(outs)
    assert all(outs[o].direction == "increased" and outs[o].significant for o in ("Sleep latency", "stage 1 sleep"))


def test_two_outcomes_joined_by_and_stay_one_outcome() -> None:
    # PMC5986584 (train): no comma, no list
    rec = extract_text("RESULTS: Triglyceride and insulin levels were significantly decreased in the WL compared to "
                       "the control group (P < 0.05).")
    assert all(c.rule != "comparison:out_subject_list" for c in rec.comparisons)


def test_hazard_ratio_above_one_shortens_a_time_to_event() -> None:
    # PMC1891439 (train): HR 2.17 for fever clearance: clearance time is shorter
    c, _ = _one("RESULTS: Median fever clearance times were 92 hours for gatifloxacin recipients and 138 hours for "
                "cefixime-treated patients (Hazard Ratio[95%CI] = 2.171 [1.545-3.051], p<0.0001).", "clearance")
    assert c.direction == "decreased" and c.significant is True


def test_hazard_ratio_below_one_on_an_event_follows_the_estimate() -> None:
    # an event outcome (mortality): the direction is the estimate's
    c, _ = _one("RESULTS: Mortality was 12% with drug A and 20% with placebo (hazard ratio 0.58; 95% CI 0.40-0.84; "
                "P = 0.004).", "Mortality")
    assert c.direction == "decreased" and c.significant is True


def test_hedged_background_claim_without_numbers_is_not_a_comparison() -> None:
    # PMC4360779 (unlabelled abstract): background, not a result of this trial
    from extractor import extract_text

    rec = extract_text(
        "Cognitive rehabilitation in Parkinson disease\n\n"
        "Moreover, the brain and peripheral level of this protein may be significantly reduced in PD patients. "
        "Patients were randomized to cognitive rehabilitation or placebo."
    )
    assert not [c for c in rec.comparisons if "protein" in c.outcome]


def test_hedged_sentence_with_its_own_p_value_is_still_a_comparison() -> None:
    from extractor import extract_text

    rec = extract_text(
        "Drug X for pain\n\n"
        "RESULTS: Pain scores may be lower with drug X than with placebo (3.1 vs 4.2, P = 0.01)."
    )
    assert any(c.p_value == 0.01 for c in rec.comparisons)


def test_change_in_both_groups_is_not_a_comparison_between_them() -> None:
    rec = extract_text("RESULTS: HbA1c was also reduced significantly in both groups at 12 weeks (P < 0.01).")
    assert not [c for c in rec.comparisons if c.significant]
    # the same words with a later clause setting the groups against each other stay a comparison
    c, _ = _one("RESULTS: Pain scores decreased in both groups, but were significantly lower in the ketamine group "
                "than in the placebo group (3.1 vs 4.5, P = 0.01).", "Pain")
    assert c.significant is True and c.direction == "decreased"


def test_change_from_pre_op_with_no_difference_between_groups_is_not_significant() -> None:
    rec = extract_text("RESULTS: Active flexion ROM significantly improved from pre-op to 24-month follow-up "
                       "(P < 0.0001) with no difference between groups at any time point.")
    assert rec.comparisons and all(c.significant is False for c in rec.comparisons)
    # a change from pre-op compared with the other group is a comparison between groups
    c, _ = _one("RESULTS: The change in flexion from pre-op to 12 months was greater in the allograft group than in "
                "the autograft group (P = 0.01).", "flexion")
    assert c.significant is True


def test_values_after_a_named_reference_group_start_with_the_unnamed_subject() -> None:
    c, _ = _one("RESULTS: Ketamine reduced pain scores compared with the placebo group (3.1 vs 4.5, P = 0.01).", "pain")
    assert (c.intervention_values.mean, c.comparator_values.mean) == (3.1, 4.5)
    # a control named as the subject owns the first value
    c, _ = _one("RESULTS: Pain scores were higher in the placebo group (4.5 vs 3.1, P = 0.01).", "Pain")
    assert (c.intervention_values.mean, c.comparator_values.mean) == (3.1, 4.5)
    assert c.direction == "decreased"


def test_valence_shared_by_a_list_reads_anew_for_an_adverse_outcome() -> None:
    text = ("RESULTS: Co-administration of dexamethasone and diclofenac K was significantly superior to diclofenac "
            "alone for the relief of pain (P < 0.05), and facial swelling up to post-operative 48 hour (P < 0.05).")
    c, _ = _one(text, "facial swelling")
    assert c.significant is True and c.direction == "decreased"  # superior for swelling: less swelling
    # an outcome that is good to have keeps the direction of the word
    c, _ = _one("RESULTS: The treatment group had significantly better scores for pain (P = 0.01), and mouth "
                "opening (P = 0.02).", "mouth opening")
    assert c.direction == "increased"


def test_more_than_a_quantity_is_not_a_direction_word() -> None:
    rec = extract_text("RESULTS: The cumulative sufentanil consumption in the PVB group (54.3 ± 12.1 μg) at 24 "
                       "postoperative hours was more than 20% less than that of the control group (68.1 ± 9.9 μg) "
                       "(P < 0.001).")
    assert not [c for c in rec.comparisons if c.direction == "increased"]
    c, _ = _one("RESULTS: Hospital stay was more than 2 days shorter in the laparoscopic group than in the open "
                "group (P = 0.01).", "Hospital stay")
    assert c.direction == "decreased" and c.significant is True
    c, _ = _one("RESULTS: More patients in the PVB group than in the control group were satisfied (80% vs 50%, "
                "P = 0.01).", "satisfied")
    assert c.direction == "increased" and c.outcome == "satisfied"  # what they were, not "patients"


def test_groups_named_once_carry_over_to_later_items_of_the_sentence() -> None:
    rec = extract_text("RESULTS: The placebo group had a higher pain score (5.1 vs 3.2, p<0.01), and a longer hospital "
                       "stay (8 vs 6 days, p=0.02).")
    stay = next(c for c in rec.comparisons if "hospital stay" in c.outcome)
    assert stay.comparator == "placebo" and stay.direction == "decreased"
    assert (stay.intervention_values.mean, stay.comparator_values.mean) == (6.0, 8.0)
    # an item naming its own group keeps it
    rec = extract_text("RESULTS: The placebo group had a higher pain score (5.1 vs 3.2, p<0.01), while nausea was more "
                       "frequent in the ketamine group (30% vs 10%, p=0.02).")
    nausea = next(c for c in rec.comparisons if "nausea" in c.outcome)
    assert nausea.direction == "increased" and nausea.intervention == "ketamine"
    assert (nausea.intervention_values.percent, nausea.comparator_values.percent) == (30.0, 10.0)


def test_two_letter_arm_abbreviations_and_the_group_after_versus_value() -> None:
    text = ("METHODS: Patients were randomized into three groups: total thyroidectomy (TT), Dunhill operation (DO) "
            "and bilateral subtotal thyroidectomy (BST).\nRESULTS: Recurrent goiter was found at 10 years in 1 (0.6%) "
            "TT versus 15 (8.6%) DO versus 39 (22.4%) BST (p < 0.001).")
    c, _ = _one(text, "Recurrent goiter")
    assert (c.intervention, c.comparator) == ("TT", "DO")
    assert (c.intervention_values.mean, c.comparator_values.mean) == (1.0, 15.0)
    assert c.direction == "decreased"
    # lower-case "do" is a verb, not the arm; a p-value in brackets after "versus" is no group's value
    text = ("METHODS: Patients were randomized to SaphLITE or Clearglide harvesting.\nRESULTS: The total incision "
            "length was 12.9 cm versus 8.9 (p < 0.05) in the SaphLITE and Clearglide groups.")
    c, _ = _one(text, "incision length")
    assert c.comparator != "SaphLITE" and c.direction == "increased"


def test_group_named_by_the_absence_of_an_arm_treatment_is_the_control() -> None:
    text = ("METHODS: Patients were randomized to cemented TKA with or without tourniquet.\nRESULTS: Range of motion "
            "was 11° more in the non-tourniquet group (p = 0.001 at 2 years).")
    c, _ = _one(text, "Range of motion")
    assert c.significant is True and c.direction == "decreased"  # more without it: the tourniquet's decrease
    # "non-" before a word naming no arm is a subgroup, not the control
    text = ("METHODS: Patients were randomized to ketamine or placebo.\nRESULTS: Nausea was more frequent in the "
            "non-diabetic group (p = 0.02).")
    c, _ = _one(text, "Nausea")
    assert c.direction == "increased"


def _benchmark():
    from benchmark_support import evidence_inference_benchmark

    return evidence_inference_benchmark()


def test_benchmark_reads_a_change_outcome_as_the_size_of_the_change() -> None:
    bench = _benchmark()
    text = ("METHODS: Patients were randomized to olanzapine or placebo.\nRESULTS: The olanzapine group also had "
            "greater reductions in the CGI-BP Depression score than the placebo group (p = .008).")
    rec = extract_text(text)
    c = next(c for c in rec.comparisons if "depression" in c.outcome.lower()).model_dump()
    assert c["direction"] == "decreased"  # the score
    prompt = {"intervention": "olanzapine", "comparator": "placebo", "outcome": "reductions in CGI-BP Depression"}
    assert bench._magnitude_outcome(prompt, c)  # the reductions: larger
    assert not bench._magnitude_outcome({**prompt, "outcome": "CGI-BP Depression score"}, c)


def test_subject_ending_in_a_verb_of_the_group_is_not_the_outcome() -> None:
    text = ("METHODS: Patients were randomized to duloxetine or placebo.\nRESULTS: Duloxetine demonstrated significantly "
            "greater improvement in depressive symptom severity, compared with placebo, within both melancholic and "
            "non-melancholic cohorts (p ≤ .001).")
    c, _ = _one(text, "depressive symptom severity")
    assert c.outcome == "depressive symptom severity" and c.significant is True
    # a subject that is the outcome stays the outcome
    c, _ = _one("RESULTS: Depressive symptom severity was significantly lower with duloxetine than with placebo "
                "(p = 0.01).", "severity")
    assert c.outcome == "Depressive symptom severity" and c.direction == "decreased"


def test_group_after_versus_patients_randomized_to_is_the_reference() -> None:
    text = ("METHODS: Patients were randomized to golimumab or placebo.\nRESULTS: Treatment with golimumab yielded "
            "significantly higher MDA response rates versus patients randomized to placebo at week 14 (23.5% versus "
            "1.0%; P < 0.0001).")
    c, _ = _one(text, "MDA response")
    assert c.direction == "increased" and c.comparator == "placebo"
    assert (c.intervention_values.percent, c.comparator_values.percent) == (23.5, 1.0)
    # the placebo group as the subject is not the reference
    c, _ = _one("METHODS: Patients were randomized to golimumab or placebo.\nRESULTS: Patients randomized to placebo "
                "had significantly higher pain scores (5.1 vs 3.2; P = 0.01).", "pain")
    assert c.direction == "decreased"


def test_improvement_in_a_mood_state_is_its_decrease() -> None:
    c, _ = _one("RESULTS: Significant improvements in tension were found in the TA group compared with placebo "
                "(p = 0.02).", "tension")
    assert c.significant is True and c.direction == "decreased"  # less tension
    c, _ = _one("RESULTS: Significant improvements in vigor were found in the TA group compared with placebo "
                "(p = 0.02).", "vigor")
    assert c.direction == "increased"


def test_items_of_the_list_after_a_change_noun_are_outcomes() -> None:
    rec = extract_text("RESULTS: GSLiM participants also achieved significant improvement in total weight self-efficacy "
                       "score, negative emotions and physical discomfort subscales, compared with controls.")
    by = {c.outcome: c for c in rec.comparisons}
    assert by["total weight self-efficacy score"].direction == "increased"
    assert by["negative emotions"].direction == "decreased"  # an improvement of a bad thing
    assert by["physical discomfort subscales"].direction == "decreased"
    # a clause after the comma is a new statement, not an item
    rec = extract_text("RESULTS: There was a significant improvement in pain scores, whereas nausea was more "
                       "frequent with ketamine (p = 0.01).")
    assert not [c for c in rec.comparisons if c.outcome.startswith("whereas")]


def test_shortcuts_before_the_group_treated_rule_and_word_lists_lose_no_match() -> None:
    # the pair test before group_treated is a hand-kept copy of the rule's required words:
    # every example the rule matches must pass it, glued preposition ("inpatients") included
    from extractor.fields.comparisons import _RUN, _may_name_treated_group, _Runs
    from extractor.rules import load_rules

    rule = load_rules("comparisons").by_id("group_treated")
    texts = [*rule.examples.match, *rule.examples.no_match, "inpatients receiving ketamine",
             "compared withparticipants randomized to placebo", "non-patients treated with X"]
    for t in texts:
        if next(iter(rule.finditer(t)), None) is not None:
            assert _may_name_treated_group(t.lower()), t
    # the byte-table split gives the runs of the regex, ASCII or not, and where they start
    for t in ("Pain (VAS) fell, 5-FU vs. i-gel_x; p<0.05 vs vs", "naïve ± 3 µg — non-tourniquet vs", ""):
        runs = _Runs("..." + t, 3, 3 + len(t))
        assert runs.words == [w.lower() for w in _RUN.findall(t)]
        assert runs.starts_of(runs.set) == [(3 + m.start(), m.group().lower()) for m in _RUN.finditer(t)]


def _gate_cases() -> list:
    from extractor.rules import load_rules

    return [pytest.param(r.id, ex, id=f"{r.id}:{ex[:40]}") for r in load_rules("comparisons").rules for ex in r.examples.match]


@pytest.mark.parametrize("rule_id,example", _gate_cases())
def test_rule_gates_pass_every_must_match_example(rule_id: str, example: str) -> None:
    # the substring and word gates of patterns/comparisons.lexicon.json skip a rule only
    # where it cannot match: a must-match example is searched, and found
    from extractor.fields.cue_words import _finditer
    from extractor.rules import load_rules

    rule = load_rules("comparisons").by_id(rule_id)
    # as written; beside letters outside ASCII ("±", "µ"), which the gates read as spaces;
    # and with letters a case-insensitive regex matches as ASCII ones ("ſ" for s, "K" for k)
    for text in (example, f"µ {example} ±", example.replace("s", "\u017f").replace("k", "\u212a")):
        if next(iter(rule.finditer(text)), None) is not None:
            assert next(iter(_finditer(rule_id, text)), None) is not None, f"{rule_id} gated out {text!r}"


def test_arm_names_found_by_word_lookup_are_those_of_the_run_scan() -> None:
    # _ArmIndex.finditer reads ASCII text through the runs table (str.find); the run scan
    # it replaced must find the same (start, end, arm) in any text: hyphenated and glued
    # names, plurals, two-capital abbreviations, runs starting with "-" or "_"
    import random
    from types import SimpleNamespace

    from extractor.fields.comparison_groups import _RUN_HEAD, _ArmIndex

    arms = [SimpleNamespace(label="Placebo", aliases=["control group"], role="control"),
            SimpleNamespace(label="TT tourniquet", aliases=["i-gel", "5-FU", "low-dose aspirin"], role="intervention"),
            SimpleNamespace(label="DO", aliases=["sp_x"], role="intervention")]
    index = _ArmIndex(arms)
    words = ["placebo", "Placebos", "PLACEBO", "placebo-treated", "placebo_x", "-placebo", "tt", "TT", "TT-x", "i-gel",
             "I-GEL", "5-fu", "5-FU-based", "low-dose", "low", "dose", "aspirins", "tourniquets", "do", "DO", "sp_x",
             "controls", "group", "12%", "(", ",", "vs.", "-", "_", "--"]
    gaps = [" ", "  ", ", ", "-", "_", "(", ") ", "; ", "\n", "/"]
    rng = random.Random(1)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        assert list(index.finditer(text)) == list(index._scan(text, _RUN_HEAD.finditer(text))), text


def test_no_group_differences_is_no_difference_for_each_item_of_an_or_list() -> None:
    text = "RESULTS: No group differences were seen in PCS score, anxiety, self‐efficacy, or total healthcare costs."
    rec = extract_text(text)
    outs = {c.outcome: c for c in rec.comparisons}
    assert set(outs) == {"PCS score", "anxiety", "self‐efficacy", "total healthcare costs"}
    for c in outs.values():
        assert c.significant is False and c.direction == "no difference"
        assert text[c.outcome_start:c.outcome_end] == c.outcome


def test_group_differences_with_a_significance_word_are_not_no_difference() -> None:
    c, _ = _one("RESULTS: There were significant group differences in PCS score (p = 0.01).", "PCS")
    assert c.outcome == "PCS score" and c.significant is True and c.direction != "no difference"


def test_qualified_difference_subject_gives_way_to_the_outcome_after_it() -> None:
    text = "RESULTS: However, no significant changes were found in the MVC (P>0.05 for both groups)."
    rec = extract_text(text)
    assert [c.outcome for c in rec.comparisons] == ["MVC"]  # upper case is a word too
    c = rec.comparisons[0]
    assert c.significant is False and text[c.outcome_start:c.outcome_end] == "MVC"


def test_subject_with_a_noun_of_its_own_stays_the_outcome() -> None:
    c, _ = _one("RESULTS: Serum ferritin changes were similar between groups (p = 0.4).", "ferritin")
    assert c.outcome == "Serum ferritin changes" and c.significant is False


def test_a_change_noun_and_its_verb_have_no_object() -> None:
    rec = extract_text("RESULTS: However, no significant change was observed one month after the injection.")
    assert not [c for c in rec.comparisons if "observed" in c.outcome]


def test_upper_case_outcome_after_a_change_noun_is_read() -> None:
    text = ("RESULTS: Treatment with telmisartan-HCTZ induced significantly greater reductions in BP (−31.1/−18.3 mm Hg) "
            "than valsartan-HCTZ (−28.4/−16.3 mm Hg; SBP P = 0.0265, diastolic BP P = 0.0041).")
    c = extract_text(text).comparisons[0]
    assert c.outcome == "BP" and c.direction == "decreased" and c.significant is True


def test_an_event_no_group_had_is_no_difference_without_a_side() -> None:
    text = "RESULTS: No postoperative morbidity or mortality occurred in either group."
    rec = extract_text(text)
    assert [c.outcome for c in rec.comparisons] == ["postoperative morbidity or mortality"]
    c = rec.comparisons[0]
    assert c.significant is False and c.direction == "no difference"
    assert c.intervention is None and c.comparator is None
    assert text[c.outcome_start:c.outcome_end] == c.outcome
    c, _ = _one("RESULTS: No severe adverse events related to meropenem administration in either group were observed.",
                "adverse events")
    assert c.significant is False


def test_an_event_with_no_group_named_or_named_in_a_group_is_not_read_as_none() -> None:
    assert not extract_text("RESULTS: No serious AEs were reported; there were no withdrawals due to AEs.").comparisons
    rec = extract_text("RESULTS: The most common adverse event observed in either group was headache.")
    assert not [c for c in rec.comparisons if c.rule == "comparison:out_none_in_groups"]


def test_non_significantly_reduced_is_not_significant() -> None:
    text = "RESULTS: Deaths, hospitalisations and pneumonia were non-significantly reduced in the T&P allocated facilities."
    rec = extract_text(text)
    assert [c.outcome for c in rec.comparisons] == ["Deaths", "hospitalisations", "pneumonia"]
    assert all(c.significant is False for c in rec.comparisons)


def test_significantly_reduced_list_is_still_significant() -> None:
    rec = extract_text("RESULTS: Also, hsCRP and EMPs were significantly reduced by the NC (−41% and −16%, respectively).")
    assert [c.outcome for c in rec.comparisons] == ["hsCRP", "EMPs"]
    assert all(c.significant is True and c.direction == "decreased" for c in rec.comparisons)


def test_values_given_to_groups_by_respectively_give_the_direction() -> None:
    text = ("RESULTS: The one-year recurrence rates were 53.3% and 86.6% in patients treated with sorafenib and "
            "capecitabine, respectively (χ2 = 3.968, P < 0.05).")
    c, _ = _one(text, "recurrence")
    assert c.outcome == "one-year recurrence rates" and c.intervention == "sorafenib"
    assert c.direction == "decreased" and c.significant is True
    assert (c.intervention_values.percent, c.comparator_values.percent) == (53.3, 86.6)
    c, _ = _one("RESULTS: Gastrointestinal adverse events occurred in 26.9% and 50.9% of IPC and ferrous sulfate patients, "
                "respectively (P = 0.012).", "Gastrointestinal")
    assert c.direction == "decreased" and c.significant is True


def test_respectively_values_of_two_outcomes_or_subgroups_are_not_arm_values() -> None:
    c, _ = _one("RESULTS: Finally, 4-year overall (OS) and progression-free survivals (PFS) were 53% and 54%, respectively, "
                "in the Flu-TBI arm, versus 54% (P = 0.9) and 37% (P = 0.12), respectively, in the TLI-ATG arm.", "survivals")
    assert c.direction == "no difference" and c.intervention_values is None
    rec = extract_text("RESULTS: Rates of HBV DNA ≤2,000 IU/mL at 1 year post-treatment were 47.2 and 43.4% in patients "
                       "with ≥10% decline from baseline at weeks 12 and 24, respectively, compared with 16.4% (p = 0.0003) "
                       "and 13.2% (p < 0.0004) in patients with a <10% decline.")
    assert not [c for c in rec.comparisons if c.intervention_values is not None and c.intervention_values.percent == 47.2]


def test_outcome_after_the_groups_named_between() -> None:
    c, _ = _one("RESULTS: There were no significant differences between the two study groups for non-smoking intentions "
                "(T1: β = 0.02, 95 % CI = -0.08–0.12; T2: β = 0.08, 95 % CI = -0.02–0.17) or for cigarette refusal "
                "self-efficacy (T1: β = 0.28, 95 % CI = -0.10–0.66).", "smoking")
    assert c.outcome == "non-smoking intentions" and c.significant is False
    c, _ = _one("RESULTS: There were no significant differences between arms in electronically-measured adherence, average "
                "CD4 cell increase from baseline, average change in log10 HIV RNA from baseline, opportunistic conditions, "
                "hospitalizations, mortality, or the development of new drug resistance mutations.", "adherence")
    assert c.outcome == "electronically-measured adherence" and c.significant is False


def test_between_the_groups_with_no_outcome_after_it_reads_none_there() -> None:
    rec = extract_text("RESULTS: Success rate was 73.7 % vs. 71.4 % at six months and 72.2 % vs. 68.4 % at 12 months in the "
                       "injection group and the control group respectively. No significant difference was noted between "
                       "the two groups (six months: P = 0.87, 12 months: P = 1.00).")
    assert not [c for c in rec.comparisons if c.rule == "comparison:out_diff_in"]


def test_percents_each_followed_by_its_group_give_the_direction() -> None:
    c, _ = _one("RESULTS: The primary AVF failures at two months were 21.6% in placebo group and 5.2% in clopidogrel "
                "group (P = 0.03)", "AVF")
    assert (c.intervention, c.comparator) == ("clopidogrel", "placebo")
    assert c.direction == "decreased" and c.significant is True
    c, _ = _one("RESULTS: The percentage of pregnant women who quitted smoking during the project was 46.1% in the "
                "intervention group and 23.4% among the controls (p < 0.001)", "smoking")
    assert c.direction == "increased" and c.significant is True


def test_percents_of_one_group_in_two_steps_are_not_a_group_pair() -> None:
    rec = extract_text("RESULTS: Spiromax was correctly used by 37.5% and 93.3% of participants in steps 1 and 2, "
                       "respectively, compared with 0% and 58.3% with Easyhaler, and 9.2% and 76.7% with Turbuhaler.")
    assert not [c for c in rec.comparisons if c.direction in ("increased", "decreased")]


def test_rules_anchored_at_the_start_are_matched_there_only() -> None:
    # a rule starting with <<lead>> (which starts with "^") is matched once, at the start,
    # where a scan went on trying every later position: the same matches, on every example
    from extractor.fields.cue_words import _finditer, _gated_rules
    from extractor.rules import load_rules

    anchored = {rid for rid, g in _gated_rules().items() if g[4]}
    assert {"out_subject", "out_subject_list", "out_none_in_groups"} <= anchored
    for rid in anchored:
        rule = load_rules("comparisons").by_id(rid)
        for ex in (*rule.examples.match, *rule.examples.no_match):
            for text in (ex, "  " + ex, "Moreover, " + ex):
                assert [m.span() for m in _finditer(rid, text)] == [m.span() for m in rule.finditer(text)], text


def test_blanked_text_searched_by_the_runs_of_the_whole_finds_the_same_cues() -> None:
    # _word_cues reads the words around the outcome, blanked, with the runs of the unblanked
    # segment: every word list finds what it finds with the blanked text's own runs
    from extractor.fields.cue_words import _blanked_runs, _cues, _Runs

    cues = _cues()
    texts = ["Pain was significantly lower in group A than in placebo (p = 0.03)",
             "There was no significant difference in the time to first analgesia between groups",
             "The combination group had a better mental state and higher IL-2 levels, not similar to controls",
             "non-significantly reduced pre-operative anxiety; a trend towards fewer events"]
    for text in texts:
        for r0 in range(len(text) + 1):
            for r1 in range(r0 + 2, min(len(text), r0 + 40) + 1, 3):
                blanked = text[:r0] + " " * (r1 - r0) + text[r1:]
                runs = _blanked_runs(text, r0, r1)
                cut = (0 < r0 and (text[r0 - 1].isalnum() or text[r0 - 1] in "-_") and (text[r0].isalnum() or text[r0] in "-_")) or (
                    r1 < len(text) and (text[r1 - 1].isalnum() or text[r1 - 1] in "-_") and (text[r1].isalnum() or text[r1] in "-_"))
                assert (runs is None) == cut, (text, r0, r1)
                if runs is None:
                    continue
                own = _Runs(blanked, 0, len(blanked))
                for key in ("increase", "decrease", "better", "worse", "no_difference", "trend", "significant"):
                    assert [m.span() for m in cues[key].finditer(blanked, runs=runs)] == \
                        [m.span() for m in cues[key].finditer(blanked, runs=own)], (key, blanked)
                    found = cues[key].search(blanked, runs=runs)
                    assert (found and found.span()) == ((m := cues[key].search(blanked, runs=own)) and m.span())


def test_a_sentence_that_cannot_compare_has_no_segment_that_does() -> None:
    # _cannot_compare skips a sentence without numbers before its clauses are built: only
    # where each clause would have been dropped anyway
    from extractor.fields.comparisons import _cannot_compare, _cues, _words_may_compare

    cues = _cues()
    assert _cannot_compare("quality of life improved over the study.", "Quality of life improved over the study.", cues)
    for sent in ("Pain was lower than with placebo; nausea was similar.",
                 "No serious adverse events occurred in either group.",
                 "Pain fell from 7 vs 5 points.",
                 "Mortality was 12% and 15%, respectively."):
        assert not _cannot_compare(sent.lower(), sent, cues), sent
    # a clause's cue words and markers are the sentence's: one found in a clause is found in it
    sent = "Pain improved in both groups, but nausea was significantly less frequent than with placebo"
    clause = sent[sent.index("nausea"):]
    assert _words_may_compare(clause, cues) and _words_may_compare(sent, cues)


def _outcomes(text: str) -> list[tuple[str | None, str | None]]:
    r = extract_text(text)
    assert r.warnings == []
    return [(c.outcome, c.direction) for c in r.comparisons]


def test_a_long_run_of_spaces_before_a_tail_word_is_trimmed_in_one_pass() -> None:
    # _TRIM_TAIL's search tried each space of a run, each try reading the run to its end:
    # quadratic, 14 s for one abstract with 10,000 spaces (PDF layout) before "and 73.6%"
    text = "Title\n\nRESULTS: Pain relief was better with drug than with placebo and{} (P = 0.01)."
    spaced = _outcomes(text.format(" " * 10_000))
    assert spaced == _outcomes(text.format("")) and [o for o, _ in spaced] == ["Pain relief"]


def test_a_long_run_of_spaces_is_split_into_clauses_and_pieces_in_one_pass() -> None:
    # _CLAUSE_SPLIT and piece_split ("\s+but\s+", "\s+and\s+") were tried at each space of a
    # run, each try reading the run to its end: quadratic, 1.5 s a sentence with 10,000 spaces
    for text in ("Title\n\nRESULTS: Weight loss was greater with drug than placebo{} but nausea was more frequent (P = 0.01).",
                 "Title\n\nRESULTS: The drug group had a better mental state{} and higher levels of IL-2 (all P < 0.05)."):
        spaced = _outcomes(text.format(" " * 10_000))
        assert spaced == _outcomes(text.format(""))
    assert [o for o, _ in spaced] == ["mental state", "levels of IL-2"]


def test_a_percent_past_100_derives_no_events_and_loses_no_field() -> None:
    # events were derived as round(percent x n) for any percent: "999...9% vs 30%" (305 nines)
    # made the product infinite and round() raise, losing the whole field ("comparisons:
    # extraction failed (OverflowError ...)"); 150% invented more events than the arm's n
    def values(percent: str):
        r = extract_text("Title\n\nRESULTS: Patients were randomized to aspirin (n=2000) or placebo (n=3000). "
                         f"Response was {percent}% vs 30%.")
        assert r.warnings == []
        return [(c.intervention_values.percent, c.intervention_values.events, c.comparator_values.events) for c in r.comparisons]

    assert values("9" * 305) == [(float("9" * 305), None, 900)]
    assert values("-" + "9" * 305) == [(-float("9" * 305), None, 900)]
    assert values("150") == [(150.0, None, 900)]
    assert values("40") == [(40.0, 800, 900)]


@pytest.mark.parametrize(
    "text,outcome,direction",
    [
        ("METHODS: Patients were randomized to ketamine (n = 20) or placebo (n = 20).\nRESULTS: Pain relief was better "
         "in the ketamine group than in the placebo group (P = 0.01).", "Pain relief", "increased"),
        ("RESULTS: Ultrasound-guided ILI+IHG provided better pain control than US-guided posterior TAP (P = 0.01).",
         "pain control", "increased"),
        ("RESULTS: Relief of postoperative pain was better in the ketamine group than in the placebo group (P = 0.01).",
         "Relief of postoperative pain", "increased"),
        ("RESULTS: Freedom from pain at 2 hours was better with drug than with placebo (P = 0.01).",
         "Freedom from pain at 2 hours", "increased"),
        ("RESULTS: Control of nausea and vomiting was better with drug than with placebo (P = 0.01).",
         "Control of nausea and vomiting", "increased"),
        ("RESULTS: Pain relief was worse in the ketamine group than in the placebo group (P = 0.01).",
         "Pain relief", "decreased"),
        # the adverse outcome itself still turns the word round
        ("RESULTS: Pain was better in the ketamine group than in the placebo group (P = 0.01).", "Pain", "decreased"),
        ("RESULTS: Pain scores were better in the ketamine group than in the placebo group (P = 0.01).",
         "Pain scores", "decreased"),
        ("RESULTS: Pain in the control group was worse than in the drug group (P = 0.01).", "Pain", "decreased"),
    ],
)
def test_pain_relief_is_a_benefit_not_an_adverse_outcome(text: str, outcome: str, direction: str) -> None:
    c, _ = _one(text, outcome)
    assert (c.outcome, c.direction) == (outcome, direction)


def test_adverse_reads_relief_heads_on_either_side_of_the_adverse_word() -> None:
    from extractor.fields.cue_words import _cues, adverse

    cues = _cues()
    for benefit in ("pain relief", "relief of pain", "freedom from postoperative pain", "symptom control",
                    "resolution of symptoms", "pain free", "pain-free days", "pain reduction", "nausea prevention"):
        assert not adverse(benefit, cues), benefit
    for harm in ("pain", "pain scores", "pain in the control group", "relief and pain", "nausea and pain relief",
                 "mortality", "time to relief and the incidence of vomiting"):
        assert adverse(harm, cues), harm


@pytest.mark.parametrize(
    "text,outcome",
    [
        # "who"/"that" restricting the people counted: the outcome runs through the clause
        ("RESULTS: The proportion of patients who were part time sick-listed was significantly higher in the "
         "intervention group (10/18) than in the control group (2/15) (p = 0.027).",
         "proportion of patients who were part time sick-listed"),
        ("RESULTS: Number of patients who developed sore throat was significantly higher in the Succinylcholine group "
         "(75%) compared to Cisatracurium group (27.5%) (P = 0.001).", "Number of patients who developed sore throat"),
        ("RESULTS: The total number of complications (46 vs. 99, p = 0.043) and the proportion of patients who developed "
         "one or more complications (19.2 vs. 34.7%, p = 0.034) were smaller in the GDFR group.",
         "proportion of patients who developed one or more complications"),
        # a leading "Among <people> who ...,": the subject follows the comma
        ("RESULTS: Among children who had not received FU-VAS, mortality in the second and third year of life did "
         "not differ according to reception of neonatal VAS or placebo (P = 0.4).",
         "mortality in the second and third year of life"),
        # "which" opens the clause reporting the result: the outcome ends before it
        ("RESULTS: 3rd month postoperative assessment revealed Lag screw group to have better biting efficiency, and "
         "better bone healing which was statistically significant when compared with miniplate group.",
         "better bone healing"),
        ("RESULTS: The mean of state of anxiety, which was 36.4 ± 5.1 before intervention, was reduced by the fifth "
         "day to 31.2 ± 5.1 in the massage group (P < 0.0001).", "mean of state of anxiety"),
        # a demonstrative "that" names what the comparative word follows
        ("RESULTS: Overall, IFN-β-1a had a safety profile similar to that of placebo (P = 0.6).", "safety profile"),
        ("METHODS: Patients were randomized to CKD-828 or S-amlodipine 2.5 mg.\nRESULTS: CKD-828 exhibited superior "
         "BP-lowering effects to that of S-amlodipine 2.5 mg (P = 0.0028).", "BP-lowering effects"),
        # the people a statement is about are no outcome: the object of their verb is
        ("RESULTS: Subjects who remained in remission had a higher DI (P = 0.02) than those with relapse.", "DI"),
    ],
)
def test_comparison_outcome_does_not_end_in_a_relative_pronoun(text: str, outcome: str) -> None:
    outcomes = [c.outcome for c in extract_text(text).comparisons]
    assert outcome in outcomes, outcomes
    assert not [o for o in outcomes if o.split()[-1].lower() in ("who", "that", "which")], outcomes


def test_outcome_that_does_not_end_in_a_pronoun_is_left_as_it_was() -> None:
    # the pronoun is inside the phrase, or a word only ends like one ("glucose", "wheat")
    for text, outcome in (
        ("RESULTS: The proportion of patients who achieved an ACR20 response at week 14 was higher with drug than "
         "with placebo (P = 0.01).", "proportion of patients who achieved an ACR20 response at week 14"),
        ("RESULTS: Fasting glucose was lower with drug than with placebo (P = 0.01).", "Fasting glucose"),
    ):
        assert outcome in [c.outcome for c in extract_text(text).comparisons]
    # a subject that is only a pronoun names no outcome ("Those in the effective group were younger")
    outcomes = [c.outcome for c in extract_text("RESULTS: Those in the effective group were significantly younger than "
                                                "those in the non-effective group (P=0.012).").comparisons]
    assert "Those" not in outcomes


# outcomes that were a word naming nothing ("patients", "by", "from", "it", "At", "groups",
# "either", "them", "25"): the outcome is read where the sentence names it, or there is none


def test_more_patients_in_a_group_who_reported_x_has_x_as_outcome() -> None:
    c, _ = _one("RESULTS: At 12 months, more patients in the intervention group reported monitoring weights daily "
                "(79% vs. 29%, p < 0.0001).", "weights")
    assert c.outcome == "monitoring weights daily" and c.direction == "increased"
    c, _ = _one("RESULTS: Finally, less patients in RTX group required tolterodine, compared with control, "
                "P=0.009.", "tolterodine")
    assert c.outcome == "tolterodine" and c.direction == "decreased"
    # negative: the predicate is negated ("did not experience"): no outcome of the people
    rec = extract_text("RESULTS: Fewer patients in Group P2.5 did not experience any nausea or vomiting throughout "
                       "the study (49%) compared with those in Group P7.5 (67%) and Group P+D (81%; P<0.01).")
    assert not [c for c in rec.comparisons if c.outcome.lower() in ("patients", "did not experience any nausea")]


def test_reduced_by_or_increased_from_has_the_subject_as_outcome() -> None:
    c, _ = _one("RESULTS: In comparison to placebo, LDL-cholesterol was significantly reduced by 7% and 4% "
                "(P < 0.05) at both week 3 and week 4.", "LDL")
    assert c.outcome == "LDL-cholesterol" and c.direction == "decreased"
    c, _ = _one("RESULTS: With alogliptin, mean plasma glucose increased from 175.4 ± 50.9 mg/dL to 195.3 ± 55.0 "
                "mg/dL after 12 weeks and HbA1c increased significantly from 8.0% to 8.3% (P < 0.05).", "glucose")
    assert c.outcome == "mean plasma glucose"
    c, _ = _one("RESULTS: The risk of major adverse CV events (MACE: first occurrence of CV death, non-fatal "
                "myocardial infarction, or non-fatal stroke) was reduced by 14% relative to placebo (HR 0.86; "
                "95.02% CI: 0.74–0.99; P = 0.04 for superiority).", "risk")
    assert c.outcome == "risk of major adverse CV events"
    # negative: the subject is a group ("Participants in the yoga group"): no "by" outcome
    rec = extract_text("RESULTS: Participants in the yoga group improved by (on average) 5.7 (95% confidence "
                       "interval 3.1 to 14.7) points more on the PFDI-20 than did participants in the control group "
                       "(P = 0.1).")
    assert not [c for c in rec.comparisons if c.outcome.lower() in ("by", "participants in the yoga group")]
    # negative: a noun ("a significant increase from"), not a verb: its subject is not read
    rec = extract_text("RESULTS: The mean PPI score in group II showed a significant increase from when compared "
                       "to group I.")
    assert "from" not in [c.outcome for c in rec.comparisons]


def test_it_or_from_in_a_later_clause_names_the_earlier_clauses_outcome() -> None:
    rec = extract_text("RESULTS: After 30 days, mean SAR decreased from 0.26 ± 0.14 to 0.19 ± 0.10 μmol/mL in the "
                       "29.5 mL dose group (P < 0.01) and from 0.26 ± 0.22 to 0.18 ± 0.11 μmol/mL in the 118 mL dose "
                       "group (P < 0.001).")
    assert [c.outcome for c in rec.comparisons] == ["mean SAR", "mean SAR"]
    # negative: nothing before the pronoun to refer to: no comparison on "it"
    rec = extract_text("RESULTS: In the patients who did not develop TM, it was 3.39 ± 1.18 days (p = 0.001).")
    assert "it" not in [c.outcome for c in rec.comparisons]


def test_leading_at_follow_up_is_skipped_for_the_outcome_after_it() -> None:
    c, _ = _one("RESULTS: At the median follow up of 17 (range 1–39) months, the median PFS was 10.3 months in the "
                "XELIRI and 9.3 months in the FOLFIRI arm (p = 0.78), the median OS was 30.7 months in the XELIRI "
                "arm and 16.6 months in the FOLFIRI arm (p = 0.16).", "PFS")
    assert c.outcome == "median PFS" and c.direction == "no difference"
    # negative: a leading time with no comma after its numbers: nothing is read
    rec = extract_text("RESULTS: At the median follow up of 17 months nothing else was reported (p = 0.78).")
    assert "At" not in [c.outcome for c in rec.comparisons]


def test_change_in_any_or_either_group_names_no_outcome() -> None:
    c, _ = _one("RESULTS: Serum magnesium showed no significant changes in any groups.", "magnesium")
    assert c.outcome == "Serum magnesium"
    c, _ = _one("RESULTS: Emergency room or acute visits to a physician for asthma did not significantly change in "
                "either group.", "asthma")
    assert c.outcome == "Emergency room or acute visits to a physician for asthma"
    rec = extract_text("RESULTS: Between 24 and 48 h, there was no statistically significant difference in both "
                       "groups (p = 0.710).")
    assert not [c for c in rec.comparisons if c.outcome.lower().endswith(("groups", "difference"))]
    # negative: "both of them" is no subject
    rec = extract_text("RESULTS: The H. pylori eradication rate of group A was slightly higher than group B "
                       "(P < 0.05) and both of them were obviously higher than group C (P < 0.05).")
    assert not [c for c in rec.comparisons if c.outcome.lower().startswith("them")]


def test_25_oh_d_is_one_outcome_not_cut_at_its_bracket() -> None:
    c, _ = _one("RESULTS: Atorvastatin and rosuvastatin did not significantly affect 25(OH)D levels in this "
                "study.", "OH")
    assert c.outcome.startswith("25(OH)D levels")
    rec = extract_text("RESULTS: In addition, changes in serum levels of phosphate, 25(OH)D, or PTH were not "
                       "significantly different between the two groups.")
    assert "25(OH)D" in [c.outcome for c in rec.comparisons]
    # negative: a bracket after a word that is not glued into it still ends the outcome
    c, _ = _one("RESULTS: There was no significant difference in pain(p = 0.3).", "pain")
    assert c.outcome == "pain"


def test_the_words_before_there_was_name_no_outcome() -> None:
    # PMC4676931: the time before "there was" was the outcome ("At week 12 there")
    c, rec = _one("RESULTS: At week 12 there was no significant difference between groups for the reduction in "
                  "total BDI-IA score (primary efficacy variable).", "BDI-IA")
    assert c.significant is False and c.direction == "no difference"
    assert not [x for x in rec.comparisons if x.outcome.lower().endswith("there")]
    # a baseline statement names no outcome at all: no comparison rather than "At baseline there"
    assert extract_text("RESULTS: At baseline there were no differences between groups.").comparisons == []


def test_a_difference_between_two_named_arms_in_an_outcome() -> None:
    # PMC4994668 and PMC4223523: "between X and Y in Z" (the groups named, not "groups")
    c, _ = _one("INTERPRETATION: There was no significant difference between ciclosporin and infliximab in "
                "clinical effectiveness.", "clinical effectiveness")
    assert c.outcome == "clinical effectiveness" and c.significant is False
    # the arms are not the outcome when no phrase follows them
    rec = extract_text("RESULTS: No significant difference between ciclosporin and infliximab was found.")
    assert not [x for x in rec.comparisons if "infliximab" in x.outcome]


def test_in_terms_of_is_a_preposition_of_the_outcome() -> None:
    # PMC3381083: "terms of early and late postoperative complications" was the outcome
    c, _ = _one("RESULTS: There was no significant difference between the two groups in terms of early and late "
                "postoperative complications.", "complications")
    assert c.outcome == "early and late postoperative complications"
    c, _ = _one("RESULTS: No significant differences were found between the IT and TA groups or in relation to "
                "the PCS.", "PCS")
    assert c.outcome == "PCS"


def test_a_time_after_the_change_verb_is_not_the_outcome() -> None:
    # PMC5863418: "at 168 h" was the outcome; the subject of the verb is
    c, _ = _one("RESULTS: In the PEA group, TNF-α concentration was significantly decreased at 168 h, meanwhile "
                "in the SL group, this value remained increased at this time point.", "TNF")
    assert c.outcome == "TNF-α concentration"
    # "on" may name the measure the groups were compared on: it stays the outcome
    c, _ = _one("RESULTS: Participants who read the condom instructions did not perform significantly better on "
                "the demonstration task, F (1, 203) = 2.90, P = 0.09.", "demonstration task")
    assert c.outcome.startswith("on the demonstration task")


def test_a_group_phrase_holds_no_preposition() -> None:
    # PMC3581780: the side was "side effects between the groups"
    c, _ = _one("RESULTS: No differences were observed in use of antiemetics and the side effects between the groups.",
                "antiemetics")
    assert c.intervention is None  # "the groups": every group, no side (not "side effects between the groups")
    # PMC3936115: the outcome was cut to "subjective quality", its side was "life in the study group"
    c, _ = _one("RESULTS: The subjective quality of life in the study group was higher than in the control group.",
                "quality")
    assert c.outcome == "subjective quality of life" and c.intervention == "study group"


def test_people_counted_in_a_group_keep_the_groups_side() -> None:
    # PMC3718630: "Compared to women in the control arm" is the reference group
    c, _ = _one("RESULTS: Compared to women in the control arm, women in the intervention arm had a significant "
                "reduction in dietary glycaemic load (33 points, 95% CI −47 to −20), (p < 0.001).", "glycaemic")
    assert c.direction == "decreased" and c.comparator == "control"


def test_a_change_from_baseline_set_against_the_other_groups_is_a_comparison() -> None:
    # PMC4950806: the decimal point of "4.0" ended the look for "vs" after "from baseline"
    rec = extract_text("RESULTS: The percentage change in lumbar BMD from baseline to the end of treatment was "
                       "−0.4±4.0% for the AC group vs. 6.8±6.3% for the AD group (P=0.015).")
    assert [c for c in rec.comparisons if "lumbar BMD" in c.outcome and c.significant is True]
    # a change within each group, set against nothing, is still no comparison
    rec = extract_text("RESULTS: The percentage change in lumbar BMD from baseline to the end of treatment was "
                       "−0.4±4.0% (P=0.015).")
    assert not rec.comparisons


def test_counts_before_the_outcome_name_what_the_people_had() -> None:
    # PMC5610854: the sentence starts with the counts; the outcome is what the eyes required
    c, _ = _one("RESULTS: 17 of the 38 eyes in group 1 (44.7%) required IOP-lowering medications as compared to "
                "seven of the 111 eyes in group 2 (6.3%).", "IOP")
    assert c.outcome == "IOP-lowering medications" and c.direction == "increased"
    # a verb of a relative clause is not what was counted
    rec = extract_text("RESULTS: 19 out of 70 (27%) patients who completed the trial were seen again versus "
                       "1 out of 88 patients (1%).")
    assert not [x for x in rec.comparisons if x.outcome.startswith("completed")]


def test_a_value_assigned_to_placebo_after_compared_with_is_the_reference() -> None:
    # PMC3781545: "compared with 6 out of 33 (18%) assigned to placebo": placebo is the reference,
    # read over more than the 40 characters a marker is looked for in
    c, _ = _one("RESULTS: Eleven out of 35 individuals (31%) assigned to liraglutide discontinued the study compared "
                "with 6 out of 33 (18%) assigned to placebo (P = 0.26).", "discontinued")
    assert c.comparator == "placebo" and c.direction == "increased" and c.significant is False
    assert c.intervention_values.events == 11 and c.comparator_values.events == 6


def test_a_tally_of_arms_or_domains_is_no_arms_value() -> None:
    # PMC3606371: "6 of 8 health domains" was taken as one arm's value, and the comparison
    # lost its words' significance
    rec = extract_text("RESULTS: SF-36 Summary Scores for physical and mental components and for 6 of 8 health domains "
                       "showed significantly greater improvements at week16 for the ETN + MTX group.")
    assert rec.event_rates and all(c.significant is True for c in rec.comparisons) and rec.comparisons
    # a count of people is one arm's value
    rec = extract_text("RESULTS: Five of nine subjects in the esomeprazole group compared with 2 of eight subjects in "
                       "the placebo group experienced exacerbations (p = 0.334).")
    c = rec.comparisons[0]
    assert c.intervention_values.events == 5 and c.comparator_values.events == 2


def test_people_counted_as_the_subject_are_no_outcome_what_they_had_is() -> None:
    # PMC1414018: "Fewer GDT patients" was the outcome
    c, _ = _one("RESULTS: Fewer GDT patients developed complications (27 patients (44%) versus 41 patients (68%); "
                "p = 0.003, relative risk 0.63; 95% confidence intervals 0.46 to 0.87).", "complications")
    assert c.outcome == "complications" and c.direction == "decreased"
    # a phrase naming more than the people keeps its own reading
    c, _ = _one("RESULTS: The proportion of plasmodial RT-PCR positive children was similar in both groups at week 16 "
                "(IPM group 16.6% vs placebo group 14.3%; P = 0.47).", "children")
    assert c.outcome == "proportion of plasmodial RT-PCR positive children"


def test_an_outcome_read_up_to_the_numbers_ends_where_their_bracket_opens() -> None:
    # PMC5910333: "SF-12 PCS (6.2 points" was the outcome: the bracket's number is no other field's
    c, _ = _one("RESULTS: Only the clinic arm increased the 6 MW (172.4 ft, P = 0.02) and SF-12 PCS (6.2 points, "
                "P < 0.001).", "SF-12")
    assert c.outcome == "SF-12 PCS"
    # a bracket closed inside the outcome stays ("25(OH)D", "(SAEs)")
    c, _ = _one("RESULTS: Serum 25(OH)D levels (P < 0.001).", "25(OH)D")
    assert c.outcome.endswith("25(OH)D levels")


def test_the_size_of_the_change_is_not_part_of_the_outcome() -> None:
    # PMC3702091: "depression by 37%" was the outcome
    rec = extract_text("RESULTS: Also, the strength and endurance training had reduced the anxiety by 27% (P = .0001), "
                       "depression by 37% (P = .0001) and C-reactive proteins by 20% (P = .0001).")
    outcomes = [c.outcome for c in rec.comparisons]
    assert "depression" in outcomes and "C-reactive proteins" in outcomes
    # a name ending in a number keeps it
    c, _ = _one("RESULTS: Levels of MMP-8 were lower in the MPT group than in the placebo group (p = 0.0016).", "MMP")
    assert c.outcome.endswith("MMP-8")


def test_a_list_item_starting_with_or_loses_the_or() -> None:
    # PMC5548257: "or the saturation of oxygen" was the outcome
    rec = extract_text("RESULTS: The vitamin D supplementation did not have any significant effect on the exercise "
                       "capacity (p-value=0.175) or the saturation of oxygen (p-value = 0.635).")
    assert "saturation of oxygen" in [c.outcome for c in rec.comparisons]
    # "OR", the odds ratio, is no conjunction
    c, _ = _one("RESULTS: Compared to subgroup 1, subgroup 2 had a significantly lower OR for tissue contamination.",
                "tissue")
    assert c.outcome.startswith("OR")


def test_a_difference_whose_statistics_come_first_is_in_what_follows_them() -> None:
    # PMC3549413: the outcome was "significant difference"
    c, _ = _one("RESULTS: There was also a significant difference (p < 0.05) in BMD between the groups at Ward's "
                "triangle in favor of the GBB group.", "BMD")
    assert c.outcome == "BMD" and c.significant is True
    # with nothing after the statistics, the phrase stays (the statistics still compare the groups)
    rec = extract_text("RESULTS: For the knowledge tests, there was no statistically significant difference between "
                       "the groups (P = 0.14).")
    assert [x.significant for x in rec.comparisons] == [False]


def test_each_outcome_of_a_list_keeps_its_own_effect_interval() -> None:
    # PMC5592353: weight, BMI, WC ... each with its mean difference took the first interval only
    rec = extract_text("RESULTS: Between group results obtained over the course of a year showed statistically "
                       "significant mean differences between weight (–3.4 kg (95% CI –5.5, –1.3)), BMI kg/m2 (–1.14 "
                       "(95% CI –1.9, –0.41)), WC (–4.6 cm (95% CI –6.8, –2.3)).")
    by = {c.outcome: (c.lower, c.upper) for c in rec.comparisons}
    assert by.get("BMI kg/m2") == (-1.9, -0.41)
    # one arm's value with its interval on each side of "after"/"versus" is one comparison
    rec = extract_text("RESULTS: The proportion of subjects needing additional uterotonic treatment was 3.1 % (95 % CI "
                       "1.7–5.1 %) after carbetocin and 7.2 % (5.8–8.9 %) after oxytocin; relative risk 0.41 (0.19–0.85); "
                       "p = 0.0110.")
    assert [c.outcome for c in rec.comparisons] == ["proportion of subjects needing additional uterotonic treatment"]


def test_the_effects_interval_is_preferred_to_one_arms() -> None:
    # PMC3816860: the interval of the placebo arm's change was taken, not the difference's
    rec = extract_text("RESULTS: UACR at week 24 was reduced by 32% (95% CI −42 to −21; P < 0.05) with linagliptin "
                       "compared with 6% (95% CI −27 to +23) with placebo, with a between-group difference of 28% "
                       "(95% CI −47 to −2; P = 0.035).")
    assert any((c.lower, c.upper) == (-47.0, -2.0) for c in rec.comparisons)
    assert not any((c.lower, c.upper) == (-27.0, 23.0) for c in rec.comparisons)


def test_every_group_named_at_once_is_no_side() -> None:
    # PMC3965881: the intervention was "two groups"
    rec = extract_text("RESULTS: Our findings suggested that both drugs significantly lessen the ADP level; even so there "
                       "was no significant difference between two groups in PRP and ADP factors.")
    c = next(x for x in rec.comparisons if "PRP" in x.outcome)
    assert c.intervention is None and c.comparator is None
    # a group written in other capitals is the arm ("Group B" for the arm "group B")
    rec = extract_text("METHODS: Patients were randomized to group A (n = 20) or group B (n = 20).\n"
                       "RESULTS: The mean adequacy of consent index score was higher in Group B than in Group A "
                       "(p < 0.001).")
    c = rec.comparisons[0]
    assert (c.intervention, c.comparator) == ("group B", "group A")


def test_a_two_letter_outcome_is_cut_at_its_group() -> None:
    # PMC3972946: "RR in Group C" was the outcome, and group C lost its side
    c, _ = _one("RESULTS: RR in Group C was higher than in Group P at postoperative 1st and 2nd hours.", "RR")
    assert c.outcome == "RR" and c.intervention.lower() == "group c" and c.comparator.lower() == "group p"


def test_either_group_names_no_side_but_all_intervention_groups_do() -> None:
    # PMC2699720: "either group" was the intervention
    c, _ = _one("RESULTS: There was no significant change in A1C between the groups at 1 year (p = 0.4).", "A1C")
    assert c.intervention is None
    # PMC2699722: "all intervention groups compared with the control group" is a side
    c, _ = _one("RESULTS: Time to next visit was longer in all intervention groups compared with that for the control "
                "group (P < 0.05).", "Time to next visit")
    assert c.intervention == "intervention groups"


def test_but_not_for_a_subgroup_keeps_the_outcome_before_it() -> None:
    # PMC4569275: the outcome was "not for women"
    rec = extract_text("RESULTS: The HR was significant for men (HR = 2.75, 95% CI 1.49, 5.06, p = 0.001) but not for "
                       "women (HR = 1.12, 95% CI 0.73, 1.72, p = 0.62).")
    assert [c.outcome for c in rec.comparisons] == ["HR", "HR"]
    assert [c.significant for c in rec.comparisons] == [True, False]
    # "but not X" where X is another outcome: X is the outcome
    rec = extract_text("RESULTS: PS-FO consumption increased plasma β-carotene (P = 0.0169) but not tocopherol "
                       "(P = 0.2108).")
    assert "tocopherol" in [c.outcome for c in rec.comparisons]


def test_shares_of_one_stated_total_are_not_two_arms_values() -> None:
    # the counts are rates of the 51 evaluated (events), but shares of one group, not two arms
    text = ("In group II, 51 subjects were evaluated at the end of study where, 34 (66%) showed superior "
            "improvements after GFC, 6 (11%) patients showed similar improvement on both side of the face.")
    rec = extract_text(text)
    assert [(e.events, e.total) for e in rec.event_rates] == [(34, 51), (6, 51)]
    assert not [c for c in rec.comparisons if c.intervention_values or c.comparator_values]
