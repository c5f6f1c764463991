"""Whole-trial sample size: randomised (or enrolled), analysed and planned totals.

Rules live in ``patterns/sample_size.json``; each match is a candidate with a priority by
how directly it states allocation ("24 subjects were randomized" beats "a total of 24
patients" beats "in 24 patients"). The earliest candidate of the highest priority wins, so
screened numbers ("Of 3089 screened, 797 were randomized") and later subgroup counts do not.
When only per-arm numbers are given, ``arms`` fills ``randomized`` with their sum
(``derived=True``) because arms run after this field.
"""

from __future__ import annotations

import regex

from extractor.fields import Context
from extractor.numbers import parse_int
from extractor.records import Evidence, SampleSize
from extractor.rules import load_rules

FIELD = "sample_size"

# rule id -> priority of its number as the randomised total
PRIORITY = {
    "n_out_of_planned": 6,
    "num_people_randomized": 5,
    "randomized_num_people": 5,
    "n_paren_randomized": 5,
    "of_screened_randomized": 5,
    "eyes_of_patients": 5,
    "of_total_enrolled": 4,
    "num_people_enrolled": 3,
    "total_of": 2,
    "in_num_people": 1,
    "people_n_equals": 1,
}
# Units randomised that are not people: kept in SampleSize.unit.
_NON_PEOPLE = regex.compile(
    r"^(?:eyes|teeth|knees|hands|villages|clusters|communities|centres|centers|regions|schools|classes|practices|"
    r"households|families|hospitals|wards|units|sites|districts|couples|dyads|pairs)$",
    regex.I,
)
# Cheap gate: a sentence with no count-like word never yields a sample size.
_GATE = regex.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b", regex.I)
_SCREENED = regex.compile(r"\b(?:screened|assessed\s+for\s+eligibility|approached|eligible|contacted)\b", regex.I)
_MIN_N = 2
_PER_ARM_AFTER = regex.compile(r"\s+(?:and|or|vs\.?|versus)\s+\d", regex.I)
_PER_ARM_BEFORE = regex.compile(r"\b(?:group|arm)\s*$|\b(?:in\s+the\s+[\w/+-]+(?:\s+[\w/+-]+)?\s+(?:group|arm)\s*)$", regex.I)
_ANALYSED_AFTER = regex.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:were\s+analy[sz]ed|completed\b|had\s+full\s+data)", regex.I)
_CLUSTER = regex.compile(r"\bcluster[\s-]+randomi[sz]", regex.I)


def _unit(noun: str | None) -> str | None:
    if noun and _NON_PEOPLE.match(noun.strip()):
        return noun.strip().lower()
    return None


def candidates(text: str) -> list[tuple[str, str, int, int, int, dict, int, int]]:
    """(rule id, group, value, start, end, groupdict, match start, match end) of every count the rules find in ``text``."""
    out = []
    for rule in load_rules("sample_size").rules:
        for m in rule.finditer(text):
            gd = {k: v for k, v in m.groupdict().items() if v}
            for g in ("n", "planned", "part"):
                if g in gd:
                    v = parse_int(gd[g])
                    if v is not None:
                        out.append((rule.id, g, v, m.start(g), m.end(g), gd, m.start(), m.end()))
    return out


def extract(ctx: Context) -> SampleSize:
    best: dict[str, tuple] = {}
    cluster = bool(_CLUSTER.search(ctx.norm))
    # Per sentence: a rule's lazy gap must not swallow the next sentence's count, and
    # non-overlapping matching over the whole text would hide valid later candidates.
    for _idx, s, e in ctx.sentences():
        sent = ctx.norm[s:e]
        if not _GATE.search(sent):
            continue
        for rid, group, value, ms, me, gd, _mstart, _mend in candidates(sent):
            if value < _MIN_N:
                continue
            if group == "planned":
                key, prio = "planned", 1
            elif rid == "completed_analyzed":
                key, prio = "analyzed", 1
            elif group == "part":
                key, prio = ("analyzed", 0) if rid == "of_total_enrolled" and _completes(sent, me) else ("", 0)
                if not key:
                    continue
            else:
                key, prio = "randomized", PRIORITY.get(rid, 0)
                # a count of screened/eligible people is never the randomised total
                if rid not in ("of_screened_randomized",) and _SCREENED.search(sent[me : me + 60]):
                    continue
                # per-arm counts ("32 and 31 subjects", "In the carbetocin group 462 subjects")
                if _PER_ARM_AFTER.match(sent, me) or _PER_ARM_BEFORE.search(sent[max(0, ms - 40) : ms]):
                    continue
                # an analysed count is not the randomised total
                if rid != "n_out_of_planned" and _ANALYSED_AFTER.match(sent, me):
                    continue
                # in a cluster trial the clusters are the unit randomised
                if cluster and _unit(gd.get("noun")) and rid != "eyes_of_patients":
                    prio = 7
            pos = s + ms
            cand = (prio, -pos, value, s + ms, s + me, rid, gd.get("noun"))
            if key not in best or cand[:2] > best[key][:2]:
                best[key] = cand
    ss = SampleSize()
    for key in ("randomized", "analyzed", "planned"):
        if key in best:
            _prio, _neg, value, start, end, rid, noun = best[key]
            setattr(ss, key, value)
            ss.evidence[key] = Evidence(**ctx.evidence(start, end, rule=f"sample_size:{rid}"))
            if key == "randomized":
                ss.unit = _unit(noun)
    if ss.analyzed is not None and ss.analyzed == ss.randomized and "analyzed" in best and best["analyzed"][5] != "completed_analyzed":
        ss.analyzed = None
    return ss


def _completes(sent: str, end: int) -> bool:
    return bool(regex.search(r"\b(?:completed|analy[sz]ed|evaluable|assessed|included\s+in\s+the\s+analysis)", sent[end:], regex.I))
