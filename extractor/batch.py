"""Batch extraction over folders: parallel, resumable, bounded, and the same on a cluster.

The unit of work is one file (:func:`process_task`): read it (size-limited), hash its bytes,
extract every document in it under a per-document time limit, and return the records as
JSON lines plus one-line errors. The same function runs

* in this process (``jobs=1``), guarded by ``SIGALRM``;
* in worker processes (:class:`WorkerPool`): each builds the spaCy pipeline once, takes
  chunks of tasks and reports each file as it finishes; a worker stuck past the hard limit
  (in C code a signal cannot interrupt) is killed and replaced, and its file gets an error;
* on a Dask cluster (:func:`run_dask`).

Results come back in input order whatever the parallelism, so the output is byte-identical
for any ``jobs``. Nothing holds the whole corpus: paths are walked lazily and at most a
bounded window of files is in flight.

Resuming: a JSONL output is appended to, never rewritten. :func:`resume_state` reads what a
previous run wrote (after cutting a partial last line) into ``{source: Done}``, where each
record's ``source`` is the file path and ``content_hash`` the hash of the file's bytes; a file
whose bytes still hash the same is skipped, or, for a PubMed export, resumed after its
last written document.
"""

from __future__ import annotations

import _signal
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from extractor.api import file_hash, iter_data, iter_paths
from extractor.document import IngestError
from extractor.ingest import DEFAULT_MAX_BYTES, read_bounded, sniff
from extractor.outputs import iter_jsonl, record_json, repair_jsonl
from extractor.records import TrialRecord

DEFAULT_TIMEOUT = 10.0
# File kinds holding exactly one document: once one record is written, the file is done.
_MULTI_KINDS = ("pubmed-xml", "medline", "gzip")


@dataclass(frozen=True)
class BatchOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per document; None or 0: no limit
    debug: bool = False
    retry_errors: bool = False  # on resume, try again files that failed last time
    full_text: bool = False  # also mine the body sections of full articles

    @property
    def hard_timeout(self) -> float | None:
        """When a worker that ignored the soft limit is killed (C code holding the process)."""
        return self.timeout * 1.5 + 5.0 if self.timeout else None


@dataclass(frozen=True)
class Done:
    """What an earlier run wrote for one source file."""

    content_hash: str | None
    count: int = 0  # documents finished (records + per-document errors), in file order
    file_error: bool = False  # the whole file failed


@dataclass(frozen=True)
class Task:
    seq: int
    path: str
    done: Done | None = None


@dataclass
class FileResult:
    """One file's outcome: entries in document order, each ``("record", json_line)`` or
    ``("error", {"file", "reason", "index"?, "content_hash"?})``."""

    seq: int
    path: str
    entries: list[tuple[str, Any]] = field(default_factory=list)
    values: int = 0
    flags: int = 0
    skipped: int = 0  # 1 if the file was already done
    seconds: float = 0.0

    @property
    def records(self) -> list[str]:
        return [e for k, e in self.entries if k == "record"]

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [e for k, e in self.entries if k == "error"]


class DocumentTimeout(BaseException):
    """Raised by the SIGALRM guard. A BaseException, so that the ``except Exception`` which
    keeps one failing field from losing the others cannot swallow it."""


def _raise_timeout(signum: int, frame: Any) -> None:
    raise DocumentTimeout()


def _alarm_usable(seconds: float | None) -> bool:
    return bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread after ``seconds`` (main thread only;
    elsewhere — Dask worker threads — the regex timeouts and the caller's limit apply)."""
    with _Alarm(seconds) as alarm:
        alarm.arm()
        try:
            yield
        finally:
            alarm.disarm()


def _current_handler() -> Any:
    """``signal.getsignal(signal.SIGALRM)`` for a test of identity: the public function first
    tries to turn the handler into a ``signal.Handlers`` member, which for a Python function
    raises and catches a ValueError (~15 µs a file in a batch, more than the guard's timers)."""
    return _signal.getsignal(signal.SIGALRM)


class _Alarm:
    """The SIGALRM guard of one file's steps (reading it, each document): the handler is
    installed once for all of them and only the timer is armed around each step.
    ``signal.signal`` costs ~5 µs, and a context manager per step as much again: installed
    per step, the guard cost more than some field extractors. Where the handler is already
    installed (a worker process installs it for its lifetime) nothing is installed."""

    __slots__ = ("seconds", "previous", "installed")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if _alarm_usable(seconds) else None
        self.previous: Any = None
        self.installed = False

    def __enter__(self) -> _Alarm:
        if self.seconds and _current_handler() is not _raise_timeout:
            self.previous = signal.signal(signal.SIGALRM, _raise_timeout)
            self.installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        # (restored only if still ours: a run-wide guard in a generator, see run_tasks, lets
        # the caller's code run between files, which may have installed a handler of its own)
        if self.installed:
            if _current_handler() is _raise_timeout:
                signal.signal(signal.SIGALRM, self.previous)
            self.installed = False

    def arm(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)


def count_values(r: TrialRecord) -> int:
    return (len(r.p_values) + len(r.intervals) + len(r.event_rates) + len(r.arms) + len(r.endpoints)
            + len(r.summaries) + len(r.test_statistics))


def _error(path: str, reason: str, index: int | None = None, content_hash: str | None = None,
           tb: str | None = None) -> tuple[str, dict[str, Any]]:
    e: dict[str, Any] = {"file": path, "reason": reason}
    if index is not None:
        e["index"] = index
    if content_hash is not None:
        e["content_hash"] = content_hash
    if tb:
        e["traceback"] = tb
    return ("error", e)


def process_task(task: Task, opts: BatchOptions, tick: Callable[[], None] | None = None) -> FileResult:
    """Everything for one file; never raises for bad input (errors are entries)."""
    t0 = time.perf_counter()
    res = FileResult(task.seq, task.path)
    try:
        _process(task, opts, res, tick)
    except DocumentTimeout:  # fired outside the guarded step (reading the file): still an error
        res.entries.append(_error(task.path, _timeout_reason(opts)))
    except Exception as e:  # a bug must cost one file, not the batch
        res.entries.append(_error(task.path, f"failed ({type(e).__name__}: {e})"))
    res.seconds = time.perf_counter() - t0
    return res


def _timeout_reason(opts: BatchOptions) -> str:
    return f"took longer than {opts.timeout:g} s (--timeout); skipped"


def _process(task: Task, opts: BatchOptions, res: FileResult, tick: Callable[[], None] | None) -> None:
    with _Alarm(opts.timeout) as alarm:
        _process_file(task, opts, res, tick, alarm)


def _process_file(task: Task, opts: BatchOptions, res: FileResult, tick: Callable[[], None] | None,
                  alarm: _Alarm) -> None:
    path = task.path
    try:
        alarm.arm()
        try:
            data = read_bounded(path, opts.max_bytes)
        finally:
            alarm.disarm()
    except IngestError as e:
        res.entries.append(_error(path, str(e)))
        return
    digest = file_hash(data)
    # the kind is sniffed only where it matters here (a resumed file, ticks, a timeout), as
    # sniffing costs ~10 µs; once sniffed, it is passed on so load_bytes does not sniff again
    kind: str | None = None
    skip = 0
    done = task.done
    if done is not None and done.content_hash == digest:
        if done.file_error and not opts.retry_errors:
            res.skipped = 1
            return
        kind = sniff(data)
        if done.count >= 1 and kind not in _MULTI_KINDS:
            res.skipped = 1
            return
        skip = done.count
    if tick is not None:
        if kind is None:
            kind = sniff(data)
        if kind not in _MULTI_KINDS:
            # one document: the "done" message marks its end, so a tick would only be a second
            # message per file for the parent to read (ticks keep a long export alive, see imap)
            tick = None
    while True:  # restarted after a timeout inside a multi-document file
        outcomes = iter_data(data, path, opts.max_bytes, skip, opts.debug, opts.full_text, digest, kind)
        index = skip
        try:
            while True:
                alarm.arm()
                try:
                    o = next(outcomes, None)
                finally:
                    alarm.disarm()
                if o is None:
                    return
                if o.record is not None:
                    res.entries.append(("record", record_json(o.record)))
                    res.values += count_values(o.record)
                    res.flags += len(o.record.flags)
                else:
                    res.entries.append(_error(path, o.error or "unknown error", o.index, o.file_hash, o.traceback))
                index = (o.index if o.index is not None else index) + 1
                if tick is not None:
                    tick()
        except DocumentTimeout:
            outcomes.close()
            if kind is None:
                kind = sniff(data)
            multi = kind in _MULTI_KINDS
            res.entries.append(_error(path, _timeout_reason(opts), index if multi else None, digest))
            if not multi:
                return
            skip = index + 1


# --------------------------------------------------------------------------- resuming


def errors_path(output: str | os.PathLike[str]) -> str:
    return os.fspath(output) + ".errors.jsonl"


def resume_state(output: str | os.PathLike[str]) -> dict[str, Done]:
    """What an earlier run wrote to ``output`` (and its errors file), after repairing both."""
    out = os.fspath(output)
    state: dict[str, list[Any]] = {}  # source -> [hash, count, file_error]
    for p in (out, errors_path(out)):
        if os.path.exists(p):
            repair_jsonl(p)
    for obj in iter_jsonl(out):
        src, h = obj.get("source"), obj.get("content_hash")
        if not isinstance(src, str):
            continue
        s = state.get(src)
        if s is None or s[0] != h:
            state[src] = s = [h, 0, False]
        s[1] += 1
    for obj in iter_jsonl(errors_path(out)):
        src, h = obj.get("file"), obj.get("content_hash")
        if not isinstance(src, str) or h is None:
            continue  # unreadable without a hash: try again
        s = state.get(src)
        if s is None or s[0] != h:
            state[src] = s = [h, 0, False]
        if obj.get("index") is None:
            s[2] = True
        else:
            s[1] += 1
    return {k: Done(h, n, fe) for k, (h, n, fe) in state.items()}


def make_tasks(paths: Iterable[str | Path], done: dict[str, Done] | None = None) -> Iterator[Task]:
    done = done or {}
    for seq, p in enumerate(iter_paths(paths)):
        s = str(p)
        yield Task(seq, s, done.get(s))


# --------------------------------------------------------------------------- running


def run_tasks(tasks: Iterable[Task], opts: BatchOptions, jobs: int = 1, scheduler: Any = None,
              chunksize: int | None = None) -> Iterator[FileResult]:
    """Results for ``tasks`` in task order, in-process (jobs=1), in ``jobs`` worker
    processes, or on the Dask cluster at ``scheduler`` (an address or a Client)."""
    if scheduler is not None:
        yield from run_dask(tasks, opts, scheduler)
    elif jobs <= 1:
        # the SIGALRM handler installed once for the run, not per file (two signal.signal
        # calls per file cost ~20 µs in a batch); each file's guard then finds it installed
        with _Alarm(opts.timeout):
            for t in tasks:
                yield process_task(t, opts)
    else:
        with WorkerPool(jobs, opts, chunksize or 4) as pool:
            yield from pool.imap(tasks)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def warm_up() -> None:
    """Load every rule file and check once (per process), and store the regex programs this
    machine lacked (the first run after installing or upgrading ``regex``; see regex_cache)."""
    from extractor import regex_cache
    from extractor.api import extract_text
    from extractor.rules import load_rules, rule_files

    extract_text("Warm-up. Patients (n = 12) were randomized; P = .04 (95% CI, 1.2-3.4).\n")
    for name in rule_files():
        load_rules(name)
    regex_cache.save()


def _worker_main(conn: Connection, opts: BatchOptions) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # this process exists to run process_task: its SIGALRM guard stays installed for good
    if _alarm_usable(opts.timeout):
        signal.signal(signal.SIGALRM, _raise_timeout)
    warm_up()
    conn.send(("ready", None))
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for task in chunk:
            res = process_task(task, opts, tick=lambda s=task.seq: conn.send(("tick", s)))
            conn.send(("done", res))


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    ready: bool = False
    queue: deque[Task] = field(default_factory=deque)
    started: float = 0.0  # when the head of ``queue`` started (as seen from here)


def _mp_context() -> Any:
    # forkserver: workers are forked from a clean server that has imported trialex once,
    # so starting (and replacing) one is quick, and no thread state of ours is inherited.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["extractor.batch"])
        return ctx
    return mp.get_context("spawn")


class WorkerPool:
    """A process pool with ordered results, a per-file time limit and stuck-worker replacement.

    ``multiprocessing.Pool`` cannot kill one stuck task: its result would never come and
    ``imap`` would wait forever. Here each worker has its own pipe, so the parent knows which
    file each worker is on, and since when.
    """

    def __init__(self, n: int, opts: BatchOptions, chunksize: int = 4, window: int | None = None) -> None:
        self.n, self.opts, self.chunksize = n, opts, max(1, chunksize)
        self.window = window or max(64, 4 * n * self.chunksize)
        self.ctx = _mp_context()
        self.slots: list[_Slot] = [self._spawn() for _ in range(n)]
        self.replaced = 0
        self.failed_starts = 0

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.opts), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for s in self.slots:
            try:
                s.conn.send(None)
            except (OSError, ValueError):
                pass
        for s in self.slots:
            s.proc.join(timeout=2)
            if s.proc.is_alive():
                s.proc.kill()
                s.proc.join()
            s.conn.close()
        self.slots = []

    def peak_rss_mb(self) -> list[float]:
        """Peak resident memory of each live worker (Linux ``VmHWM``; 0 where unknown)."""
        out = []
        for s in self.slots:
            try:
                with open(f"/proc/{s.proc.pid}/status") as f:
                    kb = next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), 0)
            except OSError:
                kb = 0
            out.append(kb / 1024)
        return out

    def _replace(self, slot: _Slot, reason: str, results: dict[int, FileResult], retry: deque[Task]) -> None:
        """Kill ``slot``'s worker; its current file gets ``reason``, the rest of its chunk is retried."""
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join()
        if slot.queue:
            t = slot.queue.popleft()
            results[t.seq] = FileResult(t.seq, t.path, entries=[_error(t.path, reason)])
            retry.extendleft(reversed(slot.queue))
        slot.conn.close()
        self.slots[self.slots.index(slot)] = self._spawn()
        self.replaced += 1

    def imap(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        source = iter(tasks)
        exhausted = False
        retry: deque[Task] = deque()
        results: dict[int, FileResult] = {}
        next_out = 0
        next_seq = 0  # one past the highest seq taken from ``source``
        hard = self.opts.hard_timeout
        while True:
            # hand chunks to idle workers, never running more than ``window`` ahead of output
            for slot in self.slots:
                if not slot.ready or slot.queue:
                    continue
                chunk: list[Task] = []
                while len(chunk) < self.chunksize:
                    if retry:
                        chunk.append(retry.popleft())
                    elif not exhausted and next_seq - next_out < self.window:
                        t = next(source, None)
                        if t is None:
                            exhausted = True
                            break
                        next_seq = t.seq + 1
                        chunk.append(t)
                    else:
                        break
                if chunk:
                    slot.queue.extend(chunk)
                    slot.started = time.monotonic()
                    slot.conn.send(chunk)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            busy = [s for s in self.slots if s.queue or not s.ready]
            if exhausted and not retry and not any(s.queue for s in self.slots) and not results:
                return
            handles: list[Any] = [s.conn for s in busy] + [s.proc.sentinel for s in busy]
            ready = wait(handles, timeout=0.5) if handles else []
            now = time.monotonic()
            for slot in list(self.slots):
                if slot.conn in ready or slot.proc.sentinel in ready:
                    try:
                        while slot.conn.poll():
                            kind, payload = slot.conn.recv()
                            if kind == "ready":
                                slot.ready = True
                            elif kind == "tick":
                                slot.started = now
                            else:  # "done"
                                done = slot.queue.popleft()
                                assert done.seq == payload.seq
                                results[payload.seq] = payload
                                slot.started = now
                    except (EOFError, OSError):
                        pass
                    if not slot.proc.is_alive():
                        code = slot.proc.exitcode
                        if not slot.ready:
                            self.failed_starts += 1
                            if self.failed_starts >= 3:
                                raise RuntimeError(f"worker processes fail to start (exit code {code})")
                        self._replace(slot, f"worker process died (exit code {code}); skipped", results, retry)
                        continue
                if hard and slot.queue and slot.ready and now - slot.started > hard:
                    self._replace(slot, _timeout_reason(self.opts) + " (worker replaced)", results, retry)


def run_dask(tasks: Iterable[Task], opts: BatchOptions, scheduler: Any, window: int | None = None) -> Iterator[FileResult]:
    """The same per-file function on a Dask cluster; results in task order.

    Tasks carry paths, so workers must see the files at the same paths (a shared file
    system). Dask runs tasks in threads, where SIGALRM cannot reach: a file past the hard
    limit gets an error and the batch moves on, but its thread is not stopped.
    """
    from dask.distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    own = client is not scheduler
    try:
        if window is None:
            threads = sum(client.nthreads().values()) or 1
            window = max(16, 4 * threads)
        hard = max(60.0, 6 * opts.timeout) if opts.timeout else None
        pending: deque[tuple[Task, Any]] = deque()
        source = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                t = next(source, None)
                if t is None:
                    exhausted = True
                    break
                pending.append((t, client.submit(process_task, t, opts, pure=False)))
            if not pending:
                return
            t, fut = pending.popleft()
            try:
                yield fut.result(timeout=hard)
            except TimeoutError:
                fut.cancel()
                yield FileResult(t.seq, t.path, entries=[_error(t.path, _timeout_reason(opts))])
            except Exception as e:  # a worker lost, a task killed
                yield FileResult(t.seq, t.path, entries=[_error(t.path, f"cluster error ({type(e).__name__}: {e})")])
    finally:
        if own:
            client.close()
