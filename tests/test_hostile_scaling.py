"""Guards that keep a hostile text (one pattern repeated 50,000 times, a run of tens of
thousands of spaces from PDF layout) from making a field quadratic. Figures live in
benchmarks/hostile.py; these tests pin the mechanisms."""

from __future__ import annotations

import pytest

from extractor.api import extract_text
from extractor.fields.events import _Taken
from extractor.fields.sample_size import _AFTER_WINDOW, _EACH_ARM_AFTER
from extractor.rules import Budget, load_rules


def test_a_spent_regex_budget_raises_timeout_error() -> None:
    # "95% CI 1.2-" repeated: intervals matches ci_labeled at every label, each call with
    # its own timeout; the budget bounds the calls together, as the one scan was bounded
    assert Budget(60.0).left() > 0
    with pytest.raises(TimeoutError):
        Budget(0.0).left()


def test_event_spans_taken_find_overlaps_without_scanning_every_span() -> None:
    # "12 of 12 of 12 of ...": thousands of counts, each tested against the spans taken
    taken = _Taken()
    for start in range(0, 60_000, 6):
        taken.append((start, start + 5))
    taken.append((100_000, 100_120))
    assert taken.overlaps(3, 4)          # inside a short span
    assert not taken.overlaps(5, 6)      # the gap between two spans
    assert taken.overlaps(100_100, 100_101)  # inside the long span, far from its start
    assert not taken.overlaps(100_120, 100_130)


def test_the_each_arm_phrase_is_still_read_within_its_window() -> None:
    sent = "Sixty patients were enrolled in each group."
    me = len("Sixty")  # the end of the count
    assert _EACH_ARM_AFTER.match(sent, me, me + _AFTER_WINDOW)
    assert not _EACH_ARM_AFTER.match("Sixty patients completed the study.", me, me + _AFTER_WINDOW)


def _rates(text: str) -> list[tuple[int, int, float | None, str | None]]:
    r = extract_text(text)
    assert r.warnings == []
    return [(e.events, e.total, e.percent, e.rule) for e in r.event_rates]


def test_a_long_run_of_spaces_after_a_reversed_total_is_read_in_one_pass() -> None:
    # er_reversed's "\s+" after the total and the lazy words after it split a run of spaces
    # every way, each split reading the run on for "(" and ",": 2,500 spaces took 1.2 s and
    # 10,000 (PDF layout) 19 s, the field lost to the regex time limit
    text = "Title\n\nRESULTS: Of the 695{}eligible patients, 465 (67%) were randomized."
    assert _rates(text.format(" " * 20_000)) == _rates(text.format(" ")) == [(465, 695, 67.0, "er_reversed")]


def test_a_sentence_of_many_antecedent_counts_reads_its_totals_once() -> None:
    # each "115 (44.4%) of them" rescanned its sentence from the start for totals: quadratic,
    # and 1,000 of them in one sentence (a table flattened by PDF extraction) timed the field out
    for unit, rate in (("259 patients, 115 (44.4%) of them, ", (115, 259, 44.4, "er_of_them")),
                       ("259 patients had 40.5% (n = 17) ", (17, 259, 40.5, "er_pct_n"))):
        rates = _rates("Title\n\nRESULTS: " + unit * 1_500 + "in all.")
        assert len(rates) == 1_500 and set(rates) == {rate}


def test_a_sentence_of_many_intervals_is_not_rescanned_for_each_measure() -> None:
    # _decide_measure scanned the sentence from its start for each interval's measure:
    # quadratic, and 700 intervals in one 35,000-character sentence (a table flattened by
    # PDF extraction) timed the field out
    unit = "the mean difference in site 12 was 0.5 (95% CI 0.3 to 0.7), "
    one = extract_text("Title\n\nRESULTS: " + unit + "in all.").intervals
    r = extract_text("Title\n\nRESULTS: " + unit * 1_000 + "in all.")
    assert r.warnings == [] and len(r.intervals) == 1_000
    assert {(i.measure, i.estimate, i.lower, i.upper) for i in r.intervals} == {(one[0].measure, 0.5, 0.3, 0.7)}


def test_long_runs_of_spaces_in_p_values_are_read_in_one_pass() -> None:
    # <<ptok>>'s "\s*[-‐ ]?\s*value", <<qual>>'s "\s*[-_]?\s*", the spaces before the
    # comparator and <<sci>>'s after "10", and p_more's "and\s+" before "\s*": each pair split a
    # run of spaces every way when what followed did not match (10,000 spaces after "P": 12 s),
    # and the field was lost to the regex time limit
    def ps(text: str) -> list[tuple[str, float, str | None]]:
        r = extract_text(text)
        assert r.warnings == []
        return [(p.comparator, p.value, p.rule) for p in r.p_values]

    for text in ("Title\n\nRESULTS: The response differed between groups (P{}= .015).",
                 "Title\n\nRESULTS: Pain and fatigue fell (P = 0.006 and{}0.044, respectively).",
                 "Title\n\nRESULTS: Pain fell (P = 0.01), significant at the 5%{}level."):
        assert ps(text.format(" " * 20_000)) == ps(text.format(" ")) != []


def test_long_runs_of_spaces_in_compared_values_and_outcomes_are_read_in_one_pass() -> None:
    # vs_pair's and resp_pair's spaces after a value were split every way between their
    # adjacent "\s*" (10,000 spaces: 8 s); the out_* outcome's <<stop>> read the rest of a run
    # at each of its spaces, and "\s+" before the outcome gave the run back a space at a time
    # (10,000: 0.5 to 21 s); each lost the field to the regex time limit
    def outcomes(text: str) -> list[tuple[str | None, str | None]]:
        r = extract_text(text)
        assert r.warnings == []
        return [(" ".join(c.outcome.split()) if c.outcome else None, c.direction) for c in r.comparisons]

    for text in ("Title\n\nRESULTS: Pain scores were 3.1{}vs 4.2 with placebo (P = 0.01).",
                 "Title\n\nRESULTS: Response rates were 53.3%{}and 86.6% in patients treated with sorafenib and "
                 "capecitabine, respectively (P = 0.01).",
                 "Title\n\nRESULTS: There were no significant differences in days{}alive off ventilation between "
                 "the groups (P = 0.4).",
                 "Title\n\nRESULTS: The drug did not improve 30-day survival{}or ventilator-free days in patients (P = 0.3).",
                 "Title\n\nRESULTS: Patients given the drug had significantly higher Euroscore{}values than controls "
                 "(P = 0.01)."):
        assert outcomes(text.format(" " * 20_000)) == outcomes(text.format(" ")) != []


@pytest.mark.parametrize("field,rule,text", [
    ("comparisons", "vs_pair", "P = 0.03{}vs placebo"),
    ("comparisons", "resp_pair", "were 8.9{}± 0.6, 11.8 ± 1.0 and 18.2 ± 0.9 ml/kg in the sham and oleic acid groups, respectively"),
    ("comparisons", "resp_pair", "Rates were 47.2 and 43.4% in patients{}with ≥10% decline at weeks 12 and 24, respectively"),
    ("comparisons", "out_diff_in", "There were no significant differences in{}x)"),
    ("comparisons", "out_diff_in", "There were no significant differences in days{}alive off ventilation within 60 days (median"),
    ("comparisons", "out_group_verb", "did not improve 30-day survival{}or 60-day ventilator-free days in patients"),
    ("comparisons", "out_none_in_groups", "No{}serious AEs were reported; there were no withdrawals due to AEs."),
    ("comparisons", "out_had_more", "had significantly higher Euroscore{}values"),
    ("events", "er_reversed", "Of the 120{}patients, 60% were women"),
    ("pvalues", "p_value", "(P{}= .015)"),
    ("pvalues", "p_value", "P = 10{}x"),
    ("pvalues", "p_more", " and{}0.4 mmol/l"),
    ("pvalues", "sig_level_after", "{}level."),
    ("teststats", "ts_r", "r{}x"),
    ("teststats", "ts_chi2", "χ2{}x"),
])
def test_a_rule_reads_a_long_run_of_spaces_in_one_pass(field: str, rule: str, text: str) -> None:
    # each took 0.2 to 21 s over 10,000 spaces (quadratic: a run split every way between
    # adjacent quantifiers, or read to its end from each of its spaces); now well under 1 ms,
    # so a 1-second limit over 40,000 spaces leaves a wide margin on a loaded machine
    pattern = load_rules(field).by_id(rule).regex
    spaced = text.format(" " * 40_000)
    list(pattern.finditer(spaced, timeout=1.0))  # TimeoutError past the limit


def test_a_long_run_of_spaces_inside_a_count_phrase_keeps_the_sample_size_field() -> None:
    # the count's modifiers look back over the spaces before a number ("2010 and 2012, 269
    # patients"); an unbounded \s+ in that lookbehind, tried at each word, was quadratic and
    # 20,000 spaces timed the field out
    for text in ("Between 2010 and{}2012, 269 patients were randomized.", "Thirty type 2{}and 4{}patients were enrolled."):
        r = extract_text(text.format(" " * 20_000, " " * 20_000))
        assert r.warnings == []
    assert extract_text("Between 2010 and{}2012, 269 patients were randomized.".format(" " * 20_000)).sample_size.randomized == 269



def test_the_test_statistic_gates_read_a_long_run_of_spaces_before_a_sign_in_one_pass() -> None:
    # the gate's lookbehind had a "\s*" either side of an optional bracket: a run of spaces
    # before "=" was split every way (20,000 spaces: 1.3 s for one "=")
    from extractor.fields.teststats import _GATES

    for gate in _GATES:
        gate.search("(P" + " " * 40_000 + "= .015) t" + " " * 40_000 + "< 3", timeout=1.0)
    assert [(s.test, s.value) for s in extract_text("The groups differed, t(24)   = 2.3, P = .03.").test_statistics] == [("t", 2.3)]
