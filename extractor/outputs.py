"""Writing records: JSON, JSONL (streamed, one record per line, flushed whole), CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from typing import IO, Any

from pydantic_core import PydanticSerializationError

from extractor.records import TrialRecord

FORMATS = ("jsonl", "json", "csv", "meta")  # meta: one CSV row per comparison (metafor, RevMan, PyMARE)


def record_json(record: TrialRecord) -> str:
    """Deterministic one-line JSON for a record (same input, same bytes).

    U+0085, U+2028 and U+2029 are escaped: JSON allows them raw, but ``str.splitlines`` and
    many JSONL readers treat them as line ends, which would cut a record in two.
    """
    # pydantic-core writes the JSON itself (compact, UTF-8, fields in model order): 4x faster
    # than model_dump + json.dumps, and a NaN/inf can never come out as invalid JSON. Its
    # serializer is called directly: model_dump_json is this same call with every option
    # passed at its default, and building those thirteen keywords cost ~5% of the call.
    try:
        s = record.__pydantic_serializer__.to_json(record).decode()
    except PydanticSerializationError:  # a lone surrogate in text passed through the API
        s = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    # three substring tests (a C-level character search) rather than a character-class scan,
    # which costs a third of the serialisation on a record of a few KB; ASCII output has none
    if not s.isascii() and any(c in s for c in _ODD_BREAK_CHARS):
        s = _ODD_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", s)
    return s


_ODD_BREAK_CHARS = ("\u0085", "\u2028", "\u2029")
_ODD_BREAKS = re.compile("[" + "".join(_ODD_BREAK_CHARS) + "]")


def format_for(path: str | None, explicit: str | None) -> str:
    if explicit:
        return explicit
    if path and path != "-":
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        if ext in FORMATS:
            return ext
    return "json" if not path or path == "-" else "jsonl"


CSV_COLUMNS = [
    "id", "source", "field", "index", "text", "comparator", "value", "level", "lower", "upper",
    "estimate", "measure", "events", "total", "percent", "label", "role", "n", "unit", "kind",
    "start", "end", "section", "sentence", "page", "rule", "uncertain",
]


def csv_rows(record: TrialRecord | dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per extracted value (of a record, or of its JSON form)."""
    d = record if isinstance(record, dict) else record.model_dump(mode="json")
    base = {"id": d["id"], "source": d["source"]}
    for field in ("p_values", "intervals", "event_rates", "summaries", "test_statistics", "endpoints"):
        for i, v in enumerate(d.get(field) or []):
            yield {**base, "field": field, "index": i, **{k: v.get(k) for k in CSV_COLUMNS if k in v}}
    for i, arm in enumerate(d.get("arms") or []):
        ev = (arm.get("evidence") or [{}])[0]
        yield {**base, "field": "arms", "index": i, "label": arm["label"], "role": arm["role"], "n": arm["n"],
               **{k: ev.get(k) for k in ("text", "start", "end", "section", "sentence", "page", "rule")}}
        for dose in arm.get("doses") or []:
            yield {**base, "field": "doses", "index": i, "label": arm["label"],
                   **{k: dose.get(k) for k in CSV_COLUMNS if k in dose}}
    ss = d.get("sample_size") or {}
    for k in ("randomized", "analyzed", "planned"):
        if ss.get(k) is not None:
            ev = (ss.get("evidence") or {}).get(k) or {}
            yield {**base, "field": f"sample_size.{k}", "value": ss[k], "unit": ss.get("unit"),
                   **{kk: ev.get(kk) for kk in ("text", "start", "end", "section", "sentence", "page", "rule")}}
    des = d.get("design") or {}
    for k, v in des.items():
        if k == "evidence" or v in (None, False):
            continue
        ev = (des.get("evidence") or {}).get(k) or {}
        yield {**base, "field": f"design.{k}", "value": v,
               **{kk: ev.get(kk) for kk in ("text", "start", "end", "section", "sentence", "page", "rule")}}


class RecordWriter:
    """Streams records (models, or lines from :func:`record_json`) to a text stream: stdout,
    or a ``.json``/``.csv`` file. Resumable JSONL files use :class:`JsonlAppender` instead.
    """

    def __init__(self, fmt: str, stream: IO[str], append: bool = False) -> None:
        self.fmt, self.stream, self.count = fmt, stream, 0
        self._csv: csv.DictWriter | None = None
        self._columns = CSV_COLUMNS
        if fmt == "meta":
            from extractor.meta_export import META_COLUMNS

            self._columns = META_COLUMNS
        if fmt in ("csv", "meta"):
            self._csv = csv.DictWriter(stream, self._columns, extrasaction="ignore")
            if not append:
                self._csv.writeheader()
        elif fmt == "json":
            stream.write("[")

    def write(self, record: TrialRecord | str) -> None:
        """Write one record, given as a model or as its :func:`record_json` line."""
        if self.fmt == "jsonl":
            self.stream.write((record if isinstance(record, str) else record_json(record)) + "\n")
        else:
            d = json.loads(record) if isinstance(record, str) else record.model_dump(mode="json")
            if self.fmt == "json":
                self.stream.write(("\n" if not self.count else ",\n") + json.dumps(d, ensure_ascii=False, indent=1))
            else:
                assert self._csv is not None
                buf = io.StringIO()
                w = csv.DictWriter(buf, self._columns, extrasaction="ignore")
                if self.fmt == "meta":
                    from extractor.meta_export import meta_rows

                    rows = meta_rows(d)
                else:
                    rows = list(csv_rows(d))
                for row in rows:
                    w.writerow(row)
                self.stream.write(buf.getvalue())
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


class JsonlAppender:
    """Appends whole lines to a JSONL file that a killed run can leave behind.

    Each line goes out in a single ``os.write`` on an ``O_APPEND`` descriptor: the kernel
    puts it at the end in one piece, and nothing sits in a user-space buffer, so a process
    killed (even with SIGKILL) between two writes loses nothing it has written. A kill in the
    middle of a write can at worst leave a partial last line; :func:`repair_jsonl` cuts it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.count = 0

    def write_line(self, line: str) -> None:
        data = (line + "\n").encode("utf-8", "surrogatepass")
        n = os.write(self.fd, data)
        while n < len(data):  # a short write on a regular file is rare (disk full, signals)
            data = data[n:]
            n = os.write(self.fd, data)
        self.count += 1

    def write(self, record: TrialRecord | str) -> None:
        self.write_line(record if isinstance(record, str) else record_json(record))

    def close(self) -> None:
        if self.fd >= 0:
            try:
                os.fsync(self.fd)
            except OSError:
                pass
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> JsonlAppender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def repair_jsonl(path: str | os.PathLike[str]) -> int:
    """Cut a trailing partial line (left by a killed writer); returns the bytes removed."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return 0
    if size == 0:
        return 0
    with open(path, "rb") as f:
        # walk back in blocks to the last newline
        pos, block = size, 65536
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        keep = 0
        while pos > 0:
            start = max(0, pos - block)
            f.seek(start)
            chunk = f.read(pos - start)
            i = chunk.rfind(b"\n")
            if i >= 0:
                keep = start + i + 1
                break
            pos = start
    os.truncate(path, keep)
    return size - keep


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The objects in a JSONL file, one at a time; lines that are not JSON objects are skipped."""
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        return
    with f:
        for raw in f:
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if isinstance(obj, dict):
                yield obj


def drop_superseded(path: str | os.PathLike[str], sources: set[str] | None = None) -> int:
    """Remove records of files that changed since they were written; returns how many.

    A resumed run appends the records of a file whose bytes changed; the lines written from
    its old bytes (an older ``content_hash`` for the same ``source``) are then stale, and a
    reviewer must not get two records for one report. The file is rewritten only when such
    lines exist, into a temporary file in the same folder that replaces the original in one
    ``os.replace``: a run killed meanwhile leaves the original whole. ``sources`` limits the
    search to files the run wrote records for that an earlier run had written too.
    """
    path = os.fspath(path)
    latest: dict[str, Any] = {}
    stale_sources: set[str] = set()
    for obj in iter_jsonl(path):
        src = obj.get("source")
        if isinstance(src, str) and (sources is None or src in sources):
            h = obj.get("content_hash")
            if src in latest and latest[src] != h:
                stale_sources.add(src)
            latest[src] = h
    if not stale_sources:
        return 0
    dropped = 0
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(path, "rb") as src_f, open(tmp, "wb") as out:
        for raw in src_f:
            try:
                obj = json.loads(raw)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and obj.get("source") in stale_sources and obj.get("content_hash") != latest[obj["source"]]:
                dropped += 1
                continue
            out.write(raw)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return dropped
