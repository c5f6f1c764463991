"""Guards that keep a hostile text (one pattern repeated 50,000 times) from making a field
quadratic. Figures live in benchmarks/hostile.py; these tests pin the mechanisms."""

from __future__ import annotations

import pytest

from extractor.fields.events import _Taken
from extractor.fields.sample_size import _AFTER_WINDOW, _EACH_ARM_AFTER
from extractor.rules import Budget


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
