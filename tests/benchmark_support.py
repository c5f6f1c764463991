"""Loads ``benchmarks/evidence_inference.py`` and ``benchmarks/ei_arms.py`` as modules (benchmarks are scripts, not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def evidence_inference_benchmark() -> ModuleType:
    return _benchmark("evidence_inference")


def ei_arms_benchmark() -> ModuleType:
    return _benchmark("ei_arms")


def _benchmark(name: str) -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
