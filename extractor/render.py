"""Rich rendering of one record for `trialex show`: values as tables, with evidence sentences."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from extractor.records import TrialRecord


def _fmt(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def render_record(r: TrialRecord, console: Console, abstract: str | None = None) -> None:
    head = Text()
    head.append(r.title or "(no title)", style="bold")
    head.append(f"\nid {r.id}   source {r.source}")
    for k in ("journal", "year", "doi", "pmid"):
        v = getattr(r, k)
        if v:
            head.append(f"\n{k}: {v}")
    if r.registrations:
        head.append(f"\nregistrations: {', '.join(r.registrations)}")
    if r.sections:
        head.append(f"\nsections: {' · '.join(dict.fromkeys(r.sections))}")
    console.print(Panel(head, title="trialex record"))
    if abstract:
        console.print(Panel(Text(abstract), title="abstract (as read)"))

    d = r.design
    t = Table(title="design and sample size", show_header=False)
    t.add_column("field")
    t.add_column("value")
    for k in ("randomized", "blinding", "phase", "crossover", "allocation_ratio", "cluster", "parallel",
              "placebo_controlled", "sham_controlled", "multicentre", "intention_to_treat"):
        v = getattr(d, k)
        if v not in (None, False):
            t.add_row(k, _fmt(v))
    ss = r.sample_size
    for k in ("randomized", "analyzed", "planned"):
        v = getattr(ss, k)
        if v is not None:
            t.add_row(f"sample size {k}", _fmt(v) + (f" {ss.unit}" if ss.unit else "") + (f" (derived: {ss.derivation})" if k == "randomized" and ss.derived else ""))
    console.print(t)

    if r.arms:
        t = Table(title="arms")
        for c in ("label", "role", "n", "doses", "also called"):
            t.add_column(c)
        for a in r.arms:
            doses = "; ".join(
                f"{_fmt(x.value)} {x.unit or ''}".strip() + (f", {x.route}" if x.route else "") + (f", {x.frequency}" if x.frequency else "")
                + (f", {x.duration}" if x.duration else "")
                for x in a.doses
            )
            t.add_row(a.label, a.role, _fmt(a.n), doses or "-", ", ".join(a.aliases) or "-")
        console.print(t)
    if r.endpoints:
        t = Table(title="endpoints")
        for c in ("kind", "outcome", "time frame"):
            t.add_column(c)
        for e in r.endpoints:
            t.add_row(e.kind, e.text, _fmt(e.timeframe))
        console.print(t)

    rows: list[tuple[str, str, str, str, str]] = []
    for p in r.p_values:
        rows.append(("p", p.text, f"P {p.comparator} {p.value:g}", _fmt(p.section), _fmt(p.sentence)))
    for i in r.intervals:
        est = f"{i.measure or ''} {_fmt(i.estimate)} " if i.estimate is not None or i.measure else ""
        lvl = f"{i.level:g}% " if i.level else ""
        rows.append(("interval", i.text, f"{est}[{lvl}{i.lower:g}, {i.upper:g}]", _fmt(i.section), _fmt(i.sentence)))
    for e in r.event_rates:
        pct = f" ({e.percent:g}%)" if e.percent is not None else ""
        rows.append(("events", e.text, f"{e.events}/{e.total}{pct}", _fmt(e.section), _fmt(e.sentence)))
    for s in r.summaries:
        rows.append(("summary", s.text, f"{s.statistic} {s.value:g}", _fmt(s.section), _fmt(s.sentence)))
    for ts in r.test_statistics:
        rows.append(("test", ts.text, f"{ts.test} = {ts.value:g}", _fmt(ts.section), _fmt(ts.sentence)))
    if rows:
        t = Table(title="statistics")
        for c in ("kind", "as written", "read as", "section", "sentence"):
            t.add_column(c)
        for row in rows:
            t.add_row(*row)
        console.print(t)

    if r.comparisons:
        t = Table(title="comparisons")
        for c in ("outcome", "intervention vs comparator", "effect", "p", "direction", "significant"):
            t.add_column(c)
        for c in r.comparisons:
            eff = f"{c.measure or ''} {_fmt(c.estimate)} [{_fmt(c.lower)}, {_fmt(c.upper)}]" if c.estimate is not None or c.lower is not None else "-"
            p = f"{c.p_comparator or ''} {_fmt(c.p_value)}" if c.p_value is not None else "-"
            t.add_row(c.outcome, f"{_fmt(c.intervention)} vs {_fmt(c.comparator)}", eff, p, _fmt(c.direction), _fmt(c.significant))
        console.print(t)

    if r.flags:
        t = Table(title="flags")
        for c in ("severity", "code", "message"):
            t.add_column(c)
        style = {"error": "red", "warning": "yellow", "info": "cyan"}
        for f in r.flags:
            t.add_row(Text(f.severity, style=style[f.severity]), f.code, f.message)
        console.print(t)

    if r.sentences:
        spans: dict[int, list[tuple[int, int]]] = {}
        for v in [*r.p_values, *r.intervals, *r.event_rates]:
            if v.sentence is not None:
                spans.setdefault(v.sentence, []).append((v.start, v.end))
        t = Table(title="evidence sentences")
        t.add_column("#", justify="right")
        t.add_column("section")
        t.add_column("sentence")
        for s in r.sentences:
            txt = Text(s.text)
            for a, b in spans.get(s.index, []):
                txt.stylize("bold magenta", a - s.start, b - s.start)
            t.add_row(str(s.index), _fmt(s.section), txt)
        console.print(t)
    for w in r.warnings:
        console.print(f"[yellow]warning[/yellow] {w}")
