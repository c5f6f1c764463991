"""Helpers for the batch tests: realistic abstracts generated on the fly, CLI runs."""

from __future__ import annotations

import json
from pathlib import Path

ABSTRACT = """{title}

BACKGROUND: We assessed whether {drug} reduces {outcome} in adults with {disease}.
METHODS: In this randomized, double-blind, placebo-controlled trial, {n} patients were randomly assigned to {drug} ({n1}) or placebo ({n2}).
RESULTS: {outcome_cap} occurred in {e1} of {n1} patients ({p1:.1f}%) in the {drug} group and {e2} of {n2} ({p2:.1f}%) in the placebo group (relative risk, 0.{rr}; 95% CI, 0.{lo}-0.{hi}; P = 0.0{p}).
CONCLUSIONS: {drug_cap} reduced {outcome} compared with placebo.
"""

DRUGS = ["atorvastatin", "metformin", "aspirin", "ramipril", "celecoxib", "sertraline", "ibuprofen"]
OUTCOMES = ["mortality", "stroke", "hospitalisation", "relapse", "myocardial infarction"]
DISEASES = ["diabetes", "hypertension", "heart failure", "depression", "osteoarthritis"]


def abstract(i: int) -> str:
    drug, outcome, disease = DRUGS[i % len(DRUGS)], OUTCOMES[i % len(OUTCOMES)], DISEASES[i % len(DISEASES)]
    n1, n2 = 100 + i, 98 + 2 * (i % 7)
    e1, e2 = 10 + i % 13, 20 + i % 11
    return ABSTRACT.format(
        title=f"Effect of {drug} on {outcome} in {disease}: trial {i}",
        drug=drug, drug_cap=drug.capitalize(), outcome=outcome, outcome_cap=outcome.capitalize(),
        disease=disease, n=n1 + n2, n1=n1, n2=n2, e1=e1, e2=e2,
        p1=100 * e1 / n1, p2=100 * e2 / n2, rr=40 + i % 50, lo=20 + i % 10, hi=80 + i % 10, p=1 + i % 5,
    )


def make_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = folder / f"trial{i:05d}.txt"
        p.write_text(abstract(i), encoding="utf-8")
        out.append(p)
    return out


def read_jsonl(path: Path) -> list[dict]:
    """Every line must be a complete JSON object (the loss-free guarantee)."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), "partial last line"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]
