"""Arms from a list that names every group: the allocation list ("randomized to X (n = 12) or
Y (n = 12)"), an enumerated list ("(1) ..., (2) ..."), a stated number of treatments after a
colon, and "A, B and C, respectively" lists with their per-arm n."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from extractor.fields import Context
from extractor.fields.arm_candidates import (
    _ALLOC_CUES,
    _S,
    _after_space,
    _Arm,
    _before_results,
    _followed_by,
    _plain_case,
)
from extractor.fields.arm_doses import _dose_labels, _respective_doses
from extractor.fields.arm_labels import (
    _DIGIT,
    _GENERIC,
    _NOISE,
    _ROLE_NAME,
    _group_paren,
    _is_control,
    _item_name,
    _join_combinations,
    _list_labels,
    _nwords,
    _paren,
    _rx,
    _same,
    _short_form,
    _strip_doses,
    _strip_lead_measure,
    _strip_regimen,
    _strip_via,
    _whole_short_form,
    _with_or_without,
    clean_label,
    split_items,
    tokens,
)
from extractor.fields.doses import find_doses, has_dose
from extractor.numbers import parse_int
from extractor.regex_cache import compile_regex
from extractor.rules import load_rules
from extractor.scan import literal_starts, skip_back

_LIST_STOP = compile_regex(
    r"[,]?\s+(?:in\s+addition\s+to|along\s+with|after\s+(?:a|the|an)\b|before\b|during\b|using\b|by\s+(?:a|the|block|simple|computer|stratified)\b|"
    r"according\s+to|stratified|based\s+on|at\s+a\s+ratio|in\s+a\s+\d|with\s+a\s+(?:follow|ratio)|"
    r"who\b|(?:from|of|in|among|for|with)\s+whom\b|which\b|where\b|respectively|to\s+(?:determine|evaluate|assess|compare|examine|investigate)\b|"
    # "into supportive care, acupressure, and control groups each containing 50 subjects": the size of every group
    r"each\s+(?:with|containing|including|comprising|consisting|having)\b)|"
    r"\s*,\s*(?:and\s+)?(?:then|followed|all|patients|participants|subjects|each|administered|given)\b|"
    # "randomized to receive AUCB or placebo, evaluated at baseline, 12, and 24 weeks": what was done next
    r"\s*,\s*(?:evaluated|assessed|measured|examined|monitored|observed|crossed)\b|\s+and\s+(?:then|were|was)\b|"
    # "WBV training or control followed by cross-over after a 2-week washout period": the design, not an arm
    r"\s+followed\s+by\s+(?:a\s+)?cross-?over\b",
    regex.I,
)
_FOR = compile_regex(r"\s+(?:for|over|during)\s+(?:\d|at\s+least|a\b|the\b|\w+\s+(?:weeks|months|days|years))", regex.I)

# "by either telephone or mail four weeks after the initial invitation": a time phrase after
# the last item times the whole allocation (no list word follows it), it names no arm
_TIME_TAIL = compile_regex(
    r"(?:,?\s+(?:for|over|during|within|starting|beginning))?"
    r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+"
    r"(?:after|before|following|from|post)\b(?:(?!\s(?:or|and|versus|vs)\s)[^,])*$", regex.I)
_TIME_UNITS = ("minute", "hour", "day", "week", "month", "year")
_TIME_LINKS = ("after", "before", "following", "from", "post")


def _time_tail_gate(tail: str) -> bool:
    """Whether _TIME_TAIL can match in a list's part after its last comma: a unit and a link
    word there (plain string tests of the lower-cased part; beyond ASCII it runs)."""
    if not tail.isascii():
        return True
    low = tail.lower()
    return any(u in low for u in _TIME_UNITS) and any(w in low for w in _TIME_LINKS)

_GROUPS_K = compile_regex(r"\b(?:in|into)\s+(?:one\s+of\s+)?(two|three|four|five|2|3|4|5)\s+(?:[\w-]+\s+){0,3}?(?:groups|arms)", regex.I)
_K = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}

# items of an allocation list that only qualify the next one: "once-daily", "28-mg", "oral"
_MODIFIER = compile_regex(
    r"^(?:(?:once|twice|thrice)[\s-]daily|\d+(?:\.\d+)?[\s-]?(?:mg|g|mcg|μg|µg|mL|IU)|oral|intravenous|"
    r"(?:extended|immediate|sustained|controlled)-release|low-dose|high-dose)$",
    regex.I,
)

_EITHER = compile_regex(r"\s(?:with\s+)?either\s+(?=\S)", regex.I)
_N_EQ = compile_regex(r"\bn\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)")
_N_EQ_GATE = re.compile(r"n\s*=")  # _N_EQ without its word boundary and count: a superset, one C-level scan

# an item's size without "n =": "a massage group (40)", "metformin (30 patients)", "cefepime (C
# group, 20 patients)"
_ITEM_COUNT = compile_regex(
    r"(?:\b(?:group|arm)\s*\(\s*(\d{1,5})\s*\)|\((?:[^(),;]*[,;]\s*)?(\d{1,5})\s+(?:patients|participants|subjects|children|"
    r"women|men|cases|eyes|infants|volunteers|adults)\s*\))", regex.I)

# _ITEM_COUNT's gate: its count after "group (" or before a people word and ")" (one C-level
# search; stdlib re's \s is str.isspace)
_COUNT_GATE = re.compile(
    r"(?:group|arm)\s*\(\s*\d|\d\s+(?:patients|participants|subjects|children|women|men|cases|eyes|infants|volunteers|adults)\s*\)",
    re.I)


# a bare count in parentheses ending a list item, with at most two words after it: "randomised to
# rizatriptan 10 mg (53), ibuprofen 400 mg (52) and placebo (50)", "vitamin D (40) or placebo (40)
# supplements"; read only where every item of the list has one (an amount alone, "(200)", does not)
_BARE_COUNT = compile_regex(r"\(\s*(\d{1,5})\s*\)(?=(?:\s+[\w-]+){0,2}\s*$)")


def _bare_counts(lst: str, items: list[tuple[int, int]]) -> bool:
    """Whether every item of an allocation list (two at least) ends with a bare count "(53)"."""
    return len(items) >= 2 and all("(" in lst[a:b] and _BARE_COUNT.search(lst[a:b]) for a, b in items)


def _may_count(text: str) -> bool:
    """Whether _ITEM_COUNT can match (text beyond ASCII, where case folding differs, passes)."""
    return not text.isascii() or _COUNT_GATE.search(text) is not None


# "PA21 at doses of 250, 500, 750, or 1000 mg", "lansoprazole at a dose of 15 mg, 30 mg or 60 mg":
# the first item of a run of amounts of one drug, each amount a group; the later items are the
# amounts alone ("500", "or 1000 mg (based on iron content) three times/day")
_DOSE_OF = compile_regex(
    r"^(?P<drug>[A-Za-z][^,;()]{0,40}?)\s+(?:at|in)\s+(?:(?:a|single|daily|two|three|four)\s+)?doses?\s+of\s+"
    r"(?P<amount>\d+(?:\.\d+)?)(?:\s*(?P<unit>[^\s\d,;()][^\s,;()]*))?\s*$", regex.I)
_RUN_AMOUNT = compile_regex(r"^(?P<amount>\d+(?:\.\d+)?)(?:\s*(?P<unit>(?!(?:or|and)\b)[^\s\d,;()][^\s,;()]*))?", regex.I)
# "the drug at a dose of 75 mg": no drug's name
_UNNAMED_DRUG = frozenset({"drug", "study", "medication", "it", "them"})
_DRUG_AFTER = compile_regex(r"\s(?:with|of)\s+(?=\S)", regex.I)


def _close_dose_run(arms: list[_Arm], units: list[str | None]) -> None:
    """End a run of amounts of one drug: each arm's label gets its amount's unit, written after
    the amount or once after the last ("15 mg, 30 mg or 60 mg", "250, 500 or 1000 mg"), and the
    run is emptied for the next."""
    last = None
    for a, u in zip(reversed(arms), reversed(units), strict=True):
        last = u or last
        if last:
            a.label = f"{a.label} {last}"
    arms.clear()
    units.clear()


_SENT_END = compile_regex(r"\.(?!\d)")
_DANGLING_OR = compile_regex(r"\s+(?:or|and)$", regex.I)
_AMOUNT_ONLY = compile_regex(r"^\d+(?:\.\d+)?\s?(?:mg|g|mcg|μg|µg|mL|IU)$", regex.I)


def _dose_alternatives(ctx: Context, arm: _Arm, raw: str, offset: int) -> list[_Arm]:
    """"randomized to AZD3199 (200, 400 or 800 μg o.d.), formoterol (9 μg b.i.d.) or placebo":
    in an allocation list, the amounts of one drug listed in its parenthesis are groups of their
    own, one per amount ("AZD3199 200 μg", ...), each with its dose."""
    m = next(iter(load_rules("arms").by_id("dose_alternatives").finditer(raw)), None) if "(" in raw else None
    if not m:
        return []
    text = m.group("doses")
    last = find_doses(text, ranges=False)
    if not last:
        return []
    nums = _rx(r"\d+(?:\.\d+)?").findall(text[: last[0].start])
    per = [_Arm(f"{arm.label} {x} {last[0].unit}", arm.start, arm.end, rule=arm.rule) for x in [*nums, None]]
    per[-1].label = f"{arm.label} {text[last[0].start : last[0].amount_end].strip()}"
    if len(per) < 2:
        return []
    _respective_doses(ctx, per, text, offset + m.start("doses"))
    return per if all(x.fixed_doses for x in per) else []


# what a head before the amounts may be without naming the drug ("injections of 8 or 16 mg VM202")
_FORM_HEAD = frozenset("injection injections dose doses tablet tablets capsule capsules infusion infusions either".split())
_HEAD_TAIL = compile_regex(r"\s*\b(?:of|with|at|in)\s*$", regex.I)
_PER_TAIL = compile_regex(r"\s+per\s+[\w-]+$", regex.I)


def _amount_pair(ctx: Context, lst: str, items: list[tuple[int, int]], idx: int, offset: int) -> list[_Arm]:
    """"canagliflozin 100 or 300 mg", "injections of 8 or 16 mg VM202 per leg": two amounts of one
    drug joined by "or", the unit after the second, which the list split at "or" into an item
    ending in a bare number and one starting with an amount; each amount is an arm of its own,
    called by the drug named before the amounts, else by the one after the unit."""
    if idx + 1 >= len(items):
        return []
    (a, b), (c, d) = items[idx], items[idx + 1]
    # cheap gate: a digit ends the item, "or" alone joins it to an item that starts with one
    if not lst[a:b].rstrip()[-1:].isdigit() or not lst[c:d].lstrip()[:1].isdigit() or lst[b:c].strip().lower() != "or":
        return []
    m = next(iter(load_rules("arms").by_id("amount_alternatives").finditer(lst[a:d])), None)
    if not m:
        return []
    if idx and not m.group("head").strip():
        return []  # "BMT 0.75, 1.25 or 1.75 mg": the last amounts of a longer run, the drug named before it
    head = clean_label(_HEAD_TAIL.sub("", m.group("head")))
    if not tokens(head) - _FORM_HEAD:
        head = _item_name(m.group("rest"))
        head = _PER_TAIL.sub("", head)  # "VM202 per leg": how the amount is given
    if not head or _NOISE.search(head) or not tokens(head) or _nwords(head) > 4:
        return []
    unit = m.group("unit")
    x0, x1 = offset + a, offset + d
    pair = [_Arm(f"{head} {m.group(g)} {unit}", x0, x1, rule="arms:allocation_list", item=(x0, x1)) for g in ("x", "y")]
    # each arm its own amount ("8 or 16 mg" is two arms' doses, not one range)
    _respective_doses(ctx, pair, lst[a + m.start("x") : a + m.end("unit")], offset + a + m.start("x"))
    return pair


_ABBR_AFTER = compile_regex(r"\s*\(\s*([A-Za-z][\w+-]{1,9})\s*\)\s*$")


def _join_defined(ctx: Context, lst: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"randomized to ILI or diabetes support and education (DSE)": two items split at "and"
    whose words, "and" included, are the long form the abstract defines for the abbreviation
    after them name one group."""
    out = list(items)
    i = 0
    while i + 1 < len(out):
        (a, b), (c, d) = out[i], out[i + 1]
        m = _ABBR_AFTER.search(lst, c, d) if lst[b:c].strip().lower() == "and" else None
        if m:
            long = next((x.long for x in ctx.results.get("abbreviations") or [] if x.short == m.group(1)), None)
            if long and " ".join(long.lower().split()) == " ".join(lst[a : m.start()].lower().split()):
                out[i : i + 2] = [(a, d)]
                continue
        i += 1
    return out


def _add_on_arms(ctx: Context, lst: str, offset: int) -> list[_Arm]:
    """"randomly allocated to a twice-daily programme of progressive resistance exercise ...,
    mobilisation and orientation in addition to usual care or to usual care alone": the whole
    description before "in addition to" is one arm (its commas join the programme's parts), the
    care it is added to is the other. A description too long to be a name is called by the name
    the abstract gives its group ("the intervention group")."""
    m = next(iter(load_rules("arms").by_id("add_on_usual_care").finditer(lst)), None)
    if not m or tokens(m.group("y")) != tokens(m.group("y2")):
        return []
    x = m.group("x")
    label = _item_name(x)
    if _nwords(label) > 6 or "," in x:
        label = "intervention" if "intervention group" in ctx.low else ""
    if not label or _NOISE.search(label) or not tokens(label):
        return []
    a, b = offset + m.start("x"), offset + m.end("x")
    return [_Arm(label, a, b, rule="arms:allocation_list", item=(a, b)),
            _Arm(clean_label(m.group("y2")), offset + m.start("y2"), offset + m.end("y2"), rule="arms:allocation_list")]


def _to_either_or_receive(sent: str, low: str) -> bool:
    """Whether allocation_list's lead phrase can match: "to", whitespace, then "either" or
    "receive", with whitespace before "to". Most sentences have neither word: there
    allocation_list_direct, the rule without the lead, finds the same matches without scanning
    up to 200 characters ahead for it from every allocation word."""
    if not _plain_case(sent):
        return True
    for i in literal_starts(low, ("either", "receive")):
        k = skip_back(low, i, str.isspace)
        if k < i and k >= 3 and low.endswith("to", 0, k) and low[k - 3].isspace():
            return True
    return False


# the words that end allocation_list_direct's allocation word ("randomly assigned"), and what
# its list may start with after whitespace (a ratio's digit aside)
_RAND_ENDS = ("randomized", "randomised", "randomization", "randomisation", "assigned", "allocated", "divided",
              "distributed", "selected")
# ... or "randomly" after the verb ("allocated randomly in two study groups, MMC and acetic acid")
# ... or "either to" ("randomised either to an active strategy ..., or to usual care")
_LIST_LEADS = ("in", "to", "between", "randomly", "either to")


def _list_follows(sent: str, low: str) -> bool:
    """Whether allocation_list_direct can match: an allocation word, whitespace, then "in",
    "into", "to", "between" or a ratio ("1:1"). Two in three sentences that name an allocation
    have none ("this randomized controlled trial", "randomization was stratified")."""
    if not _plain_case(sent):
        return True
    # a parenthesis may stand before the list: a ratio ("randomized (1:1:1:1) to placebo + MTX (group 1),
    # ..."), or how the groups are treated ("randomised (two inhalations twice daily) to budesonide ...")
    if "(" not in low:
        return any(low.startswith(_LIST_LEADS, k) or _DIGIT.match(low, k) for k in _after_space(low, _RAND_ENDS))
    return any(low.startswith(_LIST_LEADS, k) or _DIGIT.match(low, k) or low.startswith("(", k) and _lead_after_paren(low, k)
               for k in _after_space(low, _RAND_ENDS))


def _lead_after_paren(low: str, k: int) -> bool:
    """A ratio ("(1:1)"), or a list lead after the parenthesis that opens at ``k`` ("(two
    inhalations twice daily) to budesonide ...")."""
    if low[k + 1 : k + 2].isdigit():
        return True
    j = low.find(")", k, k + 82)
    if j < 0:
        return False
    rest = j + 1
    while rest < len(low) and low[rest].isspace():
        rest += 1
    return rest > j + 1 and low.startswith(_LIST_LEADS, rest)


def _allocation_arms(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """The first allocation list, unless it gives no group its size and a later one gives every
    group its size: "randomly assigned ... to receive peri-operative epirubicin, cisplatin, and
    capecitabine chemotherapy or chemotherapy plus bevacizumab" (a regimen's commas split it)
    ... "randomly assigned to receive chemotherapy alone (n=533) or chemotherapy plus
    bevacizumab (n=530)"."""
    lists = _allocation_lists(ctx, sents)
    first = next(lists, [])
    if not first or any(a.n is not None for a in first):
        return first
    sized = next((x for x in lists if all(a.n is not None for a in x)), None)
    if sized is None:
        return first
    # the same groups named again ("osteopathic manipulative treatment (study group)" ... "the
    # study group (n= 352)"): the first names stay, the sizes are the later list's
    hits = [next((f for f in first if _names(ctx, f, x.label)), None) for x in sized]
    if len(sized) == len(first) and None not in hits and len({id(f) for f in hits}) == len(first):
        for f, x in zip(hits, sized, strict=True):
            f.n, f.n_span = x.n, x.n_span  # type: ignore[union-attr]
        return first
    return sized


def _names(ctx: Context, arm: _Arm, label: str) -> bool:
    """Whether ``label`` names ``arm``: its label, an alias, or the group name in its item's
    closing parenthesis ("(study group)")."""
    own = [arm.label, *arm.aliases]
    if arm.item:
        named = _group_paren(ctx.norm[arm.item[0] : arm.item[1]])
        if named:
            own.append(named)
    return any(_same(o, label, {}) for o in own)


def _paired_with_control(lst: str, items: list[tuple[int, int]], idx: int) -> bool:
    """Whether a list of two items pairs its item ``idx`` with a control ("intervention or
    control", "the treatment or control group")."""
    if len(items) != 2 or "control" not in lst.lower():
        return False
    x, y = items[1 - idx]
    other = lst[x:y]
    if "(" in other:  # "control (12 schools, 36 teachers)": its counts are no part of its name
        other = _rx(r"\([^()]*\)").sub(" ", other)
    # "into treatment and control groups": the group word after the last item names both
    return _rx(r"^\s*(?:the\s+|a\s+|an\s+)?control(?:\s+(?:groups?|arms?|conditions?))?\s*$", regex.I).match(other) is not None


def _sizes_two(sent: str, low: str) -> bool:
    """Whether a sentence may size two groups: two "n =" (as _N_EQ finds them, spaces aside), or
    two item counts ("(40 patients)", "group (40)")."""
    if "=" in sent and len(_N_EQ_GATE.findall(low)) >= 2:
        return True
    return "(" in sent and _may_count(sent) and len(_ITEM_COUNT.findall(sent)) >= 2


# an item of a list of groups separated by semicolons: its marker ("(1)", "1)", "(a)", "I -", "and"),
# its group name ("a sham-operated group (n = 8) receiving ...", "group C, indoor with ..."), its count
_SEMI_MARK = compile_regex(r"^\s*(?:(?:and|or)\s*,?\s+)?(?:\(?(?:\d{1,2}|[a-hA-H]|i{1,3}|iv|vi{0,3})\)\s*|(?:I{1,3}|IV|VI{0,3})\s+-\s+)?")
_SEMI_GROUP = compile_regex(
    r"^(?:(?:the|a|an)\s+)?(?P<name>[\w/+&'-]+(?:\s+[\w/+&'-]+){0,2}?)\s+(?:group|arm)\b(?!\s+(?:of|was|were|that|who|which)\b)", regex.I)
_SEMI_CODE = compile_regex(r"^(?:[Gg]roup\s+(?:[A-Z]{1,4}\d?|[IVX]{1,4}|\d{1,2}))(?![\w-])")
_SEMI_COUNT = compile_regex(
    r"\bn\s*=\s*(\d{1,5})\b|\(\s*(\d{1,5})\s+(?:patients|participants|subjects|cases|children|women|men|eyes)\s*\)|"
    r"\b(?:with|consisted\s+of|included|comprised|comprising)\s+(\d{1,5})\s+(?:patients|participants|subjects|cases|children|women|men|eyes)\b|"
    r"[,;]\s*(\d{1,5})\s+(?:patients|participants|subjects|cases|children|women|men|eyes|[a-z]+s)\s*$", regex.I)


def _usable_name(label: str) -> bool:
    """A list item's name that may be an arm's: some content word, no noise or generic word,
    at most five words, not opening with a preposition (the k-list and crossover readers)."""
    return bool(label and not _NOISE.search(label) and not _GENERIC.match(label) and tokens(label)
                and _nwords(label) <= 5 and not _PREP_START.match(label))


def _distinct_names(arms: list[_Arm]) -> bool:
    """No two arms named by the same words, in any order: a list that names one group twice is
    no list of groups."""
    return len({frozenset(tokens(x.label)) for x in arms}) == len(arms)


def _semicolon_spans(body: str) -> list[tuple[int, int]]:
    """The spans of ``body`` between its semicolons outside brackets; commas split nothing, as an
    item may hold them ("potassium hydroxide (KOH, 40 %); trichloroacetic acid (TCA)")."""
    spans, depth, start = [], 0, 0
    for i, c in enumerate(body):
        depth += (c in "([") - (c in ")]")
        if c == ";" and depth <= 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(body)))
    return spans


def _semicolon_arms(s: int, sent: str, lst_start: int) -> list[_Arm]:
    """"randomly allocated to one of three groups: potassium hydroxide (KOH, 40 %); trichloroacetic acid
    (TCA); and podiatry treatment", "randomly assigned to one of three groups: a sham-operated group (n = 8)
    receiving ...; a LPS group (n = 8) receiving ...": a list opened by a colon whose items, commas and
    all, are separated by semicolons; one arm per item, none unless every item names its group."""
    end = _SENT_END.search(sent, lst_start)
    body = sent[lst_start : end.start() if end else len(sent)]
    spans = _semicolon_spans(body)
    if not 2 <= len(spans) <= 8:
        return []
    arms = []
    for a, b in spans:
        raw = body[a:b]
        a += _SEMI_MARK.match(raw).end()
        raw = body[a:b]
        code = _SEMI_CODE.match(raw)
        named = _SEMI_GROUP.match(raw)
        if code:
            label = "g" + code.group()[1:]  # "Group I": the code as group_code writes it
        elif named and not _GENERIC.match(named.group("name")):
            label = clean_label(named.group("name"))
        else:
            label = _short_form(raw) or _item_name(raw)
        # a comma left in a name joins two ("A, B, and C; of the 37 patients, 31 completed ...")
        if (not label or _NOISE.search(label) and not code or not tokens(label) or _nwords(label) > 5
                or _PREP_START.match(label) or "," in label):
            return []
        nm = _SEMI_COUNT.search(raw)
        n = parse_int(next(g for g in nm.groups() if g)) if nm else None
        x0, x1 = s + lst_start + a, s + lst_start + b
        arm = _Arm(label, x0, x1, n=n, rule="arms:allocation_list", item=(x0, x1))
        if nm:
            g = next(i for i, v in enumerate(nm.groups(), 1) if v)
            arm.n_span = (x0 + nm.start(g), x0 + nm.end(g))
        arms.append(arm)
    return arms if _distinct_names(arms) else []


def _allocation_lists(ctx: Context, sents: list[_S]) -> Iterator[list[_Arm]]:
    """Every allocation list of two or more arms, in order; after the first, only lists that may
    size their groups ("= 12", "(40 patients)", "group (40)"): no other is wanted."""
    rules = load_rules("arms")
    lead, direct = rules.by_id("allocation_list"), rules.by_id("allocation_list_direct")
    found = False
    for s, _e, sent, low, cues in sents:
        if "rand" not in cues:
            continue
        if found and not _sizes_two(sent, low):
            continue
        if _to_either_or_receive(sent, low):
            rule = lead
        elif _list_follows(sent, low):
            rule = direct
        else:
            continue
        for m in rule.finditer(sent):
            lst_start = m.start("list")
            lst = m.group("list")
            add_on = _add_on_arms(ctx, lst, s + lst_start) if "addition" in lst else []
            if add_on:
                found = True
                yield add_on
                break  # the rest of its sentence is not searched again: a later list is in a later one
            # "to one of three groups: KOH (KOH, 40 %); TCA (TCA); and podiatry treatment": a list after a
            # colon that the pattern ended at a semicolon holds its items between semicolons
            if m.end("list") < len(sent) and sent[m.end("list")] == ";" and sent[:lst_start].rstrip().endswith(":"):
                semi = _semicolon_arms(s, sent, lst_start)
                if len(semi) >= 2:
                    found = True
                    yield semi
                    break
            # ... its unit and link hold no comma and only the part after the last comma may follow
            if _time_tail_gate(lst[lst.rfind(",") + 1 :]):
                tail = _TIME_TAIL.search(lst)
                if tail:
                    lst = lst[: tail.start()]
            stop = _LIST_STOP.search(lst)
            if stop:
                lst = lst[: stop.start()]
            if "n =" not in lst and "n=" not in lst:
                f = _FOR.search(lst)
                if f:
                    lst = lst[: f.start()]
            # a list cut short by a line end ("oral liarozole (75 or 150 mg) or"): no dangling "or"
            if lst.endswith(("or", "and")):
                lst = _DANGLING_OR.sub("", lst)
            items = _join_combinations(lst, split_items(lst))
            if " and " in lst and "(" in lst:
                items = _join_defined(ctx, lst, items)
            if len(items) < 2 and "(" not in lst:
                continue  # one item is one arm at most: only a parenthesis of amounts makes more
            k = None
            gk = _GROUPS_K.search(sent[max(0, m.start() - 10) : lst_start + 5])
            if gk:
                k = _K[gk.group(1).lower()]
            arms = []
            plain: list[_Arm] = []  # one arm per item, amounts of one drug not split
            carry: int | None = None
            wo = _with_or_without(lst, items)
            bare = "(" in lst and _bare_counts(lst, items)
            tail: int | None = None  # the end of an item that only says how another is given
            run: list[_Arm] = []  # the arms of a run of amounts of one drug, their units not yet known
            run_units: list[str | None] = []
            run_drug = ""
            skip = -1  # the item that _amount_pair joined to the one before it
            for idx, (a, b) in enumerate(items):
                if wo and wo[0] <= idx < wo[1]:
                    if idx == wo[0]:
                        # "cemented TKA with or without tourniquet": the regimen with and without the add-on
                        x, y = wo[2], wo[3]
                        a0, b0 = s + lst_start + a, s + lst_start + items[wo[1] - 1][1]
                        pair = [_Arm(f"{x} with {y}", a0, b0, rule="arms:with_or_without", item=(a0, b0)),
                                _Arm(f"{x} without {y}", a0, b0, rule="arms:with_or_without")]
                        arms += pair
                        plain += pair
                    continue
                raw = lst[a:b]
                ei = _EITHER.search(raw) if not raw.isascii() or "either" in raw.lower() else None
                if ei:
                    # "dexamethasone 8 mg at induction with either granisetron 1 mg, ...": the
                    # shared co-treatment comes before "either", the first arm after it
                    a += ei.end()
                    raw = lst[a:b]
                if raw[:4].lower() == "with":
                    if raw.lower().startswith(("with ", "without ")) and lst[:a].rstrip().endswith(","):
                        # "either a paper questionnaire, with a prepaid return envelope, or ...", "or both (n = 35
                        # for each group), with venous occlusion": how an item, or every one, is given; so is
                        # what "and" adds to it ("with 4 gilts each group and one gilt each pen")
                        tail = b
                        continue
                    if idx == 0 and raw[:5].lower() == "with ":
                        a += 5  # "to treatment either with a single leukocyte-reduced PRP or corticosteroid"
                        raw = lst[a:b]
                elif tail is not None and lst[tail:a].strip().lower() == "and":
                    tail = b
                    continue
                tail = None
                # "PA21 at doses of 250, 500, 750, or 1000 mg": one group per amount of the drug
                dose_of = _DOSE_OF.match(raw.strip()) if "dose" in raw.lower() else None
                # "14 days of treatment with lansoprazole at a dose of 15 mg": the drug after "with" / "of"
                drug = clean_label(_DRUG_AFTER.split(dose_of.group("drug"))[-1]) if dose_of else ""
                if dose_of and not tokens(drug) - _UNNAMED_DRUG:
                    dose_of = None
                if dose_of or run_drug and (amt := _RUN_AMOUNT.match(raw.strip())):
                    if dose_of:
                        _close_dose_run(run, run_units)
                        amt, run_drug = dose_of, drug
                    arm = _Arm(f"{run_drug} {amt.group('amount')}", s + lst_start + a, s + lst_start + b,
                               rule="arms:allocation_list", item=(s + lst_start + a, s + lst_start + b))
                    run.append(arm)
                    run_units.append(amt.group("unit"))
                    arms.append(arm)
                    plain.append(arm)
                    continue
                run_drug = ""
                _close_dose_run(run, run_units)
                if idx == skip:
                    continue  # the second amount of a pair, made an arm with the first
                pair = _amount_pair(ctx, lst, items, idx, s + lst_start)
                if pair:
                    arms += pair
                    plain.append(pair[0])
                    skip = idx + 1
                    continue
                # "once-daily, 28-mg, extended-release memantine": modifiers of the next item
                if _MODIFIER.match(raw.strip()):
                    prev = arms[-1] if arms else None
                    if prev and prev.item and _AMOUNT_ONLY.match(raw.strip()) and has_dose(ctx.norm[prev.item[0] : prev.item[1]]):
                        # "gantenerumab 105 mg or 225 mg": a second dose of the same drug is its own arm
                        arms.append(_Arm(f"{prev.label} {raw.strip()}", s + lst_start + a, s + lst_start + b,
                                         rule="arms:allocation_list", item=(s + lst_start + a, s + lst_start + b)))
                        plain.append(arms[-1])
                        continue
                    carry = a if carry is None else carry
                    continue
                if carry is not None:
                    a, raw, carry = carry, lst[carry:b], None
                n = None
                nm = _N_EQ.search(raw) if "=" in raw else None
                if nm is None and "(" in raw and _may_count(raw):
                    nm = _ITEM_COUNT.search(raw)
                if nm is None and bare:
                    nm = _BARE_COUNT.search(raw)
                if nm:
                    n = parse_int(nm.group(nm.lastindex or 1))
                label, cell_unit = _strip_doses(clean_label(raw))
                label = _strip_lead_measure(_strip_via(_strip_regimen(clean_label(label))))
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
                # "an intervention group" names a group; a bare "intervention" in a list does not, but
                # beside a control it does ("randomised to either intervention or control")
                generic = _GENERIC.match(label) and not (
                    label.lower() == "intervention" and _rx(r"\b(?:group|arm)s?\b").search(lst)
                    or label.lower() in ("intervention", "treatment") and _paired_with_control(lst, items, idx))
                if not label or _NOISE.search(label) or generic or _nwords(label) > 6:
                    continue
                arm = _Arm(label, s + lst_start + a, s + lst_start + b, n=n, rule="arms:allocation_list",
                           item=(s + lst_start + a, s + lst_start + b))
                if long_label != label:
                    arm.aliases.append(long_label)
                if nm:
                    g = nm.lastindex or 1
                    arm.n_span = (s + lst_start + a + nm.start(g), s + lst_start + a + nm.end(g))
                per_dose = _dose_alternatives(ctx, arm, raw, s + lst_start + a) if nm is None else []
                arms.extend(per_dose or [arm])
                plain.append(arm)
            _close_dose_run(run, run_units)
            if sum(x.n is not None for x in arms) >= 2 and any(x.n is None for x in arms):
                # "either to a healthy Nordic diet (ND, n = 93), rich in whole grain rye and wheat, ..., fruits
                # and vegetables ... or a control diet (n = 65)": where the groups state their sizes, an item
                # without one describes the group before it; a last item cut inside its parenthesis ("or one
                # unflavoured, non-medicated lozenge (matched for size ...; n = 74)") may have lost its count
                cut = lst.count("(") > lst.count(")")
                last = max(i for i, x in enumerate(arms) if x.n is not None)
                arms = [x for i, x in enumerate(arms) if x.n is not None or cut and i > last]
                plain = [x for x in plain if x.n is not None or x in arms]
            if k and len(arms) != k and len(plain) == k:
                arms = plain  # the stated number of groups counts drugs, not their amounts
            if k and len(arms) > k:
                arms = arms[:k]
            if len(arms) >= 2:
                _dose_labels(ctx, arms)
                found = True
                yield arms
                break


# a marker starts the text or follows a space or a separator ("(2400 mg/d)" holds no marker "d)")
_ENUM_MARK = compile_regex(r"(?<![^\s,;:])\(?(\d{1,2}|[a-hA-H]|i{1,3}|iv|vi{0,3})\)\s*")
_ENUM_START = compile_regex(r":\s*\(?[1aAi]\)")  # cheap gate: a colon and the first marker
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
_ENUM_SEP = compile_regex(r"[,;]?\s*(?:(?:and|or|&)\s*(?:the\s+)?)?$", regex.I)
# a comma that groups thousands ("100,000 IU vitamin D2") is no list separator
_ENUM_CUT = compile_regex(r"[,;](?<!\d,(?=\d{3}(?!\d)))|:(?=\s)")
_ENUM_K = compile_regex(r"\b(two|three|four|five|2|3|4|5)\s+(?:[\w-]+\s+){0,3}?(?:groups|arms|conditions|regimens|treatments|interventions)\b", regex.I)
_ENUM_LAST = compile_regex(r",\s*(?:and|or)\s+(?:the\s+)?(?=\S)", regex.I)
_SAME_AS = compile_regex(r"^same\s+(?:treatment|regimen|protocol|intervention)\s+as\s+(?:in\s+)?(?:group\s+)?\(?(\w{1,4})\)?\s*", regex.I)


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
                label = _whole_short_form(_enum_cut(body)) or _item_name(_enum_cut(body))
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


_K_LIST_TAIL = compile_regex(r",\s+(?:in|on|at|for|during|after|before|each|respectively)\b", regex.I)
_PREP_START = compile_regex(r"^(?:in|on|at|for|during|after|before|with|from|by)\b", regex.I)


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
                label = _short_form(raw) or _item_name(raw)
                if not _usable_name(label):
                    break
                arms.append(_Arm(label, s + ls + a, s + ls + b, rule="arms:k_list", item=(s + ls + a, s + ls + b)))
            else:
                if len(arms) == k and _distinct_names(arms):
                    return arms
    return []


# what follows the last name of a crossover study's conditions: when, where and how each was
# given ("on two separate days", "in a randomized order", "during distinct study-visits", "over 270
# minutes", "by inhalation", "20 min before a meal", "daily for 12 weeks")
_CROSS_TAIL = compile_regex(
    r",?\s+(?:in\s+(?:a\s+|an\s+)?(?:random|randomi[sz]ed|counter-?balanced|balanced|double|single|placebo|crossover|cross-over|"
    r"\d|two|three|four|separate|different|distinct|each|subgroups?)\b|on\s+(?:two|three|four|\d|separate|different|consecutive|alternate|test)\b|"
    r"during\b|over\s+(?:a\s+)?\d|by\s+(?:inhalation|mouth)\b|at\s+\d|(?:with|after)\s+(?:a\s+)?(?:\d|washout|wash-out|one|two)|"
    r"separated\s+by\b|followed\s+by\b|daily\b|\d+(?:\.\d+)?\s*(?:min|minutes|h|hours?)\s+(?:before|after|prior)\b|"
    r"(?:before|after|prior\s+to)\b|for\s+(?:\w+\s+)?(?:min|minutes|hours?|days?|weeks?|months?)\b|alternately\b|"
    r"under\s|and\s+compared\b)", regex.I)
# "a single serving of curry meal", "two intravenous infusions of GLP-1": the form it was given in
_CROSS_FORM = compile_regex(
    r"^(?:(?:a|an|the|one|two|three|single|acute|equivalent|intravenous|oral|inhaled|daily)\s+)*"
    r"(?:infusions?|injections?|doses?|servings?|applications?|administrations?|portions?)\s+of\s+(?=\S)", regex.I)
# "injections of varying volume and speed", "three different virucidal hand rubs": no condition's name
_CROSS_VAGUE = compile_regex(r"\b(?:varying|various|different|several|groups?)\b", regex.I)
# "placebo or a prednisone dose from 2.5-60 mg daily": a name cut before its object
_PREP_END = compile_regex(r"\s(?:from|of|to|with|under|in|at|by|for|on)$", regex.I)
_CROSS_VERBS = ("received", "given", "administered", "consumed", "ingested", "exposed to", "drank")
_CROSS_JOIN = compile_regex(r"\s(?:and|or)\s", regex.I)


def _crossover_conditions(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"12 healthy volunteers received codeine phosphate plus diclofenac sodium or codeine
    phosphate plus placebo", "Subjects ingested a dietary supplement (OxyELITE Pro) or a placebo,
    on two separate days": in a crossover study each condition is an arm (SCHEMA: n null), named
    by what every participant received. Read only in crossover studies, before the results, where
    two to four usable names are joined by "and" or "or"."""
    design = ctx.results.get("design")
    if not getattr(design, "crossover", False):
        return []
    rule = load_rules("arms").by_id("crossover_conditions")
    results = _before_results(ctx)
    for s, _e, sent, low, _cues in sents:
        if s >= results:
            break
        # plain string gates: a treatment verb and a joining word
        if _plain_case(sent) and (not any(v in low for v in _CROSS_VERBS) or " or " not in low and " and " not in low):
            continue
        for m in rule.finditer(sent):
            lst, ls = m.group("list"), m.start("list")
            cuts = [x.start() for x in (_CROSS_TAIL.search(lst), _LIST_STOP.search(lst), _FOR.search(lst), _K_LIST_TAIL.search(lst)) if x]
            lst = lst[: min(cuts)] if cuts else lst
            if not _CROSS_JOIN.search(lst):
                continue
            arms = _condition_names(lst, s + ls)
            if 2 <= len(arms) <= 4 and _distinct_names(arms):
                return arms
    return []


def _condition_names(lst: str, offset: int) -> list[_Arm]:
    """The crossover conditions of a list, one per item; none unless every item is a usable name."""
    arms = []
    for a, b in split_items(lst):
        raw = lst[a:b]
        if _CROSS_VAGUE.search(raw):
            return []
        label = _short_form(raw) or _item_name(raw)
        label = _CROSS_FORM.sub("", label)
        if not _usable_name(label) or _PREP_END.search(label):
            return []
        arms.append(_Arm(label, offset + a, offset + b, rule="arms:crossover_conditions", item=(offset + a, offset + b)))
    return arms


_ANALYSED = compile_regex(r"\b(?:analy[sz]|complet|evaluabl|remain|follow)", regex.I)
_NUM_SPLIT = compile_regex(r"\s*,\s*(?:and\s+)?|\s+and\s+", regex.I)


def _respectively_from(sent: str, low: str) -> int:
    """Where a resp_n_labels match can start: it ends with "respectively" and holds no "." or
    ";", so not before the last one of those ahead of the first "respectively" (result
    sentences are full of decimals: the pattern then scans only the tail)."""
    first = low.find("respectively") if _plain_case(sent) else -1
    return max(low.rfind(".", 0, first), low.rfind(";", 0, first)) + 1 if first > 0 else 0


def _respectively(ctx: Context, sents: list[_S]) -> tuple[list[_Arm], list[_Arm]]:
    """Groups stated as a list: "32 and 31 subjects ... under the PHF and HAART arms, respectively"
    (per-arm n by position), "into three groups and were given A, B and C, respectively",
    "into two groups (i.e., control and experimental)". Returns (arms with n, arms of a list)."""
    rules = load_rules("arms")
    with_n: list[_Arm] = []
    listed: list[_Arm] = []
    for s, _e, sent, low, cues in sents:
        if "resp" in cues and "num" in cues:
            for m in rules.by_id("resp_n_labels").finditer(sent, _respectively_from(sent, low)):
                if _ANALYSED.search(sent, 0, m.start("labels")):
                    continue  # "The analysis concerned 392 and 389 patients ...": not the allocation
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
            if rid == "groups_paren" and not _followed_by(sent, low, ("groups", "arms"), ("(",), space=False):
                continue  # "into two groups (...)": the parenthesis follows the group word
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
