"""Primary and secondary endpoints, on sentences from real abstracts."""

from __future__ import annotations

from extractor.api import extract_text


def endpoints(text: str) -> list[tuple[str, str, str | None]]:
    return [(e.kind, e.text, e.timeframe) for e in extract_text(text).endpoints]


def test_seed_primary_and_key_secondary_with_timeframes() -> None:
    text = (
        "We hypothesized that cell therapy would be superior to sham control for the primary endpoint of 30-day mortality. "
        "The key secondary endpoint was ventilator-free survival within 60 days, accounting for deaths and withdrawals "
        "in a ranked analysis."
    )
    assert endpoints(text) == [
        ("primary", "30-day mortality", "30-day"),
        ("secondary", "ventilator-free survival within 60 days", "within 60 days"),
    ]


def test_list_becomes_one_entry_per_outcome() -> None:
    text = "Primary endpoints of this trial were downstaging and pathological complete response rate. Secondary endpoints were local recurrence rate and overall survival."
    assert [(k, t) for k, t, _ in endpoints(text)] == [
        ("primary", "downstaging"),
        ("primary", "pathological complete response rate"),
        ("secondary", "local recurrence rate"),
        ("secondary", "overall survival"),
    ]


def test_primary_and_secondary_in_one_sentence() -> None:
    text = (
        "The primary outcome was the rate of progression, assessed by the Appel ALS rating scale (AALSRS), and the "
        "secondary outcomes were the revised ALS functional rating scale (ALSFRS-R) and forced vital capacity (FVC)."
    )
    got = endpoints(text)
    assert got[0][:2] == ("primary", "the rate of progression, assessed by the Appel ALS rating scale (AALSRS)")
    assert [t for k, t, _ in got[1:]] == ["the revised ALS functional rating scale (ALSFRS-R)", "forced vital capacity (FVC)"]


def test_schedule_moves_to_timeframe() -> None:
    text = "Primary endpoints were postoperative pain and haze scores at 1 day, 3 days, 1 week, and 1, 3, 6, and 12 months."
    assert endpoints(text) == [
        ("primary", "postoperative pain", None),
        ("primary", "haze scores", "at 1 day, 3 days, 1 week, and 1, 3, 6, and 12 months"),
    ]


def test_coordinated_modifiers_are_one_outcome() -> None:
    text = (
        "We measured quality of life (SF-36 mental and physical health components, primary outcome measures). "
        "Secondary outcomes were mean arterial pressure, heart rate, and difference between bladder and skin temperature."
    )
    assert [t for _, t, _ in endpoints(text)] == [
        "SF-36 mental and physical health components",
        "mean arterial pressure",
        "heart rate",
        "difference between bladder and skin temperature",
    ]


def test_subject_form_and_results_are_not_outcomes() -> None:
    assert endpoints("The use of anti-allergic medication was used as a secondary indicator.")[0][:2] == (
        "secondary", "The use of anti-allergic medication")
    assert endpoints("RESULTS: The primary outcomes were twice as inferior at 10 years for DO and BST, but not for TT.") == []
    assert endpoints("This paper presents a secondary analysis of patients in primary care.") == []
    assert endpoints("The primary endpoint for outcomes was 12 months.") == []


def test_unbalanced_brackets_keep_the_phrase_whole() -> None:
    text = ("Primary endpoint was safety (adverse events [AEs]) within 6 hours; cardiac arrest or death within 24 hours "
            "post infusion). Secondary endpoints included patient survival at 31 days after the first infusion and time to recovery.")
    assert endpoints(text) == [
        ("primary", "safety (adverse events [AEs]) within 6 hours; cardiac arrest or death within 24 hours post infusion)", "within 6 hours"),
        ("secondary", "patient survival at 31 days after the first infusion", "at 31 days"),
        ("secondary", "time to recovery", None),
    ]


def test_assessments_measurements_and_readouts_are_endpoint_nouns() -> None:
    text = (
        "The primary safety assessments were the incidence of adverse events, serious adverse events, and surgical "
        "site infections (SSIs) for 30 days following surgery."
    )
    assert [(k, t) for k, t, _ in endpoints(text)] == [
        ("primary", "the incidence of adverse events"),
        ("primary", "serious adverse events"),
        ("primary", "surgical site infections (SSIs) for 30 days following surgery"),
    ]
    got = endpoints("The primary readout was change in critical temperature thresholds (CTT).")
    assert [(k, t) for k, t, _ in got] == [("primary", "change in critical temperature thresholds (CTT)")]
    got = endpoints("Secondary measurements were changes in triglycerides and C-reactive protein (CRP).")
    assert [(k, t) for k, t, _ in got] == [("secondary", "changes in triglycerides"), ("secondary", "C-reactive protein (CRP)")]
    # an assessment that is not called primary/secondary, or a primary assessment without a copula
    assert endpoints("Of these, 245 (87.8%) patients completed the primary assessment at 12 weeks.") == []


def test_percent_after_endpoint_head_is_a_result() -> None:
    text = "Follow-up at the primary outcome assessment was 92% (319 of 348 participants)."
    assert endpoints(text) == []
    got = endpoints("The primary endpoint was a 50% reduction in pain score.")
    assert [(k, t) for k, t, _ in got] == [("primary", "a 50% reduction in pain score")]


def test_and_inside_title_case_instrument_name_does_not_split() -> None:
    got = endpoints("The primary endpoint was the proportion of patients achieving ≥75% improvement in Psoriasis Area and "
                    "Severity Index (PASI 75) at week 24.")
    assert [t for _, t, _ in got] == [
        "the proportion of patients achieving ≥75% improvement in Psoriasis Area and Severity Index (PASI 75) at week 24"]


def test_and_after_a_complete_instrument_name_still_splits() -> None:
    got = endpoints("Secondary outcomes were Investigators Global Assessment and Dermatology Life Quality Index (DLQI) scores.")
    assert len(got) == 2


def test_outcome_in_apposition_to_its_head() -> None:
    got = endpoints("Non-inferiority was based on the primary endpoint, the change from baseline to end of maintenance (week 18) "
                    "in the UPDRS (Parts II + III) total score.")
    assert [(k, t) for k, t, _ in got] == [
        ("primary", "the change from baseline to end of maintenance (week 18) in the UPDRS (Parts II + III) total score")]
    got = endpoints("The primary outcome, the sum score of the specialist evaluation, was significantly lower in the remote group.")
    assert [t for _, t, _ in got] == ["the sum score of the specialist evaluation"]


def test_result_after_for_the_primary_endpoint_is_not_an_outcome() -> None:
    assert endpoints("For the primary endpoint, the adjusted mean changes (standard error) of UPDRS Parts II + III at week 18 "
                     "were -13.81 (0.655) and -13.05 (0.643).") == []


def test_outcome_subject_assessed_as_primary() -> None:
    got = endpoints("Abdominal fat area and body fat percent were measured as primary outcomes.")
    assert [(k, t) for k, t, _ in got] == [("primary", "Abdominal fat area"), ("primary", "body fat percent")]
    got = endpoints("Depression (Beck Depression Inventory II; BDI-II) was assessed as a primary outcome at baseline.")
    assert [t for _, t, _ in got] == ["Depression (Beck Depression Inventory II; BDI-II)"]


def test_assessed_as_described_is_not_an_outcome_label() -> None:
    assert endpoints("Pain was assessed as described in the primary publication.") == []


def _primaries(text: str) -> list[str]:
    return [e.text for e in extract_text(text, id="x").endpoints if e.kind == "primary"]


def test_outcomes_in_parentheses_after_primary_outcomes() -> None:
    text = ("Primary outcomes (IBS SS and IBS QOL) did not reach significance at 6 or 12 weeks, apart from IBS SSS being "
            "lower in the no-website group at 6 weeks.")
    assert _primaries(text) == ["IBS SS", "IBS QOL"]
    # a parenthesis holding a result or an abbreviation names no outcome
    assert _primaries("There was no difference in the primary outcome (difference 0.38, 95% CI -1.96 to 3.20, P=.64).") == []
    assert _primaries("The primary outcome (PO) improved in both groups.") == []


def test_primary_outcome_for_a_stage_of_the_trial() -> None:
    text = ("The primary outcome for the phase 3 stage of the trial was overall survival (defined as the time from "
            "randomisation until death from any cause), analysed in the intention-to-treat population.")
    assert _primaries(text)[0].startswith("overall survival")
    # "the primary outcome in the intervention group was ..." reports a result, not the outcome
    assert _primaries("The primary outcome in the intervention group was lower than in controls.") == []


def test_comparing_clause_and_eg_are_not_outcomes() -> None:
    text = ("The primary end-point of this randomized prospective multicentre health economic trial was the total "
            "FU-related cost for providers, comparing Home Monitoring facilitated FU (HM ON) to regular in-office FU.")
    assert _primaries(text) == ["the total FU-related cost for providers"]


def test_a_long_run_of_spaces_in_an_outcome_list_loses_no_field() -> None:
    # _SEP ("\s+and\s+") and the nosplit rule (",?\s+assessed by") were tried at each space of
    # a run, each try reading the run to its end: 10,000 spaces (PDF layout) timed the field
    # out ("endpoints: pattern matching timed out; field left empty")
    text = ("Title\n\nMETHODS: The primary outcomes were changes in total cholesterol (TC), non-HDL cholesterol "
            "(non-HDL-C), HDL cholesterol{}(HDL-C) and triglycerides.")
    r = extract_text(text.format(" " * 10_000))
    assert r.warnings == []
    spaced = [" ".join(e.text.split()) for e in r.endpoints]
    assert spaced == [e.text for e in extract_text(text.format(" ")).endpoints]
    assert {"HDL cholesterol (HDL-C)", "triglycerides"} <= set(spaced)


def test_a_bracketed_definition_or_the_analysis_set_is_not_part_of_the_outcome() -> None:
    def texts(t: str) -> list[str]:
        return [e.text for e in extract_text(t).endpoints]

    assert texts("The primary endpoint was overall survival (defined as the time from randomisation until "
                 "death from any cause).") == ["overall survival"]
    assert texts("The primary outcomes were mortality and renal outcome in intention-to-treat analysis.") == [
        "mortality", "renal outcome"]
    # a definition outside brackets, and an abbreviation in brackets, stay
    assert texts("The primary outcome was a composite measure of visual performance in glare, defined by "
                 "change in DG and PSR.") == ["a composite measure of visual performance in glare, defined by change in DG and PSR"]
    assert texts("The primary endpoint was progression-free survival (PFS).") == ["progression-free survival (PFS)"]


def test_tag_after_outcome_names_it() -> None:
    # "X (primary outcome)": the outcome runs back to the verb, preposition or clause break before it
    assert endpoints(
        "Cough (primary outcome) was significantly more frequent among those with topical compared with intravenous "
        "lidocaine (46% vs. 26%; P = 0.004)."
    ) == [("primary", "Cough", None)]
    assert [(k, t) for k, t, _ in endpoints(
        "After surgery, patients were given a fentanyl patient-controlled analgesia machine and time to first bowel "
        "movement (primary outcome) and flatus were recorded."
    )] == [("primary", "time to first bowel movement")]
    assert [(k, t) for k, t, _ in endpoints(
        "Mental health was self-assessed three times using the Hospital Anxiety and Depression Scale (secondary outcome)."
    )] == [("secondary", "the Hospital Anxiety and Depression Scale")]
    # a tag after a time point labels the time, not an outcome
    assert endpoints(
        "Assessments were done at baseline (before randomisation), after treatment (primary endpoint), and 6 months "
        "after treatment completion."
    ) == []


def test_tag_in_results_does_not_restate_an_outcome_a_head_named() -> None:
    text = (
        "The primary efficacy variable was the change from baseline to week 12 in depressive symptoms measured by the "
        "Beck Depression Inventory (BDI-IA) total score. At week 12 there was no significant difference between groups "
        "for the reduction in total BDI-IA score (primary efficacy variable)."
    )
    assert [(k, t) for k, t, _ in endpoints(text)] == [
        ("primary", "the change from baseline to week 12 in depressive symptoms measured by the Beck Depression "
         "Inventory (BDI-IA) total score"),
    ]


def test_colon_after_head_verb() -> None:
    text = "Secondary outcomes included: fast overground walking speed, 6-minute walk test, and a battery of clinical measures."
    assert [(k, t) for k, t, _ in endpoints(text)] == [
        ("secondary", "fast overground walking speed"),
        ("secondary", "6-minute walk test"),
        ("secondary", "a battery of clinical measures"),
    ]
    assert endpoints("Primary outcome data were available for 194 participants (91.9%).") == []


def test_and_between_bare_numbers_does_not_split_the_outcome() -> None:
    text = ("Secondary endpoints are: Toxicity (NCI-CTC AE V4.0); time to progression; 3 and 6 months PFS-Rates, best "
            "response rate and overall survival.")
    assert [t for _, t, _ in endpoints(text)] == [
        "Toxicity (NCI-CTC AE V4.0)", "time to progression", "3 and 6 months PFS-Rates", "best response rate",
        "overall survival",
    ]
    # the number may carry the list's comma: "CAR from weeks 5-10 and 5-22, and ..."
    assert [t for _, t, _ in endpoints(
        "Secondary outcomes were: CAR from weeks 5–10 and 5–22, and carbon monoxide-confirmed 7-day point prevalence "
        "(7PP) at weeks 10, 22, and 52."
    )] == ["CAR from weeks 5–10 and 5–22", "carbon monoxide-confirmed 7-day point prevalence (7PP)"]


def test_modifier_between_primary_and_the_noun() -> None:
    text = ("Primary antiemetic efficacy variables were the incidence and severity of nausea, the frequency of emetic "
            "episodes during the first 48 h after surgery, and the need to use a rescue antiemetic medication.")
    assert [(k, t) for k, t, _ in endpoints(text)] == [
        ("primary", "the incidence and severity of nausea"),
        ("primary", "the frequency of emetic episodes during the first 48 h after surgery"),
        ("primary", "the need to use a rescue antiemetic medication"),
    ]
    assert [t for _, t, _ in endpoints(
        "The co-primary end-points in both studies were wake time after sleep onset (WASO) and sleep latency (SL) "
        "measured by actigraphy."
    )] == ["wake time after sleep onset (WASO)", "sleep latency (SL) measured by actigraphy"]
    assert endpoints(
        "Before randomization, all participating primary care teams were trained in clinical guidelines for the "
        "treatment of adolescent depression."
    ) == []


def test_defined_as_belongs_to_the_head() -> None:
    assert [t for _, t, _ in endpoints(
        "The primary global outcome of the study was defined as a 10 points improvement in the SF-36 quality of life score."
    )] == ["a 10 points improvement in the SF-36 quality of life score"]


def test_result_words_reject_only_whole_words() -> None:
    # "all" rejected "allograft" and "all-cause": a result word counts only as a whole word
    assert [t for _, t, _ in endpoints("The primary outcome was all-cause neonatal mortality.")] == ["all-cause neonatal mortality"]
    assert [t for _, t, _ in endpoints(
        "Secondary endpoints were bone mineral metabolism, renal function, and allograft protocol biopsies."
    )] == ["bone mineral metabolism", "renal function", "allograft protocol biopsies"]
    assert endpoints("The primary outcomes were all similar between groups.") == []


def test_apposition_without_article_closed_by_comma() -> None:
    assert [(k, t) for k, t, _ in endpoints(
        "In these patients, the primary endpoint, clinical remission, was attained in 83 % of patients according to "
        "DAS28-CRP criteria (p < 0.001) and 69 % according to SDAI criteria (p < 0.001) by week 24."
    )] == [("primary", "clinical remission")]
    # a result in the bracket, or a gerund clause, is not an outcome in apposition
    assert endpoints(
        "From 210 children who were eligible, 74 met inclusion criteria, 8 withdrew and 10 had insufficient primary "
        "outcome measures, leaving 56 children (29 female) for analysis."
    ) == []
    assert endpoints(
        "Compared to placebo, patients in the olanzapine group experienced greater improvement in the primary outcome "
        "measure, MADRS total score (−14.9 vs. −10.7; p = .01)."
    ) == []


def test_subject_list_before_explored_as_secondary_outcomes() -> None:
    assert [t for _, t, _ in endpoints(
        "Mood, energy level, fatigue, appetite, dietary intake, and productivity were explored as secondary outcomes."
    )] == ["Mood", "energy level", "fatigue", "appetite", "dietary intake", "productivity"]
    assert [t for _, t, _ in endpoints(
        "Relapse-free survival, overall survival, and intramammary relapse were secondary endpoints estimated with "
        "Kaplan-Meier and Cox regression methods."
    )] == ["Relapse-free survival", "overall survival", "intramammary relapse"]


def test_modifier_with_its_own_bracket_stays_one_outcome() -> None:
    # "peak (...) and trough (...) FEV1": coordinated modifiers; "After 4 weeks" opens the sentence, it is
    # not an item of a list
    assert [t for _, t, _ in endpoints(
        "After 4 weeks, peak (0–4 h) and trough (24–26 h) forced expiratory volume in 1 second (FEV1) were assessed as "
        "the primary efficacy outcome variables."
    )] == ["peak (0–4 h) and trough (24–26 h) forced expiratory volume in 1 second (FEV1)"]


def test_outcome_between_primary_outcome_of_and_the_verb() -> None:
    assert [(k, t) for k, t, _ in endpoints(
        "Primary outcome of nerve functional recovery was measured using a previously validated laser curtain model, "
        "which measured amplitude of whisking at 2, 4, and 6 post-operatively."
    )] == [("primary", "nerve functional recovery")]
    assert [(k, t) for k, t, _ in endpoints(
        "The secondary outcome of agitation was significantly reduced in the intervention group compared with controls "
        "over 26 weeks (time by group interaction adjusted for covariates: p=0.011)."
    )] == [("secondary", "agitation")]
    # "measure of X is the Y": the outcome is Y, after the verb, which no rule reads here
    assert endpoints(
        "Our primary outcome measure of quality of care is the proportion of technical tasks performed by providers, "
        "as established by Peruvian family planning clinical guidelines."
    ) == []


def test_every_timeframe_rule_example_passes_the_literal_gate() -> None:
    # endpoints._may_name_time skips the timeframe rules where the phrase has no digit and no
    # day/week/month/year: a new timeframe rule that needs neither must change that gate
    from extractor.fields.endpoints import _may_name_time
    from extractor.rules import load_rules

    class _Ctx:
        def __init__(self, text: str) -> None:
            self.norm, self.low = text, text.lower()

    for r in load_rules("endpoints").rules:
        if r.label == "timeframe":
            for text in r.examples.match:
                assert _may_name_time(_Ctx(text), 0, len(text)), (r.id, text)  # type: ignore[arg-type]


def test_rules_skipped_without_a_bracket_need_one() -> None:
    # endpoints skips NEEDS_BRACKET rules in a sentence with no "(" or "[": each of their examples
    # stops matching once its brackets are gone
    from extractor.fields.endpoints import NEEDS_BRACKET
    from extractor.rules import load_rules

    rules = {r.id: r for r in load_rules("endpoints").rules}
    for rid in NEEDS_BRACKET:
        for text in rules[rid].examples.match:
            bare = text.translate(str.maketrans("()[]", "    "))
            assert rules[rid].regex.search(bare) is None, (rid, text)


def test_rules_scanned_from_the_kind_word_start_there() -> None:
    # endpoints scans STARTS_AT_KIND rules from the token before the first "primary"/"secondary":
    # their patterns must open (after lookbehinds) with the kind word itself
    from extractor.fields.endpoints import STARTS_AT_KIND
    from extractor.rules import load_rules

    rules = {r.id: r for r in load_rules("endpoints").rules}
    for rid in STARTS_AT_KIND:
        pattern = rules[rid].pattern
        while pattern.startswith(("(?<!", "(?<=")):
            depth = 0
            for i, c in enumerate(pattern):
                depth += (c == "(") - (c == ")")
                if depth == 0:
                    pattern = pattern[i + 1 :]
                    break
        assert pattern.startswith("\\b<<kind>>"), rid


def test_a_word_that_can_open_an_outcome_rejects_only_before_a_result() -> None:
    """'positive', 'no', 'all', 'both', 'reduced', 'lower' ... open outcomes as well as results:
    they reject the phrase only where a result follows them (3 of 3 'positive/negative'
    rejections over the 3,147 abstracts had been right once: the Positive and Negative Affect
    Schedule and 'negative direct and indirect (IFAT) tests' were lost)."""
    def texts(s: str) -> list[str]:
        return [t for _, t, _ in endpoints(s)]
    assert texts("Secondary outcome measures included Positive and Negative Affect Schedule.") == [
        "Positive and Negative Affect Schedule"]
    assert texts("The primary outcome was all cardiopulmonary adverse events.") == ["all cardiopulmonary adverse events"]
    assert texts("Secondary efficacy measure was reduced stiffness.") == ["reduced stiffness"]
    assert texts("Secondary endpoints were symptom improvement and lower incidence of adverse events.") == [
        "symptom improvement", "lower incidence of adverse events"]
    assert endpoints("Although the primary outcome was negative, secondary analysis suggested that CPM decreases the risk.") == []
    assert endpoints("The risk of the primary outcome was lower in the groups intensively treated for glycemia.") == []
    assert endpoints("The primary endpoint was reduced with ticagrelor vs. clopidogrel [10.0 vs. 12.3%].") == []


def test_the_rate_of_the_primary_outcome_is_a_result() -> None:
    """'the rates of primary outcome were 1.59%/year with warfarin, ...' gave six junk outcomes;
    'rate/incidence/risk of (the) primary outcome was' is a result in all 4 such sentences of
    the 3,147 abstracts."""
    assert endpoints("In patients without LVH, the rates of primary outcome were 1.59%/year with warfarin, "
                     "1.60% with dabigatran 110 mg (HR vs. warfarin 1.01, 95% CI 0.75-1.36).") == []
    assert [t for _, t, _ in endpoints("The rate of hospitalisation was the primary outcome.")] == ["The rate of hospitalisation"]


def test_outcome_named_before_as_the_primary_outcome_without_a_verb() -> None:
    """'X as the primary outcome' with no verb before 'as' (13 in the 3,147 abstracts, none read):
    the outcome runs back as from a tag bracket; after 'were <verb> ...' it is the subject."""
    def texts(s: str) -> list[tuple[str, str]]:
        return [(k, t) for k, t, _ in endpoints(s)]
    assert texts("Participants were allocated to the basic or enhanced program, or the control, with body mass index (BMI) "
                 "as the primary outcome.") == [("primary", "body mass index (BMI)")]
    assert texts("These data included the number of sickness absence days as the primary outcome and questionnaire "
                 "measures to assess burnout indicators.") == [("primary", "the number of sickness absence days")]
    assert texts("This study evaluated the impact of abatacept on MRI pathology as a primary outcome in methotrexate "
                 "(MTX)-refractory patients.") == [("primary", "MRI pathology")]
    assert texts("The patient-reported perceived deficits questionnaire (PDQ) and physician-assessed clinical global "
                 "impression (CGI) were analyzed in a prespecified hierarchical testing sequence as key secondary end "
                 "points.") == [("secondary", "The patient-reported perceived deficits questionnaire (PDQ)"),
                                ("secondary", "physician-assessed clinical global impression (CGI)")]
    assert texts("Study endpoints were Rec-Met rate as primary endpoints, and progression free survival (PFS), overall "
                 "survival (OS) and safety assessments as secondary endpoints.") == [
        ("primary", "Rec-Met rate"), ("secondary", "progression free survival (PFS)"),
        ("secondary", "overall survival (OS)"), ("secondary", "safety assessments")]
    assert texts("Postoperative pain as the primary outcome was assessed by using visual analogue scale at 1, 4, 12 "
                 "and 24 h.") == [("primary", "Postoperative pain")]
    # head_subject's form, and 'as well as'
    assert texts("Mortality was used as the primary outcome.") == [("primary", "Mortality")]
    assert endpoints("LDL-C fell at 52 weeks as well as the primary endpoint of 12 weeks.") == []
    # a method is no outcome
    assert endpoints("NRS scores were compared via repeated-measures analysis of variance (ANOVA) as the primary outcome.") == []


def test_a_method_participle_after_the_head_is_no_outcome() -> None:
    """'The primary outcome was assessed by using visual analogue scale', '... was recorded in both
    treatment groups': 7 junk outcomes over the 3,147 abstracts; 'assessed:' and 'measured as'
    still name the outcome next; 'being compared ... were' reaches to its verb."""
    assert endpoints("The primary outcome was recorded in both treatment groups.") == []
    assert [t for _, t, _ in endpoints("The primary outcome was measured as the total blood loss within 2 h after delivery.")] == [
        "measured as the total blood loss within 2 h after delivery"]
    assert [t for _, t, _ in endpoints(
        "The primary outcomes being compared at baseline and after 40 weeks of treatment were the change in visceral fat "
        "levels and change in individuals' sensitivity to insulin.")] == [
        "the change in visceral fat levels", "change in individuals' sensitivity to insulin"]


def test_complete_and_continuous_modify_one_outcome() -> None:
    # corpus/heldout/abstracts/PMC3704267.txt: "the complete" had been an outcome of its own
    text = ("The primary efficacy endpoint was the complete and continuous abstinence from smoking from the "
            "beginning of month 24 to the end of month 30.")
    assert [t for _, t, _ in endpoints(text)][0].startswith("the complete and continuous abstinence from smoking")
    # two outcomes joined by "and" still split
    two = "Secondary outcomes were complete remission and continuous glucose monitoring."
    assert [t for _, t, _ in endpoints(two)] == ["complete remission", "continuous glucose monitoring"]
