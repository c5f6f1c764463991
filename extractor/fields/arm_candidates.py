"""What the arm rules read and return: the per-document cue scan that tells each rule which
sentences hold its anchor words (``_S`` sentence tuples), and ``_Arm``, the candidate group a
rule returns before ``arms.extract`` merges candidates into ``Arm`` records."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.records import Dose
from extractor.regex_cache import compile_regex

# One cue pass per document tells every rule below which sentences hold its anchor words;
# rules then run only there. Each cue word is found with str.find over the lower-cased
# document (C speed) and mapped to its sentence: an alternation regex tried at every
# position, or a word split per sentence, costs more than the rules it gates. The digits of
# "num" are found together by one character class (one search per sentence, not per digit).
_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rand", ("random", "allocat", "assign", "divided")),
    ("group", ("group", " arm")),
    ("eq", ("=",)),
    ("versus", ("versus", " vs", "compared")),
    ("resp", ("respectively",)),
    ("each", ("each", " per ")),
    ("controlled", ("-controlled",)),
    ("received", ("receiv",)),
    # "30 patients were treated with X and 30 ... with Y": per-arm counts without "received"
    ("treated", ("treated with", "were given")),
    ("dose", ("receiv", "administ", "given", "treated with", "infus", "inject")),
    ("cross", ("crossover", "cross-over")),
    ("num", ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "twenty", "thirty", "forty", "fifty", "sixty", "ten ", "twelve")),
)


def _cue_scan() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(word, keys) for every cue word but the digits: a word of several keys ("receiv") is
    searched once."""
    keys: dict[str, list[str]] = {}
    for key, words in _CUE_WORDS:
        for w in words:
            if not (len(w) == 1 and w.isdigit()):
                keys.setdefault(w, []).append(key)
    return tuple((w, tuple(ks)) for w, ks in keys.items())


_CUE_SCAN = _cue_scan()
_CUE_DIGIT = compile_regex(r"[0-9]")
_MENTION_CUES = frozenset({"rand", "eq", "group", "versus", "received"})
_S = tuple  # (start, end, sentence, lower-cased sentence, cue set)


def _doc_cues(low: str, starts: list[int], ends: list[int]) -> list[set[str]]:
    """The cue set of every sentence ("rand", "group", "eq", "num", "versus", "resp", "each",
    "controlled", "dose", "received", "cross"); ``low`` is the lower-cased document.
    A sentence holds a cue when a cue word starts between its start and the next one's."""
    out: list[set[str]] = [set() for _ in starts]
    find = low.find
    for w, keys in _CUE_SCAN:
        i = find(w)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if k < 0:
                i = find(w, i + 1)
                continue
            out[k].update(keys)
            # the rest of this sentence already has the cue: jump to the next one
            e = ends[k]
            i = find(w, e if e > i else i + 1)
    m = _CUE_DIGIT.search(low)
    while m is not None:
        i = m.start()
        k = bisect_right(starts, i) - 1
        if k >= 0:
            out[k].add("num")
            e = ends[k]
            i = e - 1 if e > i else i
        m = _CUE_DIGIT.search(low, i + 1)
    return out


_ALLOC_CUES = frozenset({"rand", "cross", "received"})


def _before_results(ctx: Context) -> int:
    """Where the results begin (the first section labelled results or conclusions), or the end: the
    rules that read only the methods stop at this offset (one look at the sections, not one per sentence)."""
    return next((x.start for x in ctx.document.sections if "RESULT" in x.label or "CONCLU" in x.label), len(ctx.low))


# where ``_plain_case`` fails, the gates below, which look for words with str.find in the
# lower-cased text, let the pattern run
_plain_case = plain_case


def _after_space(low: str, words: Iterable[str], space: bool = True) -> list[int]:
    """Positions just past "<word><whitespace>" for every occurrence of a word of ``words``
    in ``low`` (str.isspace covers every character the patterns' \\s matches); the whitespace
    may be empty unless ``space``."""
    out = []
    n = len(low)
    for w in words:
        i = low.find(w)
        while i >= 0:
            j = k = i + len(w)
            while k < n and low[k].isspace():
                k += 1
            if k > j or not space:
                out.append(k)
            i = low.find(w, i + 1)
    return out


def _followed_by(sent: str, low: str, words: Iterable[str], nexts: tuple[str, ...] | regex.Pattern[str],
                 space: bool = True) -> bool:
    """Some word of ``words`` is followed by whitespace (``\\s+``, or ``\\s*`` unless ``space``)
    and one of ``nexts`` (strings, or a pattern matched on ``low``): a gate, as a pattern
    "(?:patients|...)\\s+(?:were|received|to)" can match only then."""
    if not _plain_case(sent):
        return True
    if isinstance(nexts, tuple):
        return any(low.startswith(nexts, k) for k in _after_space(low, words, space))
    return any(nexts.match(low, k) for k in _after_space(low, words, space))


@dataclass
class _Arm:
    label: str
    start: int
    end: int
    n: int | None = None
    n_span: tuple[int, int] | None = None
    aliases: list[str] = field(default_factory=list)
    item: tuple[int, int] | None = None  # the text span describing the arm (for doses)
    fixed_doses: list[Dose] = field(default_factory=list)  # doses read from a "respectively" list
    rule: str = ""
