"""Sample sizes: per-arm n against the reported total; randomised against planned."""

from __future__ import annotations

import re

from extractor.checks import register
from extractor.checks.common import flag, sentence_start, sentence_text
from extractor.records import Arm, Evidence, Flag, TrialRecord

# a count of those who completed, were analysed or remained after exclusions: beside the
# number randomised it is a later stage of the same trial, not a contradiction
_LATER_STAGE = re.compile(
    r"\b(?:complet(?:ed|ion|ers?)|analy[sz]\w*|evaluable|evaluated|excluded|withdr[ae]w\w*|dropped\s+out|"
    r"drop-?outs?|lost\s+to\s+follow|discontinu\w*|followed\s+up|finished)\b", re.I)
# "59 participants to each group", "Seventeen patients in each group": a count per arm
_PER_GROUP = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:(?:in|to|for|per)\s+each|per)\s+(?:group|arm)\b", re.I)
# analysis sets read as arms ("Intention-To-Treat (ITT; n = 209) and Per Protocol (PP; n = 134)")
_ANALYSIS_SET = re.compile(
    r"^(?:m?ITT|PP|per[- ]protocol|intention[- ]to[- ]treat|safety|efficacy|completers?)\b", re.I)
# "three experimental groups (n=15)": one n standing for several groups
_SEVERAL_GROUPS = re.compile(r"\b(?:two|three|four|five|six|[2-9])\s+(?:[\w-]+\s+){0,2}groups\s*$", re.I)
_N_EQUALS = re.compile(r"\b[nN]\s*=\s*(\d+)")
_N_GROUPS = re.compile(r"\b(two|three|four|five|six|[2-9])\s+(?:[\w-]+\s+){0,2}?(?:groups|arms)\b", re.I)
_GROUP_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_RANDOMISED = re.compile(r"\brandomi[sz]\w*|\brandomly\b|\ballocated\b|\bassigned\b", re.I)
_RANDOMLY = re.compile(r"\brandomi[sz]\w*|\brandomly\b", re.I)
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.,])\d+(?![\d.,]\d)")


def _arm_evidence(record: TrialRecord) -> list[Evidence]:
    ev: list[Evidence] = []
    for a in record.arms:
        ev.extend(a.evidence)
    return ev


@register(
    "ARM_SUM_MISMATCH",
    "per-arm n do not add up to the total randomised",
    "Σ arm.n = sample_size.randomized (every arm's n known, total stated, not derived)",
    "none: counts are exact; a warning because reports sometimes give analysed numbers per arm. "
    "Not checked when the smaller count's sentence speaks of completers, the analysed or "
    "exclusions (and not of randomisation), when the arms add up to a number stated beside them or beside the total, when "
    "the total is per group ('59 to each group'), when the arms' sentences give more groups or "
    "'n =' counts than there are arms (an arm missed), when the sum and the total are ten times "
    "apart (event counts, clusters), or when an arm is an analysis set (ITT, PP), one n stands "
    "for several groups, or an n has a leading zero (a fragment of '1,093')",
)
def arm_sum_mismatch(record: TrialRecord) -> list[Flag]:
    ss = record.sample_size
    ns = [a.n for a in record.arms]
    if ss.randomized is None or ss.derived or len(ns) < 2 or any(n is None for n in ns):
        return []
    total = sum(n for n in ns if n is not None)
    if total == ss.randomized:
        return []
    # an analysed total that matches the arms is a different (legitimate) reading
    if ss.analyzed is not None and ss.analyzed == total:
        return []
    if _arms_not_comparable(record, total):
        return []
    parts = " + ".join(f"{a.n} ({a.label})" for a in record.arms)
    return [flag(
        "ARM_SUM_MISMATCH", "warning",
        f"arms sum to {parts} = {total}, but {ss.randomized} were reported randomised",
        [ss.evidence.get("randomized"), *_arm_evidence(record)], recomputed=float(total))]


def _n_evidence(a: Arm) -> list[Evidence]:
    return [e for e in a.evidence if any(c.isdigit() for c in e.text)]


def _text(record: TrialRecord, ev: Evidence | None) -> str:
    return (sentence_text(record, ev.sentence) or ev.text) if ev is not None else ""


def _per_group(record: TrialRecord, ev: Evidence | None) -> bool:
    """True when the count is stated per arm ("randomised 59 participants to each group")."""
    if ev is None:
        return False
    text, base = sentence_text(record, ev.sentence), sentence_start(record, ev.sentence)
    if text is None or base is None or not 0 <= ev.end - base <= len(text):
        return False
    return _PER_GROUP.match(text, ev.end - base) is not None


def _more_groups_than_arms(record: TrialRecord, arm_evs: list[Evidence]) -> bool:
    """The arms' sentences give more groups than the record has arms ("randomly allocated into
    3 groups: ... (n=100), ... (=100) ... (n=100)" read as two arms; "(n = 17), ... (n = 16),
    or placebo (n = 15)" with one arm missed): the arms are incomplete, their sum says nothing."""
    k = len(record.arms)
    # (the totals' own "n = 105" in "(n = 105) were randomized into 3 groups" is no group)
    totals = {record.sample_size.randomized, record.sample_size.analyzed}
    for t in {_text(record, e) for e in arm_evs}:
        if sum(int(n) not in totals for n in _N_EQUALS.findall(t)) > k:
            return True
        for m in _N_GROUPS.finditer(t):
            word = m.group(1).lower()
            if _GROUP_COUNTS.get(word, int(word) if word.isdigit() else 0) > k:
                return True
    return False


def _arms_not_comparable(record: TrialRecord, total: int) -> bool:
    """Readings under which per-arm n and the total randomised legitimately differ, or under
    which the arms' n are not arm sizes at all (see the guards' comments)."""
    ss = record.sample_size
    tot_ev = ss.evidence.get("randomized")
    arm_evs = [e for a in record.arms for e in _n_evidence(a)]
    if any(e.text.strip()[:1] == "0" and len(e.text.strip()) > 1 for e in arm_evs):
        return True  # "093" of "1,093": a fragment of a larger number, not a count
    if any(_ANALYSIS_SET.match(a.label.strip()) for a in record.arms):
        return True
    if any(_SEVERAL_GROUPS.search(e.text) for a in record.arms for e in a.evidence if e not in arm_evs):
        return True
    if _per_group(record, tot_ev):
        return True
    # counts ten times apart are not two readings of one trial's size: one of them counts
    # events ("In 1 patient from the antibiotic group and 2 patients from the no prophylaxis
    # group" beside 200 recruited) or other units (27 randomised clusters beside 499,734 people)
    if total * 10 <= (ss.randomized or 0) or (ss.randomized or 0) * 10 <= total:
        return True
    if _more_groups_than_arms(record, arm_evs):
        return True
    arm_texts = {_text(record, e) for e in arm_evs}
    # the arms add up to a total the report states beside them ("A total of 200 residents
    # completed the study, with 100 in each group"): a count of another stage or population
    for t in arm_texts | {_text(record, tot_ev)}:
        if any(int(m.group(0).replace(",", "")) == total for m in _DIGITS.finditer(t)):
            return True
    # the smaller count is said to be of completers, the analysed or those left after exclusions
    # (not in a sentence that says it randomised them: "A total of 677 patients were randomized
    # to memantine (n = 342) or placebo (n = 335); completion rates were 79.8 and 81.2 %")
    smaller = arm_texts if total < (ss.randomized or 0) else {_text(record, tot_ev)}
    return any(_LATER_STAGE.search(t) and not _RANDOMLY.search(t) for t in smaller)


@register(
    "RANDOMIZED_VS_PLANNED",
    "randomised differs from planned",
    "sample_size.randomized vs sample_size.planned",
    "any difference is reported as a note (early stopping, over-recruitment); not when either "
    "count is stated per group ('The planned sample size was 108 per arm')",
)
def randomized_vs_planned(record: TrialRecord) -> list[Flag]:
    ss = record.sample_size
    if ss.randomized is None or ss.planned is None or ss.randomized == ss.planned or ss.planned <= 0:
        return []
    if _per_group(record, ss.evidence.get("planned")) or _per_group(record, ss.evidence.get("randomized")):
        return []
    share = 100.0 * ss.randomized / ss.planned
    word = "short of" if ss.randomized < ss.planned else "above"
    return [flag(
        "RANDOMIZED_VS_PLANNED", "info",
        f"{ss.randomized} randomised, {word} the planned {ss.planned} ({share:.0f}% of target)",
        [ss.evidence.get("randomized"), ss.evidence.get("planned")], recomputed=round(share, 1))]


@register(
    "ANALYZED_OVER_RANDOMIZED",
    "more analysed than randomised",
    "sample_size.analyzed <= sample_size.randomized",
    "none: counts are exact; a warning because crossover units can differ; never when the unit "
    "randomised is not people (clusters, eyes); only when "
    "the randomised count's sentence says it was randomised or holds the analysed count too (a "
    "count of those recruited or of a subset, 'Of these, 112 ...', may be of another stage)",
)
def analyzed_over_randomized(record: TrialRecord) -> list[Flag]:
    ss = record.sample_size
    if ss.randomized is None or ss.analyzed is None or ss.analyzed <= ss.randomized:
        return []
    if ss.unit is not None:
        # clusters, eyes or teeth randomised: the analysed count is often of people (PMC3074545:
        # 106 clinics randomised, 133 women completed), and nothing says which
        return []
    r_ev, a_ev = ss.evidence.get("randomized"), ss.evidence.get("analyzed")
    if r_ev is not None and a_ev is not None and r_ev.sentence != a_ev.sentence \
            and not _RANDOMISED.search(_text(record, r_ev)):
        return []
    return [flag(
        "ANALYZED_OVER_RANDOMIZED", "warning",
        f"{ss.analyzed} analysed but only {ss.randomized} randomised",
        [ss.evidence.get("analyzed"), ss.evidence.get("randomized")])]
