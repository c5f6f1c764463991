"""The CLI as a user meets it: extract (JSONL/JSON/CSV/stdin), schema, show, evaluate, checks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from cli import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
runner = CliRunner()


def _schema() -> dict:
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0
    return json.loads(res.stdout)


def test_extract_seeds_to_jsonl_records_validate_against_published_schema(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    res = runner.invoke(app, ["extract", str(CORPUS / "seeds"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 2
    schema = _schema()
    for line in lines:
        rec = json.loads(line)
        jsonschema.validate(rec, schema)
        assert rec["id"] in ("000_c28356bba4997b50", "003_ba8dd6d3afa44a98")
        assert rec["source"].endswith(rec["id"] + ".txt")


def test_extract_to_missing_output_folder_creates_it(tmp_path: Path) -> None:
    out = tmp_path / "new" / "dir" / "seeds.jsonl"
    res = runner.invoke(app, ["extract", str(CORPUS / "seeds"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert len(out.read_text("utf-8").splitlines()) == 2


def test_extract_json_array_and_csv(tmp_path: Path) -> None:
    j = tmp_path / "r.json"
    assert runner.invoke(app, ["extract", str(CORPUS / "seeds"), "-o", str(j)]).exit_code == 0
    data = json.loads(j.read_text("utf-8"))
    assert isinstance(data, list) and len(data) == 2
    c = tmp_path / "r.csv"
    assert runner.invoke(app, ["extract", str(CORPUS / "seeds"), "-o", str(c)]).exit_code == 0
    with c.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert {"id", "field", "text", "start", "end"} <= set(reader.fieldnames or [])
        rows = list(reader)
    # every row names its document and field
    assert all(r["id"] and r["field"] for r in rows)


def test_extract_from_stdin() -> None:
    text = "Patients were randomized to drug or placebo. Mortality was lower with drug (P = .015)."
    res = runner.invoke(app, ["extract", "-"], input=text)
    assert res.exit_code == 0, res.output
    start = res.stdout.index("[")
    data = json.loads(res.stdout[start:])
    assert data[0]["id"] == "stdin"


def test_exit_code_nonzero_only_when_nothing_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    res = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code != 0
    assert "empty.txt" in res.output and "empty file" in res.output
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / "seeds" / "003_ba8dd6d3afa44a98.txt").read_text("utf-8"), "utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "o2.jsonl")])
    assert res.exit_code == 0
    assert len((tmp_path / "o2.jsonl").read_text().splitlines()) == 1


def test_show_renders_record_with_evidence() -> None:
    res = runner.invoke(app, ["show", str(CORPUS / "seeds" / "003_ba8dd6d3afa44a98.txt")])
    assert res.exit_code == 0, res.output
    assert "A Randomized Trial of Mesenchymal Stromal Cells" in res.stdout
    assert "Scopus" not in res.stdout


def test_checks_lists_registered_checks() -> None:
    res = runner.invoke(app, ["checks"])
    assert res.exit_code == 0
    assert "trialex checks" in res.stdout


def test_evaluate_json_on_seed_gold() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not (shared / "gold" / "seeds").exists():
        pytest.skip("shared/ not present")
    res = runner.invoke(app, ["evaluate", "--gold", str(shared / "gold" / "seeds"), "--root", str(shared), "--json"])
    assert res.exit_code == 0, res.output
    figures = json.loads(res.stdout)
    assert figures["documents"] == 2 and figures["missing_records"] == 0


def test_extract_format_meta_writes_one_row_per_comparison(tmp_path: Path) -> None:
    out = tmp_path / "meta.csv"
    res = runner.invoke(app, ["extract", str(CORPUS / "seeds"), "--format", "meta", "-o", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    mort = [r for r in rows if r["study"] == "003_ba8dd6d3afa44a98" and "mortality" in r["outcome"].lower()]
    assert mort, rows
    r = mort[0]
    assert (r["ai"], r["n1i"], r["ci"], r["n2i"]) == ("42", "112", "47", "110")
    assert r["measure"] == "RR" and float(r["estimate"]) == 0.88
    # yi on the log scale, vi from the CI
    import math

    assert abs(float(r["yi"]) - math.log(0.88)) < 1e-9
    assert r["vi_method"].startswith("from CI")


def test_show_bmj_pdf_abstract_is_free_of_affiliations() -> None:
    res = runner.invoke(app, ["show", str(CORPUS / "pdf" / "ussher-2015-bmj-physical-activity-smoking-pregnancy.pdf")])
    assert res.exit_code == 0, res.output
    panel = res.stdout[res.stdout.index("abstract (as read)") : res.stdout.index("design and sample size")]
    assert "OBJECTIVE:" in panel and "789 pregnant smokers" in panel
    for affiliation in ("Population Health Research Institute", "University", "Correspondence", "mussher@"):
        assert affiliation not in panel


def test_full_text_option_mines_the_article_body(tmp_path: Path) -> None:
    article = CORPUS / "articles" / "PMC1332199.txt"
    a, b = tmp_path / "abstract.jsonl", tmp_path / "full.jsonl"
    assert runner.invoke(app, ["extract", str(article), "-o", str(a)]).exit_code == 0
    assert runner.invoke(app, ["extract", str(article), "--full-text", "-o", str(b)]).exit_code == 0
    ra, rb = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    # by default only the title and abstract are read; the body adds its own values
    from extractor.ingest.text import parse_text

    doc = parse_text(article.read_text("utf-8"), article.stem, str(article))
    abstract_starts = [(sec.start, sec.end) for sec in doc.sections if sec.kind in ("title", "abstract")]
    assert ra["sentences"] and all(any(a <= s["start"] < b for a, b in abstract_starts) for s in ra["sentences"])
    assert len(rb["p_values"]) > len(ra["p_values"])
    body = {s["section"] for s in rb["sentences"]} - {s["section"] for s in ra["sentences"]}
    assert body, "full text reads sections beyond the abstract"
