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
