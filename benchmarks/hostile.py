"""Hostile-input benchmark: 30 broken or malicious files mixed with 30 good abstracts.

    python benchmarks/hostile.py [--keep DIR]

Builds the folder, runs ``trialex extract DIR -o out.jsonl --jobs 1`` (one core) and checks:
under 60 s, exit code 0, 30 good records, and for each hostile file a record or a one-line
error naming it. Then it times every rule over its own examples stretched to
``rules.SHORT_SPAN`` characters (the span below which regex runs without its timeout) and
checks that the slowest whole scan stays under 0.25 s (a quarter of REGEX_TIMEOUT).
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "evidence-inference" / "abstracts"


def good_texts(n: int) -> list[tuple[str, bytes]]:
    files = sorted(CORPUS.glob("*.txt"))[:n] if CORPUS.is_dir() else []
    if len(files) == n:
        return [(f.name, f.read_bytes()) for f in files]
    sys.path.insert(0, str(ROOT / "tests"))
    from batchutil import abstract

    return [(f"good{i:02d}.txt", abstract(i).encode()) for i in range(n)]


def hostile(sample: str) -> dict[str, bytes]:
    s = sample.encode("utf-8")
    pdf_head = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    return {
        "h01-empty.txt": b"",
        "h02-blanks.txt": b" \n\n\t \n",
        "h03-random-binary.txt": bytes((i * 7919 + 13) % 256 for i in range(50_000)),
        "h04-truncated.pdf": pdf_head + b"2 0 obj\n<< /Type /Pag",
        "h05-header-only.pdf": b"%PDF-1.4\n",
        "h06-html-named.pdf": b"<!DOCTYPE html><html><head><title>Trial</title></head><body>" + s + b"</body></html>",
        "h07-html.txt": b"<html><body><p>" + s + b"</p></body></html>",
        "h08-text-named.pdf": s,
        "h09-pdf-named.txt": pdf_head + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n",
        "h10-utf16-bom.txt": codecs.BOM_UTF16_LE + sample.encode("utf-16-le"),
        "h11-utf16-be-bom.txt": codecs.BOM_UTF16_BE + sample.encode("utf-16-be"),
        "h12-utf16-nobom.txt": sample.encode("utf-16-le"),
        "h13-utf8-bom.txt": codecs.BOM_UTF8 + s,
        "h14-latin1.txt": sample.encode("latin-1", "replace"),
        "h15-cp1252.txt": ("“" + sample + "” – µg").encode("cp1252", "replace"),
        "h16-nul-laden.txt": s.replace(b" ", b" \x00"),
        "h17-controls.txt": s.replace(b".", b".\x07\x1b"),
        "h18-huge.txt": s * (25_000_000 // max(1, len(s)) + 1),
        "h19-zip.txt": b"PK\x03\x04" + bytes(1000),
        "h20-png.pdf": b"\x89PNG\r\n\x1a\n" + bytes(1000),
        "h21-gzip-bomb.txt.gz": gzip.compress(b"a" * 30_000_000),
        "h22-ci-redos.txt": ("Results: " + "95% CI 1.2-" * 100_000).encode(),
        "h23-p-redos.txt": ("Results: " + "P = " * 100_000).encode(),
        "h24-long-number.txt": ("P = 0." + "1" * 200_000 + " and OR 1e" + "9" * 5000).encode(),
        "h25-one-huge-line.txt": ("randomized " * 150_000).encode(),
        "h26-parens.txt": ("(" * 50_000 + "P = .04" + ")" * 50_000).encode(),
        "h27-newlines.txt": b"\n" * 500_000 + s,
        "h28-mixed-encoding.txt": s + "naïve".encode("latin-1") + s,
        "h29-malformed-pubmed.xml": b"<?xml version='1.0'?><PubmedArticleSet><PubmedArticle><MedlineCitation>",
        "h30-unicode-soup.txt": ("".join(chr(c) for c in range(0x2000, 0x2100)) * 200).encode(),
        # one sentence of 50,000 counts: a per-count step that scans the sentence is quadratic
        "h31-counts.txt": ("Results: " + "12 of " * 50_000).encode(),
        "h32-count-phrases.txt": ("Results: " + "Of the 12 patients, " * 50_000).encode(),
    }


def short_span_worst() -> tuple[float, str]:
    """The slowest whole scan, in seconds, of any rule over a text of rules.SHORT_SPAN
    characters made from one of its examples (repeated as written, cut short, with doubled
    spaces, or as a comma list): what a call without regex's timeout can cost."""
    sys.path.insert(0, str(ROOT))
    from extractor.rules import SHORT_SPAN, load_rules

    worst = (0.0, "")
    for f in sorted((ROOT / "patterns").glob("*.json")):
        if f.name.endswith(".lexicon.json"):
            continue
        for rule in load_rules(f.stem).rules:
            for ex in rule.examples.match + rule.examples.no_match:
                for v in (ex, ex[:-1], ex.rsplit(" ", 1)[0], ex.replace(" ", "  ")):
                    for sep in (" ", ", "):
                        unit = v.rstrip(".") + sep
                        text = (unit * (SHORT_SPAN // len(unit) + 1))[:SHORT_SPAN]
                        t = time.perf_counter()
                        for _ in rule.regex.finditer(text):
                            pass
                        worst = max(worst, (time.perf_counter() - t, f"{f.stem}:{rule.id}"))
    return worst


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", help="build the folder here and keep it")
    ap.add_argument("--timeout", default="10")
    args = ap.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="trialex-hostile-"))
    folder = base / "in"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    goods = good_texts(30)
    for name, data in goods:
        (folder / name).write_bytes(data)
    bad = hostile(goods[0][1].decode("utf-8"))
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    out = base / "out.jsonl"
    for p in (out, Path(str(out) + ".errors.jsonl")):
        p.unlink(missing_ok=True)
    cmd = [sys.executable, "-c", "import cli; cli.main()", "extract", str(folder), "-o", str(out),
           "--jobs", "1", "--timeout", args.timeout, "--no-progress"]
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    recs = {Path(json.loads(line)["source"]).name for line in out.read_text().splitlines()}
    errf = Path(str(out) + ".errors.jsonl")
    errs = {Path(e["file"]).name: e["reason"] for e in map(json.loads, errf.read_text().splitlines())} if errf.exists() else {}
    good_ok = sum(1 for name, _ in goods if name in recs)
    print(f"{'file':28} outcome")
    for name in bad:
        print(f"{name:28} {'record' if name in recs else 'error: ' + errs.get(name, 'MISSING')}")
    missing = [n for n in bad if n not in recs and n not in errs]
    tracebacks = proc.stderr.count("Traceback")
    print(f"\nelapsed {elapsed:.1f} s, exit code {proc.returncode}, good records {good_ok}/30, "
          f"hostile: {sum(n in recs for n in bad)} records + {len(errs)} errors, missing {len(missing)}, "
          f"tracebacks {tracebacks}")
    slowest, rule = short_span_worst()
    print(f"slowest rule over a short span: {1000 * slowest:.1f} ms ({rule})")
    ok = (elapsed < 60 and proc.returncode == 0 and good_ok == 30 and not missing and not tracebacks
          and slowest < 0.25)
    print("PASS" if ok else "FAIL")
    if not args.keep:
        shutil.rmtree(base)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
