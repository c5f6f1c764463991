"""The Evidence Inference benchmark's abstentions: a direction it cannot tie to the prompt's
arms gets no answer."""

from __future__ import annotations

import json

from benchmark_support import evidence_inference_benchmark


def _benchmark():
    return evidence_inference_benchmark()


def _comparison(text: str, outcome: str, intervention: str | None = None, comparator: str | None = None,
                direction: str = "decreased", significant: bool | None = True) -> dict:
    at = text.index(outcome)
    return {"text": text, "start": 0, "outcome": outcome, "outcome_start": at, "outcome_end": at + len(outcome),
            "intervention": intervention, "comparator": comparator, "direction": direction,
            "significant": significant, "p_value": 0.01}


def _label(bench, prompt: dict, c: dict) -> str | None:
    return bench.match(prompt, {"comparisons": [c], "sentences": [c["text"]]})[0]


def test_a_significant_direction_naming_no_arm_gets_no_answer() -> None:
    # "Triglycerides were significantly reduced": by the intervention against placebo, or within
    # one arm from baseline? Nothing says which arm the direction belongs to.
    bench = _benchmark()
    prompt = {"intervention": "bezafibrate 400 mg/day", "comparator": "placebo", "outcome": "Triglycerides"}
    c = _comparison("Triglycerides were significantly reduced by about 23.0% and fibrinogen by about 14.0%.",
                    "Triglycerides")
    assert _label(bench, prompt, c) is None
    # a comparison whose side names the prompt's intervention is tied to the arms
    c = _comparison("Triglycerides were significantly reduced with bezafibrate (p = 0.01).", "Triglycerides",
                    intervention="bezafibrate")
    assert _label(bench, prompt, c) == "significantly decreased"
    # "no significant difference" needs no orientation
    c = _comparison("Triglycerides did not change significantly.", "Triglycerides", direction="no difference",
                    significant=False)
    assert _label(bench, prompt, c) == "no significant difference"


def test_without_strict_orientation_a_clause_naming_no_group_reads_as_the_interventions_effect(monkeypatch) -> None:
    bench = _benchmark()
    monkeypatch.setattr(bench, "STRICT_ORIENTATION", False)
    prompt = {"intervention": "bezafibrate 400 mg/day", "comparator": "placebo", "outcome": "Triglycerides"}
    c = _comparison("Triglycerides were significantly reduced by about 23.0% and fibrinogen by about 14.0%.",
                    "Triglycerides")
    assert _label(bench, prompt, c) == "significantly decreased"


def test_groups_named_but_not_mapped_onto_the_prompts_arms_get_no_answer(monkeypatch) -> None:
    bench = _benchmark()
    monkeypatch.setattr(bench, "STRICT_ORIENTATION", False)
    prompt = {"intervention": "lignocaine group", "comparator": "air group", "outcome": "pain scores"}
    c = _comparison("Pain scores were significantly lower in group L (p = 0.01).", "Pain scores")
    assert _label(bench, prompt, c) is None
    # the same clause naming the prompt's intervention alone is the intervention's statement
    c = _comparison("Pain scores were significantly lower in the lignocaine group (p = 0.01).", "Pain scores")
    assert _label(bench, prompt, c) == "significantly decreased"
    # with strict orientation the comparison's side must name it (extraction sets it here)
    monkeypatch.setattr(bench, "STRICT_ORIENTATION", True)
    assert _label(bench, prompt, c) is None
    c = _comparison("Pain scores were significantly lower in the lignocaine group (p = 0.01).", "Pain scores",
                    intervention="lignocaine")
    assert _label(bench, prompt, c) == "significantly decreased"


def test_a_third_arm_named_by_the_comparison_gets_no_answer() -> None:
    bench = _benchmark()
    prompt = {"intervention": "Dunhill operation (DO)", "comparator": "bilateral subtotal thyroidectomy (BST)",
              "outcome": "Recurrent goiter"}
    text = ("Recurrent goiter was found at 10 years in 1 (0.6%) TT versus 15 (8.6%) DO versus 39 (22.4%) BST "
            "(p < 0.001).")
    c = _comparison(text, "Recurrent goiter", "TT", "DO")
    assert bench._direction_unfounded(prompt, c, -0.33, 0.0)
    # sides naming no arm in particular ("the two groups") map onto any prompt
    assert bench._side_maps(prompt, "the two groups")
    assert not bench._side_maps(prompt, "TT")
    assert bench._side_maps(prompt, "DO")


def test_the_fallback_answers_no_significant_difference_only() -> None:
    bench = _benchmark()
    prompt = {"intervention": "ProTaper Universal", "comparator": "ProTaper Gold", "outcome": "canal transportation"}
    words = bench.tokens(prompt["outcome"])
    label, _, _ = bench._sentence_label(prompt, words, ["Canal transportation was higher at the curved canal "
                                                        "portion (p < 0.0001)."])
    assert label is None
    label, _, _ = bench._sentence_label(prompt, words, ["Canal transportation did not differ between the systems "
                                                        "(p = 0.40)."])
    assert label == "no significant difference"


def test_than_after_a_parenthesis_names_the_reference() -> None:
    bench = _benchmark()
    prompt = {"intervention": "chloroquine (CQ) and sulphadoxine-pyrimethamine (SP)",
              "comparator": "artemether in fixed combination with lumefantrine", "outcome": "infectious to mosquitoes"}
    text = ("Carriers in the co-artemether group were less infectious to mosquitoes at day 7 (p < 0.001) than "
            "carriers who had received CQ/SP.")
    _, text_vote = bench._orient_votes(prompt, None, text, text.index("infectious"))
    assert text_vote < 0  # the prompt's intervention is the reference: the statement turns round
    # a "vs" between two numbers still names no group
    text = "Infectivity was lower (12 vs. 20 per 100) in the co-artemether group (p < 0.001)."
    assert [m.group().strip() for m in bench._REF.finditer(text)] == []


def test_compared_with_before_a_count_names_the_group_after_it() -> None:
    bench = _benchmark()
    prompt = {"intervention": "Gatifloxacin", "comparator": "Cefixime", "outcome": "acute clinical failure"}
    text = ("19 out of 70 (27%) patients had acute clinical failure in the cefixime group as compared to 1 out of "
            "88 patients (1%) in gatifloxacin group (p<0.001).")
    _, text_vote = bench._orient_votes(prompt, None, text, text.index("acute"))
    assert text_vote < 0


def test_a_comparator_that_is_the_interventions_absence_is_the_control() -> None:
    bench = _benchmark()
    prompt = {"intervention": "arch support insoles for 12 weeks", "comparator": "did not wear the insoles",
              "outcome": "stair ascent time"}
    assert bench._control_like(prompt)
    assert bench._control_like({**prompt, "intervention": "paper handouts with two Web-based VPs",
                                "comparator": "paper handouts"})
    assert bench._control_like({**prompt, "intervention": "rWGS plus standard genetic tests",
                                "comparator": "standard genetic tests alone"})
    # two active arms: neither is the control
    assert not bench._control_like({**prompt, "intervention": "gatifloxacin", "comparator": "cefixime"})
    assert not bench._control_like({**prompt, "intervention": "no RIPC before the first test",
                                    "comparator": "usual care"})
    # so "the treatment group ... than the control group" maps onto the prompt's arms
    text = "Stair ascent time was significantly shorter in the treatment group than in the control group (P = .015)."
    _, text_vote = bench._orient_votes(prompt, None, text, 0)
    assert text_vote > 0


def test_a_groups_label_names_the_arm() -> None:
    bench = _benchmark()
    assert {"§c", "§3", "§gs"} <= bench._arm_tokens("C - 40 mcg/kg/min of dobutamine in group 3 (Group GS)")
    # a dose or a count names no arm
    assert not {t for t in bench._arm_tokens("40 mg in 3 groups of 20 patients") if t.startswith("§")}
    prompt = {"intervention": "C - 40 mcg/kg/min of dobutamine",
              "comparator": "B -  20 mcg/kg/min of dobutamine A - 10 mcg/kg/min of dobutamine,"}
    text = "The mean test time was significantly higher in group C patients than in group A & B patients."
    _, text_vote = bench._orient_votes(prompt, None, text, 0)
    assert text_vote > 0


def test_an_outcome_written_as_the_abstracts_abbreviation_matches_its_long_form() -> None:
    bench = _benchmark()
    prompt = {"intervention": "exercise", "comparator": "control", "outcome": "visceral adipose tissue (VAT)"}
    c = _comparison("VAT decreased significantly more with exercise than in the control group (P = 0.01).", "VAT",
                    intervention="exercise", comparator="control")
    doc = {"comparisons": [c], "sentences": [c["text"]], "abbreviations": [("VAT", "visceral adipose tissue")]}
    assert bench.match(prompt, doc)[0] == "significantly decreased"
    # without the abstract defining it, "VAT" is one word of four: too weak a match to answer from
    doc_without = {"comparisons": [c], "sentences": [], "abbreviations": []}
    assert bench.match(prompt, doc_without)[0] is None


def test_wilson_interval_of_the_accuracy() -> None:
    bench = _benchmark()
    lo, hi = bench.wilson(53, 67)
    assert 0.67 < lo < 0.69 and 0.87 < hi < 0.89  # 53/67 = 0.791
    # more prompts, narrower interval; none answered, no information
    assert bench.wilson(530, 670)[1] - bench.wilson(530, 670)[0] < hi - lo
    assert bench.wilson(0, 0) == (0.0, 1.0)


def test_outside_prompts_are_train_and_validation_prompts_never_found_in_an_abstract(tmp_path) -> None:
    bench = _benchmark()
    rows = [
        # prompt 1: one annotator found the evidence in the abstract -> an in-abstract prompt
        {"prompt_id": 1, "split": "train", "in_abstract": True, "label": "no significant difference"},
        {"prompt_id": 1, "split": "train", "in_abstract": False, "label": "no significant difference"},
        # prompt 2: outside the abstract for both annotators; the majority label wins
        {"prompt_id": 2, "split": "validation", "in_abstract": False, "label": "significantly increased"},
        {"prompt_id": 2, "split": "validation", "in_abstract": False, "label": "significantly increased"},
        {"prompt_id": 2, "split": "validation", "in_abstract": False, "label": "no significant difference"},
        # prompt 3: a test prompt is never used
        {"prompt_id": 3, "split": "test", "in_abstract": False, "label": "significantly decreased"},
    ]
    path = tmp_path / "comparisons.jsonl"
    path.write_text("\n".join(json.dumps({"id": "PMC1", "evidence": "", **r}) for r in rows), "utf-8")
    prompts = bench.load_outside_prompts(path)
    assert [(p["prompt_id"], p["label"]) for p in prompts] == [(2, "significantly increased")]
    assert prompts[0]["split"] in ("outside-A", "outside-B")
    assert prompts == bench.load_outside_prompts(path)  # the halves do not depend on the run
