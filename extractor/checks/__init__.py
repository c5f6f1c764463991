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
    checks = _checks_for(record)
    index_sentences(record, sentence_texts)
    try:
        for check in checks:
            try:
                flags.extend(check.func(record))
            except Exception as e:  # a broken check must not lose the record
                record.warnings.append(f"check {check.code} failed: {type(e).__name__}: {e}")
    finally:
        index_sentences(None)
    return flags


# (size of the registry) -> (the record lists some check needs, in a fixed order; which checks
# run for each pattern of those lists being empty or not). Few patterns occur (most records
# have no intervals, test statistics or summaries), so the choice among the ~20 checks is made
# once per pattern instead of once per record; the registry only grows (register refuses to
# replace a check), so its size tells a stale entry.
_PLANS: dict[int, tuple[tuple[str, ...], dict[tuple[bool, ...], tuple[Check, ...]]]] = {}


def _checks_for(record: TrialRecord) -> tuple[Check, ...]:
    """The registered checks, in order, that can flag something in ``record``: those needing
    no list, or one of whose lists holds a value (the others are skipped)."""
    if not _imported:
        all_checks()  # (imports the check modules: _NEEDED is complete after)
    plan = _PLANS.get(len(REGISTRY))
    if plan is None:
        plan = _PLANS[len(REGISTRY)] = (tuple(sorted(_NEEDED)), {})
    needed, chosen = plan
    # (the field values are the model's __dict__ entries: a C-level map, no frame per list)
    key = tuple(map(bool, map(record.__dict__.__getitem__, needed)))
    checks = chosen.get(key)
    if checks is None:
        filled = {f for f, full in zip(needed, key, strict=True) if full}
        checks = chosen[key] = tuple(c for c in REGISTRY.values() if not c.needs or not filled.isdisjoint(c.needs))
    return checks
