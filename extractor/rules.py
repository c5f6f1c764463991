"""Rules as validated data, loaded from ``patterns/`` (installed as ``extractor.patterns``).

Two kinds of file:

* rule files (``<field>.json``): ``{"field", "description", "defines", "rules": [...]}``,
  each rule ``{"id", "label", "pattern", "description", "examples": {"match", "no_match"}}``.
  ``pattern`` is a verbose regex (``regex`` module, VERBOSE); ``{name}`` placeholders are
  filled from ``defines`` so shared pieces (a number, a comparator) are written once.
  ``examples.match`` must each be matched by the rule and ``no_match`` must not be:
  ``tests/test_patterns.py`` turns them into tests.
* lexicons (``<name>.lexicon.json``): ``{"name", "description", "entries": {...}}``.

Unknown keys are rejected, ids must be unique, and every regex is compiled once at load.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import cache, cached_property
from importlib import resources
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, model_validator

from extractor.regex_cache import compile_regex

# Every regex search in trialex is bounded: a pathological input can cost at most this many
# seconds per call before regex raises TimeoutError (handled by the caller).
REGEX_TIMEOUT = 1.0
# ... but regex's timeout has a price: about 0.6 µs a call, and matching 4-11% slower, paid on
# the ~45 such calls of every abstract (~2% of its time). A slow match needs a long text:
# regex cuts off exponential backtracking itself, and over every rule's examples stretched to
# SHORT_SPAN characters the slowest whole scan took 57 ms, 1/17 of the timeout
# (``benchmarks/hostile.py`` prints and checks the figure; it is a quadratic case: the example
# " was considered significant" cut to its spaces, each start tried again). A call over at
# most SHORT_SPAN characters therefore runs without the timeout; longer ones keep it, and a
# batch's per-document alarm (``--timeout``) interrupts any regex call as well.
SHORT_SPAN = 2_000


def bounded(call: Callable[..., Any], text: str, pos: int = 0, endpos: int | None = None) -> Any:
    """``call(text, pos, endpos)`` (a compiled regex's ``search``, ``match`` or ``finditer``)
    with the REGEX_TIMEOUT when the span searched is longer than SHORT_SPAN."""
    end = len(text) if endpos is None else endpos
    if end - pos <= SHORT_SPAN:
        return call(text, pos, end)
    return call(text, pos, end, timeout=REGEX_TIMEOUT)


class Budget:
    """One time limit shared by many regex calls. ``REGEX_TIMEOUT`` bounds each call; a field
    that matches a rule at every candidate position instead of scanning once makes thousands
    of calls on a hostile text ("95% CI 1.2-" repeated 100,000 times), whose sum must be
    bounded as the one scan was. ``left()`` is the timeout for the next call."""

    __slots__ = ("end",)

    def __init__(self, seconds: float = REGEX_TIMEOUT) -> None:
        self.end = time.perf_counter() + seconds

    def left(self) -> float:
        remaining = self.end - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError("regex time budget spent")
        return remaining


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    pattern: str
    description: str = ""
    ignorecase: bool = True
    examples: Examples = Field(default_factory=Examples)

    # The compiled pattern lives in the instance __dict__ (set once by RuleFile): reading it
    # is a plain attribute lookup, where a pydantic private attribute costs a __getattr__
    # call on every search — measurable when rules run per sentence.
    @cached_property
    def regex(self) -> regex.Pattern[str]:
        raise RuntimeError(f"rule {self.id} is compiled by its RuleFile")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return bounded(self.regex.finditer, text, pos, endpos)


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str
    description: str = ""
    labels: list[str] = Field(default_factory=list, description="closed set of labels; empty = any")
    defines: dict[str, str] = Field(default_factory=dict)
    rules: list[Rule]

    @model_validator(mode="after")
    def _compile(self) -> RuleFile:
        ids = [r.id for r in self.rules]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"duplicate rule ids: {sorted(dup)}")
        defines = _expand_defines(self.defines)
        for r in self.rules:
            if self.labels and r.label not in self.labels:
                raise ValueError(f"rule {r.id}: label {r.label!r} not in {self.labels}")
            flags = regex.VERBOSE | regex.V0 | (regex.IGNORECASE if r.ignorecase else 0)
            try:
                r.__dict__["regex"] = compile_regex(_fill(r.pattern, defines), flags)
            except regex.error as e:
                raise ValueError(f"rule {r.id}: bad regex: {e}") from e
        return self

    def by_id(self, rule_id: str) -> Rule:
        # a dict built once (field modules look rules up per sentence); ids are unique
        index = self.__dict__.get("_by_id")
        if index is None:
            index = self.__dict__["_by_id"] = {r.id: r for r in self.rules}
        return index[rule_id]


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    description: str = ""
    entries: dict[str, Any]


def _fill(pattern: str, defines: dict[str, str]) -> str:
    # Placeholders are written <<name>> so regex braces ({1,3}) need no escaping.
    for k, v in defines.items():
        pattern = pattern.replace(f"<<{k}>>", f"(?:{v})")
    if "<<" in pattern and ">>" in pattern:
        start = pattern.index("<<")
        raise ValueError(f"undefined placeholder near {pattern[start:start + 30]!r}")
    return pattern


def _expand_defines(defines: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in defines.items():  # later defines may use earlier ones
        out[k] = _fill(v, out)
    return out


def _read(name: str) -> Any:
    return json.loads(resources.files("extractor.patterns").joinpath(name).read_text("utf-8"))


@cache
def load_rules(field: str) -> RuleFile:
    return RuleFile.model_validate(_read(f"{field}.json"))


@cache
def load_lexicon(name: str) -> Lexicon:
    return Lexicon.model_validate(_read(f"{name}.lexicon.json"))


def rule_files() -> list[str]:
    return sorted(
        p.name[: -len(".json")]
        for p in resources.files("extractor.patterns").iterdir()
        if p.name.endswith(".json") and not p.name.endswith(".lexicon.json")
    )


def lexicon_files() -> list[str]:
    return sorted(
        p.name[: -len(".lexicon.json")]
        for p in resources.files("extractor.patterns").iterdir()
        if p.name.endswith(".lexicon.json")
    )
