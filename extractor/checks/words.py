"""Words vs numbers: a claim of significance beside a non-significant p (or an interval that
spans the null), and a claim of no difference beside a significant one.

A claim is paired with the nearest value after it in the same sentence, with no other
p-value, interval or contrasting conjunction ("but", "except", "whereas") in between, and
within one statement (no ';' outside brackets, no missed sentence break, not across the comma
that ends an "Although ..." clause, not a list of p-values "..., respectively"). Hedged
("nearly significant") and quoted claims decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from extractor.checks import register
from extractor.checks.common import flag, null_of, sentence_index, stated_alpha, stated_measure
from extractor.checks.pvalues import ci_excludes_null, p_significant
from extractor.normalize import plain_case
from extractor.records import Evidence, Flag, Interval, PValue, TrialRecord
from extractor.scan import finditer_at, literal_starts

_SIGNIF = re.compile(
    r"\b(?:(?:statistically\s+)?significant(?:ly)?|reach(?:ed|ing)?\s+(?:statistical\s+)?significance)\b", re.I)
# "non" only on its own ("non significant"): "non-HDL", "Non-participants", "non-completers"
# are names, not negations; "n't" ends a word ("didn't"), so no \b before it
_NEGATION = re.compile(
    r"(?:(?:\b(?:no|not|non(?!-)|nor|none|without|neither|never|failed\s+to|lack\s+of|did\s+not)|n't)\b[\w\s-]{0,25}"
    r"|\b(?:none\s+of|failed\s+to\s+(?:find|show|detect|demonstrate))\b[\w\s-]{0,60})$",
    # "None of the differences between the two groups were significant", "we failed to find that
    # donepezil produced any significant difference"
    re.I)
_NEG_PHRASE = re.compile(
    r"""\b(?: (?:did|does|do)\s+not\s+(?:significantly\s+)?differ
            | no\s+(?:(?:statistically|significant|\w+)\s+){0,2}differences?
            | not\s+(?:statistically\s+)?(?:significantly\s+)?different
            | non-?significant(?:ly)? | insignificant(?:ly)?
        )\b""",
    re.I | re.X,
)
_NOT_A_CLAIM = re.compile(r"\b(?:clinically|considered|defined\s+as|level\s+of)\s*$", re.I)
# a hedged claim ("borderline significant", "marginally significant", "near significant",
# "approached significance") asserts neither significance nor its absence
_HEDGE = re.compile(
    r"\b(?:borderline|marginal(?:ly)?|near(?:ly)?|almost|approach(?:ed|es|ing)?|trend(?:ed|ing)?(?:\s+towards?)?)"
    r"[\s-]+(?:(?:statistically|statistical)\s+)?$", re.I)
# a claim in quotation marks is a statement the report quotes (a questionnaire item), not its own
# (a straight "'" only after a space: "patients' significantly" is a possessive)
_QUOTED = re.compile(r"(?:[‘“\"]|(?:^|\s)')\s*$")
# a claim in a clause opened by one of these is subordinate: the main clause after its comma
# states something else
_SUBORDINATE = re.compile(r"\b(?:although|though|while|whereas)\b[^,;]*$", re.I)
_CONTRAST = re.compile(
    r"\b(?:but|except|whereas|while|although|though|however|yet|unlike|until|in\s+contrast)\b", re.I)
# "(p=0.016, p=0.0003, p=0.176, and p=0.173, respectively)": the p-values are listed in the
# order of several claims, not each after its own
_RESPECTIVELY = re.compile(r"(?:[^.;]|\.(?=\d)){0,120}?\brespectively\b", re.I)
# a sentence the splitter missed: ". " then a capitalised word, the word before the period
# not an abbreviation ("vs. Placebo", "et al. Trial")
_SENTENCE_BREAK = re.compile(r"(?<!\bvs)(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<![A-Z])\.\s+[A-Z][a-z]+\b")
# compiled once (re's cache lookup per call costs more than these short matches)
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_NEXT_WORD = re.compile(r"\s+[\w-]+")
# equivalence / non-inferiority: a small p supports "no difference"
_EQUIVALENCE = re.compile(r"\b(?:non-?inferior\w*|equivalen\w*)\b", re.I)


@dataclass
class Claim:
    start: int
    end: int
    positive: bool  # True: "significantly improved"; False: "no difference"
    text: str
    # False for a hedged or quoted claim ("nearly significant", "‘no difference’"): it decides
    # nothing, but a value after it is its value, not that of an earlier claim
    decides: bool = True


def claims(sentence: str) -> list[Claim]:
    return list(_claims(sentence))


# Where every _SIGNIF match starts (its alternatives begin with these words)
_SIGNIF_LEADS = ("statistically", "significant", "reach")


def _signif_at(sentence: str, low: str) -> Iterator[re.Match[str]]:
    r"""``_SIGNIF.finditer(sentence)`` by matching only where one of _SIGNIF_LEADS starts in
    ``low`` (the sentence lower-cased, where plain_case holds): its leading \b makes the
    scan try every character."""
    yield from finditer_at(_SIGNIF, sentence, literal_starts(low, _SIGNIF_LEADS))


# Where every _NEG_PHRASE match starts ("do" leads "does", "no" leads "not" and "non"): its
# leading \b makes the scan try every character
_NEG_LEADS = ("did", "do", "no", "insignific")
# Literals every match of _NOT_A_CLAIM, _HEDGE, _QUOTED, _NEGATION holds (lower-cased;
# "no" is in "not", "non", "nor", "none", "did not")
_NOT_A_CLAIM_WORDS = ("clinically", "considered", "defined", "level")
_HEDGE_WORDS = ("borderline", "marginal", "near", "almost", "approach", "trend")
_QUOTES = ("‘", "“", '"', "'")
_NEGATION_WORDS = ("no", "n't", "without", "neither", "never", "failed", "lack")


def _holds(text: str | None, literals: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``literals``; True when ``text`` is None (not known)."""
    return text is None or any(map(text.__contains__, literals))


@lru_cache(maxsize=256)
def _claims(sentence: str) -> tuple[Claim, ...]:
    # a pure function of the sentence, asked once per p-value and interval in it
    # Every _SIGNIF match holds "signific", every _NEG_PHRASE match "differ" or (in "non-?
    # significant", "insignificant") "nsignific" or "n-signific": substring tests skip the
    # scans in most sentences (exact where plain_case holds)
    plain = plain_case(sentence)
    low = sentence.lower()
    signif = not plain or "signific" in low
    neg = not plain or "differ" in low or "nsignific" in low or "n-signific" in low
    if not signif and not neg:
        return ()
    out: list[Claim] = []
    negs = () if not neg else _NEG_PHRASE.finditer(sentence) if not plain else \
        finditer_at(_NEG_PHRASE, sentence, literal_starts(low, _NEG_LEADS))
    neg_spans = [(m.start(), m.end()) for m in negs]
    for s, e in neg_spans:
        out.append(Claim(s, e, False, sentence[s:e], decides=not _QUOTED.search(sentence[max(0, s - 3):s])))
    for m in (_SIGNIF.finditer(sentence) if not plain else _signif_at(sentence, low) if signif else ()):
        if any(s <= m.start() < e for s, e in neg_spans):
            continue
        before = sentence[max(0, m.start() - 70):m.start()]  # (70: "None of the differences between the two groups were")
        # the negation must be in the same clause
        clause = _CLAUSE_BREAK.split(before)[-1]
        # (speed) these end-anchored searches try every position of the text before: a
        # literal every match holds gates each (exact where plain_case holds)
        bl = before.lower() if plain else None
        if _holds(bl, _NOT_A_CLAIM_WORDS) and _NOT_A_CLAIM.search(before):
            continue
        decides = not ((_holds(bl, _HEDGE_WORDS) and _HEDGE.search(before))
                       or (_holds(before, _QUOTES) and _QUOTED.search(before)))
        positive = not (_holds(bl, _NEGATION_WORDS) and _NEGATION.search(clause))
        nxt = _NEXT_WORD.match(sentence, m.end())
        shown_end = nxt.end() if nxt else m.end()
        shown_start = m.start() - len(clause) if not positive else m.start()
        out.append(Claim(m.start(), m.end(), positive, sentence[max(0, shown_start):shown_end].strip(), decides))
    return tuple(sorted(out, key=lambda c: c.start))


def paired_claim(record: TrialRecord, value: Evidence, sentence: str, base: int) -> Claim | None:
    c = _last_claim(sentence, value.start - base)
    return c if c is not None and _pairs(record, value, sentence, base, c) else None


def _last_claim(sentence: str, pos: int) -> Claim | None:
    """The claim of ``sentence`` last before ``pos`` (the one a value there may pair with),
    when it decides."""
    last = None
    for c in _claims(sentence):
        if c.end <= pos:
            last = c
    return last if last is not None and last.decides else None


def _pairs(record: TrialRecord, value: Evidence, sentence: str, base: int, c: Claim) -> bool:
    """True when ``value`` (at ``base`` + its offset in ``sentence``) is the value of the
    claim ``c`` before it: one statement, nothing between that has its own claim."""
    pos = value.start - base
    between = (base + c.end, value.start)
    others = [v for v in [*record.p_values, *record.intervals] if v is not value and v.sentence == value.sentence]
    if any(between[0] <= v.start < between[1] for v in others):
        return False
    gap = sentence[c.end:pos]
    if _CONTRAST.search(gap) or _SENTENCE_BREAK.search(gap) or _clause_ends(gap):
        return False
    if _RESPECTIVELY.match(sentence, value.end - base):
        return False
    if _SUBORDINATE.search(sentence[:c.start]) and _comma_outside_brackets(gap):
        return False  # "Although no significant difference was seen in X, Y (P = 0.04) was higher"
    return True


def _outside_brackets(gap: str, mark: str) -> bool:
    """True when ``mark`` occurs in ``gap`` outside round and square brackets."""
    if mark not in gap:  # (most gaps: no scan character by character)
        return False
    depth = 0
    for ch in gap:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == mark and depth == 0:
            return True
    return False


def _comma_outside_brackets(gap: str) -> bool:
    return _outside_brackets(gap, ",")


def _clause_ends(gap: str) -> bool:
    """True when a semicolon outside brackets separates the claim from the value ("no
    differences in X; the rates of Y were lower ... P < 0.05"): a new statement begins."""
    return _outside_brackets(gap, ";")


def _sentence_of(record: TrialRecord, v: Evidence) -> tuple[str, int] | None:
    """(normalised text, start) of the sentence holding ``v``, if recorded."""
    return None if v.sentence is None else sentence_index(record).get(v.sentence)


@register(
    "WORDS_VS_P",
    "words contradict the p-value",
    "'significantly …' needs p < α; 'no difference' / 'did not differ' / 'not significant' needs p ≥ α",
    "α as stated in the report (default 0.05); p widened by its rounding; 'P = 0.05' decides "
    "nothing; equivalence and non-inferiority sentences are skipped; a claim pairs with a value "
    "only in its own statement (no 'but'/'though', no ';' outside brackets, no missed sentence "
    "break in between; not p-values listed '..., respectively'); hedged ('borderline "
    "significant') and quoted claims are none; 'non-' in a name ('non-HDL') negates nothing",
    needs=("p_values",),
)
def words_vs_p(record: TrialRecord) -> list[Flag]:
    out = []
    alpha: float | None = None  # read from the report only when a claim needs it
    for p in record.p_values:
        sb = _sentence_of(record, p)
        if sb is None:
            continue
        sentence, base = sb
        # the claim before the p first, whether the two pair after (the gap tests): words that
        # agree with the p flag nothing either way, and most do
        c = _last_claim(sentence, p.start - base)
        if c is None:
            continue
        if alpha is None:
            alpha = stated_alpha(record)
        sig = p_significant(p, alpha)
        if sig is None or sig == c.positive or not _pairs(record, p, sentence, base, c):
            continue
        if not c.positive and _EQUIVALENCE.search(sentence):
            continue
        if c.positive:
            msg = f"{c.text!r} is claimed, but {p.text!r} is not below α = {alpha:g}"
        else:
            msg = f"{c.text!r} is claimed, but {p.text!r} is below α = {alpha:g}"
        out.append(flag("WORDS_VS_P", "warning", msg, [p]))
    return out


@register(
    "WORDS_VS_CI",
    "words contradict the interval",
    "'significantly …' needs a CI that excludes the null; 'no difference' needs one that includes it "
    "(only intervals whose measure is named in their text or clause)",
    "bounds widened by their rounding; a bound that may equal the null decides nothing; claims "
    "paired as for WORDS_VS_P",
    needs=("intervals",),
)
def words_vs_ci(record: TrialRecord) -> list[Flag]:
    out = []
    for ci in record.intervals:
        # the measure must be named in the interval's text or clause: an interval that names
        # none may be one group's value ("77.2% (CI, 73.0, 81.4) for the control group"),
        # which says nothing about a difference between groups
        null = null_of(stated_measure(record, ci))
        if null is None:
            continue
        sb = _sentence_of(record, ci)
        if sb is None:
            continue
        sentence, base = sb
        c = _last_claim(sentence, ci.start - base)  # (pairing tested last, as for words_vs_p)
        if c is None:
            continue
        excl = ci_excludes_null(ci, null)
        if excl is None or excl == c.positive or not _pairs(record, ci, sentence, base, c):
            continue
        if not c.positive and _EQUIVALENCE.search(sentence):
            continue
        what = "spans" if c.positive else "excludes"
        out.append(flag("WORDS_VS_CI", "warning",
                        f"{c.text!r} is claimed, but {ci.text!r} {what} the null value {null:g}", [ci]))
    return out


__all__ = ["Claim", "claims", "Interval", "PValue"]
