"""Matching a pattern only where it can start.

A rule whose match must begin at a known literal (a "CI" label, a "P" token, the digits before
a "/") need not be scanned over every character: the fields list the possible starts with
``literal_starts`` / ``skip_back`` and match there with ``finditer_at``, which yields exactly
what ``pattern.finditer`` would. All the calls of one ``finditer_at`` share one time budget,
so a hostile text with 100,000 candidate starts is bounded as the one scan was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

from extractor.rules import SHORT_SPAN, Budget


def literal_starts(text: str, literals: Iterable[str]) -> list[int]:
    """Every position where one of ``literals`` occurs in ``text``, in order."""
    out = []
    for lit in literals:
        i = text.find(lit)
        while i >= 0:
            out.append(i)
            i = text.find(lit, i + 1)
    return sorted(out)


def skip_back(text: str, j: int, pred: Callable[[str], bool]) -> int:
    """The start of the run of characters satisfying ``pred`` that ends at ``j``."""
    while j > 0 and pred(text[j - 1]):
        j -= 1
    return j


def finditer_at(pattern, text: str, starts: Iterable[int], endpos: int | None = None) -> Iterator:
    """``pattern.finditer(text, 0, endpos)`` for a pattern whose matches can start only at
    ``starts`` (sorted): the leftmost match at or after the previous one's end, in turn.
    A ``regex`` pattern's calls together take at most REGEX_TIMEOUT (``re`` has no timeout);
    a call over at most SHORT_SPAN characters runs without regex's own timeout (see rules)."""
    end = len(text) if endpos is None else endpos
    budget = Budget() if isinstance(pattern, regex.Pattern) else None
    last_end = 0
    for p in starts:
        if p < last_end:
            continue
        if budget is None:
            m = pattern.match(text, p, end)
        elif end - p <= SHORT_SPAN:
            budget.left()  # raises once the calls together have spent the budget
            m = pattern.match(text, p, end)
        else:
            m = pattern.match(text, p, end, timeout=budget.left())
        if m is not None:
            last_end = m.end()
            yield m
