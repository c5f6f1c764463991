"""Word machinery of the comparisons field: the word-run scanner shared by every search of a
segment, ``_WordSet`` (a word list matched by looking up words rather than by a regex
alternation), content ``tokens``, and the cues of ``patterns/comparisons.lexicon.json``
with the substring gates of the ``patterns/comparisons.json`` rules."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache

import regex

from extractor.regex_cache import compile_regex
from extractor.rules import Rule, bounded, load_lexicon, load_rules
from extractor.words import content_tokens

_STOP = {
    "the", "a", "an", "of", "in", "on", "for", "with", "and", "or", "to", "at", "by", "from", "was", "were",
    "is", "are", "be", "been", "than", "that", "this", "these", "those", "between", "among", "group", "groups",
    "arm", "arms", "patient", "patients", "subject", "subjects", "participant", "participants", "after",
    "during", "their", "its", "as", "who", "which", "treatment", "treated", "receiving", "received",
}

# stdlib re: a third faster than regex for this simple scan
_RUN = re.compile(r"[\w-]+")
# the same runs, with the run's first word (its leading [A-Za-z0-9]+; empty when the run
# starts with "-", "_" or a non-ASCII letter) as group 1: one match per run instead of two
_RUN_HEAD = re.compile(r"(?=[\w-])([A-Za-z0-9]*)[\w-]*")


_RUNS = threading.local()
_MATCH_START = re.Match.start
# ASCII bytes that are not in a run ([\w-]: letters, digits, "_", "-") -> space
_NOT_RUN = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-"))
_RUN_GAPS = bytes.maketrans(_NOT_RUN, b" " * len(_NOT_RUN))


def _spaced_runs(text: str) -> str:
    """ASCII ``text`` lower-cased, every character outside a run a space, and a space at
    either end: a run equal to ``k`` is where ``" k "`` is, one character further on."""
    return " " + text.encode("ascii").translate(_RUN_GAPS).lower().decode("ascii") + " "


def _run_spaces(low: str) -> str:
    """ASCII ``low`` (lower-cased) with every character outside a run a space, the same
    length: the words of ``low[a:b]`` are those of its slice ``[a:b]``."""
    return low.encode("ascii").translate(_RUN_GAPS).decode("ascii")


class _Runs:
    """The lower-cased word runs of ``text[pos:end]`` and their set; where the runs equal to
    some words start is found on demand: most word lists share no word with a segment.
    ASCII text, nearly all of it, is split by a byte table at C speed, four times faster
    than the regex scan."""

    __slots__ = ("text", "pos", "end", "words", "set", "spaced")

    def __init__(self, text: str, pos: int, end: int) -> None:
        self.text, self.pos, self.end = text, pos, end  # holding the text keeps its id unique
        piece = text[pos:end]
        self.spaced: str | None = None
        if piece.isascii():
            self.spaced = _spaced_runs(piece)
            self.words = self.spaced.split()
        else:
            self.words = list(map(str.lower, _RUN.findall(piece)))
        self.set = frozenset(self.words)

    def starts_of(self, keys: frozenset[str]) -> list[tuple[int, str]]:
        """(start in the text, word) of each run equal to one of ``keys``, in text order."""
        out: list[tuple[int, str]] = []
        if self.spaced is not None:
            find, pos = self.spaced.find, self.pos
            for k in keys:  # str.find: C speed, no scan of the runs in Python
                pat = " " + k + " "
                i = find(pat)
                while i >= 0:
                    out.append((pos + i, k))
                    i = find(pat, i + len(k) + 1)  # the space after this run may open the next
        else:
            words = self.words
            starts = list(map(_MATCH_START, _RUN.finditer(self.text, self.pos, self.end)))
            for k in keys:
                i = -1
                for _ in range(words.count(k)):
                    i = words.index(k, i + 1)
                    out.append((starts[i], k))
        if len(keys) > 1:
            out.sort()
        return out


def _word_runs(text: str, pos: int, end: int) -> _Runs:
    """The word runs of ``text[pos:end]``.

    A segment is searched by up to ten word lists in turn (increase, decrease, significant,
    ...): the last few segments' runs are kept (per thread: Dask workers are threads) so
    the words are split once per segment, not once per list. Keyed by identity, not value:
    hashing every segment would cost what the cache saves.
    """
    cache = getattr(_RUNS, "items", None)
    if cache is None:
        cache = _RUNS.items = {}
    key = (id(text), pos, end)
    runs = cache.get(key)
    if runs is None:
        runs = cache[key] = _Runs(text, pos, end)
        if len(cache) > 8:
            del cache[next(iter(cache))]  # the oldest
    return runs


def _blanked_runs(text: str, r0: int, r1: int) -> _Runs | None:
    """Runs to search ``text`` with ``[r0, r1)`` blanked by (an outcome phrase, where the
    words around it are read): those of ``text`` itself, shared with its other searches,
    where new ones for the blanked copy cost more than the searches using them. A word
    list's search reads the runs' words only to skip the text, and each run found is
    matched in the blanked text, so a run inside the blank is found and then not matched:
    the same matches, provided the blank cuts no run in two (whose ends would be runs of
    their own). None when it does, or the text is not ASCII."""
    runs = _word_runs(text, 0, len(text))
    spaced = runs.spaced  # spaced[i + 1] is text[i]
    if spaced is None or (spaced[r0] != " " and spaced[r0 + 1] != " ") or (
            spaced[r1] != " " and spaced[r1 + 1] != " "):
        return None
    return runs


# ASCII bytes that are not in a word (\w) -> space; likewise for an alphanumeric run
_NOT_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
_WORD_GAPS = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ALNUM_GAPS = bytes.maketrans(_NOT_ALNUM, b" " * len(_NOT_ALNUM))


def _ascii_words(text: str, gaps: bytes) -> list[str]:
    """The lower-cased ASCII words of ``text``, split where the byte table ``gaps`` puts
    spaces; a character outside ASCII splits words like a space."""
    return text.encode("ascii", "replace").translate(gaps).lower().decode("ascii").split()


# the letters a case-insensitive regex matches as ASCII letters (i, s, k) without being ASCII
# themselves, which lower-casing does not (or not only) turn into ASCII: "İ", "ı", "ſ", "K"
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _plain(text: str) -> bool:
    """Whether every letter of ``text`` (as written: lower-casing turns "İ" and "K" into
    ASCII) that a case-insensitive regex can match as an ASCII letter is one: then a word
    such a regex needs is in the lower-cased text as the pattern spells it, and a gate may
    look for it there. Other letters (Greek, accented; "±" and "µ" are in many abstracts)
    cannot match an ASCII letter."""
    return text.isascii() or not any(map(text.__contains__, _FOLDS_TO_ASCII))


# texts up to this long are checked for a key word before the runs table is consulted
_SHORT = 48


class _WordSet:
    r"""A word list searched like ``(?<![\w-])(?:w1|w2|...)(?![\w-])`` (case-insensitive), but
    found by scanning words and looking up the first word of each phrase: a regex alternation
    of a few hundred words costs about 1 ms per abstract in ``regex``, the scan a tenth."""

    def __init__(self, words: list[str]) -> None:
        by_key: dict[str, set[str]] = {}
        for w in words:
            w = w.strip().lower()
            m = _RUN.match(w)
            if not m:
                continue
            by_key.setdefault(m.group(), set()).add(w)
        self.keys: dict[str, regex.Pattern[str]] = {}
        for k, ws in by_key.items():
            # longest first; ties in a fixed order, so the pattern is the same in every process
            # (its compiled program is looked up by its text: see regex_cache)
            alts = sorted({regex.escape(w).replace(r"\ ", r"\s+") for w in ws}, key=lambda a: (-len(a), a))
            self.keys[k] = compile_regex(r"(?:" + "|".join(alts) + r")(?![\w-])", regex.I)
        self.keyset = frozenset(self.keys)
        # keys that are whole entries ("than", "versus"): a run equal to one is a match
        # whatever follows it, so finding the word is finding the entry
        self.whole = frozenset(k for k, ws in by_key.items() if k in ws)
        # the other words of each phrase of a key that is no entry itself ("was" of "was
        # similar"), where every word is an ASCII run: a phrase matches only where all its
        # words are runs of the text, so a key none of whose phrases has them is not tried
        # ("was" and "did" are in nearly every segment, "similar" and "not" in few)
        self.needs: dict[str, tuple[frozenset[str], ...]] = {}
        for k, ws in by_key.items():
            parts = [w.split(" ") for w in ws]
            if k not in ws and all(w.isascii() and all(map(_RUN.fullmatch, p)) for w, p in zip(ws, parts, strict=True)):
                self.needs[k] = tuple(frozenset(p[1:]) for p in parts)

    def _viable(self, hits: frozenset[str], runs: _Runs) -> frozenset[str]:
        """The keys of ``hits`` one of whose phrases has all its words among the runs (of
        ASCII text: elsewhere a letter may match another case-insensitively)."""
        if runs.spaced is None or self.needs.keys().isdisjoint(hits):
            return hits
        have, needs = runs.set, self.needs
        return frozenset(k for k in hits if k not in needs or any(map(have.issuperset, needs[k])))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, *,
                 runs: _Runs | None = None) -> Iterator[regex.Match[str]]:
        """Matches in ``text[pos:endpos]``; ``runs``: its runs, when the caller holds them."""
        end = len(text) if endpos is None else endpos
        if runs is None:
            runs = _word_runs(text, pos, end)
        hits = self.keyset.intersection(runs.set)
        if hits:
            hits = self._viable(hits, runs)
        if not hits:  # most calls: rejected by one set operation, without a generator
            return iter(())
        return self._matches(text, end, runs, hits)

    def _matches(self, text: str, end: int, runs: _Runs, hits: frozenset[str]) -> Iterator[regex.Match[str]]:
        # a phrase key may be a prefix of a hyphenated run only when the phrase has its
        # own hyphen, which the key includes; nothing else can start here
        keys = self.keys
        for start, w in runs.starts_of(hits):
            m = keys[w].match(text, start, end)
            if m:
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None, *,
               runs: _Runs | None = None) -> regex.Match[str] | None:
        """The first match of ``finditer``, found without building the generator."""
        end = len(text) if endpos is None else endpos
        if runs is None:
            if end - pos <= _SHORT:
                # a phrase (an outcome, the words before a cue) is searched once or twice:
                # its words are checked without the runs table, whose entries the segment's
                # own searches are using (most such phrases hold no key word)
                piece = text[pos:end]
                if piece.isascii() and self.keyset.isdisjoint(_spaced_runs(piece).split()):
                    return None
            runs = _word_runs(text, pos, end)
        hits = self.keyset.intersection(runs.set)
        if hits:
            hits = self._viable(hits, runs)
        if not hits:
            return None
        keys = self.keys
        for start, w in runs.starts_of(hits):
            m = keys[w].match(text, start, end)
            if m:
                return m
        return None

    def found_in(self, low: str, pos: int, end: int, runs_text: str | None = None) -> bool:
        """Whether ``search`` finds anything in ``low[pos:end]`` (``low`` lower-cased): the
        words are collected at C speed, and only a span holding a key word is searched. An
        ASCII span is split without a ``_Runs`` (no set, no cache entry): most spans have no
        key word and are not looked at again. ``runs_text``: ``_run_spaces(low)``, when the
        caller asks about many spans of an ASCII text."""
        if runs_text is not None:
            return self._found_in_words(low, pos, end, runs_text[pos:end].split())
        piece = low[pos:end]
        if not piece.isascii():
            words = _word_runs(low, pos, end).set
            if self.keyset.isdisjoint(words):
                return False
            return not self.whole.isdisjoint(words) or self.search(low, pos, end) is not None
        return self._found_in_words(low, pos, end, _spaced_runs(piece).split())

    def _found_in_words(self, low: str, pos: int, end: int, words: list[str]) -> bool:
        """``found_in`` of an ASCII span, given its words."""
        if self.keyset.isdisjoint(words):
            return False
        if not self.whole.isdisjoint(words):
            return True
        # only phrase keys ("was" of "was similar"): searched only if one of their phrases
        # has all its words here, most spans not ("was" with neither "similar" nor "not")
        have = frozenset(words)
        needs = self.needs
        if all(k in needs and not any(map(have.issuperset, needs[k])) for k in self.keyset.intersection(have)):
            return False
        return self.search(low, pos, end) is not None

    def found(self, text: str) -> bool:
        """Whether ``search`` finds anything in ``text``: a run equal to a whole entry of
        ASCII text is a match, with no regex run to confirm it."""
        runs = _word_runs(text, 0, len(text))
        hits = self.keyset.intersection(runs.set)
        if not hits:
            return False
        if runs.spaced is not None and not self.whole.isdisjoint(hits):
            return True
        return self.search(text) is not None

    def fullmatch(self, text: str):
        m = self.search(text)
        return m if m is not None and m.start() == 0 and m.end() == len(text) else None


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("de(?:clined|creased)"): one branch per
    letter instead of every word tried in turn. Only for a lookahead's alternation, where
    any word that fits will do (the words' order is not kept)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]  # one way on: no group
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(tree)


def _words_re(words: list[str]) -> _WordSet:
    return _WordSet(words)


@cache
def _cues() -> dict[str, regex.Pattern[str]]:
    e = load_lexicon("comparisons").entries
    out = {k: _words_re(e[k]) for k in ("increase", "decrease", "better", "worse", "no_difference", "trend",
                                          "significant", "negation", "adverse_outcomes", "group_heads")}
    out["ref_marker"] = compile_regex(
        r"(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(e["comparator_markers"], key=len, reverse=True))
        + r")\s+(?:(?:in|with|among|for|to|of|the|those|that|patients|subjects|participants|receiving|treated|on|given|"
        r"randomi[sz]ed|allocated|assigned)\s+){0,3}$",
        regex.I | regex.REVERSE,  # anchored at the end: matched from the end, not tried at every start
    )
    out["ref_marker_any"] = compile_regex(
        r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|in\s+comparison)\b", regex.I)
    dirw = sorted({*e["increase"], *e["decrease"], *e["better"], *e["worse"]} - {"more", "less"}, key=lambda w: (-len(w), w))
    out["piece_split"] = compile_regex(
        # (?<!\s): tried at a run of spaces' start only, not at each of its spaces (quadratic)
        r"(?:,\s*(?:and\s+|but\s+)?|(?<!\s)\s+(?:and|but)\s+)(?=(?:a\s+|an\s+)?(?:(?:statistically\s+)?significantly\s+)?(?:"
        + _trie(dirw) + r")\s+(?:\w+\s+){0,2}?(?:in|of|for|on|levels?|scores?|[a-z]{4,})\b)",
        regex.I,
    )
    out["between"] = compile_regex(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,4}$", regex.I | regex.REVERSE)
    control = load_lexicon("control_terms").entries["terms"]
    out["control"] = _words_re(control)
    allcues = [*e["increase"], *e["decrease"], *e["better"], *e["worse"], *e["no_difference"], *e["trend"],
               *e["significant"], "differ", "differed", "difference", "differences", "vs", "versus", "compared"]
    out["gate"] = _words_re(allcues)
    # a segment without numbers is a comparison only with a significance word, or a direction
    # word and a reference group ("reduced PONV compared with placebo"): one search each
    out["sig_any"] = _words_re([*e["no_difference"], *e["trend"], *e["significant"]])
    out["dir_any"] = _words_re([*e["increase"], *e["decrease"], *e["better"], *e["worse"]])
    return out


@cache
def _relief_heads() -> tuple[frozenset[str], regex.Pattern[str], regex.Pattern[str]]:
    """(head words, head right after an adverse word, head with of/from before it) of the
    lexicon's 'adverse_relieved'."""
    heads = load_lexicon("comparisons").entries["adverse_relieved"]
    alt = "|".join(regex.escape(w) for w in sorted(heads, key=lambda w: (-len(w), w)))
    after = compile_regex(rf"\s+(?:{alt})\b", regex.I)
    # anchored at the adverse word's start: matched from the end, not tried at every start
    before = compile_regex(rf"\b(?:{alt})\s+(?:of|from)\s+(?:[\w-]+\s+){{0,3}}$", regex.I | regex.REVERSE)
    return frozenset(w.lower() for w in heads), after, before


def adverse(outcome: str, cues: dict) -> bool:
    """Whether more of ``outcome`` is worse, so a word of valence turns round ("improved
    pain": less pain): it names an adverse thing ('adverse_outcomes') other than as the
    object of its relief or absence ('adverse_relieved': "pain relief", "relief of pain",
    "freedom from pain" are benefits)."""
    hits = list(cues["adverse_outcomes"].finditer(outcome))
    if not hits:
        return False
    heads, after, before = _relief_heads()
    if heads.isdisjoint(_RUN.findall(outcome.lower())):
        return True
    return any(after.match(outcome, m.end()) is None and before.search(outcome, 0, m.start()) is None for m in hits)


@cache
def _rule_gates() -> dict[str, tuple[str, ...]]:
    g = load_lexicon("comparisons").entries["rule_gates"]
    return {k: tuple(v) for k, v in g.items() if not k.startswith("_")}


@cache
def _rule_word_gates() -> dict[str, frozenset[str]]:
    g = load_lexicon("comparisons").entries.get("rule_word_gates", {})
    return {k: frozenset(v) for k, v in g.items() if not k.startswith("_")}


@cache
def _rule_prefilters() -> dict[str, re.Pattern[str]]:
    g = load_lexicon("comparisons").entries.get("rule_prefilters", {})
    return {k: re.compile(v) for k, v in g.items() if not k.startswith("_")}


def _anchored(pattern: str, defines: dict[str, str]) -> bool:
    """The rule starts with ``<<lead>>``, which starts with ``^``: it can match only at the
    start of the text (no MULTILINE)."""
    return pattern.startswith("<<lead>>") and defines.get("lead", "").startswith("^")


@cache
def _gated_rules() -> dict[str, tuple[tuple[str, ...], frozenset[str], re.Pattern[str] | None, Rule, bool]]:
    """rule id -> (gate substrings, gate words, prefilter, rule, anchored): one lookup per search."""
    gates, word_gates, pre = _rule_gates(), _rule_word_gates(), _rule_prefilters()
    rules = load_rules("comparisons")
    return {r.id: (gates.get(r.id, ()), word_gates.get(r.id, frozenset()), pre.get(r.id), r,
                   _anchored(r.pattern, rules.defines))
            for r in rules.rules}


def _finditer(rule_id: str, text: str, low: str | None = None, words: list[str] | None = None):
    """``rule.finditer(text)``, skipped when none of the rule's gate substrings is in the
    text, none of its gate words is a word of it, or its prefilter finds nothing. The gates
    read the lower-cased text, which holds the words the rule needs as the rule spells them
    only if the text is ``_plain``: other text ("vſ" for "vs") is searched ungated. ``low``
    is ``text`` lower-cased and ``words`` its words (``_ascii_words(low, _WORD_GAPS)``),
    when the caller has them."""
    gate, word_gate, pre, rule, anchored = _gated_rules()[rule_id]
    if (gate or word_gate or pre) and _plain(text):
        low = text.lower() if low is None else low
        if gate and not any(map(low.__contains__, gate)):  # C-level loop: no generator frame per word
            return ()
        if word_gate and word_gate.isdisjoint(_ascii_words(low, _WORD_GAPS) if words is None else words):
            return ()
        if pre is not None and pre.search(low) is None:
            return ()
    if anchored:
        # one match at most, at the start: a scan would go on trying every later position
        m = bounded(rule.regex.match, text)
        return (m,) if m is not None else ()
    return rule.finditer(text)


def tokens(text: str) -> set[str]:
    """Content tokens: lower-cased words, plural -s dropped, stop words removed."""
    return content_tokens(text, _STOP)
