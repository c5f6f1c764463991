"""What the arm rules read and return: the per-document cue scan that tells each rule which
sentences hold its anchor words (``_S`` sentence tuples), and ``_Arm``, the candidate group a
rule returns before ``arms.extract`` merges candidates into ``Arm`` records."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from extractor.records import Dose

# One cue pass per document tells every rule below which sentences hold its anchor words;
# rules then run only there. Each cue word is found with str.find over the lower-cased
# document (C speed) and mapped to its sentence: an alternation regex tried at every
# position, or a word split per sentence, costs more than the rules it gates.
_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rand", ("random", "allocat", "assign", "divided")),
    ("group", ("group", " arm")),
    ("eq", ("=",)),
    ("versus", ("versus", " vs", "compared")),
    ("resp", ("respectively",)),
    ("each", ("each", " per ")),
    ("controlled", ("-controlled",)),
    ("received", ("receiv",)),
    ("dose", ("receiv", "administ", "given", "treated with", "infus", "inject")),
    ("cross", ("crossover", "cross-over")),
    ("people", ("patients", "participants", "subjects", "children", "women", " men ", "others", "cases", "volunteers")),
    ("num", ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "twenty", "thirty", "forty", "fifty", "sixty", "ten ", "twelve")),
)
_MENTION_CUES = frozenset({"rand", "eq", "group", "versus", "received"})
_S = tuple  # (start, end, sentence, lower-cased sentence, cue set)


def _doc_cues(low: str, starts: list[int], ends: list[int]) -> list[set[str]]:
    """The cue set of every sentence ("rand", "group", "eq", "num", "versus", "resp", "each",
    "controlled", "dose", "received", "cross", "people"); ``low`` is the lower-cased document."""
    out: list[set[str]] = [set() for _ in starts]
    for key, words in _CUE_WORDS:
        for w in words:
            i = low.find(w)
            while i >= 0:
                k = bisect_right(starts, i) - 1
                if k < 0:
                    i = low.find(w, i + 1)
                    continue
                out[k].add(key)
                # the rest of this sentence already has the cue: jump to the next one
                i = low.find(w, max(i + 1, ends[k]))
    return out


_ALLOC_CUES = frozenset({"rand", "cross", "received"})


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
