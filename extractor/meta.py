"""Pooling comparisons across studies: gather, convert, pool (PyMARE), draw a forest plot.

``gather`` picks, per study, the comparison whose outcome contains every word of the query
(case-insensitive tokens, plural -s dropped). An outcome reported as its complement is
converted when the counts allow it: "survival 91% vs 42%" (n = 12 per arm) answers a query
for "mortality" as deaths = total - survivors, marked derived (the complement words are in
``patterns/comparisons.lexicon.json``, ``complements``). Each study's effect comes from
:func:`extractor.meta_export.effect` (reported CI first, then counts, ...).

``pool`` fits random-effects models with PyMARE: DerSimonian-Laird and REML, with Wald
(normal) confidence intervals, plus I^2, tau^2 and Cochran's Q. PyMARE and matplotlib are the
``meta`` extra: ``pip install 'trialex[meta]'``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.fields.comparisons import tokens
from extractor.meta_export import RATIO, _derivation, counts, effect, z_for
from extractor.rules import load_lexicon


@dataclass
class StudyEffect:
    study: str
    outcome: str
    intervention: str | None
    comparator: str | None
    measure: str
    yi: float
    vi: float
    vi_method: str
    derived: bool = False
    derivation: str | None = None
    evidence: str | None = None

    @property
    def se(self) -> float:
        return math.sqrt(self.vi)

    def ci(self, level: float = 95.0) -> tuple[float, float]:
        z = z_for(level)
        return self.yi - z * self.se, self.yi + z * self.se


@dataclass
class Pooled:
    method: str
    estimate: float  # analysis scale
    se: float
    lower: float
    upper: float
    p: float
    tau2: float
    i2: float | None
    q: float | None
    k: int


@dataclass
class MetaResult:
    outcome: str
    measure: str
    studies: list[StudyEffect]
    pooled: list[Pooled] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def scale(self, x: float) -> float:
        """Analysis scale -> reporting scale (exp for ratios)."""
        return math.exp(x) if self.measure in RATIO else x


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Records from a .jsonl (one per line) or .json (one record or a list) file."""
    text = Path(path).read_text(encoding="utf-8")
    if str(path).endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = json.loads(text)
    return data if isinstance(data, list) else [data]


def _complement_words(query: set[str]) -> set[str]:
    comp = load_lexicon("comparisons").entries.get("complements", {})
    out: set[str] = set()
    for q in query:
        for w in comp.get(q, []):
            out |= tokens(w)
    return out


def _complemented(c: dict[str, Any]) -> dict[str, Any] | None:
    """The comparison with events turned into non-events (survivors -> deaths), derived."""
    cnt = counts(c)
    if not cnt:
        return None
    a, n1, cc, n2 = cnt
    note = f"outcome read as the complement of '{c.get('outcome')}'"
    out = dict(c)
    for side, ev, n in (("intervention_values", a, n1), ("comparator_values", cc, n2)):
        v = dict(c[side])
        prev = v.get("derivation")
        v.update(events=n - ev, percent=None, derived=True,
                 derivation=f"complement: events = {n} - {ev} = {n - ev}" + (f" ({prev})" if prev else ""))
        out[side] = v
    # the reported ratio is for the complement, not for this outcome
    out.update(measure=None, estimate=None, lower=None, upper=None, derived=True, derivation=note)
    return out


def gather(records: list[dict[str, Any]], outcome: str, measure: str | None = None) -> MetaResult:
    query = tokens(outcome)
    comp_words = _complement_words(query)
    candidates: list[tuple[str, dict[str, Any], bool]] = []  # study, comparison, complemented
    for rec in records:
        best = None
        for c in rec.get("comparisons") or []:
            ot = tokens(c.get("outcome") or "")
            if query and query <= ot:
                rank = (0, c.get("estimate") is None, counts(c) is None)
                conv = c
            elif comp_words and comp_words & ot and counts(c):
                conv = _complemented(c)
                rank = (1, True, False)
            else:
                continue
            if conv is not None and (best is None or rank < best[0]):
                best = (rank, conv, rank[0] == 1)
        if best:
            candidates.append((rec.get("id") or rec.get("source") or "?", best[1], best[2]))
    if measure is None:
        # the measure most studies report; counts-only studies are recomputed in it
        reported = [c.get("measure") for _, c, _ in candidates if c.get("measure") in RATIO | {"MD", "RD", "SMD"}]
        measure = max(set(reported), key=reported.count) if reported else ("RR" if any(counts(c) for _, c, _ in candidates) else "MD")
    res = MetaResult(outcome=outcome, measure=measure, studies=[])
    for study, c, _conv in candidates:
        m, yi, vi, how = effect(c, measure)
        if yi is None or vi is None or vi <= 0:
            res.skipped.append(f"{study}: '{c.get('outcome')}' has no {measure} with a variance")
            continue
        derived, derivation = _derivation(c)
        res.studies.append(StudyEffect(
            study=study, outcome=c.get("outcome") or "", intervention=c.get("intervention"),
            comparator=c.get("comparator"), measure=measure, yi=yi, vi=vi, vi_method=how or "",
            derived=derived, derivation=derivation, evidence=c.get("text"),
        ))
    return res


def pool(res: MetaResult, level: float = 95.0) -> MetaResult:
    """Random-effects pooling (DerSimonian-Laird and REML) with PyMARE; Wald intervals."""
    import numpy as np
    from pymare import Dataset
    from pymare.estimators import DerSimonianLaird, VarianceBasedLikelihoodEstimator

    if len(res.studies) < 2:
        raise ValueError(f"need at least two studies to pool, found {len(res.studies)}")
    y = np.array([s.yi for s in res.studies], dtype=float)
    v = np.array([s.vi for s in res.studies], dtype=float)
    alpha = 1 - level / 100
    res.pooled = []
    for name, est in (
        ("DL", DerSimonianLaird(small_sample_correction="wald")),
        ("REML", VarianceBasedLikelihoodEstimator(method="REML", small_sample_correction="wald")),
    ):
        summary = est.fit_dataset(Dataset(y=y, v=v)).summary()
        fe = summary.get_fe_stats(alpha=alpha)
        het = summary.get_heterogeneity_stats()
        tau2 = float(np.asarray(summary.tau2).ravel()[0])
        res.pooled.append(Pooled(
            method=name,
            estimate=float(np.asarray(fe["est"]).ravel()[0]),
            se=float(np.asarray(fe["se"]).ravel()[0]),
            lower=float(np.asarray(fe["ci_l"]).ravel()[0]),
            upper=float(np.asarray(fe["ci_u"]).ravel()[0]),
            p=float(np.asarray(fe["p"]).ravel()[0]),
            tau2=max(0.0, tau2),
            i2=float(np.asarray(het["I^2"]).ravel()[0]),
            q=float(np.asarray(het["Q"]).ravel()[0]),
            k=len(y),
        ))
    return res


def forest_plot(res: MetaResult, path: str | Path, level: float = 95.0) -> Path:
    """Write a forest plot (PNG) of the per-study and pooled effects."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    k = len(res.studies)
    rows = k + len(res.pooled)
    fig, ax = plt.subplots(figsize=(8.5, 1.2 + 0.45 * (rows + 1)))
    ratio = res.measure in RATIO
    w = [1 / s.vi for s in res.studies]
    wmax = max(w) if w else 1.0
    ys = list(range(rows, 0, -1))
    labels = []
    for y, s, wi in zip(ys, res.studies, w, strict=False):
        lo, hi = s.ci(level)
        ax.plot([res.scale(lo), res.scale(hi)], [y, y], color="black", lw=1)
        ax.plot(res.scale(s.yi), y, "s", color="tab:blue", ms=4 + 8 * math.sqrt(wi / wmax))
        labels.append(s.study + (" *" if s.derived else ""))
    for y, p in zip(ys[k:], res.pooled, strict=False):
        xs = [res.scale(p.lower), res.scale(p.estimate), res.scale(p.upper), res.scale(p.estimate)]
        ax.fill(xs, [y, y + 0.25, y, y - 0.25], color="tab:red" if p.method == "REML" else "tab:orange")
        i2 = f", I²={p.i2:.0f}%" if p.i2 is not None else ""
        labels.append(f"Pooled {p.method} (τ²={p.tau2:.3g}{i2})")
    ax.axvline(1.0 if ratio else 0.0, color="grey", ls="--", lw=0.8)
    if ratio:
        from matplotlib.ticker import FuncFormatter

        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}"))
    ax.set_yticks(ys)
    ax.set_yticklabels(labels)
    ax.set_ylim(0.3, rows + 0.7)
    ax.set_xlabel(f"{res.measure} ({level:g}% CI)" + (", log scale" if ratio else ""))
    ax.set_title(f"{res.outcome}: {k} studies" + ("  (* derived values)" if any(s.derived for s in res.studies) else ""))
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out
