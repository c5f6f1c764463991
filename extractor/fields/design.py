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
from operator import itemgetter

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.records import Design, Evidence
from extractor.rules import SHORT_SPAN, Rule, load_rules

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
    """'III' -> '3', 'IIb' -> '2b', 'II/III' -> '2/3', '1/2a' -> '1/2a', 'I-II' -> '1-2',
    '2–3' -> '2–3': Roman numerals in Arabic, the separator as written (SCHEMA: "as written")."""
    pieces = re.split(r"\s*([/–—-])\s*", raw.strip())
    out = []
    for k, p in enumerate(pieces):
        if k % 2:
            out.append(p)  # a separator
            continue
        m = re.fullmatch(r"(IV|III|II|I|[1-4])([abcABC]?)", p, re.I)
        if not m:
            return raw
        num = m.group(1).upper()
        out.append(_ROMAN.get(num, num) + m.group(2).lower())
    return "".join(out)


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
        # "if a randomized trial verifies", "could/may confirm" (should/would/must are above)
        ("if", "trial"), *((m, v) for m in ("could", "may") for v in ("confirm", "verif", "establish", "clarif")),
    ),
}

# Further gates of single rules, read off their patterns: each group lists strings of which the
# pattern needs one ("non"/"not" of a non-randomised statement, the "trials" of a plural), so
# the rule runs only on sentences holding one string of every group. They hold in lower case
# only where ``plain_case`` does (ignore-case "s" also matches "ſ", "i" matches "ı").
_RULE_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "rand_word": (("randomi",),),
    "rand_rct": (("rct",),),
    "not_rand": (("non", "not", "without", "unrandomi"),),
    "not_rand_design": (("non", "not"),),
    "block_plural": (("trials", "studies", "rcts"),),
    "block_sampling": (("sampl", "select", "chosen", "effect", "error", "variation", "variable", "number", "digit",
                        "intercept", "slope", "forest", "coefficient"),),
    "cluster": (("cluster", "by"),),
    "rand_implied_blind_placebo": (("blind", "mask", "controlled"),
                                   ("trial", "study", "comparison", "evaluation", "fashion", "manner", "condition")),
    "review": (("meta", "review", "search", "selection", "sources", "pooled", "cochrane", "trials", "studies"),
               ("meta", "review", "search", "selection", "sources", "pooled", "cochrane", "were", "was", "included")),
    "blind_double_parties": (("were",), ("and",), ("patient", "participant", "subject", "men", "children", "parent", "volunteer"),
                             ("investigator", "assessor", "examiner", "evaluator", "observer", "physician", "clinician",
                              "researcher", "staff", "surgeon", "rater")),
    "blind_single_parties": (("investigator", "assess", "observer", "evaluator", "rater", "examiner", "patient",
                              "participant", "subject"),),
    "crossover": (("cross", "design"),),
    "rand_ly": (("randomly", "assignment", "allocation", "order", "sequence", "assigned", "allocated", "divided", "distributed"),),
    "block_trial_name": (("(",),),
    "blind_triple": (("triple",),),
    "blind_double": (("double", "dbpc"),),
    "blind_single": (("single", "investigator", "assessor", "observer", "evaluator", "rater", "examiner"),),
    "blind_open": (("open", "blinded"),),
    "multicentre": (("multi", "several", *"0123456789", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve"),),
}

# Each local gate as (its single-string alternatives, its multi-string alternatives).
_LOCAL_GATE_CHECKS = {
    rid: (tuple(alt[0] for alt in alts if len(alt) == 1), tuple(alt for alt in alts if len(alt) > 1))
    for rid, alts in _LOCAL_GATES.items()
}

# The two gate tests below are plain loops of ``in`` (C-level substring search): on these
# short sentences an alternation regex, or a generator with a map per group, costs more than
# the substring tests themselves (the gates were ~40% of _collect_labels).


def _local_gate_ok(gate: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], seg: str) -> bool:
    """A local rule's gate admits the lower-cased sentence ``seg``."""
    single, multi = gate
    for w in single:
        if w in seg:
            return True
    for alt in multi:
        for w in alt:
            if w not in seg:
                break
        else:
            return True
    return False


def _rule_gate_ok(groups: tuple[tuple[str, ...], ...], seg: str) -> bool:
    """Each group of a rule's own gate has a string in the lower-cased sentence ``seg``."""
    for group in groups:
        for w in group:
            if w in seg:
                break
        else:
            return False
    return True


_RATIO = re.compile(r"\d\s?:\s?\d")
# Every label gate string gets a bit: one str.find scan per string marks the sentences holding it.
_BIT = {g: 1 << i for i, g in enumerate(sorted({g for gs in _GATES.values() for g in gs}))}
_GATE_MASKS = {label: sum(_BIT[g] for g in gs) for label, gs in _GATES.items()}


@lru_cache(maxsize=4096)
def _labels_of(mask: int) -> tuple[str, ...]:
    """The gated labels a sentence holding the gate strings ``mask`` runs (few masks recur)."""
    return tuple(label for label, gate in _GATE_MASKS.items() if gate & mask)


# Gate strings found at the hits of a shorter string instead of by a scan of their own (one
# str.find scan of the text serves several): string -> (the string scanned, where it starts
# relative to a hit of that string).
_AT_HITS_OF = {"randomi": ("random", 0), "cross-sectional": ("cross", 0), "cross sectional": ("cross", 0),
               "case control": ("case", 0), "case-control": ("case", 0), "case series": ("case", 0),
               "center": ("cent", 0), "centre": ("cent", 0), "chart review": ("review", -6)}
# Labels ``extract`` reads only when no randomisation statement was found (an observational
# design, randomisation implied by blinding): their rules, and the scans of the strings only
# they need, run only then ("late"). A label's usable matches do not depend on the others'.
_LATE = frozenset({"observational", "randomized_implied"})
_EARLY_STRINGS = {g for label, gs in _GATES.items() if label not in _LATE for g in gs}
# (string scanned, its bit (0: no gate string itself), (string, offset, bit) found at its hits)
_Scan = tuple[str, int, tuple[tuple[str, int, int], ...]]
_ALL_SCANS: tuple[_Scan, ...] = tuple(
    (w, _BIT.get(w, 0), tuple((c, off, _BIT[c]) for c, (base, off) in _AT_HITS_OF.items() if base == w))
    for w in sorted(({*_BIT} - {*_AT_HITS_OF}) | {base for base, _off in _AT_HITS_OF.values()})
)
_EARLY_SCANS = tuple(sc for sc in _ALL_SCANS if sc[0] in _EARLY_STRINGS or any(c in _EARLY_STRINGS for c, _o, _b in sc[2]))
_LATE_SCANS = tuple(sc for sc in _ALL_SCANS if sc not in _EARLY_SCANS)


def _sentence_masks(ctx: Context, scans: tuple[_Scan, ...] = _ALL_SCANS) -> dict[int, int]:
    """Sentence index -> the gate strings (bits) of ``scans`` starting in it. str.find per string beats one
    alternation regex by 2x; after a hit the search resumes at the next sentence (one hit per
    sentence is enough), except for a string whose hits locate others (``_AT_HITS_OF``)."""
    low, starts = ctx.low, ctx.sent_starts
    last = len(starts) - 1
    bits: dict[int, int] = defaultdict(int)
    for w, b, found_at in scans:
        i = low.find(w)
        if found_at:
            while i >= 0:
                if b:
                    bits[max(0, bisect_right(starts, i) - 1)] |= b
                for c, off, cb in found_at:
                    j = i + off
                    if j >= 0 and low.startswith(c, j):
                        bits[max(0, bisect_right(starts, j) - 1)] |= cb
                i = low.find(w, i + 1)
            continue
        while i >= 0:
            k = max(0, bisect_right(starts, i) - 1)
            bits[k] |= b
            if k >= last:
                break
            i = low.find(w, starts[k + 1])
    return bits


_Own = tuple[tuple[str, ...], ...] | None
_BLINDING = ("blinding:triple-blind", "blinding:double-blind", "blinding:single-blind", "blinding:open-label")
_Hit = tuple[int, int, str, re.Match]
_START = itemgetter(0)  # a hit's start: the order extract reads a label's hits in


@cache
def _rule_sets() -> tuple[dict[str, list[tuple[Rule, _Own]]], list[tuple[Rule, tuple | None, _Own]]]:
    """Label -> (rule, its own gate) of its rules in file order, and (rule, local gate, its own
    gate) of the local rules."""
    rules = load_rules("design").rules
    ungated = {r.label for r in rules if r.label not in _LOCAL and r.label not in _GATES}
    if ungated:  # _collect runs a rule only on the sentences its label's gate picks
        raise ValueError(f"design labels without a gate: {sorted(ungated)}")
    by_label: dict[str, list[tuple[Rule, _Own]]] = defaultdict(list)
    for r in rules:
        if r.label not in _LOCAL:
            by_label[r.label].append((r, _RULE_GATES.get(r.id)))
    local = [(r, _LOCAL_GATE_CHECKS.get(r.id), _RULE_GATES.get(r.id)) for r in rules if r.label in _LOCAL]
    return dict(by_label), local


def _runs(own: _Own, plain: bool, seg: str) -> bool:
    """A rule's own gate admits the lower-cased sentence ``seg`` (or it has none, or the text
    is not plain_case, where the lower-cased text can miss an ignore-case match)."""
    return own is None or not plain or _rule_gate_ok(own, seg)


def _collect(ctx: Context) -> tuple[dict[str, list[_Hit]], dict[int, int]] | None:
    """(label -> its usable matches (outside a block span and a context_block sentence) up to
    the sentence of the first that ``extract`` can take, the sentence masks) of every label but
    the late ones; None for a review."""
    masks = _sentence_masks(ctx, _EARLY_SCANS)
    norm, low, spans = ctx.norm, ctx.low, ctx.spans
    plain = plain_case(norm)
    by_label, _local = _rule_sets()
    # a review of other trials leaves every design field unset: nothing else is needed then
    review = [i for i in sorted(masks) if "review" in _labels_of(masks[i])]
    for rule, own in by_label.get("review", ()):
        for i in review:
            if _runs(own, plain, low[spans[i][0] : spans[i][1]]) and next(iter(rule.finditer(norm, *spans[i])), None):
                return None
    found: dict[str, list[_Hit]] = defaultdict(list)
    _collect_labels(ctx, masks, {"review", *_LATE}, found)
    return found, masks


def _collect_late(ctx: Context, masks: dict[int, int], found: dict[str, list[_Hit]]) -> None:
    """The usable matches of the late labels into ``found`` (``masks``: the early ones)."""
    for i, bits in _sentence_masks(ctx, _LATE_SCANS).items():
        masks[i] = masks.get(i, 0) | bits
    _collect_labels(ctx, masks, {*_GATES} - _LATE, found)


def _collect_labels(ctx: Context, masks: dict[int, int], done: set[str], found: dict[str, list[_Hit]]) -> None:
    """The usable matches of every label not ``done`` into ``found``.

    ``extract`` reads only the first usable match of a label (by position), or of the explicit
    blinding terms, and a match is usable or not by its own sentence's local rules alone. So
    sentences are read in order, and a label's rules stop once it has a usable match."""
    norm, low, spans = ctx.norm, ctx.low, ctx.spans
    # (the own gates read the lower-cased text: where that can miss an ignore-case match, off)
    plain = plain_case(norm)
    by_label, local_rules = _rule_sets()
    for i in sorted(masks):
        s, e = spans[i]
        labels = [lb for lb in _labels_of(masks[i]) if lb not in done]
        if not labels:
            continue
        seg = low[s:e]
        if "allocation_ratio" in labels and not _RATIO.search(low, s, e):
            labels.remove("allocation_ratio")
        # (_runs and Rule.finditer inlined here and below: two Python calls per rule and
        # sentence; the rare sentence longer than SHORT_SPAN still goes through finditer's timeout)
        short = e - s <= SHORT_SPAN
        hits = [(label, m.start(), m.end(), rule.id, m) for label in labels for rule, own in by_label.get(label, ())
                if own is None or not plain or _rule_gate_ok(own, seg)
                for m in (rule.regex.finditer(norm, s, e) if short else rule.finditer(norm, s, e))]
        if not hits:
            continue
        blocks = []
        for rule, gate, own in local_rules:
            if (gate is None or _local_gate_ok(gate, seg)) and (own is None or not plain or _rule_gate_ok(own, seg)):
                found_local = [(m.start(), m.end())
                               for m in (rule.regex.finditer(norm, s, e) if short else rule.finditer(norm, s, e))]
                if found_local and rule.label == "context_block":
                    break  # (a sentence about other or future trials: none of its matches counts)
                blocks += found_local
        else:
            for label, ms, me, rid, m in hits:
                if not any(bs < me and ms < be for bs, be in blocks):
                    found[label].append((ms, me, rid, m))
            labels_hit = {label for label, *_ in hits}
            done.update(label for label in labels_hit if label in found and label not in _BLINDING)
            # (found's blinding matches change only with a blinding hit in this sentence: with
            # none, the test below gives what it gave at the last sentence that had one)
            if not labels_hit.isdisjoint(_BLINDING) and any(
                    not rid.endswith("_parties") for label in _BLINDING for _s, _e, rid, _m in found.get(label, ())):
                done.update(_BLINDING)  # an explicit term outranks any later one and every inferred one


def extract(ctx: Context) -> Design:
    collected = _collect(ctx)
    if collected is None:
        return Design()
    found, masks = collected
    if not (found.get("not_randomized_design") or found.get("randomized") or found.get("not_randomized")):
        _collect_late(ctx, masks, found)  # (only now can an observational or implied design count)

    def usable(label: str) -> list[_Hit]:
        # (most labels have no match: no sort, and no key function built per call)
        hits = found.get(label)
        return sorted(hits, key=_START) if hits else []

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
        # from the text as written: normalisation turns an en dash into a hyphen
        design.phase = normalise_phase(ctx.text[m.start("phase") : m.end("phase")])
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
