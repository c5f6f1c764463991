"""APA-style test statistics: "t(38) = 2.10", "F(2, 45) = 3.4", "χ2(1) = 4.2", "z = 1.96",
"U = 123.5", "r = 0.45", with the p-value that follows when present ("t(38) = 2.10, p = .04").
Rules: patterns/teststats.json; the p-value is read with the p-value rule (patterns/pvalues.json).
"""

from __future__ import annotations

import re

import regex

from extractor.fields import Context
from extractor.fields.pvalues import comparator, p_number
from extractor.normalize import plain_case
from extractor.numbers import parse_decimal
from extractor.records import TestStatistic
from extractor.regex_cache import compile_regex
from extractor.rules import bounded, load_rules
from extractor.scan import literal_starts, skip_back

FIELD = "test_statistics"

# The gate "(?<![\w])(?:[tFzZUWr]\s*(?:\([^()]{1,15}\))?\s*[=<>≤≥]|χ|chi|X2|X²)" as one regex per
# alternative, each led by its literal (the comparison sign, then a lookbehind for the letter):
# regex's fast literal scan instead of trying the alternation at every character (5x).
# An alternation matches somewhere iff one of its alternatives does.
_GATES = tuple(
    # possessive runs: with two "\s*" around the optional bracket, a run of spaces before the
    # sign was split every way (20,000 spaces: 1.3 s for one "=")
    [compile_regex(c + r"(?<=(?<![\w])[tFzZUWr]\s*+(?:\([^()]{1,15}\))?\s*+" + c + ")", regex.I) for c in "=<>≤≥"]
    + [compile_regex(r"(?<![\w])" + lit, regex.I) for lit in ("χ", "chi", "X2", "X²")]
)
# The literal each gate needs, as it appears in the lower-cased text: a substring test skips
# the gate's scan where the literal is absent (most abstracts have no "≤", "χ" or "X2").
_GATE_LITERALS = tuple("=<>≤≥") + ("χ", "chi", "x2", "x²")
# Where plain_case holds: "x2" and "x²" looked for together (one re scan for an "x" costs a fifth
# of the two substring tests in a non-ASCII text), and the "chi" gate matched in the lower-cased
# text, led by a case-sensitive literal (a third of the case-insensitive scan's cost)
_X_LITERALS = ("x2", "x²")
_X2_LOW = re.compile("x[2²]")
_CHI_LOW = compile_regex(r"chi(?<=(?<![\w])chi)")
_RULES = {"ts_t": "t", "ts_f": "F", "ts_chi2": "chi2", "ts_z": "z", "ts_r": "r"}


# The letter each case-sensitive rule starts with (ts_chi2 has its own gate).
_LETTERS = {"ts_t": "t", "ts_f": "F", "ts_z": "zZ", "ts_u": "UW", "ts_r": "r"}
_SIGNS = "=<>≤≥"  # the first character of every <<cmp>>


def _letters_before_signs(norm: str) -> set[str]:
    r"""The characters that stand where a rule's letter would for some comparison sign: before
    the sign, past spaces, an optional "(...)" (or, for F, "2, 45") and spaces. A rule whose
    letter is not among them cannot match (every match is "<letter> [spaces] [df] [spaces]
    <sign>..."), so its scan of the text is skipped. str.isspace and str.isdecimal cover
    every character \s and \d match, so nothing a rule can match is missed."""
    out: set[str] = set()
    for i in literal_starts(norm, _SIGNS):
        _letters_at(norm, i, out)
    return out


def _letters_at(norm: str, i: int, out: set[str]) -> None:
    j = skip_back(norm, i, str.isspace)
    if j > 0:
        out.add(norm[j - 1])  # no df
        if norm[j - 1] == ")":  # "t(38) =": the "(" before, with no bracket between
            k = norm.rfind("(", 0, j - 1)
            if k >= 0 and ")" not in norm[k + 1:j - 1]:
                k = skip_back(norm, k, str.isspace)
                if k > 0:
                    out.add(norm[k - 1])
        elif norm[j - 1].isdecimal():  # "F 2, 45 =": digits, comma, digits
            k = skip_back(norm, j, str.isdecimal)
            k = skip_back(norm, k, str.isspace)
            if k > 0 and norm[k - 1] == ",":
                k = skip_back(norm, skip_back(norm, k - 1, str.isspace), str.isdecimal)
                k = skip_back(norm, k, str.isspace)
                if k > 0:
                    out.add(norm[k - 1])


def find(ctx: Context) -> list[TestStatistic]:
    rf = load_rules("teststats")
    pv = load_rules("pvalues").by_id("p_value")
    then_p = rf.by_id("ts_then_p")
    norm = ctx.norm
    out: list[TestStatistic] = []
    low = ctx.low  # shared with the other fields: lowered once per document
    plain = plain_case(norm)
    letters = _letters_before_signs(norm)
    for rid in ("ts_t", "ts_f", "ts_chi2", "ts_z", "ts_u", "ts_r"):
        if rid == "ts_chi2" and not _may_chi2(low, plain):
            continue
        if rid in _LETTERS and letters.isdisjoint(_LETTERS[rid]):
            continue
        rule = rf.by_id(rid)
        for m in rule.finditer(norm):
            value = parse_decimal(m.group("value"))
            cmp_ = comparator(m.group("cmp"))
            if value is None or cmp_ is None:
                continue
            gd = m.groupdict()
            df1 = gd.get("df1") or gd.get("df1b")
            df2 = gd.get("df2") or gd.get("df2b")
            test = m.group("letter") if rid == "ts_u" else _RULES[rid]
            end = m.end()
            p_cmp = p_val = None
            sep = bounded(then_p.regex.match, norm, m.end())
            if sep:
                p = bounded(pv.regex.match, norm, sep.end())
                if p:
                    p_cmp, p_val = comparator(p.group("cmp")), p_number(p.group("value"))
                    if p_cmp is not None and p_val is not None:
                        end = p.end()
                    else:
                        p_cmp = p_val = None
            out.append(TestStatistic(
                test=test, df1=_degrees(df1), df2=_degrees(df2),
                comparator=cmp_, value=value, p_comparator=p_cmp, p_value=p_val,  # type: ignore[arg-type]
                **ctx.evidence(m.start(), end, rule=rid),
            ))
    out.sort(key=lambda t: t.start)
    return out


def _degrees(s: str | None) -> float | None:
    # a run of over 308 digits is no degrees of freedom: float() would make it inf, and the
    # checks' p from the statistic nan (betainc raised, losing the TESTSTAT_P check)
    return parse_decimal(s) if s else None


def _may_chi2(low: str, plain: bool) -> bool:
    """A cheap gate for ts_chi2: "χ2", "chi-square(d)", "X2" or "X²" needs one of these
    (with "chi" alone, as in "children", where plain_case lets "square" be required too)."""
    if "χ" in low or "x2" in low or "x²" in low:
        return True
    return "chi" in low and (not plain or "square" in low)


def _gate(ctx: Context) -> bool:
    norm = ctx.norm
    if not plain_case(norm):
        return any(g.search(norm) for g in _GATES)
    low = ctx.low
    x2 = _X2_LOW.search(low) is not None
    for lit, g in zip(_GATE_LITERALS, _GATES, strict=True):
        if not (x2 if lit in _X_LITERALS else lit in low):
            continue
        if (_CHI_LOW.search(low) if lit == "chi" else g.search(norm)) is not None:
            return True
    return False


def extract(ctx: Context) -> list[TestStatistic]:
    if not _gate(ctx):
        return []
    return find(ctx)
