"""GRIM: means of integer data that no total of n integers can give."""

from __future__ import annotations

import pytest
from checks_support import record, run

from extractor.checks.grim import grim_consistent


@pytest.mark.parametrize("mean, n, d, ok", [
    (5.19, 28, 2, False),   # 145/28 = 5.179, 146/28 = 5.214
    (5.18, 28, 2, True),
    (3.50, 20, 2, True),
    (2.33, 3, 2, True),     # 7/3
    (2.34, 3, 2, False),
])
def test_grim_arithmetic(mean, n, d, ok):
    assert grim_consistent(mean, n, d) is ok


def test_grim_flags_impossible_mean_of_counts():
    text = "The number of seizures per month was a mean of 5.19 (n = 28) with the drug."
    rec = record(text, summaries=[dict(text="5.19", statistic="mean", value=5.19)])
    assert [f.severity for f in run("GRIM", rec)] == ["info"]


def test_grim_quiet_without_integer_data_or_n():
    text = "Blood pressure fell to a mean of 5.19 (n = 28) with the drug."
    assert run("GRIM", record(text, summaries=[dict(text="5.19", statistic="mean", value=5.19)])) == []
    text = "The number of seizures per month was a mean of 5.19 with the drug."
    assert run("GRIM", record(text, summaries=[dict(text="5.19", statistic="mean", value=5.19)])) == []


def test_grim_needs_precision_finer_than_n():
    text = "The number of seizures was a mean of 5.1 (n = 280) with the drug."
    assert run("GRIM", record(text, summaries=[dict(text="5.1", statistic="mean", value=5.1)])) == []


def test_an_n_of_thousands_of_digits_is_no_n_and_loses_no_check():
    # int() refused the n of "(n = 777...7)" (5,000 digits): "check GRIM failed: ValueError";
    # a run of digits that long is no count, so the mean has no n to test
    from extractor.api import extract_text

    text = "Title\n\nRESULTS: The number of visits was mean 5.19 ± 1.2 (n = {}) in the drug group."
    r = extract_text(text.format("7" * 5000))
    assert r.warnings == [] and r.flags == []
    assert [f.code for f in extract_text(text.format("28")).flags] == ["GRIM"]


def test_a_sentence_of_many_means_is_searched_for_integer_data_once(monkeypatch: pytest.MonkeyPatch):
    # _INTEGER_DATA was searched over the whole sentence once per mean: quadratic in a sentence
    # of many means (a repeated clause: 771 means in 51,000 characters took 2 s)
    from extractor.api import extract_text
    from extractor.checks import grim as grim_module

    searched: list[int] = []
    pattern = grim_module._INTEGER_DATA

    class Counted:
        def search(self, text: str):
            searched.append(len(text))
            return pattern.search(text)

    monkeypatch.setattr(grim_module, "_INTEGER_DATA", Counted())
    r = extract_text("Title\n\nRESULTS: The number of visits was mean 5.19 ± 1.2 (n = 28), "
                     + "mean 4.50 ± 1.1 (n = 30), " * 200 + "and mean 6.00 ± 1.0 (n = 12).")
    assert r.warnings == []
    assert len(searched) == 1
    assert [f.message.split(":")[0] for f in r.flags if f.code == "GRIM"] == ["'5.19 ± 1.2'"]
