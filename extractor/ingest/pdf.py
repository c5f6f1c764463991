"""PDF trial reports into one Document, through pdfplumber.

Steps (layout geometry lives in ``pdf_layout.py``):
1. characters → words, with glyphs from publisher symbol fonts mapped back to what they show and
   spaces restored from character gaps where the text layer has none;
2. running headers, footers and page numbers dropped (repeating in the page margins);
3. each page cut into blocks in reading order (columns left to right, XY-cut); blocks that only
   interrupt a paragraph running from one column into the next (boxes, figures) are moved after
   it;
4. blocks → paragraphs: wrapped lines joined with spaces, line-end hyphenation undone; newlines
   only between paragraphs and headings, because the sentence splitter breaks at every newline;
5. paragraphs → sections: title (largest type on page 1), front matter (author lines,
   affiliation sidebars, correspondence), abstract (its structured headings), body sections,
   references/acknowledgements.

``Document.page_starts[i]`` is the offset where page i+2 begins, so ``Document.page_at(pos)`` is
the 1-based page of any offset.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from extractor.document import Document, IngestError, Section
from extractor.ingest.meta import find_metadata
from extractor.ingest.pdf_layout import Block, Line, Word, is_boldish, page_blocks, running_lines
from extractor.ingest.text import _boilerplate, _is_author_line, _lex

MAX_PAGES = 200
WORD_GAP_RATIO = 0.1  # see pdf_layout.WORD_GAP_EM: pdfplumber's own word splitting, in em

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}

# Symbol fonts of the Elsevier "Advent" typesetting system (also used for BMJ journals such as
# Postgrad Med J) put mathematical signs on ASCII code points: "¼" is "=", "e" an en dash...
# Keyed by the font's base name (after the subset prefix).
FONT_GLYPHS: dict[str, dict[str, str]] = {
    "AdvP4C4E74": {"¼": "=", "(cid:1)": "•", "(cid:2)": "−", "(cid:3)": "×", "(cid:4)": "±"},
    "AdvP4C4E59": {"¼": "=", "(cid:1)": "•", "(cid:2)": "−"},
    "AdvP4C4E51": {"¼": "=", "(cid:1)": "•", "(cid:2)": "−"},
    "AdvPS44A44B": {"e": "–"},
    "AdvPS3F4C13": {"m": "μ"},
    "AdvPS7DA6": {"6": "±"},
}
_CID = re.compile(r"^\(cid:\d+\)$")

# Front matter on page 1: affiliations, correspondence, dates, licences.
_FRONT_CUE = re.compile(
    r"""univers|department|\bdept\b|institut|hospital|school\ of|faculty|college|centre|center\b
      |division\ of|laborator|@|correspond|received|accepted|published|licen[cs]e|copyright|©
      |\bdoi\b|https?://|www\.|contributed\ equally|freely\ available|open\ access|cite\ this
      |^\s*\d{1,2}\s*[A-Z][a-z]+.*,\s*[A-Z]""",
    re.I | re.X,
)
_LATER_FRONT = re.compile(r"downloaded\s+from|©|copyright|licen[cs]e|@|correspondence\s+to", re.I)
_KEYWORDS = re.compile(r"^\s*(?:key\s*words?|index\s+terms|mesh\s+terms)\s*[:.]", re.I)
BODY_HEADINGS = frozenset(
    {"INTRODUCTION", "BACKGROUND", "METHODS", "METHOD", "MATERIALS AND METHODS", "PATIENTS AND METHODS",
     "RESULTS", "DISCUSSION", "CONCLUSION", "CONCLUSIONS", "LIMITATIONS", "STATISTICAL ANALYSIS"}
)
# The journal and year as a citation line prints them: "BMJ 2015;350:h2145", "Postgrad Med J
# 2010;86:272", "International Psychogeriatrics (2014), 26:1, 147", "BMC Health Services Research
# 2014, 14:1".
_CITATION = re.compile(
    r"(?P<journal>[A-Z][A-Za-z&.\- ]{1,80}?)\s*\(?(?P<year>(?:19|20)\d\d)\)?\s*[;,]\s*\d+\s*[:(]"
)

log = logging.getLogger(__name__)


@dataclass
class Para:
    text: str
    page: int
    font: str
    size: float
    heading: bool = False  # the whole paragraph is a heading line
    inline: int = 0  # text[:inline] is a run-in heading ("Methods: ...")
    label: str = ""  # the heading, upper-cased
    style: tuple = ()  # how the heading is set: (font, size, inline)
    front: bool = False
    title: bool = False
    first_font: str = ""
    last_font: str = ""


# ---------------------------------------------------------------- entry point


def load_pdf(data: bytes, stem: str, source: str, max_pages: int = MAX_PAGES) -> Document:
    import pdfplumber  # heavy; imported only for PDFs

    # pdfminer logs every odd colour operator; a report is not the place for them
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    tail = data[-4096:]
    if b"%%EOF" not in tail:
        raise IngestError("corrupt or truncated PDF: no %%EOF marker at the end (file cut short?)")
    warnings: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n = len(pdf.pages)
            if n > max_pages:
                warnings.append(f"PDF has {n} pages; pages after {max_pages} were skipped (max_pages)")
            pages: list[list[Word]] = []
            heights, widths = [], []
            for page in pdf.pages[:max_pages]:
                pages.append(_page_words(page))
                heights.append(float(page.height))
                widths.append(float(page.width))
            info = dict(pdf.metadata or {})
    except IngestError:
        raise
    except Exception as e:  # pdfminer raises many types (PSEOF, PDFSyntaxError, KeyError...)
        name = type(e).__name__
        if "Password" in name or "Encrypt" in name:
            raise IngestError(f"encrypted PDF: {name}") from e
        reason = " ".join(str(e).split())[:160] or name
        raise IngestError(f"corrupt or truncated PDF: {name}: {reason}") from e
    if not any(pages):
        raise IngestError("no text layer; run OCR first")
    return _build(pages, heights, widths, info, stem, source, warnings)


def _page_words(page) -> list[Word]:
    from pdfplumber.utils import extract_words

    chars = []
    raw = [c for c in page.chars if c.get("upright", True)]
    for k, c in enumerate(raw):
        text = _map_glyph(c, raw[k - 1] if k else None, raw[k + 1] if k + 1 < len(raw) else None)
        if text:
            chars.append({**c, "text": text})
    words = extract_words(
        chars, x_tolerance=3, x_tolerance_ratio=WORD_GAP_RATIO, y_tolerance=3, extra_attrs=["fontname", "size"]
    )
    return [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]), float(w["size"]),
             w["fontname"])
        for w in words
        if w["text"].strip()
    ]


def _map_glyph(c: dict, prev: dict | None, nxt: dict | None) -> str:
    text = c["text"]
    font = c["fontname"].split("+")[-1]
    table = FONT_GLYPHS.get(font)
    if table and text in table:
        return table[text]
    text = "".join(LIGATURES.get(ch, ch) for ch in text).replace("\u00ad", "-")
    if _CID.match(text):
        # A glyph without a Unicode mapping. Drawn over the next character it is decoration
        # (the ring of "©" built from "C"): drop it. Followed by a wide gap it is a list bullet.
        # Otherwise keep a visible marker rather than silently joining its neighbours.
        for o in (prev, nxt):
            if o is not None and c["x0"] <= (o["x0"] + o["x1"]) / 2 <= c["x1"] and c["top"] <= (
                o["top"] + o["bottom"]
            ) / 2 <= c["bottom"]:
                return ""
        if nxt is not None and abs(nxt["top"] - c["top"]) < c["size"] and nxt["x0"] - c["x1"] > 0.4 * c["size"]:
            return "•"
        return "\ufffd"
    return text


# ---------------------------------------------------------------- blocks → paragraphs


@cache
def _known_headings() -> frozenset[str]:
    lex = _lex()
    return frozenset(lex["abstract_headings"]) | frozenset(lex["skip_kinds"]) | BODY_HEADINGS


@cache
def _run_in_heading_re() -> re.Pattern[str]:
    heads = sorted(_known_headings(), key=len, reverse=True)
    alts = "|".join(re.escape(h).replace("\\ ", r"\s+") for h in heads)
    return re.compile(rf"^({alts})\s*:\s*", re.I)


def _label(text: str) -> str:
    return " ".join(text.strip().rstrip(":.").split()).upper()


def _heading_case(text: str) -> str:
    """Small capitals often come out as 'ObjeCtive' or 'results'; print such headings in capitals."""
    words = text.split()
    if any(re.search(r"[a-z][A-Z]", w) for w in words) or (words and words[0][:1].islower()):
        return text.upper()
    return text


def _is_italic(font: str) -> bool:
    return bool(re.search(r"italic|oblique|\.I\b|-It\b", font, re.I))


_OPEN_END = re.compile(r"\b(?:of|the|and|in|to|a|an|for|with|or|on|by|at|from|as|than|that|is|was|were)$", re.I)


def _heading_line(line: Line, nxt: Line | None, body: tuple[str, float], width: float) -> bool:
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90 or not re.search(r"[A-Za-z]", text):
        return False
    if text[-1] in ",;-" or (text[-1] == "." and not re.match(r"^\d+(\.\d+)*\.?\s", text)):
        return False
    if _label(text) in _known_headings():
        return True
    if nxt is None or _is_italic(line.font) or _OPEN_END.search(text) or not text[0].isalnum():
        return False
    # set apart from the text below it: another font that is bold or larger, or another font on
    # a short line (a full-width line in another font is text: an abstract set in its own type)
    if line.font == nxt.font or len(words) > 8:
        return False
    short = line.x1 - line.x0 < 0.6 * width
    return is_boldish(line.font) or line.size > nxt.size * 1.05 or (short and line.font != body[0])


def _dehyphenate(left: str, right: str, vocab: Counter) -> str:
    """Join a line ending in '-' with the next line.

    Heuristic, in order: keep the hyphen when the next line starts with a capital or a digit
    ("COVID-19", "anti-TNF"); drop it when the joined word occurs elsewhere in the document
    ("treatment"); keep it when the hyphenated form occurs elsewhere ("placebo-controlled") or
    both halves are words the document uses on their own ("self-reported"); otherwise drop it,
    since most line-end hyphens are the typesetter's.
    """
    m1 = re.search(r"([A-Za-z]+)-$", left)
    m2 = re.match(r"([A-Za-z]+)", right)
    if not m1 or not m2 or right[:1].isupper() or right[:1].isdigit():
        return left + right
    a, b = m1.group(1), m2.group(1)
    joined = (a + b).lower()
    if vocab[joined]:
        return left[:-1] + right
    if vocab[f"{a}-{b}".lower()] or (len(a) >= 3 and len(b) >= 3 and vocab[a.lower()] and vocab[b.lower()]):
        return left + right
    return left[:-1] + right


def _join(left: str, right: str, vocab: Counter) -> str:
    if not left:
        return right
    if re.search(r"[A-Za-z]-$", left):
        return _dehyphenate(left, right, vocab)
    if left.endswith(("/", "–", "—")) or (left.endswith("-") and right[:1].isdigit()):
        return left + right  # a URL or a range broken at the line end
    return left + " " + right


def _block_paras(block: Block, body: tuple[str, float], vocab: Counter) -> list[Para]:
    lines = block.lines
    if not lines:
        return []
    size = block.size
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else size * 1.2
    indented = [ln.x0 - block.x0 > 0.8 * size for ln in lines]
    hanging = sum(indented) > len(lines) / 2  # reference lists: first lines out, the rest in
    out: list[Para] = []
    cur: Para | None = None
    prev: Line | None = None
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        text = ln.text.strip()
        if not text:
            continue
        head = _heading_line(ln, nxt, body, block.x1 - block.x0)
        run_in = _run_in(ln)
        brk = cur is None or head or run_in > 0 or (cur is not None and cur.heading)
        if not brk and prev is not None:
            if ln.top - prev.top > 1.4 * pitch:
                brk = True
            elif hanging and not indented[k] and indented[k - 1]:
                brk = True
            elif not hanging and indented[k] and not (nxt is not None and nxt.x0 - block.x0 > 0.8 * size):
                brk = True
            elif prev.text.rstrip()[-1:] in ".!?:" and prev.x1 < block.x1 - 2.5 * size and ln.text[:1].isupper():
                brk = True
        if brk:
            if cur is not None:
                out.append(cur)
            cur = Para(text="", page=block.page, font=ln.font, size=ln.size, first_font=ln.font)
            if head:
                cur.heading = True
                text = _heading_case(text)
                cur.label = _label(text)
                cur.style = (ln.font, round(ln.size, 1), False)
            elif run_in:
                cur.inline = run_in
                cur.label = _label(text[:run_in])
                first = next((w for w in ln.words if w.text.strip()), None)
                cur.style = (first.font if first else ln.font, round(ln.size, 1), True)
        assert cur is not None
        cur.text = _join(cur.text, text, vocab)
        cur.last_font = ln.font
        prev = ln
    if cur is not None:
        out.append(cur)
    return out


def _run_in(line: Line) -> int:
    """Length of a run-in heading at the start of a line: 'Methods: ...' or a 'Results' set in
    another font than the text that follows."""
    text = line.text.strip()
    m = _run_in_heading_re().match(text)
    if m and text[:1].isupper():
        return m.end()
    words = [w for w in line.words if w.text.strip()]
    if len(words) < 2:
        return 0
    k = 0
    while k < len(words) and words[k].font == words[0].font:
        k += 1
    if k >= len(words) or k > 5 or _is_italic(words[0].font) or not words[0].text[:1].isupper():
        return 0
    head = " ".join(w.text for w in words[:k])
    if _label(head) in _known_headings():
        pos = text.find(words[k].text, len(head.rstrip(":")))
        return pos if pos > 0 else 0
    return 0


# ---------------------------------------------------------------- pages → paragraphs in order


def _ends_open(p: Para) -> bool:
    return not p.heading and p.text.rstrip()[-1:] not in ".!?:" and not p.text.rstrip().endswith(".)")


def _continues(prev: Para, nxt: Para) -> bool:
    """``nxt`` carries on the paragraph ``prev`` left unfinished (next column or page)."""
    if nxt.heading or nxt.inline or not _ends_open(prev):
        return False
    return nxt.text[:1].islower() and nxt.first_font == prev.last_font and abs(nxt.size - prev.size) < 0.5


def _order_page(paras_by_block: list[list[Para]]) -> tuple[list[list[Para]], list[list[Para]]]:
    """Flow blocks and floats. A run of blocks between an unfinished paragraph and the block that
    finishes it (lower-case start, same type) is a float: a box or a caption set into the flow."""
    flow: list[list[Para]] = []
    floats: list[list[Para]] = []
    i = 0
    while i < len(paras_by_block):
        b = paras_by_block[i]
        flow.append(b)
        if b and i + 1 < len(paras_by_block) and paras_by_block[i + 1] and _ends_open(b[-1]) and not _continues(
            b[-1], paras_by_block[i + 1][0]
        ):
            for j in range(i + 2, min(len(paras_by_block), i + 10)):
                if paras_by_block[j] and _continues(b[-1], paras_by_block[j][0]):
                    floats.extend(paras_by_block[i + 1 : j])
                    i = j - 1
                    break
        i += 1
    return flow, floats


# ---------------------------------------------------------------- the document


def _vocabulary(blocks_by_page: list[list[Block]]) -> Counter:
    """Words the document uses, for undoing hyphenation: every word of every line except the
    halves of a word broken at a line end."""
    vocab: Counter = Counter()
    for blocks in blocks_by_page:
        for b in blocks:
            broken = False
            for ln in b.lines:
                toks = ln.text.split()
                if broken and toks:
                    toks = toks[1:]
                broken = bool(toks) and toks[-1].endswith("-")
                if broken:
                    toks = toks[:-1]
                for t in toks:
                    for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", t):
                        vocab[m.group().lower()] += 1
                        if "-" in m.group():
                            vocab.update(x.lower() for x in m.group().split("-"))
    return vocab


def _body_style(pages: list[list[Word]]) -> tuple[str, float]:
    c: Counter = Counter()
    for ws in pages:
        for w in ws:
            c[(w.font, round(w.size, 1))] += len(w.text)
    return c.most_common(1)[0][0]


def _is_front_block(block: Block, body_size: float, page_width: float) -> bool:
    lines = [ln.text for ln in block.lines]
    cues = sum(
        1
        for t in lines
        if _FRONT_CUE.search(t) or _is_author_line(t) or any(p.search(t.strip()) for p in _boilerplate())
    )
    small = block.size < 0.92 * body_size
    narrow = block.x1 - block.x0 < 0.3 * page_width
    if block.page == 0:
        return small and (narrow or cues >= 1)
    # later pages: only unmistakable publisher furniture
    strong = sum(1 for t in lines if _LATER_FRONT.search(t))
    return small and strong >= max(1, len(lines) / 2)


def _build(
    pages: list[list[Word]], heights: list[float], widths: list[float], info: dict, stem: str, source: str,
    warnings: list[str],
) -> Document:
    body = _body_style(pages)
    running = running_lines(pages, heights)
    margins = " ".join(w.text for i, ws in enumerate(pages) for w in ws if id(w) in running[i])

    # title: the largest type on page 1 (a line of several words)
    page1 = [w for w in pages[0] if id(w) not in running[0]] if pages else []
    title_size = max((w.size for w in page1 if re.search(r"[A-Za-z]{3}", w.text)), default=0.0)

    blocks_by_page = [page_blocks([w for w in ws if id(w) not in running[i]], i) for i, ws in enumerate(pages)]
    vocab = _vocabulary(blocks_by_page)
    pages_flow: list[tuple[list[Para], list[Para]]] = []
    for i, blocks in enumerate(blocks_by_page):
        by_block: list[list[Para]] = []
        for b in blocks:
            paras = _block_paras(b, body, vocab)
            front = _is_front_block(b, body[1], widths[i])
            for p in paras:
                p.front = front and not (p.heading and p.label in _known_headings())
                if i == 0 and title_size > body[1] * 1.2 and abs(b.size - title_size) < 0.5 and not front:
                    p.title, p.heading = True, False
            by_block.append(paras)
        flow, floats = _order_page(by_block)
        pages_flow.append(([p for b in flow for p in b], [p for b in floats for p in b]))
    per_page: list[list[Para]] = []
    for i, (flow, floats) in enumerate(pages_flow):
        nxt = pages_flow[i + 1][0] if i + 1 < len(pages_flow) else []
        if floats and flow and nxt and _continues(flow[-1], nxt[0]):
            # the last paragraph runs on to the next page: the page's floats go before it
            per_page.append(flow[:-1] + floats + flow[-1:])
        else:
            per_page.append(flow + floats)

    text, spans, page_starts = _assemble(per_page, vocab)
    doc = Document(id=stem, source=source, text=text, warnings=warnings)
    # page_starts[0] is page 1 at offset 0, so Document.page_at gives 1-based pages
    doc.page_starts = [0, *page_starts]
    doc.sections = _sections(text, spans)
    titles = [text[s.start : s.end] for s in doc.sections if s.kind == "title"]
    doc.title = " ".join(titles) if titles else (str(info.get("Title") or "").strip() or None)
    doc.metadata.update(find_metadata(margins + "\n" + text))
    doc.metadata.update(_journal_year(margins + "\n" + text[:3000], info))
    if "doi" not in doc.metadata and isinstance(info.get("doi"), str):
        doc.metadata["doi"] = info["doi"]
    n_marks = text.count("\ufffd")
    if n_marks:
        doc.warnings.append(f"{n_marks} glyph(s) without a Unicode mapping shown as U+FFFD")
    return doc


def _assemble(
    per_page: list[list[Para]], vocab: Counter
) -> tuple[str, list[tuple[int, int, Para]], list[int]]:
    """Paragraphs into text: newline-separated; a paragraph that runs on into the next column or
    page is joined with a space. Returns the text, (start, end, para) spans, and page starts."""
    parts: list[str] = []
    spans: list[tuple[int, int, Para]] = []
    page_starts: list[int] = []
    pos = 0
    last: Para | None = None
    for pi, paras in enumerate(per_page):
        first = True
        for p in paras:
            if last is not None and _continues(last, p) and last.front == p.front:
                joined = _join(parts[-1], p.text, vocab)
                pos += len(joined) - len(parts[-1])
                parts[-1] = joined
                spans[-1] = (spans[-1][0], pos, spans[-1][2])
                spans[-1][2].last_font = p.last_font
                start = pos - len(p.text)  # the page begins inside the joined paragraph
            else:
                if parts:
                    pos += 1  # the newline
                start = pos
                parts.append(p.text)
                spans.append((pos, pos + len(p.text), p))
                pos += len(p.text)
            if first and pi > 0:
                page_starts.append(start)
            first = False
            last = p
        if first and pi > 0:
            page_starts.append(pos)  # a page without text
    return "\n".join(parts), spans, page_starts


def _sections(text: str, spans: list[tuple[int, int, Para]]) -> list[Section]:
    lex = _lex()
    abstract_heads = frozenset(lex["abstract_headings"])
    skip = lex["skip_kinds"]
    has_abstract = any(
        p.label in ("ABSTRACT", "SUMMARY") or (p.label in abstract_heads and p.page == 0)
        for _, _, p in spans if p.heading or p.inline
    )
    out: list[Section] = []
    state = "pre"  # pre | abstract | body | refs
    label = ""
    seen: set[str] = set()
    head_style: tuple | None = None
    text_style: tuple | None = None

    def add(lbl: str, s: int, e: int, kind: str) -> None:
        if e > s:
            out.append(Section(lbl or kind.upper(), s, e, kind))

    for s, e, p in spans:
        if p.title:
            add("TITLE", s, e, "title")
            continue
        if p.front and state in ("pre", "abstract"):
            add("FRONT", s, e, "front")
            continue
        if _KEYWORDS.match(p.text):
            add("KEYWORDS", s, e, "metadata")
            if state == "abstract":
                state = "body"
                label = ""
            continue
        if p.heading or p.inline:
            hl = p.label
            h_end = e if p.heading else s + p.inline
            if state == "refs" and hl not in BODY_HEADINGS - {"BACKGROUND"}:
                # headings inside the reference list (bold author names) are reference text
                if hl not in skip:
                    add(label or "REFERENCES", s, e, "references")
                    continue
                kind = "references"
            elif hl in skip and hl != "REFERENCE" and (p.heading or p.inline):
                state, kind = "refs", "references"
            elif state == "pre" and (hl in ("ABSTRACT", "SUMMARY") or (hl in abstract_heads and has_abstract)):
                state, kind = "abstract", "abstract"
                if hl not in ("ABSTRACT", "SUMMARY"):
                    head_style = p.style
                    seen.add(hl)
            elif state == "abstract" and hl in abstract_heads and hl not in seen and (
                head_style is None or p.style == head_style
            ):
                head_style = head_style or p.style
                seen.add(hl)
                kind = "abstract"
            elif state == "pre" and not has_abstract and p.page == 0 and hl not in BODY_HEADINGS:
                kind = "front"
            else:
                state, kind = ("refs" if state == "refs" else "body"), ("references" if state == "refs" else "body")
            label = hl
            add(hl, s, h_end, "metadata")
            if p.inline:
                add(label, h_end, e, kind)
                if kind == "abstract" and text_style is None:
                    text_style = (p.font, round(p.size, 1))
            continue
        # a paragraph of text
        if state == "pre":
            add("FRONT", s, e, "front")
        elif state == "abstract":
            style = (p.font, round(p.size, 1))
            if text_style is None:
                text_style = style
            if style == text_style or p.front:
                add(label or "ABSTRACT", s, e, "front" if p.front else "abstract")
            else:
                state, label = "body", ""
                add("BODY", s, e, "body")
        elif state == "body":
            add(label or "BODY", s, e, "front" if p.front else "body")
        else:
            add(label or "REFERENCES", s, e, "references")
    if state == "pre" and not any(x.kind in ("abstract", "body") for x in out):
        # no headings at all: read everything that is not front matter or the title
        out = [x if x.kind != "front" or x.label != "FRONT" else Section("BODY", x.start, x.end, "body") for x in out]
    return out


def _journal_year(text: str, info: dict) -> dict:
    out: dict = {}
    for m in _CITATION.finditer(text):
        journal = " ".join(m.group("journal").replace(" et al.", "").split()).strip(" .")
        journal = re.sub(r"^.*\bet al\.?\s*", "", journal)
        if len(journal) >= 3 and not re.search(r"\b(?:and|the|of)$", journal, re.I):
            out["journal"], out["year"] = journal, int(m.group("year"))
            break
    return out
