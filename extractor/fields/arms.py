"""Randomised groups: label, role, n allocated and doses, in the order first named.

Sources, strongest first (rules in ``patterns/arms.json``):

1. the allocation list — "randomized 1:1 to either UC-MSC treatment (n = 12) or the control
   group (n = 12)" — split into items outside parentheses;
2. per-arm counts — "X (n = 12)", "an observation group of 44 cases", "24 patients received X";
3. a "X versus Y" title when nothing else names the groups.

A group known only by its code ("group SL") is called by the treatment the abstract gives
for that code ("Sugammadex plus 20% lipid emulsion (SL)", "group B ... treated with
cephalomedullary nails"). Mentions of one group are merged (token overlap, or an abbreviation from the Schwartz–Hearst
detector linking "UCMSC" and "umbilical cord mesenchymal stem cell"); other names go to
``Arm.aliases``. Where no arm has n, a pair of "x/n" counts whose totals add up to the
randomised total gives the arm sizes in order ("42/112 ... versus 47/110"). Roles come from
``patterns/control_terms.lexicon.json``. If ``sample_size.randomized`` is unknown and every
arm has n, it is set to their sum (``derived=True``), since this field runs after it.

This module holds the ranking of sources (``extract``) and the roles; the sources themselves
are in ``arm_lists``, ``arm_mentions`` and ``arm_pairs``, the label and dose helpers in
``arm_labels`` and ``arm_doses``, the sentence cues and the candidate ``_Arm`` in ``arm_candidates``.
"""

from __future__ import annotations

import regex

from extractor.fields import Context
from extractor.fields.arm_candidates import _Arm, _doc_cues, _plain_case
from extractor.fields.arm_doses import _ADDITION, _dose_sentences, _doses
from extractor.fields.arm_labels import (
    _NOISE,
    _find_word,
    _is_control,
    _rx,
    _same,
    _strip_doses,
    clean_label,
    not_an_arm,
    split_items,
    tokens,
)
from extractor.fields.arm_lists import (
    _GROUPS_K,
    _K,
    _allocation_arms,
    _crossover_conditions,
    _enumerated_arms,
    _k_list_arms,
    _respectively,
)
from extractor.fields.arm_mentions import (
    _CODE_LABEL,
    _code_names,
    _count_mentions,
    _each_n,
    _group_mentions,
    _group_received,
    _merge,
    _paren_named_counts,
    _rate_sizes,
)
from extractor.fields.arm_pairs import (
    _active_or_sham,
    _controlled_trial,
    _either_or,
    _text_versus,
    _title_between,
    _title_versus,
)
from extractor.records import Arm, Evidence, SampleSize
from extractor.regex_cache import compile_regex

# re-exported: other code imports these from here
__all__ = ["FIELD", "clean_label", "extract", "split_items", "tokens"]


FIELD = "arms"

# an arm the abstract marks as the comparator: "a conventional acoustic stethoscope",
# "alcohol-assisted PRK in one eye (control group)", "the control arm of IMPRESS (chemotherapy", "SRP alone
# (control site)", "room temperature CO2 (control group, n = 15)"
_CONTROL_BEFORE = compile_regex(
    r"(?:(?<!\b(?:plus|with)\s)\b(?:conventional|standard|usual|routine|traditional)\s*,?\s+|\bcontrol\s+(?:group|arm)\b[^.;()]{0,40}\(\s*)$")
_CONTROL_AFTER = compile_regex(
    r"^[^.;()]{0,40}?\((?:the\s+|a\s+)?(?:negative\s+)?control(?:\s+(?:group|arm|condition|site|side|eye|product|intervention))?"
    r"(?:\s*[,;]\s*n\s*=\s*\d+)?\)|"
    r"^\s*(?:(?:group|arm)\s+)?,?\s*(?:which\s+)?(?:served\s+)?as\s+(?:the\s+|a\s+)?control\b")
_CONTROL_ADJ_T = ("conventional", "standard", "usual", "routine", "traditional")
_CONTROL_ADJ = frozenset(_CONTROL_ADJ_T)


def _marked_control(low: str, arm: _Arm) -> bool:
    """The abstract marks the arm as its comparator ("conventional X", "X (control)"), or its
    label is such a qualifier alone ("sequential versus standard")."""
    if arm.label.lower() in _CONTROL_ADJ:
        return True
    for name in [arm.label, *arm.aliases]:
        if len(name) < 2:
            continue
        name = name.lower()
        m = _find_word(low, name)
        while m is not None:
            # plain string tests first: the patterns run only where a marker word is adjacent
            tail = low[max(0, m.a - 16) : m.a].rstrip(" ,")
            before = tail.endswith(_CONTROL_ADJ_T) or tail.endswith("(")
            after = low[m.b : m.b + 60]
            if (before and _CONTROL_BEFORE.search(low[max(0, m.a - 60) : m.a])
                    or "control" in after and _CONTROL_AFTER.match(after)):
                return True
            m = _find_word(low, name, m.b + 1)
    return False


# "golimumab 100 mg + placebo", "methylphenidate plus placebo": a combination with a control term
_PARTS = compile_regex(r"\s*\+\s*|\s+(?:plus|and|with|combined\s+with)\s+", regex.I)
# dosage forms and words that do not name the partner ("placebo injections plus methotrexate capsules")
_AIM_CONTROL = compile_regex(r"^[\w-]+\s+controls?$", regex.I)
_FORM_WORDS = frozenset("injection capsule tablet infusion pill matching matched dose".split())


def _partner(label: str) -> frozenset[str]:
    """Content tokens of X in a label "X + placebo" (one part a control term, the other not;
    amounts and dosage forms left out), or none."""
    low = label.lower()
    if "+" not in low and " plus " not in low and " and " not in low and " with " not in low:
        return frozenset()
    parts = _PARTS.split(label)
    if len(parts) != 2:
        return frozenset()
    # "weight control" is an aim, not a control treatment
    ctl = [_is_control(p, []) and not _AIM_CONTROL.match(p) for p in parts]
    if ctl[0] == ctl[1]:
        return frozenset()
    other = parts[1] if ctl[0] else parts[0]
    return frozenset(t for t in tokens(_strip_doses(other)[0]) if t not in _FORM_WORDS and t.isalpha())


def _studied(x: frozenset[str], labels: list[str], label_tokens: list[frozenset[str]], low: str) -> tuple[bool, int, int]:
    """How much the drug X looks studied rather than background: named with two amounts in the
    labels ("golimumab 50 mg", "golimumab 100 mg"), in more labels, named earlier (the title
    and objective name the drug studied first)."""
    amounts = {m.group(1) for w in x for label in labels
               for m in _rx(rf"\b{regex.escape(w)}\s+(\d+(?:[.,]\d+)?\s*[^\s+]+)", regex.I).finditer(label)}
    first = min((m.a for w in x if (m := _find_word(low, w)) is not None), default=len(low))
    return len(amounts) >= 2, sum(x <= t for t in label_tokens), -first


def _active_with_placebo(arms: list[_Arm], controls: list[bool], low: str) -> list[bool]:
    """Roles of arms "X + placebo" whose label holds a control term only for the other drug.

    - X in every arm ("simvastatin plus placebo" vs "simvastatin plus fenofibrate") is the
      background therapy: the arm is the control;
    - beside a control without a partner ("placebo"), the arm is an intervention;
    - two such arms ("placebo + MTX", "golimumab 100 mg + placebo") beside one combining both
      ("golimumab 50 mg + MTX"), a factorial trial: the placebo of the control stands for the
      drug studied (``_studied``); the other arm is an intervention. Without an arm combining
      them (a double-dummy head-to-head trial) both are.
    """
    partners = [_partner(a.label) if c else frozenset() for a, c in zip(arms, controls, strict=True)]
    if not any(partners):
        return controls
    label_tokens = [tokens(a.label) for a in arms]

    def in_arms(x: frozenset[str]) -> int:
        return sum(x <= t for t in label_tokens)

    combos = [i for i, p in enumerate(partners) if p and in_arms(p) < len(arms)]
    if not combos:
        return controls
    out = list(controls)
    plain_control = any(c and not p for c, p in zip(controls, partners, strict=True))
    if plain_control:
        for i in combos:
            out[i] = False
    elif len(combos) >= 2:
        both = frozenset().union(*(partners[i] for i in combos))
        if any(both <= t for t in label_tokens):
            labels = [a.label for a in arms]
            keys = {i: _studied(partners[i], labels, label_tokens, low) for i in combos}
            least = min(keys.values())
            if sum(k == least for k in keys.values()) > 1:
                return controls  # nothing tells the drug studied from the background
            for i in combos:
                out[i] = keys[i] == least
        else:
            for i in combos:
                out[i] = False
    return out


_NEGATED = compile_regex(r"^(?:no|without|non)\b", regex.I)


def _in_every_arm(arm: _Arm, arms: list[_Arm]) -> bool:
    """"chemotherapy" beside "chemotherapy plus bevacizumab": every arm's label names the
    control's treatment, a co-treatment of all arms, so its amounts are no dose of the control."""
    own = frozenset(t for t in tokens(arm.label) if t.isalpha())
    # ... naming it as received: "no aspirin" does not
    return bool(own) and all(own <= tokens(o.label) and not _NEGATED.match(o.label) for o in arms)


def _abbreviated(arms: list[_Arm], abbrevs: dict[str, str]) -> list[str]:
    """"the extramedullary sliding hip screw (SHS)": an arm named by the long form of an
    abbreviation the abstract defines is called by the abbreviation, the shortest phrase it
    uses for the group. Only long forms of several content words ("medium-concentration
    formulation (MC)"): a one-word name ("control (CON)", "intervention group (IG)",
    "artemether-lumefantrine (ALN)") is already short; a code for "... group" ("usual care
    group (UCG)") names the group, not the treatment, so the words stay."""
    # cheap pre-filter: the long form's first word must be a word of some label
    words = {w.rstrip("s") for a in arms for w in a.label.lower().split()}
    cands = [(short, tokens(long)) for short, long in abbrevs.items()
             if " " in long and long.split(None, 1)[0].lower().rstrip("s") in words and any(c.isupper() for c in short)
             and not _rx(r"\b(?:group|arm)s?$", regex.I).search(long) and not _NOISE.search(short)]
    if not cands:
        return [a.label for a in arms]
    out = []
    for a in arms:
        label, lt = a.label, tokens(a.label)
        if len(lt) >= 2 and a.label not in abbrevs:
            for short, long_tokens in cands:
                if long_tokens == lt and not any(short == o.label for o in arms):
                    label = short
                    break
        out.append(label)
    return out


def _total_was_an_arms_count(ss: SampleSize, arms: list[_Arm], stated: set[tuple[int, int] | None]) -> bool:
    """Whether the randomised total was read from the very count that a list allocating every
    arm its count gives one arm ("493 subjects were randomized to varenicline and 166 to placebo")."""
    ev = ss.evidence.get("randomized")
    if ev is None or ss.randomized is None or not all(a.n is not None and a.n_span in stated for a in arms):
        return False
    # ... and the list allocates no group the arms left out ("27 to standard care, 26 to G-CSF and 28
    # to G-CSF plus stem-cell infusion" read as two arms)
    if {a.n_span for a in arms} != stated:
        return False
    return any(a.n == ss.randomized and a.n_span is not None and a.n_span[0] <= ev.start < a.n_span[1] for a in arms)


def _each_in_its_group(group: list[_Arm]) -> list[_Arm]:
    """The counts of one sentence that give two or more groups each its own: each receiving its
    treatment ("30 patients were treated with ibuprofen ... and 30 ... with glucosamine"), or each
    from its group where the sentence counts nothing else ("73 patients from the GDFR group were
    compared with 72 patients from the control group"; in "297 patients in the aspirin group (n =
    1,075)" the group's size is the "n =")."""
    received = [x for x in group if x.rule == "arms:n_received"]
    if len(received) >= 2:
        return received
    return group if len(group) >= 2 and all(x.rule == "arms:n_in_group" for x in group) else []


def _doc_k(ctx: Context) -> int | None:
    """The number of groups the abstract states ("randomized into three groups"), if any."""
    # the pattern ends at "groups" / "arms": most abstracts have neither
    if _plain_case(ctx.norm) and "groups" not in ctx.low and "arms" not in ctx.low:
        return None
    gk = _GROUPS_K.search(ctx.norm)
    return _K[gk.group(1).lower()] if gk else None


def extract(ctx: Context) -> list[Arm]:
    abbrevs = {a.short: a.long for a in (ctx.results.get("abbreviations") or [])}
    # sentences are sliced (and lower-cased for substring gates) once per document
    spans = [(s, e) for _i, s, e in ctx.sentences()]
    low_doc = ctx.low
    cues = _doc_cues(low_doc, [s for s, _e in spans], [e for _s, e in spans])
    sents = [(s, e, ctx.norm[s:e], low_doc[s:e], c) for (s, e), c in zip(spans, cues, strict=True)]
    # an enumerated list ("groups: (1) ..., (2) ...") outranks a list split at commas and "and"
    arms = _enumerated_arms(ctx, sents)
    if len(arms) < 2:
        arms = _allocation_arms(ctx, sents)
    mentions = _count_mentions(ctx, sents)
    resp_n, listed = _respectively(ctx, sents)
    if resp_n:
        # a "respectively" list states every arm's allocation; it outranks single mentions
        if len(arms) < 2:
            arms = resp_n
        else:
            for x in resp_n:
                hit = next((a for a in arms if _same(a.label, x.label, abbrevs)), None)
                if hit:
                    hit.n, hit.n_span = x.n, x.n_span
        mentions = [[x for x in g if x.rule == "arms:n_received" or not any(_same(x.label, r.label, abbrevs) for r in resp_n)]
                    for g in mentions]
    # a list that names exactly the stated number of groups outranks a shorter allocation list
    # ... and so does a list of the treatments of groups the allocation list gave only as codes
    # ("into 4 groups of A, B, C, and D and were administered hMG, ..., respectively")
    if len(listed) >= 2 and (len(listed) > len(arms) or len(listed) == len(arms) and all(_CODE_LABEL.match(a.label) for a in arms)):
        arms = listed
        for group in mentions:
            _merge(arms, group, abbrevs, create=False)
    # counts allocated each to its group in one sentence name every group: more of them than an
    # allocation list names ("27 ... to the standard care, 26 to the G-CSF group, and 28 to the G-CSF
    # plus stem-cell infusion group" after "standard care or G-CSF") outrank it
    allotted = next((g for g in mentions if sum(x.rule == "arms:counts_to" for x in g) > max(len(arms), 1)), None)
    if allotted is not None:
        arms = [x for x in allotted if x.rule == "arms:counts_to"]
    if arms:
        for group in mentions:
            _merge(arms, group, abbrevs, create=False)
    else:
        best = next((g for g in mentions if len(g) >= 2), None)
        if best:
            arms = []
            _merge(arms, best, abbrevs, create=True)
            for group in mentions:
                if group is not best:
                    _merge(arms, group, abbrevs, create=False)
    arms = [a for a in arms if not not_an_arm(a.label)]
    # the stated number of groups, read only where it is used (a search of the whole abstract)
    k: int | None = None
    group_lists: list[list[_Arm]] = []  # "the intervention and control groups": a last source
    if len(arms) < 2:
        k = _doc_k(ctx)
        named = _group_mentions(ctx, sents, abbrevs, group_lists)
        if k and len(named) > k:
            named = named[:k]
        if len(named) >= 2:
            arms = named
            for group in mentions:
                _merge(arms, group, abbrevs, create=False)
    if len(arms) < 2:
        arms = _group_received(ctx, sents)
    if len(arms) < 2:
        arms = _k_list_arms(ctx, sents)
    if len(arms) < 2:
        arms = _either_or(ctx, sents)
    if len(arms) < 2:
        arms = _controlled_trial(ctx, sents)
    if len(arms) < 2:
        arms = _active_or_sham(ctx, sents)
    if len(arms) < 2:
        arms = _title_versus(ctx)
    if len(arms) < 2:
        arms = _text_versus(ctx, sents)
    if len(arms) < 2:
        arms = _title_between(ctx)
    if len(arms) < 2:
        arms = _crossover_conditions(ctx, sents)
    if len(arms) < 2 and group_lists:
        arms = group_lists[0]
    arms = [a for a in arms if not not_an_arm(a.label)]
    if len(arms) < 2:
        return []
    _code_names(ctx, sents, arms)
    ss = ctx.results.get("sample_size")
    total = ss.randomized if isinstance(ss, SampleSize) else None
    _each_n(ctx, sents, arms)
    stated: set[tuple[int, int] | None] = set()
    if total is not None:
        # a count allocated to its group ("493 were randomized to varenicline and 166 to placebo")
        # is that group's n even where the total read elsewhere is that count
        stated = {x.n_span for group in mentions for x in group if x.rule == "arms:counts_to"}
        # ... and so is each of two or more counts receiving their treatments in one sentence
        # ("Thirty patients were treated with ibuprofen ... and 30 patients ... with glucosamine"),
        # or each in its group ("A total of 73 patients from the GDFR group were compared with 72
        # patients from the control group")
        stated |= {x.n_span for group in mentions for x in _each_in_its_group(group)}
        for a in arms:
            # one arm cannot hold every participant ("22 regions divided into an intervention group or ...")
            if a.n == total and a.n_span not in stated:
                a.n = a.n_span = None
    _rate_sizes(ctx, arms, total)
    _paren_named_counts(ctx, sents, arms, abbrevs)
    if not any(_is_control(a.label, a.aliases) for a in arms) and ((k := k or _doc_k(ctx)) is None or len(arms) < k):
        # "compared with a control group with standard medical care alone (n = 122)": a control
        # group stated with its own n is an arm even when the allocation list left it out
        extra = next((x for group in mentions for x in group if x.n is not None and _is_control(x.label, []) and x.rule != "arms:named_n"
                      and not any(_same(a.label, x.label, abbrevs) for a in arms)), None)
        if extra:
            arms.append(extra)
    dose_sents = _dose_sentences(ctx, sents)
    out = []
    # an arm named by its abbreviation is a control when its long form says so ("TAU",
    # defined as "treatment as usual")
    controls = [_is_control(a.label, a.aliases + ([abbrevs[a.label]] if a.label in abbrevs else [])) for a in arms]
    marked = [not c and _marked_control(low_doc, a) for a, c in zip(arms, controls, strict=True)]
    if not all(c or m for c, m in zip(controls, marked, strict=True)):
        # a mark on every arm ("conventional vs standard ...") tells none of them apart
        controls = [c or m for c, m in zip(controls, marked, strict=True)]
    controls = _active_with_placebo(arms, controls, low_doc)
    # "The Ketamine group received, in addition, ...": what the control receives is a co-treatment
    shared = any(_ADDITION.search(low) for _s, _e, _sent, low in dose_sents)
    labels = _abbreviated(arms, abbrevs)
    for a, ctl, label in zip(arms, controls, labels, strict=True):
        ev = [Evidence(**ctx.evidence(a.start, a.end, rule=a.rule))]
        if a.n_span:
            ev.append(Evidence(**ctx.evidence(*a.n_span, rule=a.rule)))
        doses = a.fixed_doses or _doses(ctx, a, [o for o in arms if o is not a], ctl, dose_sents)
        if ctl and (shared or _rx(r"^(?:no|without)\s", regex.I).match(a.label) or _in_every_arm(a, arms)) and not a.fixed_doses:
            doses = []
        aliases = a.aliases if label == a.label else [a.label, *a.aliases]
        out.append(Arm(label=label, role="control" if ctl else "intervention", n=a.n,
                       doses=doses, aliases=aliases, evidence=ev))
    if isinstance(ss, SampleSize) and stated and _total_was_an_arms_count(ss, arms, stated):
        # "493 subjects were randomized to varenicline and 166 to placebo": the total read was the
        # first arm's count; every arm's count is stated in the allocation, the total is their sum
        ss.randomized = None
    if isinstance(ss, SampleSize) and ss.randomized is None and all(a.n is not None for a in out):
        ss.randomized = sum(a.n for a in out)  # type: ignore[misc]
        ss.derived = True
        ss.derivation = "sum of the arms' n (" + " + ".join(str(a.n) for a in out) + ")"
        first = out[0].evidence[-1]
        ss.evidence["randomized"] = Evidence(**{**first.model_dump(), "rule": "sample_size:sum_of_arms"})
    return out
