"""PCT_MISMATCH: percent vs x/n, with rounding and truncation at the written precision."""

from __future__ import annotations

import pytest
from checks_support import record, run

from extractor.checks.rates import percent_consistent

SEED = ("Thirty-day mortality was 37.5% (42/112) in cell recipients versus 42.7% (47/110) "
        "in control patients.")


def test_seed_percents_match():
    rec = record(SEED, rates=[("37.5% (42/112)", 42, 112, 37.5), ("42.7% (47/110)", 47, 110, 42.7)])
    assert run("PCT_MISMATCH", rec) == []


def test_percent_off_by_more_than_rounding_is_an_error():
    text = SEED.replace("37.5%", "41.5%")
    rec = record(text, rates=[("41.5% (42/112)", 42, 112, 41.5), ("42.7% (47/110)", 47, 110, 42.7)])
    flags = run("PCT_MISMATCH", rec)
    assert len(flags) == 1
    f = flags[0]
    assert f.severity == "error" and f.recomputed == pytest.approx(37.5)
    assert f.spans[0].text == "41.5% (42/112)" and "37.50%" in f.message


def test_borderline_37_4_for_42_of_112_is_flagged_but_gently():
    # 42/112 = 37.500 exactly: 37.4% is outside [37.45, 37.55] but within a point -> warning
    rec = record("Mortality was 37.4% (42/112).", rates=[("37.4% (42/112)", 42, 112, 37.4)])
    flags = run("PCT_MISMATCH", rec)
    assert [f.severity for f in flags] == ["warning"]


@pytest.mark.parametrize("events, total, percent, d", [
    (42, 112, 37.5, 1),   # exact boundary 37.500
    (1, 3, 33.0, 0),      # 33.3 rounds to 33
    (2, 3, 67.0, 0),      # 66.7 rounds to 67
    (2, 3, 66.0, 0),      # truncated: 66.67 -> 66
    (51, 104, 49.0, 1),   # 49.04 -> 49.0
    (1, 8, 12.5, 1),
    (1, 8, 13.0, 0),      # 12.5 rounds half up
    (1, 8, 12.0, 0),      # or is truncated
])
def test_rounding_and_truncation_accepted(events, total, percent, d):
    assert percent_consistent(events, total, percent, d)


@pytest.mark.parametrize("events, total, percent, d", [
    (2, 3, 65.0, 0),
    (42, 112, 37.6, 1),
    (1, 3, 34.0, 0),
    (33, 122, 27.3, 1),   # 27.05%: neither rounds nor truncates to 27.3
])
def test_beyond_rounding_rejected(events, total, percent, d):
    assert not percent_consistent(events, total, percent, d)


def test_one_third_as_33_percent_is_fine_end_to_end_record():
    rec = record("Response occurred in 1/3 (33%) patients.", rates=[("1/3 (33%)", 1, 3, 33.0)])
    assert run("PCT_MISMATCH", rec) == []


def test_uncertain_rate_percent_mismatch_is_only_a_warning():
    text = SEED.replace("37.5%", "41.5%")
    rec = record(text, rates=[("41.5% (42/112)", 42, 112, 41.5)])
    rec.event_rates[0].uncertain = True
    assert [f.severity for f in run("PCT_MISMATCH", rec)] == ["warning"]


def test_confidence_level_after_a_count_is_not_its_percent():
    # PMC2570683: "21.0%, (445/2,111, 95% CI [19.3%–22.7%])" — 95 is the CI level
    from extractor import extract_text

    rec = extract_text(
        "Malaria cases among all attendances were 21.0%, (445/2,111, 95% CI [19.3%-22.7%]) in the first year."
    )
    assert not [f for f in rec.flags if f.code == "PCT_MISMATCH"]
    # nor is the tail of "2,111" an estimate of the interval
    assert not [f for f in rec.flags if f.code == "CI_ESTIMATE_OUTSIDE"]


def test_percent_rounded_in_two_steps():
    # PMC5614421: 42/402 = 10.448% -> 10.45% -> 10.5%
    text = "The incidence of respiratory distress syndrome was similar in both study groups—10.5% (42/402) in the progesterone group."
    assert run("PCT_MISMATCH", record(text, rates=[("10.5% (42/402)", 42, 402, 10.5)])) == []
    # PMC1871574: 2/59 = 3.39%, no rounding gives 4%
    text = "At one year, there were 4/59 (7%) intervention quitters, compared to 2/59 (4%) control quitters."
    flags = run("PCT_MISMATCH", record(text, rates=[("4/59 (7%)", 4, 59, 7.0), ("2/59 (4%)", 2, 59, 4.0)]))
    assert [f.spans[0].text for f in flags] == ["2/59 (4%)"]


def test_a_percent_of_the_totals_own_clause_is_not_the_counts_share() -> None:
    # PMC4307639: "(55.1% response rate)" describes the 1,102 surveys returned, not 983 of them
    from extractor.api import extract_text

    rec = extract_text("RESULTS: Of 1,102 surveys returned (55.1% response rate), 983 were from physicians.")
    assert [(e.events, e.total) for e in rec.event_rates] == [(983, 1102)]
    assert not [f for f in rec.flags if f.code == "PCT_MISMATCH"]
    # a percent after the count is still its share, and checked
    rec = extract_text("RESULTS: Of 1,102 surveys returned, 983 (55.1%) were from physicians.")
    assert [f.code for f in rec.flags if f.code == "PCT_MISMATCH"]
