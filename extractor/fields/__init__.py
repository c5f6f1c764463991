"""Field extractors: each module reads the shared :class:`Context` and returns values.

A field module exposes ``FIELD`` (the TrialRecord attribute it fills) and
``extract(ctx) -> value``. They run in the order of :data:`FIELD_ORDER`; a later field may
read an earlier one's output from ``ctx.results`` (arms read event rates, comparisons read
everything). Field modules never import checks or outputs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractor.document import Document, Section

if TYPE_CHECKING:  # spaCy is imported only when a Doc is built (see Context.doc)
    from spacy.tokens import Doc


@dataclass
class Context:
    document: Document
    text: str  # Document.text: verbatim values are sliced from here
    norm: str  # normalised, boilerplate blanked; same length as text: extractors search here
    sent_starts: list[int]  # from the sentence rules (extractor.sentences.sentence_starts) over ``norm``
    forced_breaks: tuple[int, ...] = ()
    # normalize_text(text), unmasked, where each of its slices is the normalisation of the same
    # slice of ``text`` (see normalize_sliceable), else None: the checks slice sentences from it
    sliceable_norm: str | None = None
    results: dict[str, Any] = field(default_factory=dict)
    used_sentences: set[int] = field(default_factory=set)
    _doc: Doc | None = None
    _low: str | None = None
    _sentences: list[tuple[int, int, int]] | None = None
    _spans: list[tuple[int, int]] | None = None
    _section_index: tuple[list[int], list[Section]] | None = None

    @property
    def doc(self) -> Doc:
        """The spaCy ``Doc`` over ``norm`` (tokens, and sentences at ``sent_starts``).

        Built on first use only: the field extractors search ``norm`` within sentence spans,
        so a batch never pays for tokenisation it does not read (it costs more than all the
        rules together); API users and token-level rules get the same Doc on demand.
        """
        if self._doc is None:
            from extractor.nlp import parse

            self._doc = parse(self.norm, self.forced_breaks, self.sent_starts)
        return self._doc

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    @property
    def low(self) -> str:
        """``norm`` lower-cased, same length (for substring gates), computed once per document."""
        if self._low is None:
            low = self.norm.lower()
            if len(low) != len(self.norm):  # a case mapping that changes length ("İ"): per character
                low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.norm)
            self._low = low
        return self._low

    def sentence_span(self, index: int) -> tuple[int, int]:
        """(start, end) of sentence ``index``, trailing space trimmed (computed once per document)."""
        return self.spans[index]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """``sentence_span(i)`` of every sentence, by index (computed once; do not mutate)."""
        if self._spans is None:
            starts, text = self.sent_starts, self.text
            spans = []
            for i, start in enumerate(starts):
                end = starts[i + 1] if i + 1 < len(starts) else len(text)
                while end > start and text[end - 1].isspace():
                    end -= 1
                spans.append((start, end))
            self._spans = spans
        return self._spans

    def sentence_text(self, index: int) -> str:
        s, e = self.sentence_span(index)
        return self.norm[s:e]

    def sentences(self) -> list[tuple[int, int, int]]:
        """(index, start, end) of every non-blank sentence (computed once; do not mutate)."""
        if self._sentences is None:
            norm = self.norm
            self._sentences = [(i, s, e) for i, (s, e) in enumerate(self.spans) if e > s and not norm[s:e].isspace()]
        return self._sentences

    def section_label(self, pos: int) -> str | None:
        """``document.section_at(pos)``'s label, found by bisection: every value's evidence asks
        (an article's hundreds of sections were scanned from the first for each of them)."""
        index = self._section_index
        if index is None:
            index = self._section_index = _section_index(self.document.sections)
        starts, secs = index
        if not starts:  # (sections out of order or overlapping: the document's own scan)
            sec = self.document.section_at(pos)
            return sec.label if sec else None
        i = bisect_right(starts, pos) - 1
        return secs[i].label if i >= 0 and pos < secs[i].end else None

    def evidence(self, start: int, end: int, rule: str | None = None, uncertain: bool = False) -> dict[str, Any]:
        """Provenance fields for a value at ``text[start:end]`` (trailing space trimmed)."""
        text = self.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        idx = self.sentence_index(start)
        self.used_sentences.add(idx)
        return {
            "text": text[start:end],
            "start": start,
            "end": end,
            "section": self.section_label(start),
            "sentence": idx,
            "page": self.document.page_at(start),
            "rule": rule,
            "uncertain": uncertain,
        }


def _section_index(sections: list[Section]) -> tuple[list[int], list[Section]]:
    """(starts, sections) where the sections are in order and none overlaps another: then the
    one holding a position is the last starting at or before it, if any holds it (each earlier
    one ends by the start of the next). Empty lists otherwise (section_at decides)."""
    for a, b in zip(sections, sections[1:], strict=False):
        if a.start > b.start or a.end > b.start:
            return [], []
    return [sec.start for sec in sections], sections
