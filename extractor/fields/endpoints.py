"""Outcomes the report calls primary or secondary (patterns/endpoints.json).

Three ways a report names them:

* a head followed by the outcome(s): "The primary endpoint was X", "Secondary outcomes
  included X, Y and Z", "... for the primary endpoint of X";
* the outcome as subject: "X was used as a secondary indicator";
* a parenthetical: "(X, primary outcome measures)";
* a bracket labelling the outcome before it: "Cough (primary outcome) was ...". The outcome runs
  back from the bracket to the clause break, preposition or verb before it (``_before_tag``).

The outcome phrase after a head runs to the end of the sentence, or to the next head in the
same sentence ("..., and the secondary outcomes were ..."), or to a trailing method clause
(", accounting for ...", ", determined by ..."). A list becomes one entry per outcome: it is
split at ";", "," and "and" outside brackets, except where "and" joins modifiers of one
outcome (endpoint_coordination lexicon: "mental and physical health components"), inside a
composite, "between A and B", or after "defined by"/"assessed by". A schedule of several
time points ("at 1, 3, 6, and 12 months") is moved to ``timeframe``; a single time point stays
in the text and is copied to ``timeframe``. Outcomes that are only a result ("were twice as
inferior") or a time point are dropped. Only labelled outcomes are returned (no "other").
Text with unbalanced brackets (PDF damage) is kept whole rather than split.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.records import Endpoint
from extractor.rules import load_lexicon, load_rules
from extractor.scan import finditer_at

FIELD = "endpoints"

_GATE = re.compile(r"primary|secondary", re.I)
# every head, subject, paren, tag and of_head rule reads a kind word and then one of these
# (<<noun>> in patterns/endpoints.json, or head_paren's "outcome|end point|efficacy"): a sentence
# without any of them is skipped (a third of the sentences that say "primary" or "secondary")
_NOUN_WORDS = ("end point", "end-point", "variable", "parameter", "measure", "assessment", "readout", "criteri",
               "indicator", "efficacy")
# (?<!\s): a separator starts where its run of spaces does; tried at each space of a long run,
# each reading the run to its end, the scan was quadratic (10,000 spaces: 1 s)
_BRACKET = re.compile(r"[()\[\]]")
_SEP = re.compile(r";\s+(?:and\s+)?|,\s+(?:and\s+|as\s+well\s+as\s+)?|(?<!\s)\s+and\s+|(?<!\s)\s+as\s+well\s+as\s+")
_SHARED_SUFFIX = re.compile(r"\w-(?:based|related|induced|associated|specific|dependent|free|adjusted)$", re.I)
_BARE_NUMBER = re.compile(r"\d+(?:[-–]\d+)?")
# a clause that ends a list: "and productivity", "maximum extension and the neutral position"
_LIST_TAIL = re.compile(r"(?:and|or)\s|.*?\s(?:and|or)\s")
# an earlier "item" that opens the sentence instead ("After 4 weeks", "In the ITT population") or
# holds a verb of its own
_NOT_LIST_ITEM = re.compile(
    r"(?:after|at|in|during|following|for|to|from|of|on|overall(?=\s*$)|however|additionally|moreover|also|then|finally|"
    r"furthermore|thus|therefore|here|similarly|besides|both|with|within|by|since|as|when|while|although|because|if|"
    r"among|using|compared|[A-Z]+:)\b|.*\b(?:was|were|is|are|had|has|have)\b", re.I)
_MAX_LIST_ITEM_WORDS = 8
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
_DIGIT = re.compile(r"\d")
_TIME_UNITS = ("day", "week", "month", "year")
_TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}$")
_NAME_ENDS = frozenset(
    "assessment scale index score questionnaire inventory test survey rating impression profile measure battery "
    "status evaluation count checklist examination".split()
)
_CONNECTIVE_END = re.compile(r"(?:[,;]\s*(?:and\s+|while\s+|whereas\s+)?|\s+and\s+)(?:the\s+|a\s+)?(?:key\s+)?$")
_LEAD_TRIM = re.compile(r"(?:and|or|as\s+well\s+as|also|:|e\.g\.,?|i\.e\.,?)\s+", re.I)
# what follows an outcome's name without naming it: a definition in brackets ("overall survival
# (defined as the time from randomisation until death)") and the analysis set ("renal outcome
# in intention-to-treat analysis"); a definition outside brackets stays ("..., defined by change
# in DG and PSR")
_TRAILING_QUALIFIER = re.compile(
    r"\s*\((?:defined|measured|assessed|calculated)\s+(?:as|by|using|with)\b[^()]*\)$"
    r"|,?\s+(?:in|for)\s+(?:the\s+)?(?:modified\s+)?(?:intention[- ]to[- ]treat|ITT|mITT|per[- ]protocol|full\s+analysis)"
    r"(?:\s+(?:analysis|analyses|population|set|cohort))?$", re.I)


# where an outcome named before its "(primary outcome)" tag starts: after a preposition or verb
# that introduces it ("for past week drinking (primary outcome)", "whether humour therapy reduces
# depression (primary outcome)", "using the Checklist ... subscale (primary outcome)"). "in",
# "of", "to", "at", "with" and "from" are left out: they occur inside outcomes ("change in X",
# "time to first bowel movement", "proportion of patients with ...", "BP at week 16")
_TAG_STOP = frozenset(
    "for on by between among than that which who whom whether using via regarding about including included "
    "includes include as when while where because if versus vs was were is are be been being has have had "
    "showed shows show found find reached met achieved demonstrated observed reported examine examined evaluate "
    "evaluated assess compare compared determine analyse analyze monitor investigate reduce reduces "
    "improve improves increase increases decrease decreases affects reducing improving increasing decreasing "
    "besides".split()
)
_TAG_TOKEN = re.compile(r"[()\[\]]|[,;:](?=\s|$)|(?:[^\s()\[\],;:]|[,;:](?!\s|$))+")
# a tag's opening bracket to its kind word: "[(\[]\s*(?:[^()\[\];]{1,40};\s*)?(?:the\s+|a\s+|our\s+)?"
# spans at most 1 + 40 + 1 + 4 characters (and a few spaces)
_TAG_REACH = 60
# rules whose match starts where <<kind>> does, after lookbehinds only (tests/test_endpoints.py
# checks their patterns)
STARTS_AT_KIND = frozenset({"head_copula", "head_paren_after", "head_apposition"})
# paren rules that read a bracket ("(X, primary outcome measures)", "primary outcomes (X and Y)"):
# skipped in a sentence without one (tests/test_endpoints.py checks their examples need it)
NEEDS_BRACKET = frozenset({"head_paren", "head_paren_after"})
# "primary" to " of " in "primary efficacy outcome measures of": kind word, noun and its prefix
_OF_WINDOW = 45
# a tag after a time point labels the time, not an outcome ("after treatment (primary endpoint)")
# ("The week 16 (secondary endpoint) mean change ...")
_TIME_LEAD = re.compile(
    r"(?:at|after|before|during|within|on\s+day)\b(?!\s+least\b)|(?:the\s+)?(?:day|week|month|year)\s+\d+\s*$", re.I)


@cache
def _lex() -> tuple[frozenset[str], frozenset[str]]:
    e = load_lexicon("endpoint_coordination").entries
    return frozenset(e["adjectives"]), frozenset(e["shared_heads"])


@cache
def _rules(label: str):
    # a tuple built once per label: asked several times per sentence
    return tuple(r for r in load_rules("endpoints").rules if r.label == label)


def _kind(word: str) -> str:
    return "secondary" if "secondary" in word.lower() else "primary"


def _balanced(s: str) -> bool:
    return s.count("(") == s.count(")") and s.count("[") == s.count("]")


def _last_clause_break(norm: str, s: int, e: int) -> int:
    """Position of the last ", ", "; " or ": " in norm[s:e] outside brackets, or -1
    ("Depression (Beck Depression Inventory II; BDI-II) was assessed as ...": the ";" is inside)."""
    depth = 0
    cut = -1
    for i in range(s, e - 1):
        c = norm[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and c in ",;:" and norm[i + 1] == " ":
            cut = i
    return cut


def _before_tag(norm: str, ss: int, pos: int) -> int:
    """Start of the outcome that ends at the tag bracket at ``pos``: back over words (and whole
    brackets) to a clause break, an opening bracket that encloses the tag, a stop word, or an
    "and"/"or" before a lower-case word ("machine and time to first bowel movement (primary
    outcome)"; "Anxiety and Depression Scale" is one name). ``pos`` if no word precedes."""
    toks = list(_TAG_TOKEN.finditer(norm, ss, pos))
    start = pos
    depth = 0
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        w = t.group()
        if w in ")]":
            depth += 1
        elif w in "([":
            if depth == 0:
                break
            depth -= 1
        elif depth:
            pass
        elif w in ",;:" or (w.lower() in _TAG_STOP and (w.islower() or k == 0 or toks[k - 1].group() in ",;:")):
            # a capital word is a stop word only where a clause starts ("RESULTS: Between groups no
            # difference in the global GMA (primary outcome)"); inside, it is part of a name
            # ("Positive and Negative Affect Schedule")
            break
        elif w.lower() in ("and", "or") and not norm[start : start + 1].isupper():
            break
        start = t.start()
    return start


_COPULA_END = re.compile(r"\b(?:was|were|is|are)\s+$", re.I)
_WITH_LEAD = re.compile(r"with\s+", re.I)
_PARTICIPLE = re.compile(r"[a-z]+ed\b")
_AND_OR_END = re.compile(r"\b(?:and|or)\s+$", re.I)
_WORD = re.compile(r"[A-Za-z]+")


def _before_as(norm: str, ss: int, pos: int) -> tuple[int, int]:
    """The outcome named before its "as the primary outcome" at ``pos``: back as from a tag bracket
    ("These data included the number of sickness absence days as the primary outcome", "the impact
    of abatacept on MRI pathology as a primary outcome"), less a leading "with" ("with body mass
    index (BMI) as the primary outcome"); where that stops at a verb after "was"/"were", the
    outcome is the clause's subject ("The PDQ and CGI were analyzed in a prespecified hierarchical
    testing sequence as key secondary end points")."""
    start = _before_tag(norm, ss, pos)
    cop = _COPULA_END.search(norm, ss, start)
    # "were analyzed in ...", "were combined": a verb, not the outcome ("endpoints were Rec-Met rate as ...")
    if cop is not None and _PARTICIPLE.match(norm, start, pos):
        return _subject_start(norm, ss, cop.start()), cop.start()
    if start < pos and _AND_OR_END.search(norm, ss, start):
        # stopped at the "and" of a list: the list's earlier items, back to the clause break, where
        # they hold no verb or preposition that would end the walk ("..., and progression free
        # survival (PFS), overall survival (OS) and safety assessments as secondary endpoints")
        sub = _subject_start(norm, ss, pos)
        if sub < start and not any(w.lower() in _TAG_STOP for w in _WORD.findall(norm, sub, start)):
            return sub, pos
    w = _WITH_LEAD.match(norm, start, pos)
    return (w.end() if w else start), pos


def _token_starts_back(low: str, ss: int, k: int, n: int) -> list[int]:
    """The starts of the token holding ``k`` and of up to ``n - 1`` tokens before it, nearest
    first (none before ``ss``)."""
    out = []
    j = k
    for _ in range(n):
        while j > ss and not low[j - 1].isspace():
            j -= 1
        out.append(j)
        while j > ss and low[j - 1].isspace():
            j -= 1
        if j <= ss:
            break
    return out


def _token_before(low: str, ss: int, k: int) -> int:
    """The start of the token before the one holding ``k`` ("key secondary", "co primary"), or
    ``ss`` where none is."""
    starts = _token_starts_back(low, ss, k, 2)
    return starts[1] if len(starts) > 1 else ss


def _has_noun_word(low: str, ss: int, se: int) -> bool:
    # the two commonest first, each a C-level find: cheaper than an alternation regex or a generator
    if low.find("outcome", ss, se) >= 0 or low.find("endpoint", ss, se) >= 0:
        return True
    for w in _NOUN_WORDS:
        if low.find(w, ss, se) >= 0:
            return True
    return False


def _kind_positions(low: str, ss: int, se: int) -> list[int]:
    """Where "primary" or "secondary" occurs in low[ss:se] (``low`` lower-cased, plain case)."""
    out = []
    for word in ("primary", "secondary"):
        i = low.find(word, ss, se)
        while i >= 0:
            out.append(i)
            i = low.find(word, i + 1, se)
    return out


def _brackets_before(low: str, ss: int, kinds: list[int]) -> list[int]:
    """The nearest "(" or "[" before each kind word, within the reach of a tag's opening
    ("(HRQoL; the primary outcome)"): the only places a tag_paren match can start."""
    out = set()
    for k in kinds:
        lo = max(ss, k - _TAG_REACH)
        b = max(low.rfind("(", lo, k), low.rfind("[", lo, k))
        if b >= 0:
            out.add(b)
    return sorted(out)


def _word_starts_before(low: str, ss: int, kinds: list[int]) -> list[int]:
    """For each kind word, the start of its own token and of the two before it: where a rule that
    reads "(the|our)? (key|co-)?primary ..." can start."""
    return sorted({j for k in kinds for j in _token_starts_back(low, ss, k, 3)})


def _named_before(seen: set[tuple[str, str]], kind: str, text: str) -> bool:
    """Whether an outcome of this kind already read is this text, or a whole-word part of it or it
    of that ("Besides the global GMA" after "the global GMA")."""
    for k, t in seen:
        if k == kind and (re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text) or re.search(rf"(?<!\w){re.escape(text)}(?!\w)", t)):
            return True
    return False


def _subject_start(norm: str, ss: int, hs: int) -> int:
    """Start of the outcome(s) before a subject head at ``hs``: after the last clause break, or, where
    that clause ends a list ("Mood, energy level, fatigue, and productivity were explored as
    secondary outcomes"), at the list's first item: back over ", " while each earlier item is short
    and is not an opening phrase ("After 4 weeks, peak and trough FEV1 were assessed as ...")."""
    cut = _last_clause_break(norm, ss, hs)
    if cut < 0:
        return ss
    a = cut + 2
    if not _LIST_TAIL.match(norm, a, hs):
        return a
    while cut >= 0 and norm[cut] == ",":
        prev = _last_clause_break(norm, ss, cut)
        b = prev + 2 if prev >= 0 else ss
        item = norm[b:cut]
        if len(item.split()) > _MAX_LIST_ITEM_WORDS or _NOT_LIST_ITEM.match(item):
            break
        a, cut = b, prev
    return a


def _split(ctx: Context, s: int, e: int) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Split text[s:e] into outcome items: (start, end, schedule span or None)."""
    norm = ctx.norm
    body = norm[s:e]
    if not _balanced(body):
        return [(s, e, None)]
    # schedules: protected from splitting, and cut from the item they follow
    schedules: list[tuple[int, int]] = []
    for r in _rules("schedule"):
        schedules += [(s + m.start(), s + m.end()) for m in r.finditer(body)]
    seps = {m.start() + s: m.end() + s for m in _SEP.finditer(body)}
    if not seps:  # one outcome ("30-day mortality"): nothing to split, no no-split words to find
        sched = next(((x, y) for x, y in schedules if s < x < e), None)
        return [(s, sched[0] if sched else e, sched)]
    # past a no-split word, the rest of the phrase (up to the next ";") is one outcome
    nosplit: list[tuple[int, int]] = []
    for r in _rules("nosplit"):
        for m in r.finditer(body):
            semi = body.find(";", m.end())
            nosplit.append((s + m.start(), s + semi if semi >= 0 else e))
    adjectives, heads = _lex()
    cuts: list[tuple[int, int]] = []
    depth = 0
    i = s
    # only a bracket or a separator start changes anything: the scan visits those positions in
    # order (each at most once, past the end of a separator taken), not every character
    for i_next in sorted({*(m.start() + s for m in _BRACKET.finditer(body)), *seps}):
        if i_next < i:
            continue
        i = i_next
        c = norm[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif (depth == 0 and i in seps and not any(a <= i < b for a, b in schedules)
              and (norm[i] == ";" or not any(a <= i < b for a, b in nosplit))):
            j = seps[i]
            # the last words of the item so far (only its last two and whether there are more are
            # read) and the first word after the separator: splitting the whole rest for each
            # separator was quadratic in a long list
            left = norm[cuts[-1][1] if cuts else s : i].rsplit(None, 2)
            right = norm[j:e].split(None, 1)[:1]
            is_and = norm[i:j].strip().lower() == "and"
            is_comma = norm[i] == ","
            # "physical, mental and social functioning": modifiers of one outcome; a bracket after the
            # modifier is its own ("peak (0-4 h) and trough (24-26 h) FEV1")
            modifier = left[-1:]
            if modifier and modifier[0].endswith(")"):
                modifier = _TRAILING_BRACKET.sub("", norm[cuts[-1][1] if cuts else s : i]).split()[-1:]
            if (is_and or is_comma) and modifier and modifier[0].lower() in adjectives:
                i = j
                continue
            if is_and and left and (
                # "incidence and severity of nausea", "the incidence and severity of nausea"
                (left[-1].lower() in heads and (len(left) == 1 or (len(left) == 2 and left[0].lower() in ("the", "a"))))
                # "Psoriasis Area and Severity Index": "and" inside a title-case instrument name
                # (not after a complete name: "Investigators Global Assessment and Dermatology ...")
                or (right and _TITLE_WORD.match(left[-1]) and _TITLE_WORD.match(right[0])
                    and left[-1].lower() not in _NAME_ENDS)
                # "pressure and flow-based variables": the hyphenated suffix is shared
                or (len(left) == 1 and right and _SHARED_SUFFIX.search(right[0]))
                # "CAR from weeks 5-10 and 5-22", "3 and 6 months PFS-Rates": numbers of one outcome
                or (right and _BARE_NUMBER.fullmatch(left[-1]) and _BARE_NUMBER.fullmatch(right[0].rstrip(",;:.")))
            ):
                i = j
                continue
            cuts.append((i, j))
            i = j
            continue
        i += 1
    items = []
    start = s
    for a, b in [*cuts, (e, e)]:
        items.append((start, a))
        start = b
    out = []
    for a, b in items:
        sched = next(((x, y) for x, y in schedules if a < x < b), None)
        if sched:
            b = sched[0]
        out.append((a, b, sched))
    return out


def _clean(ctx: Context, a: int, b: int, plain: bool = False) -> tuple[int, int]:
    t = ctx.norm
    while a < b and t[a] in " ,;:":
        a += 1
    m = _LEAD_TRIM.match(t, a, b)
    if m:
        a = m.end()
    while b > a and t[b - 1] in " ,;:.":
        b -= 1
    # (where the lower-cased text is an exact gate, a literal test first: most phrases have neither)
    if (t[b - 1 : b] == ")" and (not plain or ctx.low.find("(", a, b) >= 0)) or (
            t[b - 1 : b].isalpha() and (not plain or _qualifier_word(ctx.low, a, b))):
        q = _TRAILING_QUALIFIER.search(t, a, b)
        if q is not None and q.start() > a:
            b = q.start()
    return a, b


def _qualifier_word(low: str, a: int, b: int) -> bool:
    # the words _TRAILING_QUALIFIER's analysis-set branch needs ("intention-to-treat", "ITT",
    # "mITT", "per protocol", "full analysis"): most phrases have none, and then no regex runs
    return any(low.find(w, a, b) >= 0 for w in ("intention", "itt", "per", "full"))


def _rejected(text: str) -> bool:
    # a reject rule reads the phrase from its start ("^..."): match, not search, which would try
    # the anchored pattern again at every later position
    return any(r.regex.match(text) for r in _rules("reject"))


def _may_name_time(ctx: Context, a: int, b: int) -> bool:
    """Whether norm[a:b] has what every timeframe rule needs: a digit, or a number word before
    day/week/month/year ("thirty-day"). Only exact where ctx.low is (plain case)."""
    return _DIGIT.search(ctx.norm, a, b) is not None or any(ctx.low.find(w, a, b) >= 0 for w in _TIME_UNITS)


def _timeframe(ctx: Context, a: int, b: int, sched: tuple[int, int] | None, plain: bool = False) -> str | None:
    if sched:
        x, y = _clean(ctx, *sched)
        return ctx.text[x:y]
    if plain and not _may_name_time(ctx, a, b):
        return None  # most outcomes name no time: no regex
    for r in _rules("timeframe"):
        m = r.regex.search(ctx.norm, a, b)
        if m:
            return ctx.text[m.start() : m.end()]
    return None


def extract(ctx: Context) -> list[Endpoint]:
    # "mary"/"econdary" in the shared lower-cased text first: a C-level test that most abstracts
    # fail; re.I folds no other character to these letters, so no match is lost. Where
    # plain_case holds, "primary"/"secondary" there is exactly _GATE (no regex at all).
    low = ctx.low
    plain = plain_case(ctx.norm)
    if not ("mary" in low or "econdary" in low):
        return []
    if plain:
        if "primary" not in low and "secondary" not in low:
            return []
    elif not _GATE.search(ctx.norm):
        return []
    norm = ctx.norm
    out: list[Endpoint] = []
    seen: set[tuple[str, str]] = set()
    spans: list[tuple[int, int]] = []  # what was read, so that a tag does not read it again
    tags: list[tuple[int, int, str, str]] = []  # (outcome start, tag start, kind, rule id)

    def add(kind: str, a: int, b: int, rid: str, sched=None) -> None:
        a, b = _clean(ctx, a, b, plain)
        if b - a < 2 or _rejected(norm[a:b]):
            return
        key = (kind, norm[a:b].lower())
        if key in seen:
            return
        seen.add(key)
        spans.append((a, b))
        tf = _timeframe(ctx, a, b, sched, plain)
        out.append(Endpoint(kind=kind, timeframe=tf, **ctx.evidence(a, b, rule=rid)))  # type: ignore[arg-type]

    for _i, ss, se in ctx.sentences():
        if plain:
            p, q = low.find("primary", ss, se), low.find("secondary", ss, se)
            if p < 0 and q < 0:
                continue
            if not _has_noun_word(low, ss, se):
                continue  # "primary care", "secondary analysis": no rule can match
            # a rule that starts at its kind word ("key secondary", "co-primary") starts at most one
            # token before the first "primary"/"secondary": it is scanned from there
            at_kind = _token_before(low, ss, q if p < 0 else p if q < 0 else min(p, q))
        elif (low.find("mary", ss, se) < 0 and low.find("econdary", ss, se) < 0) or not _GATE.search(norm, ss, se):
            continue
        else:
            at_kind = ss
        heads = []  # (match start, body start, kind, rule id)
        for r in _rules("head"):
            for m in r.finditer(norm, at_kind if r.id in STARTS_AT_KIND else ss, se):
                heads.append((m.start(), m.end(), _kind(m.group("kind")), r.id))
        subjects = []
        for r in _rules("subject"):
            for m in r.finditer(norm, ss, se):
                subjects.append((m.start(), m.end(), _kind(m.group("kind")), r.id))
        # "X as the primary outcome": only where " as " stands a few words before a kind word
        as_tags = []
        if low.find(" as ", ss, se) >= 0 or low.startswith("as ", ss):
            near = None if not plain else [
                j for k in _kind_positions(low, ss, se) for j in _token_starts_back(low, ss, k, 4)[1:]
                if low.startswith("as ", j)]
            if near is None or near:
                for r in _rules("as_tag"):
                    found = r.finditer(norm, ss, se) if near is None else finditer_at(r.regex, norm, sorted(set(near)), se)
                    for m in found:
                        as_tags.append((m.start(), _kind(m.group("kind")), r.id))
        # tags and of_heads are rare: literal tests on the sentence first (a bracket; " of "), then
        # a regex only where one can start
        bracket = low.find("(", ss, se) >= 0 or low.find("[", ss, se) >= 0
        of = low.find(" of ", ss, se) >= 0
        kinds = _kind_positions(low, ss, se) if plain and (bracket or of) else None
        # a tag bracket opens a few words before its kind word: match only at such brackets
        starts = (None if kinds is None else _brackets_before(low, ss, kinds)) if bracket else []
        if starts is None or starts:
            for r in _rules("tag"):
                found = r.finditer(norm, ss, se) if starts is None else finditer_at(r.regex, norm, starts, se)
                for m in found:
                    tags.append((_before_tag(norm, ss, m.start()), m.start(), _kind(m.group("kind")), r.id))
        parens = []
        for r in _rules("paren"):
            if r.id in NEEDS_BRACKET and not bracket:
                continue
            for m in r.finditer(norm, at_kind if r.id in STARTS_AT_KIND else ss, se):
                parens.append((m.start("body"), m.end("body"), _kind(m.group("kind")), r.id))
        # "primary outcome(s) of X was ...": only where " of " follows a kind word closely, and
        # matched only at the word or two before it ("The", "key", "co-primary")
        starts = []
        if of:
            near = None if kinds is None else [k for k in kinds if 0 <= low.find(" of ", k, k + _OF_WINDOW)]
            starts = None if near is None else _word_starts_before(low, ss, near) if near else []
        if starts is None or starts:
            for r in _rules("of_head"):
                found = r.finditer(norm, ss, se) if starts is None else finditer_at(r.regex, norm, starts, se)
                for m in found:
                    parens.append((m.start("body"), m.end("body"), _kind(m.group("kind")), r.id))
        heads.sort()
        bounds = sorted([h[0] for h in heads] + [x[0] for x in subjects])
        for hs, body_start, kind, rid in heads:
            end = next((b for b in bounds if b > hs), se)
            # drop the connective before the next head: ", and the", "; ", ", while the"
            seg = norm[body_start:end]
            m = _CONNECTIVE_END.search(seg)
            if m and end < se:
                end = body_start + m.start()
            for r in _rules("cut"):
                m = r.regex.search(norm, body_start, end)
                if m:
                    end = m.start()
            if _rejected(norm[body_start:end]):
                continue  # "the primary outcomes were twice as inferior ...": a result
            for a, b, sched in _split(ctx, body_start, end):
                add(kind, a, b, rid, sched)
        for hs, _he, kind, rid in subjects:
            prev = max([b for b in bounds if b < hs] + [ss])
            if prev != ss:
                continue  # the subject of a second clause is the previous head's outcome
            for x, y, sched in _split(ctx, _subject_start(norm, ss, hs), hs):
                add(kind, x, y, rid, sched)
        for a, b, kind, rid in parens:
            for x, y, sched in _split(ctx, a, b):
                add(kind, x, y, rid, sched)
        for pos, kind, rid in as_tags:
            a, b = _before_as(norm, ss, pos)
            if a >= b or _TIME_LEAD.match(norm, a, b) or any(x < b and a < y for x, y in spans):
                continue  # no outcome before it, a time point, or read already
            if _named_before(seen, kind, norm[a:b].strip().lower()):
                continue
            for x, y, sched in _split(ctx, a, b):
                add(kind, x, y, rid, sched)
    # a report that names its primary (secondary) outcome with a head restates it with a tag in
    # its results, often in other words ("... for the reduction in total BDI-IA score (primary
    # efficacy variable)"): tags are read only for a kind that nothing else named
    named = {e.kind for e in out}
    for a, b, kind, rid in tags:
        if kind in named or a >= b or _TIME_LEAD.match(norm, a, b) or any(x < b and a < y for x, y in spans):
            continue  # named by a head, no outcome before the tag, a time point, or already read
        if _named_before(seen, kind, norm[a:b].strip().lower()):
            continue  # results repeat the tag: "the global GMA (primary outcome)" ... "The GMOS (secondary outcome)"
        for x, y, sched in _split(ctx, a, b):
            add(kind, x, y, rid, sched)
    return out
