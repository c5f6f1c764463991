"""trialex command line: thin Typer layer over the extractor package."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from extractor.api import Outcome, iter_records
from extractor.outputs import FORMATS, RecordWriter, format_for

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Evidence-linked records from clinical trial reports.")
err = Console(stderr=True)
out = Console()


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files or folders (recursively); '-' reads text from stdin"),
    output: str | None = typer.Option(None, "-o", "--output", help="output file (.jsonl, .json, .csv); stdout if absent"),
    fmt: str | None = typer.Option(None, "--format", "-f", help=f"one of {', '.join(FORMATS)}"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks"),
) -> None:
    """Extract records from trial reports."""
    fmt = format_for(output, fmt)
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    stream = open(output, "w", encoding="utf-8", newline="") if output and output != "-" else sys.stdout
    writer = RecordWriter(fmt, stream)
    n_docs = n_err = n_values = n_flags = 0
    outcomes = _stdin_outcomes() if paths == ["-"] else iter_records(paths)
    for o in outcomes:
        if o.record is not None:
            writer.write(o.record)
            n_docs += 1
            n_values += _count_values(o.record)
            n_flags += len(o.record.flags)
        else:
            n_err += 1
            err.print(f"[red]error[/red] {o.path}: {o.error}", highlight=False)
    writer.close()
    if stream is not sys.stdout:
        stream.close()
    table = Table(title="trialex extract")
    for c in ("documents", "values", "errors", "flags"):
        table.add_column(c, justify="right")
    table.add_row(str(n_docs), str(n_values), str(n_err), str(n_flags))
    err.print(table)
    if n_docs == 0:
        raise typer.Exit(1)


def _stdin_outcomes():
    from extractor import extract_text

    yield Outcome("-", record=extract_text(sys.stdin.read(), id="stdin", source="-"))


def _count_values(r) -> int:
    return (len(r.p_values) + len(r.intervals) + len(r.event_rates) + len(r.arms) + len(r.endpoints)
            + len(r.summaries) + len(r.test_statistics))


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
    for c in ("code", "check", "formula", "tolerance"):
        table.add_column(c)
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
def show(file: Path = typer.Argument(..., help="a report (.txt, .pdf) or a PubMed export (first record)")) -> None:
    """Render one record as tables, with the evidence sentences."""
    from extractor.api import extract_records
    from extractor.document import IngestError
    from extractor.render import render_record

    try:
        records = extract_records(file)
    except (IngestError, OSError) as e:
        err.print(f"[red]error[/red] {file}: {e}", highlight=False)
        raise typer.Exit(1) from None
    for r in records[:1]:
        render_record(r, out)
    if len(records) > 1:
        err.print(f"{file} holds {len(records)} records; showing the first")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
