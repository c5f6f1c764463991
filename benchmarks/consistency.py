"""Consistency-check benchmark: detection recall on mutated abstracts, errors on clean ones.

Mutated copies of the dev abstracts are built at the text level, locating each value by the
verbatim ``text`` of its gold annotation (../shared/gold/SCHEMA.md):

* ``percent``   — a percent changed so it no longer matches its x/n;
* ``estimate``  — a point estimate moved outside its confidence interval;
* ``swap_ci``   — the two bounds of an interval swapped;
* ``p_vs_ci``   — the p-value after an interval changed so it contradicts the interval;
* ``arm_n``     — one arm's n changed so the arms no longer add up to the stated total.

Every mutation is generic: it applies to any document holding the kind of value it edits.
A mutation is *detected* when the mutated copy has an error or warning flag that the
original lacks (flags compared by code + the texts of their spans); *localised* when such a
flag also points at the edited text. The error-severity flags on the unmutated documents
(dev + seeds) are listed in full.

    python benchmarks/consistency.py            # extraction in-process (the real pipeline)
    python benchmarks/consistency.py --oracle   # records built from gold: checks alone
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.checks import run_all  # noqa: E402
from extractor.checks.common import null_of  # noqa: E402
from extractor.checks.rates import percent_consistent  # noqa: E402
from extractor.numbers import decimals, parse_decimal  # noqa: E402
from extractor.records import (  # noqa: E402
    Arm,
    EventRate,
    Flag,
    Interval,
    PValue,
    SampleSize,
    Sentence,
    TrialRecord,
)

SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "gold" / "dev"
SEED_GOLD = SHARED / "gold" / "seeds"


@dataclass
class Doc:
    id: str
    text: str
    gold: dict


@dataclass
class Mutant:
    kind: str
    doc_id: str
    text: str
    gold: dict
    start: int  # edited region in the mutated text
    end: int
    note: str


@dataclass
class Tally:
    n: int = 0
    detected: int = 0
    localised: int = 0
    misses: list[str] = field(default_factory=list)


def load_docs(gold_dir: Path, corpus_root: Path) -> list[Doc]:
    docs = []
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text())
        path = corpus_root / gold["source"]
        if path.exists():
            docs.append(Doc(gold["id"], path.read_text(encoding="utf-8"), gold))
    return docs


# ----------------------------------------------------------------------------- locating

_NUM = re.compile(r"\d+(?:[.,]\d+)?|[.,]\d+")  # unsigned: a range hyphen is never a sign here
_MINUS = "-\u2212\u2010\u2011\u2012\u2013\u2014"


def find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def locate_values(text: str, values: list[dict]) -> list[int | None]:
    """Start offset of each gold value's verbatim text, in document order."""
    pos, out = 0, []
    for v in values:
        i = text.find(v["text"], pos)
        if i < 0:
            i = text.find(v["text"])
        out.append(i if i >= 0 else None)
        if i >= 0:
            pos = i + 1
    return out


def num_tokens(s: str) -> list[tuple[int, int, float]]:
    out = []
    for m in _NUM.finditer(s):
        v = parse_decimal(m.group(0))
        if v is not None:
            out.append((m.start(), m.end(), v))
    return out


def fmt_like(value: float, d: int) -> str:
    return f"{value:.{d}f}"


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """A plain sentence splitter for the oracle records and for pairing in mutations."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n+", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def same_sentence(text: str, a: int, b: int) -> bool:
    for s, e in sentence_bounds(text):
        if s <= a < e:
            return s <= b < e
    return False


# ----------------------------------------------------------------------------- mutations


def _copy(gold: dict) -> dict:
    return json.loads(json.dumps(gold))


def mut_percent(doc: Doc) -> Iterator[Mutant]:
    rates = doc.gold.get("event_rates", [])
    for k, (r, at) in enumerate(zip(rates, locate_values(doc.text, rates), strict=True)):
        if at is None or r.get("percent") is None or not r["total"]:
            continue
        for m in re.finditer(r"(\d+(?:[.,]\d+)?)\s*%", r["text"]):
            if abs(float(m.group(1).replace(",", ".")) - r["percent"]) > 1e-9:
                continue
            d = decimals(m.group(1))
            new = r["percent"] + 7 if r["percent"] + 7 <= 100 else r["percent"] - 7
            if percent_consistent(r["events"], r["total"], new, d):
                continue
            s = fmt_like(new, d)
            a, b = at + m.start(1), at + m.end(1)
            gold = _copy(doc.gold)
            gold["event_rates"][k]["percent"] = float(s)
            gold["event_rates"][k]["text"] = r["text"][: m.start(1)] + s + r["text"][m.end(1):]
            yield Mutant("percent", doc.id, doc.text[:a] + s + doc.text[b:], gold, a, a + len(s),
                         f"{r['text']!r}: {m.group(1)}% -> {s}%")
            break


def _bound_tokens(ci: dict) -> tuple[tuple[int, int, float], tuple[int, int, float]] | None:
    """The tokens of the lower and upper bound (the last two numbers of the interval text)."""
    toks = num_tokens(ci["text"])
    if len(toks) < 2:
        return None
    t1, t2 = toks[-2], toks[-1]
    if abs(t1[2] - abs(ci["lower"])) > 1e-9 or abs(t2[2] - abs(ci["upper"])) > 1e-9:
        return None
    return t1, t2


def mut_estimate(doc: Doc) -> Iterator[Mutant]:
    cis = doc.gold.get("intervals", [])
    for k, (ci, at) in enumerate(zip(cis, locate_values(doc.text, cis), strict=True)):
        est = ci.get("estimate")
        if at is None or est is None or ci["lower"] >= ci["upper"]:
            continue
        bounds = _bound_tokens(ci)
        if bounds is None:
            continue
        # the estimate: the first number before the bounds equal to it
        cand = [t for t in num_tokens(ci["text"]) if t[1] <= bounds[0][0] and abs(t[2] - abs(est)) < 1e-9]
        if not cand:
            continue
        s0, e0, _ = cand[0]
        if s0 > 0 and ci["text"][s0 - 1] in _MINUS:
            continue  # a signed estimate: keep the mutation simple and unambiguous
        tok = ci["text"][s0:e0]
        d = decimals(tok)
        width = ci["upper"] - ci["lower"]
        new = ci["upper"] + max(width, 10.0 ** (-d) * 3)
        s = fmt_like(new, d)
        a, b = at + s0, at + e0
        gold = _copy(doc.gold)
        gold["intervals"][k]["estimate"] = float(s)
        gold["intervals"][k]["text"] = ci["text"][:s0] + s + ci["text"][e0:]
        yield Mutant("estimate", doc.id, doc.text[:a] + s + doc.text[b:], gold, a, a + len(s),
                     f"{ci['text']!r}: estimate {tok} -> {s}")


def mut_swap_ci(doc: Doc) -> Iterator[Mutant]:
    cis = doc.gold.get("intervals", [])
    for k, (ci, at) in enumerate(zip(cis, locate_values(doc.text, cis), strict=True)):
        if at is None or ci["lower"] >= ci["upper"]:
            continue
        bounds = _bound_tokens(ci)
        if bounds is None:
            continue
        (s1, e1, _), (s2, e2, _) = bounds
        t = ci["text"]
        # signed strings: a bound is negative exactly when gold says so
        if ci["lower"] < 0:
            if s1 == 0 or t[s1 - 1] not in _MINUS:
                continue
            s1 -= 1
        if ci["upper"] < 0:
            if t[s2 - 1] not in _MINUS:
                continue
            s2 -= 1
        lo_s, up_s = t[s1:e1], t[s2:e2]
        new_t = t[:s1] + up_s + t[e1:s2] + lo_s + t[e2:]
        gold = _copy(doc.gold)
        gold["intervals"][k].update(text=new_t, lower=ci["upper"], upper=ci["lower"])
        text = doc.text[:at] + new_t + doc.text[at + len(t):]
        yield Mutant("swap_ci", doc.id, text, gold, at + s1, at + len(new_t) - (len(t) - e2),
                     f"{t!r} -> {new_t!r}")


_P_NUM = re.compile(r"(?P<cmp>[<>=≤≥]+)\s*(?P<num>\d*[.,]\d+|\d+)")


def mut_p_vs_ci(doc: Doc) -> Iterator[Mutant]:
    cis, ps = doc.gold.get("intervals", []), doc.gold.get("p_values", [])
    ci_at, p_at = locate_values(doc.text, cis), locate_values(doc.text, ps)
    for ci, a in zip(cis, ci_at, strict=True):
        null = null_of(ci.get("measure"))
        if a is None or null is None or ci["lower"] >= ci["upper"]:
            continue
        end = a + len(ci["text"])
        after = [(k, pa) for k, pa in enumerate(p_at) if pa is not None and 0 <= pa - end <= 60
                 and same_sentence(doc.text, end, pa)]
        if not after:
            continue
        k, pa = min(after, key=lambda x: x[1])
        if any(o is not None and end <= o < pa for o in ci_at):
            continue
        # decide only clear-cut intervals: bounds more than a rounding unit from the null
        d = max(decimals(str(ci["lower"])), decimals(str(ci["upper"])), 1)
        h = 10.0 ** (-d)
        excludes = ci["lower"] - h > null or ci["upper"] + h < null
        includes = ci["lower"] + h < null < ci["upper"] - h
        if not (excludes or includes):
            continue
        ptxt = ps[k]["text"]
        m = _P_NUM.search(ptxt)
        if not m:
            continue
        new_cmp, new_num = ("=", "0.45") if excludes else ("<", "0.001")
        sep = ptxt[m.end("cmp"):m.start("num")]
        new_p = ptxt[: m.start("cmp")] + new_cmp + sep + new_num + ptxt[m.end("num"):]
        gold = _copy(doc.gold)
        gold["p_values"][k].update(text=new_p, comparator=new_cmp, value=float(new_num))
        text = doc.text[:pa] + new_p + doc.text[pa + len(ptxt):]
        yield Mutant("p_vs_ci", doc.id, text, gold, pa, pa + len(new_p), f"{ci['text']!r}: {ptxt!r} -> {new_p!r}")


_ARM_N_CONTEXT = (
    r"\bn\s*=\s*{n}\b",
    r"(?<![\d.,/])\b{n}\s+(?:[\w-]+\s+){{0,3}}?(?:patients|participants|subjects|women|men|children|infants|"
    r"adults|persons|people|individuals|volunteers|students|eyes|neonates|mothers|smokers)\b",
    r"(?<![\d.,/])\({n}\)",
)


def mut_arm_n(doc: Doc) -> Iterator[Mutant]:
    arms = doc.gold.get("arms", [])
    total = doc.gold.get("sample_size", {}).get("randomized")
    ns = [a.get("n") for a in arms]
    if total is None or len(ns) < 2 or any(n is None for n in ns) or sum(ns) != total:
        return
    if not re.search(rf"(?<![\d.,/]){total}(?![\d.,/%])", doc.text):
        return  # the total is not stated in digits: it would be derived from the arms
    # values whose text holds the number must not be edited (x/n, p, intervals)
    protected = []
    for key in ("event_rates", "p_values", "intervals"):
        vals = doc.gold.get(key, [])
        for v, at in zip(vals, locate_values(doc.text, vals), strict=True):
            if at is not None:
                protected.append((at, at + len(v["text"])))
    for k, n in enumerate(ns):
        if n == total:
            continue
        for pat in _ARM_N_CONTEXT:
            hit = None
            for m in re.finditer(pat.format(n=n), doc.text, re.I):
                ds = re.search(rf"{n}", m.group(0))
                assert ds
                a = m.start() + ds.start()
                if not any(s <= a < e for s, e in protected):
                    hit = a
                    break
            if hit is None:
                continue
            new = n + max(3, n // 10)
            s = str(new)
            gold = _copy(doc.gold)
            gold["arms"][k]["n"] = new
            text = doc.text[:hit] + s + doc.text[hit + len(str(n)):]
            yield Mutant("arm_n", doc.id, text, gold, hit, hit + len(s),
                         f"arm {arms[k]['label']!r}: n {n} -> {new} (total {total})")
            return


MUTATIONS: dict[str, Callable[[Doc], Iterator[Mutant]]] = {
    "percent": mut_percent,
    "estimate": mut_estimate,
    "swap_ci": mut_swap_ci,
    "p_vs_ci": mut_p_vs_ci,
    "arm_n": mut_arm_n,
}


# ----------------------------------------------------------------------------- records


def oracle_record(doc_id: str, text: str, gold: dict) -> TrialRecord:
    """A record built from gold values (offsets found with str.find): the checks alone."""
    bounds = sentence_bounds(text)

    def sent(pos: int) -> int:
        for i, (s, e) in enumerate(bounds):
            if s <= pos < e:
                return i
        return len(bounds) - 1

    def ev(v: dict, at: int) -> dict:
        return {"text": v["text"], "start": at, "end": at + len(v["text"]), "sentence": sent(at), "rule": "gold"}

    used: set[int] = set()
    pvs, cis, ers = [], [], []
    for v, at in zip(gold.get("p_values", []), locate_values(text, gold.get("p_values", [])), strict=True):
        if at is not None:
            pvs.append(PValue(**ev(v, at), comparator=v["comparator"], value=v["value"]))
            used.add(sent(at))
    for v, at in zip(gold.get("intervals", []), locate_values(text, gold.get("intervals", [])), strict=True):
        if at is not None:
            cis.append(Interval(**ev(v, at), level=v.get("level"), lower=v["lower"], upper=v["upper"],
                                measure=v.get("measure"), estimate=v.get("estimate")))
            used.add(sent(at))
    for v, at in zip(gold.get("event_rates", []), locate_values(text, gold.get("event_rates", [])), strict=True):
        if at is not None:
            ers.append(EventRate(**ev(v, at), events=v["events"], total=v["total"], percent=v.get("percent")))
            used.add(sent(at))
    ss = gold.get("sample_size", {})
    return TrialRecord(
        id=doc_id, source="<oracle>",
        sample_size=SampleSize(randomized=ss.get("randomized"), planned=ss.get("planned"),
                               analyzed=ss.get("analyzed")),
        arms=[Arm(label=a["label"], role=a.get("role", "intervention"), n=a.get("n")) for a in gold.get("arms", [])],
        p_values=pvs, intervals=cis, event_rates=ers,
        sentences=[Sentence(index=i, start=bounds[i][0], end=bounds[i][1], text=text[bounds[i][0]:bounds[i][1]])
                   for i in sorted(used)],
    )


def make_runner(oracle: bool) -> Callable[[str, str, dict], list[Flag]]:
    if oracle:
        def run(doc_id: str, text: str, gold: dict) -> list[Flag]:
            return run_all(oracle_record(doc_id, text, gold))
        return run
    from extractor.api import extract_text

    def run_real(doc_id: str, text: str, gold: dict) -> list[Flag]:
        return extract_text(text, id=doc_id).flags
    return run_real


def key(f: Flag) -> tuple[str, tuple[str, ...]]:
    return f.code, tuple(s.text for s in f.spans)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oracle", action="store_true", help="build records from gold instead of extracting")
    ap.add_argument("--json", action="store_true", help="print figures as JSON")
    ap.add_argument("--misses", action="store_true", help="list undetected mutations")
    args = ap.parse_args(argv)

    run = make_runner(args.oracle)
    t0 = time.time()
    dev = load_docs(DEV_GOLD, SHARED)
    seeds = load_docs(SEED_GOLD, SHARED)
    base: dict[str, list[Flag]] = {}
    errors: list[tuple[str, Flag]] = []
    severities: dict[str, int] = defaultdict(int)
    for d in dev + seeds:
        flags = run(d.id, d.text, d.gold)
        base[d.id] = flags
        for f in flags:
            severities[f.severity] += 1
            if f.severity == "error":
                errors.append((d.id, f))

    tallies: dict[str, Tally] = {k: Tally() for k in MUTATIONS}
    for d in dev:
        before = {key(f) for f in base[d.id] if f.severity in ("error", "warning")}
        for kind, fn in MUTATIONS.items():
            for m in fn(d):
                t = tallies[kind]
                t.n += 1
                flags = run(d.id, m.text, m.gold)
                new = [f for f in flags if f.severity in ("error", "warning") and key(f) not in before]
                if new:
                    t.detected += 1
                    if any(s.start < m.end and m.start < s.end for f in new for s in f.spans):
                        t.localised += 1
                else:
                    t.misses.append(f"{d.id}: {m.note}")

    result = {
        "mode": "oracle" if args.oracle else "extraction",
        "documents": {"dev": len(dev), "seeds": len(seeds)},
        "recall": {k: {"mutants": t.n, "detected": t.detected, "localised": t.localised,
                       "recall": round(t.detected / t.n, 3) if t.n else None}
                   for k, t in tallies.items()},
        "unmutated_flags": dict(severities),
        "unmutated_errors": [{"doc": i, "code": f.code, "message": f.message,
                              "quote": [s.text for s in f.spans]} for i, f in errors],
        "seconds": round(time.time() - t0, 1),
    }
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(f"mode: {result['mode']}  docs: {len(dev)} dev + {len(seeds)} seeds  ({result['seconds']} s)")
        print(f"{'mutation':10} {'mutants':>7} {'detected':>8} {'localised':>9} {'recall':>7}")
        for k, r in result["recall"].items():
            rec = "-" if r["recall"] is None else f"{r['recall']:.3f}"
            print(f"{k:10} {r['mutants']:7d} {r['detected']:8d} {r['localised']:9d} {rec:>7}")
        print(f"flags on unmutated docs: {dict(severities)}")
        print(f"error flags on unmutated docs: {len(errors)}")
        for i, f in errors:
            print(f"  {i} {f.code}: {f.message}")
    if args.misses:
        for k, t in tallies.items():
            for line in t.misses:
                print(f"MISS {k}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
