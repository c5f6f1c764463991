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


def test_degrees_of_freedom_of_over_308_digits_are_none_not_inf_and_lose_no_check() -> None:
    # float() made a df of 310 digits inf, the p recomputed from it nan, and betainc raised:
    # "check TESTSTAT_P failed (ValueError: x must be in [0, 1])". (A df of over 15 characters
    # passes the field's gate only with another statistic in the text: the chi-square here.)
    r = extract_text("Title\n\nRESULTS: Scores differed, t(" + "2" * 310 + ") = 8.1, p = 0.4; χ2 = 3.1, p = 0.08.")
    assert r.warnings == []
    assert [(t.test, t.df1, t.value, t.p_value) for t in r.test_statistics] == [
        ("t", None, 8.1, 0.4), ("chi2", None, 3.1, 0.08)]
