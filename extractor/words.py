"""Content words: the one tokenisation that arm labels and comparison outcomes are matched by.

Lower-cased runs of letters and digits, a plural -s dropped (as the gold scorer does: "groups"
-> "group", but "class" stays), minus the caller's stop words.
"""

from __future__ import annotations

from collections.abc import Collection

import regex

TOK = regex.compile(r"[a-z0-9]+")


def content_tokens(text: str, stop: Collection[str]) -> set[str]:
    out = set()
    for t in TOK.findall(text.lower()):
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        if t not in stop:
            out.add(t)
    return out


# The only characters outside ASCII that an ignore-case pattern matches to an ASCII letter
# but that str.lower() leaves alone ("ſ" ~ "s", "İ" ~ "i").
_FOLD_TO_ASCII = ("ſ", "İ")


def plain_case(text: str) -> bool:
    """Every ignore-case match of an ASCII word in ``text`` is found by str.find in its lower
    case (so a gate string missing from the lower-cased text rules the pattern out)."""
    return text.isascii() or not any(c in text for c in _FOLD_TO_ASCII)

