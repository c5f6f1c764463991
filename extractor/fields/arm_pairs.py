"""Two-arm fallbacks, used when no list or count names the groups: "X versus Y" in the title
or the methods, "comparison between X and Y", "either X or Y", "a placebo-controlled trial of
X", "active or sham X"."""

from __future__ import annotations

import regex

from extractor.fields import Context
from extractor.fields.arm_candidates import _ALLOC_CUES, _S, _Arm, _before_results, _followed_by
from extractor.fields.arm_doses import _respective_doses
from extractor.fields.arm_labels import (
    _GENERIC,
    _NOISE,
    _WITH_END,
    _WITHOUT_START,
    _find_word,
    _rx,
    _same,
    _strip_doses,
    _strip_regimen,
    _with_without_names,
    clean_label,
    tokens,
)
from extractor.fields.doses import find_doses
from extractor.regex_cache import compile_regex
from extractor.rules import Rule, load_rules

_COORD_END = compile_regex(r"^(?:and|or)\s", regex.I)
_PEOPLE_BEFORE = compile_regex(r"\b(?:patients|subjects|participants|women|men|children|adults|infants|people|volunteers)\s*$", regex.I)
_VERSUS_GATE = compile_regex(r"\bversus\b|\bvs\b|\bcompared\s+(?:with|to)\b", regex.I)


def _versus_rule(text: str, low: str) -> Rule:
    """title_versus, or versus_abbrev where ")" comes right before "versus" / "vs" ("keratectomy (PRK)
    versus"): only it reads an abbreviation after the first name, and it is the slower."""
    rules = load_rules("arms")
    if _followed_by(text, low, (")",), ("versus", "vs"), space=False):
        return rules.by_id("versus_abbrev")
    return rules.by_id("title_versus")


def _title_versus(ctx: Context) -> list[_Arm]:
    title = ctx.document.title or ""
    pos = ctx.text.find(title) if title else -1
    if not title or pos < 0:
        return []
    cue = _VERSUS_GATE.search(title)
    if not cue:
        return []
    m = next(iter(_versus_rule(title, title.lower()).finditer(title, max(0, cue.start() - 80))), None)
    if not m:
        return []
    arms = []
    for g in ("a", "b"):
        label = _rx(r"^(?:.*\s)?(?:of|with|between)\s+(?=\S)", regex.I).sub("", clean_label(m.group(g)))
        # "lamivudine (LAM) and adefovir dipivoxil (ADV) versus entecavir": the end of a coordination, not a name
        if label and not _NOISE.search(label) and not _COORD_END.match(label):
            arms.append(_Arm(label, pos + m.start(g), pos + m.end(g), rule="arms:title_versus"))
    return arms if len(arms) == 2 else []


def _title_between(ctx: Context) -> list[_Arm]:
    """"...: comparison between NAVA and PSV modes": the two treatments a title compares with
    "comparison of/between X and Y", when both names recur in the abstract (outcomes, years and
    populations are not arms)."""
    title = ctx.document.title or ""
    pos = ctx.text.find(title) if title else -1
    low = title.lower()
    if pos < 0 or not ("compar" in low or "between" in low):
        return []
    m = next(iter(load_rules("arms").by_id("title_between").finditer(title)), None)
    if not m:
        return []
    body = ctx.low[pos + len(title) :]
    arms = []
    for g in ("a", "b"):
        label = clean_label(m.group(g))
        if (not label or _NOISE.search(label) or not tokens(label) or _GENERIC.match(label) or _OUTCOME_NOUN.search(label)
                or _rx(r"^(?:in|among|on|at|for|patients|children|women|men|mothers|adults|\d)", regex.I).match(label)
                or not _find_word(body, label.lower())):
            return []
        arms.append(_Arm(label, pos + m.start(g), pos + m.end(g), rule="arms:title_between"))
    return arms if not _same(arms[0].label, arms[1].label, {}) else []


# a measured quantity, not a treatment: "serum BDNF levels", "pain scores", "response rates"
_OUTCOME_NOUN = compile_regex(
    r"\b(?:levels?|scores?|rates?|concentrations?|values?|counts?|ratios?|indices|index)$", regex.I)


# "subjects who received CHO compared to those who received CON": the treatment after the people;
# "those treated", "children or adults" name people, not a treatment
_PEOPLE = compile_regex(r"^(?:patients|participants|subjects|children|women|men|mothers|adults|infants|people|those)(?![\w-])", regex.I)
_WITH_NAME = compile_regex(
    r"\s+with\s+(?P<x>[\w/+-]+(?:\s+[\w/+-]+){0,5}?)(?=\s+(?:in|for|on|at|after|among|during|was|were|is|are|to|up)\b|[:.,;(]|$)", regex.I)
_PEOPLE_GIVEN = compile_regex(
    r"^(?:patients|participants|subjects|children|women|men|mothers|adults|infants|people|those)\s+(?:who\s+|that\s+)?"
    r"(?:received|were\s+(?:treated|given)|treated|given)(?:\s+with)?\s+(?=\S)", regex.I)


def _text_versus(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"a trial of HFCWO compared with conventional treatment": the first comparison stated
    before the results (the title rule, run only on sentences that say versus/compared)."""
    rules = load_rules("arms")
    comparing, objective = rules.by_id("text_comparing"), rules.by_id("objective_compare")
    results = _before_results(ctx)
    for s, _e, sent, low, cues in sents:
        if s >= results:
            break
        cue = _VERSUS_GATE.search(sent) if "versus" in cues else None
        if cue:
            # the first name is at most four words before the first "versus"
            found = _versus_rule(sent, low).finditer(sent, max(0, cue.start() - 80))
        elif "comparing " in low:
            found = comparing.finditer(sent)  # "a trial comparing risedronate with placebo"
        elif "compare the " in low:
            found = objective.finditer(sent)  # "to compare the effect of lansoprazole and pantoprazole"
        else:
            continue
        for m in found:
            arms = []
            for g in ("a", "b"):
                label = clean_label(m.group(g), False)
                label = _rx(r"^(?:.*\s)?(?:of|with|between|comparing|compare)\s+(?=\S)", regex.I).sub("", label)  # "pilot study of HFCWO"
                label = _rx(r"\s+as$", regex.I).sub("", label)  # "X as compared to Y"
                label = _PEOPLE_GIVEN.sub("", label) if label[:1] in "pPsScCwWmMaAiItT" else label
                if g == "b" and _PEOPLE.match(label):
                    # "versus those treated with the homeopathic syrup plus antibiotic": the name runs on after "with"
                    ext = _WITH_NAME.match(sent, m.end(g))
                    label = clean_label(ext.group("x")) if ext else label
                # "in MA vs NHW adults" compares populations, not treatments; "serum BDNF
                # levels as compared to the placebo group" compares an outcome, not an arm
                # "lamivudine (LAM) and adefovir dipivoxil (ADV) versus entecavir": the end of a coordination, not a name
                if (not label or _NOISE.search(label) or not tokens(label) or _GENERIC.match(label)
                        or _rx(r"^(?:in|among|on|at|for)\s", regex.I).match(label) or _COORD_END.match(label)
                        or _OUTCOME_NOUN.search(label) or _PEOPLE.match(label)):
                    break
                arms.append(_Arm(label, s + m.start(g), s + m.end(g), rule="arms:text_versus"))
            if len(arms) == 2:
                return arms
    return []


_OR = compile_regex(r"\sor\s", regex.I)
# before "of X or placebo": it ends a longer list ("either 9 g of EG (...), 0.1 g/kg of NaHCO3 or a placebo",
# "0.1 gram of extract or 0.2 gram of its powder or placebo")
_LIST_BEFORE = compile_regex(r"\sor\s|\beither\b[^.;]*,", regex.I)
# what follows a pair that is only the start of a longer list: "(training ...), or to usual care"
_OR_MORE = compile_regex(r"(?:\s*\([^()]{0,120}\))?\s*,?\s+or\s", regex.I)
_PLACEBO_WORDS = ("placebo", "sham")  # placebo_of's (a vehicle or saline control is named otherwise, mostly)


def _either_or(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"with either terbutaline or placebo" in a sentence about allocation or treatment; else
    "three infusions of infliximab (5 mg/kg) or placebo" anywhere (a separate rule, run only
    where the first finds no pair: its "of" would take the place of a match of the first)."""
    rules = load_rules("arms")
    pair = _or_pair(sents, rules.by_id("either_or"))
    if pair or not any(w in ctx.low for w in _PLACEBO_WORDS):
        return pair
    # the pattern needs a placebo word (a plain string test first) and "or" between spaces
    return _or_pair([x for x in sents if any(w in x[3] for w in _PLACEBO_WORDS) and _OR.search(x[2])],
                    rules.by_id("placebo_of"), of=True)


def _or_pair(sents: list[_S], rule: Rule, of: bool = False) -> list[_Arm]:
    """The first pair of names ``rule`` joins with "or" in ``sents``."""
    for s, _e, sent, low, cues in sents:
        # "supplementation with either placebo or sodium nitrate": "either" and a placebo name the
        # arms without an allocation word
        # ... and so do a treatment verb and a placebo ("were treated with PR-fampridine or placebo")
        placebo_pair = (not of and not cues & _ALLOC_CUES and ("either" in low or "dose" in cues)
                        and ("placebo" in low or "sham" in low))
        if not of and (not cues & _ALLOC_CUES and not placebo_pair or not _OR.search(sent)):
            continue  # the pattern joins its two names with "or"
        for m in rule.finditer(sent):
            # "of genuine or sham exposure" is active_or_sham's; "of X or 0.2 gram of Y or placebo" a longer list
            if of and (m.group("a").lower() in _ACTIVE_WORDS or _LIST_BEFORE.search(sent, max(0, m.start() - 60), m.start())):
                continue
            either = " either " in m.group(0) or m.group(0).lower().startswith("either")
            if placebo_pair and not either and "dose" not in cues:
                continue
            # "either X, or Y" joins two names; a comma before "or" elsewhere ends a clause ("to maintain
            # their oxygen delivery, or protocolized standard care"); a comma within "(80 mg, n = 20)" does neither
            comma = "," in sent[m.end("a") : m.start("b")].rsplit(")", 1)[-1]
            if comma and not either:
                continue
            # "to X, or to Y, or to usual care", "no premedication, or triazolam 0.25 mg or 0.375 mg":
            # a list of three or more, of which the pair names only two
            more = _OR_MORE.match(sent, m.end())
            if more and (comma or "," in more.group()):
                continue
            # "patients with probable or definite ALS" describes who took part, not the arms
            if m.group(0).lower().startswith("with") and _PEOPLE_BEFORE.search(sent[max(0, m.start() - 30) : m.start()]):
                continue
            w = _WITHOUT_START.match(m.group("b"))
            if w and _WITH_END.search(m.group("a")):
                # "to CP with or without sorafenib"
                xy = _with_without_names(m.group("a"), sent[m.start("b") + w.end() : m.end("b") + 60])
                if xy:
                    a0, b0 = s + m.start("a"), s + m.end("b")
                    return [_Arm(f"{xy[0]} with {xy[1]}", a0, b0, rule="arms:with_or_without", item=(a0, b0)),
                            _Arm(f"{xy[0]} without {xy[1]}", a0, b0, rule="arms:with_or_without")]
            arms = []
            for g in ("a", "b"):
                label, _cell = _strip_doses(clean_label(m.group(g)))
                label = clean_label(label)
                # timing is the regimen's: "normal saline 2 minutes (before extubation)"; not a
                # range's end ("EC sessions 30-45 minutes")
                bare = _strip_regimen(label)
                label = bare if bare[-1:].isalpha() else label
                if not label or _NOISE.search(label) or _GENERIC.match(label) or not tokens(label):
                    break
                arms.append(_Arm(label, s + m.start(g), s + m.end(g), rule="arms:either_or", item=(s + m.start(g), s + m.end(g))))
            if placebo_pair and not any(a.label.lower() in ("placebo", "sham") for a in arms):
                continue
            if len(arms) == 2 and not _same(arms[0].label, arms[1].label, {}):
                return arms
    return []


def _controlled_trial(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"a placebo-controlled trial of enzyme replacement therapy": the treatment and its placebo."""
    rule = load_rules("arms").by_id("controlled_trial_of")
    for s, _e, sent, _low, cues in sents:
        if "controlled" not in cues:
            continue
        for m in rule.finditer(sent):
            label, _cell = _strip_doses(clean_label(m.group("a")))
            label = _strip_regimen(clean_label(label))
            if not label or _NOISE.search(label) or _GENERIC.match(label) or not tokens(label) or len(label.split()) > 5:
                continue
            ctl = _Arm(m.group("ctl").lower(), s + m.start("ctl"), s + m.end("ctl"), rule="arms:controlled_trial_of")
            a, b = m.start("a"), m.end("doses") if m.group("doses") else m.end("a")
            arm = _Arm(label, s + a, s + b, rule="arms:controlled_trial_of", item=(s + a, s + b))
            if m.group("doses"):
                # "paricalcitol (1 or 2 μg/day)": one arm per dose of the same drug
                per = [_Arm(f"{label} {x}", s + a, s + b, rule="arms:controlled_trial_of") for x in
                       _rx(r"\d+(?:\.\d+)?").findall(m.group("doses"))]
                if len(per) >= 2:
                    for x in per:
                        x.label = f"{x.label} {find_doses(m.group('doses'))[0].unit}" if find_doses(m.group("doses")) else x.label
                    _respective_doses(ctx, per, m.group("doses"), s + m.start("doses"))
                    return [*per, ctl]
            return [arm, ctl]
    return []


_ACTIVE_WORDS = ("active", "real", "true", "verum", "genuine")
_ACTIVE_OR = ("or", "versus", "vs")


def _active_or_sham(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """"active or sham catgut implantation": the treatment and its sham."""
    rule = load_rules("arms").by_id("active_or_sham")
    for s, _e, sent, low, _cues in sents:
        if "sham" not in low and "placebo" not in low and "simulated" not in low:
            continue
        if not _followed_by(sent, low, _ACTIVE_WORDS, _ACTIVE_OR):
            continue  # the pattern starts "active or" / "real versus" ...
        for m in rule.finditer(sent):
            x = clean_label(m.group("x"))
            if not x or _NOISE.search(x) or not tokens(x):
                continue
            return [_Arm(x, s + m.start("x"), s + m.end("x"), rule="arms:active_or_sham"),
                    _Arm(f"{m.group('ctl').lower()} {x}", s + m.start("ctl"), s + m.end("x"), rule="arms:active_or_sham")]
    return []
