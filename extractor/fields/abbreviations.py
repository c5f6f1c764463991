"""Abbreviation definitions: "umbilical cord mesenchymal stem cell (UCMSC)".

A Schwartz–Hearst detector (Schwartz A.S., Hearst M.A. 2003, "A simple algorithm for
identifying abbreviation definitions in biomedical text", Pacific Symposium on Biocomputing
8:451-462): a short form in parentheses after a long form, matched right-to-left so every
short-form character appears, in order, in the long form and the first one starts a word.
Pure functions; arms use them to resolve labels ("UCMSC" -> the long form and back).
"""

from __future__ import annotations

from extractor.fields import Context
from extractor.records import Abbreviation
from extractor.regex_cache import compile_regex

FIELD = "abbreviations"

# "(SF)" or "(SF;" / "(SF," : a short form of 2-10 characters with at least one letter.
_PAREN = compile_regex(r"\(\s*([^()\s;,]{1,10}(?:\s[^()\s;,]{1,10})?)\s*[;,)]")


def is_short_form(sf: str) -> bool:
    """Schwartz & Hearst: 2..10 characters, starts alphanumeric, contains a letter."""
    # (a first letter is the letter: the generator, a frame per call, only for "5-HT", "2DG")
    return (2 <= len(sf) <= 10 and sf[0].isalnum() and (sf[0].isalpha() or any(c.isalpha() for c in sf))
            and len(sf.split()) <= 2)


def best_long_form(short: str, candidate: str) -> str | None:
    """Shortest suffix of ``candidate`` that contains the characters of ``short`` in order.

    Schwartz & Hearst 2003, Figure 2: scan both strings right to left; the first character
    of the short form must begin a word of the long form.
    """
    s = short.lower()
    c = candidate.lower()
    si, li = len(s) - 1, len(c) - 1
    while si >= 0:
        ch = s[si]
        if not ch.isalnum():
            si -= 1
            continue
        # the last occurrence of ch at or before li (str.rfind: the scan runs in C); the
        # first short-form character must also start a word
        li = c.rfind(ch, 0, li + 1)
        if si == 0:
            while li > 0 and c[li - 1].isalnum():
                li = c.rfind(ch, 0, li)
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = candidate.rfind(" ", 0, li + 1) + 1
    return candidate[start:].strip()


def find_abbreviations(text: str) -> list[tuple[str, str, int, int]]:
    """(short, long, start, end) for each "long form (SF)" in ``text``; start..end spans both."""
    out = []
    for m in _PAREN.finditer(text):
        sf = m.group(1).strip()
        if not is_short_form(sf):
            continue
        # The long form is at most min(|SF| + 5, 2|SF|) words before the parenthesis.
        before = text[max(0, m.start() - 200) : m.start()].rstrip()
        cut = max(before.rfind(". "), before.rfind("; "), before.rfind("("), before.rfind(")"), before.rfind(": "))
        if cut >= 0:
            before = before[cut + 1 :]
        words = before.split()
        limit = min(len(sf) + 5, 2 * len(sf))
        cand = " ".join(words[-limit:])
        if not cand:
            continue
        lf = best_long_form(sf, cand)
        if not lf or len(lf) <= len(sf) or sf.lower() in lf.lower().split():
            continue
        start = m.start() - len(before.rstrip()) + before.rstrip().rfind(lf) if lf in before else m.start()
        out.append((sf, lf, max(0, start), m.end()))
    return out


def extract(ctx: Context) -> list[Abbreviation]:
    seen: set[str] = set()
    out = []
    for sf, lf, s, e in find_abbreviations(ctx.norm):
        if sf in seen:
            continue
        seen.add(sf)
        out.append(Abbreviation(short=sf, long=lf, start=s, end=e))
    return out
