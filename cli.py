"""trialex command line: thin Typer layer over the extractor package."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from extractor.api import iter_paths
from extractor.batch import DEFAULT_TIMEOUT
from extractor.ingest import DEFAULT_MAX_BYTES
from extractor.outputs import FORMATS, RecordWriter, format_for

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Evidence-linked records from clinical trial reports.")
err = Console(stderr=True)
out = Console()


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files or folders (recursively); '-' reads text from stdin"),
    output: str | None = typer.Option(None, "-o", "--output", help="output file (.jsonl, .json, .csv); stdout if absent"),
    fmt: str | None = typer.Option(None, "--format", "-f", help=f"one of {', '.join(FORMATS)}"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="worker processes; 0 = all cores, 1 = in this process"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="refuse files larger than this"),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="seconds one document may take (0 = no limit)"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="run on a Dask cluster: tcp://host:port"),
    overwrite: bool = typer.Option(False, "--overwrite", help="start a .jsonl output afresh instead of resuming it"),
    retry_errors: bool = typer.Option(False, "--retry-errors", help="on resume, retry files that failed before"),
    full_text: bool = typer.Option(False, "--full-text", help="also mine the body of full articles (default: title and abstract when there is one)"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="progress bar on stderr (terminals only)"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks"),
) -> None:
    """Extract records from trial reports.

    A .jsonl output is resumable: running again with the same output skips files already
    done (same path, same bytes) and appends the rest; errors go to OUTPUT.errors.jsonl.
    """
    import os
    import time

    from extractor.batch import BatchOptions, default_jobs, make_tasks, resume_state, run_tasks
    from extractor.outputs import JsonlAppender

    fmt = format_for(output, fmt)
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    opts = BatchOptions(max_bytes=max_bytes, timeout=timeout or None, debug=debug, retry_errors=retry_errors,
                        full_text=full_text)
    if paths == ["-"]:
        _extract_stdin(fmt, output, opts)
        return
    to_file = bool(output and output != "-")
    errors_file = f"{output}.errors.jsonl" if to_file else None
    if to_file and os.path.dirname(output):
        os.makedirs(os.path.dirname(output), exist_ok=True)
    done = {}
    sink: Any
    stream = None
    if to_file and fmt == "jsonl":
        if overwrite:
            for p in (output, errors_file):
                if os.path.exists(p):
                    os.remove(p)
        elif os.path.exists(output):
            done = resume_state(output)
        sink = JsonlAppender(output)
    else:
        stream = open(output, "w", encoding="utf-8", newline="") if to_file else sys.stdout
        sink = RecordWriter(fmt, stream)
        if errors_file and os.path.exists(errors_file):
            os.remove(errors_file)
    err_sink: JsonlAppender | None = None
    total = sum(1 for _ in iter_paths(paths))
    jobs = jobs or default_jobs()
    if total < 16:  # starting worker processes (~1 s) costs more than a few files take
        jobs = 1
    n_docs = n_err = n_values = n_flags = n_skipped = 0
    t0 = time.perf_counter()
    bar = Progress(
        TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=err, disable=not (progress and err.is_terminal), transient=False,
    )
    interrupted = False
    rewritten: set[str] = set()
    try:
        with bar:
            tid = bar.add_task("extract", total=total, rate="-")
            for res in run_tasks(make_tasks(paths, done), opts, jobs=jobs, scheduler=scheduler):
                if res.path in done and res.records:
                    rewritten.add(res.path)  # new records beside an earlier run's: maybe stale ones
                for kind, entry in res.entries:
                    if kind == "record":
                        sink.write(entry)
                        n_docs += 1
                        continue
                    n_err += 1
                    tb = entry.pop("traceback", None)
                    where = entry["file"] + (f" [document {entry['index']}]" if "index" in entry else "")
                    bar.console.print(f"[red]error[/red] {escape(where)}: {escape(entry['reason'])}", highlight=False,
                                      soft_wrap=True)
                    if debug and tb:
                        bar.console.print(tb, highlight=False, markup=False, soft_wrap=True)
                    if errors_file:
                        if err_sink is None:
                            err_sink = JsonlAppender(errors_file)
                        err_sink.write_line(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
                n_values += res.values
                n_flags += res.flags
                n_skipped += res.skipped
                elapsed = time.perf_counter() - t0
                bar.update(tid, advance=1, rate=f"{n_docs / elapsed:.1f}" if elapsed > 0 else "-")
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sink.close()
        if stream is not None and stream is not sys.stdout:
            stream.close()
        if err_sink is not None:
            err_sink.close()
    if rewritten and not interrupted:
        from extractor.outputs import drop_superseded

        if n := drop_superseded(output, rewritten):
            err.print(f"removed {n} record(s) of files that changed since the earlier run")
    elapsed = time.perf_counter() - t0
    table = Table(title="trialex extract" + (" (interrupted)" if interrupted else ""))
    for c in ("documents", "values", "errors", "flags", "skipped", "elapsed", "docs/s"):
        table.add_column(c, justify="right")
    table.add_row(str(n_docs), str(n_values), str(n_err), str(n_flags), str(n_skipped), f"{elapsed:.1f} s",
                  f"{n_docs / elapsed:.1f}" if elapsed > 0 else "-")
    err.print(table)
    if interrupted:
        raise typer.Exit(130)
    if n_docs == 0 and n_skipped == 0:
        raise typer.Exit(1)


def _extract_stdin(fmt: str, output: str | None, opts) -> None:
    from extractor import extract_text
    from extractor.batch import DocumentTimeout, deadline
    from extractor.ingest.decode import decode_text

    data = sys.stdin.buffer.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        err.print(f"[red]error[/red] -: input is above the {opts.max_bytes} byte limit (--max-bytes)")
        raise typer.Exit(1)
    try:
        with deadline(opts.timeout):
            record = extract_text(decode_text(data), id="stdin", source="-", full_text=opts.full_text)
    except DocumentTimeout:
        err.print(f"[red]error[/red] -: took longer than {opts.timeout:g} s (--timeout)")
        raise typer.Exit(1) from None
    except Exception as e:
        if opts.debug:
            raise
        err.print(f"[red]error[/red] -: {e}", highlight=False)
        raise typer.Exit(1) from None
    stream = open(output, "w", encoding="utf-8", newline="") if output and output != "-" else sys.stdout
    writer = RecordWriter(fmt, stream)
    writer.write(record)
    writer.close()
    if stream is not sys.stdout:
        stream.close()


@app.command()
def schema() -> None:
    """Print the JSON Schema of a trial record."""
    from extractor.records import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command("checks")
def list_checks() -> None:
    """List every consistency check with its formula and tolerance."""
    from extractor.checks import all_checks

    table = Table(title="trialex checks", show_lines=True)
    table.add_column("code", no_wrap=True)
    for c in ("check", "formula", "tolerance"):
        table.add_column(c, overflow="fold")
    for c in sorted(all_checks(), key=lambda c: c.code):
        table.add_row(c.code, c.title, c.formula, c.tolerance)
    out.print(table)


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="folder of gold *.json records"),
    root: Path | None = typer.Option(None, "--root", help="folder the gold 'source' paths are relative to (default: the gold folder's grandparent)"),
    pred: Path | None = typer.Option(None, "--pred", help="score these records (JSONL/JSON/folder) instead of extracting"),
    as_json: bool = typer.Option(False, "--json", help="print figures as JSON"),
    errors: bool = typer.Option(False, "--errors", help="list every missed and spurious item with its sentence"),
) -> None:
    """Score extraction against gold records (shared/gold/SCHEMA.md, "Scoring")."""
    from extractor.evalio import load_golds, load_predictions, predict_for
    from extractor.evaluate import score

    golds = load_golds(gold)
    if not golds:
        err.print(f"[red]error[/red] no gold *.json files in {gold}")
        raise typer.Exit(2)
    if pred is not None:
        preds = load_predictions(pred)
    else:
        preds = predict_for(golds, root or gold.resolve().parent.parent, on_error=lambda m: err.print(f"[red]error[/red] {m}", highlight=False))
    res, misses = score(golds, preds)
    if as_json:
        print(json.dumps(res, indent=1))
    else:
        _print_scores(res)
    if errors:
        _print_misses(misses)


def _print_scores(res: dict) -> None:
    t = Table(title=f"trialex evaluate: {res['documents']} documents ({res['missing_records']} without a record)")
    t.add_column("field", no_wrap=True)
    for c in ("precision", "recall", "F1", "tp", "pred", "gold"):
        t.add_column(c, justify="right")
    for k, v in res.items():
        if isinstance(v, dict):
            t.add_row(k, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["tp"]), str(v["pred"]), str(v["gold"]))
    out.print(t)
    a = Table(title="accuracy")
    a.add_column("field")
    a.add_column("accuracy", justify="right")
    for k, v in res.items():
        if not isinstance(v, dict) and k not in ("documents", "missing_records"):
            a.add_row(k, "-" if v is None else f"{v:.4f}")
    out.print(a)


def _print_misses(misses: list) -> None:
    t = Table(title=f"errors ({len(misses)})", show_lines=False)
    for c in ("document", "field", "kind", "item", "sentence"):
        t.add_column(c, overflow="fold")
    for m in misses:
        t.add_row(m.doc, m.field, m.kind, m.item, m.sentence or "")
    out.print(t)


@app.command()
def show(
    file: Path = typer.Argument(..., help="a report (.txt, .pdf) or a PubMed export (first record)"),
    full_text: bool = typer.Option(False, "--full-text", help="also mine the body of full articles"),
) -> None:
    """Render one record as tables, with the abstract and the evidence sentences."""
    from extractor.document import IngestError
    from extractor.ingest import load_path
    from extractor.pipeline import extract_document
    from extractor.render import render_record

    try:
        docs = load_path(file)
        doc = next(docs)
        more = sum(1 for _ in docs)
    except (IngestError, OSError) as e:
        err.print(f"[red]error[/red] {file}: {e}", highlight=False)
        raise typer.Exit(1) from None
    render_record(extract_document(doc, full_text=full_text), out, abstract=doc.labelled_abstract())
    if more:
        err.print(f"{file} holds {more + 1} records; showing the first")


@app.command()
def pool(
    records: Path = typer.Argument(..., help="records from `trialex extract` (.jsonl or .json)"),
    outcome: str = typer.Option(..., "--outcome", help="words every matching outcome contains (case-insensitive)"),
    measure: str | None = typer.Option(None, "--measure", help="RR, OR, RD, HR, MD ... (default: the measure most studies report)"),
    plot: Path | None = typer.Option(None, "--plot", help="write a forest plot PNG here"),
) -> None:
    """Pool one outcome across studies (random effects: DerSimonian-Laird and REML, PyMARE)."""
    try:
        from extractor.meta import forest_plot, gather, load_records
        from extractor.meta import pool as pool_effects
    except ImportError as e:  # pragma: no cover - the meta extra is missing
        err.print(f"[red]error[/red] pooling needs the meta extra: pip install 'trialex[meta]' ({e})")
        raise typer.Exit(2) from None
    try:
        recs = load_records(records)
    except (OSError, ValueError) as e:
        err.print(f"[red]error[/red] {records}: {e}", highlight=False)
        raise typer.Exit(1) from None
    res = gather(recs, outcome, measure.upper() if measure else None)
    for note in res.skipped:
        err.print(f"[yellow]skipped[/yellow] {note}", highlight=False)
    if len(res.studies) < 2:
        err.print(f"[red]error[/red] {len(res.studies)} stud{'y' if len(res.studies) == 1 else 'ies'} report "
                  f"'{outcome}' with a usable {res.measure}; pooling needs two or more")
        raise typer.Exit(1)
    try:
        pool_effects(res)
    except ImportError as e:  # pragma: no cover
        err.print(f"[red]error[/red] pooling needs the meta extra: pip install 'trialex[meta]' ({e})")
        raise typer.Exit(2) from None
    t = Table(title=f"trialex pool: {outcome} ({res.measure}, random effects, Wald 95% CI)")
    for c in ("study", "outcome", "intervention vs comparator", res.measure, "95% CI", "weight (DL)", "vi from"):
        t.add_column(c, overflow="fold")
    dl = next(p for p in res.pooled if p.method == "DL")
    w = [1 / (s.vi + dl.tau2) for s in res.studies]
    for s, wi in zip(res.studies, w, strict=True):
        lo, hi = s.ci()
        t.add_row(s.study + (" *" if s.derived else ""), s.outcome, f"{s.intervention or '?'} vs {s.comparator or '?'}",
                  f"{res.scale(s.yi):.3g}", f"{res.scale(lo):.3g} to {res.scale(hi):.3g}", f"{100 * wi / sum(w):.1f}%",
                  s.vi_method.split(":")[0])
    for p in res.pooled:
        t.add_row(f"[bold]pooled {p.method}[/bold]", f"k = {p.k}", f"I² = {p.i2:.1f}%  τ² = {p.tau2:.4g}  Q = {p.q:.3g}",
                  f"[bold]{res.scale(p.estimate):.3g}[/bold]", f"{res.scale(p.lower):.3g} to {res.scale(p.upper):.3g}",
                  f"p = {p.p:.3g}", "")
    out.print(t)
    derived = [s for s in res.studies if s.derived]
    for s in derived:
        out.print(f"* {s.study}: {s.derivation}", highlight=False)
    if plot is not None:
        forest_plot(res, plot)
        err.print(f"forest plot written to {plot}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
