"""Design fields from explicit wording, on real abstract sentences."""

from __future__ import annotations

import pytest

from extractor.api import extract_text
from extractor.fields.design import normalise_phase


def design(text: str):
    return extract_text(text).design


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Twenty-four subjects were randomized 1:1 to either UC-MSC treatment (n = 12) or the control group (n = 12).", True),
        ("Patients were randomly assigned to receive lornoxicam or placebo.", True),
        ("Subjects received both drinks in random order on separate days.", True),
        ("In a prospective, single-site, open-label, non-randomized, controlled, pilot trial, we evaluated a polyherbal formulation.", False),
        ("The present prospective observational study investigated children affected by wet acute cough.", False),
        # never says "random": inferred (evidence marked uncertain), see the test below
        ("This was a double-blind, placebo-controlled trial. Fifty-nine young subjects were recruited.", True),
        ("A nationwide random sample of community-dwelling older persons was interviewed.", None),
    ],
)
def test_randomized_from_explicit_wording(text: str, expected: bool | None) -> None:
    assert design(text).randomized is expected


def test_previous_randomized_study_is_not_this_study() -> None:
    d = design(
        "The effectiveness of a homeopathic syrup on cough has been demonstrated in an adult population in a previous "
        "double-blind randomized study. The present prospective observational study investigated 85 children."
    )
    assert d.randomized is False
    assert d.blinding is None


def test_needed_trial_is_not_a_design_statement() -> None:
    d = design("Six patients improved. A double blind randomized controlled trial is needed to determine whether this helps.")
    assert d.randomized is None and d.blinding is None


def test_meta_analysis_of_randomized_trials_sets_no_design() -> None:
    d = design(
        "DESIGN: Meta-analysis of English-language, randomized, placebo-controlled trials. "
        "MAIN RESULTS: Sixteen randomized, placebo-controlled trials were identified."
    )
    assert d.randomized is None and d.blinding is None and not d.placebo_controlled


def test_trial_name_expansion_is_not_randomisation() -> None:
    d = design("Dabigatran was superior to warfarin in the RE-LY (Randomized Evaluation of Long-term anticoagulation therapY) trial.")
    assert d.randomized is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("A double-blind, phase 1/2a, randomized, controlled trial was performed.", "double-blind"),
        ("Faecal samples from a Randomized DBPC Trial of Colicky Infants were analysed.", "double-blind"),
        ("In this Phase II, multicenter, investigator-blind, 4-arm study, 302 patients were enrolled.", "single-blind"),
        ("Post-op examiners and patients were blinded to graft type.", "double-blind"),
        ("Outcomes were assessed by evaluators blinded to the allocation.", "single-blind"),
        ("Eighty-five children were enrolled in an open study.", "open-label"),
        ("Patients were assigned in a randomized blinded fashion.", None),
        ("This was a placebo-controlled trial of 40 adults.", None),
    ],
)
def test_blinding(text: str, expected: str | None) -> None:
    assert design(text).blinding == expected


@pytest.mark.parametrize(
    "raw,expected",
    [("III", "3"), ("IIb", "2b"), ("II/III", "2/3"), ("1/2a", "1/2a"), ("I-II", "1-2"), ("2", "2"), ("2–3", "2–3"),
     ("II / III", "2/3")],
)
def test_normalise_phase(raw: str, expected: str) -> None:
    assert normalise_phase(raw) == expected


def test_phase_keeps_its_written_separator() -> None:
    # "phase 2–3" (an en dash, which normalisation makes a hyphen) is "2–3" as written
    assert design("In this multicentre, randomised, open-label phase 2–3 trial, we recruited patients.").phase == "2–3"


def test_phase_needs_a_trial_noun() -> None:
    assert design("A phase III randomized trial of gantenerumab in prodromal AD.").phase == "3"
    assert design("After an initial six-month Phase I weight loss program, 1032 adults were followed.").phase is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Twenty-four subjects were randomized 1:1 to either treatment or control.", "1:1"),
        ("Centers were randomly allocated in a 1:1 ratio to intervention and control group.", "1:1"),
        ("This was a prospective, placebo-controlled, randomized (3:1), double-blind phase II trial.", "3:1"),
        ("Cells were diluted 1:10 in saline.", None),
    ],
)
def test_allocation_ratio(text: str, expected: str | None) -> None:
    assert design(text).allocation_ratio == expected


def test_features_and_evidence() -> None:
    d = design(
        "In this multicenter, double blind, randomized, placebo-controlled, parallel-group crossover study, "
        "all subjects were analyzed under intention to treat."
    )
    assert d.multicentre and d.placebo_controlled and d.parallel and d.crossover and d.intention_to_treat
    assert d.evidence["blinding"].text.lower().startswith("double")
    assert d.evidence["randomized"].text == "randomized"


def test_seed_title_gives_design() -> None:
    text = (
        "Umbilical cord mesenchymal stem cells for COVID-19 acute respiratory distress syndrome: "
        "A double-blind, phase 1/2a, randomized controlled trial\n\nTwenty-four subjects were randomized 1:1."
    )
    d = design(text)
    assert (d.randomized, d.blinding, d.phase, d.allocation_ratio) == (True, "double-blind", "1/2a", "1:1")


def test_blinded_placebo_controlled_trial_without_random_is_randomized_but_uncertain() -> None:
    from extractor import extract_text

    rec = extract_text(
        "Intravenous lidocaine in central pain: a double-blind, placebo-controlled, psychophysical study\n\n"
        "Sixteen patients received lidocaine or saline on two occasions. Pain fell with lidocaine (P = 0.02)."
    )
    assert rec.design.randomized is True
    assert rec.design.evidence["randomized"].uncertain is True
    assert rec.design.evidence["randomized"].rule == "rand_implied_blind_placebo"


def test_explicit_non_randomised_outranks_implied_randomisation() -> None:
    from extractor import extract_text

    rec = extract_text(
        "A non-randomized, placebo-controlled study of drug X\n\n"
        "Patients were not randomized; 20 received drug X and 20 received placebo."
    )
    assert rec.design.randomized is False


def test_placebo_mentioned_without_a_controlled_design_implies_nothing() -> None:
    from extractor import extract_text

    rec = extract_text("Effects of drug X in asthma\n\nAll patients received a placebo run-in before drug X.")
    assert rec.design.randomized is None


def test_larger_hyphenated_trial_that_is_worthwhile_is_not_this_study() -> None:
    text = ("Then 10 MoA patients received 2 sessions of tDCS per week for 8 weeks. The therapeutic results indicate "
            "that a larger sham-controlled trial using the same tDCS protocol is worthwhile.")
    assert design(text).randomized is None
    # this study's own sham-controlled design still counts (uncertain)
    assert design("We did a sham-controlled trial of tDCS in 40 patients.").randomized is True


def test_hyphenated_unblinded_study_is_open_label() -> None:
    from extractor.api import extract_text

    text = "METHODS: An un-blinded crossover clinical simulation study was designed in which clinicians were randomly assigned."
    assert extract_text(text, id="x").design.blinding == "open-label"
    # un-blinded assessors are not an open-label design
    text = "Two un-blinded outcome assessors rated the videos of the study sessions."
    assert extract_text(text, id="x").design.blinding is None


def test_every_design_gate_admits_its_rules_match_examples() -> None:
    # The gates are read off the patterns by hand; a pattern edited to match text its gate
    # lacks would silently never run there. Every must-match example has to pass its gates.
    from extractor.fields import design as d
    from extractor.rules import load_rules

    for rule in load_rules("design").rules:
        for ex in rule.examples.match:
            low = ex.lower()
            if rule.label in d._GATES:
                assert any(g in low for g in d._GATES[rule.label]), (rule.id, ex)
            if rule.id in d._RULE_GATES:
                assert d._rule_gate_ok(d._RULE_GATES[rule.id], low), (rule.id, ex)
            if rule.id in d._LOCAL_GATES:
                assert any(all(w in low for w in alt) for alt in d._LOCAL_GATES[rule.id]), (rule.id, ex)


def test_sentence_masks_mark_every_gate_string_where_it_starts() -> None:
    # strings found at another's hits (_AT_HITS_OF) must be marked as a scan of their own would
    from bisect import bisect_right
    from types import SimpleNamespace

    from extractor.fields import design as d

    low = ("a retrospective chart review. case-control and case series; a cross-sectional, cross sectional study. "
           "randomised in 3 centres (one center). nonrandomized chart review of a case control cohort. random")
    starts = [0, 30, 106, 145]
    want: dict[int, int] = {}
    for g, b in d._BIT.items():
        i = low.find(g)
        while i >= 0:
            k = max(0, bisect_right(starts, i) - 1)
            want[k] = want.get(k, 0) | b
            i = low.find(g, i + 1)
    assert dict(d._sentence_masks(SimpleNamespace(low=low, sent_starts=starts))) == want


def test_a_counted_subset_not_randomised_leaves_the_study_randomised():
    # gold-tune4 PMC3087029 and PMC1501010: the count makes the unrandomised patients a subset
    text = ("This open, randomised, multicentre study addresses the hypothesis. Patients were randomised to "
            "aspirin or VKA. Sixty-nine patients were not randomised because of non-visualisation (n = 6).")
    assert extract_text(text).design.randomized is True
    text = ("Forty patients were randomized to A or B. The remaining group of 36 patients was not randomised "
            "and it was considered as a parallel group.")
    assert extract_text(text).design.randomized is True
    assert extract_text("Patients were not randomized. They chose their treatment.").design.randomized is False


def test_the_ratio_of_a_named_pair_of_quantities_is_no_allocation_ratio():
    text = ("The C:V ratios 3:1, 9:3 and 15:2 were performed in a randomised order. Continuous chest compressions gave higher Mv "
            "as compared to coordinated compressions and ventilations at a C:V ratio of 3:1.")
    assert design(text).allocation_ratio is None
    assert design("Simple randomization (allocation ratio 1:1) was used.").allocation_ratio == "1:1"


def test_a_decimal_between_the_verb_and_the_ratio_keeps_the_ratio():
    text = ("METHODS: This phase III, double-blind, non-inferiority study (NCT01999218) randomized patients with HbA1c ≥ 7.0% and "
            "≤ 9.0% on stable metformin ≥ 1500 mg/day 1:1:1 to ertugliflozin 15 or 5 mg once-daily (QD), or glimepiride.")
    assert design(text).allocation_ratio == "1:1:1"
    assert design("Patients were randomized. Serum was diluted 1:100 in saline.").allocation_ratio is None


def test_a_trial_that_would_verify_or_confirm_is_hypothetical() -> None:
    # corpus/heldout/abstracts/PMC3499555.txt: a diagnostic study whose conclusion asks for a trial
    text = ("We tested 1173 cervical samples. Due to enhanced specificity of mRNA testing, induction of mRNA testing "
            "in young women could be feasible if a randomized trial verifies these results.")
    assert extract_text(text).design.randomized is None
    assert extract_text("We studied 100 women. A randomized trial should confirm these findings.").design.randomized is None
    assert extract_text("In this randomized trial, if the drug is given early, 40 patients respond.").design.randomized is True
