"""The Document every ingester returns, and the offset bookkeeping around it.

Offsets everywhere in trialex index ``Document.text``. Normalisation (see
``normalize.py``) is length-preserving, so an offset into the normalised string is an
offset into ``Document.text`` too; PDF ingestion records where each page starts so a value
can be traced to its page.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

# Section kinds whose text is never mined for values (author lists, affiliations, portal
# boilerplate, keyword bullets, references).
SKIP_KINDS = frozenset({"front", "boilerplate", "references", "metadata"})


@dataclass(frozen=True)
class Section:
    """A labelled stretch of the document text: ``text[start:end]``."""

    label: str  # as written, upper-cased: "METHODS", "RESULTS", "ABSTRACT", "TITLE" ...
    start: int
    end: int
    kind: str = "abstract"  # title | abstract | body | front | boilerplate | references | metadata


@dataclass
class Document:
    id: str
    source: str
    text: str
    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    page_starts: list[int] = field(default_factory=list)  # PDF only: offset where page i+1 begins
    warnings: list[str] = field(default_factory=list)

    def section_at(self, pos: int) -> Section | None:
        for s in self.sections:
            if s.start <= pos < s.end:
                return s
        return None

    def page_at(self, pos: int) -> int | None:
        if not self.page_starts:
            return None
        return bisect_right(self.page_starts, pos)

    def has_abstract(self) -> bool:
        return any(s.kind == "abstract" and s.end - s.start > 40 for s in self.sections)

    def content_spans(self, full_text: bool = False) -> list[tuple[int, int]]:
        """Spans of text that extraction reads.

        By default a document with an abstract is read as title + abstract: a record then
        holds what the abstract reports (as the gold schema defines it), and body text,
        which repeats abstract results with other rounding and adds per-table detail,
        does not double them. ``full_text`` reads the body sections too. Front matter,
        boilerplate and references are never read.
        """
        if not self.sections:
            return [(0, len(self.text))]
        if not full_text and self.has_abstract():
            return [(s.start, s.end) for s in self.sections if s.kind in ("title", "abstract")]
        return [(s.start, s.end) for s in self.sections if s.kind not in SKIP_KINDS]

    def labelled_abstract(self) -> str:
        """The abstract as read, one "LABEL: text" line per section (consecutive parts joined)."""
        lines: list[str] = []
        last = None
        for s in self.sections:
            if s.kind != "abstract":
                continue
            body = " ".join(self.text[s.start : s.end].split())
            if s.label == last and lines:
                lines[-1] += " " + body
            else:
                lines.append(body if s.label == "ABSTRACT" else f"{s.label}: {body}")
            last = s.label
        return "\n".join(lines)

    @property
    def abstract(self) -> str:
        return "\n".join(
            self.text[s.start : s.end] for s in self.sections if s.kind in ("abstract",)
        )


class IngestError(Exception):
    """A file that cannot become a Document; the message is one line naming the reason."""
