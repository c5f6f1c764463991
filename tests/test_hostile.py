"""Hostile and broken input: every file ends as a record or a one-line error, the batch goes on."""

from __future__ import annotations

import codecs
from pathlib import Path

from batchutil import abstract, make_corpus, read_jsonl
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def batch(folder: Path, out: Path, *extra: str) -> tuple[dict[str, dict], dict[str, str], str]:
    """Run extract over ``folder``; records and error reasons keyed by file name."""
    res = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--jobs", "1", "--no-progress", *extra])
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.stderr
    recs = {Path(r["source"]).name: r for r in read_jsonl(out)}
    errs_file = Path(str(out) + ".errors.jsonl")
    errs = {Path(e["file"]).name: e["reason"] for e in (read_jsonl(errs_file) if errs_file.exists() else [])}
    return recs, errs, res.stderr


def test_hostile_files_give_clear_errors_and_good_files_still_come_through(tmp_path: Path) -> None:
    d = tmp_path / "in"
    make_corpus(d, 3)
    good = abstract(7)
    (d / "empty.txt").write_bytes(b"")
    (d / "blanks.txt").write_bytes(b"  \n\t\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty")
    (d / "page.pdf").write_bytes(b"<!DOCTYPE html>\n<html><head><title>Trial</title></head><body>P = .04</body></html>")
    (d / "text-named.pdf").write_text(good, encoding="utf-8")
    (d / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + good.replace("placebo", "placébo").encode("utf-16-le"))
    (d / "latin1.txt").write_bytes(good.replace("placebo", "placébo").encode("latin-1"))
    (d / "nul.txt").write_bytes(good.encode().replace(b". ", b".\x00 ").replace(b"\n", b"\x00\n"))
    (d / "huge.txt").write_bytes(good.encode() * 2000)  # ~2 MB, above the --max-bytes below
    (d / "zip.txt").write_bytes(b"PK\x03\x04" + bytes(200))
    (d / "repeat.txt").write_text("95% CI 1.2- " * 20_000 + "\n" + "P = " * 20_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    recs, errs, stderr = batch(d, out, "--max-bytes", "1000000", "--timeout", "5")

    assert {"trial00000.txt", "trial00001.txt", "trial00002.txt"} <= set(recs)
    assert errs["empty.txt"] == "empty file"
    assert errs["blanks.txt"] == "empty file"
    assert errs["binary.txt"] == "binary file, not text"
    assert "PDF" in errs.get("truncated.pdf", "") or "truncated.pdf" in recs
    assert errs["page.pdf"].startswith("HTML page, not a trial report")
    assert errs["huge.txt"] == f"file is {len(good.encode()) * 2000 / 1e6:.1f} MB, above the 1.0 MB limit (--max-bytes)"
    assert errs["zip.txt"].startswith("ZIP archive")
    assert "repeat.txt" in recs or "repeat.txt" in errs
    # decoded, not refused; the encoding is noted on the record when it was not UTF-8
    assert recs["text-named.pdf"]["title"].startswith("Effect of")
    assert "placébo" in recs["utf16.txt"]["sentences"][0]["text"] or recs["utf16.txt"]["title"]
    assert "decoded as utf-16" in recs["utf16.txt"]["warnings"]
    assert "decoded as cp1252" in recs["latin1.txt"]["warnings"]
    assert recs["nul.txt"]["title"].startswith("Effect of")
    # every error is one line naming the file and the reason
    for name, reason in errs.items():
        assert f"{name}: {reason}" in stderr
        assert "\n" not in reason
    assert len(recs) + len(errs) == len(list(d.iterdir()))


def test_redos_repetitions_end_as_a_record_or_an_error(tmp_path: Path) -> None:
    d = tmp_path / "in"
    make_corpus(d, 1)
    (d / "ci.txt").write_text("Results: " + "95% CI 1.2-" * 100_000 + "\n", encoding="utf-8")
    (d / "p.txt").write_text("Results: " + "P = " * 100_000 + "\n", encoding="utf-8")
    recs, errs, _ = batch(d, tmp_path / "out.jsonl", "--timeout", "3")
    assert "trial00000.txt" in recs
    for name in ("ci.txt", "p.txt"):
        assert name in recs or errs[name] == "took longer than 3 s (--timeout); skipped"


def test_lone_surrogate_in_api_text_still_serialises() -> None:
    """pydantic-core refuses lone surrogates; a str from the API can hold one."""
    from extractor.api import extract_text
    from extractor.outputs import record_json

    line = record_json(extract_text("Sixty patients were randomized \ud800 to drug or placebo (P = 0.03)."))
    assert '"randomized":60' in line.replace(" ", "")
