"""Outcome comparisons: which arm did better on which outcome, by how much, and was it significant.

Runs last and reads the numbers other fields found (``p_values``, ``intervals``,
``event_rates``, ``summaries``, ``arms``). For every results sentence:

1. the numbers in the sentence ("anchors": p-values, intervals, x/n counts, summaries and
   "79% vs. 59%" pairs from ``patterns/comparisons.json``) are grouped; a p-value closes a
   group, so "A (79% vs 59%, p=0.04), but B (61% vs 82%, p=0.02)" is two comparisons;
2. each group plus the words before it is a segment; the outcome is read from the words with
   the ``outcome`` rules, the groups named in it ("in the PHR group", "than placebo", an arm
   label, a control term) and which side of the comparison they sit on ("than", "compared
   with" mark the reference group);
3. significance comes from the p-value, else the interval (excludes the null), else words
   ("significantly", "no significant difference", "similar", "trend");
4. direction comes from cue words (``patterns/comparisons.lexicon.json``), else from the
   per-arm values or the estimate, and is turned round when the sentence is about the control
   group ("lower in the placebo group" is the intervention's increase).

Sentences without numbers ("X significantly reduced Y compared with Z", "There was no
significant difference in Y between groups") become comparisons from their words alone.
Per-arm events implied by a percent and the arm's n are filled in with ``derived=True``.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extractor.fields import Context
from extractor.numbers import parse_decimal
from extractor.records import ArmValue, Comparison
from extractor.rules import Rule, load_lexicon, load_rules

FIELD = "comparisons"

RATIO_MEASURES = {"RR", "OR", "HR", "IRR"}
DIFF_MEASURES = {"RD", "MD", "SMD"}
_ARM_MEASURES = {"mean", "median", "proportion"}  # an interval of one arm's value, not an effect

_TOK = regex.compile(r"[a-z0-9]+")
_STOP = {
    "the", "a", "an", "of", "in", "on", "for", "with", "and", "or", "to", "at", "by", "from", "was", "were",
    "is", "are", "be", "been", "than", "that", "this", "these", "those", "between", "among", "group", "groups",
    "arm", "arms", "patient", "patients", "subject", "subjects", "participant", "participants", "after",
    "during", "their", "its", "as", "who", "which", "treatment", "treated", "receiving", "received",
}
_BAD_SUBJECT = regex.compile(
    r"^(?:there|it|this|these|that|we|they|our|results?|data|analysis|analyses|findings?|both|all|none|no|each|"
    r"which|such|the\s+(?:difference|results?|study|trial)|(?:the\s+)?(?:treatment|intervention|therapy|"
    r"administration|use)(?:\s+(?:with|of)\s+\w+)?|(?:two|three|four|both|all)\s+(?:groups|arms)|"
    r"(?:[\w\-]+\s+)?(?:patients|subjects|participants|women|men|children|infants))$",
    regex.I,
)
_CLAUSE_SPLIT = regex.compile(r";\s*|,?\s+(?:but|whereas|while)\s+|,\s+(?:although|however)\s+|,\s+and\s+(?=(?:the\s+)?\w+(?:\s+\w+)?\s+(?:was|were)\b)", regex.I)
_CLOSE = regex.compile(r"[\s,;]*[)\]]")
_GAP_WORDS = regex.compile(r"[a-z]{2,}", regex.I)
_GAP_SOFT = {"and", "respectively", "vs", "versus", "or", "the", "in", "for", "each", "both", "overall", "all"}
_GAP_BOUNDARY = regex.compile(r";|,\s*(?:and|but|while|whereas)\b|\bwhereas\b|\bwhile\b|\bbut\b", regex.I)
_LEADING_PREP = regex.compile(
    r"^(?:in|at|after|during|among|for|compared|with|by|on|within|following|when|overall|at|from|over|of|throughout)\b[^,]*,\s*",
    regex.I,
)
_TAIL_WORDS = (
    r"was|were|is|are|had|has|have|of|in|at|for|to|and|or|on|with|by|the|a|an|as|that|than|significantly|"
    r"statistically|also|both|all|observed|found|seen|noted|reported|measured|values?|between|among|group|groups")
_TRIM_TAIL = regex.compile(r"(?:\s+(?:" + _TAIL_WORDS + r"))+\s*$", regex.I)
# _TRIM_TAIL matches somewhere exactly when the text ends in one such word: this test is tried
# from the end only (REVERSE), where _TRIM_TAIL's search for the words' start tries every position
_ENDS_IN_TAIL_WORD = regex.compile(r"\s(?:" + _TAIL_WORDS + r")\s*$", regex.I | regex.REVERSE)
_TRIM_HEAD = regex.compile(
    r"^(?:(?:and|but|while|whereas|however|also|moreover|furthermore|the|a|an|in|addition|respectively|similarly|"
    r"overall|significantly|statistically|both|all|of|for|with|as|well|there|was|were|no|any|to)\b[\s,]*)+",
    regex.I,
)
_WITHIN = regex.compile(
    r"\bwithin[-\s]+groups?\b|\b(?:from\s+(?:baseline|pre-?(?:op|operative|operatively|treatment|intervention)\b)|at\s+baseline\s+to)\b"
    r"(?![^.]{0,60}\b(?:than|compared|versus|vs)\b)", regex.I)
# "HbA1c was reduced significantly in both groups (P < 0.01)": a change within each group,
# not a difference between them -- unless the statement also sets the groups against each
# other ("than", "between", "differed", "versus" before a word, not between two numbers)
_ALL_GROUPS = regex.compile(
    r"\b(?:in|for|within|among|by)\s+(?:both|all|each)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:groups|arms|treatments|cohorts|conditions)\b"
    r"|\bboth\s+(?:[\w-]+\s+)?(?:groups|arms)\s+(?:had|showed|improved|experienced|achieved|demonstrated)\b"
    r"|\bwith\s+all\s+treatments\b", regex.I)
_CONTRAST = regex.compile(
    r"\b(?:than|between|differ\w*|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|favou?r\w*)\b(?!\s*[-\d])", regex.I)
_CUT_AT_GROUP = regex.compile(
    r"\s+(?:(?:in|among|for|of)\s+(?:the\s+|those\s+|all\s+)?(?:patients\s+|subjects\s+|participants\s+)?"
    r"(?:(?:treated|receiving|given|taking)\s+(?:with\s+)?)?)$", regex.I)
_MAGNITUDE_NEXT = regex.compile(r"\s+(?:and\s+)?(?:\w+\s+)?(reductions?|decreases?|declines?|improvements?|increases?|gains?|drops?|deterioration|worsening|benefits?|falls?|loss)\b", regex.I)
_WEAK_VERB = regex.compile(
    r"\s+(?:showed|shows|show|had|has|have|did|does|do|demonstrated|revealed|indicated|found)\b"
    r"|\s+(?:(?:statistically\s+)?significantly\s+)?(?:reduced|increased|improved|decreased|lowered|raised|shortened|prolonged|"
    r"enhanced|attenuated|prevented|alleviated|relieved|reduces|increases|improves|decreases|lowers)\s+"
    r"(?!in\b|by\b|from\b|to\b|significantly|compared|with\b|during|after|at\b|over\b|than\b|and\b|or\b|among\b|\(|\d)(?:the\s+)?[a-z]",
    regex.I,
)
_CHANGE_NOUN = regex.compile(r"^(?:(?:a|an|the|no|any|significantly|statistically|significant|greater|larger|smaller|higher|lower|"
                             r"more|less|marked|similar|mean|median|overall)\s+){0,3}(?:differences?|reductions?|increases?|improvements?|decreases?|changes?)\s+(?:in|of)\b", regex.I)
_ANAPHOR = regex.compile(r"^(?:(?:this|these|that|those|the|such)\s+)?(?:differences?|effects?|changes?|results?|findings?|reductions?|increases?|improvements?)$", regex.I)
_LEAD_PUNCT = regex.compile(r"[\s,;:.()\[\]-]+")
_GROUP_TAIL = regex.compile(r"\b(?:group|arm|cohort)s?\b\s*(?:patients|subjects|participants)?$", regex.I)
# a hazard ratio is the hazard of the event: above 1 the event comes sooner, so a time to it
# ("time to recovery", "fever clearance time", "duration of ...") or the survival free of it is
# shorter. For these outcomes the direction is the reverse of the estimate; for events
# (mortality, relapse) it follows the estimate.
_TIME_OUTCOME = regex.compile(r"\btimes?\b|\bduration\b|\bsurvival\b|-free\b", regex.I)
# "Total cholesterol, LDL cholesterol and triglycerides were ...": the subject is a list
_LIST_SPLIT = regex.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]*$)", regex.I)
_QUANTITY_THAN = regex.compile(r"\s+than\s+(?:[\d.]|one\b|two\b|three\b|half\b|a\s+third\b)", regex.I)
_RESPECTIVELY = regex.compile(r"\brespectively\b", regex.I)
# "1 (0.6%) TT versus 15 (8.6%) DO": the group named after the value that follows "versus"
# is a reference group, as in "versus 15 (8.6%) in DO"
_REF_VALUE = regex.compile(
    r"\b(?:versus|vs\.?|compared\s+(?:with|to))\s+\d+(?:\.\d+)?\s*%?\s*(?:\(\s*\d[\d.,%\s]{0,12}\)\s*)?(?:(?:in|with|for|among)\s+(?:the\s+)?)?$",
    regex.I)
# a group named by the absence of a treatment ("non-tourniquet group", "without bisacodyl arm")
_NEGATED_GROUP = regex.compile(r"(?:non-?|without\s+|no\s+)([A-Za-z][\w]*)(?=[\s-]+(?:group|arm|cohort)s?\b|$)", regex.I)
_NEGATED_TREATMENT = {"intervention", "treatment", "treated", "exposed", "supplemented", "supplementation"}
_SUBJECT_VERB_END = regex.compile(
    r"\s(?:demonstrated|produced|achieved|experienced|exhibited|displayed|yielded|provided|caused|induced|"
    r"resulted\s+in|led\s+to)$", regex.I)
_SHORT_ABBR = re.compile(r"(?<![\w-])[A-Z]{2}(?![\w-])")
_CONTROL_EXTRA = regex.compile(r"\b(?:controls?|placebo|sham|usual\s+care|standard\s+care|conventional)\b", regex.I)


@dataclass
class _Anchor:
    start: int  # absolute offsets
    end: int
    kind: str  # p | ci | er | sum | vs
    obj: object = None
    values: list[ArmValue] = field(default_factory=list)


@dataclass
class _Mention:
    start: int  # offset within the sentence
    end: int
    text: str
    side: str  # focus | ref | neutral
    control: bool
    arm: object = None  # records.Arm when matched


# ---------------------------------------------------------------- lexicon


# stdlib re: a third faster than regex for this simple scan
_RUN = re.compile(r"[\w-]+")
# the same runs, with the run's first word (its leading [A-Za-z0-9]+; empty when the run
# starts with "-", "_" or a non-ASCII letter) as group 1: one match per run instead of two
_RUN_HEAD = re.compile(r"(?=[\w-])([A-Za-z0-9]*)[\w-]*")


_RUNS = threading.local()
_MATCH_START = re.Match.start
# ASCII bytes that are not in a run ([\w-]: letters, digits, "_", "-") -> space
_NOT_RUN = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-"))
_RUN_GAPS = bytes.maketrans(_NOT_RUN, b" " * len(_NOT_RUN))


def _spaced_runs(text: str) -> str:
    """ASCII ``text`` lower-cased, every character outside a run a space, and a space at
    either end: a run equal to ``k`` is where ``" k "`` is, one character further on."""
    return " " + text.encode("ascii").translate(_RUN_GAPS).lower().decode("ascii") + " "


class _Runs:
    """The lower-cased word runs of ``text[pos:end]`` and their set; where the runs equal to
    some words start is found on demand: most word lists share no word with a segment.
    ASCII text, nearly all of it, is split by a byte table at C speed, four times faster
    than the regex scan."""

    __slots__ = ("text", "pos", "end", "words", "set", "spaced")

    def __init__(self, text: str, pos: int, end: int) -> None:
        self.text, self.pos, self.end = text, pos, end  # holding the text keeps its id unique
        piece = text[pos:end]
        self.spaced: str | None = None
        if piece.isascii():
            self.spaced = _spaced_runs(piece)
            self.words = self.spaced.split()
        else:
            self.words = list(map(str.lower, _RUN.findall(piece)))
        self.set = frozenset(self.words)

    def starts_of(self, keys: frozenset[str]) -> list[tuple[int, str]]:
        """(start in the text, word) of each run equal to one of ``keys``, in text order."""
        out: list[tuple[int, str]] = []
        if self.spaced is not None:
            find, pos = self.spaced.find, self.pos
            for k in keys:  # str.find: C speed, no scan of the runs in Python
                pat = " " + k + " "
                i = find(pat)
                while i >= 0:
                    out.append((pos + i, k))
                    i = find(pat, i + len(k) + 1)  # the space after this run may open the next
        else:
            words = self.words
            starts = list(map(_MATCH_START, _RUN.finditer(self.text, self.pos, self.end)))
            for k in keys:
                i = -1
                for _ in range(words.count(k)):
                    i = words.index(k, i + 1)
                    out.append((starts[i], k))
        if len(keys) > 1:
            out.sort()
        return out


def _word_runs(text: str, pos: int, end: int) -> _Runs:
    """The word runs of ``text[pos:end]``.

    A segment is searched by up to ten word lists in turn (increase, decrease, significant,
    ...): the last few segments' runs are kept (per thread: Dask workers are threads) so
    the words are split once per segment, not once per list. Keyed by identity, not value:
    hashing every segment would cost what the cache saves.
    """
    cache = getattr(_RUNS, "items", None)
    if cache is None:
        cache = _RUNS.items = {}
    key = (id(text), pos, end)
    runs = cache.get(key)
    if runs is None:
        runs = cache[key] = _Runs(text, pos, end)
        if len(cache) > 8:
            del cache[next(iter(cache))]  # the oldest
    return runs


# ASCII bytes that are not in a word (\w) -> space; likewise for an alphanumeric run
_NOT_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
_WORD_GAPS = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ALNUM_GAPS = bytes.maketrans(_NOT_ALNUM, b" " * len(_NOT_ALNUM))


def _ascii_words(text: str, gaps: bytes) -> list[str]:
    """The lower-cased words of ASCII ``text``, split where the byte table ``gaps`` puts spaces."""
    return text.encode("ascii").translate(gaps).lower().decode("ascii").split()


# group_treated needs a subject word followed by one of these ("patients treated with X",
# "carriers who had received"), each a whole word -- the subject may be glued to the optional
# preposition before it, which the rule lets "\s*" join ("inpatients receiving"). Keep in step
# with patterns/comparisons.json (tests/test_comparisons.py checks the rule's examples).
_TREATED_SUBJECTS = ("patients", "subjects", "participants", "women", "men", "children", "infants", "those",
                     "individuals", "people", "carriers", "mothers", "volunteers")
_TREATED_VERBS = ("who", "treated", "receiving", "given", "taking", "using", "on", "undergoing", "allocated",
                  "randomised", "randomized", "assigned")
_TREATED_PREPS = ("", "than", "versus", "vs", "with", "to", "in", "among", "for", "and")
_TREATED_PAIRS = frozenset((p + s, v) for p in _TREATED_PREPS for s in _TREATED_SUBJECTS for v in _TREATED_VERBS)


def _may_name_treated_group(low: str) -> bool:
    """False when the group_treated rule cannot match lower-cased ``low`` (ASCII text without
    a subject word next to one of its verbs): the rule is the costliest in the field, an
    optional lead tried at every position, and rarely matches."""
    if not low.isascii():
        return True
    words = _ascii_words(low, _WORD_GAPS)
    return not _TREATED_PAIRS.isdisjoint(zip(words, words[1:], strict=False))


class _WordSet:
    r"""A word list searched like ``(?<![\w-])(?:w1|w2|...)(?![\w-])`` (case-insensitive), but
    found by scanning words and looking up the first word of each phrase: a regex alternation
    of a few hundred words costs about 1 ms per abstract in ``regex``, the scan a tenth."""

    def __init__(self, words: list[str]) -> None:
        by_key: dict[str, set[str]] = {}
        for w in words:
            w = w.strip().lower()
            m = _RUN.match(w)
            if not m:
                continue
            by_key.setdefault(m.group(), set()).add(w)
        self.keys: dict[str, regex.Pattern[str]] = {}
        for k, ws in by_key.items():
            alts = sorted({regex.escape(w).replace(r"\ ", r"\s+") for w in ws}, key=len, reverse=True)
            self.keys[k] = regex.compile(r"(?:" + "|".join(alts) + r")(?![\w-])", regex.I)
        self.keyset = frozenset(self.keys)
        # keys that are whole entries ("than", "versus"): a run equal to one is a match
        # whatever follows it, so finding the word is finding the entry
        self.whole = frozenset(k for k, ws in by_key.items() if k in ws)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        runs = _word_runs(text, pos, end)
        hits = self.keyset.intersection(runs.set)
        if not hits:  # most calls: rejected by one set operation
            return
        # a phrase key may be a prefix of a hyphenated run only when the phrase has its
        # own hyphen, which the key includes; nothing else can start here
        keys = self.keys
        for start, w in runs.starts_of(hits):
            m = keys[w].match(text, start, end)
            if m:
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)

    def found_in(self, low: str, pos: int, end: int) -> bool:
        """Whether ``search`` finds anything in ``low[pos:end]`` (``low`` lower-cased): the
        words are collected at C speed, and only a span holding a key word is searched."""
        words = _word_runs(low, pos, end).set
        if self.keyset.isdisjoint(words):
            return False
        if not self.whole.isdisjoint(words):
            return True
        return self.search(low, pos, end) is not None

    def fullmatch(self, text: str):
        m = self.search(text)
        return m if m is not None and m.start() == 0 and m.end() == len(text) else None


def _words_re(words: list[str]) -> _WordSet:
    return _WordSet(words)


@cache
def _cues() -> dict[str, regex.Pattern[str]]:
    e = load_lexicon("comparisons").entries
    out = {k: _words_re(e[k]) for k in ("increase", "decrease", "better", "worse", "no_difference", "trend",
                                          "significant", "negation", "adverse_outcomes", "group_heads")}
    out["ref_marker"] = regex.compile(
        r"(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(e["comparator_markers"], key=len, reverse=True))
        + r")\s+(?:(?:in|with|among|for|to|of|the|those|that|patients|subjects|participants|receiving|treated|on|given|"
        r"randomi[sz]ed|allocated|assigned)\s+){0,3}$",
        regex.I | regex.REVERSE,  # anchored at the end: matched from the end, not tried at every start
    )
    out["ref_marker_any"] = regex.compile(
        r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|in\s+comparison)\b", regex.I)
    dirw = sorted({*e["increase"], *e["decrease"], *e["better"], *e["worse"]} - {"more", "less"}, key=len, reverse=True)
    out["piece_split"] = regex.compile(
        r"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?=(?:a\s+|an\s+)?(?:(?:statistically\s+)?significantly\s+)?(?:"
        + "|".join(regex.escape(w) for w in dirw) + r")\s+(?:\w+\s+){0,2}?(?:in|of|for|on|levels?|scores?|[a-z]{4,})\b)",
        regex.I,
    )
    out["between"] = regex.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,4}$", regex.I | regex.REVERSE)
    control = load_lexicon("control_terms").entries["terms"]
    out["control"] = _words_re(control)
    allcues = [*e["increase"], *e["decrease"], *e["better"], *e["worse"], *e["no_difference"], *e["trend"],
               *e["significant"], "differ", "differed", "difference", "differences", "vs", "versus", "compared"]
    out["gate"] = _words_re(allcues)
    # a segment without numbers is a comparison only with a significance word, or a direction
    # word and a reference group ("reduced PONV compared with placebo"): one search each
    out["sig_any"] = _words_re([*e["no_difference"], *e["trend"], *e["significant"]])
    out["dir_any"] = _words_re([*e["increase"], *e["decrease"], *e["better"], *e["worse"]])
    return out


@cache
def _rule_gates() -> dict[str, tuple[str, ...]]:
    g = load_lexicon("comparisons").entries["rule_gates"]
    return {k: tuple(v) for k, v in g.items() if not k.startswith("_")}


@cache
def _gated_rules() -> dict[str, tuple[tuple[str, ...], Rule]]:
    """rule id -> (gate substrings, rule): one lookup per search, not three."""
    gates = _rule_gates()
    return {r.id: (gates.get(r.id, ()), r) for r in load_rules("comparisons").rules}


def _finditer(rule_id: str, text: str, low: str | None = None):
    """``rule.finditer(text)``, skipped when none of the rule's gate substrings is in the text."""
    gate, rule = _gated_rules()[rule_id]
    if gate:
        low = text.lower() if low is None else low
        if not any(map(low.__contains__, gate)):  # C-level loop: no generator frame per word
            return ()
    return rule.finditer(text)


def _absent(low: str, words: tuple[str, ...]) -> bool:
    """None of ``words`` is in ``low`` (lower-cased text), so a case-insensitive regex that
    needs one of them cannot match and need not run. Only ASCII text is judged: under
    IGNORECASE "ı", "ſ" and "İ" match i, s and i, and lower-casing does not make them so."""
    return low.isascii() and not any(map(low.__contains__, words))


# the words _WITHIN, _ALL_GROUPS and _HEDGE cannot match without (see _absent)
_WITHIN_WORDS = ("within", "from", "baseline")
_ALL_GROUPS_WORDS = ("both", "all", "each")
_HEDGE_WORDS = ("may", "might", "could", "remain", "thought", "been", "known")


@cache
def _skip_sections() -> frozenset[str]:
    return frozenset(s.upper() for s in load_lexicon("comparisons").entries["skip_sections"])


# ---------------------------------------------------------------- small helpers


def tokens(text: str) -> set[str]:
    """Content tokens: lower-cased words, plural -s dropped, stop words removed."""
    out = set()
    for t in _TOK.findall(text.lower()):
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        if t not in _STOP:
            out.add(t)
    return out


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    try:
        return parse_decimal(s)
    except Exception:
        return None


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


# ---------------------------------------------------------------- anchors


def _anchors(ctx: Context, s: int, e: int, by_sent: dict[int, list[_Anchor]], sent_idx: int) -> list[_Anchor]:
    anchors = list(by_sent.get(sent_idx, []))
    sent = ctx.norm[s:e]
    taken = [(a.start, a.end) for a in anchors if a.kind in ("er", "sum")]
    for m in _finditer("vs_pair", sent):
        a0, a1 = s + m.start(), s + m.end()
        inside = [t for t in taken if t[0] < a1 and a0 < t[1]]
        if len(inside) >= 2:
            continue  # both sides already read as counts or summaries
        anchors = [x for x in anchors if not (x.kind in ("er", "sum") and x.start < a1 and a0 < x.end)]
        pa, pb = bool(m.group("apct") or m.group("bpct")), bool(m.group("bpct"))
        vals = []
        for g, sd in (("a", "asd"), ("b", "bsd")):
            v = _num(m.group(g))
            if pa or pb:
                vals.append(ArmValue(percent=v))
            elif m.group(sd):
                vals.append(ArmValue(mean=v, sd=_num(m.group(sd))))
            else:
                vals.append(ArmValue(mean=v))
        anchors.append(_Anchor(a0, a1, "vs", m, vals))
    anchors.sort(key=lambda a: (a.start, a.end))
    return anchors


def _index_results(ctx: Context) -> dict[int, list[_Anchor]]:
    by: dict[int, list[_Anchor]] = {}

    def add(a: _Anchor) -> None:
        by.setdefault(ctx.sentence_index(a.start), []).append(a)

    for p in ctx.results.get("p_values") or []:
        add(_Anchor(p.start, p.end, "p", p))
    for iv in ctx.results.get("intervals") or []:
        add(_Anchor(iv.start, iv.end, "ci", iv))
    for er in ctx.results.get("event_rates") or []:
        add(_Anchor(er.start, er.end, "er", er, [ArmValue(events=er.events, total=er.total, percent=er.percent)]))
    for sm in ctx.results.get("summaries") or []:
        if sm.statistic == "median":
            av = ArmValue(median=sm.value, iqr_lower=sm.lower, iqr_upper=sm.upper)
        elif sm.dispersion in ("SD", "pm", None):
            av = ArmValue(mean=sm.value, sd=sm.spread if sm.dispersion == "SD" else None)
        else:
            av = ArmValue(mean=sm.value)
        add(_Anchor(sm.start, sm.end, "sum", sm, [av]))
    return by


def _group(sent: str, s: int, anchors: list[_Anchor]) -> list[list[_Anchor]]:
    """Split a sentence's anchors into comparisons: a p-value closes a group."""
    groups: list[list[_Anchor]] = []
    cur: list[_Anchor] = []
    for a in anchors:
        if cur:
            gap = sent[cur[-1].end - s: a.start - s]
            words = [w for w in _GAP_WORDS.findall(gap) if w.lower() not in _GAP_SOFT]
            has_p = any(x.kind == "p" for x in cur)
            new = (has_p and (len(words) >= 2 or (a.kind != "p" and words)))
            new = new or (_GAP_BOUNDARY.search(gap) is not None and len(words) >= 3)
            new = new or len(words) >= 10
            if has_p and a.kind == "p" and not words and not _GAP_BOUNDARY.search(gap):
                new = False  # "p = 0.006 and 0.044" / "(P = 0.80 and p = 0.59)" stay together
            if new:
                groups.append(cur)
                cur = []
        cur.append(a)
    if cur:
        groups.append(cur)
    return groups


# ---------------------------------------------------------------- groups named in a segment


class _ArmIndex:
    """Arm names as a word -> arm table: one scan of a segment finds every arm named in it
    (compiling a regex per document cost more than the rest of the field)."""

    def __init__(self, arms: list) -> None:
        self.words: dict[str, object] = {}
        # a two-letter abbreviation ("TT", "DO", "SP") names its arm only written in capitals
        # as in the label: in lower case it is a common word ("do", "as")
        self.short: dict[str, object] = {}
        self.order = arms
        self._first: dict[str, object] = {}
        for arm in arms:
            for n in (arm.label, *arm.aliases):
                for t in tokens(n):
                    if len(t) >= 3 and not t.isdigit():
                        self.words.setdefault(t, arm)
                for t in _SHORT_ABBR.findall(n):
                    self.short.setdefault(t, arm)
                # a hyphenated name ("i-gel", "5-FU") is one word: its pieces are too short
                # or too common to name the arm alone
                for r in _RUN.findall(n.lower()):
                    if "-" in r.strip("-") and len(r) >= 3:
                        self.words.setdefault(r, arm)

        # for rejecting a segment that names no arm: a first word found as itself or plural
        self._heads = frozenset(self.words) | {w + "s" for w in self.words}
        self._short_low = frozenset(w.lower() for w in self.short)

    def __bool__(self) -> bool:
        return bool(self.words or self.short)

    def _none_in(self, seg: str) -> bool:
        """True when the scan below cannot find an arm in ``seg`` (ASCII): no run is a short
        name or a hyphenated name, and no alphanumeric word (a superset of the runs' first
        words) is a word of a name, plural or not. Set operations at C speed."""
        if not seg.isascii():
            return False
        runs = _word_runs(seg, 0, len(seg)).set  # shared with the control-term search of seg
        return (self._short_low.isdisjoint(runs) and self.words.keys().isdisjoint(runs)
                and self._heads.isdisjoint(_ascii_words(seg, _ALNUM_GAPS)))

    def finditer(self, seg: str):
        """(start, end, arm) of each word of an arm's label (plural or not) in ``seg``."""
        words, short = self.words, self.short
        if (not words and not short) or self._none_in(seg):
            return
        for run in _RUN_HEAD.finditer(seg):
            w = run.group()
            if w in short:
                yield run.start(), run.end(), short[w]
                continue
            if "-" in w:
                arm = words.get(w.lower())
                if arm is not None:
                    yield run.start(), run.end(), arm
                    continue
            h = run.group(1)  # the run's first word ("low" of "low-dose")
            if not h:
                continue
            h = h.lower()
            arm = words.get(h)
            if arm is None and h.endswith("s"):
                arm = words.get(h[:-1])
            if arm is not None:
                yield run.start(), run.end(1), arm

    def names(self, word: str) -> bool:
        """Whether ``word`` is a word of an arm's name."""
        w = word.lower()
        return w in self.words or w in self.short or (w.endswith("s") and w[:-1] in self.words)

    def first(self, text: str):
        """The first arm (in the arms' order) with a word in ``text``."""
        # the same group phrase ("the placebo group") recurs through an abstract
        if text in self._first:
            return self._first[text]
        found = {id(a): a for _, _, a in self.finditer(text)}
        arm = self._first[text] = next((a for a in self.order if id(a) in found), None)
        return arm


@lru_cache(maxsize=4096)
def _group_words(txt: str) -> tuple[bool, str | None]:
    """(whether it holds a control term, the word a "non-X" / "without X" group lacks) of
    a group's words: the same few phrases ("the placebo group") recur through every abstract."""
    neg = _NEGATED_GROUP.match(txt)
    return _cues()["control"].search(txt) is not None, neg.group(1) if neg else None


def _mentions(seg: str, arm_res, cues) -> list[_Mention]:
    found: list[_Mention] = []

    def side(pos: int) -> str:
        # a group named inside the numbers' brackets ("(tiotropium 9.5%; placebo 17.9%)")
        # labels a value; it is not the group the statement is about
        if seg.count("(", 0, pos) > seg.count(")", 0, pos):
            return "neutral"
        before = seg[max(0, pos - 40): pos]
        if cues["ref_marker"].search(before) or _REF_VALUE.search(before):
            return "ref"
        if cues["between"].search(before):
            return "neutral"
        return "focus"

    def add(st: int, en: int, arm=None, control: bool | None = None) -> None:
        for m in found:
            if m.start < en and st < m.end:
                if arm is not None and m.arm is None:
                    m.arm = arm
                return
        txt = seg[st:en]
        if control is None:
            has_control_word, neg = _group_words(txt)
            control = has_control_word or (arm is not None and getattr(arm, "role", "") == "control")
            if neg and (neg.lower() in _NEGATED_TREATMENT or (arm_res and arm_res.names(neg))):
                # "the non-tourniquet group", "the non-intervention group": the group without
                # the treatment is the control, whatever arm its word names
                control, arm = True, None
        found.append(_Mention(st, en, txt, side(st), control, arm))

    low = seg.lower()
    # "Group T" before "in the T group": an identified group is one mention, not a head noun
    treated = _finditer("group_treated", seg, low) if _may_name_treated_group(low) else ()
    for m in (*_finditer("group_id", seg, low), *_finditer("group_phrase", seg, low), *treated):
        g0, g1 = m.span("g")
        add(g0, g1, arm_res.first(m.group("g")) if arm_res else None)
    for st, en, a in arm_res.finditer(seg):
        add(st, en, a)
    for m in cues["control"].finditer(seg):
        add(m.start(), m.end(), None, True)
    found.sort(key=lambda m: m.start)
    return found


# ---------------------------------------------------------------- outcome phrase


def _clean_outcome(text: str, start: int) -> tuple[str, int]:
    m = _LEAD_PUNCT.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    m = _LEADING_PREP.match(text)
    if m and len(text) - m.end() > 3:
        text, start = text[m.end():], start + m.end()
    m = _TRIM_HEAD.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    t = _TRIM_TAIL.search(text) if _ENDS_IN_TAIL_WORD.search(text) else None
    if t:
        text = text[: t.start()]
    text = text.rstrip(" ,;:.-([")
    t = _TRIM_TAIL.search(text) if _ENDS_IN_TAIL_WORD.search(text) else None
    if t:
        text = text[: t.start()]
    return text, start


def _outcome(head: str, cues, mentions: list[_Mention]) -> tuple[str, int, str] | None:
    """(phrase, offset in head, rule) of the outcome named in the words before the numbers."""
    cands: dict[str, tuple[str, int, str]] = {}
    weak_subject = False
    anaphor = None
    low = head.lower()
    for rid in ("out_subject_list", "out_subject", "out_diff_in", "out_had_more", "out_group_verb"):
        if rid == "out_subject_list" and "," not in low:
            continue  # a list needs a comma as well as its "and"/"or" (the rule's gate)
        for m in _finditer(rid, head, low):
            o, o0 = m.group("o"), m.start("o")
            o, o0 = _clean_outcome(o, o0)
            o = _cut_at_group(o, o0, mentions)
            if len(o) < 2 or not _TOK.search(o):
                continue
            if rid == "out_subject_list" and _is_group_phrase(o, mentions, o0, cues):
                continue
            if rid == "out_subject":
                if _ANAPHOR.match(o) and not anaphor:
                    anaphor = (o, o0, "anaphor")
                if _BAD_SUBJECT.match(o) or _is_group_phrase(o, mentions, o0, cues) or _ANAPHOR.match(o):
                    continue
                if len(o.split()) > 25:
                    continue
                # "Duloxetine demonstrated significantly greater improvement in ...": the subject
                # ends in a verb of the group, the outcome is the object
                weak_subject = bool(_WEAK_VERB.match(head, m.end("o")) or _SUBJECT_VERB_END.search(o))
            elif rid == "out_had_more" and (cues["significant"].fullmatch(o) or o.lower() in ("than", "in", "with")):
                continue
            if _is_group_phrase(o, mentions, o0, cues) and rid != "out_diff_in":
                continue
            cands[rid] = (o, o0, rid)
            break
        # the rules are in order of precedence: once one has a candidate, a later rule's can
        # only matter to an out_subject the two tests below may drop, so the rest need not run
        if rid in cands and not (rid == "out_subject" and (weak_subject or _CHANGE_NOUN.search(cands[rid][0]))):
            break
    if "out_subject" in cands and "out_diff_in" in cands and _CHANGE_NOUN.search(cands["out_subject"][0]):
        del cands["out_subject"]  # "a greater reduction in body weight was observed": the outcome follows the noun
    if "out_subject" in cands and weak_subject and len(cands) > 1:
        del cands["out_subject"]  # "ANOVA showed music to reduce pain": the subject is not the outcome
    for rid in ("out_subject_list", "out_subject", "out_diff_in", "out_had_more", "out_group_verb"):
        if rid in cands:
            return cands[rid]
    return anaphor


def _cut_at_group(o: str, o0: int, mentions: list[_Mention]) -> str:
    """'Pain severity in the methadone group' -> 'Pain severity'."""
    for m in mentions:
        if o0 < m.start < o0 + len(o):
            cut = _CUT_AT_GROUP.search(o[: m.start - o0])
            if cut and cut.start() > 2:
                return o[: cut.start()].rstrip(" ,")
    return o


def _is_group_phrase(o: str, mentions: list[_Mention], o0: int, cues) -> bool:
    """The phrase names a group rather than an outcome ("PHR group patients", "the placebo group")."""
    if _GROUP_TAIL.search(o):
        return True
    covered = sum(m.end - m.start for m in mentions if o0 <= m.start and m.end <= o0 + len(o))
    words = o.split()
    return covered >= 0.6 * len(o) or (len(words) <= 2 and bool(cues["control"].fullmatch(o)))


def _fallback_outcome(head: str) -> tuple[str, int] | None:
    text, start = _clean_outcome(head, 0)
    # drop trailing cue words / numbers, keep a short phrase
    words = text.split()
    if not words or len(words) > 14 or not _TOK.search(text):
        return None
    return text, start


# ---------------------------------------------------------------- direction and significance


def _word_cues(text: str, cues, outcome: str) -> tuple[str | None, bool | None, str | None]:
    """(direction, significant, cue) from words: direction of the sentence's focus group."""
    nd = cues["no_difference"].search(text)
    trend = cues["trend"].search(text)
    sig_m = None
    for m in cues["significant"].finditer(text):
        before = text[max(0, m.start() - 25): m.start()]
        if not cues["negation"].search(before):
            sig_m = m
            break
    direction = None
    cue = None
    best = None
    for key, d in (("increase", "increased"), ("decrease", "decreased"), ("better", "better"), ("worse", "worse")):
        for m in cues[key].finditer(text):
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
            adverse = bool(cues["adverse_outcomes"].search(outcome))
            d = "increased" if (d == "better") != adverse else "decreased"
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


# ---------------------------------------------------------------- assembling one comparison


@dataclass
class _Segment:
    start: int  # absolute
    end: int
    head_end: int  # absolute: where the first anchor starts (== end when there are none)
    anchors: list[_Anchor]
    inherited: tuple | None = None


def _segments(sent: str, s: int, e: int, anchors: list[_Anchor]) -> list[_Segment]:
    if not anchors:
        out = []
        pos = 0
        for m in _CLAUSE_SPLIT.finditer(sent):
            out.append(_Segment(s + pos, s + m.start(), s + m.start(), []))
            pos = m.end()
        out.append(_Segment(s + pos, e, e, []))
        return [x for x in out if x.end > x.start]
    groups = _group(sent, s, anchors)
    out = []
    pos = s
    for gi, g in enumerate(groups):
        end = g[-1].end
        m = _CLOSE.match(sent, end - s)
        if m:
            end = s + m.end()
        if gi == len(groups) - 1:
            end = e
        out.append(_Segment(pos, end, g[0].start, g))
        pos = end
    return out


def _arm_value_for_percent(av: ArmValue, arm) -> ArmValue:
    """Events implied by a percent and the arm's n: '91% vs 42%' with n = 12 per arm."""
    n = getattr(arm, "n", None) if arm is not None else None
    if av.events is not None or av.percent is None or not n:
        return av
    events = round(av.percent * n / 100)
    if abs(100 * events / n - av.percent) > 1.0:  # the percent is not a count of n (a KM estimate, a subset)
        return av
    return av.model_copy(update={
        "events": events, "total": n, "derived": True,
        "derivation": f"events = round({av.percent:g}% x {n}) = {events}; total = n allocated to the arm ({n})",
    })


def _pieces(ctx: Context, seg: _Segment, cues) -> list[tuple[int, int]]:
    """'had a better mental state, higher levels of IL-2 and lower levels of cortisol (all
    P<0.05)': one comparison per directional item of a list sharing the statistics."""
    head = ctx.norm[seg.start:seg.head_end]
    cuts = [m.start() for m in cues["piece_split"].finditer(head)]
    if not cuts:
        return [(seg.start, seg.head_end)]
    bounds = [0, *cuts, len(head)]
    return [(seg.start + a, seg.start + b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _build(ctx: Context, seg: _Segment, sent_s: int, sent_e: int, arms: list, arm_res, cues, prev: dict | None,
           piece: tuple[int, int] | None = None, last: Comparison | None = None) -> dict | None:
    text = ctx.norm[seg.start:seg.end]
    p0, p1 = piece if piece else (seg.start, seg.head_end)
    head = ctx.norm[p0:p1]
    pvals = [a.obj for a in seg.anchors if a.kind == "p"]
    cis = [a.obj for a in seg.anchors if a.kind == "ci" and getattr(a.obj, "measure", None) not in _ARM_MEASURES]
    values = [v for a in seg.anchors if a.kind in ("er", "sum", "vs") for v in a.values]
    low = ctx.low[seg.start:seg.end]
    if (not _absent(low, _WITHIN_WORDS) and _WITHIN.search(text)) or (
            not _absent(low, _ALL_GROUPS_WORDS) and within_all_groups(text)):
        # a change within one group (or the same change in each), not a comparison between
        # groups; its numbers are the change's. "improved from pre-op (P < 0.0001) with no
        # difference between groups" still says how the groups compare: in words only
        if not cues["no_difference"].search(text):
            return None
        pvals, cis, values = [], [], []
    if not (pvals or cis or len(values) >= 2) and not cues["sig_any"].search(text) and not (
            cues["ref_marker_any"].search(text) and cues["dir_any"].search(text)):
        return None  # cheap exit before the phrase rules: nothing here can make a comparison
    mentions = _mentions(text, arm_res, cues)

    found = _outcome(head, cues, mentions)
    rule = None
    inherited = False
    if found and found[2] == "anaphor" and last is None:
        found = (found[0], found[1], "out_subject")  # nothing to refer to: the phrase stands
    if found:
        o, o0, rule = found
    else:
        fb = _fallback_outcome(head)
        if fb is None and seg.anchors:
            # "... improved survival (91% vs 42%), SAE-free survival (P = .008)": the words
            # before the first number of a later group name the next outcome in the list
            fb = None
        if fb is None:
            return None
        o, o0 = fb
        rule = "out_list"
        inherited = prev is not None and not _cues()["gate"].search(head) and head.lstrip().startswith((",", "and"))
    o_abs0 = p0 + o0
    o_abs1 = o_abs0 + len(o)
    outcome = ctx.text[o_abs0:o_abs1]
    # a group word inside the outcome ("workload for glucose control") is not a side
    r0, r1 = o_abs0 - seg.start, o_abs1 - seg.start
    mentions = [m for m in mentions if not (r0 <= m.start and m.end <= r1)]
    # "This difference was not significant": the outcome is the previous sentence's
    borrowed = last if rule == "anaphor" else None
    if borrowed is not None:
        outcome = borrowed.outcome

    # words, with the outcome phrase blanked ("improvement of ARDS" is not a direction cue)
    masked = text[: o_abs0 - seg.start] + " " * len(o) + text[o_abs1 - seg.start:]
    if piece:
        words = ctx.norm[p0:o_abs0] + " " * len(o) + ctx.norm[o_abs1:p1]
        direction, significant, cue = _word_cues(words, cues, outcome)
        if significant is None:
            significant = _word_cues(masked, cues, outcome)[1]
    else:
        direction, significant, cue = _word_cues(masked, cues, outcome)
    if inherited and prev is not None and direction is None and significant is None:
        direction, significant = prev["direction_words"], prev["significant_words"]
        pc = prev.get("cue") or ""
        if direction in ("increased", "decreased") and (cues["better"].search(pc) or cues["worse"].search(pc)):
            # "superior for the relief of pain (P < 0.05), and facial swelling (P < 0.05)": a
            # word of valence shared by a list reads anew for each outcome
            if bool(cues["adverse_outcomes"].search(outcome)) != bool(cues["adverse_outcomes"].search(prev["outcome"])):
                direction = _flip(direction)
    if borrowed is not None and direction is None and significant is not False:
        direction = borrowed.direction

    has_numbers = bool(pvals or cis or len(values) >= 2)
    if not has_numbers and direction is None and significant is None:
        return None
    if not has_numbers and significant is None and not (direction and cues["ref_marker_any"].search(masked)):
        return None  # "X could be beneficial": a claim, not a reported comparison
    if not pvals and not cis and len(values) < 2 and significant is None and direction is None:
        return None

    # sides: the group the statement is about (focus) and the reference group
    focus = next((m for m in mentions if m.side == "focus"), None)
    if focus is None:
        focus = next((m for m in mentions if m.side == "neutral"), None)
    ref = next((m for m in mentions if m.side == "ref" and (focus is None or m.arm is None or m.arm is not focus.arm)), None)
    if ref is None and focus is not None:
        ref = next((m for m in mentions if m is not focus and m.side != "focus" and (m.arm is None or m.arm is not focus.arm)), None)
        if ref is None:
            ref = next((m for m in mentions if m is not focus and (m.arm is None or m.arm is not focus.arm)
                        and m.control != focus.control), None)

    def label(m: _Mention | None) -> str | None:
        if m is None:
            return None
        if m.arm is not None:
            return m.arm.label
        if m.control:
            ctrl = [a for a in arms if a.role == "control"]
            if len(ctrl) == 1:
                m.arm = ctrl[0]
                return ctrl[0].label
        return ctx.text[seg.start + m.start: seg.start + m.end]

    def arm_of(m: _Mention | None):
        return m.arm if m is not None else None

    # per-arm values, in the order the groups are named
    iv = cv = None
    if len(values) >= 2:
        iv, cv = values[0], values[1]
    flipped = False
    inter_m, comp_m = focus, ref
    if focus is not None and ref is not None and focus.control and not ref.control:
        inter_m, comp_m, flipped = ref, focus, True
    elif focus is not None and ref is None and focus.control:
        # "lower in the placebo group" is the intervention's increase; a control named only
        # beside its value ("(tiotropium 9.5%; placebo 17.9%)") leaves the words as they are
        inter_m, comp_m, flipped = None, focus, focus.side == "focus"
    inherit = prev.get("sides") if prev is not None and not mentions else None
    if inherit is not None:
        # "The combination group had a lower dose (...), a longer recovery time (...)": the
        # groups named once in the sentence are the groups of each later item
        flipped = inherit[4]
    # values follow the order of the groups named ("37.5% in cell recipients versus 42.7% in controls")
    if iv is not None:
        order = [m for m in mentions if m is focus or m is ref]
        first_is_control = order[0].control if len(order) >= 1 else False
        if len(order) >= 2:
            first_is_control = order[0] is comp_m
        elif len(order) == 1:
            # one group named: its value comes first when it is the subject ("in the placebo
            # group (12% vs 8%)"); a reference group ("lower than placebo (3 vs 5)") comes
            # after the unnamed subject, whose value is the first
            first_is_control = order[0] is comp_m and order[0].side != "ref"
        if inherit is not None:
            first_is_control = flipped
        if first_is_control:
            iv, cv = cv, iv
    if flipped:
        direction = _flip(direction)

    intervention, comparator = label(inter_m), label(comp_m)
    i_arm, c_arm = arm_of(inter_m), arm_of(comp_m)
    if inherit is not None:
        intervention, comparator, i_arm, c_arm = inherit[:4]
    if borrowed is not None and inter_m is None and comp_m is None:
        intervention, comparator = borrowed.intervention, borrowed.comparator
    if len(arms) == 2:
        ia = [a for a in arms if a.role == "intervention"]
        ca = [a for a in arms if a.role == "control"]
        if len(ia) == 1 and len(ca) == 1:
            if i_arm is None and c_arm is not ia[0] and (inter_m is None):
                i_arm = ia[0]
                intervention = intervention or ia[0].label
            if c_arm is None and i_arm is not ca[0] and comp_m is None:
                c_arm = ca[0]
                comparator = comparator or ca[0].label

    if iv is not None:
        iv = _arm_value_for_percent(iv.model_copy(update={"arm": intervention}), i_arm)
        cv = _arm_value_for_percent(cv.model_copy(update={"arm": comparator}), c_arm)

    ci = cis[0] if cis else None
    p = pvals[0] if pvals else None
    measure = getattr(ci, "measure", None) if ci is not None else None
    estimate = getattr(ci, "estimate", None) if ci is not None else None
    derived, derivation = False, None
    words_sig = significant
    if p is not None:
        s_p = _sig_from_p(p.comparator, p.value)
        if s_p is not None:
            significant = s_p
    elif ci is not None and significant is None:
        s_ci = _sig_from_ci(measure, ci.lower, ci.upper)
        if s_ci is not None:
            significant = s_ci
            derived, derivation = True, f"significant = {s_ci}: the {f'{ci.level:g}% ' if ci.level else ''}CI {'excludes' if s_ci else 'includes'} {1 if measure in RATIO_MEASURES else 0}"
    num_dir = _numeric_direction(iv, cv, measure, estimate)
    if measure == "HR" and iv is None and num_dir in ("increased", "decreased") and _TIME_OUTCOME.search(outcome):
        num_dir = _flip(num_dir)
    if direction is None or (direction == "no difference" and significant):
        direction = num_dir if num_dir is not None else (None if significant else direction)
    if significant is False and direction is None:
        direction = "no difference"

    ev = ctx.evidence(sent_s, sent_e, rule=f"comparison:{rule}")
    c = Comparison(
        **ev,
        outcome=outcome,
        outcome_start=borrowed.outcome_start if borrowed is not None else o_abs0,
        outcome_end=borrowed.outcome_end if borrowed is not None else o_abs1,
        intervention=intervention,
        comparator=comparator,
        intervention_values=iv,
        comparator_values=cv,
        measure=measure,
        estimate=estimate,
        lower=ci.lower if ci is not None else None,
        upper=ci.upper if ci is not None else None,
        level=ci.level if ci is not None else None,
        p_value=p.value if p is not None else None,
        p_comparator=p.comparator if p is not None else None,
        direction=direction,
        significant=significant,
        derived=derived,
        derivation=derivation,
    )
    return {"comparison": c, "direction_words": _flip(direction) if flipped else direction,
            "significant_words": words_sig, "cue": cue or (prev.get("cue") if inherited and prev else None),
            "outcome": outcome,
            "sides": (intervention, comparator, i_arm, c_arm, flipped) if focus is not None or inherit is not None else None}


def within_all_groups(text: str) -> bool:
    """The statement reports the same change in every group ("improved in both groups
    (P < 0.001)"), which compares no group with another. A later clause may still compare
    them ("decreased in both groups, but was lower in group A (...)")."""
    m = _ALL_GROUPS.search(text)
    return m is not None and _CONTRAST.search(text) is None and _GAP_BOUNDARY.search(text, m.end()) is None


def _gated_sentences(ctx: Context, by_sent: dict[int, list[_Anchor]], cues) -> list[tuple[int, int, int]]:
    """Sentences that can hold a comparison, found with one pass over the document: outside
    background/methods sections, with a p-value or interval, or a significance word or a
    comparison word ("than", "vs", "differed")."""
    skip = _skip_sections()
    # a sentence span starts where the sentence does: the sentences starting inside a skipped
    # section are a range of indices, found by bisection once per section
    starts = ctx.sent_starts
    blocked: set[int] = set()
    for sec in ctx.document.sections:
        if sec.label.upper() in skip:
            blocked.update(range(bisect_left(starts, sec.start), bisect_left(starts, sec.end)))
    stats = {i for i, anchors in by_sent.items() if any(a.kind in ("p", "ci") for a in anchors)}
    low = ctx.low
    out = []
    for i in range(len(starts)):
        if i in blocked:
            continue
        s, e = ctx.sentence_span(i)
        if e <= s:
            continue
        if i not in stats and not cues["gate"].found_in(low, s, e):
            continue
        # background in an unlabelled abstract: a hedged claim with no number of its own
        # ("the level of this protein may be reduced in PD") reports no result of this trial
        if not by_sent.get(i) and not _absent(low[s:e], _HEDGE_WORDS) and _HEDGE.search(ctx.norm, s, e):
            continue
        out.append((i, s, e))
    return out


_HEDGE = regex.compile(
    r"\b(?:may|might|could|remains?\s+to\s+be|is\s+thought|are\s+thought|has\s+been\s+(?:shown|suggested|reported)|"
    r"have\s+been\s+(?:shown|suggested|reported)|is\s+(?:un)?known|are\s+(?:un)?known)\b",
    regex.I,
)


def extract(ctx: Context) -> list[Comparison]:
    cues = _cues()
    arms = list(ctx.results.get("arms") or [])
    arm_res = _ArmIndex(arms)
    by_sent = _index_results(ctx)
    out: list[Comparison] = []
    last: tuple[int, Comparison] | None = None  # the last comparison and its sentence
    for i, s, e in _gated_sentences(ctx, by_sent, cues):
        sent = ctx.norm[s:e]
        anchors = _anchors(ctx, s, e, by_sent, i)
        prev = None
        before = last[1] if last is not None and last[0] == i - 1 else None
        for seg in _segments(sent, s, e, anchors):
            n_values = sum(len(a.values) for a in seg.anchors)
            pieces = _pieces(ctx, seg, cues) if n_values < 2 else []
            for piece in pieces if len(pieces) > 1 else [None]:
                built = _build(ctx, seg, s, e, arms, arm_res, cues, prev, piece, before)
                if built is None:
                    continue
                c = built["comparison"]
                out.extend(_list_items(ctx, c))
                out.extend(_object_list_items(ctx, c, built.get("cue"), seg.head_end, cues))
                prev = built
                last = (i, c)
    return out


def _list_items(ctx: Context, c: Comparison) -> list[Comparison]:
    """'Total cholesterol, LDL cholesterol and triglycerides were significantly reduced': one
    comparison per item of a comma list that is the subject, all with the same statistics.
    A list needs a comma: "signs and symptoms" stays one outcome."""
    if c.rule != "comparison:out_subject_list" or c.outcome_start is None:
        return [c]
    out = []
    pos = 0
    for m in [*_LIST_SPLIT.finditer(c.outcome), None]:
        end = m.start() if m is not None else len(c.outcome)
        item = c.outcome[pos:end].strip()
        if item:
            a = c.outcome_start + c.outcome.index(item, pos)
            out.append(c.model_copy(update={"outcome": item, "outcome_start": a, "outcome_end": a + len(item)}))
        if m is not None:
            pos = m.end()
    return out or [c]


# "improvement in A, B and C (p < 0.05)": the items after the first outcome of a change noun
_OBJECT_LIST = regex.compile(r"\s*,\s*(?:and\s+)?([^,;()\[\]]{2,60}?)(?=\s*,|\s+and\s+|\s*[.;(\[]|\s*$)"
                             r"|\s+and\s+([^,;()\[\]]{2,60}?)(?=\s*[,.;(\[]|\s*$)", regex.I)


def _object_list_items(ctx: Context, c: Comparison, cue: str | None, head_end: int, cues) -> list[Comparison]:
    """'achieved significant improvement in total weight self-efficacy score, negative emotions
    and physical discomfort subscales': one comparison per item of the list the change noun
    governs, each reading a word of valence ("improvement") for its own outcome."""
    if c.rule != "comparison:out_diff_in" or c.outcome_end is None or not ctx.norm.startswith(",", c.outcome_end):
        return []
    out = []
    pos = c.outcome_end
    valence = bool(cue) and (cues["better"].search(cue) is not None or cues["worse"].search(cue) is not None)
    adverse = cues["adverse_outcomes"].search(c.outcome) is not None
    while pos < head_end and len(out) < 8:
        m = _OBJECT_LIST.match(ctx.norm, pos, head_end)
        if m is None:
            break
        g = 1 if m.group(1) is not None else 2
        item = m.group(g).strip()
        if cues["gate"].search(item) or _TOK.search(item) is None:
            break  # a new statement, not an item
        a = m.start(g)
        d = c.direction
        if valence and not adverse and c.direction in ("increased", "decreased") and cues["adverse_outcomes"].search(item):
            # only a known adverse item turns the word round: an item not in the list after an
            # adverse first item ("pain, P/V discharge") is most likely adverse too
            d = _flip(d)
        out.append(c.model_copy(update={"outcome": ctx.text[a:a + len(item)], "outcome_start": a,
                                        "outcome_end": a + len(item), "direction": d}))
        pos = m.end()
        if g == 2:
            break
    return out
