"""The public Python API."""

from __future__ import annotations

import hashlib
import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.document import IngestError
from extractor.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, load_bytes, load_path, read_bounded
from extractor.ingest.text import parse_text
from extractor.pipeline import extract_document
from extractor.records import TrialRecord

__all__ = [
    "Outcome",
    "extract_document",
    "extract_file",
    "extract_records",
    "extract_text",
    "iter_data",
    "iter_file",
    "iter_paths",
    "iter_records",
]


def extract_text(text: str, id: str = "text", source: str = "<text>", full_text: bool = False) -> TrialRecord:
    """Extract a record from the text of one report (an abstract, or a whole article)."""
    if not text.strip():
        return TrialRecord(id=id, source=source, warnings=["empty text"])
    return extract_document(parse_text(text, id, source), full_text=full_text)


def extract_records(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, full_text: bool = False) -> list[TrialRecord]:
    """Every record in a file: one for a report, one per article for a PubMed export."""
    p = Path(path)
    return [extract_document(d, full_text=full_text) for d in load_path(p, max_bytes=max_bytes)]


def extract_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, full_text: bool = False) -> TrialRecord:
    """The record of a single-report file (.txt or .pdf). Raises IngestError if unreadable.

    A PubMed export holds many records: use :func:`extract_records` for those.
    """
    records = extract_records(path, max_bytes, full_text)
    if len(records) != 1:
        raise ValueError(f"{path} holds {len(records)} records; use extract_records()")
    return records[0]


@dataclass
class Outcome:
    """What happened to one document (or one unreadable file) in a batch.

    ``index`` is the document's position in its file (PubMed exports hold many); ``file_hash``
    the first 16 hex digits of the SHA-256 of the file's bytes, which a record from a file also
    carries as ``content_hash`` so a resumed batch can tell a file it has done from a changed one.
    """

    path: str
    record: TrialRecord | None = None
    error: str | None = None
    index: int | None = None
    file_hash: str | None = None
    traceback: str | None = None  # with --debug only


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, folders recursively, in a stable (sorted) order.

    Lazy: one directory's names are held at a time (to sort them), never the whole tree.
    Hidden files and folders are skipped; symlinked folders are not followed (no loops).
    """
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from _walk(p)
        else:
            yield p


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.is_dir(follow_symlinks=False), e.is_file()) for e in it
                             if not e.name.startswith("."))
    except OSError:
        return
    for name, is_dir, is_file in entries:
        if is_dir:
            yield from _walk(folder / name)
        elif is_file and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
            yield folder / name


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def iter_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, skip: int = 0,
              debug: bool = False) -> Iterator[Outcome]:
    """Outcomes for every document in one file, from the ``skip``-th on: the per-file unit
    of work of a batch (in-process, in a worker process, or on a Dask worker).

    Never raises for bad input: an unreadable file gives one Outcome with ``error`` set.
    """
    try:
        data = read_bounded(Path(path), max_bytes)
    except IngestError as e:
        yield Outcome(str(path), error=str(e))
        return
    yield from iter_data(data, path, max_bytes, skip, debug)


def iter_data(data: bytes, path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, skip: int = 0,
              debug: bool = False, full_text: bool = False, digest: str | None = None,
              kind: str | None = None) -> Iterator[Outcome]:
    """:func:`iter_file` for bytes already read from ``path``; ``digest`` (``file_hash(data)``)
    and ``kind`` (``sniff(data)``) where the caller has them, so they are not computed twice."""
    src = str(path)
    if digest is None:
        digest = file_hash(data)
    docs = load_bytes(data, Path(path).stem, src, max_bytes, kind)
    i = 0
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            return
        except IngestError as e:
            yield Outcome(src, error=str(e), index=i if i else None, file_hash=digest)
            return
        except Exception as e:  # unreadable input of a kind not foreseen: report, go on
            yield Outcome(src, error=f"cannot read ({type(e).__name__}: {_one_line(e)})",
                          index=i if i else None, file_hash=digest, traceback=_tb(debug))
            return
        if i >= skip:
            try:
                record = extract_document(doc, full_text=full_text, content_hash=digest)
                yield Outcome(src, record=record, index=i, file_hash=digest)
            except Exception as e:
                yield Outcome(src, error=f"extraction failed ({type(e).__name__}: {_one_line(e)})",
                              index=i, file_hash=digest, traceback=_tb(debug))
        i += 1


def _tb(debug: bool) -> str | None:
    return traceback.format_exc() if debug else None


def _one_line(e: BaseException, limit: int = 200) -> str:
    s = " ".join(str(e).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def iter_records(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Records (or one-line errors) for every document under ``paths``, one at a time."""
    for path in iter_paths(paths):
        yield from iter_file(path, max_bytes)
