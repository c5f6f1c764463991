"""Pydantic v2 models of a trial record.

Core field names follow ../shared/gold/SCHEMA.md (design, sample_size, arms, endpoints,
p_values, intervals, event_rates, ...) so a record is scored against gold without
translation. Every extracted value is an :class:`Evidence`: it carries the verbatim ``text``,
its ``start``/``end`` offsets into the document text, the ``section`` and ``sentence``
(index into ``TrialRecord.sentences``) it sits in, the ``page`` for PDFs, and the ``rule``
that produced it. ``uncertain`` marks a value the tool read but is not sure of; it is never
used to invent one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Comparator = Literal["=", "<", ">", "<=", ">="]
Measure = Literal[
    "RR", "OR", "HR", "RD", "MD", "SMD", "IRR", "NNT", "mean", "median", "proportion", "other"
]
Severity = Literal["error", "warning", "info"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a value came from."""

    text: str = Field(description="verbatim text of the value, an exact substring of the document")
    start: int = Field(ge=0, description="start offset into the document text")
    end: int = Field(ge=0, description="end offset (exclusive) into the document text")
    section: str | None = Field(default=None, description="section label, e.g. RESULTS")
    sentence: int | None = Field(default=None, description="index into TrialRecord.sentences")
    page: int | None = Field(default=None, description="1-based PDF page, for PDF input")
    rule: str | None = Field(default=None, description="id of the rule that produced the value")
    uncertain: bool = Field(default=False, description="read but not certain; check by hand")


class PValue(Evidence):
    comparator: Comparator
    value: float
    scope: str | None = Field(default=None, description="'all' for 'all P > 0.05', 'each' for 'P < .05 for both'")


class Interval(Evidence):
    level: float | None = None
    lower: float
    upper: float
    measure: Measure | None = None
    estimate: float | None = None
    kind: Literal["confidence", "credible", "unspecified"] = "confidence"
    percent: bool = Field(default=False, description="bounds are in percent units")


class EventRate(Evidence):
    events: int
    total: int
    percent: float | None = None


class Summary(Evidence):
    """A summary statistic with its dispersion: "8.9 ± 0.6", "median 117.3 [IQR 60.0-169.5]"."""

    statistic: Literal["mean", "median", "other"] = "other"
    value: float
    dispersion: Literal["SD", "SE", "IQR", "range", "pm"] | None = None
    spread: float | None = Field(default=None, description="SD/SE or ± value")
    lower: float | None = None
    upper: float | None = None


class TestStatistic(Evidence):
    """An APA-style test statistic: "t(38) = 2.10", "F(2, 45) = 3.4", "χ2(1) = 4.2"."""

    __test__ = False  # not a pytest class
    test: Literal["t", "F", "chi2", "z", "r", "U", "W"]
    df1: float | None = None
    df2: float | None = None
    comparator: Comparator = "="
    value: float
    p_comparator: Comparator | None = None
    p_value: float | None = None


class Dose(Evidence):
    value: float | None = None
    unit: str | None = None
    route: str | None = None
    frequency: str | None = None
    duration: str | None = None


class Arm(_Model):
    label: str
    role: Literal["intervention", "control"] = "intervention"
    n: int | None = None
    doses: list[Dose] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list, description="other names used for the arm")
    evidence: list[Evidence] = Field(default_factory=list, description="where the arm and its n were read")


class Endpoint(Evidence):
    kind: Literal["primary", "secondary", "other"]
    timeframe: str | None = None


class Design(_Model):
    randomized: bool | None = None
    blinding: Literal["open-label", "single-blind", "double-blind", "triple-blind"] | None = None
    phase: str | None = None
    crossover: bool = False
    allocation_ratio: str | None = None
    cluster: bool = False
    parallel: bool = False
    placebo_controlled: bool = False
    sham_controlled: bool = False
    multicentre: bool = False
    intention_to_treat: bool = False
    evidence: dict[str, Evidence] = Field(default_factory=dict, description="field name -> where it was read")


class SampleSize(_Model):
    randomized: int | None = None
    analyzed: int | None = None
    planned: int | None = None
    unit: str | None = Field(default=None, description="unit randomised when not participants: eyes, clusters ...")
    derived: bool = Field(default=False, description="randomized is computed from stated numbers, not stated itself")
    derivation: str | None = Field(default=None, description="how a derived randomized total was computed, e.g. '4 groups x 7 each'")
    evidence: dict[str, Evidence] = Field(default_factory=dict)


class Abbreviation(_Model):
    short: str
    long: str
    start: int
    end: int


class ArmValue(_Model):
    """One arm's result inside a comparison."""

    arm: str | None = None
    events: int | None = None
    total: int | None = None
    percent: float | None = None
    mean: float | None = None
    sd: float | None = None
    median: float | None = None
    iqr_lower: float | None = None
    iqr_upper: float | None = None
    derived: bool = False
    derivation: str | None = None


class Comparison(Evidence):
    outcome: str
    outcome_start: int | None = None
    outcome_end: int | None = None
    intervention: str | None = None
    comparator: str | None = None
    intervention_values: ArmValue | None = None
    comparator_values: ArmValue | None = None
    measure: Measure | None = None
    estimate: float | None = None
    lower: float | None = None
    upper: float | None = None
    level: float | None = None
    p_value: float | None = None
    p_comparator: Comparator | None = None
    direction: Literal["increased", "decreased", "no difference"] | None = None
    significant: bool | None = None
    derived: bool = False
    derivation: str | None = None


class Flag(_Model):
    code: str = Field(description="stable check code, e.g. PCT_MISMATCH")
    severity: Severity
    message: str
    spans: list[Evidence] = Field(default_factory=list, description="every value the check compared")
    recomputed: float | None = None


class Sentence(_Model):
    index: int
    start: int
    end: int
    section: str | None = None
    text: str


class TrialRecord(_Model):
    id: str
    source: str
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    doi: str | None = None
    pmid: str | None = None
    publication_types: list[str] = Field(default_factory=list)
    registrations: list[str] = Field(default_factory=list, description="trial registration ids: NCT..., ISRCTN...")
    sections: list[str] = Field(default_factory=list, description="section labels in document order")

    design: Design = Field(default_factory=Design)
    sample_size: SampleSize = Field(default_factory=SampleSize)
    arms: list[Arm] = Field(default_factory=list)
    endpoints: list[Endpoint] = Field(default_factory=list)
    p_values: list[PValue] = Field(default_factory=list)
    intervals: list[Interval] = Field(default_factory=list)
    event_rates: list[EventRate] = Field(default_factory=list)
    summaries: list[Summary] = Field(default_factory=list)
    test_statistics: list[TestStatistic] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    comparisons: list[Comparison] = Field(default_factory=list)

    flags: list[Flag] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list, description="evidence sentences referenced by values")
    warnings: list[str] = Field(default_factory=list, description="ingestion notes (pages skipped, text cut)")
    content_hash: str | None = None
    trialex_version: str | None = None


def json_schema() -> dict:
    return TrialRecord.model_json_schema()
