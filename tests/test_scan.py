"""extractor.scan: a pattern matched only where it can start gives finditer's matches."""

from __future__ import annotations

import re

import regex

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
