"""Page layout for PDF ingestion: words → running headers/footers → blocks in reading order → lines.

Pure geometry, no pdfplumber import: ``pdf.py`` turns pdfplumber words into :class:`Word` and
calls :func:`page_blocks`. The order is found by a recursive XY-cut (Nagy & Seth 1984,
"Hierarchical representation of optically scanned documents"): a region is split at a vertical
gutter (whitespace running the full height of the region) when there is one, so columns are read
left to right, one after the other; otherwise at horizontal gaps wider than normal line spacing,
read top to bottom. Splitting on gutters first keeps a narrow affiliation sidebar from being read
line by line together with the abstract beside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

# A word gap is at least this fraction of the font size. Measured on the corpus PDFs: letters
# inside a word sit at most 0.07 em apart (kerning), word gaps at least 0.14 em, so text layers
# without space characters (dvips, Arbortext output) get their spaces back.
WORD_GAP_EM = 0.1
# A gutter between columns is at least this many em wide (word gaps in justified text stay
# under ~0.7 em; gutters in journal layouts are 1.2 em and more).
GUTTER_EM = 0.9
# A horizontal cut needs a gap taller than this many line heights (normal leading is ~0.25).
BAND_GAP_LINES = 0.45
# Running headers and footers are looked for in this fraction of the page at top and bottom.
MARGIN_FRACTION = 0.11

_BOLDISH = re.compile(r"bold|black|heavy|semibold|demi|medium|\.B\b|-B$", re.I)


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Line:
    words: list[Word]
    text: str = ""

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return _dominant(((w.size for w in self.words)), self.words)

    @property
    def font(self) -> str:
        return _dominant((w.font for w in self.words), self.words)


@dataclass
class Block:
    """A leaf of the XY-cut: lines of one column, top to bottom."""

    lines: list[Line]
    page: int  # 0-based
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    meta: dict = field(default_factory=dict)

    @property
    def size(self) -> float:
        return median(ln.size for ln in self.lines)


def _dominant(values: Iterable, words: list[Word]):
    """The value carried by most characters (a line's font is the font of most of its letters)."""
    c: Counter = Counter()
    for v, w in zip(values, words, strict=True):
        c[v] += len(w.text)
    return c.most_common(1)[0][0]


def is_boldish(font: str) -> bool:
    return bool(_BOLDISH.search(font.split("+")[-1]))


# ---------------------------------------------------------------- lines


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines: a word joins the line it overlaps most vertically (>= half its height).

    Overlap rather than equal baselines, so superscripts (reference numbers, affiliation marks)
    stay on their line. Only call this on one column's words: rows across columns are not lines.
    """
    lines: list[list[Word]] = []
    boxes: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        best, best_ov = -1, 0.0
        for i in range(max(0, len(lines) - 4), len(lines)):
            t, b = boxes[i]
            ov = min(b, w.bottom) - max(t, w.top)
            if ov > best_ov:
                best, best_ov = i, ov
        if best >= 0 and best_ov >= 0.5 * min(w.height, boxes[best][1] - boxes[best][0]):
            lines[best].append(w)
            t, b = boxes[best]
            # the line's box follows its full-size words, not its superscripts
            if w.height >= 0.8 * (b - t):
                boxes[best] = (min(t, w.top), max(b, w.bottom))
        else:
            lines.append([w])
            boxes.append((w.top, w.bottom))
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w.x0)
        out.append(Line(ws, join_words(ws)))
    out.sort(key=lambda ln: ln.top)
    return out


_LETTERSPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")


def join_words(words: list[Word]) -> str:
    """Words of one line left to right, a space wherever the gap is a word gap; letter-spaced
    capitals ("R E S E A R C H") closed up."""
    text = _join_words(words)
    if _LETTERSPACED.search(text):
        text = _LETTERSPACED.sub(lambda m: m.group().replace(" ", ""), text)
    return text


def _join_words(words: list[Word]) -> str:
    parts: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None:
            gap = w.x0 - prev.x1
            if gap > WORD_GAP_EM * max(min(prev.size, w.size), 1.0):
                parts.append(" ")
        parts.append(w.text)
        prev = w
    return "".join(parts)


# ---------------------------------------------------------------- headers and footers


_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[#ivxlc]{1,5}(?:\s*(?:of|/)\s*#+)?$", re.I)


def _signature(text: str) -> str:
    """Text of a header segment with digits and spacing normalised: 'Page # of #' on every page."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text.lower()))


def _rows(words: list[Word]) -> list[list[Word]]:
    """Rows across the whole page, split into segments at wide gaps (a header's left and right parts)."""
    segs: list[list[Word]] = []
    for line in group_lines(words):
        cur: list[Word] = []
        for w in line.words:
            if cur and w.x0 - cur[-1].x1 > 2.0 * max(w.size, 1.0):
                segs.append(cur)
                cur = []
            cur.append(w)
        segs.append(cur)
    return segs


def running_lines(pages: list[list[Word]], heights: list[float]) -> list[set[int]]:
    """Per page, the ids (``id(word)``) of words in running headers, footers and page numbers.

    A segment in the top or bottom margin is running when its digit-normalised text appears in
    the margins of at least two pages, or when it is a bare page number ("7", "Page 2 of 10").
    """
    cands: list[list[tuple[str, list[Word]]]] = []
    seen: Counter = Counter()
    for words, h in zip(pages, heights, strict=True):
        margin = [w for w in words if w.bottom < h * MARGIN_FRACTION or w.top > h * (1 - MARGIN_FRACTION)]
        page_c = [(_signature(join_words(seg)), seg) for seg in _rows(margin)]
        cands.append(page_c)
        for sig in {s for s, _ in page_c}:
            seen[sig] += 1
    out: list[set[int]] = []
    for page_c in cands:
        drop: set[int] = set()
        for sig, seg in page_c:
            if (seen[sig] >= 2 and len(pages) > 1) or _PAGE_NUMBER.match(sig):
                drop.update(id(w) for w in seg)
        out.append(drop)
    return out


# ---------------------------------------------------------------- XY-cut


def _gaps(intervals: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Empty stretches at least ``min_gap`` long between the union of the intervals."""
    out = []
    ivs = sorted(intervals)
    reach = ivs[0][1]
    for a, b in ivs[1:]:
        if a - reach >= min_gap:
            out.append((reach, a))
        reach = max(reach, b)
    return out


def xy_cut(words: list[Word], size: float, depth: int = 0) -> list[list[Word]]:
    """Words of a region into blocks in reading order (see the module docstring).

    ``size`` is the page's text size: a gutter is measured against the body text, not against a
    title that happens to dominate a small region.
    """
    if len(words) <= 1 or depth > 40:
        return [words]
    height = median(w.height for w in words)
    # vertical gutters first: columns left to right
    cols = _gaps([(w.x0, w.x1) for w in words], GUTTER_EM * size)
    if cols:
        return _split(words, cols, "x", size, depth)
    bands = _gaps([(w.top, w.bottom) for w in words], BAND_GAP_LINES * height)
    if bands:
        return _split(words, bands, "y", size, depth)
    return [words]


def _split(
    words: list[Word], gaps: list[tuple[float, float]], axis: str, size: float, depth: int
) -> list[list[Word]]:
    cuts = [(a + b) / 2 for a, b in gaps]
    parts: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
    for w in words:
        c = (w.x0 + w.x1) / 2 if axis == "x" else (w.top + w.bottom) / 2
        parts[sum(1 for k in cuts if c > k)].append(w)
    out: list[list[Word]] = []
    for p in parts:
        if p:
            out.extend(xy_cut(p, size, depth + 1))
    return out


def page_blocks(words: list[Word], page: int) -> list[Block]:
    """One page's words (running headers already removed) as blocks in reading order."""
    blocks: list[Block] = []
    if not words:
        return blocks
    size = median(w.size for w in words)
    for ws in xy_cut(words, size):
        if not ws:
            continue
        lines = group_lines(ws)
        blocks.append(
            Block(
                lines,
                page,
                x0=min(w.x0 for w in ws),
                x1=max(w.x1 for w in ws),
                top=min(w.top for w in ws),
                bottom=max(w.bottom for w in ws),
            )
        )
    return blocks
