"""Evidence Inference benchmark: does trialex give the expert's label for a prompt?

For each prompt (intervention, comparator, outcome) of ``comparisons.jsonl`` whose evidence is
in the abstract, the abstract is extracted once (cached per id within the run), the prompt is
mapped to the record comparison whose outcome matches best (token overlap with the outcome
phrase, then with the evidence sentence), the comparison is oriented with the prompt
(if the prompt's intervention matches the comparison's comparator better than its
intervention, the direction is turned round), and the label is read from ``significant`` and
``direction``:

* significant is False                 -> "no significant difference"
* significant and direction increased  -> "significantly increased"
* significant and direction decreased  -> "significantly decreased"
* anything else                        -> no answer (counts against coverage, not accuracy)

Prompts are de-duplicated by ``prompt_id`` (the corpus repeats a prompt once per annotator;
the majority label is the gold). Reports per split: prompts, coverage (answered / prompts),
accuracy on answered prompts, accuracy over all prompts (unanswered counted wrong), and the
"always no significant difference" baseline.

    python benchmarks/evidence_inference.py [--split test] [--errors N] [--jobs 4]

Develop on train/validation; report test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from extractor.api import extract_file  # noqa: E402
from extractor.fields.comparisons import tokens  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus" / "evidence-inference"
NSD = "no significant difference"
MIN_SCORE = 0.5


def load_prompts(path: Path, splits: set[str]) -> list[dict]:
    by: dict[int, list[dict]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if r.get("in_abstract") and r["split"] in splits:
            by[r["prompt_id"]].append(r)
    prompts = []
    for rows in by.values():
        label = Counter(r["label"] for r in rows).most_common(1)[0][0]
        prompts.append({**rows[0], "label": label, "evidence_all": [r["evidence"] for r in rows]})
    return prompts


def _overlap(query: set[str], text: set[str]) -> float:
    if not query or not text:
        return 0.0
    return len(query & text) / len(query)


def _extract(path: str) -> tuple[str, list[dict] | None, str | None]:
    try:
        rec = extract_file(path)
        return path, [c.model_dump() for c in rec.comparisons], None
    except Exception as e:  # count as uncovered, keep going
        return path, None, f"{type(e).__name__}: {e}"


def label_of(c: dict, flip: bool) -> str | None:
    if c["significant"] is False:
        return NSD
    if c["significant"] is True:
        d = c["direction"]
        if d in ("increased", "decreased"):
            if flip:
                d = "decreased" if d == "increased" else "increased"
            return f"significantly {d}"
    return None


def match(prompt: dict, comparisons: list[dict]) -> tuple[dict | None, bool, float]:
    """The comparison that best answers the prompt, whether to flip it, and the match score."""
    q = tokens(prompt["outcome"])
    best, best_key = None, None
    for c in comparisons:
        ot = tokens(c["outcome"])
        o = _overlap(q, ot)
        so = _overlap(q, tokens(c["text"]))
        prec = len(q & ot) / max(1, len(ot))
        # the outcome phrase decides; the evidence sentence backs it up when the phrase was cut
        score = max(o, 0.85 * so)
        answered = label_of(c, False) is not None
        key = (score >= MIN_SCORE, round(score, 2), answered, round(o + 0.1 * prec, 3))
        if best_key is None or key > best_key:
            best, best_key = c, key
    if best is None:
        return None, False, 0.0
    ti, tc = tokens(prompt["intervention"]), tokens(prompt["comparator"])
    ci, cc = tokens(best["intervention"] or ""), tokens(best["comparator"] or "")
    flip = False
    if ci or cc:
        # the prompt's intervention is the comparison's comparator (or the prompt's comparator
        # its intervention): the record states the direction the other way round
        fwd = _overlap(ti, ci) + _overlap(tc, cc)
        rev = _overlap(ti, cc) + _overlap(tc, ci)
        flip = rev > fwd
    return best, flip, best_key[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--split", action="append", help="train, validation, test (default: all three)")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong answers per split")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    splits = args.split or ["train", "validation", "test"]
    prompts = load_prompts(args.corpus / "comparisons.jsonl", set(splits))
    ids = sorted({p["id"] for p in prompts})
    t0 = time.perf_counter()
    cache: dict[str, list[dict] | None] = {}
    paths = [str(args.corpus / "abstracts" / f"{i}.txt") for i in ids]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as ex:
            results = list(ex.map(_extract, paths, chunksize=8))
    else:
        results = [_extract(p) for p in paths]
    for i, (_, comps, _) in zip(ids, results, strict=False):
        cache[i] = comps
    elapsed = time.perf_counter() - t0

    figures = {}
    for split in splits:
        ps = [p for p in prompts if p["split"] == split]
        n = len(ps)
        answered = correct = 0
        errors = []
        for p in ps:
            comps = cache.get(p["id"]) or []
            c, flip, score = match(p, comps)
            pred = label_of(c, flip) if c is not None and score >= MIN_SCORE else None
            if pred is None:
                continue
            answered += 1
            if pred == p["label"]:
                correct += 1
            else:
                errors.append((p, c, pred, flip, score))
        base = sum(p["label"] == NSD for p in ps) / n if n else 0.0
        figures[split] = {
            "prompts": n,
            "answered": answered,
            "coverage": answered / n if n else 0.0,
            "accuracy": correct / answered if answered else 0.0,
            "accuracy_all": correct / n if n else 0.0,
            "baseline_nsd": base,
        }
        if args.errors:
            for p, c, pred, flip, score in errors[: args.errors]:
                print(f"--- {p['id']} gold={p['label']} pred={pred} flip={flip} score={score:.2f}")
                print(f"    prompt: I={p['intervention']!r} C={p['comparator']!r} O={p['outcome']!r}")
                print(f"    record: I={c['intervention']!r} C={c['comparator']!r} O={c['outcome']!r} "
                      f"dir={c['direction']} sig={c['significant']} p={c['p_value']}")
                print(f"    sentence: {c['text'][:300]}")
                print(f"    evidence: {p['evidence'][:300]}")
    if args.json:
        print(json.dumps({"abstracts": len(ids), "seconds": round(elapsed, 1), "splits": figures}, indent=1))
    else:
        print(f"{len(ids)} abstracts extracted in {elapsed:.1f} s")
        print(f"{'split':<11} {'prompts':>7} {'answered':>8} {'coverage':>8} {'accuracy':>8} {'acc(all)':>8} {'always-NSD':>10}")
        for split, f in figures.items():
            print(f"{split:<11} {f['prompts']:>7} {f['answered']:>8} {f['coverage']:>8.3f} {f['accuracy']:>8.3f} "
                  f"{f['accuracy_all']:>8.3f} {f['baseline_nsd']:>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
