"""Plain-text trial reports into a Document with labelled sections.

Forms handled (all found in ../shared/corpus):
* Evidence-Inference abstracts: title line, blank line, then "LABEL: text" lines or one
  unlabelled paragraph;
* Evidence-Inference articles: "TITLE:", "ABSTRACT.RESULTS:", "BODY.METHODS.SUBSECTION:"
  heading lines followed by text;
* text pulled from a PDF or a publisher page: title, author lines, correspondence,
  portal boilerplate ("Research output:", "Scopus citations", keyword bullets, "Cite this")
  around a prose abstract with inline headings ("Methods: ...").
Lines that are not prose (author lists, affiliations, boilerplate) become ``front`` or
``boilerplate`` sections, which extraction never reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from extractor.document import Document, IngestError, Section
from extractor.ingest.meta import find_metadata
from extractor.lines import logical_lines
from extractor.rules import load_lexicon

# "TITLE:", "ABSTRACT.RESULTS:", "BODY.2. METHODS.STATISTICAL ANALYSIS." (both endings occur)
_ARTICLE_HEADING = re.compile(r"^(TITLE|ABSTRACT|BODY)(?:\.([^\n]*?))?\s*[:.]?\s*$")
_CAPS_LABEL = re.compile(r"^([A-Z][A-Z0-9 ,'&/\-]{2,60}?)\s*:\s*")


@cache
def _lex() -> dict:
    return load_lexicon("sections").entries


@cache
def _boilerplate() -> list[re.Pattern[str]]:
    return [re.compile(p, re.I if not p.startswith("^Journal") else 0) for p in _lex()["boilerplate_lines"]]


# a heading ("Methods", "Measurements and Main Results", any case) and its colon
def _heading_colon() -> str:
    heads = sorted(_lex()["abstract_headings"], key=len, reverse=True)
    alts = "|".join(re.escape(h).replace("\\ ", r"\s+") for h in heads)
    return rf"({alts})\s*:\s*"


@cache
def _inline_heading_re() -> re.Pattern[str]:
    # "Methods: ..." at the start of text or after a sentence end; title or upper case
    return re.compile(rf"(?:(?<=^)|(?<=[.!?)\]]\s)|(?<=[.!?)\]]\s\s)){_heading_colon()}", re.I)


@cache
def _inline_heading_at() -> re.Pattern[str]:
    """:func:`_inline_heading_re` without its look-behinds, matched only where they hold."""
    return re.compile(_heading_colon(), re.I)


# where a sentence end lets a heading start (the look-behinds of _inline_heading_re)
_SENTENCE_END = re.compile(r"[.!?)\]]\s")


@cache
def _heading_letters() -> int:
    """The most non-blank characters a heading has: the alternation is tried only where the
    next ":" comes within that many of them."""
    return max(len("".join(h.split())) for h in _lex()["abstract_headings"])


def _inline_headings(chunk: str) -> Iterator[re.Match[str]]:
    """``_inline_heading_re().finditer(chunk)``, tried only at the text start and after a
    sentence end: the look-behinds, tried at every character, cost ~25 µs a paragraph.

    A match at ``p`` is a heading, blanks and the first ":" after ``p`` (no heading holds
    one), so a start whose next ":" lies beyond a heading's letters is skipped without
    trying the ~90 alternatives (~2 µs a start)."""
    at = _inline_heading_at().match
    letters = _heading_letters()
    last = 0
    starts = [0]
    for m in _SENTENCE_END.finditer(chunk):
        starts.append(m.end())
        if m.end() < len(chunk) and chunk[m.end()].isspace():
            starts.append(m.end() + 1)
    for p in starts:
        if p < last:
            continue
        colon = chunk.find(":", p)
        if colon < 0:
            return  # nor after any later start
        # (its letters counted within a window: blanks are few, and a colon can be far off)
        if colon - p > letters and len("".join(chunk[p : min(colon, p + 3 * letters)].split())) > letters:
            continue
        h = at(chunk, p)
        if h is not None:
            yield h
            last = h.end()


def parse_text(text: str, stem: str, source: str) -> Document:
    if not text.strip():
        raise IngestError("empty file")
    if _ARTICLE_HEADING.match(text.lstrip("\ufeff").split("\n", 1)[0].strip() + ""):
        doc = _parse_article(text, stem, source)
    else:
        doc = _parse_plain(text, stem, source)
    doc.metadata.update(find_metadata(text))
    return doc


def _heading_kind(label: str) -> str:
    return _lex()["skip_kinds"].get(label.upper().strip(), "")


def _parse_article(text: str, stem: str, source: str) -> Document:
    sections: list[Section] = []
    title = None
    pos = 0
    current: tuple[str, str] | None = None  # (label, kind)
    body_start = 0
    lines = text.split("\n")
    for line in lines:
        end = pos + len(line)
        m = _ARTICLE_HEADING.match(line.strip())
        if m:
            if current and body_start < pos:
                _add(sections, text, current[0], body_start, pos, current[1])
            top, sub = m.group(1), (m.group(2) or "")
            parts = [p.strip() for p in sub.split(".") if p.strip() and not p.strip().isdigit()]
            label = (parts[-1] if parts else top).strip().upper()
            kind = {"TITLE": "title", "ABSTRACT": "abstract"}.get(top, "body")
            skip = _heading_kind(parts[0] if parts else label) or _heading_kind(label)
            current = (label, skip or kind)
            # the heading line itself is metadata, not text to mine
            sections.append(Section("HEADING", pos, end, "metadata"))
            body_start = end + 1
        pos = end + 1
    if current and body_start < len(text):
        _add(sections, text, current[0], body_start, len(text), current[1])
    for s in sections:
        if s.kind == "title":
            title = " ".join(text[s.start : s.end].split())
            break
    return Document(id=stem, source=source, text=text, title=title, sections=_sorted(sections))


def _add(sections: list[Section], text: str, label: str, start: int, end: int, kind: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sections.append(Section(label, start, end, kind))


def _sorted(sections: list[Section]) -> list[Section]:
    return sorted(sections, key=lambda s: s.start)


# A boilerplate pattern "^(?=[^;]*;)\S.*TAIL" (a journal line "Lancet 2004; 363: 1-9") is
# tried as a search for TAIL: in the alternation its ".*" backtracks over the whole line,
# most of the cost of this test (12 µs a line with a ";").
_ANY_THEN = "^(?=[^;]*;)\\S.*"


@cache
def _boilerplate_any() -> re.Pattern[str]:
    """The boilerplate patterns as one alternation, each with its own flags. Every pattern is
    anchored at the line start (checked), so ``match`` tries the alternation once per line
    instead of ~20 searches. Patterns led by ``_ANY_THEN`` are left to :func:`_tails`."""
    pats = _boilerplate()
    assert all(p.pattern.startswith("^") for p in pats), "boilerplate_lines must be anchored with ^"
    return re.compile("|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern[1:]})" if p.flags & re.I
                               else f"(?:{p.pattern[1:]})" for p in pats if not p.pattern.startswith(_ANY_THEN)))


@cache
def _tails() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
    """(TAIL, TAIL without a leading \\b or None): re scans for a pattern led by digits or
    letters at C speed, but tries one led by \\b at every character (~12 µs a line)."""
    out = []
    for p in _boilerplate():
        if p.pattern.startswith(_ANY_THEN):
            tail = p.pattern[len(_ANY_THEN) :]
            bare = re.compile(tail[2:], p.flags) if tail.startswith("\\b") else None
            out.append((re.compile(tail, p.flags), bare))
    return tuple(out)


def _leftmost(tail: re.Pattern[str], bare: re.Pattern[str] | None, line: str, pos: int) -> int:
    """Where ``tail.search(line, pos)`` matches first (-1: nowhere), found by searching for
    ``bare`` and testing the word boundary only where the rest matches."""
    if bare is None:
        m = tail.search(line, pos)
        return m.start() if m else -1
    m = bare.search(line, pos)
    while m is not None:
        if tail.match(line, m.start()):
            return m.start()
        m = bare.search(line, m.start() + 1)
    return -1


def _is_boilerplate(line: str) -> bool:
    line = line.strip()
    return _boilerplate_any().match(line) is not None or _cites_journal(line)


def _cites_journal(line: str) -> bool:
    """Whether the stripped ``line`` matches a pattern led by ``_ANY_THEN`` (a journal citation
    somewhere in it: "Lancet 2004; 363: 1-9")."""
    if ";" not in line or not line:
        return False
    # "^(?=[^;]*;)\S.*TAIL" matches a stripped line holding a ";" iff TAIL matches at some
    # position from 1 to the first newline ("." stops there): the leftmost match tells
    nl = line.find("\n")
    if nl < 0:
        nl = len(line)
    return any(0 <= _leftmost(tail, bare, line, 1) <= nl for tail, bare in _tails())


def _is_author_line(line: str) -> bool:
    """A list of names: many separators, short capitalised items, no sentence punctuation."""
    s = line.strip()
    if s.endswith(".") and not s.endswith(" al."):
        return False
    # three items need two separators (each holds one of these): most titles have fewer,
    # and counting is cheaper than the split, whose leading \s* is tried at every character
    if s.count(",") + s.count(";") + s.count("|") + s.count("and") < 2:
        return False
    # (?<!\s): a separator starts where its run of spaces does, and is tried only there (at
    # each space of a long run, each try reading the run to its end: 10,000 spaces, 1 s)
    items = [i.strip() for i in re.split(r"(?<!\s)\s*[|,;]\s*|(?<!\s)\s+and\s+", s) if i.strip()]
    if len(items) < 3:
        return False
    namey = sum(
        1 for i in items
        if 1 <= len(i.split()) <= 5 and all(w[:1].isupper() or w[:1].isdigit() or w in ("de", "van", "von", "da", "del", "der", "la")
                                             for w in re.sub(r"[\d*†‡§,]+", " ", i).split())
    )
    return namey / len(items) >= 0.8


def _is_prose(line: str) -> bool:
    """Sentences, not a heading or a title: ends like a sentence, or holds several."""
    s = line.strip()
    if len(s.split(maxsplit=5)) < 6:  # (at most six words split off: a paragraph has hundreds)
        return False
    return s[-1:] in ".!?" or _SENTENCE_INSIDE.search(s) is not None


_SENTENCE_INSIDE = re.compile(r"[a-z)\]][.!?]\s+[A-Z]")


# where a sentence ends inside a line and the next opens, with a capital or a bracket ("...
# efficacy. (Hepatology 2017;66:389–397)."): the group is the next sentence's first character
_NEXT_SENTENCE = re.compile(r"[a-z)\]%][.!?]\s+([(A-Z©])")


def _boilerplate_start(s: str) -> int | None:
    """Where boilerplate begins in the stripped line ``s``: 0 for the whole line, the start of
    its last sentences where only they cite a journal, or None. A paragraph that ends with its
    journal citation ("... did not improve efficacy. (Hepatology 2017;66:389–397).", "... is
    needed. Cancer 2015;121:3717–3726. © 2015 American Cancer Society.") is prose up to it;
    the citation patterns match the whole line, which had dropped such abstracts whole. A
    citation in running text, with sentences after it ("... lungs [Burki et al. J Appl Physiol
    2005; 98:180-5]. Since airways ..."), or in a labelled section's only sentence, is prose."""
    if _boilerplate_any().match(s) is not None:
        return 0  # a line that opens as boilerplate ("How to cite", "Copyright")
    if not _cites_journal(s):
        return None
    starts = [m.start(1) for m in _NEXT_SENTENCE.finditer(s)]
    if not starts:  # one sentence: a citation line ("Lancet 2004; 363: 1-9"), unless labelled
        return None if _CAPS_LABEL.match(s) is not None else 0
    if not _is_boilerplate(s[starts[-1]:]):
        return None  # the last sentence cites nothing: the citation is in running text
    # the last sentence, and each one before it that is boilerplate alone ("Cancer
    # 2015;121:3717–3726." before "Copyright © 2015 ...")
    k = starts[-1]
    for st in reversed(starts[:-1]):
        if not _is_boilerplate(s[st:k]):
            break
        k = st
    return k


def _pieces(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is boilerplate) of each non-blank logical line, stripped; a paragraph that
    ends with its journal citation is two pieces (:func:`_boilerplate_start`)."""
    for start, end in logical_lines(text):
        line = text[start:end]
        s = line.strip()
        if not s:
            continue
        lstart = start + (len(line) - len(line.lstrip()))
        lend = start + len(line.rstrip())
        b = _boilerplate_start(s)
        if b is None or b == 0:
            yield lstart, lend, b == 0
        else:
            yield lstart, lstart + len(s[:b].rstrip()), False
            yield lstart + b, lend, True


def _parse_plain(text: str, stem: str, source: str) -> Document:
    sections: list[Section] = []
    title: str | None = None
    seen_prose = False
    last_label = "ABSTRACT"  # an unlabelled paragraph continues the section above it
    # a hard-wrapped paragraph is one line here (its newlines fall inside sentences)
    for lstart, lend, boilerplate in _pieces(text):
        s = text[lstart:lend]
        if boilerplate:
            sections.append(Section("BOILERPLATE", lstart, lend, "boilerplate"))
            continue
        author = _is_author_line(s)  # (asked once: both tests below need it)
        m = _CAPS_LABEL.match(s)
        if title is None and not seen_prose and not author and m is None:
            title = " ".join(s.split())  # a wrapped title reads as one line
            sections.append(Section("TITLE", lstart, lend, "title"))
            continue
        if author:
            sections.append(Section("AUTHORS", lstart, lend, "front"))
            continue
        label = _caps_heading(m.group(1)) if m else None
        if m is not None and label is not None:
            last_label = label
            kind = _heading_kind(label) or "abstract"
            sections.append(Section(label, lstart, lstart + m.end(), "metadata"))
            if lstart + m.end() < lend:
                sections.append(Section(label, lstart + m.end(), lend, kind))
            seen_prose = True
            continue
        if seen_prose or _is_prose(s):
            seen_prose = True
            found = _inline_sections(text, lstart, lend, last_label)
            last_label = found[-1].label
            sections.extend(found)
            continue
        # short non-prose lines before the abstract: a second title, a journal line
        if title is not None and len(s.split()) >= 4 and not re.search(r"\d{4}\s*;", s):
            sections.append(Section("TITLE", lstart, lend, "title"))
        else:
            sections.append(Section("FRONT", lstart, lend, "front"))
    # (in order of start already: lines are read in order, and each line's parts too)
    return Document(id=stem, source=source, text=text, title=title, sections=sections)


@cache
def _headings() -> frozenset[str]:
    return frozenset(_lex()["abstract_headings"])


def _caps_heading(label: str) -> str | None:
    """The label as a section label ("MAIN OUTCOME MEASURES"), if it is a heading."""
    label = " ".join(label.split()).upper()
    words = label.split()
    # "METHODS", "MAIN OUTCOME MEASURES"; not a shouted sentence fragment or "CI"
    if label in _headings() or label in _lex()["skip_kinds"] or (
        1 <= len(words) <= 6 and len(label) >= 4 and label.isupper()
    ):
        return label
    return None


def _inline_sections(text: str, start: int, end: int, label: str = "ABSTRACT") -> list[Section]:
    """Split a prose paragraph at inline headings ("Methods: ...", "Measurements and Main Results:")."""
    chunk = text[start:end]
    out: list[Section] = []
    cur_label, cur_start = label, start
    # every heading ends in ":"; most paragraphs hold none, and the look-behind scan is slow
    for m in _inline_headings(chunk) if ":" in chunk else ():
        hs = start + m.start()
        if hs > cur_start:
            out.append(Section(cur_label, cur_start, hs, "abstract"))
        cur_label = " ".join(m.group(1).split()).upper()
        out.append(Section(cur_label, hs, start + m.end(), "metadata"))
        cur_start = start + m.end()
    if end > cur_start:
        out.append(Section(cur_label, cur_start, end, "abstract"))
    return out
