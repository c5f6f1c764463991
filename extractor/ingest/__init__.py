"""Turn a path (or bytes) into Documents, sniffing the real type from the content.

One module per input kind (text.py, pubmed.py, pdf.py), all returning Document. A file that
cannot be read raises :class:`IngestError` with a one-line reason; callers record it and go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from extractor.document import Document, IngestError
from extractor.ingest.decode import decode_text

# Files above this size are refused (configurable by callers): a 50 MB "abstract" is a mistake.
DEFAULT_MAX_BYTES = 20_000_000
SUPPORTED_SUFFIXES = {".txt", ".text", ".pdf", ".xml", ".nbib", ".medline", ".ris", ".abs", ".md"}


def sniff(data: bytes) -> str:
    """The real kind of a file's bytes: pdf | pubmed-xml | medline | html | text."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    lower = head.lower()
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:512]:
        return "html"
    if b"<pubmedarticleset" in data[:4096].lower() or b"<pubmedarticle>" in data[:4096].lower():
        return "pubmed-xml"
    text_head = head.decode("utf-8", "ignore")
    if text_head.startswith("PMID- ") or "\nPMID- " in text_head:
        return "medline"
    return "text"


def load_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None) -> Iterator[Document]:
    """Yield the Documents in one file (several for a PubMed export)."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(f"cannot read file: {e.strerror or e}") from e
    if size > max_bytes:
        raise IngestError(f"file is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit (--max-bytes)")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"cannot read file: {e.strerror or e}") from e
    yield from load_bytes(data, path.stem, source or str(path))


def load_bytes(data: bytes, stem: str, source: str) -> Iterator[Document]:
    if not data.strip():
        raise IngestError("empty file")
    kind = sniff(data)
    if kind == "pdf":
        from extractor.ingest.pdf import load_pdf  # pdfplumber is imported only when needed

        yield load_pdf(data, stem, source)
        return
    if kind == "html":
        raise IngestError("HTML page, not a trial report (save the text or the PDF instead)")
    text = decode_text(data)
    if kind == "pubmed-xml":
        from extractor.ingest.pubmed import parse_pubmed_xml

        yield from parse_pubmed_xml(text, source)
    elif kind == "medline":
        from extractor.ingest.pubmed import parse_medline

        yield from parse_medline(text, source)
    else:
        from extractor.ingest.text import parse_text

        yield parse_text(text, stem, source)
