"""Line breaks: which end a paragraph and which only wrap a line of hard-wrapped text.

Plain text pasted from a PDF or an e-mail is often wrapped at a fixed width, so a newline can
fall inside a sentence ("[Subjects and Methods] Six\nparticipants with chronic stroke were
randomly assigned"). Both the plain-text ingester (paragraphs) and the sentence splitter read
newlines, so the one rule lives here.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractor.regex_cache import compile_regex

# No blank line between; the line ends in a word, digit, comma or closing bracket (no
# sentence-final mark) and the next starts with a lower-case letter. A next line starting in
# upper case or a digit may be a heading or a list item, so it keeps its break.
_SOFT_WRAP = compile_regex(r"(?<=[\w,)\]%-])[ \t]*\n[ \t]*(?=\p{Ll})")


def is_soft_wrap(text: str, nl: int) -> bool:
    """Whether the newline at ``nl`` wraps a line inside a sentence rather than ending one."""
    c = text[nl + 1 : nl + 2]
    if c and c not in " \t" and not c.islower():  # (every \p{Ll} letter is islower)
        return False  # most breaks: a heading, a blank line or a capital follows
    return _SOFT_WRAP.match(text, nl) is not None


def logical_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, soft-wrapped runs joined into one (offsets into ``text``)."""
    start = 0
    nl = text.find("\n")
    while nl != -1:
        if not is_soft_wrap(text, nl):
            yield start, nl
            start = nl + 1
        nl = text.find("\n", nl + 1)
    yield start, len(text)
