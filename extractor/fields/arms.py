"""Randomised groups: label, role, n allocated and doses, in the order first named.

Sources, strongest first (rules in ``patterns/arms.json``):

1. the allocation list — "randomized 1:1 to either UC-MSC treatment (n = 12) or the control
   group (n = 12)" — split into items outside parentheses;
2. per-arm counts — "X (n = 12)", "an observation group of 44 cases", "24 patients received X";
3. a "X versus Y" title when nothing else names the groups.

Mentions of one group are merged (token overlap, or an abbreviation from the Schwartz–Hearst
detector linking "UCMSC" and "umbilical cord mesenchymal stem cell"); other names go to
``Arm.aliases``. Where no arm has n, a pair of "x/n" counts whose totals add up to the
randomised total gives the arm sizes in order ("42/112 ... versus 47/110"). Roles come from
``patterns/control_terms.lexicon.json``. If ``sample_size.randomized`` is unknown and every
arm has n, it is set to their sum (``derived=True``), since this field runs after it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.fields import Context
from extractor.fields.abbreviations import best_long_form
from extractor.fields.doses import find_doses
from extractor.numbers import parse_decimal, parse_int
from extractor.records import Arm, Dose, Evidence, SampleSize
from extractor.rules import load_lexicon, load_rules


@cache
def _rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile once (regex's own cache lookup is slow on hot paths)."""
    return regex.compile(pattern, flags)

FIELD = "arms"

# One cue pass per document tells every rule below which sentences hold its anchor words;
# rules then run only there. Each cue word is found with str.find over the lower-cased
# document (C speed) and mapped to its sentence: an alternation regex tried at every
# position, or a word split per sentence, costs more than the rules it gates.
_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rand", ("random", "allocat", "assign", "divided")),
    ("group", ("group", " arm")),
    ("eq", ("=",)),
    ("versus", ("versus", " vs", "compared")),
    ("resp", ("respectively",)),
    ("each", ("each", " per ")),
    ("controlled", ("-controlled",)),
    ("received", ("receiv",)),
    ("dose", ("receiv", "administ", "given", "treated with", "infus", "inject")),
    ("cross", ("crossover", "cross-over")),
    ("people", ("patients", "participants", "subjects", "children", "women", " men ", "others", "cases", "volunteers")),
    ("num", ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "twenty", "thirty", "forty", "fifty", "sixty", "ten ", "twelve")),
)
_MENTION_CUES = frozenset({"rand", "eq", "group", "versus", "received"})
_S = tuple  # (start, end, sentence, lower-cased sentence, cue set)


def _doc_cues(low: str, starts: list[int], ends: list[int]) -> list[set[str]]:
    """The cue set of every sentence ("rand", "group", "eq", "num", "versus", "resp", "each",
    "controlled", "dose", "received", "cross", "people"); ``low`` is the lower-cased document."""
    out: list[set[str]] = [set() for _ in starts]
    for key, words in _CUE_WORDS:
        for w in words:
            i = low.find(w)
            while i >= 0:
                k = bisect_right(starts, i) - 1
                if k < 0:
                    i = low.find(w, i + 1)
                    continue
                out[k].add(key)
                # the rest of this sentence already has the cue: jump to the next one
                i = low.find(w, max(i + 1, ends[k]))
    return out
_SPLIT = regex.compile(r"\s*,\s*(?:(?:or|and)\s+)?(?:to\s+)?|\s+(?:or|versus|vs\.?|and)\s+(?:to\s+)?", regex.I)
_LIST_STOP = regex.compile(
    r"[,]?\s+(?:in\s+addition\s+to|along\s+with|after\s+(?:a|the|an)\b|before\b|during\b|using\b|by\s+(?:a|the|block|simple|computer|stratified)\b|"
    r"according\s+to|stratified|based\s+on|at\s+a\s+ratio|in\s+a\s+\d|with\s+a\s+(?:follow|ratio)|"
    r"who\b|which\b|where\b|respectively|to\s+(?:determine|evaluate|assess|compare|examine|investigate)\b)|"
    r"\s*,\s*(?:and\s+)?(?:then|followed|all|patients|participants|subjects|each|administered|given)\b|\s+and\s+(?:then|were|was)\b",
    regex.I,
)
_FOR = regex.compile(r"\s+(?:for|over|during)\s+(?:\d|at\s+least|a\b|the\b|\w+\s+(?:weeks|months|days|years))", regex.I)
_LEAD = regex.compile(
    r"^(?:(?:either|receive|received|receiving|the|a|an|to|use|one|of|two|three|four|single|sessions?\s+of|groups?\s+\d+|group\s*[IVX\d]+|"
    r"(?:treatment|therapy)\s+with|(?:inhalations?|puffs?)\s+of|"
    r"(?:(?:flexible|fixed|once[\s-]daily|twice[\s-]daily|daily|weekly|single)\s+)?doses?\s+of|"
    r"\d+(?:\.\d+)?(?!\s*(?:mg|g|mcg|μg|µg|IU|mL)\b))\s+|\(|\d+\)\s*)+",
    regex.I,
)
_TRAIL = regex.compile(r"(?<=\S)(?:\s+(?:groups?|arms?|treatment|treatment\s+groups?|condition|alone|only))+\s*$|\s*[,)(]+\s*$", regex.I)
_BARE_ADJ = frozenset({"conventional", "standard", "usual", "routine", "active", "medical", "surgical", "conservative"})
_GENERIC = regex.compile(r"^(?:infusions?|injections?|doses?|treatments?|therapy|tablets?|capsules?|sessions?|intervention|groups?)$", regex.I)
_NOISE = regex.compile(r"%|\b(?:was|were|had|did|is|are|p)\b|[<>=]|^\W*$|^\d", regex.I)
_EACH = regex.compile(r"\b(?:all|both|each|every)\s+(?:the\s+)?(?:patients|participants|subjects|groups|arms|women|children|piglets)\b", regex.I)
_TOK = regex.compile(r"[a-z0-9]+")
_ROLE_WORDS = {"group", "arm", "treatment", "patient", "subject", "recipient", "participant", "the", "a", "an", "of", "with",
               "receiving", "treated", "condition", "therapy", "in"}
_GROUPS_K = regex.compile(r"\b(?:in|into)\s+(?:one\s+of\s+)?(two|three|four|five|2|3|4|5)\s+(?:[\w-]+\s+){0,3}?(?:groups|arms)", regex.I)
_K = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# words that make "the X group" a description of people, not a randomised group
_GROUP_STOP = frozenset(
    "same other each both two three four five all entire whole study treatment treated age this that these first second third "
    "either respective corresponding different active following previous latter former one its their our his her every "
    "sub intervention's per high low risk".split()
)
_PEOPLE_BEFORE = regex.compile(r"\b(?:patients|subjects|participants|women|men|children|adults|infants|people|volunteers)\s*$", regex.I)
_VERSUS_GATE = regex.compile(r"\bversus\b|\bvs\b|\bcompared\s+(?:with|to)\b", regex.I)
_DETS = frozenset({"the", "a", "an", "in", "of", "to", "from"})
_DANGLING = frozenset({"of", "in", "for", "to", "with", "between", "by", "and", "or", "on", "at", "from"})
# items of an allocation list that only qualify the next one: "once-daily", "28-mg", "oral"
_MODIFIER = regex.compile(
    r"^(?:(?:once|twice|thrice)[\s-]daily|\d+(?:\.\d+)?[\s-]?(?:mg|g|mcg|μg|µg|mL|IU)|oral|intravenous|"
    r"(?:extended|immediate|sustained|controlled)-release|low-dose|high-dose)$",
    regex.I,
)
# regimen words dropped from labels (kept when nothing else is left)
_REGIMEN_WORDS = regex.compile(
    r"^(?:mg|g|mcg|μg|ml)\b|\b(?:iv|i\.v\.|orally|intravenously|(?:once|twice|thrice)(?:[\s-](?:daily|a\s+day|weekly))?|daily|"
    r"(?:one|two|three|\d+)\s+(?:hours?|days?|weeks?)\s+(?:before|after)\b.*|(?<!\bfor\s)(?:one|two|\d+)\s+(?:hours?|h|min|minutes)$|every\s+(?:\d+\s+|other\s+)?(?:hours?|days?|weeks?|months?)|each\s+(?:morning|evening|night|day)|"
    r"by\s+(?:subcutaneous|intravenous|intramuscular|oral|intranasal)\b.*|"
    # dosing codes and cycles: "sorafenib 400 mg bid", "dacarbazine repeated on 3-week cycle"
    r"(?:one|two|three|four|\d+)\s+times\s+(?:a|per|each)\s+(?:day|week|month)|"
    r"(?-i:bid|tid|qid|BID|TID|QID)|repeated\s+(?:on|every)\b.*|(?:on|in)\s+(?:a\s+)?\d+-(?:week|day)\s+cycles?)\b",
    regex.I,
)
_AMOUNT_ONLY = regex.compile(r"^\d+(?:\.\d+)?\s?(?:mg|g|mcg|μg|µg|mL|IU)$", regex.I)
_AMOUNT_END = regex.compile(r"\d+(?:[.,]\d+)?\s*-?\s*(?:[^\s,;()]+)")
_ALLOC_CUES = frozenset({"rand", "cross", "received"})


@dataclass
class _Arm:
    label: str
    start: int
    end: int
    n: int | None = None
    n_span: tuple[int, int] | None = None
    aliases: list[str] = field(default_factory=list)
    item: tuple[int, int] | None = None  # the text span describing the arm (for doses)
    fixed_doses: list[Dose] = field(default_factory=list)  # doses read from a "respectively" list
    rule: str = ""


def tokens(label: str) -> set[str]:
    """Content tokens of a label, plural -s dropped (as the scorer does), role words removed."""
    out = set()
    for t in _TOK.findall(label.lower()):
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        if t not in _ROLE_WORDS:
            out.add(t)
    return out


def clean_label(raw: str) -> str:
    """Shortest usable phrase for an arm: determiners, "(n = 12)", "group", counts and doses dropped."""
    s = raw
    for _ in range(3):  # parentheticals, nested ones too: "(n = 12)", "(320/9 μg ... [total dose 36 μg])"
        s, k = _rx(r"\s*[(\[][^()\[\]]*[)\]]").subn("", s)
        if not k:
            break
    s = _rx(r"\s*[(\[][^()\[\]]*$").sub("", s)  # one cut short by the list's end: "diclofenac K (50 mg Oral"
    s = _rx(r"^['\"‘“]+|['\"’”]+$").sub("", s.strip())  # quoted names: "'intervention'"
    s = _rx(r"\s+").sub(" ", s).strip(" ,;:-")
    for _ in range(3):
        s = _LEAD.sub("", s).strip()
        t = _TRAIL.sub("", s).strip()
        if t.lower() not in _BARE_ADJ:  # "conventional treatment", not "conventional"
            s = t
    s = _rx(r"^(?:the\s+)?(?:group|arm)\s+(?=[A-Z]\b)").sub("group ", s)
    words = s.split()
    return " ".join(words[:10])


def _nwords(label: str) -> int:
    """Words of a label, amounts and units not counted ("10 mg L + 2 mg total Z" has 3)."""
    return len(_rx(r"\d+(?:\.\d+)?\s*(?:mg|g|mcg|μg|µg|IU|mL)\b|\+|\d+").sub(" ", label).split())


def _strip_doses(label: str) -> tuple[str, str | None]:
    """Remove dose amounts from a label; returns (label, unit of a removed cell dose)."""
    ds = find_doses(label, first_only=False)
    cell_unit = None
    for d in reversed(ds):
        if d.unit and d.unit.startswith("cells"):
            cell_unit = "cells"
        label = label[: d.start] + " " + label[d.amount_end :]
    label = _rx(r"\b(?:of|at|with)\s*$").sub("", _rx(r"\s+").sub(" ", label).strip()).strip()
    return label, cell_unit


@cache
def _control_re() -> regex.Pattern[str]:
    """One pattern for every control term of the lexicon (compiled once)."""
    lex = load_lexicon("control_terms").entries
    terms = "|".join(regex.escape(t) for t in sorted(lex["terms"], key=len, reverse=True))
    prefixes = "|".join(regex.escape(p) for p in lex["prefix_terms"])
    return regex.compile(rf"\b(?:{terms})\b|^(?:{prefixes})", regex.I)


# "standard care plus CTCA", "conventional therapy plus hydrocortisone": the control regimen
# with something added is the intervention of an add-on trial
_ADD_ON = regex.compile(r"^(?:conventional|standard|usual|routine)\b.*?(?:\s(?:plus|with|combined\s+with)\s|\s?\+\s?)\S", regex.I)


def _is_control(label: str, aliases: list[str]) -> bool:
    if _ADD_ON.search(label):
        return False
    if _rx(r"\bwithout\s", regex.I).search(label):
        return True  # "CP without sorafenib": the regimen without the studied add-on
    return any(_control_re().search(name) for name in [label, *aliases])


def _same(a: str, b: str, abbrevs: dict[str, str]) -> bool:
    if a.lower() == b.lower():
        return True  # "group A": its only token is a role word, so token sets cannot tell
    ta, tb = tokens(a), tokens(b)
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    for short, long in abbrevs.items():
        sl, ll = tokens(short), tokens(long)
        if sl and ((sl <= ta and tb and tb <= ll | sl) or (sl <= tb and ta and ta <= ll | sl)):
            return True
    return False


def split_items(lst: str) -> list[tuple[int, int]]:
    """Spans of the comma/or/versus-separated items of an allocation list (parentheses kept)."""
    spans, depth, start, i = [], 0, 0, 0
    while i < len(lst):
        c = lst[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _SPLIT.match(lst, i)
            if m and m.end() > i and (lst[i] == "," or (i > 0 and lst[i].isspace())):
                spans.append((start, i))
                start = i = m.end()
                continue
        i += 1
    spans.append((start, len(lst)))
    return [(s, e) for s, e in spans if lst[s:e].strip()]


def _allocation_arms(ctx: Context, sents: list[_S]) -> list[_Arm]:
    rule = load_rules("arms").by_id("allocation_list")
    for s, _e, sent, _low, cues in sents:
        if "rand" not in cues:
            continue
        for m in rule.finditer(sent):
            lst_start = m.start("list")
            lst = m.group("list")
            stop = _LIST_STOP.search(lst)
            if stop:
                lst = lst[: stop.start()]
            if "n =" not in lst and "n=" not in lst:
                f = _FOR.search(lst)
                if f:
                    lst = lst[: f.start()]
            k = None
            gk = _GROUPS_K.search(sent[max(0, m.start() - 10) : lst_start + 5])
            if gk:
                k = _K[gk.group(1).lower()]
            arms = []
            carry: int | None = None
            items = _join_combinations(lst, split_items(lst))
            wo = _with_or_without(lst, items)
            for idx, (a, b) in enumerate(items):
                if wo and wo[0] <= idx < wo[1]:
                    if idx == wo[0]:
                        # "cemented TKA with or without tourniquet": the regimen with and without the add-on
                        x, y = wo[2], wo[3]
                        a0, b0 = s + lst_start + a, s + lst_start + items[wo[1] - 1][1]
                        arms += [_Arm(f"{x} with {y}", a0, b0, rule="arms:with_or_without", item=(a0, b0)),
                                 _Arm(f"{x} without {y}", a0, b0, rule="arms:with_or_without")]
                    continue
                raw = lst[a:b]
                ei = _rx(r"\s(?:with\s+)?either\s+(?=\S)", regex.I).search(raw)
                if ei:
                    # "dexamethasone 8 mg at induction with either granisetron 1 mg, ...": the
                    # shared co-treatment comes before "either", the first arm after it
                    a += ei.end()
                    raw = lst[a:b]
                # "once-daily, 28-mg, extended-release memantine": modifiers of the next item
                if _MODIFIER.match(raw.strip()):
                    prev = arms[-1] if arms else None
                    if prev and prev.item and _AMOUNT_ONLY.match(raw.strip()) and find_doses(ctx.norm[prev.item[0] : prev.item[1]]):
                        # "gantenerumab 105 mg or 225 mg": a second dose of the same drug is its own arm
                        arms.append(_Arm(f"{prev.label} {raw.strip()}", s + lst_start + a, s + lst_start + b,
                                         rule="arms:allocation_list", item=(s + lst_start + a, s + lst_start + b)))
                        continue
                    carry = a if carry is None else carry
                    continue
                if carry is not None:
                    a, raw, carry = carry, lst[carry:b], None
                n = None
                nm = _rx(r"\bn\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)").search(raw)
                if nm:
                    n = parse_int(nm.group(1))
                label, cell_unit = _strip_doses(clean_label(raw))
                label = _strip_regimen(clean_label(label))
                long_label, label = label, _short_form(raw) or label
                if (not label or _GENERIC.match(label)) and cell_unit:
                    label = cell_unit
                if _nwords(label) > 6 or _is_control(_paren(raw), []) and _nwords(label) > 3:
                    # "... health promotion intervention (IMPaCT)", "team care (treatment as usual)"
                    label = long_label = _paren(raw) or label
                named = _group_paren(raw)
                unusable = not label or _NOISE.search(label) or not (tokens(label) or label.lower().startswith("group "))
                # a role word ("(experimental group)") or a code ("(R group)") replaces only a name that is unusable
                if named and (unusable or _nwords(label) >= 3 and not _ROLE_NAME.match(named) and not named.startswith("group ")):
                    # "12 hours of game play (game group)", "30 min (SLOW treatment)": the name the
                    # abstract gives the group outranks a description of its regimen
                    label = named
                # "an intervention group" names a group; a bare "intervention" in a list does not
                generic = _GENERIC.match(label) and not (label.lower() == "intervention" and _rx(r"\b(?:group|arm)s?\b").search(lst))
                if not label or _NOISE.search(label) or generic or _nwords(label) > 6:
                    continue
                arm = _Arm(label, s + lst_start + a, s + lst_start + b, n=n, rule="arms:allocation_list",
                           item=(s + lst_start + a, s + lst_start + b))
                if long_label != label:
                    arm.aliases.append(long_label)
                if nm:
                    arm.n_span = (s + lst_start + a + nm.start(1), s + lst_start + a + nm.end(1))
                arms.append(arm)
            if k and len(arms) > k:
                arms = arms[:k]
            if len(arms) >= 2:
                _dose_labels(ctx, arms)
                return arms
    return []


# a marker starts the text or follows a space or a separator ("(2400 mg/d)" holds no marker "d)")
_ENUM_MARK = regex.compile(r"(?<![^\s,;:])\(?(\d{1,2}|[a-hA-H]|i{1,3}|iv|vi{0,3})\)\s*")
_ENUM_START = regex.compile(r":\s*\(?[1aAi]\)")  # cheap gate: a colon and the first marker
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
_ENUM_SEP = regex.compile(r"[,;]?\s*(?:(?:and|or|&)\s*(?:the\s+)?)?$", regex.I)
_ENUM_CUT = regex.compile(r"[,;]|:(?=\s)")
_ENUM_K = regex.compile(r"\b(two|three|four|five|2|3|4|5)\s+(?:[\w-]+\s+){0,3}?(?:groups|arms|conditions|regimens|treatments|interventions)\b", regex.I)
_ENUM_LAST = regex.compile(r",\s*(?:and|or)\s+(?:the\s+)?(?=\S)", regex.I)
_SAME_AS = regex.compile(r"^same\s+(?:treatment|regimen|protocol|intervention)\s+as\s+(?:in\s+)?(?:group\s+)?\(?(\w{1,4})\)?\s*", regex.I)


def _enum_next(mark: str) -> str:
    """The marker after ``mark`` in its sequence: 1 -> 2, a -> b, A -> B, i -> ii."""
    if mark.isdigit():
        return str(int(mark) + 1)
    if mark in _ROMAN:
        return _ROMAN[_ROMAN.index(mark) + 1] if mark != _ROMAN[-1] else ""
    return chr(ord(mark) + 1)


def _enum_cut(raw: str) -> str:
    """An item up to its first comma, semicolon or colon outside parentheses ("Placebo,
    microcrystalline cellulose, 12 g/d", "Control group: no treatment") and any clause after it."""
    depth = 0
    for i, c in enumerate(raw):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and _ENUM_CUT.match(raw, i):
            raw = raw[:i]
            break
    stop = _LIST_STOP.search(raw)
    raw = raw[: stop.start()] if stop else raw
    f = _FOR.search(raw)  # "480 g/day of raw banana for 6 days"
    return raw[: f.start()] if f else raw


def _whole_short_form(raw: str) -> str | None:
    """The abbreviation of the whole item ("Walking and Behavioural intervention (WB)"), not of
    its last part ("basiliximab + belatacept + mycophenolate mofetil (MMF)")."""
    m = _SF_PAREN.search(raw)
    sf = _short_form(raw)
    if not m or not sf:
        return None
    long = best_long_form(sf, clean_label(raw[: m.start()]))
    return sf if long and tokens(long) == tokens(clean_label(raw[: m.start()])) else None


def _enumerated_arms(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"randomly assigned to one of four treatment groups: (A) fotemustine and dacarbazine ...;
    (B) same treatment as (A) plus IFN-α2b ...": one arm per marker of the sequence (1, 2, 3 /
    a, b, c / A, B, C / i, ii, iii). The markers, not commas or "and", separate the arms; every
    item must give a usable name, and their number must be the number of groups stated."""
    rule = load_rules("arms").by_id("enumerated_list")
    for s, _e, sent, _low, cues in sents:
        if ":" not in sent or ")" not in sent or not cues & _ALLOC_CUES and "group" not in cues:
            continue
        if not _ENUM_START.search(sent):
            continue
        for m in rule.finditer(sent):
            pos, marks = m.end(), []
            first = _ENUM_MARK.match(sent, pos)
            if not first:
                continue
            want = first.group(1)
            for mk in _ENUM_MARK.finditer(sent, pos):
                if mk.group(1) == want:
                    marks.append(mk)
                    want = _enum_next(want)
            if len(marks) < 2:
                continue
            gk = _ENUM_K.search(sent, max(0, m.start() - 60), m.end())
            k = _K[gk.group(1).lower()] if gk else None
            spans = [(mk.end(), marks[i + 1].start() if i + 1 < len(marks) else len(sent)) for i, mk in enumerate(marks)]
            keys = [mk.group(1) for mk in marks]
            last = _ENUM_LAST.search(sent, *spans[-1]) if k == len(marks) + 1 else None
            if last:
                # "(c) vitamin C + vitamin E, and the control (placebo)": the last group has no marker
                spans[-1:] = [(spans[-1][0], last.start()), (last.end(), spans[-1][1])]
                keys.append("")
            arms: list[_Arm] = []
            by_mark: dict[str, str] = {}
            for i, (a, b) in enumerate(spans):
                raw = sent[a:b]
                raw = raw[: _ENUM_SEP.search(raw).start()] if i + 1 < len(spans) else raw.rstrip(" .")
                ref = _SAME_AS.match(raw)
                body = raw[ref.end() :] if ref else raw
                label = _whole_short_form(_enum_cut(body)) or _strip_regimen(clean_label(_strip_doses(clean_label(_enum_cut(body)))[0]))
                if _rx(r"^[A-Z]$|^[IVX]{1,4}$|^\d$").match(label):
                    label = "group " + label
                if (not label or _NOISE.search(label) or not (tokens(label) or label.startswith("group "))
                        or _GENERIC.match(label) or _nwords(label) > 6):
                    return []
                if ref:
                    # "same treatment as (A) plus IFN-α2b": the named arm's regimen with the addition
                    if ref.group(1) not in by_mark:
                        return []
                    label = f"{by_mark[ref.group(1)]} {label}"
                by_mark[keys[i]] = label
                arm = _Arm(label, s + a, s + a + len(raw), rule="arms:enumerated_list", item=(s + a, s + a + len(raw)))
                nm = _rx(r"\bn\s*=\s*(\d+)").search(raw)
                if nm:
                    arm.n, arm.n_span = parse_int(nm.group(1)), (s + a + nm.start(1), s + a + nm.end(1))
                arms.append(arm)
            if k and k != len(arms):
                return []
            _dose_labels(ctx, arms)
            return arms
    return []


_K_LIST_TAIL = regex.compile(r",\s+(?:in|on|at|for|during|after|before|each|respectively)\b", regex.I)
_PREP_START = regex.compile(r"^(?:in|on|at|for|during|after|before|with|from|by)\b", regex.I)


def _k_list_arms(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"patients received one of three test treatments: one inhalation of budesonide/formoterol
    160/4.5 μg ..., two inhalations of salbutamol 100 μg ... or placebo": a stated number of
    treatments or conditions listed after a colon (within-subject conditions too). Used only when
    the list has exactly that many usable names."""
    rule = load_rules("arms").by_id("k_list")
    for s, _e, sent, _low, _cues in sents:
        if ":" not in sent:
            continue
        for m in rule.finditer(sent):
            k = _K[m.group("k").lower()]
            lst, ls = m.group("list"), m.start("list")
            stop = _LIST_STOP.search(lst)
            lst = lst[: stop.start()] if stop else lst
            # "A, B or C, in random order": a trailing phrase is not an item
            tail = _K_LIST_TAIL.search(lst)
            lst = lst[: tail.start()] if tail else lst
            arms = []
            for a, b in split_items(lst):
                raw = lst[a:b]
                label = _short_form(raw) or _strip_regimen(clean_label(_strip_doses(clean_label(raw))[0]))
                if (not label or _NOISE.search(label) or _GENERIC.match(label) or not tokens(label) or _nwords(label) > 5
                        or _PREP_START.match(label)):
                    break
                arms.append(_Arm(label, s + ls + a, s + ls + b, rule="arms:k_list", item=(s + ls + a, s + ls + b)))
            else:
                if len(arms) == k and len({frozenset(tokens(x.label)) for x in arms}) == k:
                    return arms
    return []


_N_MARK = regex.compile(r"\bn\s*=\s*\d")


def _join_combinations(lst: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"artemether-lumefantrine (n = 245) or artesunate and mefloquine (n = 245)": where every
    arm of the list states its own n, an item without one joined by "and" to the next is part
    of that arm's combination, not an arm of its own."""
    if len(items) < 3 or lst.count("=") < 2 or len(_N_MARK.findall(lst)) < 2:
        return items
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for i, (a, b) in enumerate(items):
        has_n = _N_MARK.search(lst, a, b) is not None
        sep = lst[b : items[i + 1][0]].strip().lower() if i + 1 < len(items) else ""
        if not has_n and sep == "and":
            pending = a if pending is None else pending
            continue
        out.append((a if pending is None else pending, b))
        pending = None
    # every arm must keep its own n, or the list is not of that kind
    if pending is not None or not all(_N_MARK.search(lst, a, b) for a, b in out):
        return items
    return out


_WITH_END = regex.compile(r"\swith$", regex.I)
_WITHOUT_START = regex.compile(r"^without\s+(?=\S)", regex.I)
_WO_TAIL = regex.compile(r"\s+(?:given|administered|prior|before|after|at|for|during|in|on|combined|to|or|versus|vs)\b|\s*[(,;:]|\.(?!\d)", regex.I)


def _with_or_without(lst: str, items: list[tuple[int, int]]) -> tuple[int, int, str, str] | None:
    """Items "X with" + "without Y" (+ " and Z") of "X with or without Y and Z": (first item,
    item after the last, X, Y) when both names are usable."""
    for i in range(len(items) - 1):
        a, b = items[i]
        nxt = lst[items[i + 1][0] : items[i + 1][1]]
        w = _WITHOUT_START.match(nxt)
        if not w or not _WITH_END.search(lst[a:b].rstrip()):
            continue
        j = i + 2
        # "earplugs and eye masks": the add-on may itself be a pair
        while j < len(items) and lst[items[j - 1][1] : items[j][0]].strip().lower() == "and":
            j += 1
        xy = _with_without_names(lst[a:b], lst[items[i + 1][0] + w.end() : items[j - 1][1]])
        return (i, j, *xy) if xy else None
    return None


def _with_without_names(x_raw: str, y_raw: str) -> tuple[str, str] | None:
    """X and Y of "X with" / "Y" (the add-on's own regimen and timing dropped)."""
    y_raw = _WO_TAIL.split(y_raw, maxsplit=1)[0]
    x = _strip_regimen(clean_label(_strip_doses(clean_label(_WITH_END.sub("", x_raw.rstrip())))[0]))
    y = _strip_regimen(clean_label(_strip_doses(clean_label(y_raw))[0]))
    if x and y and not _NOISE.search(x) and not _NOISE.search(y) and _nwords(x) <= 5 and _nwords(y) <= 5:
        return x, y
    return None


def _dose_labels(ctx: Context, arms: list[_Arm]) -> None:
    """Arms that differ only by dose ("prednisolone 7.5 mg ... or prednisolone 30 mg") keep
    the name with its amount ("prednisolone 7.5 mg"), the shortest phrase telling them apart."""
    for a in arms:
        if not a.item or sum(_same(a.label, o.label, {}) for o in arms) < 2:
            continue
        raw = clean_label(ctx.norm[a.item[0] : a.item[1]])
        ds = find_doses(raw, first_only=True)
        if ds and raw[: ds[0].start].strip():
            amount_end = _AMOUNT_END.match(raw, ds[0].start)
            a.label = raw[: amount_end.end() if amount_end else ds[0].end].strip()


def _strip_regimen(label: str) -> str:
    """Route, frequency and timing words are part of the regimen, not the group's name
    ("placebo once daily" -> "placebo", "mg N-acetylcysteine iv one hour" -> "N-acetylcysteine")."""
    out = _REGIMEN_WORDS.sub(" ", label)
    out = _rx(r"\s+").sub(" ", out).strip(" ,;:-")
    return out if tokens(out) else label


_POP_WITH = regex.compile(
    r"\b(?:patients|subjects|participants|women|men|children|adults|people|infants|those)\s+with\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*$", regex.I)


_PEOPLE_WORD = regex.compile(r"\b(?:cases?|patients?|subjects?|participants?|men|women|males?|females?|people|persons?|children|adults)\b", regex.I)


# "(children, n = 130; adolescents, n = 209)", "three study centers (Bremen, n = 73; ...)": a list of
# who took part or where, not of the randomised groups
_NOT_ARM_ITEM = regex.compile(
    r"\b(?:children|adolescents|adults|infants|elderly|boys|girls|males?|females?|men|women|patients|subjects"
    r"|stud(?:y|ies)|cohorts?|cent(?:er|re)s?|sites?|hospitals?|countries|regions?|schools?|clinics?)\b", regex.I)
_NOT_ARM_HEAD = regex.compile(
    r"\b(?:cent(?:er|re)s|sites|hospitals|countries|regions|schools|clinics|studies|cohorts|trials|population|ages?)\s*[(\[]?\s*$", regex.I)
_COMPLETERS = regex.compile(r"\b(?:complet|analy[sz]|follow|remain|drop|withdr|lost|discontinu|evaluabl|assessed)", regex.I)


def _has_control_word(low: str) -> bool:
    """Cheap gate for :func:`_paren_counts`, which keeps only pairs with a control."""
    return "control" in low or "placebo" in low or "usual" in low or "standard" in low or "sham" in low


def _paren_counts(sent: str, s: int) -> list[_Arm]:
    """"22 (11 intervention and 11 control) villages": two groups counted in one parenthesis,
    kept only when one of them is a control (men and women, minutes, events are not arms)."""
    out: list[_Arm] = []
    for m in load_rules("arms").by_id("paren_counts").finditer(sent):
        if _COMPLETERS.search(sent, max(0, m.start() - 80), m.start()):
            continue  # "Thirty-two parents completed all measures (17 control, 15 intervention)": not the allocation
        pair = []
        for ng, lg in (("n1", "l1"), ("n2", "l2")):
            label = _strip_regimen(clean_label(m.group(lg)))
            if not label or _NOISE.search(label) or not tokens(label) or _PEOPLE_WORD.search(label):
                break  # "(703 cases and 1406 controls)": a case-control study, not arms
            pair.append(_Arm(label, s + m.start(lg), s + m.end(lg), n=parse_int(m.group(ng)),
                             n_span=(s + m.start(ng), s + m.end(ng)), rule="arms:paren_counts"))
        if len(pair) == 2 and sum(_is_control(x.label, []) for x in pair) == 1:
            out.extend(pair)
    return out


def _count_mentions(ctx: Context, sents: list[_S]) -> list[list[_Arm]]:
    """Groups of (label, n) mentions, one list per sentence with at least one."""
    rules = load_rules("arms")
    out = []
    for s, _e, sent, low, cues in sents:
        if "num" not in cues:
            continue
        if not cues & _MENTION_CUES:
            # the parenthesis counts its groups itself: no allocation word is needed
            pc = _paren_counts(sent, s) if "(" in sent and _has_control_word(low) else []
            if pc:
                out.append(pc)
            continue
        found: list[_Arm] = []
        population = False
        has_group = "group" in cues
        # cheap substring gates: each rule runs only where its anchor words occur
        gates = {"arm_n": "=" in sent, "arm_n_list": ";" in sent and "=" in sent, "group_of_n": has_group, "n_received": "people" in cues,
                 "in_group_n_included": has_group, "n_in_group": has_group, "group_included_n": has_group}
        for rid in ("arm_n", "arm_n_list", "group_of_n", "n_received", "in_group_n_included", "n_in_group", "group_included_n"):
            if not gates[rid]:
                continue
            for m in rules.by_id(rid).finditer(sent):
                if "label" in m.groupdict():
                    raw, lstart = m.group("label"), m.start("label")
                else:  # the label is the phrase before "(n = 12)" / "group of 44": back to a delimiter
                    head = sent[max(0, m.start() - 80) : m.start()]
                    cut = max(head.rfind(c) for c in ",;:()=<>")
                    raw = head[cut + 1 :]
                    if rid == "group_of_n":
                        raw = raw.split(" into ")[-1].split(" and ")[-1]
                    lstart = m.start() - len(raw)
                if rid == "arm_n" and m.group("inner") and m.group("inner").strip()[:1].isalpha():
                    raw = m.group("inner")
                if rid == "group_included_n":
                    raw = "group " + raw
                if rid == "arm_n_list":
                    opener = max(sent.rfind("(", 0, m.start() + 1), sent.rfind("[", 0, m.start() + 1))
                    if _NOT_ARM_ITEM.search(raw) or _NOT_ARM_HEAD.search(sent[max(0, opener - 40) : opener + 1]):
                        continue
                if rid in ("arm_n", "arm_n_list") and (" with " in raw and _POP_WITH.search(raw)
                                       or population and _rx(r"^\s*(?:and|or)\s", regex.I).match(raw)):
                    # "patients with cervical (n=11) and uterine cancer (n=70)": who took part, not the arms
                    population = True
                    continue
                population = False
                label = raw.split(" in ")[0] if rid == "n_received" else raw
                # the name follows the last list word ("randomized to receive X (n = 342)")
                label = _rx(r"\b(?:to|either|or|and|versus|vs|into|receive|received|with|including|groups?:?)\s+(?=\S)").split(label)[-1]
                label = _strip_regimen(clean_label(label))
                n = parse_int(m.group("n"))
                if _rx(r"^[IVX]{1,4}$|^[A-Z]\d?$").match(label):
                    label = "group " + label  # "group I included 100 patients"
                # a leading amount names a dose arm ("10 mg L + 2 mg total Z (n = 24)")
                bare = _rx(r"^\d+(?:\.\d+)?\s*(?:mg|g|mcg|μg|µg|IU|mL)\b\s*").sub("", label)
                if not label or n is None or _NOISE.search(bare) or _nwords(label) > 6:
                    continue
                if rid == "arm_n" and _rx(r"\d\s*%?\s*$").search(raw.rstrip()):
                    continue
                # "21 (30.9%) cases in RT group" counts an outcome, not the allocation
                if rid == "n_in_group" and "%" in sent[m.start("n") : m.start("label")]:
                    continue
                if any(x.start == s + m.start() for x in found):
                    continue
                # the item runs from the name through its count: "10 mg L + 2 mg total Z (1 mg Z ...; n = 24)"
                item = (s + lstart, s + m.end()) if rid in ("arm_n", "arm_n_list") else (s + m.start(), s + m.end())
                found.append(_Arm(label, s + lstart, s + lstart + len(raw), n=n, n_span=(s + m.start("n"), s + m.end("n")),
                                  rule=f"arms:{rid}", item=item))
        if "(" in sent and _has_control_word(low):
            found.extend(x for x in _paren_counts(sent, s) if not any(f.n_span == x.n_span for f in found))
        if found:
            out.append(sorted(found, key=lambda a: a.start))
    return out


def _title_versus(ctx: Context) -> list[_Arm]:
    title = ctx.document.title or ""
    pos = ctx.text.find(title) if title else -1
    if not title or pos < 0:
        return []
    cue = _VERSUS_GATE.search(title)
    if not cue:
        return []
    m = next(iter(load_rules("arms").by_id("title_versus").finditer(title, max(0, cue.start() - 80))), None)
    if not m:
        return []
    arms = []
    for g in ("a", "b"):
        label = _rx(r"^(?:.*\s)?(?:of|with|between)\s+(?=\S)", regex.I).sub("", clean_label(m.group(g)))
        if label and not _NOISE.search(label):
            arms.append(_Arm(label, pos + m.start(g), pos + m.end(g), rule="arms:title_versus"))
    return arms if len(arms) == 2 else []


def _title_between(ctx: Context) -> list[_Arm]:
    """"...: comparison between NAVA and PSV modes": the two treatments a title compares with
    "comparison of/between X and Y", when both names recur in the abstract (outcomes, years and
    populations are not arms)."""
    title = ctx.document.title or ""
    pos = ctx.text.find(title) if title else -1
    low = title.lower()
    if pos < 0 or not ("compar" in low or "between" in low):
        return []
    m = next(iter(load_rules("arms").by_id("title_between").finditer(title)), None)
    if not m:
        return []
    body = ctx.low[pos + len(title) :]
    arms = []
    for g in ("a", "b"):
        label = clean_label(m.group(g))
        if (not label or _NOISE.search(label) or not tokens(label) or _GENERIC.match(label) or _OUTCOME_NOUN.search(label)
                or _rx(r"^(?:in|among|on|at|for|patients|children|women|men|mothers|adults|\d)", regex.I).match(label)
                or not _find_word(body, label.lower())):
            return []
        arms.append(_Arm(label, pos + m.start(g), pos + m.end(g), rule="arms:title_between"))
    return arms if not _same(arms[0].label, arms[1].label, {}) else []


# a measured quantity, not a treatment: "serum BDNF levels", "pain scores", "response rates"
_OUTCOME_NOUN = regex.compile(
    r"\b(?:levels?|scores?|rates?|concentrations?|values?|counts?|ratios?|indices|index)$", regex.I)


def _text_versus(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"a trial of HFCWO compared with conventional treatment": the first comparison stated
    before the results (the title rule, run only on sentences that say versus/compared)."""
    rule = load_rules("arms").by_id("title_versus")
    for s, _e, sent, _low, cues in sents:
        sec = (ctx.section_label(s) or "").upper()
        if "RESULT" in sec or "CONCLU" in sec:
            break
        cue = _VERSUS_GATE.search(sent) if "versus" in cues else None
        if not cue:
            continue
        # the first name is at most four words before the first "versus"
        for m in rule.finditer(sent, max(0, cue.start() - 80)):
            arms = []
            for g in ("a", "b"):
                label = clean_label(m.group(g))
                label = _rx(r"^(?:.*\s)?(?:of|with|between)\s+(?=\S)", regex.I).sub("", label)  # "pilot study of HFCWO"
                label = _rx(r"\s+as$", regex.I).sub("", label)  # "X as compared to Y"
                # "in MA vs NHW adults" compares populations, not treatments; "serum BDNF
                # levels as compared to the placebo group" compares an outcome, not an arm
                if (not label or _NOISE.search(label) or not tokens(label) or _GENERIC.match(label)
                        or _rx(r"^(?:in|among|on|at|for)\s", regex.I).match(label)
                        or _OUTCOME_NOUN.search(label)):
                    break
                arms.append(_Arm(label, s + m.start(g), s + m.end(g), rule="arms:text_versus"))
            if len(arms) == 2:
                return arms
    return []


def _merge(arms: list[_Arm], extra: list[_Arm], abbrevs: dict[str, str], create: bool) -> None:
    created: list[_Arm] = []
    for x in extra:
        hit = next((a for a in arms if _same(a.label, x.label, abbrevs)), None)
        # groups listed with their own n in one sentence are distinct ("IIT; n=33 ... IIT + LMWH; n=34")
        if hit is not None and hit in created and hit.n is not None and x.n is not None and hit.rule == x.rule == "arms:arm_n":
            hit = None
        if hit is None:
            if create:
                arms.append(x)
                created.append(x)
            continue
        if hit.n is None and x.n is not None:
            hit.n, hit.n_span = x.n, x.n_span
        if x.label != hit.label and x.label not in hit.aliases:
            hit.aliases.append(x.label)
            if len(x.label) < len(hit.label) and len(tokens(x.label)) >= 1 and not _GENERIC.match(x.label):
                hit.aliases.remove(x.label)
                hit.aliases.append(hit.label)
                hit.label = x.label


def _rate_sizes(ctx: Context, arms: list[_Arm], total: int | None) -> None:
    """Arm sizes from the first run of k "x/n" event rates (one per arm, from the stats
    extractor) in one passage whose totals add up to the randomised total ("42/112 ... 47/110")."""
    k = len(arms)
    if total is None or not 2 <= k <= 4 or any(a.n is not None for a in arms):
        return
    rates = ctx.results.get("event_rates") or []
    for i in range(len(rates) - k + 1):
        run = rates[i : i + k]
        if run[-1].start - run[0].end > 160 or sum(r.total for r in run) != total:
            continue
        if all(r.events <= r.total for r in run):
            for a, r in zip(arms, run, strict=True):
                a.n, a.n_span = r.total, (r.start, r.end)
            return


def _group_mentions(ctx: Context, sents: list[_S], abbrevs: dict[str, str]) -> list[_Arm]:
    """Groups named anywhere ("in the Hochu-ekki-to group", "Group S"), merged, in first-mention order."""
    rules = load_rules("arms")
    found: list[_Arm] = []
    for s, _e, sent, _low, cues in sents:
        if "group" not in cues:
            continue
        for rid in ("group_code", "named_group"):
            for m in rules.by_id(rid).finditer(sent):
                if rid == "group_code":
                    label, a, b = "group " + m.group("code"), m.start(), m.end()
                else:
                    words = m.group("label").split()
                    while words and words[0].lower() in _DETS:
                        words = words[1:]
                    if not words or any(w.lower().strip(".") in _GROUP_STOP for w in words):
                        continue
                    if words[-1].lower() in _DANGLING:
                        continue  # "the overall magnitude of group differences": "group" qualifies a noun
                    label = " ".join(words)
                    a, b = m.start("label") + m.group("label").find(words[0]), m.end("label")
                    if _NOISE.search(label) or not tokens(label) or _rx(r"\d").search(label):
                        continue
                found.append(_Arm(label, s + a, s + b, rule=f"arms:{rid}"))
    found.sort(key=lambda x: x.start)
    arms: list[_Arm] = []
    _merge(arms, found, abbrevs, create=True)
    return arms


def _either_or(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"with either terbutaline or placebo" in a sentence about allocation or treatment."""
    rule = load_rules("arms").by_id("either_or")
    for s, _e, sent, low, cues in sents:
        # "supplementation with either placebo or sodium nitrate": "either" and a placebo name the
        # arms without an allocation word
        placebo_pair = not cues & _ALLOC_CUES and "either" in low and ("placebo" in low or "sham" in low)
        if not cues & _ALLOC_CUES and not placebo_pair:
            continue
        for m in rule.finditer(sent):
            if placebo_pair and not (" either " in m.group(0) or m.group(0).lower().startswith("either")):
                continue
            # "patients with probable or definite ALS" describes who took part, not the arms
            if m.group(0).lower().startswith("with") and _PEOPLE_BEFORE.search(sent[max(0, m.start() - 30) : m.start()]):
                continue
            w = _WITHOUT_START.match(m.group("b"))
            if w and _WITH_END.search(m.group("a")):
                # "to CP with or without sorafenib"
                xy = _with_without_names(m.group("a"), sent[m.start("b") + w.end() : m.end("b") + 60])
                if xy:
                    a0, b0 = s + m.start("a"), s + m.end("b")
                    return [_Arm(f"{xy[0]} with {xy[1]}", a0, b0, rule="arms:with_or_without", item=(a0, b0)),
                            _Arm(f"{xy[0]} without {xy[1]}", a0, b0, rule="arms:with_or_without")]
            arms = []
            for g in ("a", "b"):
                label, _cell = _strip_doses(clean_label(m.group(g)))
                label = clean_label(label)
                if not label or _NOISE.search(label) or _GENERIC.match(label) or not tokens(label):
                    break
                arms.append(_Arm(label, s + m.start(g), s + m.end(g), rule="arms:either_or", item=(s + m.start(g), s + m.end(g))))
            if placebo_pair and not any(a.label.lower() in ("placebo", "sham") for a in arms):
                continue
            if len(arms) == 2 and not _same(arms[0].label, arms[1].label, {}):
                return arms
    return []


_OTHER_LEAD = regex.compile(r"(?:;|\bor\b|\band\b|,)\s+(?:the\s+)?$", regex.I)


@dataclass
class _Span:
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


def _find_word(low: str, name: str, i: int = 0) -> _Span | None:
    """First whole-word occurrence of ``name`` in ``low`` at or after ``i`` (plain string search:
    compiling a pattern per arm name costs more than the search)."""
    i = low.find(name, max(0, i - 1) if i else 0)
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not low[i - 1].isalnum()) and (j >= len(low) or not low[j].isalnum()):
            return _Span(i, j)
        i = low.find(name, i + 1)
    return None


_ADDITION = regex.compile(r"\b(?:group|arm)\s+(?:also\s+)?received,?\s+in\s+addition\b|\b(?:group|arm)\s+additionally\s+received\b")
_SUBJECT_VERB = regex.compile(r"\s+(?:(?:group|arm)\s+)?(?:patients\s+|participants\s+)?(?:received|were\s+given|was\s+given|were\s+treated\s+with|was\s+treated\s+with)\b")
_RECEIVE = regex.compile(r"\breceiv|administ|given|treated\s+with|infus|inject", regex.I)
_DOSE_CUE = regex.compile(r"\breceiv|administ|given|treated\s+with|infus|inject|\d\s*(?:mg|g|mcg|μg|µg|ug|iu|units?|ml|mmol|cells)\b", regex.I)


def _dose_sentences(ctx: Context, sents: list[_S]) -> list[tuple[int, int, str, str]]:
    """Sentences that may state a regimen: a dose cue, outside results and conclusions (once per document)."""
    out = []
    for s, e, sent, low, cues in sents:
        if "dose" not in cues and ("num" not in cues or not _DOSE_CUE.search(sent)):
            continue
        if _EACH.search(sent):
            continue
        sec = (ctx.section_label(s) or "").upper()
        if "RESULT" in sec or "CONCLU" in sec:
            continue
        out.append((s, e, sent, low))
    return out


_AMOUNT_OF = regex.compile(
    r"(?<![\w.,]|\d\s)\d+(?:\.\d+)?\s*-?\s*(?:mg|g|mcg|μg|µg|ug|IU|iu|units?|mL|ml|mmol|mg/kg|μg/kg|mcg/kg|g/day|mg/day)\s+of\s+$")
_NAME_END = regex.compile(r"\s+(?:or|and|versus|vs\.?|compared)\s|[,;()]|\.(?!\d)")


def _amount_of(sent: str, low: str, name: str, mm: _Span) -> tuple[int, int] | None:
    """The span "20 g of creatine" of an occurrence of the arm's name right after an amount
    (sentence offsets), from the amount to the end of the name's phrase."""
    while mm is not None:
        m = _AMOUNT_OF.search(sent, max(0, mm.a - 30), mm.a)
        if m:
            stop = _NAME_END.search(sent, mm.b)
            return m.start(), stop.start() if stop else len(sent)
        mm = _find_word(low, name, mm.b + 1)
    return None


def _doses(ctx: Context, arm: _Arm, others: list[_Arm], is_control: bool,
           dose_sents: list[_S]) -> list[Dose]:
    out: list[Dose] = []
    spans = []
    if arm.item:
        spans.append(arm.item)
    # sentences naming the arm: as the subject ("The Ketamine group received ..."), right after a
    # dose ("sufentanil 50 mcg in Group S") or next to one ("ketamine 0.5 mg/kg")
    names = [n for n in [arm.label, *arm.aliases] if len(n) >= 2]
    for s, e, sent, low in dose_sents:
        for name in names:
            i = low.find(name.lower())
            if i < 0:
                continue
            mm = _find_word(low, name.lower(), i)
            if not mm:
                continue
            of = _amount_of(sent, low, name.lower(), mm)
            if of:
                # "consumed 20 g of creatine or carboxymethyl cellulose": the amount right before the name
                spans.append((s + of[0], s + of[1]))
                break
            nxt = _find_word(low, name.lower(), mm.end() + 1)
            if nxt and not find_doses(sent[mm.start() : mm.end() + 60]):
                mm = nxt  # "treated with oxytocin according to ... (oxytocin bolus 5 IU, ...)"
            if _SUBJECT_VERB.match(low, mm.end()) or (mm.start() < 40 and _RECEIVE.search(sent)):
                # the arm as the subject: its regimen runs to the end of the sentence (or of a
                # run-on sentence the splitter kept whole: "... 0.05 μg/kg/min. The Ketamine group")
                stop = _rx(r"\.\s+(?=[A-Z])").search(sent, mm.end())
                spans.append((s + mm.start(), s + stop.start() if stop else e))
            else:
                # the amount just before the name ("0.5 mg/kg ketamine", "50 mcg in Group S") or after it
                before = sent[max(0, mm.start() - 80) : mm.start()]
                lead = _rx(r"(?:^|[,;:()]|\.\s|\band\b|\bwith\b|\bof\b)\s*[^,;:()]*$").search(before)
                spans.append((s + mm.start() - len(before) + (lead.start() if lead else len(before)), min(e, s + mm.end() + 60)))
            break
    seen = set()
    for a, b in spans:
        text = ctx.norm[a:b]
        # stop before another arm's description in the same sentence
        for o in others:
            for name in [o.label, *o.aliases]:
                if len(name) < 2 or _same(name, arm.label, {}):
                    continue
                w = _find_word(text.lower(), name.lower(), 1)
                if w:
                    om = _OTHER_LEAD.search(text, 0, w.start())
                    if om and om.start() > 0:
                        text = text[: om.start()]
        here: set[tuple] = set()
        for d in find_doses(text, first_only=False, regimens=True):
            # one regimen list may repeat an amount ("bolus 5 IU, ... or bolus 5 IU followed by");
            # another passage repeating it restates the same regimen
            key = (d.value, d.unit)
            if key in seen and key not in here:
                continue
            seen.add(key)
            here.add(key)
            if is_control and _rx(r"placebo|saline|vehicle|sham", regex.I).search(text):
                continue
            out.append(Dose(value=d.value, unit=d.unit, route=d.route, frequency=d.frequency, duration=d.duration,
                            **ctx.evidence(a + d.start, a + d.end, rule=d.rule)))
        if out:
            break
    return out


_RESP_SPLIT = regex.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", regex.I)
_NUM_SPLIT = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", regex.I)


_SF_PAREN = regex.compile(r"\((?P<sf>[A-Za-z][\w+/-]{1,9})\)")


def _short_form(raw: str) -> str | None:
    """"highly active antiretroviral treatment (HAART)" -> "HAART": the abbreviation the
    abstract defines for the item is the shortest phrase for the group."""
    m = _SF_PAREN.search(raw)
    if not m or not any(c.isupper() for c in m.group("sf")):
        return None
    before = clean_label(raw[: m.start()])
    # a one-word name ("control (CON)", "intervention group (IG)") is already the shortest
    if len(tokens(before)) >= 2 and best_long_form(m.group("sf"), before):
        return m.group("sf")
    return None


_GROUP_PAREN = regex.compile(
    r"\((?:the\s+)?(?P<name>[\w/+-]+(?:\s+[\w/+-]+)?)\s+(?:group|arm|treatment|condition)\)\s*$", regex.I)


_ROLE_NAME = regex.compile(r"^(?:experimental|study|intervention|treatment|treated|active|control|test|early|late|new|case)$", regex.I)


def _group_paren(raw: str) -> str:
    """The group's own name in a closing parenthesis: "(game group)", "(FAST treatment)"."""
    m = _GROUP_PAREN.search(raw.strip())
    if not m or _rx(r"^(?:\d|n\b|each\b|per\b|same\b|this\b|that\b|one\b|two\b|first\b|second\b)", regex.I).match(m.group("name")):
        return ""
    name = m.group("name")
    return f"group {name}" if _rx(r"^[A-Z]{1,2}\d?$|^[IVX]{1,4}$").match(name) else name


def _paren(raw: str) -> str:
    """The name in a closing parenthesis: an acronym ("(IMPaCT)") or a control term ("(treatment as usual)")."""
    m = _rx(r"\(([^()]{2,40})\)\s*$").search(raw.strip())
    if not m:
        return ""
    inner = m.group(1).strip()
    if _rx(r"^[A-Za-z][\w-]{1,9}$").match(inner) and sum(c.isupper() for c in inner) >= 2 or _is_control(inner, []):
        return inner
    return ""


def _list_labels(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of the items of "A, B and C" (offsets into ``text``)."""
    out = []
    pos = 0
    for m in [*_RESP_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        raw = text[pos:end]
        lead = len(raw) - len(raw.lstrip())
        label = _short_form(raw) or _strip_regimen(clean_label(_strip_doses(clean_label(raw))[0]))
        if _rx(r"^[A-Z]$|^[IVX]{1,4}$").match(label):
            label = "group " + label  # "three groups (A, B, C ...)"
        if label and not _NOISE.search(label) and (tokens(label) or label.startswith("group ")) and len(label.split()) <= 6:
            out.append((label, pos + lead, end))
        else:
            return []
        if m:
            pos = m.end()
    return out


def _respectively(ctx: Context, sents: list[_S]) -> tuple[list[_Arm], list[_Arm]]:
    """Groups stated as a list: "32 and 31 subjects ... under the PHF and HAART arms, respectively"
    (per-arm n by position), "into three groups and were given A, B and C, respectively",
    "into two groups (i.e., control and experimental)". Returns (arms with n, arms of a list)."""
    rules = load_rules("arms")
    with_n: list[_Arm] = []
    listed: list[_Arm] = []
    for s, _e, sent, _low, cues in sents:
        if "resp" in cues and "num" in cues:
            for m in rules.by_id("resp_n_labels").finditer(sent):
                ns = [parse_int(x) for x in _NUM_SPLIT.split(m.group("ns"))]
                labels = _list_labels(m.group("labels"))
                if len(labels) == len(ns) >= 2 and None not in ns and not with_n:
                    ls = s + m.start("labels")
                    with_n = [_Arm(lb, ls + a, ls + b, n=n, n_span=(s + m.start("ns"), s + m.end("ns")), rule="arms:resp_n_labels")
                              for (lb, a, b), n in zip(labels, ns, strict=True)]
        if listed or "group" not in cues:
            continue
        for rid in ("groups_resp", "groups_paren"):
            if rid == "groups_resp" and "resp" not in cues or rid == "groups_paren" and "(" not in sent:
                continue
            for m in rules.by_id(rid).finditer(sent):
                text = m.group("labels")
                doses = None
                at = _rx(r"\s+at\s+(?=\d)").search(text)
                if at and rid == "groups_paren":
                    text, doses = text[: at.start()], text[at.end() :]
                labels = _list_labels(_rx(r",?\s+respectively\s*$").sub("", text))
                if len(labels) != _K[m.group("k").lower()]:
                    continue
                ls = s + m.start("labels")
                listed = [_Arm(lb, ls + a, ls + b, rule=f"arms:{rid}") for lb, a, b in labels]
                if doses:
                    _respective_doses(ctx, listed, doses, ls + at.end())
                break
            if listed:
                break
    return with_n, listed


def _respective_doses(ctx: Context, arms: list[_Arm], text: str, offset: int) -> None:
    """"at 10, 20 and 40 mcg/kg/min of dobutamine, respectively": one amount per arm, the unit
    written once after the last ("1 or 2 μg/day" here is two arms' amounts, not one range)."""
    last = find_doses(text, ranges=False)
    if not last:
        return
    nums = list(_rx(r"\d+(?:\.\d+)?").finditer(text[: last[0].start]))
    if len(nums) + 1 != len(arms):
        return
    d0 = last[0]
    for arm, m in zip(arms, [*nums, None], strict=True):
        a, b = (m.start(), m.end()) if m else (d0.start, d0.end)
        value = parse_decimal(m.group(0)) if m else d0.value
        arm.fixed_doses.append(Dose(value=value, unit=d0.unit, route=d0.route, frequency=d0.frequency, duration=d0.duration,
                                    **ctx.evidence(offset + a, offset + b, rule="doses:respectively")))


def _each_n(ctx: Context, sents: list[_S], arms: list[_Arm]) -> None:
    """"three groups of 20 each", "(30 eyes in each treatment arm)": every arm without n gets it."""
    if not arms or all(a.n is not None for a in arms) or any(a.n is not None for a in arms):
        return
    rule = load_rules("arms").by_id("each_n")
    for s, _e, sent, _low, cues in sents:
        if "each" not in cues:
            continue
        for m in rule.finditer(sent):
            n = parse_int(m.group("n"))
            if n:
                for a in arms:
                    a.n, a.n_span = n, (s + m.start("n"), s + m.end("n"))
                return


def _controlled_trial(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"a placebo-controlled trial of enzyme replacement therapy": the treatment and its placebo."""
    rule = load_rules("arms").by_id("controlled_trial_of")
    for s, _e, sent, _low, cues in sents:
        if "controlled" not in cues:
            continue
        for m in rule.finditer(sent):
            label, _cell = _strip_doses(clean_label(m.group("a")))
            label = _strip_regimen(clean_label(label))
            if not label or _NOISE.search(label) or _GENERIC.match(label) or not tokens(label) or len(label.split()) > 5:
                continue
            ctl = _Arm(m.group("ctl").lower(), s + m.start("ctl"), s + m.end("ctl"), rule="arms:controlled_trial_of")
            a, b = m.start("a"), m.end("doses") if m.group("doses") else m.end("a")
            arm = _Arm(label, s + a, s + b, rule="arms:controlled_trial_of", item=(s + a, s + b))
            if m.group("doses"):
                # "paricalcitol (1 or 2 μg/day)": one arm per dose of the same drug
                per = [_Arm(f"{label} {x}", s + a, s + b, rule="arms:controlled_trial_of") for x in
                       _rx(r"\d+(?:\.\d+)?").findall(m.group("doses"))]
                if len(per) >= 2:
                    for x in per:
                        x.label = f"{x.label} {find_doses(m.group('doses'))[0].unit}" if find_doses(m.group("doses")) else x.label
                    _respective_doses(ctx, per, m.group("doses"), s + m.start("doses"))
                    return [*per, ctl]
            return [arm, ctl]
    return []


def _active_or_sham(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"active or sham catgut implantation": the treatment and its sham."""
    rule = load_rules("arms").by_id("active_or_sham")
    for s, _e, sent, low, _cues in sents:
        if "sham" not in low and "placebo" not in low and "simulated" not in low:
            continue
        for m in rule.finditer(sent):
            x = clean_label(m.group("x"))
            if not x or _NOISE.search(x) or not tokens(x):
                continue
            return [_Arm(x, s + m.start("x"), s + m.end("x"), rule="arms:active_or_sham"),
                    _Arm(f"{m.group('ctl').lower()} {x}", s + m.start("ctl"), s + m.end("x"), rule="arms:active_or_sham")]
    return []


# an arm the abstract marks as the comparator: "a conventional acoustic stethoscope",
# "alcohol-assisted PRK in one eye (control group)", "the control arm of IMPRESS (chemotherapy"
_CONTROL_BEFORE = regex.compile(
    r"(?:(?<!\b(?:plus|with)\s)\b(?:conventional|standard|usual|routine|traditional)\s*,?\s+|\bcontrol\s+(?:group|arm)\b[^.;()]{0,40}\(\s*)$")
_CONTROL_AFTER = regex.compile(
    r"^[^.;()]{0,40}?\((?:the\s+|a\s+)?control(?:\s+(?:group|arm|condition))?\)|"
    r"^\s*(?:(?:group|arm)\s+)?,?\s*(?:which\s+)?(?:served\s+)?as\s+(?:the\s+|a\s+)?control\b")
_CONTROL_ADJ_T = ("conventional", "standard", "usual", "routine", "traditional")
_CONTROL_ADJ = frozenset(_CONTROL_ADJ_T)


def _marked_control(low: str, arm: _Arm) -> bool:
    """The abstract marks the arm as its comparator ("conventional X", "X (control)"), or its
    label is such a qualifier alone ("sequential versus standard")."""
    if arm.label.lower() in _CONTROL_ADJ:
        return True
    for name in [arm.label, *arm.aliases]:
        if len(name) < 2:
            continue
        name = name.lower()
        m = _find_word(low, name)
        while m is not None:
            # plain string tests first: the patterns run only where a marker word is adjacent
            tail = low[max(0, m.a - 16) : m.a].rstrip(" ,")
            before = tail.endswith(_CONTROL_ADJ_T) or tail.endswith("(")
            after = low[m.b : m.b + 60]
            if (before and _CONTROL_BEFORE.search(low[max(0, m.a - 60) : m.a])
                    or "control" in after and _CONTROL_AFTER.match(after)):
                return True
            m = _find_word(low, name, m.b + 1)
    return False


def _abbreviated(arms: list[_Arm], abbrevs: dict[str, str]) -> list[str]:
    """"the extramedullary sliding hip screw (SHS)": an arm named by the long form of an
    abbreviation the abstract defines is called by the abbreviation, the shortest phrase it
    uses for the group. Only long forms of several content words ("medium-concentration
    formulation (MC)"): a one-word name ("control (CON)", "intervention group (IG)",
    "artemether-lumefantrine (ALN)") is already short; a code for "... group" ("usual care
    group (UCG)") names the group, not the treatment, so the words stay."""
    # cheap pre-filter: the long form's first word must be a word of some label
    words = {w.rstrip("s") for a in arms for w in a.label.lower().split()}
    cands = [(short, tokens(long)) for short, long in abbrevs.items()
             if " " in long and long.split(None, 1)[0].lower().rstrip("s") in words and any(c.isupper() for c in short)
             and not _rx(r"\b(?:group|arm)s?$", regex.I).search(long) and not _NOISE.search(short)]
    if not cands:
        return [a.label for a in arms]
    out = []
    for a in arms:
        label, lt = a.label, tokens(a.label)
        if len(lt) >= 2 and a.label not in abbrevs:
            for short, long_tokens in cands:
                if long_tokens == lt and not any(short == o.label for o in arms):
                    label = short
                    break
        out.append(label)
    return out


def _doc_k(ctx: Context) -> int | None:
    """The number of groups the abstract states ("randomized into three groups"), if any."""
    gk = _GROUPS_K.search(ctx.norm)
    return _K[gk.group(1).lower()] if gk else None


def extract(ctx: Context) -> list[Arm]:
    abbrevs = {a.short: a.long for a in (ctx.results.get("abbreviations") or [])}
    # sentences are sliced (and lower-cased for substring gates) once per document
    spans = [(s, e) for _i, s, e in ctx.sentences()]
    low_doc = ctx.low
    cues = _doc_cues(low_doc, [s for s, _e in spans], [e for _s, e in spans])
    sents = [(s, e, ctx.norm[s:e], low_doc[s:e], c) for (s, e), c in zip(spans, cues, strict=True)]
    # an enumerated list ("groups: (1) ..., (2) ...") outranks a list split at commas and "and"
    arms = _enumerated_arms(ctx, sents)
    if len(arms) < 2:
        arms = _allocation_arms(ctx, sents)
    mentions = _count_mentions(ctx, sents)
    resp_n, listed = _respectively(ctx, sents)
    if resp_n:
        # a "respectively" list states every arm's allocation; it outranks single mentions
        if len(arms) < 2:
            arms = resp_n
        else:
            for x in resp_n:
                hit = next((a for a in arms if _same(a.label, x.label, abbrevs)), None)
                if hit:
                    hit.n, hit.n_span = x.n, x.n_span
        mentions = [[x for x in g if x.rule == "arms:n_received" or not any(_same(x.label, r.label, abbrevs) for r in resp_n)]
                    for g in mentions]
    # a list that names exactly the stated number of groups outranks a shorter allocation list
    if len(listed) >= 2 and len(listed) > len(arms):
        arms = listed
        for group in mentions:
            _merge(arms, group, abbrevs, create=False)
    if arms:
        for group in mentions:
            _merge(arms, group, abbrevs, create=False)
    else:
        best = next((g for g in mentions if len(g) >= 2), None)
        if best:
            arms = []
            _merge(arms, best, abbrevs, create=True)
            for group in mentions:
                if group is not best:
                    _merge(arms, group, abbrevs, create=False)
    k = _doc_k(ctx)
    if len(arms) < 2:
        named = _group_mentions(ctx, sents, abbrevs)
        if k and len(named) > k:
            named = named[:k]
        if len(named) >= 2:
            arms = named
            for group in mentions:
                _merge(arms, group, abbrevs, create=False)
    if len(arms) < 2:
        arms = _k_list_arms(ctx, sents)
    if len(arms) < 2:
        arms = _either_or(ctx, sents)
    if len(arms) < 2:
        arms = _controlled_trial(ctx, sents)
    if len(arms) < 2:
        arms = _active_or_sham(ctx, sents)
    if len(arms) < 2:
        arms = _title_versus(ctx)
    if len(arms) < 2:
        arms = _text_versus(ctx, sents)
    if len(arms) < 2:
        arms = _title_between(ctx)
    if len(arms) < 2:
        return []
    ss = ctx.results.get("sample_size")
    total = ss.randomized if isinstance(ss, SampleSize) else None
    _each_n(ctx, sents, arms)
    if total is not None:
        for a in arms:
            # one arm cannot hold every participant ("22 regions divided into an intervention group or ...")
            if a.n == total:
                a.n = a.n_span = None
    _rate_sizes(ctx, arms, total)
    if (k is None or len(arms) < k) and not any(_is_control(a.label, a.aliases) for a in arms):
        # "compared with a control group with standard medical care alone (n = 122)": a control
        # group stated with its own n is an arm even when the allocation list left it out
        extra = next((x for group in mentions for x in group if x.n is not None and _is_control(x.label, [])
                      and not any(_same(a.label, x.label, abbrevs) for a in arms)), None)
        if extra:
            arms.append(extra)
    dose_sents = _dose_sentences(ctx, sents)
    out = []
    controls = [_is_control(a.label, a.aliases) for a in arms]
    marked = [not c and _marked_control(low_doc, a) for a, c in zip(arms, controls, strict=True)]
    if not all(c or m for c, m in zip(controls, marked, strict=True)):
        # a mark on every arm ("conventional vs standard ...") tells none of them apart
        controls = [c or m for c, m in zip(controls, marked, strict=True)]
    # "The Ketamine group received, in addition, ...": what the control receives is a co-treatment
    shared = any(_ADDITION.search(low) for _s, _e, _sent, low in dose_sents)
    labels = _abbreviated(arms, abbrevs)
    for a, ctl, label in zip(arms, controls, labels, strict=True):
        ev = [Evidence(**ctx.evidence(a.start, a.end, rule=a.rule))]
        if a.n_span:
            ev.append(Evidence(**ctx.evidence(*a.n_span, rule=a.rule)))
        doses = a.fixed_doses or _doses(ctx, a, [o for o in arms if o is not a], ctl, dose_sents)
        if ctl and (shared or _rx(r"^(?:no|without)\s", regex.I).match(a.label)) and not a.fixed_doses:
            doses = []
        aliases = a.aliases if label == a.label else [a.label, *a.aliases]
        out.append(Arm(label=label, role="control" if ctl else "intervention", n=a.n,
                       doses=doses, aliases=aliases, evidence=ev))
    if isinstance(ss, SampleSize) and ss.randomized is None and all(a.n is not None for a in out):
        ss.randomized = sum(a.n for a in out)  # type: ignore[misc]
        ss.derived = True
        first = out[0].evidence[-1]
        ss.evidence["randomized"] = Evidence(**{**first.model_dump(), "rule": "sample_size:sum_of_arms"})
    return out
