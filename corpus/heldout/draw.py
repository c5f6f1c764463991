"""Seeded draws of held-out abstracts from the Evidence-Inference corpus.

Five draws have been made, all from the 3,147 abstracts in
``shared/corpus/evidence-inference/abstracts/*.txt`` (id = file stem):

1. ``random.Random(20261204)`` -- 40 abstracts, excluding the official gold
   (every id with a file anywhere under ``shared/gold/``) and every id named
   anywhere in the repository or in the engineers' notes; one drawn id that
   had been discussed was replaced by another seeded draw.  The 20 lowest PMC
   ids became ``gold-tune/``, the other 20 ``gold-test/``.
2. ``random.Random(202612042)`` -- 30 more abstracts under the same
   exclusions at that time (which by then included the first draw);
   ``gold-tune2/``.
3. ``random.Random(202612043)`` -- 30 more abstracts; ``gold-tune3/``.
   Excluded: every id with a file in ``shared/gold/`` (any subfolder), every
   id in ``corpus/heldout/abstracts/`` (the first two draws), and every
   ``PMC<digits>`` string appearing in any file tracked by git in this
   repository (contents and paths).  The remaining ids are sorted and
   ``random.Random(202612043).sample(remaining, 30)`` is taken.

4. ``random.Random(202612051)`` -- 30 more abstracts; ``gold-tune4/``.
   Excluded: as for the third draw (which by then included it), plus every
   id in ``corpus/heldout/noted_ids.csv`` (a .csv, which trialex does not
   read as a document): the PMC ids named in the
   engineers' notes and in the diffs of changed records read during
   development up to 2026-12-05, so that the draw holds only abstracts no
   one has looked at.

5. ``random.Random(202612052)`` -- 30 more abstracts; ``gold-tune5/``.
   Excluded: as for the fourth draw (which by then included it), with
   ``noted_ids.csv`` grown by the ids of every record whose output changed
   during the session of 2026-12-05 04:20-06:25 (the diffs its engineers
   read) and every id in that session's notes.

This script reproduces only the latest draw.  Run it before the drawn
abstracts are copied into ``corpus/heldout/abstracts/`` and committed (after
that the drawn ids are themselves excluded).  Usage:

    python corpus/heldout/draw.py [--repo /work/main] [--shared /work/shared]
"""
import argparse
import random
import re
import subprocess
from pathlib import Path

SEED = 202612052
N = 30
PMC = re.compile(r"PMC[0-9]+")


def excluded_ids(repo: Path, shared: Path) -> set:
    ex = set()
    for f in (shared / "gold").rglob("*"):
        if f.is_file():
            ex.add(f.stem)
    noted = repo / "corpus" / "heldout" / "noted_ids.csv"
    if noted.is_file():
        ex.update(PMC.findall(noted.read_text()))
    for f in (repo / "corpus" / "heldout" / "abstracts").glob("*.txt"):
        ex.add(f.stem)
    tracked = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"],
                             capture_output=True, check=True).stdout
    for rel in tracked.decode().split("\0"):
        if not rel:
            continue
        ex.update(PMC.findall(rel))
        p = repo / rel
        if p.is_file():
            ex.update(PMC.findall(p.read_bytes().decode("utf-8", "replace")))
    return ex


def draw(repo: Path, shared: Path) -> list:
    pool = sorted(p.stem for p in (shared / "corpus" / "evidence-inference" / "abstracts").glob("*.txt"))
    ex = excluded_ids(repo, shared)
    remaining = sorted(i for i in pool if i not in ex)
    return random.Random(SEED).sample(remaining, N)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(Path(__file__).resolve().parents[2]))
    ap.add_argument("--shared", default="/work/shared")
    a = ap.parse_args()
    for i in draw(Path(a.repo), Path(a.shared)):
        print(i)
