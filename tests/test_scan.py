"""extractor.scan: a pattern matched only where it can start gives finditer's matches."""

from __future__ import annotations

import re

import pytest
import regex

from extractor.rules import REGEX_TIMEOUT, SHORT_SPAN, Budget, bounded
from extractor.scan import finditer_at, literal_starts, skip_back


def test_matching_at_the_literal_starts_gives_finditers_matches() -> None:
    text = "P = 0.04, p<0.001 and P = .3 (95% CI 1.2-3.4; CI 2-5)"
    for pattern in (regex.compile(r"[Pp]\s*[=<]\s*\.?\d+(?:\.\d+)?"), re.compile(r"CI \d+(?:\.\d+)?-\d+(?:\.\d+)?")):
        starts = literal_starts(text, ("P", "p", "CI"))
        assert [m.span() for m in finditer_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_a_start_inside_the_previous_match_is_skipped_as_finditer_skips_it() -> None:
    text = "aaaa"
    assert [m.span() for m in finditer_at(regex.compile("aa"), text, [0, 1, 2, 3])] == [(0, 2), (2, 4)]
    assert list(finditer_at(regex.compile("b"), text, [0, 1])) == []


def test_skip_back_stops_at_the_first_character_outside_the_run() -> None:
    assert skip_back("x  12", 5, str.isdecimal) == 3
    assert skip_back("x  12", 3, str.isspace) == 1
    assert skip_back("12", 2, str.isdecimal) == 0


def test_bounded_passes_regex_its_timeout_only_over_a_span_longer_than_short_span() -> None:
    seen: list[dict] = []

    def call(text: str, pos: int, end: int, **kw: float) -> None:
        seen.append(kw)

    bounded(call, "x" * SHORT_SPAN)
    bounded(call, "x" * (SHORT_SPAN + 10), 10)
    bounded(call, "x" * (SHORT_SPAN + 1))
    bounded(call, "x" * 50_000, 100, 100 + SHORT_SPAN + 1)
    assert seen == [{}, {}, {"timeout": REGEX_TIMEOUT}, {"timeout": REGEX_TIMEOUT}]


def test_bounded_returns_what_the_call_returns_over_the_same_span() -> None:
    pattern = regex.compile(r"P\s*=\s*\d?\.\d+")
    short = "x P = .04 and P = 0.3"
    long = short + " filler" * 400
    for text in (short, long):
        assert [m.span() for m in bounded(pattern.finditer, text, 2)] == [m.span() for m in pattern.finditer(text, 2)]
        assert bounded(pattern.search, text, 0, 9).span() == pattern.search(text, 0, 9).span()


def test_finditer_at_stops_once_the_shared_budget_is_spent_even_over_short_spans(monkeypatch) -> None:
    # thousands of short calls, each run without regex's own timeout, still share one budget
    import extractor.scan as scan

    monkeypatch.setattr(scan, "Budget", lambda: Budget(0.0))
    with pytest.raises(TimeoutError):
        list(finditer_at(regex.compile("a"), "a" * 10, range(10)))
