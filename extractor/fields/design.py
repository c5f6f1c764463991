"""Study design from explicit wording (patterns/design.json).

Every design value needs a statement about *this* study. Three kinds of rule keep other
studies out:

* ``block`` spans ("randomized controlled trials" in the plural, "random sample",
  "a previous double-blind study") suppress any design match they overlap;
* ``context_block`` sentences (trials that are "needed", "will be" run, "future" trials)
  suppress every match in the sentence;
* a ``review`` match (meta-analysis, systematic review, "selection criteria") marks the report
  as a review of other trials: its design fields are left unset.

``randomized`` is True on a randomisation statement, False on an explicit "non-randomised"
or an observational design (cohort, case-control, cross-sectional, retrospective) and None
otherwise. "Non-randomised" said of the study itself ("a non-randomized, controlled, pilot
trial", "patients were not randomized") outranks a randomisation mention (which then
usually describes a source trial); a looser "nonrandomized interventions" and an
observational label only count when nothing says the participants were randomised.
Quasi-/pseudo-randomised allocation is neither (None). Future tense ("patients will be randomised", protocols) is
not a statement that randomisation happened, so it leaves the value None.

Blinding: explicit terms (double-blind, single-blind, investigator-blind, open-label, DBPC)
win over blinding inferred from who was blinded ("patients and examiners were blinded" ->
double-blind; "evaluators blinded to the allocation" -> single-blind); among the same kind
the first mention counts. "Placebo-controlled" or a bare "blinded" sets no blinding.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import cache, lru_cache

from extractor.fields import Context
from extractor.records import Design, Evidence
from extractor.rules import Rule, load_rules
from extractor.words import LETTERS, SubstringBits

FIELD = "design"

_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}
_BOOL_LABELS = {
    "crossover": "crossover",
    "cluster": "cluster",
    "parallel": "parallel",
    "placebo_controlled": "placebo_controlled",
    "sham_controlled": "sham_controlled",
    "multicentre": "multicentre",
    "intention_to_treat": "intention_to_treat",
}


def normalise_phase(raw: str) -> str:
    """'III' -> '3', 'IIb' -> '2b', 'II/III' -> '2/3', '1/2a' -> '1/2a', 'I-II' -> '1/2'."""
    parts = re.split(r"\s*[/-]\s*", raw.strip())
    out = []
    for p in parts:
        m = re.fullmatch(r"(IV|III|II|I|[1-4])([abcABC]?)", p, re.I)
        if not m:
            return raw
        num = m.group(1).upper()
        out.append(_ROMAN.get(num, num) + m.group(2).lower())
    return "/".join(out)


# Cheap substring gates (on each lower-cased sentence) before a rule's regex runs there: most
# sentences never mention a sham or a phase, and a substring test costs far less than a scan.
_GATES: dict[str, tuple[str, ...]] = {
    "randomized": ("random", "rct"),
    "not_randomized": ("random",),
    "not_randomized_design": ("random",),
    "randomized_implied": ("blind", "placebo", "sham", "mask", "vehicle"),
    "observational": ("observational", "cohort", "case-control", "case control", "cross-sectional",
                      "cross sectional", "retrospective", "case series", "chart review"),
    "review": ("review", "meta", "search", "criteria", "data sources", "selection", "pooled", "cochrane",
               "trials", "studies"),
    "blinding:triple-blind": ("blind", "mask"),
    "blinding:double-blind": ("blind", "mask", "dbpc", "unaware"),
    "blinding:single-blind": ("blind", "mask", "unaware"),
    "blinding:open-label": ("open", "blind"),
    "phase": ("phase",),
    "crossover": ("cross", "latin", "period", "way"),
    "cluster": ("cluster", "randomi"),
    "parallel": ("parallel",),
    "placebo_controlled": ("placebo", "dbpc"),
    "sham_controlled": ("sham",),
    "multicentre": ("multi", "centre", "center", "site", "hospital"),
    "intention_to_treat": ("intent", "itt"),
    "allocation_ratio": (":",),
}
# Labels searched only inside sentences that hold a design match.
_LOCAL = ("block", "context_block")
# Gates of the local rules, by rule id: each alternative is a tuple of substrings that must all
# occur in the lower-cased sentence (one alternative per branch of the rule's pattern).
_LOCAL_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "block_plural": (("random",),),
    "block_quasi": (("quasi",), ("pseudo",)),
    "block_sampling": (("random",),),
    "block_other_study": tuple((w,) for w in ("previous", "prior", "earlier", "recent", "published", "other", "former")),
    "block_trial_name": (("randomi",),),
    "ctx_need": (
        *((w,) for w in ("needed", "required", "warranted", "necessary", "justified", "lacking", "awaited",
                         "worthwhile", "will", "should", "must", "would", "future", "further", "larger",
                         "answered", "before", "propose", "need")),
        ("no", "trial", "ha"), ("no", "trial", "exist"), ("no", "stud", "ha"), ("no", "stud", "exist"),
    ),
}

_RATIO = re.compile(r"\d\s?:\s?\d")
# Every gate string gets a bit. Letters-only strings are read off each sentence's words
# (``ctx.sentence_words``: one dict look-up per word, shared with other fields); the few with
# a space or a mark ("case-control", ":") are found with str.find in the document.
_ALL_STRINGS = sorted({g for gs in _GATES.values() for g in gs} | {w for alts in _LOCAL_GATES.values() for alt in alts for w in alt})
_LETTER_BITS = SubstringBits(g for g in _ALL_STRINGS if LETTERS.fullmatch(g))
_OTHER_BITS = {g: 1 << (len(_LETTER_BITS.strings) + i) for i, g in enumerate(g for g in _ALL_STRINGS if not LETTERS.fullmatch(g))}
_BIT = {**_LETTER_BITS.bit, **_OTHER_BITS}
_GATE_MASKS = {label: sum(_BIT[g] for g in gs) for label, gs in _GATES.items()}
# a local rule runs where every string of one of its alternatives is there (all are letters:
# read off the sentence's words)
_LOCAL_MASKS = {rid: tuple(sum(_LETTER_BITS.bit[w] for w in alt) for alt in alts) for rid, alts in _LOCAL_GATES.items()}


@lru_cache(maxsize=4096)
def _labels_of(mask: int) -> tuple[str, ...]:
    """The gated labels a sentence holding the gate strings ``mask`` runs (few masks recur)."""
    return tuple(label for label, gate in _GATE_MASKS.items() if gate & mask)


def _cuts_words(low: str, starts: list[int]) -> bool:
    """A sentence starts inside a run of letters (a section break with no space before it)."""
    return any(low[p - 1 : p + 1].isalpha() and low[p - 1 : p + 1].isascii() for p in starts[1:])


def _found_bits(ctx: Context, strings: dict[str, int]) -> dict[int, int]:
    """Sentence index -> the bits of ``strings`` starting in it. str.find per string beats one
    alternation regex by 2x; after a hit the search resumes at the next sentence (one hit per
    sentence is enough)."""
    low, starts = ctx.low, ctx.sent_starts
    last = len(starts) - 1
    bits: dict[int, int] = defaultdict(int)
    for w, b in strings.items():
        i = low.find(w)
        while i >= 0:
            k = max(0, bisect_right(starts, i) - 1)
            bits[k] |= b
            if k >= last:
                break
            i = low.find(w, starts[k + 1])
    return bits


def _sentence_masks(ctx: Context) -> tuple[list[int], list[int]]:
    """The gate strings (bits) each sentence holds, by sentence index: as the gates of the
    labels read them (starting in the sentence), and within its span (the local gates)."""
    inside = [_LETTER_BITS.of(words) for words in ctx.sentence_words]
    if _cuts_words(ctx.low, ctx.sent_starts):
        # a gate string that a sentence start cuts belongs, as found, to the sentence it starts in
        found = _found_bits(ctx, _BIT)
        return [found.get(i, 0) for i in range(len(inside))], inside
    masks = list(inside)
    for i, b in _found_bits(ctx, _OTHER_BITS).items():
        masks[i] |= b
    return masks, inside


def _spans_by_label(ctx: Context, masks: list[int]) -> dict[str, list[tuple[int, int]]]:
    """Label -> the spans of the sentences its rules run on, in text order."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span, mask in zip(ctx.spans, masks, strict=True):
        if mask:
            for label in _labels_of(mask):
                spans[label].append(span)
    if "allocation_ratio" in spans:
        spans["allocation_ratio"] = [(s, e) for s, e in spans["allocation_ratio"] if _RATIO.search(ctx.low, s, e)]
    return spans


@cache
def _rule_sets() -> tuple[list[tuple[Rule, bool]], list[tuple[Rule, tuple[int, ...] | None]]]:
    """(rule, gated) of the rules run first, and (rule, gate masks) of the local rules."""
    rules = load_rules("design").rules
    first = [(r, r.label in _GATE_MASKS) for r in rules if r.label not in _LOCAL]
    local = [(r, _LOCAL_MASKS.get(r.id)) for r in rules if r.label in _LOCAL]
    return first, local


def _collect(ctx: Context) -> dict[str, list[tuple[int, int, str, re.Match]]]:
    found: dict[str, list[tuple[int, int, str, re.Match]]] = defaultdict(list)
    masks, inside = _sentence_masks(ctx)
    spans_by_label = _spans_by_label(ctx, masks)
    norm = ctx.norm
    whole = [(0, len(norm))]
    first, local_rules = _rule_sets()
    for rule, gated in first:
        for s, e in spans_by_label.get(rule.label, ()) if gated else whole:
            for m in rule.finditer(norm, s, e):
                found[rule.label].append((m.start(), m.end(), rule.id, m))
    local = sorted({ctx.sentence_index(s) for lab, hits in found.items() if lab != "review" for s, _, _, _ in hits})
    for rule, gate in local_rules:
        for i in local:
            if gate is not None and not any(inside[i] & g == g for g in gate):
                continue
            s, e = ctx.spans[i]
            for m in rule.finditer(norm, s, e):
                found[rule.label].append((m.start(), m.end(), rule.id, m))
    return found


def extract(ctx: Context) -> Design:
    found = _collect(ctx)
    if found.get("review"):
        return Design()
    blocks = [(s, e) for s, e, _, _ in found.get("block", [])]
    bad_sentences = {ctx.sentence_index(s) for s, _, _, _ in found.get("context_block", [])}

    def usable(label: str) -> list[tuple[int, int, str, re.Match]]:
        out = []
        for s, e, rid, m in found.get(label, []):
            if ctx.sentence_index(s) in bad_sentences:
                continue
            if any(bs < e and s < be for bs, be in blocks):
                continue
            out.append((s, e, rid, m))
        return sorted(out, key=lambda x: x[0])

    design = Design()
    ev: dict[str, Evidence] = {}

    def note(name: str, s: int, e: int, rid: str, uncertain: bool = False) -> None:
        ev[name] = Evidence(**ctx.evidence(s, e, rule=rid, uncertain=uncertain))

    # -- randomisation
    strong, neg = usable("not_randomized_design"), usable("not_randomized")
    pos, obs = usable("randomized"), usable("observational")
    if strong:
        design.randomized = False
        note("randomized", *strong[0][:3])
    elif pos:
        design.randomized = True
        note("randomized", *pos[0][:3])
    elif neg:
        design.randomized = False
        note("randomized", *neg[0][:3])
    elif obs:
        design.randomized = False
        note("randomized", *obs[0][:3])
    elif implied := usable("randomized_implied"):
        # a blinded / placebo-controlled trial that never says "random": randomised in
        # practice, but not stated, so the evidence is marked uncertain
        design.randomized = True
        note("randomized", *implied[0][:3], uncertain=True)

    # -- blinding: explicit terms beat blinding inferred from the parties blinded
    blind = []
    for label in ("blinding:triple-blind", "blinding:double-blind", "blinding:single-blind", "blinding:open-label"):
        for s, e, rid, _m in usable(label):
            inferred = rid.endswith("_parties")
            blind.append((inferred, s, e, rid, label.split(":", 1)[1]))
    if blind:
        blind.sort()
        _, s, e, rid, value = blind[0]
        design.blinding = value  # type: ignore[assignment]
        note("blinding", s, e, rid)

    # -- phase
    phases = usable("phase")
    if phases:
        s, e, rid, m = phases[0]
        design.phase = normalise_phase(m.group("phase"))
        note("phase", s, e, rid)

    # -- allocation ratio: evidence is the ratio itself
    ratios = usable("allocation_ratio")
    if ratios:
        s, e, rid, m = ratios[0]
        rs, re_ = m.span("ratio")
        design.allocation_ratio = re.sub(r"\s+", "", ctx.text[rs:re_])
        note("allocation_ratio", rs, re_, rid)

    # -- yes/no features
    for label, name in _BOOL_LABELS.items():
        hits = usable(label)
        if hits:
            setattr(design, name, True)
            note(name, *hits[0][:3])

    design.evidence = ev
    return design
