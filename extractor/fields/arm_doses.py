"""Attaching doses to arms: the sentences that may state a regimen, the passage that belongs to
each arm (its list item, a sentence it is the subject of, an amount next to its name), the doses
of a "respectively" list, and labels that keep their amount when arms differ only by dose."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

import regex

from extractor.fields import Context
from extractor.fields.arm_candidates import _S, _after_space, _Arm, _followed_by, _plain_case
from extractor.fields.arm_labels import (
    _find_word,
    _rx,
    _same,
    _Span,
    _strip_doses,
    _strip_regimen,
    clean_label,
    tokens,
)
from extractor.fields.doses import COUNT_WORDS, find_doses, has_dose, nutrient_follows
from extractor.numbers import parse_decimal
from extractor.records import Dose
from extractor.regex_cache import compile_regex

_EACH = compile_regex(r"\b(?:all|both|each|every)\s+(?:the\s+)?(?:patients|participants|subjects|groups|arms|women|children|piglets)\b", regex.I)

_EACH_WORDS = ("all", "both", "each", "every")
_EACH_NEXT = ("the", "patients", "participants", "subjects", "groups", "arms", "women", "children", "piglets")

_AMOUNT_END = compile_regex(r"\d+(?:[.,]\d+)?\s*-?\s*(?:[^\s,;()]+)")


# what follows an amount in a combination's item: its partner ("golimumab 100 mg + placebo",
# "golimumab 100 mg injections plus placebo capsules")
_COMBINED = compile_regex(r"(?:^|\s)(?:\+|plus\s|and\s|with\s|combined\s+with\s)\s*(?=\S)", regex.I)


def _dose_labels(ctx: Context, arms: list[_Arm]) -> None:
    """Arms that differ only by dose ("prednisolone 7.5 mg ... or prednisolone 30 mg") keep
    the name with its amount ("prednisolone 7.5 mg"), the shortest phrase telling them apart;
    so does every item naming that drug with another amount ("golimumab 100 mg + placebo",
    "golimumab 50 mg + MTX"), and a combination keeps its partner after the amount, which
    tells it from the same amount with another partner."""
    found: dict[int, tuple[str, int, int]] = {}  # arm index -> (cleaned item, start and end of its first amount)
    items = [clean_label(ctx.norm[a.item[0] : a.item[1]]) if a.item else "" for a in arms]
    with_digit = [any(c.isdigit() for c in raw) for raw in items]
    # two items with amounts that start with one word may name one drug at two amounts; else
    # only the twins of one label ("prednisolone" and "prednisolone") are read
    firsts = [raw.split(None, 1)[0].casefold() for raw, d in zip(items, with_digit, strict=True) if d]
    several = len(firsts) > len(set(firsts))
    for i, a in enumerate(arms):
        raw = items[i]
        if not with_digit[i] or not several and sum(_same(a.label, o.label, {}) for o in arms) < 2:
            continue
        ds = find_doses(raw, first_only=True)
        if ds and raw[: ds[0].start].strip():
            amount_end = _AMOUNT_END.match(raw, ds[0].start)
            found[i] = (raw, ds[0].start, amount_end.end() if amount_end else ds[0].end)
    if not found:
        return
    # one drug named with two different amounts: the arms differ by dose; decided before any
    # label changes, as a relabelled arm no longer matches its twin ("golimumab 50 mg" and
    # "golimumab + MTX"); an arm called by something else (an abbreviation: "EPI-EPO") keeps it
    amounts: dict[str, set[str]] = {}
    for raw, start, end in found.values():
        amounts.setdefault(raw[:start].strip().casefold(), set()).add(raw[start:end].casefold())
    by_dose = {i for i, (raw, start, _end) in found.items()
               if len(amounts[head := raw[:start].strip().casefold()]) >= 2 and arms[i].label.casefold().startswith(head)}
    for i in found:
        if i not in by_dose and sum(_same(arms[i].label, o.label, {}) for o in arms) < 2:
            continue
        raw, _start, end = found[i]
        label = raw[:end].strip()
        rest = _strip_regimen(_strip_doses(raw[end:])[0])
        combined = _COMBINED.search(rest) if rest else None
        if combined and any(t.isalpha() for t in tokens(rest[combined.end() :])):
            label = f"{label} {rest}"
        arms[i].label = label


_OTHER_LEAD = compile_regex(r"(?:;|\bor\b|\band\b|,)\s+(?:the\s+)?$", regex.I)

_ADDITION = compile_regex(r"\b(?:group|arm)\s+(?:also\s+)?received,?\s+in\s+addition\b|\b(?:group|arm)\s+additionally\s+received\b|"
                          r"\bsame\s+(?:treatment|regimen|therapy|protocol|intervention|care)\s+as\s+(?:in\s+)?the\s+(?:control|placebo|comparator)\s+(?:group|arm)s?\s*,?\s+"
                          r"(?:plus|and|with|in\s+addition\s+to|together\s+with)\s")
# "Patients in the investigational group received the same treatment as the control group plus
# 7·5 mg/kg intravenous bevacizumab": what follows is the add-on, the dose of the arm it names
_SAME_AS_CONTROL = compile_regex(
    r"\bsame\s+(?:treatment|regimen|therapy|protocol|intervention|care)\s+as\s+(?:in\s+)?the\s+(?:control|placebo|comparator)\s+(?:group|arm)s?\s*,?\s+"
    r"(?:plus|and|with|in\s+addition\s+to|together\s+with)\s+")
# words of a combination's label that name no drug ("chemotherapy plus bevacizumab")
_LINK_WORDS = frozenset("plus and with combined alone only or".split())
_SUBJECT_VERB = compile_regex(r"\s+(?:(?:group|arm)\s+)?(?:patients\s+|participants\s+)?(?:received|were\s+given|was\s+given|were\s+treated\s+with|was\s+treated\s+with)\b")
_RECEIVE = compile_regex(r"\breceiv|administ|given|treated\s+with|infus|inject", regex.I)
_DOSE_CUE = compile_regex(r"\breceiv|administ|given|treated\s+with|infus|inject|\d\s*(?:mg|g|mcg|μg|µg|ug|iu|units?|ml|mmol|cells)\b", regex.I)


# _DOSE_CUE's amount alternative alone: a pattern that starts with a digit is tried at the
# digits only, where the alternation is tried at every position
_AMOUNT_CUE = compile_regex(r"\d\s*(?:mg|g|mcg|μg|µg|ug|iu|units?|ml|mmol|cells)\b", regex.I)


def _dose_cue(sent: str, low: str) -> bool:
    """``_DOSE_CUE.search(sent)`` in a sentence without the "dose" cue: its verbs are absent
    (in plain case), so only an amount or an oddly spaced "treated with" can match."""
    if not _plain_case(sent):
        return _DOSE_CUE.search(sent) is not None
    return _AMOUNT_CUE.search(sent) is not None or "treated" in low and _DOSE_CUE.search(sent) is not None


# a p-value ("P < 0.05", "p=0.053", "P value < 0.001") or a confidence interval ("95% CI
# 0.75-1.36"): a sentence reporting one is a result; tried on dose sentences only
_RESULT_STAT = compile_regex(r"\bp\s*(?:-?\s*values?\s*)?[<=>≤≥]\s*0?[.,]\d|%\s*(?:ci\b|confidence\s+interval)")


def _result_gate(low: str) -> bool:
    """Whether ``_RESULT_STAT`` can match: a p-value has a comparison sign, an interval "ci" or
    "confidence" after a percent sign and any whitespace ("% ci" alone missed "%\nci"; the
    regex costs 3 µs a sentence, these tests a tenth of it)."""
    return ("=" in low or "<" in low or ">" in low or "≤" in low or "≥" in low
            or "%" in low and any(low.startswith(("ci", "confidence"), k) for k in _after_space(low, ("%",), space=False)))


def _dose_sentences(ctx: Context, sents: list[_S]) -> list[tuple[int, int, str, str]]:
    """Sentences that may state a regimen: a dose cue, outside results and conclusions (once per document)."""
    # cheapest tests first: the cue sets, the section, and the patterns only where their
    # words are in place
    out = []
    for s, e, sent, low, cues in sents:
        dose = "dose" in cues
        if not dose and "num" not in cues:
            continue
        sec = (ctx.section_label(s) or "").upper()
        # "METHODS AND RESULTS" (a journal's heading) opens with the methods, regimens included
        if "RESULT" in sec and "METHOD" not in sec or "CONCLU" in sec:
            continue
        if not dose and not _dose_cue(sent, low):
            continue
        if _result_gate(low) and _RESULT_STAT.search(low):
            continue  # a sentence that reports a p-value or an interval is a result: its amounts are outcomes
        if _followed_by(sent, low, _EACH_WORDS, _EACH_NEXT) and _EACH.search(sent):
            continue
        out.append((s, e, sent, low))
    return out


_AMOUNT_OF = compile_regex(
    r"(?<![\w.,]|\d\s)\d+(?:\.\d+)?\s*-?\s*(?:mg|g|mcg|μg|µg|ug|IU|iu|units?|mL|ml|mmol|mg/kg|μg/kg|mcg/kg|g/day|mg/day)\s+of\s+$")
_NAME_END = compile_regex(r"\s+(?:or|and|versus|vs\.?|compared)\s|[,;()]|\.(?!\d)")


def _amount_of(sent: str, low: str, name: str, mm: _Span) -> tuple[int, int] | None:
    """The span "20 g of creatine" of an occurrence of the arm's name right after an amount
    (sentence offsets), from the amount to the end of the name's phrase."""
    while mm is not None:
        m = _AMOUNT_OF.search(sent, max(0, mm.a - 30), mm.a)
        if m:
            stop = _NAME_END.search(sent, mm.b)
            return m.start(), stop.start() if stop else len(sent)
        mm = _find_word(low, name, mm.b + 1)
    return None


# where the regimen written before a parenthesised label starts: after the last bracket, colon,
# semicolon, sentence end, alternative or "either" ("... or 1 mg of ranibizumab (group 2"); not
# after a comma, as one regimen often holds one ("1 g intravenous PCM, in 100 ml solution (Group I)")
# ... and an allocation verb: "Following venesection of 15 mL/kg of blood, participants were randomized
# to 20 mL/kg of crystalloid over 10 min (FAST treatment)": the regimen starts after it
_CLAUSE_MARK = compile_regex(r"[;:()\[\]]|\.\s|\b(?:or|versus|vs\.?|either)\s|\b(?:randomi[sz]ed|allocated|assigned)\s+to\s", regex.I)
# a clause that is no regimen of the arm: a placebo's, or the weight of the animals ("rats
# weighing 260–300 g (sham, exercise, and ischemia)"); saline as a diluent ("magnesium 50 mg in
# normal saline 1 mL (group RM)") is no placebo
_NOT_REGIMEN = compile_regex(r"placebo|vehicle|sham|\bweigh(?:ing|ed)\b|"
                             r"(?<!\b(?:in|with)\s+(?:normal\s+|physiological\s+|isotonic\s+)?)saline", regex.I)
# "tiotropium (TIO) 18 μg od": the parenthesis defines an abbreviation and the amount follows it
_AMOUNT_AFTER = compile_regex(r"[^()]*\)\s*(?:at\s+)?\d+(?:\.\d+)?\s*(?:mg|g|mcg|μg|µg|ug|iu|units?|ml|mmol|cells)\b", regex.I)


_ALTERNATIVE_BEFORE = compile_regex(r".*(?:\b(?P<vs>versus|vs)\b\.?|(?<![\d.]\s*)\b(?P<or>or|and)\b)\s*", regex.S)
# ... or where the other alternative closes with its amount and regimen ("switch to sitagliptin
# 100 mg qd or to remain on ...", "atorvastatin 40 mg/d or not")
_AMOUNT_BEFORE_OR = compile_regex(
    r"\d\s*[^\s\d,;()]+(?:\s+(?:once|twice|daily|qd|bid|tid|od|b\.i\.d\.?|t\.i\.d\.?|orally|oral|iv|i\.v\.|"
    r"intravenously|subcutaneously|s\.c\.|weekly|a\s+day|per\s+day))*\s*,?\s*$", regex.I)
# an amount right after an arm's name: "rizatriptan 10 mg", "ketamine (0.5mg/kg)", "morphine at 5 mg"
_OWN_AMOUNT = compile_regex(r"\s*(?:\(\s*|at\s+|,\s*)?\d")
_ALTERNATIVE_AFTER = compile_regex(r"\s(?:or|versus|vs\.?)\s+(?![\d.])", regex.I)
# ... or where the label closes its item and a comma opens the next labelled one ("saline (group 2),
# 150 mg/kg (group 3) or ...": the amount after the comma is group 3's)
_NEXT_ALTERNATIVE = compile_regex(r"\)[^()]*?(?:\s(?:or|versus|vs\.?)\s|;)|\),\s[^()]{0,40}\(")


def _regimen_before_label(sent: str, name_start: int) -> tuple[int, int] | None:
    """The clause before the "(" of a label in parentheses ("2.5 mg of bevacizumab (group 1,
    n = 8)"), which names the regimen just written: its span in ``sent`` (at most 150
    characters), or None when empty, a placebo's, or the amount follows the parenthesis."""
    if _AMOUNT_AFTER.match(sent, name_start):
        return None
    head_end = sent.rindex("(", 0, name_start)
    start = max(0, head_end - 150)
    for m in _CLAUSE_MARK.finditer(sent, start, head_end):
        start = m.end()
    head = sent[start:head_end]
    if not head.strip():
        return None
    # a parenthesis just before the clause qualifies its drug: "Godhuma Vati (placebo) at a dose
    # of 500 mg once daily for 30 days (Group B)"
    check = head
    if sent[:start].rstrip().endswith(")"):
        opened = sent.rfind("(", 0, start)
        check = sent[max(0, opened - 40) : head_end] if opened >= 0 else head
    return None if _NOT_REGIMEN.search(check) else (start, head_end)


def _other_alternative_end(sent: str, before: str, name_end: int) -> int:
    """Where another arm's alternative written before this arm's name (``before``, which ends
    where the name starts) ends, or 0. What comes before "versus" is the other arm's ("with
    nebivolol 10 mg versus atenolol 100 mg"); so is what comes before "or" where this arm has its
    own amount, after "or" ("5 mg morphine or 50 mg tramadol") or right after its name
    ("frovatriptan 2.5 mg or rizatriptan 10 mg"), or where the other closes with its amount
    ("sitagliptin 100 mg qd or to remain on ..."); not where one amount is written for both
    ("either 50 g/day isomaltulose or sucrose", "20 μg vaccine IM or ID, respectively"); "5 or
    10 mg" is a range. After "and" the same holds, but two amounts on both sides of it and the
    label after them are one combination ("midazolam 0.75 mg/kg and ondansetron 4 mg in group MO")."""
    alt = _ALTERNATIVE_BEFORE.match(before)
    # no amount before the conjunction, none to leave out: the passage keeps a route or frequency
    # written for both ("once-daily placebo or peficitinib 25, 50, 100 and 150 mg")
    if not alt or not has_dose(before[: alt.start("vs") if alt.group("vs") else alt.start("or")]):
        return 0
    if alt.group("vs") or _OWN_AMOUNT.match(sent, name_end):
        return alt.end()
    own = has_dose(before[alt.end() :])
    # the other's amount and regimen words end just before the conjunction: 50 characters hold them
    other = _AMOUNT_BEFORE_OR.search(before, max(0, alt.start("or") - 50), alt.start("or")) is not None
    if alt.group("or") == "or":
        return alt.end() if own or other else 0
    return alt.end() if own != other else 0


def _own_mention(low: str, sent: str, name: str, mm: _Span | None) -> _Span | None:
    """The first mention of ``name`` from ``mm`` on that its own amount follows ("IND 150 μg")."""
    for _ in range(4):  # a sentence names one arm a few times at most
        if mm is None:
            return None
        if _OWN_AMOUNT.match(sent, mm.end()):
            return mm
        mm = _find_word(low, name, mm.end() + 1)
    return None


def _dose_spans(arm: _Arm, dose_sents: list[_S]) -> Iterator[tuple[int, int]]:
    """The passages that may state the arm's regimen, in order: its list item, then sentences
    naming the arm as the subject ("The Ketamine group received ..."), right after a dose
    ("sufentanil 50 mcg in Group S") or next to one ("ketamine 0.5 mg/kg"). A generator:
    ``_doses`` stops at the first passage with a dose."""
    if arm.item:
        yield arm.item
    names = [n.lower() for n in [arm.label, *arm.aliases] if len(n) >= 2]
    for s, e, sent, low in dose_sents:
        for name in names:
            i = low.find(name)
            if i < 0:
                continue
            mm = _find_word(low, name, i)
            if not mm:
                continue
            of = _amount_of(sent, low, name, mm)
            if of:
                # "consumed 20 g of creatine or carboxymethyl cellulose": the amount right before the name
                yield s + of[0], s + of[1]
                break
            nxt = _find_word(low, name, mm.end() + 1)
            if nxt and not has_dose(sent[mm.start() : mm.end() + 60]):
                mm = nxt  # "treated with oxytocin according to ... (oxytocin bolus 5 IU, ...)"
            elif nxt and not _OWN_AMOUNT.match(sent, mm.end()):
                # a later mention with its own amount names the arm's regimen, an earlier one
                # without (in a combination) does not: "indacaterol (IND)/glycopyrronium (GLY)
                # 110/50 μg once daily (od) compared with GLY 50 μg od, IND 150 μg od"
                own = _own_mention(low, sent, name, nxt)
                mm = own or mm
            if _SUBJECT_VERB.match(low, mm.end()) or (mm.start() < 40 and _RECEIVE.search(sent)):
                # the arm as the subject: its regimen runs to the end of the sentence (or of a
                # run-on sentence the splitter kept whole: "... 0.05 μg/kg/min. The Ketamine group")
                stop = _rx(r"\.\s+(?=[A-Z])").search(sent, mm.end())
                yield s + mm.start(), s + stop.start() if stop else e
            else:
                # the amount just before the name ("0.5 mg/kg ketamine", "50 mcg in Group S") or after it
                before = sent[max(0, mm.start() - 80) : mm.start()]
                end = min(e, s + mm.end() + 60)
                if before.endswith(("(", "( ")):
                    head = _regimen_before_label(sent, mm.start())
                    if head:
                        yield s + head[0], s + head[1]
                    # the label closes its regimen: what follows the next alternative is another
                    # arm's ("general anesthesia (control group n=22) or 400 μg of intrathecal morphine")
                    alt = _NEXT_ALTERNATIVE.search(sent, mm.end(), end - s)
                    if alt:
                        end = s + alt.start()
                else:
                    # nor does an amount after the next alternative ("to continue UDCA (4 patients)
                    # or to receive micronized fenofibrate (200 mg/day)"); "5 or 10 mg" is one regimen
                    alt = _ALTERNATIVE_AFTER.search(sent, mm.end(), end - s)
                    if alt:
                        end = s + alt.start()
                lead = _rx(r"(?:^|[,;:()]|\.\s|\band\b|\bwith\b|\bof\b)\s*[^,;:()]*$").search(before)
                start = lead.start() if lead else len(before)
                if "vs" in before or "versus" in before or " or " in before or " and " in before:
                    start = max(start, _other_alternative_end(sent, before, mm.end()))
                yield s + mm.start() - len(before) + start, end
            break


# one amount written once for the arms it lists: "40 mg of either test adalimumab (Exemptia) or
# reference adalimumab (Humira)", "treated with either agalsidase alfa or agalsidase beta at
# equal dose of 0.2 mg/kg biweekly"
_AMOUNT_OF_EITHER = compile_regex(r"(?<![\w.,])(?P<amount>\d+(?:\.\d+)?\s*[^\s,;()]+)\s+(?:of\s+)?either\s+(?P<alts>[^.;]{3,160})")
_EITHER_AT_DOSE = compile_regex(r"\beither\s+(?P<alts>[^.;]{3,160}?)\s+(?:at|in|with)\s+(?:an?\s+|the\s+)?"
                                r"(?:equal|same|identical|equivalent)\s+doses?\s+(?:of\s+)?(?P<amount>\d(?:[^,;().]|\.\d){0,40})", regex.I)


def _shared_spans(arm: _Arm, dose_sents: list[_S]) -> Iterator[tuple[int, int]]:
    """The amount written once for an "either ... or ..." list of arms that names this arm."""
    names = [n.lower() for n in [arm.label, *arm.aliases] if len(n) >= 2]
    for s, _e, sent, low in dose_sents:
        if "either" not in low:
            continue
        for rx in (_AMOUNT_OF_EITHER, _EITHER_AT_DOSE):
            for m in rx.finditer(sent):
                alts = low[m.start("alts") : m.end("alts")]
                if any(_find_word(alts, name, 0) for name in names) and has_dose(m.group("amount")):
                    yield s + m.start("amount"), s + m.end("amount")


def _add_on_spans(arm: _Arm, others: list[_Arm], dose_sents: list[_S]) -> Iterator[tuple[int, int]]:
    """The add-on of "the same treatment as the control group plus 7·5 mg/kg bevacizumab ..."
    (to the end of the sentence), where it names a word of the arm's label that no other arm's has."""
    own = {t for t in tokens(arm.label) if t.isalpha() and t not in _LINK_WORDS}
    own -= {t for o in others for t in tokens(o.label)}
    if not own:
        return
    for s, e, sent, low in dose_sents:
        m = _SAME_AS_CONTROL.search(low) if "same" in low else None
        if m and any(_find_word(low, w, m.end()) for w in own):
            stop = _rx(r"\.\s+(?=[A-Z])").search(sent, m.end())
            yield s + m.end(), s + stop.start() if stop else e


_PLACEBO = compile_regex(r"placebo|saline|vehicle|sham", regex.I)
# what follows the amount of a placebo or a vehicle itself ("In Group S, intraperitoneal irrigation
# was done with 500 ml of normal saline"), not of a solution holding a drug ("10 mL of saline
# solution containing 0.5 mg/kg ketamine")
_VEHICLE_AMOUNT = compile_regex(
    r"\)?\s+(?:of\s+)?(?:(?:0\.9\s*%|normal|physiological|isotonic)\s+)?(?:saline|NaCl|sodium\s+chloride|placebo|vehicle)\b"
    r"(?!\s+(?:solution\s+)?(?:containing|with|plus|and)\b)", regex.I)


# what adds a treatment to another in a label: "synbiotic plus mineral oil", "LPS+inhAPC", "CP with sorafenib"
_ADD_LINK = compile_regex(r"\+|\b(?:plus|with|and)\b", regex.I)
# ... unless it withholds the treatment: "meal replacements without liraglutide", "sham catgut"
_WITHHELD = frozenset(("without", "no", "non", "sham", "placebo", "minus"))


def _co_treatment_arm(arm: _Arm, others: list[_Arm]) -> bool:
    """"mineral oil" beside "synbiotic plus mineral oil" (its only other arm): every other arm
    adds a treatment to this arm's, which is then a co-treatment of all arms, no dose of an arm
    (SCHEMA); its amounts had been read from the other arm's item ("dietary instructions plus
    VitD 2000 IU/day") or were the co-treatment's ("mineral oil 1 ml/kg/d")."""
    # the link first: most labels have none ("placebo"), and it is cheaper than their tokens
    if not others or not all(_ADD_LINK.search(o.label) for o in others):
        return False
    own = frozenset(t for t in tokens(arm.label) if t.isalpha())
    if not own:
        return False
    for o in others:
        theirs = tokens(o.label)
        if not own < theirs or (theirs - own) & _WITHHELD:
            return False
    return True


def _doses(ctx: Context, arm: _Arm, others: list[_Arm], is_control: bool,
           dose_sents: list[_S]) -> list[Dose]:
    out: list[Dose] = []
    if _co_treatment_arm(arm, others):
        return out
    seen: set[tuple] = set()
    other_names: list[str] | None = None
    spans = _dose_spans(arm, dose_sents)
    if not is_control:
        spans = chain(spans, _add_on_spans(arm, others, dose_sents), _shared_spans(arm, dose_sents))
    with_percent: list[tuple[int, str]] = []
    with_count: list[tuple[int, str]] = []
    for a, b in spans:
        if other_names is None:
            # the other arms' names (lower-cased), once per arm rather than once per passage
            other_names = [n.lower() for o in others for n in [o.label, *o.aliases]
                           if len(n) >= 2 and not _same(n, arm.label, {})]
        text = ctx.norm[a:b]
        text_low = text.lower()
        # stop before another arm's description in the same sentence
        for name in other_names:
            w = _find_word(text_low, name, 1)
            if w:
                om = _OTHER_LEAD.search(text, 0, w.start())
                if om and om.start() > 0:
                    text = text[: om.start()]
                    text_low = text.lower()
        out = _passage_doses(ctx, a, text, is_control, seen, concentrations=False)
        if out:
            return out
        if "%" in text and not _PLACEBO.search(text):
            with_percent.append((a, text))
        if any(w in text_low for w in COUNT_WORDS) and not _PLACEBO.search(text):
            with_count.append((a, text))
    # an item that ends in a bare number of a list whose unit is written once after its last
    # ("paclitaxel at a dose of 175, 210, or 250 mg/m2"): the number in that unit
    listed = _listed_amount(ctx, arm) if arm.item else None
    if listed:
        return [listed]
    # no passage states an amount with a unit: a concentration is the dose ("calcipotriene 0.005%"),
    # unless the passage names a placebo, whose arm it may be ("Group N (n = 45) with normal saline")
    for a, text in with_percent:
        cut = _own_clause_start(text, arm)
        out = _passage_doses(ctx, a + cut, text[cut:], is_control, seen, concentrations=True)
        if out:
            return out
    # nor a concentration: a count of dosage units is ("five ampoules of mistletoe preparation")
    for a, text in with_count:
        cut = _own_clause_start(text, arm)
        out = _passage_doses(ctx, a + cut, text[cut:], is_control, seen, counts=True)
        if out:
            break
    return out


# a number ending an arm's list item, and what may follow it up to the amount that carries the
# list's unit: more numbers, commas, "or"/"and" ("175, | 210, or 250 mg/m2")
_ITEM_NUMBER = compile_regex(r"(?<![\w.,/-])\d+(?:\.\d+)?\s*$")
_LIST_REST = compile_regex(r"(?:\s*,\s*\d+(?:\.\d+)?)*\s*,?\s*(?:or|and)?\s*(?=\d)")


def _listed_amount(ctx: Context, arm: _Arm) -> Dose | None:
    """The dose of an arm whose list item ends in a bare number, the unit written once after the
    list's last number ("PA21 at doses of 250, 500, 750, or 1000 mg": "500" is 500 mg)."""
    a, b = arm.item
    item = ctx.norm[a:b]
    if not item or not item[-1].isdigit():
        return None  # the cheap test first: most items end in a word or a unit
    num = _ITEM_NUMBER.search(item)
    if num is None:
        return None
    rest = _LIST_REST.match(ctx.norm, b, min(len(ctx.norm), b + 60))
    if rest is None:
        return None
    after = find_doses(ctx.norm[rest.end() : rest.end() + 40], ranges=False)
    if not after or after[0].start != 0:
        return None
    value = parse_decimal(num.group(0).strip())
    s, e = a + num.start(), a + num.start() + len(num.group(0).rstrip())
    return Dose(value=value, unit=after[0].unit, route=None, frequency=None, duration=None,
                **ctx.evidence(s, e, rule="doses:listed"))


_CLAUSE_BREAK = compile_regex(r"[,;]|\b(?:and|or)\s", regex.I)


def _own_clause_start(text: str, arm: _Arm) -> int:
    """Where the clause naming the arm starts in ``text``: a concentration before it belongs to
    another arm ("with 0.25% bupivacaine and Group N (n = 45)"); 0 when the name is not there."""
    low = text.lower()
    for name in [arm.label, *arm.aliases]:
        m = _find_word(low, name.lower(), 0) if len(name) >= 2 else None
        if m:
            start = 0
            for b in _CLAUSE_BREAK.finditer(text, 0, m.start()):
                start = b.end()
            return start
    return 0


def _passage_doses(ctx: Context, a: int, text: str, is_control: bool, seen: set[tuple],
                   concentrations: bool = False, counts: bool = False) -> list[Dose]:
    """The regimens of one passage (``text``, at ``a`` in the document) not already read in an earlier one."""
    out: list[Dose] = []
    here: set[tuple] = set()
    for d in find_doses(text, first_only=False, regimens=True, concentrations=concentrations, counts=counts):
        # what follows the amount in the document: the passage may end inside "500 ml of normal saline"
        tail = ctx.norm[a + d.amount_end : a + d.amount_end + 60]
        if _PLACEBO.search(tail) and _VEHICLE_AMOUNT.match(tail):
            continue  # the amount of a vehicle, no drug's dose
        if nutrient_follows(tail, 0):
            continue  # a diet's composition the passage cut off ("2.1 g kg-1 day-1 prot|ein")
        # one regimen list may repeat an amount ("bolus 5 IU, ... or bolus 5 IU followed by");
        # another passage repeating it restates the same regimen
        key = (d.value, d.unit)
        if key in seen and key not in here:
            continue
        seen.add(key)
        here.add(key)
        if is_control and _PLACEBO.search(text):
            continue
        out.append(Dose(value=d.value, unit=d.unit, route=d.route, frequency=d.frequency, duration=d.duration,
                        **ctx.evidence(a + d.start, a + d.end, rule=d.rule)))
    return out


def _respective_doses(ctx: Context, arms: list[_Arm], text: str, offset: int) -> None:
    """"at 10, 20 and 40 mcg/kg/min of dobutamine, respectively": one amount per arm, the unit
    written once after the last ("1 or 2 μg/day" here is two arms' amounts, not one range)."""
    last = find_doses(text, ranges=False)
    if not last:
        return
    nums = list(_rx(r"\d+(?:\.\d+)?").finditer(text[: last[0].start]))
    if len(nums) + 1 != len(arms):
        return
    d0 = last[0]
    for arm, m in zip(arms, [*nums, None], strict=True):
        a, b = (m.start(), m.end()) if m else (d0.start, d0.end)
        value = parse_decimal(m.group(0)) if m else d0.value
        arm.fixed_doses.append(Dose(value=value, unit=d0.unit, route=d0.route, frequency=d0.frequency, duration=d0.duration,
                                    **ctx.evidence(offset + a, offset + b, rule="doses:respectively")))
