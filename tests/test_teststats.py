"""APA-style test statistics."""

from __future__ import annotations

import pytest

from extractor.api import extract_text


def _t(text: str):
    return [(t.test, t.df1, t.df2, t.value, t.p_comparator, t.p_value) for t in extract_text(text).test_statistics]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Scores differed between groups, t(38) = 2.10, p = .04.", [("t", 38, None, 2.1, "=", 0.04)]),
        ("There was a main effect of time, F(2, 45) = 3.4, P < 0.05.", [("F", 2, 45, 3.4, "<", 0.05)]),
        ("Rates differed (χ2(1) = 4.2).", [("chi2", 1, None, 4.2, None, None)]),
        ("The Wilcoxon test gave z = 1.96.", [("z", None, None, 1.96, None, None)]),
        ("Scores correlated with age (r = 0.45; p = 0.002).", [("r", None, None, 0.45, "=", 0.002)]),
    ],
)
def test_test_statistic_forms(sentence: str, expected) -> None:
    assert _t(sentence) == expected


@pytest.mark.parametrize("sentence", ["FEV1 = 2.1 L at baseline.", "Zinc was given as Zn = 3 mg.", "The chi-square test was used."])
def test_not_test_statistics(sentence: str) -> None:
    assert _t(sentence) == []
