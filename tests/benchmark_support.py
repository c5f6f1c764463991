"""Loads ``benchmarks/evidence_inference.py`` as a module (benchmarks are scripts, not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def evidence_inference_benchmark() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "evidence_inference.py"
    spec = importlib.util.spec_from_file_location("evidence_inference", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
