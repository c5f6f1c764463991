"""The public Python API."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.document import Document, IngestError
from extractor.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, load_path
from extractor.ingest.text import parse_text
from extractor.pipeline import extract_document
from extractor.records import TrialRecord

__all__ = [
    "Outcome",
    "extract_document",
    "extract_file",
    "extract_records",
    "extract_text",
    "iter_paths",
    "iter_records",
]


def extract_text(text: str, id: str = "text", source: str = "<text>") -> TrialRecord:
    """Extract a record from the text of one report (an abstract, or a whole article)."""
    if not text.strip():
        return TrialRecord(id=id, source=source, warnings=["empty text"])
    return extract_document(parse_text(text, id, source))


def extract_records(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[TrialRecord]:
    """Every record in a file: one for a report, one per article for a PubMed export."""
    p = Path(path)
    return [extract_document(d) for d in load_path(p, max_bytes=max_bytes)]


def extract_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> TrialRecord:
    """The record of a single-report file (.txt or .pdf). Raises IngestError if unreadable.

    A PubMed export holds many records: use :func:`extract_records` for those.
    """
    records = extract_records(path, max_bytes)
    if len(records) != 1:
        raise ValueError(f"{path} holds {len(records)} records; use extract_records()")
    return records[0]


@dataclass
class Outcome:
    """What happened to one document (or one unreadable file) in a batch."""

    path: str
    record: TrialRecord | None = None
    error: str | None = None


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, folders recursively, in a stable (sorted) order."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p


def iter_documents(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Outcome]:
    try:
        yield from load_path(path, max_bytes=max_bytes)
    except IngestError as e:
        yield Outcome(str(path), error=str(e))
    except Exception as e:  # unreadable input of a kind not foreseen: report, go on
        yield Outcome(str(path), error=f"cannot read ({type(e).__name__}: {e})")


def iter_records(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Records (or one-line errors) for every document under ``paths``, one at a time."""
    for path in iter_paths(paths):
        for item in iter_documents(path, max_bytes):
            if isinstance(item, Outcome):
                yield item
                continue
            try:
                yield Outcome(str(path), record=extract_document(item))
            except Exception as e:
                yield Outcome(str(path), error=f"extraction failed ({type(e).__name__}: {e})")
