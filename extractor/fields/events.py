"""Event rates: a count of a stated total (issue 3). Rules: patterns/events.json.

Forms: "42/112", "37.5% (42/112)", "51/104 (49.0%)", "42 of 112 (37.5%)", "Seventy-seven out of
91", "none of 474", "Of the 695 eligible, 465 (67%)", "408 patients were assessed ..., from which
152", and a count whose total was named earlier in the sentence: "259 patients, 115 (44.4%) of
them", "42 women ... had a 40.5% (n = 17)" — kept, marked uncertain, when the structure names
the total but the percent disagrees with it (for PCT_MISMATCH to report). Never ratios (1:1), dates (12/05/2019), doses
(5/10 mg), blood pressures or grades ("grade 3/4"); a count above its total is not a rate.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.numbers import parse_decimal, parse_int
from extractor.records import EventRate
from extractor.regex_cache import compile_regex
from extractor.rules import SHORT_SPAN, bounded, load_rules
from extractor.scan import finditer_at, skip_back

FIELD = "event_rates"

_DIRECT = ("er_slash", "er_of", "er_of_noun", "er_reversed", "er_from_which")
# Cheap literal triggers: each rule runs only in windows around its trigger (the count-word
# alternations are costly to try at every position of a document).
# Four rules start at, or are triggered by, an "of": er_of ("42 of 112"), er_reversed ("of
# the 695 eligible, 465"), er_from_which ("of whom") and er_of_them ("of them"). One scan
# finds every "of" any of them can use (_OF); per-rule patterns then match at those few
# positions only. Each rule's own scan of the document cost as much as this one.
# a total in words ("five of six participants"): up to twenty, as small trials write them
_WORD_TOTAL = (r"(?:twenty|nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|"
               r"eight|seven|six|five|four|three|two|one)\b")
_OF = compile_regex(
    r"of(?<=\bof)(?=\s+(?:(?:(?:the|these|those|all|a\s+total\s+of)\s+)?(?:\d|" + _WORD_TOTAL + r")"
    r"|(?:whom|which|them|these|those)\b))", regex.I
)
_OF_LOW = compile_regex(_OF.pattern)
# er_of's trigger; it holds no second "of", so its matches at _OF positions are its finditer
_OF_COUNT = compile_regex(r"of\s+(?:the\s+|all\s+|these\s+)?(?:\d|" + _WORD_TOTAL + ")", regex.I)
_OF_WHICH = compile_regex(r"of\s+(?:which|whom)\b", regex.I)
_OF_THEM = compile_regex(r"of\s+(?:them|these|those|whom)\b", regex.I)  # er_of_them's prefilter
# A trigger is a tuple of patterns whose matches never overlap one another: one literal-led
# pattern per alternative ("from which", "among whom") is found by regex's fast literal scan,
# where the alternation "(?:from|of|among)" is tried at every character ("of which" is _OF_WHICH).
_FROM_WHICH = tuple(compile_regex(w + r"(?<=\b" + w + r")\s+(?:which|whom)\b", regex.I) for w in ("from", "among"))
# (back, ahead): the window around a trigger in which the rule runs
# (er_of_noun's count and its one or two words stand within 40 characters before "out of")
_WINDOWS = {"er_of": (90, 40), "er_of_noun": (40, 40), "er_from_which": (150, 40), "er_of_them": (60, 0)}
_ANTECEDENT = ("er_of_them", "er_pct_n", "er_count_pct")
# A percent closing a bracket ("106 (61%)": er_count_pct's matches open there) or opening one
# with a count ("40.5% (n = 17)": er_pct_n's prefilter), found by one literal-led scan
_PCT_BRACKET = compile_regex(r"%\s*(?:\)|\(\s*n\s*=)", regex.I)
# the numbers before a count, nearest first (each run of digits and thousands groups once)
_DIGITS_BACK = compile_regex(r"(?r)(?<![\w.,/-])\d++(?:,\d{3})*+")
# A piece of the rule that every match holds, led by a literal so regex finds it at C speed:
# a document without one skips the rule's scan (most have no "42/112"; er_pct_n's "% (n =" is
# found by _PCT_BRACKET, er_of_them's "of them" by its triggers).
_PREFILTERS = {
    "er_slash": compile_regex(r"/(?<=\d\s?/)\s?\d"),
}
# A percent stated with a count agrees with count/total to within this many points (rounding,
# and the odd slip in the source such as 33/122 written as 27.3%).
_PCT_TOLERANCE = 1.0


def _count(raw: str) -> int | None:
    raw = raw.strip().lower()
    if raw in ("none", "no"):
        return 0
    return parse_int(raw)


def _pct(m) -> float | None:
    for g in ("pct1", "pct2", "pct3"):
        if g in m.re.groupindex and m.group(g):
            return parse_decimal(m.group(g))
    return None


def _blocked(ctx: Context, start: int) -> bool:
    """ "grade 3/4", "NYHA class II/III", "day 3 of 14": not counts of a total."""
    block = load_rules("events").by_id("context_block")
    return bounded(block.regex.search, ctx.norm, max(0, start - 30), start) is not None


def _one_of_choice(ctx: Context, start: int) -> bool:
    """ "assigned to 1 of 3 interventions", "at 1 of 24 practices": one of a set, not 1 event of n."""
    rule = load_rules("events").by_id("one_of_n_choice")
    m = bounded(rule.regex.search, ctx.norm, max(0, start - 8), min(len(ctx.norm), start + 60))
    return m is not None and m.start("one") == start


def _leading_zero(raw: str) -> bool:
    raw = raw.strip()
    return len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()


# a unit right after "x/y" makes it a value, not a count of a total: "12/72 hours" (a decimal
# point lost in the source), "5/7 days"
_UNIT_AFTER = compile_regex(r"\s?(?:hours?|hrs?|h|days?|weeks?|wks?|months?|years?|min(?:utes?)?|mg|ml|mmhg|kg)\b", regex.I)


def _is_date_like(events: int, total: int) -> bool:
    # "12/2019" (a month), "during the year 2013/ 2014" (a season or an academic year)
    return 1900 <= total <= 2100 and (1 <= events <= 12 or total - events == 1 and events >= 1900)


# A sentence's totals: (start, end, value) of each total_candidate match, in order
_Totals = list[tuple[int, int, int]]
# How far before its count an antecedent total may start: past any sentence of the 3,147
# abstracts (the longest has 961 characters), and a bound on the totals and the gap read for
# each count of a sentence flattened from a table (50,000 characters of counts)
_ANTECEDENT_REACH = 1_000


def _sentence_totals(ctx: Context, sent: int, cache: dict[int, _Totals]) -> _Totals:
    """The totals of sentence ``sent``, scanned once for all its antecedent counts: a scan
    from the sentence's start for each count was quadratic in a sentence of many counts
    ("259 patients, 115 (44.4%) of them, " 1,000 times timed the field out). Each match is
    read to the sentence's end, so a number just before a count is judged with what follows it
    ("259 (40.5% (n = 17))": 259 has a percent, no total), as at any other place."""
    found = cache.get(sent)
    if found is None:
        s = ctx.sent_starts[sent]
        e = ctx.sent_starts[sent + 1] if sent + 1 < len(ctx.sent_starts) else len(ctx.norm)
        found = cache[sent] = []
        for m in load_rules("events").by_id("total_candidate").finditer(ctx.norm, s, e):
            n = parse_int(m.group("total"))
            if n is not None:
                found.append((m.start("total"), m.end("total"), n))
    return found


def _antecedent_total(
    ctx: Context, pos: int, events: int, pct: float | None, by_total: _ByTotal, cache: dict[int, _Totals]
) -> tuple[int, bool] | None:
    """The total a "115 (44.4%) of them" count belongs to: the nearest earlier number in the
    sentence (within _ANTECEDENT_REACH) that the percent agrees with; failing that, the
    nearest earlier number if the sentence's structure makes it a total ("42 women ... had a
    47.5% (n = 17)", "control group (n = 122) 34.3% (n = 33)"), returned as uncertain (True)
    because its percent disagrees. Structure means a count of people or a named group's size, with no other
    number between it and the count except counts already read as rates of that same total
    ("259 patients, 115 (44.4%) of them ..., and 144 (62.6%) of them"). A count with no percent
    ("23 patients had TM, 4 of whom") takes only such a structural total, as certain."""
    totals = _sentence_totals(ctx, ctx.sentence_index(pos), cache)
    best = None
    nearest: tuple[int, int, int] | None = None
    # from the count backwards: the first total above the count is the nearest, the first
    # that the percent agrees with is the best
    first = bisect_left(totals, (pos - _ANTECEDENT_REACH,))
    for i in range(bisect_right(totals, (pos, pos)) - 1, first - 1, -1):
        t = totals[i]
        n = t[2]
        if t[1] > pos or n <= events:
            continue
        if nearest is None:
            nearest = t
        if pct is not None and abs(100.0 * events / n - pct) > _PCT_TOLERANCE:
            continue
        best = n
        break
    if best is not None and pct is not None:
        return best, False
    # without a percent to check the pairing, only a structural total is taken, and as certain:
    # no stated percent can disagree with it ("23 patients had TM, 4 of whom")
    if nearest is not None:
        structural = load_rules("events").by_id("total_structural").regex
        start, a, n = nearest
        if _only_rates_of(by_total.get(n), ctx.norm, a, pos) and bounded(structural.match, ctx.norm, start, pos):
            return n, pct is not None
    return None


def _at_percent_closes(pattern: regex.Pattern[str], norm: str, closes: list[tuple[int, int]]) -> list[regex.Match[str]]:
    """er_count_pct's matches: it opens at a percent sign closed by a bracket ("106 (61%)"),
    matched only at those ``closes`` (the rule's own finditer cost twice as much)."""
    return [m for a, b in closes if (m := pattern.match(norm, a, b)) is not None]


def _people_total(ctx: Context, pos: int, events: int, pct: float | None) -> tuple[int, bool] | None:
    """The total of a clause's "106 (61%)": the nearest earlier number of the sentence that is a
    total (total_candidate) above the count, only where it counts people and the percent agrees
    with it ("175 patients answered a preference question: 106 (61%)"); a count and percent alone
    name no total, so nothing looser is taken. Read backwards from the count (the sentence's
    totals, scanned whole, cost the field 15%)."""
    if pct is None:
        return None
    rules = load_rules("events")
    sent = ctx.sentence_index(pos)
    lo = max(ctx.sent_starts[sent], pos - 250)
    hi = ctx.sent_starts[sent + 1] if sent + 1 < len(ctx.sent_starts) else len(ctx.norm)
    for d in _DIGITS_BACK.finditer(ctx.norm, lo, pos):
        m = bounded(rules.by_id("total_candidate").regex.match, ctx.norm, d.start(), hi)
        n = parse_int(m.group("total")) if m is not None and m.end() <= pos else None
        if n is None or n <= events:
            continue
        ok = abs(100.0 * events / n - pct) <= _PCT_TOLERANCE
        return (n, False) if ok and bounded(rules.by_id("total_structural").regex.match, ctx.norm, d.start(), pos) else None
    return None


def _only_rates_of(taken: _Taken | None, norm: str, a: int, b: int) -> bool:
    """No digit in ``norm[a:b]`` but those of the rates already read of the same total."""
    return all(taken is not None and taken.overlaps(i, i + 1) for i in range(a, b) if norm[i].isdigit())


def _windowed(rule, norm: str, triggers: list[tuple[int, int]], back: int, ahead: int):
    last_end = 0
    finditer = rule.regex.finditer
    for t_start, t_end in triggers:
        lo = max(last_end, t_start - back)
        hi = min(len(norm), t_end + ahead)
        # (a window is short: regex's own finditer, without rule.finditer's two calls that would
        # add no timeout; a long one, a trigger of much whitespace, goes through it)
        for m in finditer(norm, lo, hi) if hi - lo <= SHORT_SPAN else rule.finditer(norm, lo, hi):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


def _slash_starts(norm: str) -> list[int]:
    r"""Where an er_slash match can start: each digit of the count before a "/" (after at most
    one space: "\s?/"), and each digit of a percent written before that count ("37.5% (42/",
    "37.5%, 42/"). str.isspace and str.isdecimal cover every character \s and \d match."""
    out: set[int] = set()
    i = norm.find("/")
    while i >= 0:
        j = i - 1 if i > 0 and norm[i - 1].isspace() else i
        k = skip_back(norm, j, lambda c: c.isdecimal() or c == ",")  # <<int>>: digits, thousands commas
        out.update(p for p in range(k, j) if norm[p].isdecimal())
        if k < j:
            out.update(_percent_starts(norm, k))
        i = norm.find("/", i + 1)
    return sorted(out)


def _percent_starts(norm: str, e: int) -> list[int]:
    r"""The digits of a "<<pct>>\s?%\s*(?:[(\[]\s*|[,;:]\s*)" that ends at ``e``."""
    j = skip_back(norm, e, str.isspace)
    if j > 0 and norm[j - 1] in "([,;:":
        j = skip_back(norm, j - 1, str.isspace)
    if j == 0 or norm[j - 1] != "%":
        return []
    j = skip_back(norm, j - 1, str.isspace)
    k = skip_back(norm, j, lambda c: c.isdecimal() or c in ".,")
    return [p for p in range(k, j) if norm[p].isdecimal()]


def _out_of_triggers(low: str, of_counts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """er_of_noun's triggers ("41 managers out of 49"): er_of's triggers (an "of" before a
    count) that follow the word "out", read off those few (a scan of the text for "out of"
    cost the field 5%)."""
    out = []
    for p, e in of_counts:
        j = low.rfind("out", max(0, p - 8), p)
        if j >= 0 and low[j + 3 : p].isspace() and (j == 0 or not low[j - 1].isalnum()):
            out.append((j, e))
    return out


def _spans_at(pattern: regex.Pattern[str], norm: str, starts: list[int]) -> list[tuple[int, int]]:
    return [m.span() for p in starts if (m := pattern.match(norm, p)) is not None]


def _matches(rule, rid: str, norm: str, ofs: list[int], low: str, of_counts: list[tuple[int, int]],
             out_ofs: list[tuple[int, int]]):
    if rid == "er_reversed":  # it starts with "of": at an _OF position
        return finditer_at(rule.regex, norm, ofs)
    if rid == "er_slash":  # "42/112", "37.5% (42/112)": at the numbers before a "/"
        return finditer_at(rule.regex, norm, _slash_starts(norm))
    if rid == "er_of":
        triggers = of_counts
    elif rid == "er_of_noun":
        triggers = out_ofs
    elif rid == "er_from_which":
        triggers = _spans_at(_OF_WHICH, norm, ofs)
        # every trigger holds "which" or "whom": most abstracts, without either, skip the scans
        if not plain_case(norm) or "which" in low or "whom" in low:
            triggers = sorted(triggers + [t.span() for p in _FROM_WHICH for t in p.finditer(norm)])
    else:
        return rule.finditer(norm)
    return _windowed(rule, norm, triggers, *_WINDOWS[rid])


class _Taken:
    """The spans already read, sorted by start: an overlap test looks only at spans starting
    within the longest span's length before the range (a list scan made a text of 10,000
    counts quadratic: "12 of " repeated took 11 s)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def append(self, span: tuple[int, int]) -> None:
        i = bisect_right(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.spans.insert(i, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, a: int, b: int) -> bool:
        lo = bisect_left(self.starts, a - self.longest)
        hi = bisect_left(self.starts, b)
        return any(s < b and a < e for s, e in self.spans[lo:hi])


class _ByTotal:
    """The spans of the rates read so far, by total: indexed when first asked for (only an
    antecedent count that needs its sentence's structure asks), each rate once, where a scan
    of every rate for each such count was quadratic in a sentence of them."""

    def __init__(self, rates: list[EventRate]) -> None:
        self.rates = rates
        self.indexed = 0
        self.index: dict[int, _Taken] = {}

    def get(self, total: int) -> _Taken | None:
        for r in self.rates[self.indexed:]:
            self.index.setdefault(r.total, _Taken()).append((r.start, r.end))
        self.indexed = len(self.rates)
        return self.index.get(total)


def find(ctx: Context) -> list[EventRate]:
    rf = load_rules("events")
    norm = ctx.norm
    out: list[EventRate] = []
    spans = _Taken()
    overlaps = spans.overlaps

    # in the lower-cased text where plain_case holds: the same positions, found by a
    # case-sensitive literal scan (a third faster)
    ofs = [m.start() for m in (_OF_LOW.finditer(ctx.low) if plain_case(norm) else _OF.finditer(norm))]
    of_counts = _spans_at(_OF_COUNT, norm, ofs)  # er_of's triggers, and er_of_noun's among them
    out_ofs = _out_of_triggers(ctx.low, of_counts) if of_counts else []
    for rid in _DIRECT:
        if rid == "er_of_noun" and not out_ofs:
            continue  # (most abstracts: no "out of" before a count)
        pre = _PREFILTERS.get(rid)
        if pre is not None and not pre.search(norm):
            continue
        rule = rf.by_id(rid)
        for m in _matches(rule, rid, norm, ofs, ctx.low, of_counts, out_ofs):
            ev_start = m.start("events")
            if overlaps(min(ev_start, m.start("total")), max(m.end("events"), m.end("total"))):
                continue
            if _leading_zero(m.group("events")) or _leading_zero(m.group("total")):
                continue  # "CRUK 01/001": a code, not a count
            events, total = _count(m.group("events")), parse_int(m.group("total"))
            if events is None or total is None or total == 0 or events > total:
                continue
            if rid == "er_slash" and (_is_date_like(events, total) or _blocked(ctx, m.start("events"))
                                      or _UNIT_AFTER.match(ctx.norm, m.end("total"))):
                continue
            if rid == "er_of_noun" and _blocked(ctx, m.start("events")):
                continue
            if rid == "er_of" and (_blocked(ctx, m.start("events")) or (events == 1 and _one_of_choice(ctx, m.start("events")))):
                continue
            if rid == "er_of" and events < 2 and m.group("set"):
                continue  # "one of three arms" is the arm chosen; "16 of 19 treatment arms" a tally
            pct = _pct(m)
            if pct is not None and abs(100.0 * events / total - pct) > 5 * _PCT_TOLERANCE:
                pct_ok = False
            else:
                pct_ok = True
            start = m.start() if pct_ok else min(m.start("events"), m.start("total"))
            out.append(
                EventRate(
                    events=events,
                    total=total,
                    percent=pct if pct_ok else None,
                    **ctx.evidence(start, m.end(), rule=rid),
                )
            )
            spans.append((m.start(), m.end()))

    brackets = [t.span() for t in _PCT_BRACKET.finditer(norm)]
    closes = [t for t in brackets if norm[t[1] - 1] == ")"]
    totals: dict[int, _Totals] = {}  # by sentence index
    by_total: _ByTotal | None = None  # made for the few documents with an antecedent count
    for rid in _ANTECEDENT:
        if rid == "er_pct_n" and len(closes) == len(brackets):
            continue  # (no "% (n =": its prefilter)
        rule = rf.by_id(rid)
        if rid == "er_of_them":
            # its count may be a word ("three of whom"): the alternation runs only before a trigger
            triggers = _spans_at(_OF_THEM, norm, ofs)
            if not triggers:
                continue
            matches = _windowed(rule, norm, triggers, *_WINDOWS[rid])
        elif rid == "er_count_pct":
            matches = _at_percent_closes(rule.regex, norm, closes)
            if not matches:
                continue
        else:
            matches = rule.finditer(norm)
        by_total = by_total or _ByTotal(out)
        for m in matches:
            # (er_count_pct's match opens at its percent sign: its count is read behind it)
            start = m.start("events") if rid == "er_count_pct" else m.start()
            if overlaps(start, m.end()):
                continue
            events = _count(m.group("events"))
            pct = _pct(m)
            if events is None:
                continue
            if rid == "er_count_pct":
                found = _people_total(ctx, start, events, pct)
            else:
                found = _antecedent_total(ctx, start, events, pct, by_total, totals)
            if found is None:
                continue
            total, uncertain = found
            out.append(EventRate(events=events, total=total, percent=pct,
                                 **ctx.evidence(start, m.end(), rule=rid, uncertain=uncertain)))
            spans.append((start, m.end()))

    out.sort(key=lambda e: e.start)
    return out


def extract(ctx: Context) -> list[EventRate]:
    return find(ctx)
