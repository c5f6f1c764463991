"""The outcome phrase of a comparison: read from the words before its numbers with the
``out_*`` rules of ``patterns/comparisons.json``, trimmed of leading prepositions, trailing
verbs and the groups named in it; a short phrase of its own when no rule finds one."""

from __future__ import annotations

import regex

from extractor.fields.comparison_groups import _Mention
from extractor.fields.cue_words import _WORD_GAPS, _ascii_words, _finditer, _plain, _rule_word_gates
from extractor.regex_cache import compile_regex
from extractor.words import TOK

_BAD_SUBJECT = compile_regex(
    r"^(?:there|it|them|either|this|these|those|that|we|they|our|results?|data|analysis|analyses|findings?|both|all|none|no|each|"
    r"which|such|the\s+(?:difference|results?|study|trial)|(?:the\s+)?(?:treatment|intervention|therapy|"
    r"administration|use)(?:\s+(?:with|of)\s+\w+)?|(?:two|three|four|both|all)\s+(?:groups|arms)|"
    r"(?:[\w\-]+\s+)?(?:patients|subjects|participants|women|men|children|infants))$",
    regex.I,
)
_LEADING_PREP = compile_regex(
    r"^(?:in|at|after|during|among|for|compared|with|by|on|within|following|when|overall|at|from|over|of|throughout)\b[^,]*,\s*",
    regex.I,
)
_TAIL_WORDS = (
    r"was|were|is|are|had|has|have|of|in|at|for|to|and|or|on|with|by|the|a|an|as|that|than|significantly|"
    r"statistically|also|both|all|observed|found|seen|noted|reported|measured|values?|between|among|group|groups")
# (?<!\s): a match starts where its run of spaces does, so only there is it tried; a search
# tried each space of a long run, each reading the run to its end (10,000 spaces: 14 s)
_TRIM_TAIL = compile_regex(r"(?<!\s)(?:\s+(?:" + _TAIL_WORDS + r"))+\s*$", regex.I)
# _TRIM_TAIL matches somewhere exactly when the text ends in one such word: this test is tried
# from the end only (REVERSE), where _TRIM_TAIL's search for the words' start tries every position
_ENDS_IN_TAIL_WORD = compile_regex(r"\s(?:" + _TAIL_WORDS + r")\s*$", regex.I | regex.REVERSE)
_TRIM_HEAD = compile_regex(
    r"^(?:(?:and|(?-i:or|nor)|but|while|whereas|however|also|moreover|furthermore|the|a|an|in|addition|respectively|similarly|"
    r"overall|significantly|statistically|both|all|of|for|with|as|well|there|was|were|no|any|to)\b[\s,]*)+",
    regex.I,
)
_CUT_AT_GROUP = compile_regex(
    r"\s+(?:(?:in|among|for|of)\s+(?:the\s+|those\s+|all\s+)?(?:patients\s+|subjects\s+|participants\s+)?"
    r"(?:(?:treated|receiving|given|taking)\s+(?:with\s+)?)?)$", regex.I)
_WEAK_VERB = compile_regex(
    r"\s+(?:showed|shows|show|had|has|have|did|does|do|demonstrated|revealed|indicated|found)\b"
    r"|\s+(?:(?:statistically\s+)?significantly\s+)?(?:reduced|increased|improved|decreased|lowered|raised|shortened|prolonged|"
    r"enhanced|attenuated|prevented|alleviated|relieved|reduces|increases|improves|decreases|lowers)\s+"
    r"(?!in\b|by\b|from\b|to\b|significantly|compared|with\b|during|after|at\b|over\b|than\b|and\b|or\b|among\b|\(|\d)(?:the\s+)?[a-z]",
    regex.I,
)
_CHANGE_NOUN = compile_regex(r"^(?:(?:a|an|the|no|any|significantly|statistically|significant|greater|larger|smaller|higher|lower|"
                             r"more|less|marked|similar|mean|median|overall)\s+){0,3}(?:differences?|reductions?|increases?|improvements?|decreases?|changes?)\s+(?:in|of)\b", regex.I)
# "no significant differences were found in X": a subject that is only a qualified difference
# names no outcome when the outcome follows the noun (out_diff_in); with none after it, the
# subject stays (whether it refers back is not known). At least one qualifier: a bare "the
# difference" is an anaphor (_ANAPHOR).
_BARE_CHANGE = compile_regex(r"^(?:(?:no|any|significant|statistically|group|between[-\s]groups?|inter-?group|overall|"
                             r"treatment)\s+){1,3}(?:differences?|changes?|effects?)$", regex.I)
_ANAPHOR = compile_regex(r"^(?:(?:this|these|that|those|the|such)\s+)?(?:differences?|effects?|changes?|results?|findings?|reductions?|increases?|improvements?)$", regex.I)
_LEAD_PUNCT = compile_regex(r"[\s,;:.()\[\]-]+")
_GROUP_TAIL = compile_regex(r"\b(?:group|arm|cohort)s?\b\s*(?:patients|subjects|participants)?$", regex.I)
_SUBJECT_VERB_END = compile_regex(
    r"\s(?:demonstrated|produced|achieved|experienced|exhibited|displayed|yielded|provided|caused|induced|"
    r"resulted\s+in|led\s+to)$", regex.I)


# a phrase ending in a relative pronoun ("the proportion of patients who"): the rule stopped at
# the relative clause's verb, taking it for the sentence's. "which" opens a clause that reports
# the result ("B cells which were increased"), a "that" after "to"/"than"/"as" is a
# demonstrative ("superior effects to that of S-amlodipine"): the outcome ends before either.
# "who" and any other "that" restrict the noun ("patients who developed sore throat"): the
# outcome runs through the clause to the sentence's verb (_through_clause).
_RELATIVE_END = compile_regex(r"(?:\s*,)?\s+(?:(?P<demo>(?:to|than|as)\s+that)|(?P<rel>which|who|whom|whose|that))\s*$"
                              r"|^(?:which|who|whom|whose|that|those)$", regex.I | regex.REVERSE)
_PRONOUN_ENDS = ("who", "hom", "ose", "ich", "hat")
# the words the relative clause's verb may be (the out_subject rule's verbs) and a run of
# them with the spaces between, glued so the rule reads past them to the next verb
_CLAUSE_VERBS = compile_regex(r"(?:\s+(?:" + "|".join(sorted(_rule_word_gates().get("out_subject", ()), key=lambda w: (-len(w), w)))
                              + r")\b)+", regex.I)
# the words a phrase may have before its relative pronoun ("the proportion of patients
# with diabetes who"): a longer one holds the sentence's own verb
_LONGEST_ANTECEDENT = 6
_COUNTED = compile_regex(r"\bof\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){1,3}(?:who|that)\s*$", regex.I | regex.REVERSE)
_CLAUSE_BREAK = compile_regex(r"[,;()\[\]]")
_LEADING_PP = compile_regex(r"^(?:among|in|for|of|at|within)\b", regex.I)
# "IFN-beta-1a had a safety profile similar to that of placebo": the outcome is the noun phrase
# the comparative word follows, after its verb or "with"
_PHRASE_BEFORE = compile_regex(
    r"\b(?:had|has|have|showed|shows|show|with|exhibited|produced|offers?|offered|provided|achieved)\s+"
    r"(?:(?:an?|the|their|its)\s+)?(?P<np>[\w-]+(?:\s+[\w-]+){0,3}?)\s+$", regex.I | regex.REVERSE)


# the first letters of _TRIM_HEAD's words: a phrase starting with another ASCII character
# has none of them to trim (the regex call costs more than the test)
_TRIM_HEAD_FIRST = frozenset("abwhmftirsonABWHMFTIRSON")  # ("or", "nor": o, n)


def _clean_outcome(text: str, start: int) -> tuple[str, int]:
    # each regex is tried only where it can match: _LEAD_PUNCT on a leading space or
    # punctuation (not a letter or digit), _LEADING_PREP on a phrase with a comma
    m = None if text[:1].isalnum() else _LEAD_PUNCT.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    m = _LEADING_PREP.match(text) if "," in text else None
    if m and len(text) - m.end() > 3:
        text, start = text[m.end():], start + m.end()
    c = text[:1]
    m = _TRIM_HEAD.match(text) if c in _TRIM_HEAD_FIRST or not c.isascii() else None
    if m:
        text, start = text[m.end():], start + m.end()
    t = _TRIM_TAIL.search(text) if _ENDS_IN_TAIL_WORD.search(text) else None
    if t:
        text = text[: t.start()]
    stripped = text.rstrip(" ,;:.-([")
    if t is None and len(stripped) == len(text):
        return text, start  # the same text as tested above: no tail word to trim
    text = stripped
    t = _TRIM_TAIL.search(text) if _ENDS_IN_TAIL_WORD.search(text) else None
    if t:
        text = text[: t.start()]
    return _without_amount(text), start


# "urinary nitric oxide by 17.5 %", "internal work of 1.19%": the size of the change the rule
# read on into, not part of the outcome
_TRAILING_AMOUNT = compile_regex(r"\s+(?:by|of)\s+(?:about\s+|approximately\s+|~|≈)?[-−–+]?\d[\d.,]*\s*(?:%|percent)?$",
                                 regex.I | regex.REVERSE)


def _without_amount(text: str) -> str:
    if not text[-1:].isdigit() and not text.endswith("%"):
        return text
    m = _TRAILING_AMOUNT.search(text)
    return text[: m.start()] if m and m.start() > 0 else text


# the words an out_diff_in object may be that name the groups, not an outcome
# (and a count the group noun was cut from: "between the data of the two groups")
_NO_OUTCOME = frozenset(("groups", "group", "either", "both", "any", "them", "those", "arms", "two", "three", "four"))
# the first words of a phrase after a change verb that says when or under what it changed
# ("at 168 h", "after cannulation", "following both therapies"); not "on", which may name
# the measure ("performed better on the demonstration task")
_WHEN_WORDS = frozenset(("at", "after", "following", "during", "over", "before", "within", "throughout", "until"))
# "LDL-cholesterol was significantly reduced by 7%": a change verb followed by "by"/"from" has
# its outcome as its subject, the phrase before the verb (and its auxiliaries) back to a clause
# break; "a significant increase from" (a noun, not a verb in -ed) has none
_CHANGE_BY = compile_regex(r"(?:by|from)(?:\s+[-+−–]?[\d.]|$)", regex.I)
_BRACKETED = compile_regex(r"\s*\([^()]*\)")
_LIST_END = compile_regex(r"\s(?:and|or)\s", regex.I)
_PRONOUN_START = compile_regex(r"\s*(?:this|that|these|it|they|we)\b", regex.I)
# "the rate of infection in the intervention group": the group the subject is measured in
_IN_GROUP_END = compile_regex(r"\s+(?:in|among|for)\s+(?:the\s+)?[^\s,;()]+(?:\s+[^\s,;()]+){0,3}?\s+(?:group|arm)s?\s*$",
                              regex.I)
_SUBJECT_BEFORE = compile_regex(
    r"(?P<s>[^,;:()\[\]]+?)\s+(?:(?:was|were|is|are|has|have|had|been|being|not|significantly|statistically|also|"
    r"further|only|slightly|markedly|substantially|both)\s+)*$", regex.I)
# "more patients in the intervention group reported monitoring weights daily": the people
# counted name no outcome; what they did or had (after their group) does
_PEOPLE = frozenset(("patients", "subjects", "participants", "infants", "children", "women", "men"))
_PEOPLE_PREDICATE = compile_regex(
    r"\s+(?:in|of|from|on|receiving|given)\s+(?:the\s+)?[^,;()\[\]]{0,60}?\b(?:groups?|arms?|cohorts?)"
    r"(?:\s+(?-i:[A-Z][\w.+-]*|\d+))?\s+(?:than\s+(?:in\s+)?(?:the\s+)?[^,;()\[\]]{0,60}?\b(?:groups?|arms?)\s+)?"
    r"(?:who\s+)?(?P<p>[^,;()\[\]]+)", regex.I)
# a verb of having: the outcome is its object ("had anemia"); "were hungry": the complement;
# any other verb stays with its object ("discontinued treatment")
_HAVE_VERB = compile_regex(
    r"^(?:had|has|have|reported|experienced|required|developed|achieved|needed|suffered|showed|attained|"
    r"were|was)\s+(?:(?:any|an?|the|some)\s+)?", regex.I)
_PREDICATE_END = compile_regex(
    r"\s+(?:compared|than|versus|vs\b|relative\s+to|at\s+(?:week|month|day|\d)|throughout|until|respectively|"
    r"and\s+(?:had|has|have|were|was|did))\b", regex.I)


def _subject_before(head: str, verb_at: int, mentions: list[_Mention], cues) -> tuple[str, int] | None:
    """(phrase, offset) of the subject of the change verb at ``verb_at`` in ``head``."""
    verb = head[verb_at:].split(None, 1)[:1]
    if not verb or not verb[0].lower().endswith("ed"):
        return None
    # brackets blanked: "The risk of MACE (CV death, MI, or stroke) was reduced by 14%"
    flat = _BRACKETED.sub(lambda b: " " * len(b.group()), head[:verb_at])
    # the subject starts after a clause break, a full stop the sentence split missed ("vitamins
    # C and E. MDA increased") or a "that" of reporting ("analysis showed that total FIQ scores")
    cut = max(flat.rfind(c) for c in ",;:")
    dot = flat.rfind(". ")
    cut = max(cut, dot + 1) if dot >= 0 else cut
    before = flat.rfind(",", 0, cut) if cut >= 0 and flat[cut] == "," else -1
    if before >= 0 and len(flat[before + 1:cut].split()) <= 3 and _LIST_END.search(flat, cut):
        return None  # "in humans, bovines, snails, cow dung and mice": the subject ends a list
    that = flat.lower().rfind(" that ", cut + 1)
    if that >= 0:
        cut = that + 5
    m = _SUBJECT_BEFORE.search(flat, cut + 1)
    if m is None or _PRONOUN_START.match(m.group("s")):
        return None
    s0, s1 = m.span("s")
    o, o0 = _clean_outcome(_IN_GROUP_END.sub("", head[s0:s1]), s0)
    o = _cut_at_group(o, o0, mentions)
    if len(o) < 2 or _BAD_SUBJECT.match(o) or _is_group_phrase(o, mentions, o0, cues):
        return None
    return o, o0


def _people_predicate(head: str, people_end: int) -> tuple[str, int] | None:
    """(phrase, offset) of what the people counted before ``people_end`` did or had."""
    m = _PEOPLE_PREDICATE.match(head, people_end)
    if m is None:
        return None
    p, p0 = m.group("p"), m.start("p")
    if regex.match(r"(?:did|do|does|were|was)\s+not\b|not\b|no\b", p, regex.I):
        return None  # "fewer patients did not experience any nausea": the negation is the outcome's
    v = _HAVE_VERB.match(p)
    if v:
        p, p0 = p[v.end():], p0 + v.end()
    e = _PREDICATE_END.search(p)
    if e:
        p = p[: e.start()]
    p, p0 = _clean_outcome(p.rstrip(), p0)
    return (p, p0) if len(p) >= 2 and TOK.search(p.lower()) else None


def _outcome(head: str, cues, mentions: list[_Mention], low: str | None = None,
             words: list[str] | None = None) -> tuple[str, int, str] | None:
    """(phrase, offset in head, rule) of the outcome named in the words before the numbers.
    ``low``: ``head`` lower-cased, and ``words`` its words (``_ascii_words``, None when
    ``head`` is not ``_plain``), when the caller has them."""
    cands: dict[str, tuple[str, int, str]] = {}
    weak_subject = False
    anaphor = None
    nothing = False  # a rule read a word naming nothing: no phrase of the head is the outcome
    if low is None:
        low = head.lower()
        words = _ascii_words(low, _WORD_GAPS) if _plain(head) else None  # for the rules' gates
    for rid in ("out_subject_list", "out_subject", "out_diff_in", "out_had_more", "out_group_verb"):
        if rid == "out_subject_list" and "," not in low:
            continue  # a list needs a comma as well as its "and"/"or" (the rule's gate)
        for m in _finditer(rid, head, low, words):
            o, o0 = m.group("o"), m.start("o")
            o, o0 = _clean_outcome(o, o0)
            o = _cut_at_group(o, o0, mentions)
            o_end = m.end("o")
            if o[-3:].lower() in _PRONOUN_ENDS:
                o, o0, o_end = _relative_end(head, o, o0, rid, m, mentions)
            # an outcome needs a letter or digit; upper case counts ("MVC", "BMI")
            if len(o) < 2 or not TOK.search(o.lower()):
                continue
            # a phrase naming a group is no outcome, except the object of a change noun
            # (out_diff_in); each rule's phrase is judged once
            if rid == "out_subject_list":
                if _is_group_phrase(o, mentions, o0, cues):
                    continue
            elif rid == "out_subject":
                anaphoric = _ANAPHOR.match(o) is not None
                if anaphoric and not anaphor:
                    anaphor = (o, o0, "anaphor")
                existential = _existential(o)
                if anaphoric or existential or _BAD_SUBJECT.match(o) or _is_group_phrase(o, mentions, o0, cues):
                    # "At baseline there were no differences between groups": the words before
                    # "there" name no outcome, and the whole head is none either (no fallback)
                    nothing = nothing or existential or o.lower() in _NO_OUTCOME
                    continue
                if len(o.split()) > 25:
                    continue
                # "Duloxetine demonstrated significantly greater improvement in ...": the subject
                # ends in a verb of the group, the outcome is the object
                # "No significant differences were found in X": the subject is a qualified
                # difference, the outcome follows it (out_diff_in)
                weak_subject = bool(_WEAK_VERB.match(head, o_end) or _SUBJECT_VERB_END.search(o)
                                    or _BARE_CHANGE.match(o))
            elif rid == "out_had_more" and (cues["significant"].fullmatch(o) or o.lower() in ("than", "in", "with")):
                continue
            elif rid == "out_diff_in" and o.lower() in _NO_OUTCOME:
                nothing = True
                continue  # "no significant changes in any groups": the rule read the groups
            elif rid != "out_diff_in" and _is_group_phrase(o, mentions, o0, cues):
                continue
            elif rid == "out_group_verb" and o.lower() in _NO_OUTCOME:
                nothing = True
                continue  # "did not significantly change in either group"
            if rid in ("out_had_more", "out_group_verb"):
                low_o = o.lower()
                if _CHANGE_BY.match(low_o):
                    # "by 0.68": a phrase of numbers, kept when no subject can be read
                    read = _subject_before(head, m.start(), mentions, cues) or (
                        None if low_o in ("by", "from") else (o, o0))
                elif low_o in _PEOPLE and rid == "out_had_more":
                    read = _people_predicate(head, o0 + len(o))
                elif low_o.split(None, 1)[0] in _WHEN_WORDS:
                    # "mean SBP, DBP and MAP significantly reduced after cannulation": the phrase
                    # after the verb is when or under what it changed; the subject is the outcome
                    read = _subject_before(head, m.start(), mentions, cues) or (o, o0)
                else:
                    read = (o, o0)
                if read is None:
                    nothing = True
                    continue
                o, o0 = read
            cands[rid] = (o, o0, rid)
            break
        # the rules are in order of precedence: once one has a candidate, a later rule's can
        # only matter to an out_subject the two tests below may drop, so the rest need not run
        if rid in cands and not (rid == "out_subject" and (weak_subject or _CHANGE_NOUN.search(cands[rid][0]))):
            break
    if "out_subject" in cands and "out_diff_in" in cands and (
            _CHANGE_NOUN.search(cands["out_subject"][0]) or _BARE_CHANGE.match(cands["out_subject"][0])):
        del cands["out_subject"]  # "a greater reduction in body weight was observed": the outcome follows the noun
    if "out_subject" in cands and weak_subject and len(cands) > 1:
        del cands["out_subject"]  # "ANOVA showed music to reduce pain": the subject is not the outcome
    for rid in ("out_subject_list", "out_subject", "out_diff_in", "out_had_more", "out_group_verb"):
        if rid in cands:
            return cands[rid]
    return anaphor or (("", 0, "nothing") if nothing else None)


def _existential(o: str) -> bool:
    """The phrase before the verb ends in the "there" of "there was/were" ("At week 12 there
    was no difference in X", "These results indicate that there were fewer ..."): what
    precedes it is a time, a setting or a report, and the subject follows the verb."""
    return o[-5:].lower() == "there" and (len(o) == 5 or not o[-6].isalnum())


def _relative_end(head: str, o: str, o0: int, rid: str, m: regex.Match[str],
                  mentions: list[_Mention]) -> tuple[str, int, int]:
    """(phrase, its offset, where the rule's phrase ends) for a phrase ``o`` (at ``o0`` in
    ``head``, read by rule ``rid`` from the match ``m``) that may end in a relative pronoun;
    an empty phrase when none can be read."""
    t = _RELATIVE_END.search(o)
    if t is None:
        return o, o0, m.end("o")
    if t.group("rel") is None and t.group("demo") is None:
        # the phrase is only a pronoun: "similar to that of placebo" names what is compared
        # before the comparative word; a subject "Those" is left as it was
        if rid == "out_subject" and o.lower() == "those":
            return o, o0, m.end("o")
        p = _PHRASE_BEFORE.search(head, 0, m.start()) if rid == "out_had_more" else None
        return (p.group("np"), p.start("np"), m.end("o")) if p else ("", o0, m.end("o"))
    if t.group("demo") is not None or t.group("rel").lower() == "which" or rid != "out_subject":
        return o[: t.start()], o0, m.end("o")
    if len(o[: t.start()].split(None, _LONGEST_ANTECEDENT)) > _LONGEST_ANTECEDENT:
        # "Patients who received alvimopan experienced a shorter length of stay versus those
        # in who did not": the rule ran past a verb it does not know; nothing to read
        return "", o0, m.end("o")
    return _through_clause(head, o0, o0 + t.end(), mentions)


def _through_clause(head: str, o0: int, rel_end: int, mentions: list[_Mention]) -> tuple[str, int, int]:
    """The out_subject phrase (at ``o0`` in ``head``) read again with the relative clause's
    verb (after ``rel_end``) glued to its pronoun: "the proportion of patients who were part
    time sick-listed" (up to "was significantly higher"); a clause running to the head's end
    is read to it ("the proportion of patients who developed one or more complications
    (19.2 vs. 34.7%"). A clause a comma ends without a verb after it is the population of a
    leading "Among ...,", whose subject follows the comma; any other is no outcome."""
    v = _CLAUSE_VERBS.match(head, rel_end)
    if v is None:
        return "", 0, rel_end
    glued = head[:rel_end] + regex.sub(r"\s", "_", head[rel_end:v.end()]) + head[v.end():]
    for m in _finditer("out_subject", glued):
        if m.end("o") > v.end():
            return _read(head, m.start("o"), m.end("o"), mentions)
    leading_pp = _LEADING_PP.match(head, o0) is not None
    # the head ends where the numbers begin, maybe at their bracket: "complications (". Read
    # to it only for people counted ("the proportion of patients who"): "Patients who had
    # received X exhibited similar admission rates" runs on through a verb the rule does not know
    tail = head[v.end():].rstrip(" ,;:([")
    if not leading_pp and _CLAUSE_BREAK.search(tail) is None and _COUNTED.search(head, o0, rel_end):
        return _read(head, o0, v.end() + len(tail), mentions)
    comma = head.find(",", v.end())
    if comma < 0 or not leading_pp:
        return "", 0, rel_end
    for m in _finditer("out_subject", head[comma + 1:]):
        return _read(head, comma + 1 + m.start("o"), comma + 1 + m.end("o"), mentions)
    return "", 0, rel_end


def _read(head: str, a: int, b: int, mentions: list[_Mention]) -> tuple[str, int, int]:
    """(phrase, offset, end) of the outcome in ``head[a:b]``, cleaned as a rule's is."""
    o, o0 = _clean_outcome(head[a:b], a)
    if _LEADING_PP.match(o) is not None:
        return "", 0, b  # "Among children who had ...": a population, not an outcome
    return _cut_at_group(o, o0, mentions), o0, b


def _cut_at_group(o: str, o0: int, mentions: list[_Mention]) -> str:
    """'Pain severity in the methadone group' -> 'Pain severity'."""
    for m in mentions:
        if o0 < m.start < o0 + len(o):
            cut = _CUT_AT_GROUP.search(o[: m.start - o0])
            if cut and cut.start() >= 2:  # "RR in Group C": a two-letter outcome stays
                return o[: cut.start()].rstrip(" ,")
    return o


def _is_group_phrase(o: str, mentions: list[_Mention], o0: int, cues) -> bool:
    """The phrase names a group rather than an outcome ("PHR group patients", "the placebo group")."""
    low = o.lower()
    # _GROUP_TAIL is tried at every position; most phrases have none of its nouns (looked
    # for in the lower-cased phrase, see _plain)
    if not (_plain(o) and "group" not in low and "arm" not in low and "cohort" not in low) and _GROUP_TAIL.search(o):
        return True
    covered = sum(m.end - m.start for m in mentions if o0 <= m.start and m.end <= o0 + len(o))
    # at most two words (split no further than the third)
    return covered >= 0.6 * len(o) or (len(o.split(None, 2)) <= 2 and bool(cues["control"].fullmatch(o)))


def _unclosed_bracket(text: str) -> int | None:
    """Where the first bracket that ``text`` never closes opens; None when each is closed."""
    if "(" not in text and "[" not in text:
        return None
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch in "([":
            opened.append(i)
        elif ch in ")]" and opened:
            opened.pop()
    return opened[0] if opened else None


def _fallback_outcome(head: str) -> tuple[str, int] | None:
    text, start = _clean_outcome(head, 0)
    t = _RELATIVE_END.search(text) if text[-3:].lower() in _PRONOUN_ENDS else None
    if t is not None:
        # "The mean of state of anxiety, which was 36.4": the clause holds the numbers
        text = text[: t.start()]
    # "docosahexaenoic acid (+31%", "SF-12 PCS (6.2 points": the head runs on to the first number
    # another field read (a p-value), through a bracket of numbers no field did; the outcome
    # ends where that bracket opens
    cut = _unclosed_bracket(text)
    if cut is not None:
        text = text[:cut].rstrip(" ,;:")
    # drop trailing cue words / numbers, keep a short phrase
    words = text.split()
    if not words or len(words) > 14 or not TOK.search(text):
        return None
    return text, start
