"""Consistency checks: pure functions from a TrialRecord to Flags.

Each check is registered with a stable code, a family, the formula it applies and the
tolerance it allows, so ``trialex checks`` can print them. Checks widen every reported
number to the interval its rounding allows before they flag: rounding alone never flags.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from extractor.checks.common import index_sentences
from extractor.records import Flag, TrialRecord

CheckFn = Callable[[TrialRecord], list[Flag]]


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    formula: str
    tolerance: str
    func: CheckFn
    # record lists the check reads values from: with all of them empty it can flag nothing,
    # and run_all skips it (most records have no intervals, test statistics or summaries)
    needs: tuple[str, ...] = ()


REGISTRY: dict[str, Check] = {}
_NEEDED: set[str] = set()  # every record list some check needs

# modules holding checks; each registers its checks on import
CHECK_MODULES: tuple[str, ...] = (
    "impossible",
    "rates",
    "sizes",
    "intervals",
    "pvalues",
    "words",
    "effects",
    "grim",
    "teststats",
)


def register(code: str, title: str, formula: str, tolerance: str,
             needs: tuple[str, ...] = ()) -> Callable[[CheckFn], CheckFn]:
    def deco(func: CheckFn) -> CheckFn:
        if code in REGISTRY and REGISTRY[code].func is not func:
            raise ValueError(f"duplicate check code {code}")
        REGISTRY[code] = Check(code, title, formula, tolerance, func, needs)
        _NEEDED.update(needs)
        return func

    return deco


_imported: list[bool] = []  # non-empty once every module in CHECK_MODULES has been imported


def all_checks() -> list[Check]:
    # the imports register the checks; run_all asks once per record, so import only once
    # (nine import_module look-ups cost more than some of the checks)
    if not _imported:
        for m in CHECK_MODULES:
            importlib.import_module(f"extractor.checks.{m}")
        _imported.append(True)
    return list(REGISTRY.values())


def run_all(record: TrialRecord, sentence_texts: dict[int, tuple[str, int]] | None = None) -> list[Flag]:
    """Every registered check's flags. ``sentence_texts``: sentence index -> (normalised text,
    start) of ``record.sentences``, where the caller has them (see index_sentences)."""
    flags: list[Flag] = []
    checks = all_checks()  # (imported first: _NEEDED is complete after)
    index_sentences(record, sentence_texts)
    # the record lists holding values, looked up once rather than once per check
    filled = {f for f in _NEEDED if getattr(record, f)}
    try:
        for check in checks:
            if check.needs and filled.isdisjoint(check.needs):
                continue
            try:
                flags.extend(check.func(record))
            except Exception as e:  # a broken check must not lose the record
                record.warnings.append(f"check {check.code} failed: {type(e).__name__}: {e}")
    finally:
        index_sentences(None)
    return flags
