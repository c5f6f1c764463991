"""Third-party benchmark for arms: are the arms Evidence Inference's experts compared found?

Each prompt of ``comparisons.jsonl`` names an intervention and a comparator, written by the
annotators from the article. For every abstract of the chosen split, each distinct arm text of
its prompts is looked for among the record's arms (label or alias): it is found when the
content words of the two overlap enough (half the words of the shorter, numbers and dose units
ignored), and a control-like comparator ("placebo", "usual care", "control") is also found by
an arm whose role is control. The figure is the share of prompt arms found (recall of
the arms the experts compared); ``--errors N`` lists N misses with the record's arms.

The reference is not the arms field's question: an expert may name a sub-comparison ("week 12
versus baseline"), a dose range or a combination the abstract calls otherwise, so misses are
a ceiling on what is wrong, not all errors. It is a check of how rules generalise over
thousands of abstracts that no rule was written against (use the train split to look at
misses; report the test split only).

Usage: python benchmarks/ei_arms.py [--split train|validation|test|all] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EI = ROOT.parent / "shared" / "corpus" / "evidence-inference"

# words that name no arm by themselves: function words, dose units, group nouns
_STOP = frozenset(
    "a an the of and or with in on for to at by plus versus vs group groups arm arms alone only "
    "mg g kg ml mcg ug iu day daily dose doses per h once twice weekly week weeks times "
    "patients patient treatment therapy treated receiving received".split())
_WORD = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_CONTROL = regex.compile(r"\b(?:placebo|control|usual|standard|sham|no\s+\w+|conventional|routine)\b", regex.I)


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def found(prompt_arm: str, arms: list) -> bool:
    want = words(prompt_arm)
    for arm in arms:
        for name in (arm.label, *arm.aliases):
            have = words(name)
            if want and have and len(want & have) >= 0.5 * min(len(want), len(have)):
                return True
    return bool(_CONTROL.search(prompt_arm)) and any(a.role == "control" for a in arms)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["train", "validation", "test", "all"])
    ap.add_argument("--errors", type=int, default=0, help="list this many misses (seeded sample)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from extractor.api import extract_file

    wanted: dict[str, set[str]] = defaultdict(set)
    for line in (EI / "comparisons.jsonl").open(encoding="utf-8"):
        p = json.loads(line)
        if args.split != "all" and p["split"] != args.split:
            continue
        for key in ("intervention", "comparator"):
            if words(p[key]):
                wanted[p["id"]].add(p[key].strip())
    total = hit = docs = docs_all = 0
    misses: list[tuple[str, str, list[str]]] = []
    for pmc in sorted(wanted):
        path = EI / "abstracts" / f"{pmc}.txt"
        if not path.exists():
            continue
        record = extract_file(path)
        docs += 1
        n_hit = sum(found(t, record.arms) for t in wanted[pmc])
        docs_all += n_hit == len(wanted[pmc])
        total += len(wanted[pmc])
        hit += n_hit
        misses += [(pmc, t, [a.label for a in record.arms]) for t in sorted(wanted[pmc]) if not found(t, record.arms)]
    figures = {"split": args.split, "abstracts": docs, "prompt_arms": total, "found": hit,
               "recall": round(hit / total, 3) if total else None,
               "abstracts_all_found": round(docs_all / docs, 3) if docs else None}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"split {args.split}: {docs} abstracts, {total} distinct prompt arms; found {hit} "
              f"(recall {figures['recall']}); every arm found in {figures['abstracts_all_found']} of abstracts")
    for pmc, text, arms in random.Random(0).sample(misses, min(args.errors, len(misses))):
        print(f"  {pmc}: {text!r}  arms: {arms}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
