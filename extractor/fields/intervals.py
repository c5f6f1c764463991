"""Confidence and credible intervals with level, point estimate and effect measure (issue 3).

Three kinds of text, all rules in patterns/intervals.json:

* a labelled interval: "95% CI 0.64-1.21", "(95% confidence interval, 0.64 to 1.21)",
  "[95% CI: -1.2, 3.4]", "CI -0.9 to +2.6" (level null: none given);
* a declaration with no bounds of its own: "mean [95% CI]", "OR (95% CI):" — the values listed
  after it in its section, "1.60 [1.28, 1.91]", are intervals at the declared level;
* an unlabelled "0.88 (0.64-1.21)" after a labelled interval in the same sentence (the reader
  has just been told what the brackets hold); its level stays null, as none is written there.

The estimate is the number just before the interval ("OR 1.42, 95% CI ...", "-7.0 mm, 95% CI",
"1.52 (95% CI ..."), kept only if it lies within the bounds — or, marked uncertain for the
checks to report, where its position leaves no doubt that it is the estimate: the number
opening an unlabelled bracket in a declared zone ("relative risk 1.51 (0.19-0.85)", "2.54 [1.28,
1.91]" under "mean [95% CI]"), or a comparison ("4.44 points/month lower ... than with placebo
(95% CI for difference 0.08-2.26)"). The measure is the effect-measure
name (patterns/measures.lexicon.json) directly before the estimate, else the nearest one
earlier in the sentence; a mean/median/proportion in a sentence about a difference is a mean
difference (MD); "percentage point" with nothing else named is a risk difference (RD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.numbers import parse_decimal
from extractor.records import Interval
from extractor.regex_cache import compile_regex
from extractor.rules import bounded, load_lexicon, load_rules
from extractor.scan import finditer_at, literal_starts, skip_back

FIELD = "intervals"

# Nothing here can match without one of these: a cheap gate before the full rules run.
# One regex per alternative, tried in turn: a literal-led pattern is searched by regex's fast
# literal scan, an alternation is tried at every character (3-5x slower). Same answer: an
# alternation matches somewhere iff one of its alternatives does.
_GATES = tuple(compile_regex(p, regex.I) for p in (r"\bCIs?\b", r"\bCrI\b", r"Cr\.I", r"confidence\s+(?:interval|limit)", r"credib"))
# The same five in the lower-cased text, in one scan led by their common first letter: exact
# where normalize.plain_case holds (lower-casing then maps every letter the gates match to
# the gates' own), and in ASCII text the re module's \b and \s are regex's, at half the cost.
_LOW_GATE = r"c(?:(?<=\bc)(?:is?|ri)\b|r\.i|onfidence\s+(?:interval|limit)|redib)"
_LOW_GATE_RE = re.compile(_LOW_GATE)
_LOW_GATE_REGEX = compile_regex(_LOW_GATE)


def _gate(ctx: Context) -> bool:
    if ctx.norm.isascii():
        return _LOW_GATE_RE.search(ctx.low) is not None
    if plain_case(ctx.norm):
        return _LOW_GATE_REGEX.search(ctx.low) is not None
    return any(g.search(ctx.norm) for g in _GATES)


@cache
def _measures() -> tuple[regex.Pattern[str], dict[str, str], dict[str, str]]:
    """One regex over every measure name (longest first) and maps from matched text to measure."""
    entries = load_lexicon("measures").entries
    phrases: dict[str, str] = {}
    abbrevs: dict[str, str] = {}
    for measure, words in entries["phrases"].items():
        for w in words:
            phrases[" ".join(w.lower().split())] = measure
    for measure, words in entries["abbreviations"].items():
        for w in words:
            abbrevs[w] = measure
    ph = "|".join(
        r"\s+".join(regex.escape(t) for t in p.split()) for p in sorted(phrases, key=len, reverse=True)
    )
    ab = "|".join(regex.escape(a) for a in sorted(abbrevs, key=len, reverse=True))
    pat = compile_regex(rf"(?<![\w-])(?:(?i:{ph})|{ab})(?![\w-])")
    return pat, phrases, abbrevs


@cache
def _label_before() -> regex.Pattern[str]:
    """A measure name written directly before an estimate: "relative risk [RR], ", "OR = "."""
    pat = _measures()[0].pattern
    return compile_regex(
        rf"(?P<lab>{pat})(?:\s*[(\[][^()\[\]]{{1,12}}[)\]])?\s*(?:=|:|,|\bof\b|\bwas\b|\bis\b)?\s*$"
    )


@cache
def _words(key: str) -> regex.Pattern[str]:
    words = load_lexicon("measures").entries[key]
    alts = "|".join(r"\s*".join(regex.escape(t) for t in w.split()) for w in sorted(words, key=len, reverse=True))
    return compile_regex(rf"(?i)(?:{alts})")


@cache
def _change_words() -> regex.Pattern[str]:
    words = load_lexicon("measures").entries["change_words"]
    return compile_regex(r"(?i)\b(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


# right after the interval: "17% (95% CI 9-25) proportional reduction", "(95% CI ...) higher"
_CHANGE_AFTER = compile_regex(
    r"\s*\)?\s*(?:relative|proportional|absolute|net|mean|greater|larger|smaller)?\s*"
    r"(?:reduction|increase|decrease|decline|improvement|change|difference|higher|lower|fewer|less|more)\b",
    regex.I,
)


_AGAINST_CONTROL = compile_regex(
    r"\b(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+)?"
    r"(?:placebo|controls?|sham|usual\s+care|standard\s+care)\b(?P<group>\s+(?:group|arm)\s*[(\[:]?\s*$)?",
    regex.I,
)
# "(0.48: 95% CI (0.31 to 0.65) vs 1.48: ...)": the estimate is one arm's value set against another's
_ARM_VALUE_BEFORE = compile_regex(r"\b(?:vs\.?|versus)\s*$", regex.I)
_ARM_VALUE_AFTER = compile_regex(r"\s*[)\]]?\s*[,;]?\s*(?:vs\.?|versus|and|compared\s+(?:with|to))\s+[-+]?\d", regex.I)


def _against_control(ctx: Context, sent_start: int, est_start: int, iv_end: int) -> bool:
    """A value said against the control arm ("changes in trough FEV1 versus placebo were 0.219 (95% CI
    ...)", "compared with placebo (0.73 points; 95% CI ...)"), not the control arm's own value
    ("compared to the control group (0.5; 95% CI ...)") nor one of two arm values ("0.48 (...) vs 1.48 (...)")."""
    hits = list(bounded(_AGAINST_CONTROL.finditer, ctx.norm, sent_start, est_start))
    if not hits or hits[-1].group("group"):
        return False
    if bounded(_ARM_VALUE_BEFORE.search, ctx.norm, max(sent_start, est_start - 12), est_start):
        return False
    return not bounded(_ARM_VALUE_AFTER.match, ctx.norm, iv_end, iv_end + 40)

_NOT_ESTIMATE = compile_regex(r"(?:\b[nNpP]|\bvs\.?)\s*[=<>≤≥:]?\s*$")  # compiled once
_CONTRAST_BEFORE = compile_regex(r"\bby\s*$|\b(?:versus|vs\.?)\s+[^\d;:]{1,60}:\s*$", regex.I)


def _share_of_group(ctx: Context, sent_start: int, est_start: int, iv_end: int, est_raw: str, unit: str) -> bool:
    """An unsigned percent estimate with no measure named: the share of a group ("cure rates were
    98.8% (95% CI 96.4, 99.6%)", "69% (95% CI 62%-76%) seroconverted", "87.2% (567/650, 95% CI
    ...)"), unless the sentence speaks of a change or contrast ("reduced by 32% (95% CI ...)",
    "a 45% relative increase (95% CI ...)", "+8.4 % (95 % CI ...)")."""
    if not unit.strip().startswith("%") or bounded(_words("percentage_point").search, unit):
        return False
    if est_raw.lstrip()[:1] in "+-":
        return False
    before = ctx.norm[sent_start:est_start]
    # "reduced by 32%", "D3 versus placebo: 0.02%": the number is a change or a contrast
    if bounded(_CONTRAST_BEFORE.search, before) or bounded(_change_words().search, before):
        return False
    return not bounded(_CHANGE_AFTER.match, ctx.norm, iv_end, iv_end + 60)


def _measure_of(text: str) -> str | None:
    _, phrases, abbrevs = _measures()
    if text in abbrevs:
        return abbrevs[text]
    return phrases.get(" ".join(text.lower().split()))


# A measure name starts a word ((?<![\w-])), so at the start of a run of ASCII letters; the
# name's own first run of letters is then the text's whole run (what follows it in the name,
# a space, hyphen or apostrophe, or the name's end, is no letter, and the text must match it
# there). Where plain_case holds, only ASCII letters match the names' letters, in any case.
_LETTER_RUN = re.compile(r"[A-Za-z]+")


@cache
def _measure_keys() -> tuple[frozenset[str], frozenset[str]] | None:
    """The first letter runs of the measure names: phrases lower-cased (they match in any
    case), abbreviations as written; None if a name does not start with an ASCII letter."""
    _, phrases, abbrevs = _measures()
    lead = re.compile("[A-Za-z]*")
    ph = frozenset(lead.match(p).group().lower() for p in phrases)  # type: ignore[union-attr]
    ab = frozenset(lead.match(a).group() for a in abbrevs)  # type: ignore[union-attr]
    return None if "" in ph or "" in ab else (ph, ab)


def _measure_starts(norm: str, start: int, end: int) -> list[int] | None:
    """Every position in [start, end) where a measure name can start, or None where this is
    not known (plain_case fails): a handful of words per sentence, where the measures regex,
    a long alternation, was tried at every word (most of the cost of an interval)."""
    keys = _measure_keys()
    if keys is None or not plain_case(norm):
        return None
    ph, ab = keys
    return [m.start() for m in _LETTER_RUN.finditer(norm, start, end) if m.group() in ab or m.group().lower() in ph]


_CONTRASTS = frozenset({"RR", "OR", "HR", "IRR", "RD", "MD", "SMD"})
_LEVELS = frozenset({"mean", "median", "proportion"})
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")


def _nearest_measure(ctx: Context, start: int, end: int) -> str | None:
    """The measure named nearest before ``end``; but a contrast named as the subject of the
    clause wins over a level word in its complement ("The hazard ratio for the incidence of
    AVF failure was 0.72 (95% CI ...)": a hazard ratio, not a proportion)."""
    pat = _measures()[0]
    found = []
    starts = _measure_starts(ctx.norm, start, end)
    if starts is None:
        for m in bounded(pat.finditer, ctx.norm, start, end):
            found.append(m)
    else:
        for m in finditer_at(pat, ctx.norm, starts, end):
            found.append(m)
    if not found:
        return None
    near = _measure_of(found[-1].group())
    if near in _LEVELS:
        for m in reversed(found[:-1]):
            if _CLAUSE_BREAK.search(ctx.norm, m.end(), end):
                break
            if _measure_of(m.group()) in _CONTRASTS:
                return _measure_of(m.group())
    return near


_BOUND_TAIL = compile_regex(r"%?-?(?:points?)?$")  # compiled once: regex's own cache lookup is slow


def bound(raw: str) -> float | None:
    """ "-£1410" -> -1410, "+2.6" -> 2.6, "16.7%-" -> 16.7, "0,64" -> 0.64."""
    s = raw.replace("£", "").replace("$", "").replace("€", "").replace("¥", "").replace(" ", "")
    s = _BOUND_TAIL.sub("", s)
    s = s.rstrip("%")
    neg = s.count("-") % 2 == 1
    s = s.replace("-", "").lstrip("+")
    v = parse_decimal(s)
    if v is None:
        return None
    return -v if neg else v


@dataclass
class _Zone:
    start: int
    end: int
    level: float | None
    measure: str | None


def _estimate(ctx: Context, sent_start: int, pos: int) -> regex.Match[str] | None:
    rule = load_rules("intervals").by_id("estimate_before")
    lo = max(sent_start, pos - 160)
    # no part of the rule matches ")" or "]", and a match runs to ``pos`` ($): it starts after
    # the last of them, and the search (which tries every position) can start there too
    lo = max(lo, ctx.norm.rfind(")", lo, pos) + 1, ctx.norm.rfind("]", lo, pos) + 1)
    return bounded(rule.regex.search, ctx.norm, lo, pos)


def _within(est: float | None, lower: float, upper: float) -> bool:
    if est is None:
        return False
    lo, hi = min(lower, upper), max(lower, upper)
    return lo <= est <= hi


# Two arms' values right before an interval that has no estimate of its own: "budesonide/formoterol
# pMDI (29.3 l/min) and budesonide/formoterol DPI (32.0 l/min) (95% CI ...", "(delta changes; 83.27 vs
# -133.80; 95% CI ...", "45% and 54.5%, respectively (95% CI ...", "(10.5 vs. 8.6 days, p = 0.005, 95% CI".
# The first value is no interval's bound ("0.1-0.5) and 0.2 (95% CI"); the match ends at the label.
_TWO_VALUES = compile_regex(
    r"(?<![-+\w.,/])(?<![=<>≤≥:]\s{0,3})(?<!\b(?:weeks?|days?|months?|years?|age|wk|hours?|visit|grade|stage|type|phase|at|to|from)\s)(?<!\d\s?(?:-|to|,)\s?)(?P<a>[-+]?\d+(?:\.\d+)?)(?![\w.])\s?(?P<ap>%)?(?:\s<<unit>>)?\s*\)?"
    r"\s*,?\s*(?:vs\.?|versus|and|compared\s+(?:with|to))\s+[^\d()\[\];,:=<>]{0,60}?\(?\s*"
    r"(?P<b>[-+]?\d+(?:\.\d+)?)(?![\w.])\s?(?P<bp>%)?(?:\s<<unit>>)?\s*\)?"
    r"(?:\s*,?\s*respectively)?\s*[,;]?\s*(?:\(?\s*[pP]\s?[=<>≤≥]\s?0?\.\d+\s*\)?\s*[,;]?\s*)?[(\[]?\s*$".replace(
        # a value's unit or arm ("l/min", "days", "of the mistletoe preparation arm", "group A"), not a
        # change or contrast of its own ("a 4% absolute increase and a 45% relative increase (95% CI")
        # (words split only at spaces, each read whole: a word that could end anywhere backtracked
        # exponentially in its length)
        "<<unit>>", r"<<w>>(?:\s<<w>>){0,5}?".replace(
            "<<w>>", r"(?!(?:relative|absolute|increase|reduction|decrease|difference|change|higher|lower|greater|"
            r"less|more|points?|ratio)\b)[^\s\d()\[\];,.=<>][^\s\d()\[\];,=<>]*+")),
    regex.I,
)


_NUMBER_START = re.compile(r"(?<![\d.])[-+]?\d")


def _own_estimate(ctx: Context, est_match: regex.Match[str] | None, lower: float, upper: float) -> bool:
    """Whether the number read before an interval is plainly its estimate: within its bounds and
    not the second of two values ("83.27 vs -133.80; 95% CI"). Most are: no _two_values for them."""
    if est_match is None or not _within(bound(est_match.group("est")), lower, upper):
        return False
    s = est_match.start("est")
    before = ctx.low[max(0, s - 10):s].rstrip()
    return not before.endswith(("vs", "vs.", "versus", "and", "to", "with"))


def _two_values(ctx: Context, sent_start: int, pos: int, lower: float, upper: float) -> str | None:
    """ "MD" (or "RD" for two percents) where two arms' values stand right before the interval at
    ``pos`` and their difference, either way round, lies within its bounds: the interval is the
    difference's, and neither value is its estimate. None otherwise."""
    lo = max(sent_start, pos - 200)
    low = ctx.low
    # the literal gate: the last "and", "vs", "versus" or "compared" before it; the first value
    # stands at most a unit and a bracket before that (the search starts there, not 200 back)
    k = max(low.rfind(" and ", lo, pos), low.rfind(" vs", lo, pos), low.rfind("versus", lo, pos),
            low.rfind("compared", lo, pos))
    if k < 0:
        return None
    # the first value is the last number before that word (its unit holds no digit): the pattern
    # is tried there alone (a search tried it at every character, 0.3 ms an interval)
    norm = ctx.norm
    first = max(_NUMBER_START.finditer(norm, max(lo, k - 90), k), key=lambda n: n.start(), default=None)
    if first is None:
        return None
    m = bounded(_TWO_VALUES.match, norm, first.start(), pos)
    if m is None:
        return None
    a, b = bound(m.group("a")), bound(m.group("b"))
    if a is None or b is None:
        return None
    pct = bool(m.group("ap") or m.group("bp"))  # "42.6 versus 46.4%": the sign serves both
    diffs = [a - b, b - a]
    if pct and max(abs(lower), abs(upper)) <= 1 < max(abs(a), abs(b)):
        diffs += [d / 100 for d in diffs]  # "31.5% ... versus 30% ... 95% CI = (-0.1203, 0.6325)"
    if not any(_within(d, lower, upper) for d in diffs):
        return None
    return "RD" if pct else "MD"


# How far before an estimate its measure is looked for ("mean difference ... 0.5 (95% CI ...)"):
# past any sentence of the 3,147 abstracts (the longest has 961 characters). Unbounded, each
# interval rescanned its sentence from the start, quadratic in a sentence of intervals (a table
# flattened into one sentence: 700 intervals in 35,000 characters timed the field out)
_MEASURE_REACH = 1_000


def _decide_measure(
    ctx: Context, sent_start: int, est_start: int, label: str | None, unit: str, declared: str | None,
    share: tuple[int, str] | None = None, two: str | None = None,
) -> str | None:
    if label:
        return label
    if declared:
        return declared
    # the sentence's text before the estimate, within _MEASURE_REACH of it
    lo = max(sent_start, est_start - _MEASURE_REACH)
    near = _nearest_measure(ctx, lo, est_start)
    if two and near in (None, "mean", "median", "proportion"):
        return two  # the difference of two arms' values (_two_values)
    if near in (None, "mean", "median", "proportion"):
        before = ctx.norm[lo:est_start]
        # "no difference in mean number of days (-1%; 95% CI ...)" is a difference of means
        if bounded(_words("difference_words").search, before):
            return "MD"
        if near is None and bounded(_words("percentage_point").search, unit):
            return "RD"
    # share = (interval end, estimate as written), given when the estimate was read
    if near is None and share is not None and _share_of_group(ctx, lo, est_start, share[0], share[1], unit):
        return "proportion"
    # "changes in trough FEV1 versus placebo were 0.219 (95% CI ...)", "Compared to controls body
    # weight (-17.0 (95% CI ...))": a value against the control arm is a difference of means
    if near is None and share is not None and _against_control(ctx, lo, est_start, share[0]):
        return "MD"
    if near is None:
        # "... was sustained at 6 months (0.48: 95% CI ...)": the measure was named in the
        # sentence before ("mean MAQ score 0.42: 95% CI ..."), within the same section
        sent = ctx.sentence_index(sent_start)
        if sent > 0:
            prev_start = ctx.sent_starts[sent - 1]
            if ctx.section_label(prev_start) == ctx.section_label(sent_start):
                near = _nearest_measure(ctx, max(prev_start, sent_start - _MEASURE_REACH), sent_start)
    return near


def _build(
    ctx: Context,
    rule_id: str,
    iv_start: int,
    iv_end: int,
    lower: float,
    upper: float,
    level: float | None,
    kind: str,
    percent: bool,
    est_match: regex.Match[str] | None,
    declared_measure: str | None = None,
    keep_outside: bool = False,
) -> Interval:
    sent = ctx.sentence_index(iv_start)
    sent_start = ctx.sent_starts[sent]
    estimate = None
    start = iv_start
    label = None
    unit = ""
    uncertain = False
    # a labelled interval after two arms' values is their difference's: the number before it is
    # the second arm's value ("83.27 vs -133.80; 95% CI"), not its estimate
    two = _two_values(ctx, sent_start, iv_start, lower, upper) if rule_id == "ci_labeled" and not _own_estimate(
        ctx, est_match, lower, upper) else None
    if two is not None:
        est_match = None
    if est_match is not None:
        est = bound(est_match.group("est"))
        within = _within(est, lower, upper)
        # an estimate outside its bounds is kept, marked uncertain, only where its position
        # leaves no doubt that it is the estimate (the caller decides): the checks report it
        if within or (keep_outside and est is not None):
            estimate = est
            uncertain = not within
            start = est_match.start("est")
            unit = est_match.group("unit") or ""
            lo = max(sent_start, start - 70)
            starts = _measure_starts(ctx.norm, lo, start)  # the label starts with a measure name
            lab = (bounded(_label_before().search, ctx.norm, lo, start) if starts is None
                   else next(finditer_at(_label_before(), ctx.norm, starts, start), None))
            if lab:
                label = _measure_of(lab.group("lab"))
                start = lab.start()
    # (an estimate with its own comparative, "0.66% lower (95% CI ...)", is a difference)
    share = (
        (iv_end, est_match.group("est"))
        if estimate is not None and est_match is not None and est_match.group("cmp") is None
        else None
    )
    measure = _decide_measure(ctx, sent_start, start if estimate is not None else iv_start, label, unit, declared_measure,
                              share, two)
    return Interval(
        level=level,
        lower=lower,
        upper=upper,
        measure=measure,  # type: ignore[arg-type]
        estimate=estimate,
        kind=kind,  # type: ignore[arg-type]
        percent=percent,
        **ctx.evidence(start, iv_end, rule=rule_id, uncertain=uncertain),
    )


# ci_labeled and ci_header (case-sensitive) hold a <<cilabel>>, which starts with one of these;
# a match starts at the label, at the <<level>> written right before it ("95% CI"), or (a
# header) at the bracket before both. Matching only there gives the rules' finditer over
# the whole text, at a fraction of the cost (the scans were most of an interval-free pass).
_LABEL_LEADS = ("CI", "Cr", "confidence", "credib", "Bayesian")


def _level_char(c: str) -> bool:
    return c.isdecimal() or c in ".%-" or c.isspace()


def _level_starts(norm: str, labels: list[int], bracket: bool) -> list[int]:
    """Where a match holding the label at each of ``labels`` can start: the label, each digit
    of the run of characters a <<level>> is written with (digits, ".", "%", "-", spaces)
    right before it, and with ``bracket`` the "(" or "[" before that run."""
    out: set[int] = set()
    for label in labels:
        j = skip_back(norm, label, _level_char)
        out.update(p for p in range(j, label) if norm[p].isdecimal())
        out.add(label)
        if bracket and j > 0 and norm[j - 1] in "([":
            out.add(j - 1)
    return sorted(out)


def find(ctx: Context) -> list[Interval]:
    rf = load_rules("intervals")
    norm = ctx.norm
    found: list[Interval] = []
    taken: list[tuple[int, int]] = []
    zones: list[_Zone] = []

    labels = literal_starts(norm, _LABEL_LEADS)
    for m in finditer_at(rf.by_id("ci_labeled").regex, norm, _level_starts(norm, labels, bracket=False)):
        lower, upper = bound(m.group("lower")), bound(m.group("upper"))
        if lower is None or upper is None:
            continue
        lv = m.group("level") or m.group("level2")
        level = float(lv) if lv else None
        if level is not None and not 50 <= level < 100:
            continue
        kind = "credible" if "cr" in m.group("label").lower() else "confidence"
        percent = "%" in m.group("lower") + m.group("upper")
        end = m.end("close") if m.group("open") and m.group("close") else m.end("upper")
        sent = ctx.sentence_index(m.start())
        sent_start = ctx.sent_starts[sent]
        est = _estimate(ctx, sent_start, m.start())
        of = (m.group("of") or "").lower()
        # "95% CI for difference 0.08-2.26": the label names the measure
        named = "MD" if "difference" in of else _measure_of(m.group("of")) if m.group("of") else None
        # "1.17 points/month lower while ... than with placebo (95% CI ...)": the comparison
        # names the number as the estimate, so it is kept even outside the bounds (uncertain)
        # ("3.7 mm Hg lower SBP (95% CI -8.1 to 0.6)": the word carries the sign, so a number
        # whose negative lies within is not an inconsistency)
        keep = False
        if est is not None and est.group("cmp") is not None:
            e = bound(est.group("est"))
            keep = e is not None and not _within(-e, lower, upper)
        found.append(_build(ctx, "ci_labeled", m.start(), end, lower, upper, level, kind, percent, est, named,
                            keep_outside=keep))
        taken.append((m.start(), m.end()))
        # the sentence has said what bracketed pairs are: later "0.41 (0.19-0.85)" are intervals.
        # One zone a sentence, from its first label: a zone per label had each scan on to the
        # sentence's end, quadratic in a sentence of labels ("95% CI 0.81, " 2,000 times ran
        # past the regex time limit and lost the whole field)
        sent_end = ctx.sentence_span(sent)[1]
        if not (zones and zones[-1].end == sent_end):
            zones.append(_Zone(m.end(), sent_end, None, None))

    for h in finditer_at(rf.by_id("ci_header").regex, norm, _level_starts(norm, labels, bracket=True)):
        if any(s <= h.start() < e for s, e in taken):
            continue
        sent = ctx.sentence_index(h.start())
        sent_start = ctx.sent_starts[sent]
        lv = h.group("level")
        sec = ctx.document.section_at(h.start())
        zone_end = sec.end if sec else ctx.sentence_span(sent)[1]
        declared = _nearest_measure(ctx, max(sent_start, h.start() - 60), h.start())
        zones.append(_Zone(h.end(), zone_end, float(lv) if lv else None, declared))

    if zones:
        un = rf.by_id("ci_unlabeled")
        seen: set[int] = set()
        for z in zones:
            for m in un.finditer(norm, z.start, z.end):
                if m.start() in seen or any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                g2 = m.group("est2") is not None
                est_s = m.group("est2") if g2 else m.group("est")
                lo_s = m.group("lower2") if g2 else m.group("lower")
                up_s = m.group("upper2") if g2 else m.group("upper")
                est, lower, upper = bound(est_s), bound(lo_s), bound(up_s)
                if est is None or lower is None or upper is None:
                    continue
                # the zone says bracketed pairs are intervals, so a number opening one is its
                # estimate even when it lies outside ("relative risk 1.51 (0.19-0.85)"): kept,
                # marked uncertain, for the checks; the inline "(est, lo to hi)" form is kept
                # only when consistent
                outside = not _within(est, lower, upper)
                if outside and m.group("est2") is not None:
                    continue
                if lower == upper:
                    continue
                est_start = m.start("est2") if g2 else m.start("est")
                # "n = 12 (10-14)", "P = 0.3 (...)": not an estimate
                if _NOT_ESTIMATE.search(norm[max(0, est_start - 6):est_start]):
                    continue
                sent = ctx.sentence_index(m.start())
                sent_start = ctx.sent_starts[sent]
                est_m = None if g2 else _estimate(ctx, sent_start, m.start("lower"))
                # outside its bounds, the number must be the estimate read right before the
                # bracket ("m-2 (-0.50, -0.06)" is a unit's exponent, not an estimate)
                if outside and (est_m is None or est_m.end("est") != m.end("est")):
                    continue
                seen.add(m.start())
                percent = "%" in lo_s + up_s
                end = m.end("close2") if g2 else m.end("close")
                iv_start = est_start
                if g2:
                    found.append(_from_inline(ctx, iv_start, end, lower, upper, z, est, est_s))
                    taken.append((iv_start, end))
                    continue
                found.append(_build(ctx, "ci_unlabeled", iv_start, end, lower, upper, z.level, "confidence", percent, est_m,
                                    z.measure, keep_outside=True))
                taken.append((iv_start, end))
    found.sort(key=lambda iv: iv.start)
    return found


def _from_inline(ctx: Context, start: int, end: int, lower: float, upper: float, z: _Zone, est: float, est_s: str) -> Interval:
    """ "(-0.00, -0.01 to 0.00)": the estimate sits inside the bracket with its interval."""
    sent = ctx.sentence_index(start)
    sent_start = ctx.sent_starts[sent]
    measure = _decide_measure(ctx, sent_start, start, None, "", z.measure)
    return Interval(
        level=z.level, lower=lower, upper=upper, measure=measure, estimate=est,  # type: ignore[arg-type]
        kind="confidence", percent="%" in est_s,
        **ctx.evidence(start, end, rule="ci_unlabeled"),
    )


def extract(ctx: Context) -> list[Interval]:
    if not _gate(ctx):
        return []
    return find(ctx)
