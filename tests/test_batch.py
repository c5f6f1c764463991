"""Batch extraction: resumable, loss-free under SIGKILL, deterministic, parallel, on Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from batchutil import make_corpus, read_jsonl
from typer.testing import CliRunner

from cli import app
from extractor.batch import BatchOptions, Task, WorkerPool, make_tasks, process_task, resume_state, run_tasks

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str) -> object:
    res = runner.invoke(app, ["extract", *args, "--no-progress"])
    assert res.exit_code in (0, 1), res.output
    return res


def test_records_carry_path_and_file_hash(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    recs = read_jsonl(out)
    assert [r["source"] for r in recs] == [str(tmp_path / "in" / f"trial{i:05d}.txt") for i in range(2)]
    import hashlib

    for r in recs:
        assert r["content_hash"] == hashlib.sha256(Path(r["source"]).read_bytes()).hexdigest()[:16]


def test_rerun_skips_done_files_and_appends_new_ones(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    first = out.read_bytes()
    make_corpus(tmp_path / "in", 2, start=3)
    res = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert out.read_bytes().startswith(first)  # appended, never rewritten
    sources = [r["source"] for r in read_jsonl(out)]
    assert len(sources) == 5 and len(set(sources)) == 5
    assert "skipped" in res.stderr
    # a changed file is done again (its bytes no longer hash the same)
    (tmp_path / "in" / "trial00000.txt").write_text("Changed. 40 patients were randomized.\n")
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert len(read_jsonl(out)) == 5


def test_changed_file_replaces_its_stale_record(tmp_path: Path) -> None:
    """A reviewer must not get two records for one report: the old record goes."""
    make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    changed = tmp_path / "in" / "trial00001.txt"
    changed.write_text("Changed. 40 patients were randomized.\n")
    res = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    recs = read_jsonl(out)
    assert sorted(r["source"] for r in recs) == sorted(str(p) for p in (tmp_path / "in").iterdir())
    new = next(r for r in recs if r["source"] == str(changed))
    assert new["sample_size"]["randomized"] == 40
    assert "removed 1 record(s) of files that changed" in res.stderr
    # an unchanged rerun rewrites nothing
    before = out.read_bytes()
    res = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert out.read_bytes() == before and "removed" not in res.stderr


def test_resumed_export_keeps_the_records_of_its_first_run(tmp_path: Path) -> None:
    """Records from a partly written export (same bytes) are continued, not dropped."""
    nbib = ROOT / "corpus" / "medline" / "pubmed_sample.nbib"
    out = tmp_path / "out.jsonl"
    run(str(nbib), "-o", str(out), "--jobs", "1")
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:7]))  # as if killed after 7 records
    run(str(nbib), "-o", str(out), "--jobs", "1")
    assert out.read_bytes() == b"".join(lines)


def test_resume_cuts_a_half_written_last_line(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])  # killed mid-write
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    recs = read_jsonl(out)
    assert sorted(r["source"] for r in recs) == sorted(str(p) for p in (tmp_path / "in").iterdir())


def test_errors_go_to_errors_file_and_are_not_retried(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "blank.txt").write_text("   \n")
    out = tmp_path / "out.jsonl"
    res = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert "blank.txt: empty file" in res.stderr
    errs = read_jsonl(Path(str(out) + ".errors.jsonl"))
    assert [(e["file"], e["reason"]) for e in errs] == [(str(tmp_path / "in" / "blank.txt"), "empty file")]
    state = resume_state(out)
    assert len(state) == 3
    res = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert len(read_jsonl(Path(str(out) + ".errors.jsonl"))) == 1
    assert len(read_jsonl(out)) == 2


def test_output_is_byte_identical_across_runs_and_jobs(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 20)
    outs = []
    for jobs in ("1", "2", "1"):
        out = tmp_path / f"out{len(outs)}.jsonl"
        run(str(tmp_path / "in"), "-o", str(out), "--jobs", jobs)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    assert outs[0].count(b"\n") == 20


def test_sigkill_midway_leaves_valid_jsonl_and_rerun_completes(tmp_path: Path) -> None:
    """A run killed with SIGKILL (workers too) loses nothing written; rerun fills the rest."""
    folder = tmp_path / "in"
    # enough files that the kill, sent once 10 lines are out, lands before the last one even
    # when this process wakes late on a busy machine (60 files were written in ~0.1 s once
    # workers started in 0.08 s, and a late wake-up saw the run finished)
    total = 600
    make_corpus(folder, total)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-c", "import cli; cli.main()", "extract", str(folder), "-o", str(out),
           "--jobs", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 10:
                break
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its forkserver and its workers
        proc.wait()
    # Every whole line parses. The last line alone may be cut: a kill during the write of a
    # record (5-7 KB) can stop it between two memory pages, which no appending writer can
    # prevent (seen about once in 50 kills). The rerun cuts that line (repair_jsonl) and
    # writes the record again; nothing whole is lost.
    data = out.read_bytes()
    whole = data[: data.rfind(b"\n") + 1]
    partial = [json.loads(line) for line in whole.decode("utf-8").splitlines()]
    assert b"\n" not in data[len(whole):]
    assert 10 <= len(partial) < total, "kill did not land mid-way"
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    recs = read_jsonl(out)
    counts = Counter(r["source"] for r in recs)
    assert set(counts) == {str(p) for p in folder.iterdir()}
    assert max(counts.values()) == 1  # no duplicates
    assert [json.dumps(r) for r in recs[: len(partial)]] == [json.dumps(r) for r in partial]


def test_worker_that_dies_is_replaced_and_the_batch_goes_on(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "in", 6)
    fifo = tmp_path / "in" / "stuck.txt"
    os.mkfifo(fifo)  # opening it blocks: the worker sits on this file until we kill it
    tasks = [Task(i, str(p)) for i, p in enumerate([files[0], fifo, *files[1:]])]
    opts = BatchOptions(timeout=60)
    results = []
    with WorkerPool(2, opts, chunksize=1) as pool:
        it = pool.imap(tasks)
        results.append(next(it))
        victim = None
        while victim is None:
            victim = next((s for s in pool.slots if s.queue and s.queue[0].path == str(fifo)), None)
            time.sleep(0.05)
        time.sleep(0.3)
        os.kill(victim.proc.pid, signal.SIGKILL)
        results.extend(it)
    assert [r.path for r in results] == [t.path for t in tasks]
    assert "worker process died" in results[1].errors[0]["reason"]
    assert all(len(r.records) == 1 for r in results if r.path != str(fifo))
    assert pool.replaced == 1


def test_document_timeout_gives_an_error_in_process(tmp_path: Path) -> None:
    fifo = tmp_path / "stuck.txt"
    os.mkfifo(fifo)
    res = process_task(Task(0, str(fifo)), BatchOptions(timeout=0.5))
    assert res.errors[0]["reason"] == "took longer than 0.5 s (--timeout); skipped"


def test_same_per_file_function_runs_on_a_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    make_corpus(tmp_path / "in", 5)
    (tmp_path / "in" / "blank.txt").write_text("")
    opts = BatchOptions()
    local = [r.entries for r in run_tasks(make_tasks([tmp_path / "in"]), opts, jobs=1)]
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        remote = [r.entries for r in run_tasks(make_tasks([tmp_path / "in"]), opts, scheduler=client)]
    assert remote == local
    assert sum(1 for e in local if e[0][0] == "record") == 5


def test_a_last_line_cut_by_a_kill_is_cut_off_and_its_record_written_again(tmp_path: Path) -> None:
    # what a kill during the write of a record leaves (see the SIGKILL test): whole lines and a
    # part of the next one; the rerun keeps the whole lines and appends the rest
    make_corpus(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert out.read_bytes() == full
