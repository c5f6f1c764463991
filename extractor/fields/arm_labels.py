"""Label text helpers for arms: cleaning a list item into the shortest usable name (determiners,
counts, doses and regimen words dropped; abbreviations and parenthesised names preferred),
splitting allocation lists into items, the content tokens that tell two names of one group
apart or together (``tokens``, ``_same``), the control-term test and whole-word search."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractor.fields.abbreviations import best_long_form
from extractor.fields.doses import _amounts
from extractor.regex_cache import compile_regex
from extractor.rules import load_lexicon
from extractor.words import content_tokens


@cache
def _rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile once (regex's own cache lookup is slow on hot paths)."""
    return compile_regex(pattern, flags)


# a comma between a digit and three more ("100,000 IU") groups thousands: no list separator
_NOT_THOUSANDS = r"(?<!\d,(?=\d{3}(?!\d)))"
_SPLIT = compile_regex(r"\s*," + _NOT_THOUSANDS + r"\s*(?:(?:or|and)\s+)?(?:to\s+)?|\s+(?:or|versus|vs\.?|and)\s+(?:to\s+)?", regex.I)

_LEAD = compile_regex(
    r"^(?:(?:either|receive|received|receiving|the|a|an|to|up\s+to|use|one|of|two|three|four|five|six|eight|ten|twelve|single|sessions?\s+of|groups?\s+\d+|group\s*[IVX\d]+|"
    r"(?:treatment|therapy)\s+with|(?:inhalations?|puffs?)\s+of|(?:weeks?|days?|months?)\s+of(?!\s+(?:therapy|treatment)\b)|"
    r"(?:(?:flexible|fixed|once[\s-]daily|twice[\s-]daily|daily|weekly|single)\s+)?doses?\s+of|"
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\s*(?:mg|g|mcg|μg|µg|IU|mL|ppm)\b))\s+|\(|\d+\)\s*)+",
    regex.I,
)
_TRAIL = compile_regex(r"(?<=\S)(?:\s+(?:groups?|arms?|treatment|treatment\s+groups?|condition|protocol|strategy|alone|only))+\s*$|\s*[,)(]+\s*$", regex.I)
_BARE_ADJ = frozenset({"conventional", "standard", "usual", "routine", "active", "medical", "surgical", "conservative"})
_GENERIC = compile_regex(r"^(?:infusions?|injections?|doses?|treatments?|therapy|tablets?|capsules?|sessions?|intervention|groups?)$", regex.I)
_NOISE = compile_regex(r"%|\b(?:was|were|had|did|is|are|p)\b|[<>=]|^\W*$|^\d", regex.I)

# words that never name an arm on their own: times and when ("1 day", "24 weeks", "after"), and
# lower-case length units ("02 mm"). Dose units are left out: "10 mg/day" names a dose arm.
_NOT_ARM_WORDS = frozenset(
    "day days week weeks month months year years hour hours hr hrs min mins minute minutes second seconds "
    "after before baseline".split())
_NOT_ARM_UNITS = frozenset("mm cm h".split())  # as written: "MM", "H" may be a group's abbreviation
_WORDS_AS_WRITTEN = compile_regex(r"[A-Za-z0-9]+")


# The label helpers marked @lru_cache are pure functions of their string: one abstract
# cleans the same text in several rules (a list item, its count, its dose passage; a label
# checked before and after the fallbacks) and names like "placebo" recur across abstracts,
# so a third to a half of their calls repeat one (arms CPU -4.5%).
@lru_cache(maxsize=2048)
def not_an_arm(label: str) -> bool:
    """A label made only of numbers, time words and length units ("1 day", "24 weeks", "after",
    "02 mm"), or a word left of a clause or a count that names no group (``_FILLER``)."""
    return _timed(label) or _filler(label)


@lru_cache(maxsize=2048)
def _timed(label: str) -> bool:
    """Only numbers, time words and length units; or a time point or a course with its preposition
    ("at 6 months", "after eight weeks", "for four cycles", "for one week")."""
    words = _WORDS_AS_WRITTEN.findall(label)
    if not words:
        return False
    if all(w.isdigit() or w.lower() in _NOT_ARM_WORDS or w in _NOT_ARM_UNITS for w in words):
        return True
    low = [w.lower() for w in words]
    return (low[0] in _TIME_PREPS and all(w.isdigit() or w in _TIME_POINT_WORDS for w in low)
            and any(w.isdigit() or w in _NUMBER_WORDS for w in low) and any(w in _COURSE_WORDS for w in low))


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
_COURSE_WORDS = _NOT_ARM_WORDS | frozenset("cycle cycles session sessions".split())
_TIME_PREPS = frozenset("at for after before during within over".split())
_TIME_POINT_WORDS = _TIME_PREPS | _NUMBER_WORDS | _COURSE_WORDS


# what is left of a clause or a count when a rule takes it for a name: "as" of ", as compared with
# standard care (SC)"; "each" of "100 patients in each group"; "with one" of "with one group using
# MR850 humidifier and the other PMH7000", "with 4 gilts each group", "with two (G1) or three (G2)
# clinical evaluations"; "significant" of "a significant main effect of group". "with the mask",
# "with conventional syringe" name a treatment and stay.
_FILLER_WORDS = frozenset("as each every either significant".split())
_FILLER = compile_regex(r"^with\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", regex.I)


# a name never ends in an article, a preposition or a conjunction: "coffee 29 in the" (of "coffee 29 in
# the group"), "disabilities of the", "tape versus semi-rigid and": text cut inside a phrase
# ("... three months or (n = 50) they received ..." is left alone: "or" may end an item cut at its count)
_CUT_ENDS = (" the", " an", " of", " in", " to", " with", " and", " for")


def _filler(label: str) -> bool:
    """A filler word, a "with" and a count, or a text cut inside a phrase (``_CUT_ENDS``)."""
    low = label.lower()
    return (low in _FILLER_WORDS or low.startswith("with ") and _FILLER.match(label) is not None
            or low.endswith(_CUT_ENDS))


_ROLE_WORDS = {"group", "arm", "treatment", "patient", "subject", "recipient", "participant", "the", "a", "an", "of", "with",
               "receiving", "treated", "condition", "therapy", "in"}

# regimen words dropped from labels (kept when nothing else is left); a unit at the start is
# no unit when a hyphen joins it to a name ("G-CSF", "L-arginine" keep their one-letter prefix)
_REGIMEN_WORDS = compile_regex(
    r"^(?:mg|g|mcg|μg|ml)\b(?!-\w)|\b(?:iv|i\.v\.|orally|intravenously|(?:once|twice|thrice)(?:[\s-](?:daily|a\s+day|weekly))?|daily|"
    r"(?:one|two|three|\d+)\s+(?:hours?|days?|weeks?)\s+(?:before|after)\b.*|(?<!\bfor\s)(?:one|two|\d+)\s+(?:hours?|h|min|minutes)$|every\s+(?:\d+\s+|other\s+)?(?:hours?|days?|weeks?|months?)|each\s+(?:morning|evening|night|day)|"
    r"by\s+(?:subcutaneous|intravenous|intramuscular|oral|intranasal)\b.*|"
    # dosing codes and cycles: "sorafenib 400 mg bid", "dacarbazine repeated on 3-week cycle"
    r"(?:one|two|three|four|\d+)\s+times\s+(?:a|per|each)\s+(?:day|week|month)|"
    r"(?-i:bid|tid|qid|BID|TID|QID)|repeated\s+(?:on|every)\b.*|(?:on|in)\s+(?:a\s+)?\d+-(?:week|day)\s+cycles?)\b",
    regex.I,
)


@lru_cache(maxsize=4096)
def tokens(label: str) -> frozenset[str]:
    """Content tokens of a label, plural -s dropped (as the scorer does), role words removed.

    Cached (and frozen, so no caller can change a shared value): one document compares the
    same few labels and abbreviations with each other many times (``_same``)."""
    return frozenset(content_tokens(label, _ROLE_WORDS))


_PARENS = compile_regex(r"\s*[(\[][^()\[\]]*[)\]]")
_OPEN_PAREN = compile_regex(r"\s*[(\[][^()\[\]]*$")
_QUOTES = compile_regex(r"^['\"‘“]+|['\"’”]+$")
_SPACES = compile_regex(r"\s+")
_GROUP_CODE = compile_regex(r"^(?:the\s+)?(?:group|arm)\s+(?=[A-Z]\b)")
# what a label must end with for _TRAIL to remove anything (compared after casefold, as
# the pattern ignores case)
_TRAIL_ENDS = ("group", "groups", "arm", "arms", "treatment", "condition", "protocol", "strategy", "alone", "only", ",", ")", "(")


# a label opening with a word that starts a clause or a phrase ("which received ...", "as BAT",
# "in the control group", "within 8 h of symptom onset") took that word from the sentence: a
# group's name never begins with it (written lower case, as a list item or a count's words)
_CLAUSE_STARTS = ("which", "within", "each", "for", "as", "in", "by", "during")
_CLAUSE_FIRST = frozenset(w[0] for w in _CLAUSE_STARTS)  # (a one-character test before startswith)
_CLAUSE_WORD = compile_regex(
    r"^(?:which(?:\s+(?:were\s+given|received|receiving|compared\s+(?:the\s+)?addition\s+of))?|for\s+receiving|within|each|for|as|in|by|during)"
    r"(?:\s+|$)")
_TIME_FILL = frozenset("up to about one two three four five six eight ten twelve".split())
_GROUP_END = compile_regex(r"\b(?:groups?|arms?)\W*$", regex.I)


def _after_clause_word(s: str, had_parens: bool) -> str:
    """A label without its clause word: the name after it where the words name a group (a verb
    of treatment before them, "which received X"; an upper-case name, "as BAT"; a control term,
    "in a control"; 'group' or a parenthesis after them, "in the intervention group", "in a new
    universal medium (GM501)"), else "" (no arm: "which", "as desired", "in a randomized",
    "within 8 h of symptom onset", "each of the following two regimens")."""
    m = _CLAUSE_WORD.match(s)
    if not m:
        return s
    lead, rest = m.group().split()[0], s[m.end():]
    if not rest:
        # a bare "as"/"each" stands for a name the rule did not reach ("X as compared with SC",
        # "the observation group each with 32 cases"): left as it was, with the other arm and the count
        return "" if lead in ("which", "in", "within") else s
    if lead in ("within", "each"):
        return ""
    if rest[:1].isdigit():
        # a count or a dose ("in 32 (27%) of 118 patients allocated to placebo", "which received
        # 37, 74, and 98 mg/m2 of UANL"): left to the count and dose rules
        return s
    if m.group().rstrip() != lead:  # a verb of treatment names what follows: "which received X"
        return rest
    if lead == "which" or rest.startswith("follows"):
        return ""
    words = _LEAD.sub("", rest).split()
    if " of " in rest or words and words[0].endswith("ing"):
        # a noun of a phrase ("in the use of a placebo control group") or a clause ("as having
        # non-erosive reflux disorder (NERD)"): left to the rules that read them
        return s
    if words and _ROLE_NAME.match(words[-1]) and len(words) == 1:
        return words[0]  # a role for a name: "as an intervention"
    if lead == "for":
        # a time ("for up to four years", "for one week") is no arm; other words are left as they were
        timed = words and all(w.isdigit() or w.lower() in _TIME_FILL or _timed(w) for w in words)
        return "" if timed else s
    named = (had_parens or any(c.isupper() for c in rest) or _GROUP_END.search(rest)
             or any(_control_re().search(w) for w in words))
    return rest if named else ""


@lru_cache(maxsize=2048)
def clean_label(raw: str, clause_word: bool = True) -> str:
    """Shortest usable phrase for an arm: determiners, "(n = 12)", "group", counts and doses dropped.

    ``clause_word=False`` keeps a leading clause word for a rule that reads it (text_versus
    rejects "in MA vs NHW adults", a comparison of populations, by its "in")."""
    # plain string tests first: each pattern runs only where it can change the label
    s = raw
    if "(" in s or "[" in s:
        for _ in range(3):  # parentheticals, nested ones too: "(n = 12)", "(320/9 μg ... [total dose 36 μg])"
            s, k = _PARENS.subn("", s)
            if not k:
                break
        s = _OPEN_PAREN.sub("", s)  # one cut short by the list's end: "diclofenac K (50 mg Oral"
    s = s.strip()
    if s[:1] in "'\"‘“" or s[-1:] in "'\"’”":
        s = _QUOTES.sub("", s)  # quoted names: "'intervention'"
    if "  " in s or not s.isprintable():  # any whitespace but a single space is not printable
        s = _SPACES.sub(" ", s)
    s = s.strip(" ,;:-")
    for _ in range(3):
        before = s
        s = _LEAD.sub("", s).strip()
        # after the lead's counts and determiners: "3 as BAT (n=20)"; a plain test before the pattern
        if clause_word and s[:1] in _CLAUSE_FIRST and s.startswith(_CLAUSE_STARTS):
            s = _after_clause_word(s, "(" in raw and raw.lstrip()[:1] != "(")
        if s.casefold().endswith(_TRAIL_ENDS):
            t = _TRAIL.sub("", s).strip()
            if t.lower() not in _BARE_ADJ:  # "conventional treatment", not "conventional"
                s = t
        if s == before:
            break  # a pass that changed nothing would change nothing again
    if s.startswith(("the", "group", "arm")):
        s = _GROUP_CODE.sub("group ", s)
    words = s.split()
    return " ".join(words[:10])


_DIGIT = compile_regex(r"\d")
_AMOUNT_WORDS = compile_regex(r"\d+(?:\.\d+)?\s*(?:mg|g|mcg|μg|µg|IU|mL)\b|\+|\d+")
_LINK_END = compile_regex(r"\b(?:of|at|with)\s*$")


@lru_cache(maxsize=2048)
def _nwords(label: str) -> int:
    """Words of a label, amounts and units not counted ("10 mg L + 2 mg total Z" has 3)."""
    if "+" not in label and not _DIGIT.search(label):
        return len(label.split())  # nothing to drop: every part of the pattern needs "+" or a digit
    return len(_AMOUNT_WORDS.sub(" ", label).split())


@lru_cache(maxsize=2048)
def _strip_doses(label: str) -> tuple[str, str | None]:
    """Remove dose amounts from a label; returns (label, unit of a removed cell dose)."""
    ds = _amounts(label)  # the amounts alone: no regimen is read
    cell_unit = None
    for start, amount_end, _value, unit, _rid in reversed(ds):
        if unit and unit.startswith("cells"):
            cell_unit = "cells"
        label = label[:start] + " " + label[amount_end:]
    if ds or "  " in label or not label.isprintable():
        label = _SPACES.sub(" ", label)
    label = label.strip()
    if label.endswith(("of", "at", "with")):  # "20 g of creatine" -> "creatine", not "of creatine"
        label = _LINK_END.sub("", label).strip()
    return label, cell_unit


@cache
def _control_re() -> regex.Pattern[str]:
    """One pattern for every control term of the lexicon (compiled once)."""
    lex = load_lexicon("control_terms").entries
    terms = "|".join(regex.escape(t) for t in sorted(lex["terms"], key=len, reverse=True))
    prefixes = "|".join(regex.escape(p) for p in lex["prefix_terms"])
    return compile_regex(rf"\b(?:{terms})\b|^(?:{prefixes})", regex.I)


# "standard care plus CTCA", "conventional therapy plus hydrocortisone": the control regimen
# with something added is the intervention of an add-on trial
_ADD_ON = compile_regex(r"^(?:conventional|standard|usual|routine)\b.*?(?:\s(?:plus|with|combined\s+with)\s|\s?\+\s?)\S", regex.I)


_ADD_ON_ALIAS = compile_regex(r"(?:conventional|standard|usual|routine)\s+(?:[\w-]+\s+){0,2}?(?:plus|combined\s+with|\+)\s", regex.I)
_WITHOUT = compile_regex(r"\bwithout\s", regex.I)
_ACTIVE_SALINE = compile_regex(r"\bhypertonic\s+saline\b", regex.I)


def _is_control(label: str, aliases: list[str]) -> bool:
    # (one document asks about the same few names many times: the answers are cached)
    return _is_control_names(label, tuple(aliases))


@lru_cache(maxsize=4096)
def _is_control_names(label: str, aliases: tuple[str, ...]) -> bool:
    if _ADD_ON.search(label):
        return False
    if _WITHOUT.search(label):
        return True  # "CP without sorafenib": the regimen without the studied add-on
    # an alias "standard treatment plus MZR" names the add-on arm, not the control ("the standard
    # treatment of quinine with SP" is the control)
    # "hypertonic saline" is a treatment (of hyponatraemia, bronchiolitis), not the saline of a placebo
    return any(_control_re().search(_ACTIVE_SALINE.sub("", name) if "ypertonic" in name else name)
               for name in (label, *aliases) if name is label or not _ADD_ON_ALIAS.match(name))


_NEGATION = compile_regex(r"(?:^|\b(?:the|in|of|to)\s+)(?:no|without)\s+(?=\w)", regex.I)


def _negated(label: str) -> bool:
    """"no aspirin", "patients in the no aspirin": a group named by what it does not get."""
    return _NEGATION.search(label) is not None


def _same(a: str, b: str, abbrevs: dict[str, str]) -> bool:
    if a.lower() == b.lower():
        return True  # "group A": its only token is a role word, so token sets cannot tell
    ta, tb = tokens(a), tokens(b)
    if ("no" in ta or "without" in ta) != ("no" in tb or "without" in tb) and _negated(a) != _negated(b):
        return False  # "no aspirin" is the group that does not get aspirin
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    if not abbrevs:
        return False
    for sl, lsl in _abbrev_sets(tuple(abbrevs.items())):
        if (sl <= ta and tb and tb <= lsl) or (sl <= tb and ta and ta <= lsl):
            return True
    return False


@lru_cache(maxsize=256)
def _abbrev_sets(items: tuple[tuple[str, str], ...]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(tokens of the short form, tokens of both forms) of every abbreviation whose short form
    has content tokens: one document compares many label pairs against the same abbreviations."""
    out = []
    for short, long in items:
        sl = tokens(short)
        if sl:
            out.append((sl, tokens(long) | sl))
    return tuple(out)


# the only places split_items acts on: brackets, commas, and a run of whitespace that a
# separator may start, i.e. one followed by a comma or a list word (_SPLIT can match from a
# space only there, and from a later space of the run only where it can from the first: a
# list of 60 words is 5-10 marks, not 60)
_ITEM_MARK = compile_regex(r"[(\[)\],]|\s+(?=,|(?:or|versus|vs\.?|and)\s)", regex.I)


def split_items(lst: str) -> list[tuple[int, int]]:
    """Spans of the comma/or/versus-separated items of an allocation list (parentheses kept)."""
    spans, depth, start, resume = [], 0, 0, 0
    for mk in _ITEM_MARK.finditer(lst):
        i = mk.start()
        if i < resume:
            continue  # inside the separator just taken
        c = lst[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (c == "," or i > 0 or mk.end() > 1):
            if i == 0 and c != ",":
                i = 1  # no separator starts the list: a leading run is tried from its second space
            m = _SPLIT.match(lst, i)
            if m and m.end() > i:
                spans.append((start, i))
                start = resume = m.end()
    spans.append((start, len(lst)))
    return [(s, e) for s, e in spans if lst[s:e].strip()]


def _whole_short_form(raw: str) -> str | None:
    """The abbreviation of the whole item ("Walking and Behavioural intervention (WB)"), not of
    its last part ("basiliximab + belatacept + mycophenolate mofetil (MMF)")."""
    m = _SF_PAREN.search(raw)
    sf = _short_form(raw)
    if not m or not sf:
        return None
    long = best_long_form(sf, clean_label(raw[: m.start()]))
    return sf if long and tokens(long) == tokens(clean_label(raw[: m.start()])) else None


_N_MARK = compile_regex(r"\bn\s*=\s*\d")


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


_WITH_END = compile_regex(r"\swith$", regex.I)
_WITHOUT_START = compile_regex(r"^without\s+(?=\S)", regex.I)
_WO_TAIL = compile_regex(r"\s+(?:given|administered|prior|before|after|at|for|during|in|on|combined|to|or|versus|vs)\b|\s*[(,;:]|\.(?!\d)", regex.I)


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
    x = _item_name(_WITH_END.sub("", x_raw.rstrip()))
    y = _item_name(y_raw)
    if x and y and not _NOISE.search(x) and not _NOISE.search(y) and _nwords(x) <= 5 and _nwords(y) <= 5:
        return x, y
    return None


@lru_cache(maxsize=2048)
def _strip_regimen(label: str) -> str:
    """Route, frequency and timing words are part of the regimen, not the group's name
    ("placebo once daily" -> "placebo", "mg N-acetylcysteine iv one hour" -> "N-acetylcysteine")."""
    out = _REGIMEN_WORDS.sub(" ", label)
    out = _rx(r"\s+").sub(" ", out).strip(" ,;:-")
    return out if tokens(out) else label


def _item_name(raw: str) -> str:
    """The name of a list item: the text cleaned, then its doses dropped, then its regimen words
    (each list reader names its items so)."""
    return _strip_regimen(clean_label(_strip_doses(clean_label(raw))[0]))


# "a 16-week lifestyle intervention", "a 10-mm transumbilical group": a duration or size written
# as an adjective before the name (a label may not start with a number)
# ... but "12-weeks of HIT", "a 10-day course of zinc", "8-week treatment with placebo", "6-week
# trials": what follows is the regimen's or the study's span, not a name
_LEAD_MEASURE = compile_regex(
    r"^\d+(?:\.\d+)?-(?:weeks?|days?|months?|years?|hours?|h|minutes?|min|mm|cm|sessions?)\s+(?=[A-Za-z])"
    r"(?!(?:[\w-]+\s+){0,2}(?:of|with)\b|(?:trials?|studies|study|follow-up|period|phase|treatments?|courses?|cycles?|sessions?)\b)", regex.I)


def _strip_lead_measure(label: str) -> str:
    """A label without a leading duration or size adjective ("16-week lifestyle intervention" ->
    "lifestyle intervention"), where one is there (a plain test first)."""
    if not label[:1].isdigit():
        return label
    m = _LEAD_MEASURE.match(label)
    return label[m.end() :] if m and tokens(label[m.end() :]) else label


_VIA = compile_regex(r"\s+via\s.*$", regex.I)


_CODE_END = compile_regex(r"\s+(?:[bqt]\.i(?:\.d)?|[oq]\.d|[bqt])\.?$", regex.I)


@lru_cache(maxsize=2048)
def _strip_via(label: str) -> str:
    """"placebo via Turbuhaler® in a parallel group study", "intensive nurse case management via
    televisits": the device or channel is part of the regimen, not the group's name; but a single
    word left that is not a control term ("insulin via the closed-loop system") needs it. A dosing
    code at the end ("octylonium t.i") is regimen too."""
    if "." in label:
        code = _CODE_END.search(label)
        if code and tokens(label[: code.start()]):
            label = label[: code.start()]
    if " via " not in label.lower():
        return label
    out = _VIA.sub("", label).strip()
    if len(tokens(out)) >= 2 or tokens(out) and _is_control(out, []):
        return out
    return label


def _has_control_word(low: str) -> bool:
    """Cheap gate for :func:`_paren_counts`, which keeps only pairs with a control."""
    return "control" in low or "placebo" in low or "usual" in low or "standard" in low or "sham" in low


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


_RESP_SPLIT = compile_regex(r"\s*," + _NOT_THOUSANDS + r"\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", regex.I)

_SF_PAREN = compile_regex(r"\((?P<sf>[A-Za-z][\w+/-]{1,9})\)")


def _short_form(raw: str) -> str | None:
    """"highly active antiretroviral treatment (HAART)" -> "HAART": the abbreviation the
    abstract defines for the item is the shortest phrase for the group."""
    m = _SF_PAREN.search(raw) if "(" in raw else None
    if not m or not any(c.isupper() for c in m.group("sf")):
        return None
    before = clean_label(raw[: m.start()])
    # a one-word name ("control (CON)", "intervention group (IG)") is already the shortest
    if len(tokens(before)) >= 2 and best_long_form(m.group("sf"), before):
        return m.group("sf")
    return None


_GROUP_PAREN = compile_regex(
    r"\((?:the\s+)?(?P<name>[\w/+-]+(?:\s+[\w/+-]+)?)\s+(?:group|arm|treatment|condition)\)\s*$", regex.I)

_ROLE_NAME = compile_regex(r"^(?:experimental|study|intervention|treatment|treated|active|control|test|early|late|new|case)$", regex.I)


def _group_paren(raw: str) -> str:
    """The group's own name in a closing parenthesis: "(game group)", "(FAST treatment)"."""
    raw = raw.strip()
    m = _GROUP_PAREN.search(raw) if raw.endswith(")") else None
    if not m or _rx(r"^(?:\d|n\b|each\b|per\b|same\b|this\b|that\b|one\b|two\b|first\b|second\b)", regex.I).match(m.group("name")):
        return ""
    name = m.group("name")
    return f"group {name}" if _rx(r"^[A-Z]{1,2}\d?$|^[IVX]{1,4}$").match(name) else name


def _paren(raw: str) -> str:
    """The name in a closing parenthesis: an acronym ("(IMPaCT)") or a control term ("(treatment as usual)")."""
    raw = raw.strip()
    m = _rx(r"\(([^()]{2,40})\)\s*$").search(raw) if raw.endswith(")") else None
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
        label = _short_form(raw) or _item_name(raw)
        if _rx(r"^[A-Z]$|^[IVX]{1,4}$").match(label):
            label = "group " + label  # "three groups (A, B, C ...)"
        if label and not _NOISE.search(label) and (tokens(label) or label.startswith("group ")) and len(label.split()) <= 6:
            out.append((label, pos + lead, end))
        else:
            return []
        if m:
            pos = m.end()
    return out
