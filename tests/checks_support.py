"""Helpers for the check tests: records built from a real sentence, values located in it."""

from __future__ import annotations

import re
from typing import Any

from extractor.checks import all_checks
from extractor.records import (
    Arm,
    EventRate,
    Flag,
    Interval,
    PValue,
    SampleSize,
    Sentence,
    Summary,
    TestStatistic,
    TrialRecord,
)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(])", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


class Builder:
    """Locate each value's verbatim text in ``text`` (the n-th occurrence with ``nth``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = _sentences(text)
        self.used: set[int] = set()

    def ev(self, t: str, nth: int = 0) -> dict[str, Any]:
        at = -1
        for _ in range(nth + 1):
            at = self.text.find(t, at + 1)
        assert at >= 0, f"{t!r} not in text"
        idx = next(i for i, (s, e) in enumerate(self.bounds) if s <= at < e)
        self.used.add(idx)
        return {"text": t, "start": at, "end": at + len(t), "sentence": idx, "section": "RESULTS"}

    def sentences(self) -> list[Sentence]:
        return [Sentence(index=i, start=s, end=e, text=self.text[s:e]) for i, (s, e) in enumerate(self.bounds)
                if i in self.used]


def record(text: str, *, p: list[tuple] = (), ci: list[dict] = (), rates: list[tuple] = (),
           summaries: list[dict] = (), tests: list[dict] = (), arms: list[tuple] = (),
           sample_size: dict | None = None) -> TrialRecord:
    """p: (text, comparator, value); ci: dict(text=..., lower, upper, estimate, measure, level);
    rates: (text, events, total, percent); arms: (label, n)."""
    b = Builder(text)
    return TrialRecord(
        id="t", source="<test>",
        p_values=[PValue(**b.ev(t), comparator=c, value=v) for t, c, v in p],
        intervals=[Interval(**b.ev(d.pop("text")), **d) for d in map(dict, ci)],
        event_rates=[EventRate(**b.ev(t), events=e, total=n, percent=pc) for t, e, n, pc in rates],
        summaries=[Summary(**b.ev(d.pop("text")), **d) for d in map(dict, summaries)],
        test_statistics=[TestStatistic(**b.ev(d.pop("text")), **d) for d in map(dict, tests)],
        arms=[Arm(label=label, n=n) for label, n in arms],
        sample_size=SampleSize(**(sample_size or {})),
        sentences=b.sentences(),
    )


def run(code: str, rec: TrialRecord) -> list[Flag]:
    """Flags of the one check registered under ``code``."""
    checks = {c.code: c for c in all_checks()}
    return checks[code].func(rec)
