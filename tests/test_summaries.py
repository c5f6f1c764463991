"""Summary statistics: real sentences from the corpus."""

from __future__ import annotations

from extractor.api import extract_text


def _s(text: str):
    return [(s.statistic, s.value, s.dispersion, s.spread, s.lower, s.upper) for s in extract_text(text).summaries]


def test_plus_minus_mean_with_sd_declared() -> None:
    s = "Their mean (sd) age was 56.5 ± 5.9 years and the mean (sd) HbA1c level was 56.4 ± 13.3 mmol/mol."
    assert _s(s) == [("mean", 56.5, "SD", 5.9, None, None), ("mean", 56.4, "SD", 13.3, None, None)]


def test_plus_minus_without_label_is_pm() -> None:
    assert _s("Lactate was 8.9 ± 0.6 in the first group.") == [("other", 8.9, "pm", 0.6, None, None)]


def test_mean_sd_in_brackets() -> None:
    assert _s("The mean (SD) score was 4.1 (1.2) at baseline.") == [("mean", 4.1, "SD", 1.2, None, None)]


def test_median_with_iqr_and_unlabelled_follow_on() -> None:
    s = ("There were no significant differences in days alive off ventilation within 60 days (median rank, 117.3 "
         "[interquartile range, 60.0-169.5] in cell patients and 102.0 [interquartile range, 54.0-162.5] in control subjects).")
    assert _s(s) == [("median", 117.3, "IQR", None, 60.0, 169.5), ("median", 102.0, "IQR", None, 54.0, 162.5)]


def test_median_with_range() -> None:
    assert _s("Median follow-up time was 39.7 (range 4.9–79.7) months.") == [("median", 39.7, "range", None, 4.9, 79.7)]


def test_scientific_dose_is_not_a_summary() -> None:
    assert _s("Subjects received two infusions of 100 ± 20 × 106 UC-MSCs.") == []


def test_a_long_run_of_spaces_after_median_is_read_one_way_and_loses_no_field() -> None:
    # sum_median's adjacent \s* before the value split a run of spaces every way when no value
    # followed: quadratic (2 s a "median" with 20,000 spaces), and with 40,000 the regex time
    # limit lost the whole field ("summaries: pattern matching timed out; field left empty")
    text = ("Title\n\nRESULTS: The median time to progression{}was 8 months in both groups. "
            "The median age was 54 years (range 30-70).")
    for spaces in (" " * 40_000, " "):
        r = extract_text(text.format(spaces))
        assert r.warnings == []
        assert [(s.statistic, s.value, s.lower, s.upper) for s in r.summaries] == [("median", 54.0, 30.0, 70.0)]
