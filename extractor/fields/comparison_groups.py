"""Groups named in a segment of the comparisons field: ``_ArmIndex`` (the arms' names as a
word table), ``_mentions`` (each group a segment names, whether it is a control and which
side of the comparison it sits on) and the cheap gate of the ``group_treated`` rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractor.fields.cue_words import (
    _ALNUM_GAPS,
    _RUN,
    _RUN_HEAD,
    _WORD_GAPS,
    _ascii_words,
    _cues,
    _finditer,
    _plain,
    _rule_gates,
    _word_runs,
    tokens,
)
from extractor.regex_cache import compile_regex
from extractor.rules import load_lexicon

# "1 (0.6%) TT versus 15 (8.6%) DO": the group named after the value that follows "versus"
# is a reference group, as in "versus 15 (8.6%) in DO" and "compared with 6 out of 33 (18%)
# assigned to placebo"
_REF_VALUE = compile_regex(
    r"\b(?:versus|vs\.?|compared\s+(?:with|to))\s+\d+(?:\.\d+)?\s*%?\s*(?:(?:out\s+)?of\s+\d+\s*)?(?:\(\s*\d[\d.,%\s]{0,12}\)\s*)?(?:(?:in|with|for|among|(?:assigned|allocated|randomi[sz]ed)\s+to|receiving|treated\s+with)\s+(?:the\s+)?)?$",
    regex.I)
# a group named by the absence of a treatment ("non-tourniquet group", "without bisacodyl arm")
_NEGATED_GROUP = compile_regex(r"(?:non-?|without\s+|no\s+)([A-Za-z][\w]*)(?=[\s-]+(?:group|arm|cohort)s?\b|$)", regex.I)
_NEGATED_TREATMENT = {"intervention", "treatment", "treated", "exposed", "supplemented", "supplementation"}
_SHORT_ABBR = re.compile(r"(?<![\w-])[A-Z]{2}(?![\w-])")


@dataclass
class _Mention:
    start: int  # offset within the sentence
    end: int
    text: str
    side: str  # focus | ref | neutral
    control: bool
    arm: object = None  # records.Arm when matched


@cache
def _treated_pairs() -> frozenset[tuple[str, str]]:
    """(subject word, verb) pairs one of which the group_treated rule needs
    (patterns/comparisons.lexicon.json: rule_gates.group_treated, group_treated_pairs)."""
    e = load_lexicon("comparisons").entries
    g = e["group_treated_pairs"]
    return frozenset((p + s, v) for p in g["preps"] for s in e["rule_gates"]["group_treated"] for v in g["verbs"])


@cache
def _named_group_words() -> tuple[str, ...]:
    """The gate substrings of group_id and group_phrase together (rule_gates)."""
    gates = _rule_gates()
    return tuple({*gates["group_id"], *gates["group_phrase"]})


@cache
def _ref_marker_gate() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """(substrings, pattern) one of which the ``ref_marker`` cue needs in a lower-cased
    ``_plain`` text: the longest word of each comparator marker; a one-letter marker ("v"),
    found inside most texts, with the space the cue needs after it."""
    keys = {max(m.lower().split(), key=len) for m in load_lexicon("comparisons").entries["comparator_markers"]}
    singles = sorted(k for k in keys if len(k) == 1)
    spaced = re.compile("[" + "".join(map(re.escape, singles)) + r"]\s") if singles else None
    return tuple(sorted(k for k in keys if len(k) > 1)), spaced


def _no_ref_marker(low: str) -> bool:
    """True when the ``ref_marker`` cue cannot match ``low`` (lower-cased, ``_plain``)."""
    words, spaced = _ref_marker_gate()
    return not any(map(low.__contains__, words)) and (spaced is None or spaced.search(low) is None)


def _may_name_treated_group(low: str, words: list[str] | None = None) -> bool:
    """False when the group_treated rule cannot match lower-cased ``low`` (ASCII text without
    a subject word next to one of its verbs): the rule is the costliest in the field, an
    optional lead tried at every position, and rarely matches. ``words``: the words of
    ``low`` (``_ascii_words``), given by a caller that has found its text ``_plain``."""
    if words is None:  # else the caller split them (see _plain)
        if not low.isascii():
            return True
        words = _ascii_words(low, _WORD_GAPS)
    return not _treated_pairs().isdisjoint(zip(words, words[1:], strict=False))


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the words naming an arm, its two-capital abbreviations) of one of its names: the
    same names ("placebo", "control group") recur through a corpus."""
    words = [t for t in tokens(name) if len(t) >= 3 and not t.isdigit()]
    # a hyphenated name ("i-gel", "5-FU") is one word: its pieces are too short or too
    # common to name the arm alone
    words += [r for r in _RUN.findall(name.lower()) if "-" in r.strip("-") and len(r) >= 3]
    return tuple(words), tuple(_SHORT_ABBR.findall(name))


class _ArmIndex:
    """Arm names as a word -> arm table: one scan of a segment finds every arm named in it
    (compiling a regex per document cost more than the rest of the field)."""

    def __init__(self, arms: list) -> None:
        self.words: dict[str, object] = {}
        # a two-letter abbreviation ("TT", "DO", "SP") names its arm only written in capitals
        # as in the label: in lower case it is a common word ("do", "as")
        self.short: dict[str, object] = {}
        self.order = arms
        self._first: dict[str, object] = {}
        for arm in arms:
            for n in (arm.label, *arm.aliases):
                name_words, shorts = _name_words(n)
                for t in name_words:
                    self.words.setdefault(t, arm)
                for t in shorts:
                    self.short.setdefault(t, arm)

        # for rejecting a segment that names no arm: a first word found as itself or plural
        self._heads = frozenset(self.words) | {w + "s" for w in self.words}
        self._short_low = frozenset(w.lower() for w in self.short)
        # runs that may name an arm as a whole: a short name (its case is checked on the run),
        # a hyphenated name, a name word or its plural
        self._run_keys = self._heads | self._short_low

    def __bool__(self) -> bool:
        return bool(self.words or self.short)

    def finditer(self, seg: str):
        """(start, end, arm) of each word of an arm's label (plural or not) in ``seg``."""
        if not self.words and not self.short:
            return iter(())
        if seg.isascii():
            return iter(self._ascii_hits(seg))
        return self._scan(seg, _RUN_HEAD.finditer(seg))

    def _ascii_hits(self, seg: str) -> list[tuple[int, int, object]]:
        """``finditer`` of ASCII ``seg``, reading only the runs that can name an arm: a run
        equal to a name word, a short name or a hyphenated name, or a hyphenated run whose
        first word is a name word. Their starts are found with str.find in the runs'
        lower-cased, space-separated copy (shared with the segment's cue searches), where a
        scan of every run in Python cost as much as the rest of the mention search."""
        runs = _word_runs(seg, 0, len(seg))
        keys = self._run_keys.intersection(runs.set)
        # a run's first word is an alphanumeric word of the segment: a name word among them
        # may also start a hyphenated run ("placebo-treated")
        heads = (self._heads.intersection(_ascii_words(seg, _ALNUM_GAPS))
                 if "-" in seg or "_" in seg else ())
        if not keys and not heads:
            return []
        spaced = runs.spaced
        starts = {st for st, _ in runs.starts_of(keys)} if keys else set()
        find = spaced.find
        for h in heads:
            for pat in (" " + h + "-", " " + h + "_"):
                i = find(pat)
                while i >= 0:
                    starts.add(i)  # spaced[i] is the space before the run: seg[i] starts it
                    i = find(pat, i + 1)
        return list(self._scan(seg, ((st, find(" ", st + 1) - 1) for st in sorted(starts))))

    def _scan(self, seg: str, runs):
        """(start, end, arm) of each run of ``runs`` (``_RUN_HEAD`` matches, or (start, end)
        pairs of runs) that names an arm."""
        words, short = self.words, self.short
        for run in runs:
            if isinstance(run, tuple):
                st, en = run
                w = seg[st:en]
                lw = w.lower()
                hl = lw.partition("-")[0].partition("_")[0]
                h_end = st + len(hl)
            else:
                st, en = run.span()
                w = run.group()
                lw = None
                hl = run.group(1)
                h_end = run.end(1)
            if w in short:
                yield st, en, short[w]
                continue
            if "-" in w:
                arm = words.get(lw if lw is not None else w.lower())
                if arm is not None:
                    yield st, en, arm
                    continue
            if not hl:
                continue
            h = hl.lower()
            arm = words.get(h)
            if arm is None and h.endswith("s"):
                arm = words.get(h[:-1])
            if arm is not None:
                yield st, h_end, arm

    def names(self, word: str) -> bool:
        """Whether ``word`` is a word of an arm's name."""
        w = word.lower()
        return w in self.words or w in self.short or (w.endswith("s") and w[:-1] in self.words)

    def first(self, text: str):
        """The first arm (in the arms' order) with a word in ``text``."""
        # the same group phrase ("the placebo group") recurs through an abstract
        if text in self._first:
            return self._first[text]
        # half the phrases name no arm: an ASCII phrase without a hyphen none of whose words
        # is a run key (a name word, its plural, a short name) has no run that _scan takes
        if text.isascii() and "-" not in text and self._run_keys.isdisjoint(_ascii_words(text, _ALNUM_GAPS)):
            self._first[text] = None
            return None
        # a group phrase is a few words: scanning them costs less than splitting them into
        # the runs table, whose few entries the segment's own searches are using
        found = {id(a): a for _, _, a in self._scan(text, _RUN_HEAD.finditer(text))}
        arm = self._first[text] = next((a for a in self.order if id(a) in found), None)
        return arm


@lru_cache(maxsize=4096)
def _group_words(txt: str) -> tuple[bool, str | None]:
    """(whether it holds a control term, the word a "non-X" / "without X" group lacks) of
    a group's words: the same few phrases ("the placebo group") recur through every abstract."""
    neg = _NEGATED_GROUP.match(txt)
    return _cues()["control"].search(txt) is not None, neg.group(1) if neg else None


# _REF_VALUE reads back from the group over its value: "compared with 6 out of 33 (18%)
# assigned to " is longer than the 40 characters a marker before a group is looked for in
_REF_VALUE_SPAN = 70


def _ref_value(seg: str, pos: int) -> bool:
    """A value after "versus"/"compared with" comes just before the group at ``pos``."""
    before = seg[max(0, pos - _REF_VALUE_SPAN): pos]
    low = before.lower()
    if _plain(before) and "vs" not in low and "versus" not in low and "compared" not in low:
        return False  # none of _REF_VALUE's words (see _plain)
    return _REF_VALUE.search(before) is not None


def _mentions(seg: str, arm_res, cues, low: str | None = None, words: list[str] | None = None) -> list[_Mention]:
    """The groups ``seg`` names. ``low``: ``seg`` lower-cased, and ``words`` its words
    (``_ascii_words``, None when ``seg`` is not ``_plain``), when the caller has them."""
    found: list[_Mention] = []

    bracketed = "(" in seg

    def side(pos: int) -> str:
        # a group named inside the numbers' brackets ("(tiotropium 9.5%; placebo 17.9%)")
        # labels a value; it is not the group the statement is about
        if bracketed and seg.count("(", 0, pos) > seg.count(")", 0, pos):
            return "neutral"
        before = seg[max(0, pos - 40): pos]
        # _REF_VALUE and "between" need their words: looked for first in the lower-cased
        # text, where they are as written unless it has a letter like "ſ" (see _plain)
        low = before.lower()
        plain = _plain(before)
        if (not (plain and _no_ref_marker(low)) and cues["ref_marker"].search(before)) or _ref_value(seg, pos):
            return "ref"
        if not (plain and "between" not in low) and cues["between"].search(before):
            return "neutral"
        return "focus"

    def add(st: int, en: int, arm=None, control: bool | None = None) -> None:
        for m in found:
            if m.start < en and st < m.end:
                if arm is not None and m.arm is None:
                    m.arm = arm
                return
        txt = seg[st:en]
        if control is None:
            has_control_word, neg = _group_words(txt)
            control = has_control_word or (arm is not None and getattr(arm, "role", "") == "control")
            if neg and (neg.lower() in _NEGATED_TREATMENT or (arm_res and arm_res.names(neg))):
                # "the non-tourniquet group", "the non-intervention group": the group without
                # the treatment is the control, whatever arm its word names
                control, arm = True, None
        found.append(_Mention(st, en, txt, side(st), control, arm))

    plain = _plain(seg)
    if low is None:
        low = seg.lower()
        words = _ascii_words(low, _WORD_GAPS) if plain else None  # for the rules' gates
    # "Group T" before "in the T group": an identified group is one mention, not a head noun
    # of plain text, the subject words (the rule's gate) are looked for before their pairs
    treated = _finditer("group_treated", seg, low) if not plain or (
        any(map(low.__contains__, _rule_gates()["group_treated"])) and _may_name_treated_group(low, words)) else ()
    # group_id and group_phrase need one of their gate words: one test for both
    named = () if plain and not any(map(low.__contains__, _named_group_words())) else (
        *_finditer("group_id", seg, low, words), *_finditer("group_phrase", seg, low, words))
    for m in (*named, *treated):
        g0, g1 = m.span("g")
        add(g0, g1, arm_res.first(m.group("g")) if arm_res else None)
    for st, en, a in arm_res.finditer(seg):
        add(st, en, a)
    for m in cues["control"].finditer(seg):
        add(m.start(), m.end(), None, True)
    found.sort(key=lambda m: m.start)
    return found
