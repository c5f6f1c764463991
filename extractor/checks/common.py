"""Helpers shared by the check families: evidence spans, sentence text, pairing, nulls."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

from extractor.normalize import normalize_text
from extractor.records import Evidence, Flag, Interval, PValue, Severity, TrialRecord

RATIO_MEASURES = frozenset({"RR", "OR", "HR", "IRR"})
DIFFERENCE_MEASURES = frozenset({"MD", "RD", "SMD"})
# how far after an interval its p-value may start (characters), per the pairing rule
P_AFTER_CI_MAX = 60

_EVIDENCE_FIELDS = tuple(Evidence.model_fields)


def span(value: Evidence) -> Evidence:
    """The bare provenance of a value (a subclass instance) as an Evidence."""
    return Evidence(**{k: getattr(value, k) for k in _EVIDENCE_FIELDS})


def spans(values: Iterable[Evidence | None]) -> list[Evidence]:
    return [span(v) for v in values if v is not None]


def flag(code: str, severity: Severity, message: str, values: Iterable[Evidence | None],
         recomputed: float | None = None) -> Flag:
    """A flag over ``values``. A value the extractor marked uncertain (kept although it may be
    a misreading, e.g. an estimate outside its bounds) can only raise a warning; a number a
    check reads back itself ("check:" rules) leaves the check's severity as it is."""
    vals = spans(values)
    if severity == "error" and any(v.uncertain and not (v.rule or "").startswith("check:") for v in vals):
        severity = "warning"
    return Flag(code=code, severity=severity, message=message, spans=vals, recomputed=recomputed)


_ACTIVE = threading.local()  # the sentence index of the record run_all is checking (per thread)


def _build_index(record: TrialRecord) -> dict[int, tuple[str, int]]:
    """sentence index -> (normalised text, start), the first sentence of each index."""
    index: dict[int, tuple[str, int]] = {}
    for s in record.sentences:
        index.setdefault(s.index, (normalize_text(s.text), s.start))
    return index


def index_sentences(record: TrialRecord | None, index: dict[int, tuple[str, int]] | None = None) -> None:
    """Called by ``run_all`` around one record's checks (``None`` after): every check family
    asks for the same few sentences, so they are normalised once per run, not once per ask.
    ``index``: what ``_build_index(record)`` returns, where the caller has it (the pipeline
    slices it from the normalised document text)."""
    _ACTIVE.measures = {}  # id of an interval of the record -> its stated_measure
    if record is None:
        _ACTIVE.record, _ACTIVE.index = None, None
    else:
        _ACTIVE.record, _ACTIVE.index = record, _build_index(record) if index is None else index


def sentence_index(record: TrialRecord) -> dict[int, tuple[str, int]]:
    """sentence index -> (normalised text, start) of the record's sentences (do not mutate)."""
    if getattr(_ACTIVE, "record", None) is record:
        return _ACTIVE.index
    return _build_index(record)


def sentence_text(record: TrialRecord, index: int | None) -> str | None:
    """Normalised text of sentence ``index`` (dashes, minus signs, odd spaces unified)."""
    if index is None:
        return None
    hit = sentence_index(record).get(index)
    return hit[0] if hit else None


def sentence_start(record: TrialRecord, index: int | None) -> int | None:
    if index is None:
        return None
    hit = sentence_index(record).get(index)
    return hit[1] if hit else None


def local_text(record: TrialRecord, value: Evidence) -> str:
    """The sentence holding ``value``; its own text when the sentence is not recorded."""
    return sentence_text(record, value.sentence) or normalize_text(value.text)


def same_sentence(a: Evidence, b: Evidence) -> bool:
    return a.sentence is not None and a.sentence == b.sentence


_MEASURE_WORDS = [
    (re.compile(r"\b(?:hazard ratio|HR)\b", re.I), "HR"),
    (re.compile(r"\b(?:odds ratio|OR)\b"), "OR"),
    (re.compile(r"\bodds ratio\b", re.I), "OR"),
    (re.compile(r"\b(?:incidence rate ratio|rate ratio|IRR)\b", re.I), "IRR"),
    (re.compile(r"\b(?:relative risk|risk ratio|RR)\b", re.I), "RR"),
    (re.compile(r"\b(?:risk difference|absolute (?:risk )?(?:difference|reduction)|ARR|RD)\b", re.I), "RD"),
    (re.compile(r"\b(?:standardi[sz]ed mean difference|SMD|effect size)\b", re.I), "SMD"),
    (re.compile(r"\b(?:mean difference|difference|MD)\b", re.I), "MD"),
]


def measure_of(ci: Interval) -> str | None:
    """The interval's measure, else one read from its own text ("hazard ratio", "difference")."""
    if ci.measure:
        return ci.measure
    own = _own_measures(ci.text)  # (the first pattern that matches, as cached)
    return own[0] if own else None


_MEASURE_ABBR = re.compile(r"\b(?:RR|OR|HR|IRR|RD|MD|SMD|aOR|aHR|aRR)\b")


def named_measure(ci: Interval) -> bool:
    """True when the interval's own text names its measure ("RR 0.88", "hazard ratio, 0.71")."""
    return bool(_MEASURE_ABBR.search(ci.text)) or bool(_own_measures(ci.text))


# measures named in words the extractor's measure may miss; "NNT" has no null, so the checks
# that need one skip it ("the number needed to treat was 21 (95% CI 12–79)")
# (not the bare word "difference" there: in a clause it is as often the claim, "there was no
# difference in the net financial impact [profit of €408 (327–489) vs ...]", as the measure)
_CLAUSE_MEASURES = [
    *[(rx, name) for rx, name in _MEASURE_WORDS if name != "MD"],
    (re.compile(r"\bmean\s+differences?\b", re.I), "MD"),
    (re.compile(r"\brelative\s+hazards?\b", re.I), "HR"),
    (re.compile(r"\brelative\s+odds\b", re.I), "OR"),
    (re.compile(r"\brelative\s+rates?\b", re.I), "IRR"),
    (re.compile(r"\bratios?\b", re.I), "RR"),
    (re.compile(r"\bnumbers?\s+needed\s+to\b|\bNN[TH]\b", re.I), "NNT"),
    # a level, not a contrast: "achieved RR of 61.7 %, ... and median PFS of 13.1 months (95 % CI
    # ...)" (RR a response rate there); "mean difference", "rate ratio" end later and win
    # (not "rate of": "relative rate of response 0.75, 95% CI 0.33–1.05" is a ratio)
    (re.compile(r"\b(?:medians?|means?|average|proportions?)\b", re.I), "LEVEL"),
]
CLAUSE_REACH = 80  # characters before an interval searched for the name of its measure


def stated_measure(record: TrialRecord, ci: Interval) -> str | None:
    """``_stated_measure``, once per interval of the record ``run_all`` is checking (several
    checks ask for it; the interval is alive for the run, so its id is a key)."""
    if getattr(_ACTIVE, "record", None) is not record:
        return _stated_measure(record, ci)
    memo = _ACTIVE.measures
    key = id(ci)
    if key not in memo:
        memo[key] = _stated_measure(record, ci)
    return memo[key]


def _stated_measure(record: TrialRecord, ci: Interval) -> str | None:
    """The measure the report names for ``ci``: in its own text, else the name nearest before
    it in its clause (back to the previous p-value or interval of the sentence, at most
    CLAUSE_REACH characters): "relative hazard: 0.248, 95% CI ...", "mortality ratio 0·95, 95%
    CI ...". None when no name is written there."""
    own = _own_measures(ci.text)
    if own:
        return ci.measure if ci.measure in own else own[0]
    if _MEASURE_ABBR.search(ci.text):  # "aOR 0.428, 95% CI ...": an abbreviation only it knows
        return measure_of(ci)
    # a name the interval's own text opens with ("mortality ratio 0·96, 95% CI ..."): the
    # clause before it may name another measure
    inner = _clause_measure(ci.text)
    if inner is not None:
        return inner
    text, base = sentence_text(record, ci.sentence), sentence_start(record, ci.sentence)
    if text is None or base is None:
        return None
    a = ci.start - base
    start = max(0, a - CLAUSE_REACH)
    for v in (*record.p_values, *record.intervals):
        if v is not ci and v.sentence == ci.sentence and v.end <= ci.start:
            start = max(start, v.end - base)
    return _clause_measure(text[start:max(start, a)])


# several checks ask for the measure of the same interval: the answers for a text are cached
@lru_cache(maxsize=4096)
def _own_measures(text: str) -> tuple[str, ...]:
    return tuple(name for rx, name in _MEASURE_WORDS if rx.search(text))


@lru_cache(maxsize=4096)
def _clause_measure(clause: str) -> str | None:
    """The measure named nearest the clause's end; at a tie the more specific (earlier) pattern."""
    hits = [(m.end(), -k, name) for k, (rx, name) in enumerate(_CLAUSE_MEASURES) for m in rx.finditer(clause)]
    return max(hits)[2] if hits else None


def effect_measure(record: TrialRecord, ci: Interval) -> str | None:
    """The measure stated for ``ci`` where the report names one, else the extracted one."""
    return stated_measure(record, ci) or measure_of(ci)


def null_of(measure: str | None) -> float | None:
    if measure in RATIO_MEASURES:
        return 1.0
    if measure in DIFFERENCE_MEASURES:
        return 0.0
    return None


# a p-value of another test than the interval's: against a margin, one-sided, of an interaction
_OTHER_TEST = re.compile(
    r"\b(?:non-?inferiority|equivalence|one-?sided|one-?tailed|superiority|interaction|trend|"
    r"heterogeneity)\b", re.I)
_P_OPENS_INTERVAL = re.compile(r"[\s;,]{0,4}")


def p_after_interval(record: TrialRecord, ci: Interval) -> PValue | None:
    """The p-value that belongs to ``ci``: in the same sentence, starting within
    P_AFTER_CI_MAX characters after the interval ends, with no other interval (estimate)
    starting in between. Not when the words between name another test ("non-inferiority p"),
    when the p opens the next interval's statement ("(P < .01; 95% CI = 0.22 - 3.26) and X
    (P < .01; 95% CI = ...)"), or when it is shared with an earlier interval of the sentence
    that has no p of its own and ``ci`` names no measure ("162.8 (95% CI ...), 197.0 (...),
    208.0 (...) p = 0.037": one p for the comparison of several groups)."""
    p = _p_after(record, ci)
    if p is None:
        return None
    text, base = sentence_text(record, ci.sentence), sentence_start(record, ci.sentence)
    if text is not None and base is not None:
        if _OTHER_TEST.search(text[max(0, ci.end - base):max(0, p.start - base)]):
            return None
        after = p.end - base
        m = _P_OPENS_INTERVAL.match(text, after)
        if m and any(o.sentence == ci.sentence and o.start - base == m.end() for o in record.intervals):
            return None
    if not named_measure(ci):
        earlier = [o for o in record.intervals
                   if o is not ci and o.sentence == ci.sentence and o.end <= ci.start]
        if earlier:
            last = max(earlier, key=lambda o: o.end)
            if not any(last.end <= q.start < ci.start for q in record.p_values):
                return None
    return p


def _p_after(record: TrialRecord, ci: Interval) -> PValue | None:
    best: PValue | None = None
    for p in record.p_values:
        if not same_sentence(p, ci) and ci.sentence is not None:
            continue
        gap = p.start - ci.end
        if gap < 0 or gap > P_AFTER_CI_MAX:
            continue
        if any(o is not ci and ci.end <= o.start < p.start for o in record.intervals):
            continue
        if best is None or p.start < best.start:
            best = p
    return best


_ALPHA = re.compile(
    r"""(?:
          (?:\bp|\bP)\s*(?:<|≤|<=)\s*(?P<a1>0?\.\d+)\s*(?:was|were|is|being)?\s*(?:considered|regarded|taken|accepted|defined)
        | significan\w*\s+(?:level|threshold)\s*(?:of|was|at|=|:|set\s+at|was\s+set\s+at)?\s*(?:p\s*[<=]\s*)?(?P<a2>0?\.\d+)
        | (?:alpha|α)\s*(?:level\s*)?(?:of|=|was|:)?\s*(?P<a3>0?\.\d+)
        )""",
    re.X,
)


# Literals every _ALPHA match holds (it is case-sensitive): substring tests first, since most
# sentences state no significance level. The second alternative needs "significan" and
# "level" or "threshold" (many sentences say "significant", few "significance level").
_ALPHA_VERBS = ("considered", "regarded", "taken", "accepted", "defined", "alpha", "α")


def _may_state_alpha(text: str) -> bool:
    if any(map(text.__contains__, _ALPHA_VERBS)):  # (no generator frame per word)
        return True
    return "significan" in text and ("level" in text or "threshold" in text)


def stated_alpha(record: TrialRecord, default: float = 0.05) -> float:
    """The significance level the report states ("P < 0.01 was considered significant")."""
    for text, _start in sentence_index(record).values():
        m = _ALPHA.search(text) if _may_state_alpha(text) else None
        if m:
            v = float(next(g for g in m.groups() if g))
            if 0 < v < 0.2:
                return v
    return default
