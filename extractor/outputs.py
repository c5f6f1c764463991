"""Writing records: JSON, JSONL (streamed, one record per line, flushed whole), CSV."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from typing import IO, Any

from extractor.records import TrialRecord

FORMATS = ("jsonl", "json", "csv")


def record_json(record: TrialRecord) -> str:
    """Deterministic one-line JSON for a record (same input, same bytes)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


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


def csv_rows(record: TrialRecord) -> Iterator[dict[str, Any]]:
    """One row per extracted value."""
    base = {"id": record.id, "source": record.source}
    d = record.model_dump(mode="json")
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
    """Streams records to a file or stdout.

    JSONL lines are written whole and flushed with fsync'd appends, so a run killed at any
    moment leaves every finished line intact and no half line behind (see batch.py).
    """

    def __init__(self, fmt: str, stream: IO[str], append: bool = False) -> None:
        self.fmt, self.stream, self.count = fmt, stream, 0
        self._csv: csv.DictWriter | None = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, CSV_COLUMNS, extrasaction="ignore")
            if not append:
                self._csv.writeheader()
        elif fmt == "json":
            stream.write("[")

    def write(self, record: TrialRecord) -> None:
        if self.fmt == "jsonl":
            self.stream.write(record_json(record) + "\n")
        elif self.fmt == "json":
            self.stream.write(("\n" if not self.count else ",\n") + json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=1))
        else:
            assert self._csv is not None
            buf = io.StringIO()
            w = csv.DictWriter(buf, CSV_COLUMNS, extrasaction="ignore")
            for row in csv_rows(record):
                w.writerow(row)
            self.stream.write(buf.getvalue())
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()
