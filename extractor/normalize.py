"""Length-preserving normalisation: every offset into the result is an offset into the input.

Only one-character-for-one-character substitutions happen here, so no offset map is needed
between ``Document.text`` and the string the extractors read. Things that need more context
(flattened powers of ten such as "× 106") are read by ``numbers.py`` instead of rewritten.
"""

from __future__ import annotations

import re

from extractor.document import Document

_MAP = {
    # minus signs and dashes -> ASCII hyphen-minus
    "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\ufe63": "-", "\uff0d": "-",
    # spaces
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u2007": " ", "\u2008": " ", "\u3000": " ", "\t": " ",
    # zero-width characters become spaces rather than vanishing, to keep offsets
    "\u200b": " ", "\ufeff": " ", "\u00ad": " ",
    # comparison signs in their ASCII-compatible single-character forms stay; these unify
    "\u2264": "\u2264", "\u2265": "\u2265", "\u2a7d": "\u2264", "\u2a7e": "\u2265",
    "\u226a": "<", "\u226b": ">",
    # quotes
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    # multiplication-like signs
    "\u2715": "\u00d7", "\u2a2f": "\u00d7",
    # fullwidth digits are rare but break number regexes
    **{chr(0xFF10 + i): str(i) for i in range(10)},
}
# "·" (middle dot) is a decimal point between digits: "0·64" (Lancet style).
_MIDDOT = "\u00b7"
# control characters (but not newlines) become spaces: offsets kept. Folded into the same
# table so the whole normalisation is one C-level pass over the text.
_CONTROLS = {chr(i): " " for i in range(32) if chr(i) not in "\n\r"}
_TABLE = str.maketrans({**_MAP, **_CONTROLS})
# str.translate with a dict looks up every character (~0.1 ms per abstract, even for the
# half of texts that hold a dash or a thin space); a character-class scan at C speed lists the
# few distinct characters that need it, and one str.replace each swaps them. Equivalent to
# translate because no replacement character is itself a key mapped to something else.
_NEEDS = re.compile("[" + "".join(re.escape(c) for c in {**_MAP, **_CONTROLS} if _TABLE[ord(c)] != c) + "]")
assert not {_TABLE[ord(c)] for c in {**_MAP, **_CONTROLS}} & {c for c in {**_MAP, **_CONTROLS} if _TABLE[ord(c)] != c}


# Thousands grouped with a space ("10 948 patients", Lancet and BMJ style, often a thin space
# that the table above has already made a plain one): the group separator becomes a comma, so
# every number rule reads one count, not "10". Only where the groups are followed by a word
# (a count of something) and nothing numeric touches them ("1.5 100", "12, 100", "3 1000" stay).
_SPACE_GROUPED = re.compile(r"(?<![\d.,:/-])(?<!\d )(?<!\d[.,:/-] )\d{1,3}(?: \d{3})+(?![\d.,:/])(?= [A-Za-z(]|[)\];,]|$)")


# Whether "\d \d\d\d" occurs (every _SPACE_GROUPED match holds one), written to lead with its
# space: re finds a leading literal at C speed but tries a leading class at every character
# (7 µs an abstract instead of 15)
_GROUP_GATE = re.compile(r" (?<=\d )\d\d\d")


def _translate(text: str) -> str:
    for c in set(_NEEDS.findall(text)):
        text = text.replace(c, _TABLE[ord(c)])
    return text


def normalize_text(text: str) -> str:
    return normalize_sliceable(text)[0]


def normalize_sliceable(text: str) -> tuple[str, bool]:
    """``normalize_text(text)``, and whether each of its slices is the normalisation of the
    same slice of ``text`` (``normalize_text(text[s:e]) == out[s:e]``): true unless one of the
    rewrites that read their neighbours (space-grouped thousands, middle dots) could apply
    somewhere. A caller needing many pieces of the text normalised then slices instead."""
    if text.isascii() and (text.isprintable() or text.replace("\n", "").isprintable()):
        # no control character but newlines (isprintable), nothing else to map (every key is
        # non-ASCII): C-level tests instead of the scan, for a third of the abstracts
        out = text
    else:
        out = _translate(text)
    # every other substitution is one character for one, whatever surrounds it; without a
    # "\d \d\d\d" in the whole text, no slice of it holds one either
    if _GROUP_GATE.search(out):
        out = _middots(_comma_groups(out))
        sliceable = False
    elif _MIDDOT in out:
        out = _middots(out)
        sliceable = False
    else:
        sliceable = True
    assert len(out) == len(text)
    return out, sliceable


def _comma_groups(text: str) -> str:
    if not _SPACE_GROUPED.search(text):
        return text
    return _SPACE_GROUPED.sub(lambda m: m.group().replace(" ", ","), text)


def _middots(text: str) -> str:
    if _MIDDOT not in text:
        return text
    # visit the middle dots only, not every character
    chars = list(text)
    i = text.find(_MIDDOT)
    while i >= 0:
        if 0 < i < len(chars) - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            chars[i] = "."
        i = text.find(_MIDDOT, i + 1)
    return "".join(chars)


# The letters a case-insensitive regex (re or regex, simple case folding) matches as an ASCII
# letter without being one, which lower-casing does not turn into that letter: "İ", "ı", "ſ", "K".
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


# The last long text plain_case read and its answer. Most fields ask about the whole document
# (the same ``ctx.norm`` object, ~8 times per abstract), each time four scans of a text that is
# not ASCII in two abstracts of three; shorter texts asked about in between do not replace it.
_LAST: tuple[str, bool] = ("", True)
_LONG_TEXT = 512


def plain_case(text: str) -> bool:
    """Whether an ASCII word a case-insensitive regex can match in ``text`` is always in
    ``text.lower()`` as spelled: then a substring test there may gate the regex exactly."""
    global _LAST
    if text.isascii():
        return True
    if len(text) < _LONG_TEXT:
        return not any(map(text.__contains__, _FOLDS_TO_ASCII))
    last = _LAST  # (one read of the pair: another thread may replace it meanwhile)
    if last[0] is text:
        return last[1]
    plain = not any(map(text.__contains__, _FOLDS_TO_ASCII))
    _LAST = (text, plain)
    return plain


def masked_text(doc: Document, norm: str, full_text: bool = False) -> str:
    """The normalised text with skipped sections (front matter, boilerplate) blanked out.

    Blanking with spaces (newlines kept) rather than cutting keeps every offset valid.
    """
    spans = sorted(doc.content_spans(full_text))
    if spans == [(0, len(norm))]:
        return norm
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            parts.append(_blank(norm[pos:s]))
        s = max(s, pos)
        if e > s:
            parts.append(norm[s:e])
            pos = e
    parts.append(_blank(norm[pos:]))
    return "".join(parts)


def _blank(chunk: str) -> str:
    """``chunk`` with every character but a newline a space (what ``re.sub("[^\\n]", " ", chunk)``
    gives): built from its lines' lengths, where the substitution made one match per character
    (most chunks are a section label between two sections: half the cost of masking)."""
    return "\n".join([" " * len(line) for line in chunk.split("\n")])
