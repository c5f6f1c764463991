"""Outcome comparisons: which arm did better on which outcome, by how much, and was it significant.

Runs last and reads the numbers other fields found (``p_values``, ``intervals``,
``event_rates``, ``summaries``, ``arms``). For every results sentence:

1. the numbers in the sentence ("anchors": p-values, intervals, x/n counts, summaries and
   "79% vs. 59%" pairs from ``patterns/comparisons.json``) are grouped; a p-value closes a
   group, so "A (79% vs 59%, p=0.04), but B (61% vs 82%, p=0.02)" is two comparisons;
2. each group plus the words before it is a segment; the outcome is read from the words with
   the ``outcome`` rules, the groups named in it ("in the PHR group", "than placebo", an arm
   label, a control term) and which side of the comparison they sit on ("than", "compared
   with" mark the reference group);
3. significance comes from the p-value, else the interval (excludes the null), else words
   ("significantly", "no significant difference", "similar", "trend");
4. direction comes from cue words (``patterns/comparisons.lexicon.json``), else from the
   per-arm values or the estimate, and is turned round when the sentence is about the control
   group ("lower in the placebo group" is the intervention's increase).

Sentences without numbers ("X significantly reduced Y compared with Z", "There was no
significant difference in Y between groups") become comparisons from their words alone.
Per-arm events implied by a percent and the arm's n are filled in with ``derived=True``.

This module finds the sentences, their numbers and segments, and builds the records; the
parts it uses live beside it: ``cue_words`` (word scanning, lexicon cues, rule gates),
``comparison_groups`` (groups named), ``comparison_outcomes`` (the outcome phrase) and
``comparison_direction`` (direction and significance).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.fields import Context

# the field was one module: other code and the tests import the names marked F401 from here
from extractor.fields.comparison_direction import (
    DIFF_MEASURES,
    RATIO_MEASURES,
    _flip,
    _numeric_direction,
    _sig_from_ci,
    _sig_from_p,
    _word_cues,
)
from extractor.fields.comparison_groups import (
    _ArmIndex,
    _may_name_treated_group,  # noqa: F401
    _Mention,
    _mentions,
)
from extractor.fields.comparison_outcomes import (
    _PEOPLE,
    _clean_outcome,
    _cut_at_group,
    _fallback_outcome,
    _outcome,
)
from extractor.fields.cue_words import (
    _RUN,  # noqa: F401
    _WORD_GAPS,
    _ascii_words,
    _blanked_runs,
    _cues,
    _finditer,
    _plain,
    _rule_gates,
    _run_spaces,
    _Runs,  # noqa: F401
    _spaced_runs,
    _word_runs,
    adverse,
    tokens,  # noqa: F401
)
from extractor.numbers import parse_decimal
from extractor.records import ArmValue, Comparison
from extractor.regex_cache import compile_regex
from extractor.rules import load_lexicon
from extractor.words import TOK

FIELD = "comparisons"

_ARM_MEASURES = {"mean", "median", "proportion"}  # an interval of one arm's value, not an effect
# ", and the X was ...": a new clause with its own subject
_AND_CLAUSE = r",\s+and\s+(?=(?:the\s+)?\w+(?:\s+\w+)?\s+(?:was|were)\b)"
# (?<!\s): a split starts where its run of spaces does (after its comma), and is tried only
# there: at each space of a long run, each try reading the run to its end, it was quadratic
_CLAUSE_SPLIT = compile_regex(r";\s*|,?(?<!\s)\s+(?:but|whereas|while)\s+|,\s+(?:although|however)\s+|" + _AND_CLAUSE, regex.I)
# the same split of a sentence without the other alternatives' words (_CLAUSE_WORDS): a
# pattern starting with its comma is found by a scan for the comma, where _CLAUSE_SPLIT
# tries every space
_AND_CLAUSE_SPLIT = compile_regex(_AND_CLAUSE, regex.I)
_CLOSE = compile_regex(r"[\s,;]*[)\]]")
_GAP_WORDS = compile_regex(r"[a-z]{2,}", regex.I)
_GAP_SOFT = {"and", "respectively", "vs", "versus", "or", "the", "in", "for", "each", "both", "overall", "all"}
_GAP_BOUNDARY = compile_regex(r";|,\s*(?:and|but|while|whereas)\b|\bwhereas\b|\bwhile\b|\bbut\b", regex.I)
_WITHIN = compile_regex(
    r"\bwithin[-\s]+groups?\b|\b(?:from\s+(?:baseline|pre-?(?:op|operative|operatively|treatment|intervention)\b)|at\s+baseline\s+to)\b"
    # a decimal point is no full stop: "from baseline was -361 ± 271.3 in the combination group
    # compared with 141 ± 241.9 in the switching group" sets the groups' changes against each other
    r"(?!(?:[^.]|\.(?=\d)){0,150}?\b(?:than|compared|versus|vs)\b)", regex.I)
# "HbA1c was reduced significantly in both groups (P < 0.01)": a change within each group,
# not a difference between them -- unless the statement also sets the groups against each
# other ("than", "between", "differed", "versus" before a word, not between two numbers)
_ALL_GROUPS = compile_regex(
    r"\b(?:in|for|within|among|by)\s+(?:both|all|each)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:groups|arms|treatments|cohorts|conditions)\b"
    r"|\bboth\s+(?:[\w-]+\s+)?(?:groups|arms)\s+(?:had|showed|improved|experienced|achieved|demonstrated)\b"
    r"|\bwith\s+all\s+treatments\b", regex.I)
_CONTRAST = compile_regex(
    r"\b(?:than|between|differ\w*|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|favou?r\w*)\b(?!\s*[-\d])", regex.I)
# a hazard ratio is the hazard of the event: above 1 the event comes sooner, so a time to it
# ("time to recovery", "fever clearance time", "duration of ...") or the survival free of it is
# shorter. For these outcomes the direction is the reverse of the estimate; for events
# (mortality, relapse) it follows the estimate.
_TIME_OUTCOME = compile_regex(r"\btimes?\b|\bduration\b|\bsurvival\b|-free\b", regex.I)
# "Total cholesterol, LDL cholesterol and triglycerides were ...": the subject is a list
_LIST_SPLIT = compile_regex(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]*$)", regex.I)


@dataclass
class _Anchor:
    start: int  # absolute offsets
    end: int
    kind: str  # p | ci | er | sum | vs
    obj: object = None
    values: list[ArmValue] = field(default_factory=list)


def _absent(low: str, words: tuple[str, ...], text: str) -> bool:
    """None of ``words`` is in ``low`` (``text`` lower-cased), so a case-insensitive regex
    that needs one of them cannot match and need not run. Only ``_plain`` text is judged:
    under IGNORECASE "ı", "ſ" and "İ" match i, s and i, and lower-casing does not make them so."""
    return _plain(text) and not any(map(low.__contains__, words))


# the words _WITHIN, _ALL_GROUPS and _HEDGE cannot match without (see _absent); _CLAUSE_SPLIT
# needs one of its own, or a comma before "and"
_CLAUSE_WORDS = (";", "but", "while", "whereas", "although", "however")
_WITHIN_WORDS = ("within", "from", "baseline")
_ALL_GROUPS_WORDS = ("both", "all", "each")
# and one of its plural nouns: "all" is inside many words ("overall", "small")
_ALL_GROUPS_NOUNS = ("groups", "arms", "treatments", "cohorts", "conditions")
_HEDGE_WORDS = ("may", "might", "could", "remain", "thought", "been", "known")


@cache
def _pair_words() -> tuple[str, ...]:
    """The gate substrings of vs_pair, resp_pair and group_pair together: a sentence with
    none of them is not searched for a pair of values."""
    gates = _rule_gates()
    return tuple({w for r in ("vs_pair", "resp_pair", "group_pair") for w in gates[r]})


@cache
def _skip_sections() -> frozenset[str]:
    return frozenset(s.upper() for s in load_lexicon("comparisons").entries["skip_sections"])


# ---------------------------------------------------------------- small helpers


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    try:
        return parse_decimal(s)
    except Exception:
        return None


# ---------------------------------------------------------------- anchors


def _anchors(ctx: Context, s: int, e: int, by_sent: dict[int, list[_Anchor]], sent_idx: int) -> list[_Anchor]:
    anchors = list(by_sent.get(sent_idx, []))
    sent = ctx.norm[s:e]
    taken = [(a.start, a.end) for a in anchors if a.kind in ("er", "sum")]
    # "79% vs 59%", "79% and 59% ... respectively", "79% in group A and 59% in group B": one
    # value per arm, the first arm's first
    low = ctx.low[s:e]  # lower-cased once for the three rules' gates
    # none of the three rules' gate words: none of them can match
    pairs = () if _absent(low, _pair_words(), sent) else (
        *_finditer("vs_pair", sent, low), *_finditer("resp_pair", sent, low), *_finditer("group_pair", sent, low))
    for m in pairs:
        a0, a1 = s + m.start(), s + m.end()
        inside = [t for t in taken if t[0] < a1 and a0 < t[1]]
        if len(inside) >= 2:
            continue  # both sides already read as counts or summaries
        anchors = [x for x in anchors if not (x.kind in ("er", "sum") and x.start < a1 and a0 < x.end)]
        pa, pb = bool(m.group("apct") or m.group("bpct")), bool(m.group("bpct"))
        vals = []
        for g, sd in (("a", "asd"), ("b", "bsd")):
            v = _num(m.group(g))
            if pa or pb:
                vals.append(ArmValue(percent=v))
            elif m.group(sd):
                vals.append(ArmValue(mean=v, sd=_num(m.group(sd))))
            else:
                vals.append(ArmValue(mean=v))
        anchors.append(_Anchor(a0, a1, "vs", m, vals))
    anchors.sort(key=lambda a: (a.start, a.end))
    return anchors


# what a count of a set of arms, domains or questions counts ("16 of 19 treatment arms", "five
# of seven domains"): events has it for a rate, but it is no value of one arm
_TALLY_SET = compile_regex(r"\s+(?:[a-z-]+\s+)?(?:arms|domains|subscales|questions)\b", regex.I)
# ... or inside the rate: "Of 16 instruments, none"
_TALLY_NOUN = compile_regex(r"\b(?:arms|domains|subscales|questions|instruments|items|scales)\b", regex.I)


def _index_results(ctx: Context) -> dict[int, list[_Anchor]]:
    by: dict[int, list[_Anchor]] = {}

    def add(a: _Anchor) -> None:
        by.setdefault(ctx.sentence_index(a.start), []).append(a)

    for p in ctx.results.get("p_values") or []:
        add(_Anchor(p.start, p.end, "p", p))
    for iv in ctx.results.get("intervals") or []:
        add(_Anchor(iv.start, iv.end, "ci", iv))
    for er in ctx.results.get("event_rates") or []:
        if _TALLY_SET.match(ctx.norm, er.end) or _TALLY_NOUN.search(ctx.norm, er.start, er.end):
            continue  # "lower pain scores in 16 of 19 treatment arms": a tally of arms, no arm's value
        if er.rule == "er_count_pct":
            continue  # "175 patients answered: 106 (61%) preferred ODT and 48 (27%) OCT": shares of one total, no arms' values
        add(_Anchor(er.start, er.end, "er", er, [ArmValue(events=er.events, total=er.total, percent=er.percent)]))
    for sm in ctx.results.get("summaries") or []:
        if sm.statistic == "median":
            av = ArmValue(median=sm.value, iqr_lower=sm.lower, iqr_upper=sm.upper)
        elif sm.dispersion in ("SD", "pm", None):
            av = ArmValue(mean=sm.value, sd=sm.spread if sm.dispersion == "SD" else None)
        else:
            av = ArmValue(mean=sm.value)
        add(_Anchor(sm.start, sm.end, "sum", sm, [av]))
    return by


# an interval is an effect's (not one arm's value, "3.1 % (95 % CI 1.7–5.1 %) after carbetocin
# and 7.2 % (5.8–8.9 %) after oxytocin") when it names a ratio or a difference
_EFFECT_MEASURES = RATIO_MEASURES | DIFF_MEASURES
_GAP_MARKER = compile_regex(r"\b(?:versus|vs|than|compared|respectively)\b", regex.I)


# a phrase naming every group at once ("the two groups", "both groups", "the study groups"); a
# kind of group alone ("the treatment groups", "experimental groups") is a side (all but control)
_ALL_THE_GROUPS = compile_regex(
    r"(?:the\s+|both\s+|all\s+|either\s+)?(?:two|three|four|2|3|4|both|all|the)\s+"
    r"(?:(?:study|treatment|active\s+treatment|intervention|randomi[sz]ed|experimental)\s+)?(?:groups|arms)"
    r"|(?:the\s+)?(?:study\s+|randomi[sz]ed\s+)?(?:groups|arms)"
    r"|(?:either|each)\s+(?:group|arm)"
    r"|(?:the\s+)?(?:intervention|experimental|treatment|study)\s+and\s+(?:the\s+)?control\s+(?:groups|arms)", regex.I)


def _all_groups(m: _Mention) -> bool:
    """The mention names every group at once: "the two groups", or groups after "between"."""
    return (_ALL_THE_GROUPS.fullmatch(m.text) is not None
            or (m.side == "neutral" and m.arm is None and m.text.lower().endswith(("groups", "arms"))))


# an outcome phrase that starts with the negation of a contrast ("but not for women", "not the
# PS-OO", "not tocopherol"), and the words after it that name a subgroup or a time, not an outcome
_NOT_LEAD = compile_regex(r"(?:but\s+)?not(?:\s+only)?(?:\s+|$)", regex.I)
_SUBGROUP_LEAD = compile_regex(r"(?:in|for|with|at|after|during|among|on|before|until)\b|subsequently\b", regex.I)


def _effect(a: _Anchor) -> bool:
    return getattr(a.obj, "measure", None) in _EFFECT_MEASURES


def _group(sent: str, s: int, anchors: list[_Anchor]) -> list[list[_Anchor]]:
    """Split a sentence's anchors into comparisons: a p-value closes a group."""
    groups: list[list[_Anchor]] = []
    cur: list[_Anchor] = []
    for a in anchors:
        if cur:
            gap = sent[cur[-1].end - s: a.start - s]
            words = [w for w in _GAP_WORDS.findall(gap) if w.lower() not in _GAP_SOFT]
            has_p = any(x.kind == "p" for x in cur)
            new = (has_p and (len(words) >= 2 or (a.kind != "p" and words)))
            # "weight (-3.4 kg (95% CI -5.5, -1.3)), BMI (-1.14 (95% CI -1.9, -0.41))": an
            # interval closes its outcome's group as a p-value does, where words name the next
            new = new or (a.kind == "ci" and words and _effect(a) and any(x.kind == "ci" and _effect(x) for x in cur)
                          and not _GAP_MARKER.search(gap))
            new = new or (_GAP_BOUNDARY.search(gap) is not None and len(words) >= 3)
            new = new or len(words) >= 10
            if has_p and a.kind == "p" and not words and not _GAP_BOUNDARY.search(gap):
                new = False  # "p = 0.006 and 0.044" / "(P = 0.80 and p = 0.59)" stay together
            if new:
                groups.append(cur)
                cur = []
        cur.append(a)
    if cur:
        groups.append(cur)
    return groups

# ---------------------------------------------------------------- assembling one comparison


@dataclass
class _Segment:
    start: int  # absolute
    end: int
    head_end: int  # absolute: where the first anchor starts (== end when there are none)
    anchors: list[_Anchor]
    inherited: tuple | None = None


def _segments(sent: str, s: int, e: int, anchors: list[_Anchor]) -> list[_Segment]:
    if not anchors:
        low = sent.lower()
        only_and = _absent(low, _CLAUSE_WORDS, sent)
        if only_and and not ("," in sent and "and" in low):
            return [_Segment(s, e, e, [])] if e > s else []
        out = []
        pos = 0
        for m in (_AND_CLAUSE_SPLIT if only_and else _CLAUSE_SPLIT).finditer(sent):
            out.append(_Segment(s + pos, s + m.start(), s + m.start(), []))
            pos = m.end()
        out.append(_Segment(s + pos, e, e, []))
        return [x for x in out if x.end > x.start]
    groups = _group(sent, s, anchors)
    out = []
    pos = s
    for gi, g in enumerate(groups):
        end = g[-1].end
        m = _CLOSE.match(sent, end - s)
        if m:
            end = s + m.end()
        if gi == len(groups) - 1:
            end = e
        out.append(_Segment(pos, end, g[0].start, g))
        pos = end
    return out


def _arm_value_for_percent(av: ArmValue, arm) -> ArmValue:
    """Events implied by a percent and the arm's n: '91% vs 42%' with n = 12 per arm."""
    n = getattr(arm, "n", None) if arm is not None else None
    # a percent past ±100 is no share of the arm: 150% would invent more events than n, and
    # "1e300% vs 0%" made round() of an infinite product raise (the whole field was lost)
    if av.events is not None or av.percent is None or not n or abs(av.percent) > 100:
        return av
    events = round(av.percent * n / 100)
    if abs(100 * events / n - av.percent) > 1.0:  # the percent is not a count of n (a KM estimate, a subset)
        return av
    return av.model_copy(update={
        "events": events, "total": n, "derived": True,
        "derivation": f"events = round({av.percent:g}% x {n}) = {events}; total = n allocated to the arm ({n})",
    })


def _pieces(ctx: Context, seg: _Segment, cues, text: str) -> list[tuple[int, int]]:
    """'had a better mental state, higher levels of IL-2 and lower levels of cortisol (all
    P<0.05)': one comparison per directional item of a list sharing the statistics.
    ``text``: the segment's text (``ctx.norm[seg.start:seg.end]``)."""
    n = seg.head_end - seg.start
    head = text[:n]
    # a cut is before a direction word with a space or comma either side, a run of the
    # (ASCII) head; most heads have none, and the split's regex is not cheap. A segment
    # without numbers is its head: its runs are the ones its later searches share; the
    # head of one with numbers is split here only
    if n == len(text):
        runs = _word_runs(text, 0, n)
        if runs.spaced is not None and cues["dir_any"].keyset.isdisjoint(runs.set):
            return [(seg.start, seg.head_end)]
    elif head.isascii() and cues["dir_any"].keyset.isdisjoint(_spaced_runs(head).split()):
        return [(seg.start, seg.head_end)]
    # the split is at a comma or an "and"/"but": a head with none (a third of them) is one piece
    if "," not in head and _absent(head.lower(), ("and", "but"), head):
        return [(seg.start, seg.head_end)]
    cuts = [m.start() for m in cues["piece_split"].finditer(head)]
    if not cuts:
        return [(seg.start, seg.head_end)]
    bounds = [0, *cuts, len(head)]
    return [(seg.start + a, seg.start + b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _build(ctx: Context, seg: _Segment, sent_s: int, sent_e: int, arms: list, arm_res, cues, prev: dict | None,
           piece: tuple[int, int] | None = None, last: Comparison | None = None, text: str | None = None) -> dict | None:
    if text is None:
        text = ctx.norm[seg.start:seg.end]
    p0, p1 = piece if piece else (seg.start, seg.head_end)
    head = ctx.norm[p0:p1]
    pvals = [a.obj for a in seg.anchors if a.kind == "p"]
    cis = [a.obj for a in seg.anchors if a.kind == "ci" and getattr(a.obj, "measure", None) not in _ARM_MEASURES]
    values = [v for a in seg.anchors if a.kind in ("er", "sum", "vs") for v in a.values]
    numbers = bool(pvals or cis or len(values) >= 2)
    none = None  # "No X occurred in either group": none in every group, no difference
    if not numbers and not _words_may_compare(text, cues):
        none = _none_in_groups(head)
        if none is None:
            return None  # the cheap exit below, taken first: the test before it only drops numbers
    low = ctx.low[seg.start:seg.end]
    if (not _absent(low, _WITHIN_WORDS, text) and _WITHIN.search(text)) or (
            not _absent(low, _ALL_GROUPS_WORDS, text) and not _absent(low, _ALL_GROUPS_NOUNS, text)
            and within_all_groups(text)):
        # a change within one group (or the same change in each), not a comparison between
        # groups; its numbers are the change's. "improved from pre-op (P < 0.0001) with no
        # difference between groups" still says how the groups compare: in words only
        if not cues["no_difference"].search(text):
            return None
        pvals, cis, values = [], [], []
        if numbers and not _words_may_compare(text, cues):
            return None  # cheap exit before the phrase rules: nothing here can make a comparison
    # none in every group has no side: "either group" names all of them
    # the segment's words for the rules' gates, split once for its groups and, when the
    # segment is all head (no numbers, one piece), for its outcome
    words = _ascii_words(low, _WORD_GAPS) if _plain(text) else None
    mentions = _mentions(text, arm_res, cues, low, words) if none is None else []

    whole = p0 == seg.start and p1 == seg.end
    found = none or _outcome(head, cues, mentions, *((low, words) if whole else ()))
    if found and found[2] == "nothing":
        return None  # the words name no outcome ("no change in either group")
    rule = None
    inherited = False
    if found and found[2] == "anaphor" and last is None:
        found = (found[0], found[1], "out_subject")  # nothing to refer to: the phrase stands
    if found:
        o, o0, rule = found
        if piece is None and rule in ("out_had_more", "out_subject") and _names_people(o):
            # "fewer dalteparin-treated patients (2/74 [2.7 %]) experienced ≥1 adjudicated
            # symptomatic rVTE": the people counted are no outcome; what they had is
            did = _outcome_after_counts(ctx.norm, seg, mentions, p0 + o0 + len(o))
            if did is not None:
                (o, o0), rule = did, "out_people_had"
    else:
        fb = _fallback_outcome(head)
        rule = "out_list"
        if fb is None and piece is None and len(values) >= 2 and not head.strip(" ,;:(["):
            # "17 of the 38 eyes in group 1 (44.7%) required IOP-lowering medications as
            # compared to seven of the 111 eyes in group 2": the counts come first
            fb = _outcome_after_counts(ctx.norm, seg, mentions)
            rule = "out_after_counts"
        if fb is not None and _ONLY_A_DIFFERENCE.match(fb[0]) and seg.anchors:
            # "a significant difference (p < 0.05) in BMD between the groups": what differed follows
            # (with none read, the phrase stays: the statistics still say how the groups compare)
            fb = _outcome_after_difference(ctx.norm, seg) or _recover_outcome(ctx, seg, sent_s, p0, cues) or fb
        elif fb is not None and fb[0].lower() in _NAMES_NOTHING:
            fb = _recover_outcome(ctx, seg, sent_s, p0, cues)
        if fb is None:
            return None
        o, o0 = fb
        inherited = prev is not None and head.lstrip().startswith((",", "and")) and not cues["gate"].search(head)
    same_as_before = None
    neg = _NOT_LEAD.match(o) if o[:1] in "nNbB" else None
    if neg is not None:
        # "significant for men (...) but not for women (...)", "in the PS-FO-fed than the
        # PS-SO, but not the PS-OO": another group, the same outcome as the clause before;
        # "increased plasma β-carotene but not tocopherol": the words after "not" are the outcome
        rest0 = p0 + o0 + neg.end()
        rest = o[neg.end():]
        if not rest.strip() or _SUBGROUP_LEAD.match(rest) or any(
                rest0 <= seg.start + m.start < p0 + o0 + len(o) for m in mentions):
            # (with no comparison before it in the sentence, the phrase stays as it was read)
            same_as_before = prev["comparison"] if prev is not None else None
        else:
            o, o0 = rest, o0 + neg.end()
    o_abs0 = p0 + o0
    o_abs1 = o_abs0 + len(o)
    outcome = ctx.text[o_abs0:o_abs1]
    # the words to blank: none of an outcome read outside the piece (_recover_outcome)
    m0, m1 = (p0, p0) if o_abs0 < p0 or (piece and o_abs1 > p1) else (o_abs0, o_abs1)
    # a group word inside the outcome ("workload for glucose control") is not a side
    r0, r1 = m0 - seg.start, m1 - seg.start
    mentions = [m for m in mentions if not (r0 <= m.start and m.end <= r1)]
    # "This difference was not significant": the outcome is the previous sentence's
    borrowed = last if rule == "anaphor" else same_as_before
    if borrowed is not None:
        outcome = borrowed.outcome

    # words, with the outcome phrase blanked ("improvement of ARDS" is not a direction cue)
    masked = text[:r0] + " " * (r1 - r0) + text[r1:]
    if piece:
        words = ctx.norm[p0:m0] + " " * (m1 - m0) + ctx.norm[m1:p1]
        direction, significant, cue = _word_cues(words, cues, outcome)
        if significant is None:
            significant = _word_cues(masked, cues, outcome)[1]
    else:
        direction, significant, cue = _word_cues(masked, cues, outcome, _blanked_runs(text, r0, r1))
    if none is not None:
        direction, significant = "no difference", False
    if same_as_before is not None and not (pvals or cis) and not significant:
        # "decreased significantly during treatment, but not during the control period": what
        # held before does not hold for this group
        direction, significant = "no difference", False
    elif inherited and prev is not None and direction is None and significant is None:
        direction, significant = prev["direction_words"], prev["significant_words"]
        pc = prev.get("cue") or ""
        if direction in ("increased", "decreased") and (cues["better"].search(pc) or cues["worse"].search(pc)):
            # "superior for the relief of pain (P < 0.05), and facial swelling (P < 0.05)": a
            # word of valence shared by a list reads anew for each outcome
            if adverse(outcome, cues) != adverse(prev["outcome"], cues):
                direction = _flip(direction)
    if borrowed is not None and direction is None and significant is not False:
        direction = borrowed.direction

    has_numbers = bool(pvals or cis or len(values) >= 2)
    if not has_numbers and direction is None and significant is None:
        return None
    if not has_numbers and significant is None and not (direction and _has_ref_marker(masked, cues)):
        return None  # "X could be beneficial": a claim, not a reported comparison
    if not pvals and not cis and len(values) < 2 and significant is None and direction is None:
        return None

    # sides: the group the statement is about (focus) and the reference group
    focus = next((m for m in mentions if m.side == "focus"), None)
    if focus is None:
        focus = next((m for m in mentions if m.side == "neutral"), None)
    ref = next((m for m in mentions if m.side == "ref" and (focus is None or m.arm is None or m.arm is not focus.arm)), None)
    if ref is None and focus is not None:
        ref = next((m for m in mentions if m is not focus and m.side != "focus" and (m.arm is None or m.arm is not focus.arm)), None)
        if ref is None:
            ref = next((m for m in mentions if m is not focus and (m.arm is None or m.arm is not focus.arm)
                        and m.control != focus.control), None)

    def label(m: _Mention | None) -> str | None:
        if m is None:
            return None
        if m.arm is not None:
            return m.arm.label
        if m.control:
            ctrl = [a for a in arms if a.role == "control"]
            if len(ctrl) == 1:
                m.arm = ctrl[0]
                return ctrl[0].label
        text = ctx.text[seg.start + m.start: seg.start + m.end]
        if _all_groups(m):
            return None  # "between the two groups": every group, no side
        same = next((a for a in arms if a.label.lower() == text.lower()), None)
        if same is not None:
            m.arm = same  # "Group A" is the arm "group A"
            return same.label
        return text

    def arm_of(m: _Mention | None):
        return m.arm if m is not None else None

    # per-arm values, in the order the groups are named
    iv = cv = None
    if len(values) >= 2:
        iv, cv = values[0], values[1]
    flipped = False
    inter_m, comp_m = focus, ref
    if focus is not None and ref is not None and focus.control and not ref.control:
        inter_m, comp_m, flipped = ref, focus, True
    elif focus is not None and ref is None and focus.control:
        # "lower in the placebo group" is the intervention's increase; a control named only
        # beside its value ("(tiotropium 9.5%; placebo 17.9%)") leaves the words as they are
        inter_m, comp_m, flipped = None, focus, focus.side == "focus"
    inherit = prev.get("sides") if prev is not None and not mentions else None
    if inherit is not None:
        # "The combination group had a lower dose (...), a longer recovery time (...)": the
        # groups named once in the sentence are the groups of each later item
        flipped = inherit[4]
    # values follow the order of the groups named ("37.5% in cell recipients versus 42.7% in controls")
    if iv is not None:
        order = [m for m in mentions if m is focus or m is ref]
        first_is_control = order[0].control if len(order) >= 1 else False
        if len(order) >= 2:
            first_is_control = order[0] is comp_m
        elif len(order) == 1:
            # one group named: its value comes first when it is the subject ("in the placebo
            # group (12% vs 8%)"); a reference group ("lower than placebo (3 vs 5)") comes
            # after the unnamed subject, whose value is the first
            first_is_control = order[0] is comp_m and order[0].side != "ref"
        if inherit is not None:
            first_is_control = flipped
        if first_is_control:
            iv, cv = cv, iv
    if flipped:
        direction = _flip(direction)

    intervention, comparator = label(inter_m), label(comp_m)
    i_arm, c_arm = arm_of(inter_m), arm_of(comp_m)
    if inherit is not None:
        intervention, comparator, i_arm, c_arm = inherit[:4]
    if borrowed is not None and inter_m is None and comp_m is None:
        intervention, comparator = borrowed.intervention, borrowed.comparator
    if len(arms) == 2:
        ia = [a for a in arms if a.role == "intervention"]
        ca = [a for a in arms if a.role == "control"]
        if len(ia) == 1 and len(ca) == 1:
            # "no difference between the two groups" names both arms: the two of the trial
            if i_arm is None and c_arm is not ia[0] and (inter_m is None or _all_groups(inter_m)):
                i_arm = ia[0]
                intervention = intervention or ia[0].label
            if c_arm is None and i_arm is not ca[0] and (comp_m is None or _all_groups(comp_m)):
                c_arm = ca[0]
                comparator = comparator or ca[0].label

    if iv is not None:
        iv = _arm_value_for_percent(iv.model_copy(update={"arm": intervention}), i_arm)
        cv = _arm_value_for_percent(cv.model_copy(update={"arm": comparator}), c_arm)

    # the effect's interval, where one arm's comes first ("3.1 % (95 % CI 1.7-5.1 %) after
    # carbetocin and 7.2 % (5.8-8.9 %) after oxytocin; relative risk 0.41 (0.19-0.85)")
    ci = next((x for x in cis if getattr(x, "measure", None) in _EFFECT_MEASURES), cis[0]) if cis else None
    p = pvals[0] if pvals else None
    measure = getattr(ci, "measure", None) if ci is not None else None
    estimate = getattr(ci, "estimate", None) if ci is not None else None
    derived, derivation = False, None
    words_sig = significant
    if p is not None:
        s_p = _sig_from_p(p.comparator, p.value)
        if s_p is not None:
            significant = s_p
    elif ci is not None and significant is None:
        s_ci = _sig_from_ci(measure, ci.lower, ci.upper)
        if s_ci is not None:
            significant = s_ci
            derived, derivation = True, f"significant = {s_ci}: the {f'{ci.level:g}% ' if ci.level else ''}CI {'excludes' if s_ci else 'includes'} {1 if measure in RATIO_MEASURES else 0}"
    num_dir = _numeric_direction(iv, cv, measure, estimate)
    if measure == "HR" and iv is None and num_dir in ("increased", "decreased") and _TIME_OUTCOME.search(outcome):
        num_dir = _flip(num_dir)
    if direction is None or (direction == "no difference" and significant):
        direction = num_dir if num_dir is not None else (None if significant else direction)
    if significant is False and direction is None:
        direction = "no difference"

    ev = ctx.evidence(sent_s, sent_e, rule=f"comparison:{rule}")
    c = Comparison(
        **ev,
        outcome=outcome,
        outcome_start=borrowed.outcome_start if borrowed is not None else o_abs0,
        outcome_end=borrowed.outcome_end if borrowed is not None else o_abs1,
        intervention=intervention,
        comparator=comparator,
        intervention_values=iv,
        comparator_values=cv,
        measure=measure,
        estimate=estimate,
        lower=ci.lower if ci is not None else None,
        upper=ci.upper if ci is not None else None,
        level=ci.level if ci is not None else None,
        p_value=p.value if p is not None else None,
        p_comparator=p.comparator if p is not None else None,
        direction=direction,
        significant=significant,
        derived=derived,
        derivation=derivation,
    )
    return {"comparison": c, "direction_words": _flip(direction) if flipped else direction,
            # a negated clause does not carry its words to the next items ("..., but not in
            # X, and Y showed significance")
            "keep_prev": same_as_before is not None,
            "significant_words": words_sig, "cue": cue or (prev.get("cue") if inherited and prev else None),
            "outcome": outcome,
            "sides": (intervention, comparator, i_arm, c_arm, flipped) if focus is not None or inherit is not None else None}


# "there was no significant difference between both groups (p < 0.01)": a phrase of the
# difference itself names no outcome; it is the earlier clause's, or none
_ONLY_A_DIFFERENCE = compile_regex(
    r"(?:(?:no|a|the|any|statistically|significant|non-?significant|significantly)\s+)+"
    r"(?:differences?|associations?|interactions?|effects?|changes?|results?)?\s*$", regex.I)
_AFTER_DIFFERENCE = compile_regex(
    r"[\s)\]]*(?:in\s+favou?r\s+of\s+(?:the\s+)?[\w\-+/]+(?:\s+group)?\s+)?"
    r"(?:in(?!\s+favou?r\b)|on|for|regarding|with\s+respect\s+to)\s+(?:the\s+)?(?P<o>[^\s,;()\[\]][^,;()\[\]]{1,79}?)"
    r"(?=\s+(?:between|among|in\s+favou?r|at|after|was|were|than|compared|versus|vs)\b|\s*[,;(\[]|\s*\.?$)", regex.I)


def _outcome_after_difference(norm: str, seg: _Segment) -> tuple[str, int] | None:
    """(phrase, offset from the segment's start) of what a difference whose statistics come
    first was in: "a significant difference (p < 0.05) in BMD between the groups"."""
    m = _AFTER_DIFFERENCE.match(norm, seg.anchors[0].end, seg.end)
    if m is None:
        return None
    o, o0 = _clean_outcome(m.group("o"), m.start("o") - seg.start)
    return (o, o0) if len(o) >= 2 and TOK.search(o.lower()) else None


# a phrase left of the numbers that is one word naming nothing: a pronoun ("while it was 2.06"),
# the preposition of a change ("and from 0.26 to 0.18"), a leading time ("At the median
# follow up of 17 months, the median PFS was ...") or the groups ("In both groups")
_NAMES_NOTHING = frozenset(("it", "them", "they", "from", "by", "at", "to", "in", "after", "groups", "either"))
_LEAD_TIME_WORD = (["At"], ["After"], ["In"], ["By"], ["at"], ["after"], ["in"], ["by"])


def _recover_outcome(ctx: Context, seg: _Segment, sent_s: int, p0: int, cues) -> tuple[str, int] | None:
    """(phrase, offset from ``p0``) of the outcome a segment whose own words name nothing
    refers to: read from the sentence before it ("mean SAR decreased from X ... and from Y"),
    or, for a segment that starts the sentence with a time or setting, after that phrase's
    comma ("At the median follow up of 17 months, the median PFS was"). None: no outcome."""
    if seg.start > sent_s:
        a, b = sent_s, seg.start
    elif ctx.norm[p0:seg.head_end].split(None, 1)[:1] in _LEAD_TIME_WORD and seg.anchors:
        comma = ctx.norm.find(",", seg.anchors[0].end, seg.end)
        if comma < 0:
            return None
        later = [x.start for x in seg.anchors[1:] if x.kind in ("p", "ci") and x.start > comma]
        a, b = comma + 1, min(later, default=seg.end)
    else:
        return None
    found = _outcome(ctx.norm[a:b], cues, [])
    if found is None or not found[0] or found[0].lower() in _NAMES_NOTHING:
        return None
    return found[0], a - p0 + found[1]


# what the people counted had or did: a verb of having takes its object as the outcome ("had
# virological failure"), any other verb is part of it ("discontinued the study"); not a verb
# of a relative clause ("patients who completed the trial had ...")
_AFTER_COUNTS = compile_regex(
    r"(?<!\bwho\s)(?<!\bthat\s)\b(?:(?P<have>had|developed|experienced|suffered|presented\s+with|achieved|"
    r"attained|required|needed)|(?P<act>discontinued|completed|initiated|passed|relapsed|withdrew|quit|underwent))"
    r"\s+(?P<o>[^\s,;()\[\]][^,;()\[\]]{1,79}?)"
    r"(?=\s+(?:as\s+opposed\s+to|as\s+compared|compared|versus|vs\b|than|while|whereas|respectively)\b|\s*[,;(\[]|\s*\.?$)",
    regex.I)


def _outcome_after_counts(norm: str, seg: _Segment, mentions: list[_Mention], start: int | None = None
                          ) -> tuple[str, int] | None:
    """(phrase, offset from the segment's start) of what the people counted before it had or
    did, read after the segment's first counts (or after ``start``); None when no verb of the
    list follows them."""
    m = _AFTER_COUNTS.search(norm, seg.anchors[0].end if start is None else start, seg.end)
    if m is None:
        return None
    a = m.start("act") if m.group("act") else m.start("o")
    o, o0 = _clean_outcome(norm[a:m.end("o")], a - seg.start)
    o = _cut_at_group(o, o0, mentions)
    return (o, o0) if len(o) >= 2 and TOK.search(o.lower()) else None


# the people a phrase may count: "more male STI patients", "fewer dalteparin-treated patients"
# (the outcome rules' people, and a few that only count people)
_PEOPLE_WORDS = _PEOPLE | {"individuals", "people", "students", "mothers", "smokers"}


def _names_people(o: str) -> bool:
    """The phrase is a few words ending in people counted."""
    words = o.split()
    return len(words) <= 4 and words[-1].lower() in _PEOPLE_WORDS


def _words_may_compare(text: str, cues) -> bool:
    """A segment without numbers is a comparison only with a significance word, or a
    reference marker and a direction word."""
    # the word lists first: a set lookup each, where the marker is a regex search
    return cues["sig_any"].found(text) or (cues["dir_any"].found(text) and _has_ref_marker(text, cues))


# the words ref_marker_any cannot match without (see _absent)
_REF_MARKER_WORDS = ("than", "compared", "versus", "vs", "relative", "comparison")


def _has_ref_marker(text: str, cues) -> bool:
    """A reference marker ("than", "compared with", "versus") anywhere in ``text``: the regex
    scans every position, so it runs only on a text holding one of its words."""
    return not _absent(text.lower(), _REF_MARKER_WORDS, text) and cues["ref_marker_any"].search(text) is not None


# the start the out_none_in_groups rule needs ("No ...", "There were no ..."): one anchored
# match per sentence lets its sentences past the cue-word gate
_NONE_START = compile_regex(r"[\s,;:]*(?:however,?\s+|also,?\s+)?(?:there\s+(?:was|were)\s+)?no\s", regex.I)


def _may_be_none_in_groups(low: str, s: int, e: int) -> bool:
    """The sentence low[s:e] starts as out_none_in_groups does and has one of its gate words."""
    return (low.find("either", s, e) >= 0 or low.find("any", s, e) >= 0) and _NONE_START.match(low, s, e) is not None


def _none_in_groups(head: str) -> tuple[str, int, str] | None:
    """(outcome, offset, rule) of "No postoperative morbidity or mortality occurred in either
    group": an event that no group had."""
    if _NONE_START.match(head) is None:
        return None
    for m in _finditer("out_none_in_groups", head):
        o, o0 = m.group("o"), m.start("o")
        if TOK.search(o.lower()):
            return o, o0, "out_none_in_groups"
    return None


def within_all_groups(text: str) -> bool:
    """The statement reports the same change in every group ("improved in both groups
    (P < 0.001)"), which compares no group with another. A later clause may still compare
    them ("decreased in both groups, but was lower in group A (...)")."""
    m = _ALL_GROUPS.search(text)
    return m is not None and _CONTRAST.search(text) is None and _GAP_BOUNDARY.search(text, m.end()) is None


def _gated_sentences(ctx: Context, by_sent: dict[int, list[_Anchor]], cues) -> list[tuple[int, int, int]]:
    """Sentences that can hold a comparison, found with one pass over the document: outside
    background/methods sections, with a p-value or interval, or a significance word or a
    comparison word ("than", "vs", "differed")."""
    skip = _skip_sections()
    # a sentence span starts where the sentence does: the sentences starting inside a skipped
    # section are a range of indices, found by bisection once per section
    starts = ctx.sent_starts
    blocked: set[int] = set()
    for sec in ctx.document.sections:
        if sec.label.upper() in skip:
            blocked.update(range(bisect_left(starts, sec.start), bisect_left(starts, sec.end)))
    stats = {i for i, anchors in by_sent.items() if any(a.kind in ("p", "ci") for a in anchors)}
    low = ctx.low
    # the runs of an ASCII document, each other character a space, made once: a sentence's
    # words are a slice of it, split
    runs_text = _run_spaces(low) if low.isascii() else None
    out = []
    for i in range(len(starts)):
        if i in blocked:
            continue
        s, e = ctx.sentence_span(i)
        if e <= s:
            continue
        if i not in stats and not cues["gate"].found_in(low, s, e, runs_text) and not _may_be_none_in_groups(low, s, e):
            continue
        # background in an unlabelled abstract: a hedged claim with no number of its own
        # ("the level of this protein may be reduced in PD") reports no result of this trial
        if not by_sent.get(i) and not _absent(low[s:e], _HEDGE_WORDS, ctx.norm[s:e]) and _HEDGE.search(ctx.norm, s, e):
            continue
        out.append((i, s, e))
    return out


_HEDGE = compile_regex(
    r"\b(?:may|might|could|remains?\s+to\s+be|is\s+thought|are\s+thought|has\s+been\s+(?:shown|suggested|reported)|"
    r"have\s+been\s+(?:shown|suggested|reported)|is\s+(?:un)?known|are\s+(?:un)?known)\b",
    regex.I,
)


def extract(ctx: Context) -> list[Comparison]:
    cues = _cues()
    arms = list(ctx.results.get("arms") or [])
    arm_res = _ArmIndex(arms)
    by_sent = _index_results(ctx)
    out: list[Comparison] = []
    last: tuple[int, Comparison] | None = None  # the last comparison and its sentence
    for i, s, e in _gated_sentences(ctx, by_sent, cues):
        sent = ctx.norm[s:e]
        if i not in by_sent and _cannot_compare(ctx.low[s:e], sent, cues):
            continue  # decided once for the sentence, where each clause and item was built in turn
        anchors = _anchors(ctx, s, e, by_sent, i)
        prev = None
        before = last[1] if last is not None and last[0] == i - 1 else None
        for seg in _segments(sent, s, e, anchors):
            n_values = sum(len(a.values) for a in seg.anchors)
            # one string per segment: the word runs of its searches are split once (by identity);
            # a segment that is the whole sentence is the sentence's string, whose runs
            # _cannot_compare may have split
            text = sent if seg.start == s and seg.end == e else ctx.norm[seg.start:seg.end]
            pieces = _pieces(ctx, seg, cues, text) if n_values < 2 else []
            for piece in pieces if len(pieces) > 1 else [None]:
                built = _build(ctx, seg, s, e, arms, arm_res, cues, prev, piece, before, text)
                if built is None:
                    continue
                c = built["comparison"]
                out.extend(_list_items(ctx, c))
                out.extend(_object_list_items(ctx, c, built.get("cue"), seg.head_end, cues))
                if not built["keep_prev"] or prev is None:
                    prev = built
                last = (i, c)
    return out


def _cannot_compare(low: str, sent: str, cues) -> bool:
    """None of the clauses and items of a sentence without numbers of its own (p-values,
    intervals, counts, summaries) can be a comparison: it has none of the words a pair of
    values needs (no anchors), no significance word, no direction word beside a reference
    marker (_words_may_compare) and neither word "No X occurred in either group" needs
    (out_none_in_groups), so each of its segments would be dropped by _build's first test.
    Exact: a segment ends and starts at a clause boundary, never inside a word, so each word
    or marker found in a segment is found in the sentence."""
    return (_absent(low, _pair_words(), sent) and _absent(low, ("either", "any"), sent)
            and not _words_may_compare(sent, cues))


def _list_items(ctx: Context, c: Comparison) -> list[Comparison]:
    """'Total cholesterol, LDL cholesterol and triglycerides were significantly reduced': one
    comparison per item of a comma list that is the subject, all with the same statistics.
    A list needs a comma: "signs and symptoms" stays one outcome."""
    if c.rule != "comparison:out_subject_list" or c.outcome_start is None:
        return [c]
    out = []
    pos = 0
    for m in [*_LIST_SPLIT.finditer(c.outcome), None]:
        end = m.start() if m is not None else len(c.outcome)
        item = c.outcome[pos:end].strip()
        if item:
            a = c.outcome_start + c.outcome.index(item, pos)
            out.append(c.model_copy(update={"outcome": item, "outcome_start": a, "outcome_end": a + len(item)}))
        if m is not None:
            pos = m.end()
    return out or [c]


# "improvement in A, B and C (p < 0.05)": the items after the first outcome of a change noun
# ("no differences in A, B, or C": an "or" list as well)
# an item may hold a bracket glued inside a word ("25(OH)D"), which ends no item
_OBJECT_LIST = compile_regex(r"\s*,\s*(?:(?:and|or)\s+)?((?:[^,;()\[\]]|(?<=\w)\([A-Za-z\d]{1,4}\)(?=\w)){2,60}?)"
                             r"(?=\s*,|\s+(?:and|or)\s+|\s*[.;\[]|\s*\((?![A-Za-z\d]{1,4}\)\w)|\s*$)"
                             r"|\s+(?:and|or)\s+((?:[^,;()\[\]]|(?<=\w)\([A-Za-z\d]{1,4}\)(?=\w)){2,60}?)"
                             r"(?=\s*[,.;\[]|\s*\((?![A-Za-z\d]{1,4}\)\w)|\s*$)", regex.I)


def _object_list_items(ctx: Context, c: Comparison, cue: str | None, head_end: int, cues) -> list[Comparison]:
    """'achieved significant improvement in total weight self-efficacy score, negative emotions
    and physical discomfort subscales': one comparison per item of the list the change noun
    governs, each reading a word of valence ("improvement") for its own outcome."""
    if c.rule != "comparison:out_diff_in" or c.outcome_end is None or not ctx.norm.startswith(",", c.outcome_end):
        return []
    out = []
    pos = c.outcome_end
    valence = bool(cue) and (cues["better"].search(cue) is not None or cues["worse"].search(cue) is not None)
    first_adverse = adverse(c.outcome, cues)
    while pos < head_end and len(out) < 8:
        m = _OBJECT_LIST.match(ctx.norm, pos, head_end)
        if m is None:
            break
        g = 1 if m.group(1) is not None else 2
        item = m.group(g).strip()
        if cues["gate"].search(item) or TOK.search(item.lower()) is None:
            break  # a new statement, not an item
        a = m.start(g)
        d = c.direction
        if valence and not first_adverse and c.direction in ("increased", "decreased") and adverse(item, cues):
            # only a known adverse item turns the word round: an item not in the list after an
            # adverse first item ("pain, P/V discharge") is most likely adverse too
            d = _flip(d)
        out.append(c.model_copy(update={"outcome": ctx.text[a:a + len(item)], "outcome_start": a,
                                        "outcome_end": a + len(item), "direction": d}))
        pos = m.end()
        if g == 2:
            break
    return out
