"""Meta-analysis rows (yi/vi arithmetic against hand-computed values) and pooling."""

from __future__ import annotations

import importlib.util
import math

import pytest

from extractor.meta_export import effect, from_counts, from_means, meta_rows
from extractor.records import ArmValue, Comparison, TrialRecord

HAS_PYMARE = importlib.util.find_spec("pymare") is not None and importlib.util.find_spec("matplotlib") is not None


def _cmp(**kw) -> Comparison:
    base = {"text": "x", "start": 0, "end": 1, "outcome": "Thirty-day mortality"}
    return Comparison(**{**base, **kw})


def test_ratio_yi_vi_from_the_reported_ci() -> None:
    # seed 003: RR 0.88 (95% CI 0.64-1.21)
    c = _cmp(measure="RR", estimate=0.88, lower=0.64, upper=1.21, level=95)
    m, yi, vi, how = effect(c)
    assert m == "RR"
    assert yi == pytest.approx(-0.127833, abs=1e-6)  # ln(0.88)
    # ((ln 1.21 - ln 0.64) / (2 * 1.959964))^2 = (0.636900 / 3.919928)^2 = 0.0263995
    assert vi == pytest.approx(0.0263995, rel=1e-4)
    assert how.startswith("from CI")


def test_odds_ratio_vi_from_2x2_counts() -> None:
    # 51/104 vs 46/106: a=51 b=53 c=46 d=60
    c = _cmp(intervention_values=ArmValue(events=51, total=104), comparator_values=ArmValue(events=46, total=106))
    m, yi, vi, how = effect(c, "OR")
    assert m == "OR"
    assert yi == pytest.approx(math.log((51 * 60) / (53 * 46)))  # ln(1.2551) = 0.22722
    assert vi == pytest.approx(1 / 51 + 1 / 53 + 1 / 46 + 1 / 60)  # 0.0196078 + 0.0188679 + 0.0217391 + 0.0166667
    assert vi == pytest.approx(0.0768816, abs=1e-6)
    assert "1/a+1/b+1/c+1/d" in how


def test_risk_ratio_from_counts_and_zero_cell_correction() -> None:
    yi, vi, _ = from_counts("RR", 1, 12, 7, 12)
    assert yi == pytest.approx(math.log(1 / 7))
    assert vi == pytest.approx(1 / 1 - 1 / 12 + 1 / 7 - 1 / 12)  # 0.976190
    yi, vi, how = from_counts("OR", 0, 10, 5, 10)
    # cells 0.5, 10.5, 5.5, 5.5
    assert yi == pytest.approx(math.log((0.5 * 5.5) / (10.5 * 5.5)))
    assert vi == pytest.approx(1 / 0.5 + 1 / 10.5 + 1 / 5.5 + 1 / 5.5)
    assert "0.5 added" in how
    assert from_counts("OR", 0, 10, 0, 10) is None


def test_mean_difference_from_means_and_sds() -> None:
    c = _cmp(intervention_values=ArmValue(mean=7.26, sd=1.4, total=20), comparator_values=ArmValue(mean=12.1, sd=1.8, total=25))
    yi, vi, _ = from_means(c)
    assert yi == pytest.approx(-4.84)
    assert vi == pytest.approx(1.4**2 / 20 + 1.8**2 / 25)  # 0.098 + 0.1296 = 0.2276


def test_meta_rows_one_row_per_comparison_with_derivation() -> None:
    rec = TrialRecord(id="s1", source="s1.txt", comparisons=[
        _cmp(measure="RR", estimate=0.88, lower=0.64, upper=1.21, level=95),
        _cmp(outcome="patient survival",
             intervention_values=ArmValue(percent=91, events=11, total=12, derived=True, derivation="round(91% x 12)"),
             comparator_values=ArmValue(percent=42, events=5, total=12, derived=True, derivation="round(42% x 12)")),
    ])
    rows = meta_rows(rec)
    assert len(rows) == 2
    assert rows[0]["study"] == "s1" and rows[0]["measure"] == "RR" and not rows[0]["derived"]
    assert rows[1]["measure"] == "OR" and rows[1]["derived"] and "91%" in rows[1]["derivation"]
    assert (rows[1]["ai"], rows[1]["n1i"], rows[1]["ci"], rows[1]["n2i"]) == (11, 12, 5, 12)
    assert rows[1]["sei"] == pytest.approx(math.sqrt(rows[1]["vi"]))
    # the JSON form gives the same rows
    assert meta_rows(rec.model_dump(mode="json")) == rows


def test_meta_row_phrases_from_wrapped_text_are_one_line() -> None:
    rec = TrialRecord(id="s1", source="s1.txt", comparisons=[
        _cmp(outcome="reach distance (M\ndiff", text="greater reach distance (M\ndiff = 4.8 cm)", intervention="exercise\ntraining")])
    (row,) = meta_rows(rec)
    assert row["outcome"] == "reach distance (M diff" and row["intervention"] == "exercise training"
    assert "\n" not in row["evidence"]
    # single-line phrases are left exactly as written
    (row,) = meta_rows(TrialRecord(id="s2", source="s2.txt", comparisons=[_cmp()]))
    assert row["outcome"] == "Thirty-day mortality"


def _two_studies() -> list[dict]:
    a = TrialRecord(id="A", source="a", comparisons=[_cmp(measure="RR", estimate=0.88, lower=0.64, upper=1.21, level=95)])
    b = TrialRecord(id="B", source="b", comparisons=[_cmp(
        outcome="patient survival",
        intervention_values=ArmValue(events=11, total=12, percent=91, derived=True, derivation="round(91% x 12)"),
        comparator_values=ArmValue(events=5, total=12, percent=42, derived=True, derivation="round(42% x 12)"))])
    return [a.model_dump(mode="json"), b.model_dump(mode="json")]


def test_gather_converts_survival_to_mortality_marked_derived() -> None:
    from extractor.meta import gather

    res = gather(_two_studies(), "mortality")
    assert res.measure == "RR"
    by = {s.study: s for s in res.studies}
    assert set(by) == {"A", "B"}
    assert by["B"].derived and "complement" in by["B"].derivation
    assert by["B"].yi == pytest.approx(math.log((1 / 12) / (7 / 12)))


@pytest.mark.skipif(not HAS_PYMARE, reason="PyMARE/matplotlib not installed (meta extra)")
def test_pool_two_studies_dl_and_reml(tmp_path) -> None:
    from extractor.meta import forest_plot, gather, pool

    res = pool(gather(_two_studies(), "mortality"))
    dl = next(p for p in res.pooled if p.method == "DL")
    reml = next(p for p in res.pooled if p.method == "REML")
    # hand DL: y = (-0.127833, -1.945910), v = (0.026407, 0.976190)
    y = [math.log(0.88), math.log(1 / 7)]
    v = [((math.log(1.21) - math.log(0.64)) / (2 * 1.959964)) ** 2, 1 - 1 / 12 + 1 / 7 - 1 / 12]
    w = [1 / x for x in v]
    fe = sum(wi * yi for wi, yi in zip(w, y, strict=False)) / sum(w)
    q = sum(wi * (yi - fe) ** 2 for wi, yi in zip(w, y, strict=False))
    tau2 = max(0.0, (q - 1) / (sum(w) - sum(wi**2 for wi in w) / sum(w)))
    ws = [1 / (x + tau2) for x in v]
    est = sum(wi * yi for wi, yi in zip(ws, y, strict=False)) / sum(ws)
    assert dl.tau2 == pytest.approx(tau2, rel=1e-4)
    assert dl.estimate == pytest.approx(est, rel=1e-4)
    assert dl.se == pytest.approx(math.sqrt(1 / sum(ws)), rel=1e-4)
    assert dl.q == pytest.approx(q, rel=1e-4)
    assert dl.i2 == pytest.approx(100 * (q - 1) / q, rel=1e-3)
    assert reml.k == 2 and reml.tau2 >= 0
    png = forest_plot(res, tmp_path / "forest.png")
    assert png.exists() and png.stat().st_size > 1000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(not HAS_PYMARE, reason="PyMARE/matplotlib not installed (meta extra)")
def test_pool_command_end_to_end(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from cli import app

    path = tmp_path / "recs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _two_studies()) + "\n", encoding="utf-8")
    png = tmp_path / "f.png"
    r = CliRunner().invoke(app, ["pool", str(path), "--outcome", "Mortality", "--plot", str(png)])
    assert r.exit_code == 0, r.output
    assert "pooled" in r.output and "REML" in r.output and "0.46" in r.output  # exp(DL estimate)
    assert png.exists()
    r = CliRunner().invoke(app, ["pool", str(path), "--outcome", "ventilator-free days"])
    assert r.exit_code == 1
