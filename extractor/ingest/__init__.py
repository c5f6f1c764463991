"""Turn a path (or bytes) into Documents, sniffing the real type from the content.

One module per input kind (text.py, pubmed.py, pdf.py), all returning Document. A file that
cannot be read raises :class:`IngestError` with a one-line reason; callers record it and go on.
The name of a file is never trusted: an HTML page saved as ``.pdf`` or a PDF saved as
``.txt`` is recognised by its bytes.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path

from extractor.document import Document, IngestError
from extractor.ingest.decode import decode_bytes

# Files above this size are refused (configurable by callers): a 50 MB "abstract" is a mistake.
DEFAULT_MAX_BYTES = 20_000_000
SUPPORTED_SUFFIXES = {".txt", ".text", ".pdf", ".xml", ".nbib", ".medline", ".ris", ".abs", ".md", ".gz"}

# Binary formats we do not read, by magic number: named in the error so the user knows why.
_MAGIC = (
    (b"PK\x03\x04", "ZIP archive (e.g. .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7-zip archive"),
)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head>", b"<head ", b"<body", b"<meta ", b"<title>")


def _head_text(data: bytes) -> str:
    """The first few KB as text, whatever the (Unicode) encoding, for sniffing."""
    head = data[:4096]
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, "ignore")
    if head.count(0) > len(head) // 4:  # BOM-less UTF-16
        enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return head.decode(enc, "ignore")
    return head.decode("utf-8", "ignore")


# "pmid- " in the lower-cased text: no character but these lower-cases to p, m, i or d ("İ"
# becomes "i" and a combining dot), so the text need not be lower-cased to look (~3 µs)
_PMID = re.compile(r"[Pp][Mm][Ii][Dd]- ")
_PMID_LINE = re.compile(r"\n[Pp][Mm][Ii][Dd]- ")


def sniff(data: bytes) -> str:
    """The real kind of a file's bytes: pdf | gzip | pubmed-xml | medline | html | binary:<what> | text."""
    if b"%PDF-" in data[:1024]:  # the PDF spec allows junk before the header
        return "pdf"
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary:{what}"
    head = _head_text(data).lstrip("\ufeff \t\r\n")
    if "<" in head:  # a mark-up file: the tests of the tags read the lower-cased text
        low = head.lower()
        if "<pubmedarticleset" in low or "<pubmedarticle>" in low:
            return "pubmed-xml"
        first = low[:1024]
        if first.startswith("<") and any(m.decode() in first for m in _HTML_MARKERS):
            return "html"
    if _PMID.match(head) or _PMID_LINE.search(head):
        return "medline"
    return "text"


def load_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None) -> Iterator[Document]:
    """Yield the Documents in one file (several for a PubMed export)."""
    yield from load_bytes(read_bounded(path, max_bytes), path.stem, source or str(path), max_bytes)


def read_bounded(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing (without reading it) a file above ``max_bytes``. (A str
    path is taken as it is: a batch need not build a Path per file to read it.)"""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return _read_bounded_slow(Path(path), max_bytes)  # the error message (or a race) as before
    try:
        # one fstat of the open file (not a stat, an is_dir stat and an open); and a read
        # sized by that fstat: ``f.read(max_bytes + 1)`` allocates a 20 MB buffer per file
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IngestError("is a directory")
        if st.st_size > max_bytes:
            raise IngestError(f"file is {_mb(st.st_size)}, above the {_mb(max_bytes)} limit (--max-bytes)")
        data = _read_fd(fd, st.st_size, max_bytes)
    except OSError as e:
        raise IngestError(f"cannot read file: {e.strerror or e}") from e
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise IngestError(f"file is above the {_mb(max_bytes)} limit (--max-bytes)")
    return data


def _read_fd(fd: int, size: int, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes, to the end of the file: ``size`` is only a hint (a file
    growing while we read, or a pipe whose size reads 0, is still bounded)."""
    parts = []
    total = 0
    want = min(size, max_bytes) + 1
    while total <= max_bytes:
        chunk = os.read(fd, want)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        if total == size:
            # asked for one byte more than the file holds and got exactly its size: at its end,
            # so the read that would return b"" is skipped (a system call costs µs in a VM)
            break
        want = min(max(want, 1 << 16), max_bytes + 1 - total)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _read_bounded_slow(path: Path, max_bytes: int) -> bytes:
    """:func:`read_bounded` by name (stat, then open): used where ``os.open`` fails, so a
    missing or unreadable path gives the same reason."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError("is a directory")
        if size > max_bytes:
            raise IngestError(f"file is {_mb(size)}, above the {_mb(max_bytes)} limit (--max-bytes)")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # a file growing while we read is still bounded
    except OSError as e:
        raise IngestError(f"cannot read file: {e.strerror or e}") from e
    if len(data) > max_bytes:
        raise IngestError(f"file is above the {_mb(max_bytes)} limit (--max-bytes)")
    return data


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n < 10e6 else f"{n / 1e6:.0f} MB"


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress, refusing output above ``max_bytes`` (a zip bomb costs nothing)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
            out = g.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise IngestError(f"corrupt gzip file ({e})") from e
    if len(out) > max_bytes:
        raise IngestError(f"gzip content is above the {_mb(max_bytes)} limit (--max-bytes)")
    return out


def load_bytes(data: bytes, stem: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES,
               kind: str | None = None) -> Iterator[Document]:
    """The Documents in a file's bytes; ``kind`` is ``sniff(data)`` where the caller has it."""
    if not data.strip():
        raise IngestError("empty file")
    if kind is None:
        kind = sniff(data)
    if kind == "gzip":
        data = _gunzip(data, max_bytes)
        if stem.endswith((".xml", ".txt", ".nbib")):
            stem = stem.rsplit(".", 1)[0]
        if not data.strip():
            raise IngestError("empty file (gzip)")
        kind = sniff(data)
        if kind == "gzip":
            raise IngestError("gzip inside gzip is not supported")
    if kind.startswith("binary:"):
        raise IngestError(f"{kind[7:]}, not a trial report (binary file)")
    if kind == "pdf":
        yield _load_pdf(data, stem, source)
        return
    if kind == "html":
        raise IngestError("HTML page, not a trial report (save the text or the PDF instead)")
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise IngestError("empty file (only blanks or control characters)")
    note = None if encoding in ("utf-8", "utf-8-sig") else f"decoded as {encoding}"
    del data  # a decompressed export can be 400 MB: keep only its text while records stream
    if kind == "pubmed-xml":
        from extractor.ingest.pubmed import parse_pubmed_xml

        docs: Iterator[Document] = parse_pubmed_xml(text, source)
    elif kind == "medline":
        from extractor.ingest.pubmed import parse_medline

        docs = parse_medline(text, source)
    else:
        from extractor.ingest.text import parse_text

        docs = iter([parse_text(text, stem, source)])
    for d in docs:
        if note:
            d.warnings.append(note)
        yield d


def _load_pdf(data: bytes, stem: str, source: str) -> Document:
    try:
        from extractor.ingest.pdf import load_pdf  # pdfplumber is imported only when needed
    except ImportError as e:
        raise IngestError(f"PDF support is not available ({e})") from e
    try:
        return load_pdf(data, stem, source)
    except IngestError:
        raise
    except Exception as e:  # pdfminer raises many kinds of errors on broken files
        raise IngestError(f"unreadable PDF ({type(e).__name__}: {_one_line(str(e))})") from e


def _one_line(s: str, limit: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
