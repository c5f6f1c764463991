"""Content words: the one tokenisation that arm labels and comparison outcomes are matched by.

Lower-cased runs of letters and digits, a plural -s dropped (as the gold scorer does: "groups"
-> "group", but "class" stays), minus the caller's stop words.
"""

from __future__ import annotations

from collections.abc import Collection

from extractor.regex_cache import compile_regex

TOK = compile_regex(r"[a-z0-9]+")


def content_tokens(text: str, stop: Collection[str]) -> set[str]:
    out = set()
    for t in TOK.findall(text.lower()):
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        if t not in stop:
            out.add(t)
    return out

