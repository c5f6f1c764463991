"""p-values reported as results (issue 3).

Forms: "P = .015", "p<0.001", "P ≤ 0.05", "P < 10^-4", "P<1e-4", "P = 2 × 10-5", "p-value of
0.03", "P for trend = 0.02", "P(interaction) = .3", "all P > 0.05" (once), "P < .05 for both"
(once), "p = 0.006 and 0.044" (two), "P = 0,022" (0.022). Significance-level definitions
("P < 0.05 was considered significant", "significance was set at p<0.05") are not results and
are skipped; "P = NS" has no number and never matches. Rules: patterns/pvalues.json.
"""

from __future__ import annotations

import re

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.numbers import parse_decimal, parse_scientific
from extractor.records import PValue
from extractor.rules import bounded, load_rules

FIELD = "p_values"

_CMP = {
    "=": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "=<": "<=", "=>": ">=", "≤": "<=", "≥": ">=",
    "of": "=", "was": "=", "were": "=", "is": "=", "equal": "=", "equals": "=",
    "less than": "<", "greater than": ">", "<or=": "<=", ">or=": ">=",
    # "P value: 0.001", "P value 0.48": after the word "value", a colon or nothing is "="
    ":": "=", "": "=",
}


def comparator(raw: str) -> str | None:
    key = " ".join(raw.lower().split())
    if key[:1] in "<>" and key.endswith("="):  # "< or =", "<="
        key = key[0] + "="
    return _CMP.get(key)


def p_number(raw: str) -> float | None:
    """A p-value's number: ".015", "0,022", "0/001", "10^-4", "1e-4", "2 × 10-5"; None for one that
    cannot be read. A scientific number is parse_scientific's alone: float() reads
    "1e-999...9", whose exponent parse_scientific refuses, as 0.0, a different number."""
    raw = raw.strip()
    if raw.startswith("0/"):
        raw = "0." + raw[2:]  # "P<0/001": a slash for the decimal point (Persian typography)
    if ("10" in raw and any(c in raw for c in "^-x×*·")) or "e" in raw.lower():
        v = parse_scientific(raw)
    else:
        v = parse_decimal(raw)
    if v is None or not 0 <= v <= 1:
        return None
    return v


# The word every sig_level_after match has first, after "\s*[)\]]?\s*,?\s*" (its
# alternatives are all anchored at the start): one of these, or one starting with a prefix.
_AFTER_WORDS = frozenset(
    "two one was were is are being has had also considered regarded accepted taken defined set deemed used "
    "chosen assumed interpreted required level significance".split()
)
_AFTER_PREFIXES = ("consider", "indicat", "denot", "represent")
_LETTERS = re.compile("[A-Za-z]*")


def _may_define_after(after: str) -> bool:
    r"""False where sig_level_after cannot match ``after`` (its first word is none of its
    words): a few string operations instead of the regex, for most p-values. Exact where
    plain_case holds (str.isspace covers every character \s matches)."""
    if not plain_case(after):
        return True
    j, n = 0, len(after)
    while j < n and after[j].isspace():
        j += 1
    if j < n and after[j] in ")]":
        j += 1
    while j < n and after[j].isspace():
        j += 1
    if j < n and after[j] == ",":
        j += 1
    while j < n and after[j].isspace():
        j += 1
    word = _LETTERS.match(after, j).group().lower()  # type: ignore[union-attr]
    return word in _AFTER_WORDS or word.startswith(_AFTER_PREFIXES)


def _may_continue(norm: str, pos: int) -> bool:
    """False where p_more cannot match at ``pos``: it needs ",", ";", "&", "and" or "or" after
    the spaces there (any case), the "for"/"in" of what the value is for ("0.001 for
    glucosamine sulfate and 0.03 for ibuprofen"), or the "to"/"-" of a range ("p = 0.22 to 0.78")."""
    j, n = pos, len(norm)
    while j < n and norm[j].isspace():
        j += 1
    two = norm[j:j + 2].lower()
    return (norm[j:j + 1] in (",", ";", "&", "-") or two in ("or", "to") or (two == "in" and j > pos)
            or norm[j:j + 3].lower() in ("and", "for"))


def _is_definition(ctx: Context, start: int, end: int) -> bool:
    """True for a significance-level definition rather than a reported result."""
    rf = load_rules("pvalues")
    sent = ctx.sentence_index(start)
    s, e = ctx.sentence_span(sent)
    after = ctx.norm[end:min(e, end + 90)]
    before = ctx.norm[max(s, start - 90):start]
    if _may_define_after(after) and bounded(rf.by_id("sig_level_after").regex.search, after):
        return True
    low = before.lower()
    # the definition wording always names significance or alpha: skip the regex otherwise
    if not any(k in low for k in ("signific", "alpha", "α", "threshold", "cut")):
        return False
    # no part of the rule matches ".", ";" or ")", and a match runs to the end ($): it starts
    # after the last of them, so the search (which tries every position) starts there too
    cut = max(before.rfind("."), before.rfind(";"), before.rfind(")"))
    return bounded(rf.by_id("sig_level_before").regex.search, before, cut + 1) is not None


# The "P" token every p-value starts with (the rule's <<ptok>>), found by a plain re scan at a
# third of the rule's cost; the rule then runs only in the sentences holding one. Its spaces
# are possessive, as in <<ptok>>: "\s*[-‐ ]?\s*value" split a run of spaces every way when no
# "value" followed (a "P" and 20,000 spaces: 5 s).
# Written "[pP](?<![\w][pP])(?i:...)" rather than "(?<![\w])p..." with re.I: the same matches, but a
# case-sensitive leading character class lets re skip ahead to the next p at C speed (3x).
_P_TOKEN = re.compile(r"[pP](?<![\w][pP])(?i:(?:trend|interaction|int|het|adj)?(?:\s*+(?:[-‐]\s*+)?values?)?(?![a-z]))")
# The same tokens in the lower-cased text where plain_case holds (lower-casing keeps \w, \s
# and lengths, and leaves no letter that (?i:) would match differently): twice as fast,
# as a case-sensitive literal lead and no case folding in the suffix
_P_TOKEN_LOW = re.compile(r"p(?<![\w]p)(?:trend|interaction|int|het|adj)?(?:\s*+(?:[-‐]\s*+)?values?)?(?![a-z])")


def _matches(ctx: Context, rule):
    """``rule.finditer`` over the sentences holding a P token, each with the sentence after it
    (a newline, which always ends a sentence, can fall inside "P\n= 0.003" in PDF text)."""
    last = len(ctx.sent_starts) - 1
    windows: list[list[int]] = []
    tokens: list[int] = []
    plain = plain_case(ctx.norm)
    for a in _P_TOKEN_LOW.finditer(ctx.low) if plain else _P_TOKEN.finditer(ctx.norm):
        tokens.append(a.start())
        i = ctx.sentence_index(a.start())
        # the rule may start a few words before its P ("all P < 0.05"): from the sentence start
        s, e = ctx.sentence_span(i)[0], ctx.sentence_span(min(i + 1, last))[1]
        if windows and s <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], e)
        else:
            windows.append([s, e])
    if ctx.norm.isascii():
        yield from _at_tokens(ctx.norm, rule, windows, tokens)
    elif plain:
        # re's \w and regex's differ on some non-ASCII characters ("²" is a word character
        # to re only): a P after any non-ASCII character is a candidate as well
        extra = [m.start() for m in _P_AFTER_WIDE.finditer(ctx.norm)]
        yield from _at_tokens(ctx.norm, rule, windows, sorted(set(tokens).union(extra)) if extra else tokens)
    else:
        for s, e in windows:
            yield from rule.finditer(ctx.norm, s, e)


_P_AFTER_WIDE = re.compile(r"[pP](?<=[^\x00-\x7f][pP])")


def _at_tokens(norm: str, rule, windows: list[list[int]], tokens: list[int]):
    r"""The matches of ``rule.finditer`` in each window, found by matching only where one can
    start: at a P token, or at the "all"/"both"/"each" (the rule's scope_pre) right before
    one. ``tokens`` must hold every position where the rule's <<ptok>> can match (in ASCII
    text _P_TOKEN finds exactly those: re and regex agree on ASCII \w, \s and case, and on
    case elsewhere where plain_case holds), so this is the windows' scan without trying
    every character."""
    k = 0
    last_end = 0
    for s, e in windows:
        while k < len(tokens) and tokens[k] < s:
            k += 1
        while k < len(tokens) and tokens[k] < e:
            a = tokens[k]
            k += 1
            for c in (_scope_start(norm, s, a), a):
                if c is None or c < last_end:
                    continue
                m = bounded(rule.regex.match, norm, c, e)
                if m is not None:
                    last_end = m.end()
                    yield m


def _scope_start(norm: str, s: int, a: int) -> int | None:
    """Where "all", "both" or "each" starts if one (any case) ends, after whitespace, at ``a``."""
    j = a
    while j > s and norm[j - 1].isspace():  # str.isspace covers every character \s matches
        j -= 1
    if j == a:
        return None
    for w in ("all", "both", "each"):
        c = j - len(w)
        if c >= s and norm[c:j].lower() == w:
            return c
    return None


def find(ctx: Context) -> list[PValue]:
    rf = load_rules("pvalues")
    main, more = rf.by_id("p_value"), rf.by_id("p_more")
    out: list[PValue] = []
    norm = ctx.norm
    for m in _matches(ctx, main):
        cmp_ = comparator(m.group("cmp"))
        value = p_number(m.group("value"))
        if cmp_ is None or value is None:
            continue
        if _is_definition(ctx, m.start(), m.end()):
            continue
        scope = None
        sc = (m.group("scope_pre") or m.group("scope_post") or "").lower()
        if sc:
            scope = "all" if "all" in sc or "every" in sc else "each"
        out.append(PValue(comparator=cmp_, value=value, scope=scope, **ctx.evidence(m.start(), m.end(), rule=main.id)))
        pos = m.end()
        # "p = 0.006 and 0.044": each listed value is a p-value of its own
        while True:
            c = bounded(more.regex.match, norm, pos) if _may_continue(norm, pos) else None
            if c is None:
                break
            v = p_number(c.group("value"))
            if v is None:
                break
            # a range's upper end is a value of its own: "P < 0.0001-0.0107" reaches up to 0.0107
            ccmp = comparator(c.group("cmp")) if c.group("cmp") else "=" if c.group("range") else cmp_
            out.append(PValue(comparator=ccmp or cmp_, value=v, **ctx.evidence(c.start("cmp") if c.group("cmp") else c.start("value"), c.end(), rule=more.id)))
            pos = c.end()
    return out


def extract(ctx: Context) -> list[PValue]:
    return find(ctx)
