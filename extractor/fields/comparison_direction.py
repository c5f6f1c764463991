"""Direction and significance of a comparison: from cue words (``_word_cues``), from the
p-value or the interval (``_sig_from_p``, ``_sig_from_ci``), and from the per-arm values or
the estimate (``_numeric_direction``)."""

from __future__ import annotations

import regex

from extractor.fields.cue_words import _Runs, _word_runs, adverse
from extractor.records import ArmValue
from extractor.regex_cache import compile_regex

RATIO_MEASURES = {"RR", "OR", "HR", "IRR"}
DIFF_MEASURES = {"RD", "MD", "SMD"}
_MAGNITUDE_NEXT = compile_regex(r"\s+(?:and\s+)?(?:\w+\s+)?(reductions?|decreases?|declines?|improvements?|increases?|gains?|drops?|deterioration|worsening|benefits?|falls?|loss)\b", regex.I)
_QUANTITY_THAN = compile_regex(r"\s+than\s+(?:[\d.]|one\b|two\b|three\b|half\b|a\s+third\b)", regex.I)


def _sig_from_p(cmp: str, value: float) -> bool | None:
    if cmp in ("<", "<="):
        return value <= 0.05
    if cmp == "=":
        return value < 0.05
    if cmp in (">", ">="):
        return False if value >= 0.05 else None
    return None


def _sig_from_ci(measure: str | None, lower: float, upper: float) -> bool | None:
    if measure in RATIO_MEASURES:
        null = 1.0
    elif measure in DIFF_MEASURES:
        null = 0.0
    else:
        return None
    return not (lower <= null <= upper)


def _flip(direction: str | None) -> str | None:
    return {"increased": "decreased", "decreased": "increased"}.get(direction or "", direction)


def _word_cues(text: str, cues, outcome: str, runs: _Runs | None = None) -> tuple[str | None, bool | None, str | None]:
    """(direction, significant, cue) from words: direction of the sentence's focus group.
    ``runs``: runs to search ``text`` by, when the caller has them (``_blanked_runs``)."""
    # the text's words, split once: a list none of whose key words is among them is not
    # searched (most of the seven lists, most of the time)
    if runs is None:
        runs = _word_runs(text, 0, len(text))  # passed to each search: looked up once
    words = runs.set

    def has(key: str) -> bool:
        return not cues[key].keyset.isdisjoint(words)

    nd = cues["no_difference"].search(text, runs=runs) if has("no_difference") else None
    trend = cues["trend"].search(text, runs=runs) if has("trend") else None
    sig_m = None
    for m in cues["significant"].finditer(text, runs=runs) if has("significant") else ():
        before = text[max(0, m.start() - 25): m.start()]
        if not cues["negation"].search(before):
            sig_m = m
            break
    direction = None
    cue = None
    best = None
    for key, d in (("increase", "increased"), ("decrease", "decreased"), ("better", "better"), ("worse", "worse")):
        if not has(key):
            continue
        for m in cues[key].finditer(text, runs=runs):
            if _QUANTITY_THAN.match(text, m.end()):
                continue  # "more than 20% less than control": a quantity, not the direction
            # "no/not ... higher" is a negated direction, read by the no-difference phrases
            if best is None or m.start() < best[0]:
                best = (m.start(), d, m.group(0))
            break
    if best and best[1] == "increased":
        nxt = _MAGNITUDE_NEXT.match(text, best[0] + len(best[2]))
        if nxt:
            for key, d in (("decrease", "decreased"), ("better", "better"), ("worse", "worse"), ("increase", "increased")):
                if cues[key].fullmatch(nxt.group(1)):
                    best = (best[0], d, best[2] + nxt.group(0))
                    break
    if best:
        _, d, cue = best
        if d in ("better", "worse"):
            d = "increased" if (d == "better") != adverse(outcome, cues) else "decreased"
        direction = d
    significant = None
    if nd:
        significant = False
        if not direction or nd.start() <= (best[0] if best else 1 << 30):
            direction = "no difference"
        cue = nd.group(0)
    elif trend:
        significant = False
        cue = cue or trend.group(0)
    elif sig_m:
        significant = True
    return direction, significant, cue


def _numeric_direction(iv: ArmValue | None, cv: ArmValue | None, measure: str | None, est: float | None) -> str | None:
    if iv is not None and cv is not None:
        for f in ("percent", "mean", "median"):
            a, b = getattr(iv, f), getattr(cv, f)
            if a is not None and b is not None:
                return "increased" if a > b else "decreased" if a < b else "no difference"
        if iv.events is not None and cv.events is not None and iv.total and cv.total:
            a, b = iv.events / iv.total, cv.events / cv.total
            return "increased" if a > b else "decreased" if a < b else "no difference"
    if est is not None and measure in RATIO_MEASURES:
        return "increased" if est > 1 else "decreased" if est < 1 else "no difference"
    return None
