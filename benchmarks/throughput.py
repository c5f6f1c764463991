"""Throughput of trialex against the floor of spaCy tokenisation, in one run.

    python benchmarks/throughput.py [FOLDER] [--jobs 2] [--limit N] [--stages]

(a) ``spacy.blank("en")`` + the stock sentencizer over every text (the floor: any spaCy-based
    tool pays this); (b) full extraction — every field, every check, JSON serialisation — in
    this process; (c) the same with ``--jobs`` worker processes (pool start-up included).
Prints docs/s for each, b/a, c/b and peak RSS (this process, and the largest worker).
Targets: b >= 0.5 x a, c >= 1.6 x b (on 2 cores), peak RSS < 400 MB.
``--stages`` then prints where (b)'s time goes: CPU ms per document for reading + ingest,
normalisation + sentences, each field module, the checks and the JSON line.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "corpus" / "evidence-inference" / "abstracts"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--stages", action="store_true", help="also print CPU ms/doc per stage of (b)")
    args = ap.parse_args()

    import spacy

    from extractor.api import iter_paths
    from extractor.batch import BatchOptions, Task, WorkerPool, run_tasks, warm_up

    paths = [str(p) for p in iter_paths([args.folder])]
    if args.limit:
        paths = paths[: args.limit]
    n = len(paths)
    tasks = lambda: (Task(i, p) for i, p in enumerate(paths))  # noqa: E731

    # (a) the floor: read, tokenise, split sentences
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    t = time.perf_counter()
    for p in paths:
        doc = nlp(Path(p).read_text("utf-8", "replace"))
        sum(1 for _ in doc.sents)
    a = n / (time.perf_counter() - t)

    # (b) full extraction in this process (pipeline built first, as a worker does)
    warm_up()
    opts = BatchOptions()
    t = time.perf_counter()
    docs_b = errors_b = 0
    for res in run_tasks(tasks(), opts, jobs=1):
        docs_b += len(res.records)
        errors_b += len(res.errors)
    b = n / (time.perf_counter() - t)

    # (c) the same with worker processes, start-up included
    t = time.perf_counter()
    docs_c = 0
    with WorkerPool(args.jobs, opts) as pool:
        for res in pool.imap(tasks()):
            docs_c += len(res.records)
        # workers are the forkserver's children, not ours: RUSAGE_CHILDREN cannot see them
        child_mb = max(pool.peak_rss_mb())
    c = n / (time.perf_counter() - t)

    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {n}  records: {docs_b} (errors {errors_b}), with --jobs {args.jobs}: {docs_c}")
    print(f"(a) spaCy blank+sentencizer : {a:8.1f} docs/s")
    print(f"(b) extraction, 1 process   : {b:8.1f} docs/s   b/a = {b / a:.2f}  (target >= 0.5)")
    print(f"(c) extraction, --jobs {args.jobs:<2}   : {c:8.1f} docs/s   c/b = {c / b:.2f}  (target >= 1.6)")
    print(f"peak RSS: main {self_mb:.0f} MB, largest worker {child_mb:.0f} MB  (target < 400 MB)")
    if args.stages:
        print_stages(paths)
    return 0


def print_stages(paths: list[str]) -> None:
    """CPU time per document of each stage of one-process extraction (process time, so
    another program on the machine disturbs it less than wall time)."""
    from collections import Counter

    from extractor import checks
    from extractor.ingest import load_bytes
    from extractor.outputs import record_json
    from extractor.pipeline import _modules, build_context, extract_document

    clock = time.process_time
    spent: Counter[str] = Counter()
    n = 0
    for p in paths:
        t = clock()
        docs = list(load_bytes(Path(p).read_bytes(), Path(p).stem, p))
        spent["read + ingest"] += clock() - t
        for d in docs:
            n += 1
            t = clock()
            ctx = build_context(d)
            spent["normalise + sentences"] += clock() - t
            for mod in _modules():
                t = clock()
                ctx.results[mod.FIELD] = mod.extract(ctx)
                spent[f"field {mod.FIELD}"] += clock() - t
            record = extract_document(d, run_checks=False)  # the record the checks read
            t = clock()
            record.flags = checks.run_all(record)
            spent["checks"] += clock() - t
            t = clock()
            record_json(record)
            spent["JSON line"] += clock() - t
    total = sum(spent.values())
    print(f"\nCPU ms per document, by stage ({n} documents; record assembly not counted):")
    for stage, sec in spent.most_common():
        print(f"  {stage:28s} {1000 * sec / n:6.3f}")
    print(f"  {'total':28s} {1000 * total / n:6.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
