"""trialex command line: thin Typer layer over the extractor package."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

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
    output: Optional[str] = typer.Option(None, "-o", "--output", help="output file (.jsonl, .json, .csv); stdout if absent"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=f"one of {', '.join(FORMATS)}"),
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
