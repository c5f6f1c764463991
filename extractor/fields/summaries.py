"""Summary statistics with their dispersion: "8.9 ± 0.6", "mean (SD) 4.1 (1.2)",
"median 117.3 [IQR 60.0-169.5]", "39.7 (range 4.9-79.7)". Rules: patterns/summaries.json.

A "±" value is a mean when "mean" (or "(SD)") is written shortly before it; the "±" spread is
an SD or SE only where the text says so. Values inside a reported interval are left to the
intervals field.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.numbers import parse_decimal
from extractor.records import Summary
from extractor.regex_cache import compile_regex
from extractor.rules import load_rules
from extractor.scan import finditer_at, literal_starts, skip_back

FIELD = "summaries"

# One regex per alternative, tried in turn: a literal-led pattern is searched by regex's fast
# literal scan, an alternation is tried at every character (3-5x slower). Same answer: an
# alternation matches somewhere iff one of its alternatives does.
_GATES = tuple(compile_regex(p, regex.I) for p in (r"±", r"\bmeans?\b", r"\bmedians?\b", r"\brange\b", r"\bIQR\b"))
_GATE_WORDS = ("mean", "median", "range", "iqr")  # "median" holds no "mean", so both are listed
# a word every match of the rule holds
_NEEDS = {"sum_mean_sd": "mean", "sum_median": "median"}
_BEFORE_MEAN = compile_regex(r"\bmeans?\b|\baverage\b", regex.I)
_BEFORE_MEDIAN = compile_regex(r"\bmedians?\b", regex.I)
_DISP = compile_regex(r"\b(SD|SE|SEM|s\.d\.|standard\s+deviation|standard\s+error)\b", regex.I)


def _disp_name(raw: str | None) -> str | None:
    if not raw:
        return None
    r = raw.lower()
    if "range" in r and "inter" not in r and "iq" not in r:
        return "range"
    if "iq" in r or "inter" in r:
        return "IQR"
    if r.startswith("se") or "error" in r:
        return "SE"
    return "SD"


# sum_range and sum_pm are "<number> [<word>] <anchor>...", the anchor being "(range", "[IQR"
# ... or "±". Matching only at the numbers written right before an anchor gives their finditer
# over the text without trying every position (sum_range cost ~60 µs per abstract).
_RANGE_BRACKET = compile_regex(r"[(\[]\s*(?:IQR|interquartile\s+range|range|IQ\s*range)", regex.I)
_UNIT_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%/")  # [a-zA-Z%/]


def _number_starts(norm: str, anchors: Iterable[int]) -> list[int]:
    r"""Where "-?\d+(?:\.\d+)?\s*(?:[a-zA-Z%/]+\s*)?" ending at an anchor can start: the digits
    and minus signs of the run of number characters before it, past spaces and one unit word.
    Exact where plain_case holds (no other letter matches [a-zA-Z]); str.isspace and
    str.isdecimal cover every character \s and \d match."""
    out: set[int] = set()
    for b in anchors:
        j = skip_back(norm, b, str.isspace)
        k = skip_back(norm, j, _UNIT_CHARS.__contains__)
        if k < j:  # a unit word ("45 mg (range ...")
            j = skip_back(norm, k, str.isspace)
        k = skip_back(norm, j, _number_char)
        out.update(p for p in range(k, j) if norm[p] == "-" or norm[p].isdecimal())
    return sorted(out)


def _number_char(c: str) -> bool:
    return c.isdecimal() or c in ".-"


def find(ctx: Context) -> list[Summary]:
    rf = load_rules("summaries")
    norm = ctx.norm
    out: list[Summary] = []
    spans: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in spans)

    low = ctx.low  # shared with the other fields: lowered once per document
    plain = plain_case(norm)
    for rid in ("sum_mean_sd", "sum_median", "sum_range"):
        # cheap gates: each rule needs one of these words ("range" or "iqr", or the
        # interquartile range's "range"); exact where plain_case holds
        if rid == "sum_range" and "range" not in low and "iqr" not in low:
            continue
        if plain and rid in _NEEDS and _NEEDS[rid] not in low:
            continue
        rule = rf.by_id(rid)
        matches = (finditer_at(rule.regex, norm, _number_starts(norm, (t.start() for t in _RANGE_BRACKET.finditer(norm))))
                   if rid == "sum_range" and plain else rule.finditer(norm))
        for m in matches:
            if not free(m.start(), m.end()):
                continue
            value = parse_decimal(m.group("value"))
            if value is None:
                continue
            if rid == "sum_mean_sd":
                spread = parse_decimal(m.group("spread"))
                s = Summary(statistic="mean", value=value, dispersion=_disp_name(m.group("disp") or m.group("disp2")),  # type: ignore[arg-type]
                            spread=spread, **ctx.evidence(m.start(), m.end(), rule=rid))
            else:
                lower, upper = parse_decimal(m.group("lower")), parse_decimal(m.group("upper"))
                if lower is None or upper is None or lower > upper:
                    continue
                disp = m.group("disp") or (m.group("disp0") if rid == "sum_median" else None)
                dname = _disp_name(disp) or "IQR" if rid == "sum_median" else _disp_name(disp)
                if rid == "sum_median" and not disp:
                    dname = None
                stat = "median" if rid == "sum_median" or dname == "IQR" else "other"
                s = Summary(statistic=stat, value=value, dispersion=dname, lower=lower, upper=upper,  # type: ignore[arg-type]
                            **ctx.evidence(m.start(), m.end(), rule=rid))
            out.append(s)
            spans.append((m.start(), m.end()))

    pm = rf.by_id("sum_pm")
    if "±" not in norm:  # every match holds a "±"
        pm_matches = iter(())
    elif plain:
        pm_matches = finditer_at(pm.regex, norm, _number_starts(norm, literal_starts(norm, ("±",))))
    else:
        pm_matches = pm.finditer(norm)
    for m in pm_matches:
        if not free(m.start(), m.end()):
            continue
        value, spread = parse_decimal(m.group("value")), parse_decimal(m.group("spread"))
        if value is None or spread is None:
            continue
        sent = ctx.sentence_index(m.start())
        before = norm[max(ctx.sent_starts[sent], m.start() - 60):m.start()]
        stat = "mean" if _BEFORE_MEAN.search(before) else "median" if _BEFORE_MEDIAN.search(before) else "other"
        d = _DISP.search(before)
        disp = _disp_name(d.group(1)) if d else "pm"
        out.append(Summary(statistic=stat, value=value, dispersion=disp, spread=spread,  # type: ignore[arg-type]
                           **ctx.evidence(m.start(), m.end(), rule=pm.id)))
        spans.append((m.start(), m.end()))
    out.sort(key=lambda s: s.start)
    return out


def extract(ctx: Context) -> list[Summary]:
    # each gate needs one of these substrings: most abstracts without any skip the regexes
    if plain_case(ctx.norm) and "±" not in ctx.norm and not any(w in ctx.low for w in _GATE_WORDS):
        return []
    if not any(g.search(ctx.norm) for g in _GATES):
        return []
    return find(ctx)
