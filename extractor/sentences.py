"""Sentence rules: where sentences start, as a pure function of the text (no spaCy).

The pipeline splits every document with :func:`sentence_starts`; ``extractor/nlp.py``'s spaCy
component applies the same rules when a Doc is built. Kept apart from the spaCy module so a
batch, which never builds a Doc, does not import spaCy at all (about half a second per
process start).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.lines import is_soft_wrap
from extractor.rules import load_lexicon

# Sentence-final punctuation followed by space and something that can start a sentence.
# (group 1: the blanks after it, where the next sentence starts; masked front matter makes
# them long runs, too slow to step over one character at a time)
# Compiled with re, which scans these (a class, a literal) faster than regex (12 -> 7 µs an
# abstract); _WS is regex's \s, the White_Space characters: re's \s also has \x1c-\x1f.
_WS = r"[^\S\x1c-\x1f]"
_CANDIDATE = re.compile(r"""[.!?](?:["')\]]*)(?=(""" + _WS + r"""+)["'(\[]?[A-Z0-9])""")
_NEWLINE = re.compile(r"\n" + _WS + "*")


# longer than every no_break_after word (checked where they are read)
_LONG = 8


@cache
def _no_break_words() -> frozenset[str]:
    words = frozenset(w.lower() for w in load_lexicon("sentences").entries["no_break_after"])
    # (a check of the data, not an assert: sentence_starts' shortcuts would go wrong silently
    # under python -O)
    bad = sorted(w for w in words if len(w) >= _LONG or not w[-1].isalpha())
    if bad:
        raise ValueError(f"sentences.lexicon.json: no_break_after entries must be shorter than {_LONG} "
                         f"characters and end in a letter (sentence_starts relies on it): {bad}")
    return words


def _after_number(text: str, j: int) -> bool:
    """The word at ``j`` follows a number and one space ("2 y")."""
    return j >= 2 and text[j - 1] == " " and text[j - 2].isdigit()


def sentence_starts(text: str, forced: list[int] | tuple[int, ...] = ()) -> list[int]:
    """Character offsets where sentences start: a pure function of the text.

    Breaks after [.!?] + space + capital/digit unless the period belongs to an abbreviation
    in ``patterns/sentences.lexicon.json``, a single initial ("J. Smith"), or a number;
    breaks at every newline (ingesters join wrapped lines, so a newline ends a paragraph or
    a labelled section) except a soft wrap of hard-wrapped plain text (a line ending in a
    word or comma before a line starting in lower case), and at each offset in ``forced``
    (section starts).
    """
    nobreak = _no_break_words()
    starts = {0}
    for m in _CANDIDATE.finditer(text):
        p = m.start()
        if text[p] == "." and p:
            # the word before the period, including inner periods: "e.g", "i.v", "et al"
            c = text[p - 1]
            if (not c.isalpha() and c != ".") or (p >= _LONG and text[p - _LONG : p].isalnum()):
                # most sentence ends: after a digit or a bracket, or a word longer than any
                # abbreviation (each of which ends in a letter), a break without the walk
                starts.add(m.end(1))
                continue
            j = p
            while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
                j -= 1
            word = text[j:p].lower()
            # a single letter is an initial ("J. Smith"), but not a unit after a number
            # ("followed for 2 y. The ...", "at 3 h. Blood ...")
            if word in nobreak or (len(word) == 1 and word.isalpha() and not _after_number(text, j)):
                continue
            if word == "al" and text[max(0, j - 3) : p].lower().endswith("et al"):
                continue
        # the blanks end before a quote, bracket, capital or digit: where str.isspace ends too
        starts.add(m.end(1))
    for m in _NEWLINE.finditer(text):
        if m.end() < len(text) and not is_soft_wrap(text, m.start()):
            starts.add(m.end())
    for f in forced:
        if 0 <= f < len(text):
            starts.add(f)
    return sorted(starts)
