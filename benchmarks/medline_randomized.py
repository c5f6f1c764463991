"""Third-party benchmark: does ``design.randomized`` agree with MEDLINE's indexing?

For every record with an abstract in a MEDLINE export (default:
../shared/corpus/medline/pubmed_test.txt), the prediction is ``record.design.randomized is
True`` and the reference is the NLM publication type "Randomized Controlled Trial". Prints
precision, recall, F1 and the confusion counts; ``--errors`` lists the disagreements with
the evidence sentence, ``--json`` prints the figures as JSON.

The reference is not the same question as the field: MEDLINE indexes the *publication*
(a report of an RCT), while ``design.randomized`` records what the abstract says (animal
studies that randomise count; RCTs whose abstract never says "randomised" do not). The
disagreements are therefore a floor on what rules alone can reach, not all errors.

Usage: python benchmarks/medline_randomized.py [PATH] [--errors] [--json]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from extractor.api import extract_records

RCT = "Randomized Controlled Trial"
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "medline" / "pubmed_test.txt"


def evaluate(path: Path) -> tuple[dict, list[tuple[str, object]]]:
    t0 = time.perf_counter()
    records = extract_records(path)
    elapsed = time.perf_counter() - t0
    tp = fp = fn = tn = 0
    errors: list[tuple[str, object]] = []
    n = 0
    for r in records:
        if "record has no abstract" in r.warnings:
            continue
        n += 1
        gold = RCT in r.publication_types
        pred = r.design.randomized is True
        if gold and pred:
            tp += 1
        elif pred:
            fp += 1
            errors.append(("FP", r))
        elif gold:
            fn += 1
            errors.append(("FN", r))
        else:
            tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    res = {
        "records_with_abstract": n,
        "records_total": len(records),
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": round(p, 4), "recall": round(rc, 4), "f1": round(f1, 4),
        "seconds": round(elapsed, 2),
    }
    return res, errors


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"not found: {path}", file=sys.stderr)
        return 2
    res, errors = evaluate(path)
    if "--json" in argv:
        print(json.dumps(res, indent=1))
    else:
        print(f"MEDLINE 'Randomized Controlled Trial' vs design.randomized == true  ({path.name})")
        print(f"records with abstract: {res['records_with_abstract']} of {res['records_total']}")
        print(f"TP {res['tp']}  FP {res['fp']}  FN {res['fn']}  TN {res['tn']}")
        print(f"precision {res['precision']:.3f}  recall {res['recall']:.3f}  F1 {res['f1']:.3f}")
        print(f"extraction time {res['seconds']} s")
    if "--errors" in argv:
        for kind, r in errors:
            ev = r.design.evidence.get("randomized")
            where = f"[{ev.rule}] {r.sentences[ev.sentence].text[:200] if False else ev.text}" if ev else "-"
            print(f"{kind} {r.id} {'; '.join(t for t in r.publication_types if t != 'Journal Article')} | "
                  f"{(r.title or '')[:90]} | {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
