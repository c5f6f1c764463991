"""Loading gold and prediction files for evaluation, and extracting the gold's documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.api import extract_records
from extractor.document import IngestError


def load_golds(gold_dir: Path) -> list[dict[str, Any]]:
    return [json.loads(f.read_text("utf-8")) for f in sorted(Path(gold_dir).glob("*.json"))]


def load_predictions(path: Path) -> dict[str, dict]:
    """Records by id (also by the stem of their source), from JSONL, a JSON array or a folder."""
    p = Path(path)
    recs: list[dict] = []
    if p.is_dir():
        for f in sorted(p.glob("*.json")):
            d = json.loads(f.read_text("utf-8"))
            recs.extend(d if isinstance(d, list) else [d])
    else:
        txt = p.read_text("utf-8")
        try:
            d = json.loads(txt)
            recs = d if isinstance(d, list) else [d]
        except json.JSONDecodeError:
            recs = [json.loads(line) for line in txt.splitlines() if line.strip()]
    out: dict[str, dict] = {}
    for r in recs:
        if r.get("source"):
            out.setdefault(Path(str(r["source"])).stem, r)
        if r.get("id"):
            out[str(r["id"])] = r
    return out


def predict_for(golds: list[dict], root: Path, on_error: Callable[[str], None] = print) -> dict[str, dict]:
    preds: dict[str, dict] = {}
    for g in golds:
        path = Path(root) / g["source"]
        try:
            for rec in extract_records(path):
                preds[g["id"]] = rec.model_dump(mode="json")
        except (IngestError, OSError) as e:
            on_error(f"{path}: {e}")
    return preds
