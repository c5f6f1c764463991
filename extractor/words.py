"""Content words: the one tokenisation that arm labels and comparison outcomes are matched by.

Lower-cased runs of letters and digits, a plural -s dropped (as the gold scorer does: "groups"
-> "group", but "class" stays), minus the caller's stop words.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import reduce
from operator import or_

import regex

TOK = regex.compile(r"[a-z0-9]+")
# The words of a sentence for word gates (``Context.sentence_words``): lower-case ASCII letter
# runs (stdlib re: faster than regex for this one C-level findall per sentence).
LETTERS = re.compile(r"[a-z]+")


def content_tokens(text: str, stop: Collection[str]) -> set[str]:
    out = set()
    for t in TOK.findall(text.lower()):
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        if t not in stop:
            out.add(t)
    return out


class SubstringBits(dict[str, int]):
    """word -> bit mask of the gate ``strings`` (pure ``[a-z]`` strings) it contains, each word
    tested once per process. A letters-only string occurs in a lower-cased text exactly where it
    occurs inside one of its ``[a-z]`` runs, so the OR over a sentence's words is the set of
    gate strings the sentence holds: one dict look-up per word instead of a scan per string."""

    _LIMIT = 200_000  # distinct words kept (a vocabulary, not a corpus)

    def __init__(self, strings: Iterable[str]) -> None:
        super().__init__()
        self.strings = tuple(strings)
        bad = [s for s in self.strings if not LETTERS.fullmatch(s)]
        if bad:
            raise ValueError(f"not [a-z]+ strings: {bad}")
        self.bit = {s: 1 << i for i, s in enumerate(self.strings)}

    def __missing__(self, word: str) -> int:
        mask = 0
        for s, b in self.bit.items():
            if s in word:
                mask |= b
        if len(self) >= self._LIMIT:
            self.clear()
        self[word] = mask
        return mask

    def of(self, words: Iterable[str]) -> int:
        return reduce(or_, map(self.__getitem__, words), 0)
