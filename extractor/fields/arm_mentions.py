"""Arms from scattered mentions: per-arm counts ("X (n = 12)", "a group of 44 cases", "22 (11
intervention and 11 control)"), named groups ("the Hochu-ekki-to group"), the merge that joins
mentions of one group, and arm sizes from "each" counts or event-rate denominators."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

import regex

from extractor.fields import Context
from extractor.fields.arm_candidates import (
    _MENTION_CUES,
    _S,
    _after_space,
    _Arm,
    _before_results,
    _followed_by,
    _plain_case,
)
from extractor.fields.arm_labels import (
    _GENERIC,
    _NOISE,
    _has_control_word,
    _is_control,
    _nwords,
    _rx,
    _same,
    _strip_doses,
    _strip_lead_measure,
    _strip_regimen,
    clean_label,
    tokens,
)
from extractor.numbers import parse_int
from extractor.regex_cache import compile_regex
from extractor.rules import Rule, load_rules
from extractor.scan import skip_back
from extractor.words import TOK

# words that make "the X group" a description of people, not a randomised group
_GROUP_STOP = frozenset(
    "same other each both two three four five all entire whole study treatment treated age this that these first second third "
    "either respective corresponding different active following previous latter former one its their our his her every "
    "sub intervention's per high low risk which what whichever".split()
)

_DETS = frozenset({"the", "a", "an", "in", "of", "to", "from"})
_DANGLING = frozenset({"of", "in", "for", "to", "with", "between", "by", "and", "or", "on", "at", "from"})

_LEFT_BEFORE = compile_regex(r"\b(?:exclu|complet|withdr|dropped|analy[sz]ed|evaluable|remain)", regex.I)
_POP_WITH = compile_regex(
    r"\b(?:patients|subjects|participants|women|men|children|adults|people|infants|those)\s+with\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*$", regex.I)

_PEOPLE_WORD = compile_regex(r"\b(?:cases?|patients?|subjects?|participants?|men|women|males?|females?|people|persons?|children|adults)\b", regex.I)

# "(children, n = 130; adolescents, n = 209)", "three study centers (Bremen, n = 73; ...)": a list of
# who took part or where, not of the randomised groups
_NOT_ARM_ITEM = compile_regex(
    r"\b(?:children|adolescents|adults|infants|elderly|boys|girls|males?|females?|men|women|patients|subjects"
    r"|stud(?:y|ies)|cohorts?|cent(?:er|re)s?|sites?|hospitals?|countries|regions?|schools?|clinics?)\b", regex.I)
_NOT_ARM_HEAD = compile_regex(
    r"\b(?:cent(?:er|re)s|sites|hospitals|countries|regions|schools|clinics|studies|cohorts|trials|population|ages?)\s*[(\[]?\s*$", regex.I)
_COMPLETERS = compile_regex(r"\b(?:complet|analy[sz]|follow|remain|drop|withdr|lost|discontinu|evaluabl|assessed)", regex.I)


def _paren_counts(sent: str, s: int, rand: bool = False) -> list[_Arm]:
    """"22 (11 intervention and 11 control) villages": two groups counted in one parenthesis,
    kept only when one of them is a control (men and women, minutes, events are not arms); in a
    sentence that names the allocation (``rand``, its cue), a total split into named counts too."""
    out: list[_Arm] = []
    for m in load_rules("arms").by_id("paren_counts").finditer(sent):
        if _COMPLETERS.search(sent, max(0, m.start() - 80), m.start()):
            continue  # "Thirty-two parents completed all measures (17 control, 15 intervention)": not the allocation
        pair = []
        for ng, lg in (("n1", "l1"), ("n2", "l2")):
            label = _strip_regimen(clean_label(m.group(lg)))
            if not label or _NOISE.search(label) or not tokens(label) or _PEOPLE_WORD.search(label):
                break  # "(703 cases and 1406 controls)": a case-control study, not arms
            pair.append(_Arm(label, s + m.start(lg), s + m.end(lg), n=parse_int(m.group(ng)),
                             n_span=(s + m.start(ng), s + m.end(ng)), rule="arms:paren_counts"))
        if len(pair) == 2 and sum(_is_control(x.label, []) for x in pair) == 1:
            out.extend(pair)
    if rand:
        out.extend(x for x in _total_paren_counts(sent, s) if not any(o.n_span == x.n_span for o in out))
    return out


_PAREN_ITEM = compile_regex(r"(?:^|\s*[,;]\s*(?:and\s+)?|\s+and\s+)(?P<n>\d+)\s+(?P<label>[A-Za-z][^()=<>%;,\d]*?)\s*(?=[,;]|\s+and\s+\d|$)")


def _count_before_paren(sent: str) -> bool:
    """Whether some "(" follows a digit, directly or after spaces ("601 (365 usual care, ...")):
    total_paren_counts needs one; a plain string scan, most parentheses follow a word."""
    i = sent.find("(")
    while i > 0:
        j = i - 1
        while j > 0 and sent[j].isspace():
            j -= 1
        if sent[j].isdigit():
            return True
        i = sent.find("(", i + 1)
    return False


def _total_paren_counts(sent: str, s: int) -> list[_Arm]:
    """"601 (365 usual care, 236 additional lifestyle support) patients were recruited and
    randomised": a total split into named counts before the people counted. Kept only when the
    counts add up to the total and one group is a control ("75 (40 Caucasian, 35 Asian)
    patients" splits who took part, not the allocation)."""
    out: list[_Arm] = []
    if not _count_before_paren(sent):
        return out
    for m in load_rules("arms").by_id("total_paren_counts").finditer(sent):
        if _COMPLETERS.search(sent, max(0, m.start() - 80), m.start()):
            continue
        base = s + m.start("items")
        items = []
        for x in _PAREN_ITEM.finditer(m.group("items")):
            label = _strip_regimen(clean_label(x.group("label")))
            if not label or _NOISE.search(label) or not tokens(label) or _PEOPLE_WORD.search(label) or _nwords(label) > 6:
                break
            items.append(_Arm(label, base + x.start("label"), base + x.end("label"), n=int(x.group("n")),
                              n_span=(base + x.start("n"), base + x.end("n")), rule="arms:total_paren_counts"))
        else:
            if (len(items) >= 2 and len(items) == len(_WHOLE_NUMBER.findall(m.group("items")))
                    and sum(a.n or 0 for a in items) == parse_int(m.group("total"))
                    and sum(_is_control(a.label, []) for a in items) == 1):
                out.extend(items)
    return out


_DASH_ITEM = compile_regex(r"\s*(\d{1,5})\s*-\s*([^;,]+?)\s*(?:[;,]|$)")
_WHOLE_NUMBER = compile_regex(r"(?<![\d.,])\d+(?![.,]?\d)")
_DASH_GATE = compile_regex(r"\(\s*\d{1,5}\s*-\s*[A-Za-z]")


def _dash_counts(sent: str, s: int) -> list[_Arm]:
    """"41 males ... (20 – adhesive; 21 – suture)": groups counted as "count – name" items in one
    parenthesis (dashes are normalised to "-"), kept only when the counts add up to a number stated
    before it in the sentence (a scale "(0 – none; 1 – mild)" adds up to nothing stated)."""
    out: list[_Arm] = []
    for m in load_rules("arms").by_id("dash_counts").finditer(sent):
        items = [(x, int(x.group(1))) for x in _DASH_ITEM.finditer(m.group("items"))]
        total = str(sum(n for _x, n in items))
        if total not in sent or not any(x.group() == total for x in _WHOLE_NUMBER.finditer(sent, 0, m.start())):
            continue
        base = s + m.start("items")
        for x, n in items:
            label = _strip_regimen(clean_label(x.group(2)))
            if not label or _NOISE.search(label) or not tokens(label) or _PEOPLE_WORD.search(label):
                return []
            out.append(_Arm(label, base + x.start(2), base + x.end(2), n=n, n_span=(base + x.start(1), base + x.end(1)),
                            rule="arms:dash_counts"))
    return out


_TO_ITEM = compile_regex(
    r"(?:^|\s*[,;]\s*(?:and\s+)?|\s+and\s+)(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:patients|subjects|participants|women|men|"
    r"children|eyes|cases|infants|volunteers|adults)\s+)?(?:(?:were|was|had\s+been|have\s+been)\s+(?:randomly\s+)?(?:allocated|assigned|randomi[sz]ed)\s+)?"
    r"to\s+(?:receive\s+)?(?P<label>[^.;()]{2,80}?)(?=(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)\d|$)", regex.I)
# a count right after an allocation word ("allocated 480 to"), or the second form, "52 were
# assigned to X, 50 to Y": a count, then "were" / "was" and the allocation (one C-level search of
# the lower-cased sentence; stdlib re's \s is str.isspace)
_COUNTS_TO_GATE = re.compile(
    r"(?:allocated|assigned|randomi[sz]ed)\s+\d"
    r"|\d\s+(?:[a-z]+\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:randomly\s+)?(?:allocated|assigned|randomi[sz]ed)\s+to\s")


def _counts_to_gate(sent: str, low: str) -> bool:
    """Whether counts_to can match: two " to ", and a count right after an allocation word
    ("allocated 480 to") or before "were assigned to". Plain string tests first: the rule's
    lookahead is tried at every position."""
    i = low.find(" to ")
    if (i < 0 or low.find(" to ", i + 3) < 0) and _plain_case(sent):
        return False
    return not _plain_case(sent) or _COUNTS_TO_GATE.search(low) is not None


def _counts_to(sent: str, s: int) -> list[_Arm]:
    """"we randomly allocated 480 to follow-up invitation by telephone and 472 to follow-up
    invitation by mail": counts allocated in one sentence, each to its group."""
    out: list[_Arm] = []
    for m in load_rules("arms").by_id("counts_to").finditer(sent):
        base = s + m.start("items")
        items = []
        for x in _TO_ITEM.finditer(m.group("items")):
            raw = _FOR_TAIL.split(x.group("label"))[0]
            label = _strip_regimen(clean_label(raw))
            if not label or _NOISE.search(label) or not tokens(label) or _nwords(label) > 6:
                break
            items.append(_Arm(label, base + x.start("label"), base + x.start("label") + len(raw), n=parse_int(x.group("n")),
                              n_span=(base + x.start("n"), base + x.end("n")), rule="arms:counts_to",
                              item=(base + x.start("n"), base + x.end("label"))))
        else:
            if len(items) >= 2 and len({frozenset(tokens(a.label)) for a in items}) == len(items):
                out.extend(items)
    return out


_FOR_TAIL = compile_regex(r"\s+(?:for|over|during)\s+(?=\d|\w+\s+(?:weeks|months|days|years)\b)", regex.I)


_GROUP_WORDS = ("group", "arm")
_N_RECEIVED_PEOPLE = ("patients", "participants", "subjects", "children", "women", "men", "others", "cases", "volunteers")
# n_received's gate: a word of _N_RECEIVED_PEOPLE, whitespace, then "were" / "received" / "to", in
# the lower-cased sentence (one C-level search; stdlib re's \s is str.isspace)
_N_RECEIVED_GATE = re.compile(rf"(?:{'|'.join(_N_RECEIVED_PEOPLE)})\s+(?:were|received|to)")
# ... or a bracket between them ("30 patients (mean age 26.6 years) were treated with"), or a bare
# count ("82 received progesterone and 77 received placebo"): tested only where the words are in place
_N_RECEIVED_PAREN = re.compile(rf"(?:{'|'.join(_N_RECEIVED_PEOPLE)})\s+\([^()]{{1,60}}\)\s+(?:were|received)")
_BARE_VERBS = ("received", "were given", "were treated")
# the sentence cues of n_received's verbs ("received", "were given", "were treated with", "were allocated to")
_N_RECEIVED_VERB_CUES = frozenset({"received", "treated", "rand"})


def _bare_count_verb(low: str) -> bool:
    """A count, whitespace, then "received" / "were given" / "were treated" in ``low``."""
    for w in _BARE_VERBS:
        i = low.find(w)
        while i >= 0:
            k = skip_back(low, i, str.isspace)
            if k < i and k > 0 and low[k - 1].isdigit():
                return True
            i = low.find(w, i + 1)
    return False


def _n_received_more(low: str) -> bool:
    """n_received's forms beyond its gate (``_N_RECEIVED_GATE``): a bracket between the people
    word and the verb, or a bare count before the verb. Called only where the sentence cues find
    a verb of the rule (``_N_RECEIVED_VERB_CUES``): most sentences have none."""
    return _bare_count_verb(low) or (") were" in low or ") received" in low) and _N_RECEIVED_PAREN.search(low) is not None


_OF_N = ("of", "with", "comprising", "included", "consisting")
# what follows "group" in group_included_n ("group I included 100", "group II (80 patients)"), on the lower-cased text
_CODE_VERB = compile_regex(r"(?:[a-z]{1,4}[0-9]?|[0-9])(?:\s+(?:included|comprised|consisted|had|with|of|contained)|\s*\(\s*\d)")
_DIGIT = compile_regex(r"\d")


_PEOPLE_CUE = ("patients", "participants", "subjects", "children", "women", " men ", "others", "cases", "volunteers")


def _people_cue(doc_low: str, s: int, nxt: int) -> bool:
    """The "people" cue of the sentence starting at ``s`` (the next one starts at ``nxt``): a
    cue word starts between the two, as the cue pass (``_doc_cues``) defines its cues. Tested
    only where n_received's own words are in place, not for every sentence."""
    return any(doc_low.find(w, s, nxt + len(w) - 1) >= 0 for w in _PEOPLE_CUE)


_OTHER_VERB = compile_regex(
    r"\b(?:were|was)\s+(?!(?:randomi[sz]ed|randomly|further|then|subsequently|also|assigned|allocated|included|enrolled|"
    r"placed|put|entered|recruited|selected|divided|distributed|registered|"
    r"in|to|from|into|under)\b)[a-z]", regex.I)
_COMPLETED_AFTER = compile_regex(r"\s+(?:\w+\s+)?(?:completed|had\b|withdr|dropped\s+out|died|discontinued)", regex.I)
_GROUP_CODE_ONLY = compile_regex(r"^group\s+(?:[A-Z]{1,3}\d?|[IVX]{1,4}|\d{1,2})$")
_NAMED_COMMA_N = compile_regex(r"[(\[]\s*[A-Za-z][^;:()=\[\],]{0,40}?\s(?:[Gg]roup|[Aa]rm)\s*,\s*n\s*=")
_CODE_COMMA_N = compile_regex(r"[(\[]\s*[Gg]roup\s+(?:[A-Z]{1,3}\d?|[IVX]{1,4}|\d{1,2})\s*,\s*n\s*=")


def _count_rules(sent: str, low: str, cues: set[str], doc_low: str, s: int, nxt: int) -> list[str]:
    """The count rules that may match in a sentence, in order. Plain string tests: each rule
    runs only where the words it needs are in place ("group" + whitespace + "of")."""
    out = []
    if "=" in sent:
        out.append("arm_n")
        # a list "(A, n = 17; B, n = 23)", or a coded group's count "(group N, n = 30)" (a
        # treatment's name there is the group's second name: the list before it names the arm)
        # ... or a named group's ("(intervention group, n = 32)", "(ulinastatin group, n=41)")
        if ";" in sent or ("roup" in sent or "arm," in sent) and (", n" in sent or ",n" in sent) and (
                _CODE_COMMA_N.search(sent) or _NAMED_COMMA_N.search(sent)):
            out.append("arm_n_list")
    plain = _plain_case(sent)
    # what follows "group" / "arm" and whitespace decides three rules: found once
    after = _after_space(low, _GROUP_WORDS) if plain and "group" in cues else []
    if "group" in cues and (not plain or any(low.startswith(_OF_N, k) for k in after)):
        out.append("group_of_n")  # "group of 44 cases"
    # "24 patients received X": a people word, then "were ..." / "received" / "to"
    if (not plain or _N_RECEIVED_GATE.search(low) or cues & _N_RECEIVED_VERB_CUES and _n_received_more(low)) and (_people_cue(doc_low, s, nxt) or _bare_count_verb(low)):
        out.append("n_received")
    if "group" not in cues:
        return out
    if not plain or ("[" in sent or "(" in sent) and ("group," in low or "arm," in low):
        out.append("n_group_abbrev")  # "39 of which received Se [selenium group, SeG]"
    if not plain or any(_DIGIT.match(low, k) for k in after):
        out.append("in_group_n_included")  # "in the carbetocin group 462"
    out.append("n_in_group")
    if not plain or any(_CODE_VERB.match(low, k) for k in after):
        out.append("group_included_n")  # "group I included 100 patients"
    return out


def _count_matches(rule: Rule, sent: str, low: str) -> Iterable[regex.Match[str]]:
    if rule.id == "n_in_group":  # "64 in the experimental group" starts at its number
        first = _DIGIT.search(sent)
        if first is None:
            return ()
        # ... and ends with "group" / "arm": over half the sentences name their groups only
        # before their first number
        at = first.start()
        if _plain_case(sent) and low.find("group", at) < 0 and low.find("arm", at) < 0:
            return ()
        return rule.finditer(sent, at)
    return rule.finditer(sent)


_GROUP_ENDS = ("group", "arm", "groups", "arms") + tuple(f"group {c}" for c in "ABCDEFGHIJ123456789") + tuple(
    f"{w} {c}" for w in ("group", "arm", "Group", "Arm") for c in ("I", "II", "III", "IV"))
# the group named at the end of a clause: "as the control group", "in group 2", "in the group D"
_GROUP_TAIL = compile_regex(
    r"\b(?:the|a|an)\s+(?P<name>(?:[\w/+-]+\s+){0,2}?[\w/+-]+)\s+(?:group|arm)\s*$"
    r"|\b[Gg]roup\s+(?P<code>[A-Z]{1,3}\d?|[IVX]{1,4}|\d)\s*$")
_RESULT_WORDS = ("±", "%", "p =", "p=", "p <", "p<", "p-value", "mean", "median", "reported", "compared", "than")


def _reports_results(low: str) -> bool:
    """A sentence of results ("962 ± 595 mL in the treatment group (n = 79)", "reported more symptoms
    ... than the supervised group (n=4463)"): its counts may be of events or of the analysed."""
    return any(w in low for w in _RESULT_WORDS)


_LAST_LIST_WORD = compile_regex(r"\b(?:to|either|or|and|versus|vs|into|receive|received|with|including|groups?:?)\s+(?=\S)")


def _count_mentions(ctx: Context, sents: list[_S]) -> list[list[_Arm]]:
    """Groups of (label, n) mentions, one list per sentence with at least one."""
    rules = load_rules("arms")
    doc_low = ctx.low
    out = []
    for idx, (s, _e, sent, low, cues) in enumerate(sents):
        if "num" not in cues:
            continue
        dash = _dash_counts(sent, s) if "(" in sent and "-" in sent and _DASH_GATE.search(sent) else []
        # "30 patients were treated with X and 30 ... with Y": n_received's verbs without another cue
        if not cues & _MENTION_CUES and not ("treated" in cues and (_N_RECEIVED_GATE.search(low) or _n_received_more(low))):
            # the parenthesis counts its groups itself: no allocation word is needed
            pc = _paren_counts(sent, s) if "(" in sent and _has_control_word(low) else []
            pc += dash
            if pc:
                out.append(pc)
            continue
        found: list[_Arm] = []
        bare_at: set[int] = set()  # where n_received matched a count without a people word
        population = False
        nxt = sents[idx + 1][0] if idx + 1 < len(sents) else len(doc_low)
        for rid in _count_rules(sent, low, cues, doc_low, s, nxt):
            # "X (intervention group, n = 32)": a group's name beside the treatment that names it in a list
            # (rule named_n): it gives a size, never a name for an arm found otherwise
            tag = "named_n" if rid == "arm_n_list" and ";" not in sent and not _CODE_COMMA_N.search(sent) else rid
            for m in _count_matches(rules.by_id(rid), sent, low):
                if "label" in m.groupdict():
                    raw, lstart = m.group("label"), m.start("label")
                else:  # the label is the phrase before "(n = 12)" / "group of 44": back to a delimiter
                    head = sent[max(0, m.start() - 80) : m.start()]
                    cut = max(head.rfind(c) for c in ",;:()=<>")
                    raw = head[cut + 1 :]
                    if rid == "group_of_n":
                        raw = raw.split(" into ")[-1].split(" and ")[-1]
                    lstart = m.start() - len(raw)
                outer = None
                if rid == "arm_n" and m.group("inner") and m.group("inner").strip()[:1].isalpha():
                    outer, raw = raw, m.group("inner")
                if rid == "group_included_n":
                    raw = "group " + raw
                if rid == "arm_n_list":
                    opener = max(sent.rfind("(", 0, m.start() + 1), sent.rfind("[", 0, m.start() + 1))
                    if _NOT_ARM_ITEM.search(raw) or _NOT_ARM_HEAD.search(sent[max(0, opener - 40) : opener + 1]):
                        continue
                    # "5 infants had to be excluded (IG; n = 12; CG: n = 13)", "completed both questionnaires
                    # (users: n=104; nonusers: n=91)": who remained, not the allocation ("name: n =" items only)
                    if ":" in m.group(0) and _LEFT_BEFORE.search(sent, 0, opener):
                        continue
                if rid in ("arm_n", "arm_n_list") and (" with " in raw and _POP_WITH.search(raw)
                                       or population and _rx(r"^\s*(?:and|or)\s", regex.I).match(raw)):
                    # "patients with cervical (n=11) and uterine cancer (n=70)": who took part, not the arms
                    population = True
                    continue
                population = False
                label = raw.split(" in ")[0] if rid == "n_received" else raw
                # the name follows the last list word ("randomized to receive X (n = 342)")
                label = _LAST_LIST_WORD.split(label)[-1]
                if rid == "arm_n" and outer is None and raw.rstrip().endswith(_GROUP_ENDS):
                    # "the other class was considered as the control group (n=30)", "was used in group 2
                    # (n = 24)": a clause names the group at its end
                    tail = _GROUP_TAIL.search(raw) if not _reports_results(low) and not _DIGIT.search(raw[:-3]) else None
                    if tail and (_NOISE.search(label) or _nwords(label) > 6):
                        label = tail.group("name") or "group " + tail.group("code")
                label = _strip_lead_measure(_strip_regimen(clean_label(label)))
                n = parse_int(m.group("n"))
                if _rx(r"^[IVX]{1,4}$|^[A-Z]\d?$").match(label):
                    label = "group " + label  # "group I included 100 patients"
                # a leading amount names a dose arm ("10 mg L + 2 mg total Z (n = 24)")
                bare = _rx(r"^\d+(?:\.\d+)?\s*(?:mg|g|mcg|μg|µg|IU|mL)\b\s*").sub("", label)
                if rid == "arm_n_list" and label.startswith("Group ") and _GROUP_CODE_ONLY.match("g" + label[1:]):
                    label = "g" + label[1:]  # "(Group 1, n=35)": the code as group_code writes it
                # "group P" is a code, not a p-value's "p"
                if not label or n is None or _NOISE.search(bare) and not _GROUP_CODE_ONLY.match(label) or _nwords(label) > 6:
                    continue
                if rid == "arm_n" and _rx(r"\d\s*%?\s*$").search(raw.rstrip()) and not label.startswith("group "):
                    continue
                # "21 (30.9%) cases in RT group" counts an outcome, not the allocation
                if rid == "n_in_group" and "%" in sent[m.start("n") : m.start("label")]:
                    continue
                # "Only 2 UDs were identified in the intervention group", "49 patients in the control
                # group completed the follow-up": events and completers, not the allocation
                if rid == "n_in_group" and (_OTHER_VERB.search(sent, m.end("n"), m.start("label"))
                                            or _COMPLETED_AFTER.match(sent, m.end())):
                    continue
                if any(x.start == s + m.start() for x in found):
                    continue
                if rid == "n_received" and m.group("bare"):
                    bare_at.add(s + m.start("n"))
                # the item runs from the name through its count: "10 mg L + 2 mg total Z (1 mg Z ...; n = 24)"
                item = (s + lstart, s + m.end()) if rid in ("arm_n", "arm_n_list") else (s + m.start(), s + m.end())
                found.append(_Arm(label, s + lstart, s + lstart + len(raw), n=n, n_span=(s + m.start("n"), s + m.end("n")),
                                  rule=f"arms:{tag}", item=item))
                if outer:
                    # "a wait-list control (WLC; n = 31)": the name before the parenthesis tells the role
                    named = clean_label(_LAST_LIST_WORD.split(outer)[-1])
                    if named and _is_control(named, []) and not _is_control(label, []):
                        found[-1].aliases.append(named)
                if rid == "n_group_abbrev":
                    # "[control group, CG]": the role is the name's; "received conventional craniotomy
                    # (CC group, CG)": the treatment names the same group elsewhere
                    found[-1].aliases += [m.group("name"), clean_label(m.group("what"))]
        if bare_at and sum(x.rule == "arms:n_received" for x in found) < 2:
            # "82 received progesterone and 77 received placebo": a bare count names an arm only
            # beside another count received; alone ("Of these, 12 received rescue medication") it
            # may count anything
            found = [x for x in found if x.n_span is None or x.n_span[0] not in bare_at]
        if "rand" in cues and _counts_to_gate(sent, low):
            # its items replace the single mentions of their counts ("493 subjects were randomized
            # to varenicline"): arms.extract trusts a count allocated in a list (rule counts_to)
            listed = _counts_to(sent, s)
            spans = {x.n_span for x in listed}
            found = [f for f in found if f.n_span not in spans] + listed
        if "(" in sent and _has_control_word(low):
            found.extend(x for x in _paren_counts(sent, s, "rand" in cues) if not any(f.n_span == x.n_span for f in found))
        found.extend(x for x in dash if not any(f.n_span == x.n_span for f in found))
        if found:
            out.append(sorted(found, key=lambda a: a.start))
    return out


_COORDINATION = compile_regex(r"\s+(?:and|or|vs\.?|versus)\s+", regex.I)


def _names_two_arms(label: str, arms: list[_Arm]) -> bool:
    """``label`` joins two names of which one is an arm's and the other an arm's or a control
    term ("intervention and control", "intervention and TAU")."""
    parts = _COORDINATION.split(label)
    if len(parts) != 2:
        return False
    names = {a.label.lower() for a in arms}
    a, b = (p.strip().lower() for p in parts)
    return (a in names or b in names) and (a in names or _is_control(a, [])) and (b in names or _is_control(b, []))


def _merge(arms: list[_Arm], extra: list[_Arm], abbrevs: dict[str, str], create: bool) -> None:
    created: list[_Arm] = []
    for x in extra:
        if _names_two_arms(x.label, arms):
            continue  # "between the intervention and TAU group": both groups, no name of either
        hit = next((a for a in arms if _same(a.label, x.label, abbrevs)), None)
        if hit is not None and hit.label.lower() != x.label.lower() and tokens(hit.label) != (xt := tokens(x.label)):
            # an arm of the very name comes first: "chemotherapy plus bevacizumab" is that arm,
            # not a superset of the "chemotherapy" arm named before it
            hit = next((a for a in arms if a.label.lower() == x.label.lower() or xt and tokens(a.label) == xt), hit)
        if hit is None and x.aliases:  # a count that also gives the group's treatment ("n_group_abbrev")
            hit = next((a for a in arms if any(_same(a.label, al, abbrevs) for al in x.aliases if tokens(al))), None)
        # groups listed with their own n in one sentence are distinct ("IIT; n=33 ... IIT + LMWH; n=34")
        if hit is not None and hit in created and hit.n is not None and x.n is not None and hit.rule == x.rule == "arms:arm_n":
            hit = None
        if hit is None:
            if create:
                arms.append(x)
                created.append(x)
            continue
        if hit.n is None and x.n is not None:
            hit.n, hit.n_span = x.n, x.n_span
        if x.label != hit.label and x.label not in hit.aliases:
            hit.aliases.append(x.label)
            if (len(x.label) < len(hit.label) and len(tokens(x.label)) >= 1 and not _GENERIC.match(x.label)
                    and x.rule != "arms:named_n"):
                hit.aliases.remove(x.label)
                hit.aliases.append(hit.label)
                hit.label = x.label


def _rate_sizes(ctx: Context, arms: list[_Arm], total: int | None) -> None:
    """Arm sizes from the first run of k "x/n" event rates (one per arm, from the stats
    extractor) in one passage whose totals add up to the randomised total ("42/112 ... 47/110")."""
    k = len(arms)
    if total is None or not 2 <= k <= 4 or any(a.n is not None for a in arms):
        return
    rates = ctx.results.get("event_rates") or []
    for i in range(len(rates) - k + 1):
        run = rates[i : i + k]
        if run[-1].start - run[0].end > 160 or sum(r.total for r in run) != total:
            continue
        if all(r.events <= r.total for r in run):
            order = _rates_by_name(ctx, arms, run)
            for a, r in zip(order, run, strict=True):
                a.n, a.n_span = r.total, (r.start, r.end)
            return


_PAREN_BODY = compile_regex(r"\(([^()]{5,160})\)")
_COUNT_ITEM = compile_regex(
    r"^\s*(?:and\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:patients|pts|participants|subjects)\s+)?"
    # ... not an amount: "(20 mg daily and 20 mg alternate days)" doses the arms "daily" and "alternate days"
    r"(?:(?:received|receiving|in\s+the|in|to|on)\s+)?(?!(?:mg|g|mcg|μg|µg|ml|iu|units?|mmol|mg/kg)\b)"
    r"(?P<label>[A-Za-z][^,;±=<>%]{0,60}?)\s*$", regex.I)
_GROUP_SUFFIX = compile_regex(r"\s+(?:group|arm)s?$", regex.I)
_ITEM_SPLIT = compile_regex(r"\s*[,;](?<!\d,(?=\d{3}(?!\d)))\s*(?:and\s+)?|\s+and\s+")  # not a thousands comma


def _paren_named_counts(ctx: Context, sents: list[_S], arms: list[_Arm], abbrevs: dict[str, str]) -> None:
    """Sizes from a parenthesis of counts each naming a known arm: "(92 TOMOX and 91 FOLFOX4)",
    "(143 receiving tiropramide and 144 octylonium)". Only when every item names a different
    arm that has no size yet, and the parenthesis names every such arm."""
    missing = [a for a in arms if a.n is None]
    if len(missing) < 2:
        return
    for s, _e, sent, _low, cues in sents:
        if "num" not in cues or "(" not in sent:
            continue
        for pm in _PAREN_BODY.finditer(sent):
            body, b0 = pm.group(1), pm.start(1)
            # its first item is a count ("(92 TOMOX and 91 FOLFOX4)"): most parentheses fail
            # here, before they are split ("\s" is in str.isspace)
            head = body.lstrip()
            if not (_DIGIT.match(head) or head[:3].lower() == "and"):
                continue
            items, pos = [], 0
            for piece in _ITEM_SPLIT.split(body):
                at = body.find(piece, pos)
                pos = at + len(piece)
                m = _COUNT_ITEM.match(piece)
                if not m:
                    items = []
                    break
                label = _GROUP_SUFFIX.sub("", m.group("label"))
                items.append((parse_int(m.group("n")), label, s + b0 + at + m.start("n"), s + b0 + at + m.end("n")))
            if len(items) != len(missing):
                continue
            hits = []
            for n, label, ns, ne in items:
                arm = [a for a in missing if _same(a.label, label, abbrevs)]
                if len(arm) != 1 or not n:
                    break
                hits.append((arm[0], n, ns, ne))
            if len(hits) == len(missing) and len({id(a) for a, *_ in hits}) == len(missing):
                for a, n, ns, ne in hits:
                    a.n, a.n_span = n, (ns, ne)
                return




def _rates_by_name(ctx: Context, arms: list[_Arm], run: list) -> list[_Arm]:
    """The arm each rate of ``run`` belongs to, read from the arm named beside it.

    "Heparin was discontinued in 24/73 ... whereas citrate ... in 5/66": the name before each
    rate (from the previous rate on) decides; "42/112 in cell recipients versus 47/110 in
    control patients": else the name after it (up to the next rate). Only when every rate gets
    a different arm is that order used; otherwise the arms' own order (as listed) stands."""
    low = ctx.low
    own = [frozenset(t for t in tokens(a.label) if len(t) > 2) for a in arms]
    # the words that tell one arm from the others ("heparin" of "heparin anticoagulation")
    names = [ts - frozenset().union(*(o for j, o in enumerate(own) if j != i)) for i, ts in enumerate(own)]

    def named(lo: int, hi: int) -> int | None:
        words = set(TOK.findall(low, lo, hi))
        hits = [i for i, ts in enumerate(names) if not ts.isdisjoint(words)]
        return hits[0] if len(hits) == 1 else None

    k = len(run)
    sent_lo = ctx.sent_starts[ctx.sentence_index(run[0].start)]
    before = [named(sent_lo if i == 0 else run[i - 1].end, r.start) for i, r in enumerate(run)]
    after = [named(r.end, run[i + 1].start if i + 1 < k else min(len(low), r.end + 60)) for i, r in enumerate(run)]
    for pick in (before, after):
        if None not in pick and len(set(pick)) == k:
            return [arms[i] for i in pick]  # type: ignore[index]
    return arms


_NAMED_ENDS = ("group", "arm", "cohort")


def _group_word_ends(sent: str, low: str) -> bool:
    """Whether named_group can match: "group", "arm" or "cohort" not followed by a word
    character or "-" ("groups", "arm-", "grouped" end no name). A non-ASCII character after
    the word passes (str.isalnum and the pattern's \\w differ there)."""
    if not _plain_case(sent):
        return True
    n = len(low)
    for w in _NAMED_ENDS:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if j >= n or not (low[j].isascii() and (low[j].isalnum() or low[j] in "_-")):
                return True
            i = low.find(w, j)
    return False


_PLURAL_GROUP = (" groups", " arms")
_NOT_BEFORE_GROUPS = frozenset("the between among across in of these those study all both two three four".split())


def _group_list_windows(sent: str, low: str) -> list[tuple[int, int]]:
    """Where named_groups_list can match: the 160 characters before each plural group word
    ("groups", "arms") that hold a coordinating word; the whole sentence where the lower-cased
    text may not tell. Most sentences have none, and the pattern is tried only there."""
    if not _plain_case(sent):
        return [(0, len(sent))]
    out = []
    for w in _PLURAL_GROUP:
        i = low.find(w)
        while i >= 0:
            a, b = max(0, i - 160), i + len(w)
            # the word before the group word names a group: not "the two groups", "between groups"
            prev = low[low.rfind(" ", 0, i) + 1 : i].rstrip(",")
            if prev not in _GROUP_STOP and prev not in _NOT_BEFORE_GROUPS:
                win = low[a:b]
                if " and " in win or " or " in win or " vs" in win or " versus " in win:
                    out.append((a, b))
            i = low.find(w, b)
    return out


_LIST_SPLIT = compile_regex(r"\s*,\s*(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?", regex.I)
# who the people are, not what they received: "the male and female groups", "SIBO and non-SIBO groups"
_SUBGROUP_WORDS = frozenset(
    "case cases male female males females men women boys girls young elderly older younger adult adults children "
    "responders non-responders nonresponders positive negative healthy normal survivors nonsurvivors non-survivors "
    "obese lean smokers non-smokers nonsmokers mothers fathers couples normotensive hypertensive diabetic "
    "non-diabetic nondiabetic".split())
# names of a group's role, not of its treatment: "the intervention and control groups" counts the
# groups but names none of them, so another source's names outrank it (``_group_mentions``' ``lists``)
_ROLE_NAMES = frozenset("intervention interventional experimental treatment treated active study test control controls "
                        "placebo usual standard".split())


def _listed_groups(m: regex.Match[str], s: int) -> list[_Arm]:
    """The groups of one named_groups_list match ("the fenoldopam and the placebo groups"), or none
    where a name is no treatment's: a word of ``_GROUP_STOP`` ("the two and three groups"), a number,
    who the people are ("male and female groups", "SIBO and non-SIBO")."""
    text, at = m.group("list"), m.start("list")
    names, pos = [], 0
    for part in _LIST_SPLIT.split(text):
        i = text.find(part, pos)
        names.append((part, i))
        pos = i + len(part)
    low = [p.lower() for p, _i in names]
    if len(set(low)) < len(low) or any(f"non-{x}" in low or f"non{x}" in low for x in low):
        return []
    for p in low:
        words = p.split()
        if (not words or any(w.strip(".") in _GROUP_STOP or w in _SUBGROUP_WORDS for w in words)
                or _DIGIT.search(p) or _NOISE.search(p) or not tokens(p)):
            return []
    return [_Arm(p, s + at + i, s + at + i + len(p), rule="arms:named_groups_list") for p, i in names]


def _group_mentions(ctx: Context, sents: list[_S], abbrevs: dict[str, str],
                    lists: list[list[_Arm]] | None = None) -> list[_Arm]:
    """Groups named anywhere ("in the Hochu-ekki-to group", "Group S"), merged, in first-mention order.
    ``lists`` receives every list of groups named together ("between the intervention and control
    groups"), those named only by their roles too: the last source of arms, where nothing names them
    by treatment."""
    rules = load_rules("arms")
    found: list[_Arm] = []
    plain_doc = _plain_case(ctx.norm)
    for s, _e, sent, low, cues in sents:
        if "group" not in cues:
            continue
        for rid in ("group_code", "named_group") if _group_word_ends(sent, low) else ("group_code",):
            for m in rules.by_id(rid).finditer(sent):
                if rid == "group_code":
                    label, a, b = "group " + m.group("code"), m.start(), m.end()
                else:
                    words = m.group("label").split()
                    while words and words[0].lower() in _DETS:
                        words = words[1:]
                    if not words or any(w.lower().strip(".") in _GROUP_STOP for w in words):
                        continue
                    if words[-1].lower() in _DANGLING:
                        continue  # "the overall magnitude of group differences": "group" qualifies a noun
                    label = " ".join(words)
                    a, b = m.start("label") + m.group("label").find(words[0]), m.end("label")
                    if _NOISE.search(label) or not tokens(label) or _rx(r"\d").search(label):
                        continue
                found.append(_Arm(label, s + a, s + b, rule=f"arms:{rid}"))
        if plain_doc and " groups" not in low and " arms" not in low:
            continue  # no plural group word: no list of groups named together (most sentences)
        seen: set[int] = set()  # a match two windows hold
        for a, b in _group_list_windows(sent, low):
            for m in rules.by_id("named_groups_list").finditer(sent, a, b):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                listed = _listed_groups(m, s)
                if listed and lists is not None:
                    lists.append(_listed_groups(m, s))  # its own candidates: merging changes those of ``found``
                if not all(x.label.lower() in _ROLE_NAMES for x in listed):
                    found += listed
    found.sort(key=lambda x: x.start)
    arms: list[_Arm] = []
    _merge(arms, found, abbrevs, create=True)
    return arms


_GROUP_WORDS_EACH = ("group", "groups", "arm", "arms")


def _each_group(sent: str, low: str) -> bool:
    """Whether each_n can match: "groups of" / "arms of", or "each" / "per" / "every" and
    whitespace, then "group" / "arm" after at most one more word ("20 per group", "in each
    treatment arm"). Its number, which may be a word, is tried at every position: a slow scan."""
    if not _plain_case(sent) or _followed_by(sent, low, ("groups", "arms"), ("of",)):
        return True
    # "the control group and the observation group each with 32 cases"
    if _followed_by(sent, low, _GROUP_WORDS_EACH, ("each ",)):
        return True
    n = len(low)
    for k in _after_space(low, ("each", "per", "every")):
        if low.startswith(_GROUP_WORDS, k):
            return True
        j = k
        while j < n and not low[j].isspace():
            j += 1
        while j < n and low[j].isspace():
            j += 1
        if j > k and low.startswith(_GROUP_WORDS, j):
            return True
    return False


_RANGE_BEFORE = compile_regex(r"\d\s*(?:to|-)\s*$")


def _each_n(ctx: Context, sents: list[_S], arms: list[_Arm]) -> None:
    """"three groups of 20 each", "(30 eyes in each treatment arm)": every arm without n gets it.
    Where some arm has a count already, only the allocation sentence's "each" count is read, and
    it sizes every arm ("randomly divided into the control group and the observation group each
    with 32 cases" outranks "1 case in the observation group" of the results)."""
    if not arms or all(a.n is not None for a in arms):
        return
    partial = any(a.n is not None for a in arms)
    rules = load_rules("arms")
    for s, _e, sent, low, cues in sents:
        if "group" not in low and "arm" not in low or partial and "rand" not in cues:
            continue  # every form names the groups: "groups of 20 each", "20 per group", "two (n = 30) groups"
        # "into two (n = 30) groups" needs its parenthesis; the other forms a word "each" / "per"
        rids = (["each_n"] if "each" in cues and _each_group(sent, low) else []) + (["each_n_paren"] if "(n" in low else [])
        for m in (m for rid in rids for m in rules.by_id(rid).finditer(sent)):
            n = parse_int(m.group("n"))
            # "(n = 15 to 17 per group)": the end of a range is no group's size
            if n and not _RANGE_BEFORE.search(sent, max(0, m.start("n") - 12), m.start("n")):
                for a in arms:
                    a.n, a.n_span = n, (s + m.start("n"), s + m.end("n"))
                return


# "group SL", or a bare letter from a list ("into 4 groups of A, B, C, and D"); an abbreviation
# ("CMV", "ANH") is the group's own name, not a code
_CODE_LABEL = compile_regex(r"^(?:[Gg]roup\s+([A-Z]{1,3}\d?|[IVX]{1,4}|\d{1,2})|([A-Z]\d?|[IVX]{1,4}))$")
_CONCENTRATION = compile_regex(r"\b\d+(?:\.\d+)?\s*%\s*(?=[A-Za-z])")


# a clause or a comparison, not a treatment's name: "without", "first group received spirulina",
# "same dose of dexmedetomidine", "more fluid than group C", "those in the antihistamine"
_NOT_A_NAME = compile_regex(
    r"^(?:with|without|not|no|first|second|third|while|whereas|those|patients|subjects|same|similar|equal|compare\w*|safety|"
    r"efficacy|effects?|more|less|loaded|corresponding|only|either|both|all|this|that|these|we|in|of|at|to|for|from)\b"
    # "Group L received a loading dose of 0.5 μg/kg": an amount, not what was given
    r"|^(?:(?:an?|the)\s+)?(?:(?:loading|single|bolus|maintenance|low|high|higher|lower)\s+)?(?:doses?|bolus|infusion)$"
    r"|\b(?:than|group|groups|received|receiving|was|were|in\s+the)\b|\s\d+$", regex.I)


_IN_VEHICLE = compile_regex(r"(?<=\w.*)\s+(?:diluted\s+|dissolved\s+)?in\s+(?:\d+(?:\.\d+)?\s*m[lL]\s+(?:of\s+)?)?(?:normal\s+|physiological\s+)?saline\b.*$")


_AMOUNT_OF = compile_regex(r"(\d\s*(?:m[lL]|mg|g|µg|μg|mcg)\b)\s+of\s+")
_GROUP_WORD_END = compile_regex(r"(?<=\w)\s+(?:treatment\s+)?(?:group|arm)$", regex.I)


def _code_name(raw: str) -> str:
    """The usable name of a coded group's treatment ("20% lipid emulsion" -> "lipid emulsion"), or ""."""
    if "saline" in raw:  # "magnesium 50 mg in normal saline 1 mL": the drug, not its vehicle, names the group
        raw = _IN_VEHICLE.sub("", raw)
    # "transtracheal block with 4 ml of 4% lidocaine": the amount's "of" goes with the amount
    if " of " in raw:
        raw = _AMOUNT_OF.sub(r"\1 ", raw)
    label = _strip_regimen(clean_label(_strip_doses(_CONCENTRATION.sub("", clean_label(raw)))[0]))
    # "an irsogladine group (Group I; n = 16)": the treatment names the group, not the word "group"
    if label[-3:].lower() in ("oup", "arm"):
        label = _GROUP_WORD_END.sub("", label)
    if (not label or _NOISE.search(label) or not tokens(label) or _GENERIC.match(label) or _nwords(label) > 6
            or _NOT_A_NAME.search(label)):
        return ""
    return label


def _codes_in_list(sent: str, rule: Rule, codes: dict[str, _Arm], names: dict[str, str]) -> set[str]:
    """"premedicated intravenously with normal saline in group 1, 50 µg fentanyl in group 2, and 0.5
    mg/kg ketamine in group 3": each code's treatment named before it, taken only where two codes or
    more are named so (a results sentence, "7.6 minutes in group S", names none). Returns the codes named."""
    found = {}
    for m in rule.finditer(sent):
        code = m.group("code")
        name = _code_name(m.group("name")) if code in codes and code not in names else ""
        # "five subjects in Group V, nine subjects in Group P": who was counted, not what was given
        if name and _nwords(name) <= 4 and not _PEOPLE_WORD.search(name):
            found.setdefault(code, name)
    if len(found) < 2:
        return set()
    for code, name in found.items():
        names.setdefault(code, name)
    return set(found)


def _code_names(ctx: Context, sents: list[_S], arms: list[_Arm]) -> None:
    """"Sugammadex (S), ..., and control (C)" / "group B included 86 fractures treated with
    cephalomedullary nails": a group known by its code ("group S", "B") is called by the name of the
    treatment the abstract gives for that code; the code stays an alias (doses and mentions use it)."""
    codes = {}
    for a in arms:
        m = _CODE_LABEL.match(a.label)
        # a bare letter is a group's code only where the abstract says so ("groups A, B, C, and D",
        # "Group D patients"); "D, E, both or control" after "Diet (D)" are the treatments' own names
        if m and (m.group(1) or _rx(rf"\b[Gg]roups?\s+(?:of\s+)?(?:[A-Z]\d?\s*,?\s*(?:and\s+)?)*{m.group(2)}\b").search(ctx.norm)):
            codes[m.group(1) or m.group(2)] = a
    if not codes:
        return
    rules = load_rules("arms")
    names: dict[str, str] = {}
    # plain string gates: a code in parentheses ("(SL)"), or after "group": "(group P, n = 30)",
    # "group B included", "In Group A, 3MIX-MP was used"
    paren = tuple(f"({c})" for c in codes)
    after_group = tuple(f"roup {c}" for c in codes)
    # code_colon's gate: the code, then its colon or dash ("Group A:", "Group 1-", "Group P - ", "group A (n = 30):")
    after_colon = tuple(f"roup {c}{sep}" for c in codes for sep in (":", "-", "–", " :", " -", " –", " ("))
    # code_comma's gate: the code, then a comma ("group M, diabetic meal delivery")
    after_comma = tuple(f"roup {c}," for c in codes)
    kept: set[str] = set()  # codes that stay the label, their treatment an alias
    results = _before_results(ctx)
    for s, _e, sent, low, cues in sents:
        coded = "group" in cues and "roup " in sent and any(t in sent for t in after_group)
        rids = ((["code_defined"] if "(" in sent and (coded or any(d in sent for d in paren)) else [])
                + (["code_treated", "code_in_passive"] if coded else [])
                # "Group A: Received single dose of N. sativa oil", "Group 1- conventional etching"
                + (["code_colon"] if coded and any(t in sent for t in after_colon) else [])
                + (["code_comma"] if coded and any(t in sent for t in after_comma) else []))
        for rid in rids:
            for m in rules.by_id(rid).finditer(sent):
                code = m.group("code")
                if code in codes and code not in names:
                    name = _code_name(m.group("name"))
                    if name:
                        names[code] = name
                        if rid == "code_comma":
                            kept.add(code)
        if coded and s < results and low.count("in group ") >= 2:
            kept |= _codes_in_list(sent, rules.by_id("code_in_list"), codes, names)
    if len(set(names.values())) != len(names):
        return  # two codes for one name: not a key to the groups
    for code, name in names.items():
        a = codes[code]
        if any(o is not a and tokens(o.label) == tokens(name) for o in arms):
            continue  # the treatment already names another arm: the code adds nothing
        if code in kept:
            # "group M, diabetic meal delivery; group D, ...", "saline in group 1, fentanyl in group 2": a
            # code defined in a list of codes is what the abstract calls the group; the treatment is an alias
            a.aliases.append(name)
            continue
        a.aliases.append(a.label)
        a.label = name


# what may follow "group" / "arm" and whitespace where group_received can match: its verb, a count
# "(n = 20)", or a comma ("the control group, received")
_GROUP_NEXT = ("received", "was", "were", "took", "underwent", "got", "(", ",")
_ROLE_KEYS = frozenset({"control", "intervention", "treatment", "experimental", "placebo"})


_GROUP_KEYS = ("first", "second", "third", "fourth", "fifth", "other", "control", "intervention", "treatment",
               "experimental", "study", "placebo", "one")


def _key_groups(low: str, end: int) -> list[int]:
    """Where a word of group_received's keys and whitespace come before "group" / " arm" ("the first
    group", "control arm") in ``low[:end]``: its gate, a scan of the few places these words occur
    ("arm" as the sentence cues find it, after a space)."""
    out = []
    n = len(low)
    for w in ("group", " arm"):
        i = low.find(w, 0, end)
        while i >= 0:
            j = i + (w[0] == " ")
            k = j - 1
            while k >= 0 and low[k].isspace():
                k -= 1
            if k < j - 1 and low.endswith(_GROUP_KEYS, 0, k + 1):
                # ... and the verb, a count or a comma after it ("first group (n = 20) received")
                after = i + len(w)
                while after < n and low[after].isspace():
                    after += 1
                if low.startswith(_GROUP_NEXT, after):
                    out.append(j)
            i = low.find(w, i + 1, end)
    return out


def _group_received(ctx: Context, sents: list[_S]) -> list[_Arm]:
    """Groups known by place or role, each with what it received, one sentence each: "The first
    group (n = 20) received ... oral L-carnitine. The control group (n = 11) received placebo".
    Read before the results (a result says what a group received more of); two groups at least,
    each named by what it received, or by its role ("control") where that is no usable name."""
    results = _before_results(ctx)
    at = _key_groups(ctx.low, results)  # the results are not read: only the text before them
    if at:
        # only the sentences that hold such a name (most abstracts have none)
        starts = [x[0] for x in sents]
        todo = [sents[i] for i in sorted({bisect_right(starts, p) - 1 for p in at}) if i >= 0]
    elif _plain_case(ctx.norm):
        return []
    else:
        todo = sents  # the lower-cased text may not say where: every sentence is tried
    rule = load_rules("arms").by_id("group_received")
    found: dict[str, _Arm] = {}
    for s, _e, sent, low, cues in todo:
        if "group" not in cues or not at and not _followed_by(sent, low, _GROUP_WORDS, _GROUP_NEXT, space=False):
            continue  # (where ``at`` found the sentence, it found the verb or count after "group" too)
        if s >= results:
            break
        for m in rule.finditer(sent):
            key = m.group("key").lower()
            if key == "one" and found:
                key = "other"  # "one group received placebo ... while the other group was given diclofenac"
            if key in found:
                continue
            label = _code_name(m.group("label"))
            if len(label) < 3:
                # no usable name ("1500 mg/dialysis interval ... oral L-carnitine"): the group's own
                # words name it, so that the groups are still counted
                label = key if key in _ROLE_KEYS else f"{key} group"
            n = parse_int(m.group("n")) if m.group("n") else None
            n_span = (s + m.start("n"), s + m.end("n")) if m.group("n") else None
            found[key] = _Arm(label, s + m.start("label"), s + m.end("label"), n=n, n_span=n_span,
                              rule="arms:group_received", item=(s + m.start(), s + m.end()))
            if key in ("control", "placebo") and label != key:
                found[key].aliases.append(key)  # "control group received two olive oil capsules": the role
    arms = list(found.values())
    if len(arms) < 2 or any(_same(a.label, b.label, {}) for i, a in enumerate(arms) for b in arms[i + 1 :]):
        return []
    return arms
