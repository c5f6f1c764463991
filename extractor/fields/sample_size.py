"""Whole-trial sample size: randomised (or enrolled), analysed and planned totals.

Rules live in ``patterns/sample_size.json``; each match is a candidate with a priority by
how directly it states allocation ("24 subjects were randomized" beats "a total of 24
patients" beats "in 24 patients"). The earliest candidate of the highest priority wins, so
screened numbers ("Of 3089 screened, 797 were randomized") and later subgroup counts do not.
When only per-arm numbers are given, ``arms`` fills ``randomized`` with their sum
(``derived=True``) because arms run after this field. Totals computed from stated parts
("4 groups of 7 each", "239 ... in each arm" with a 1:1 allocation, "30 pregnant and 10
nonpregnant women") are marked the same way, and ``derivation`` says how.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from extractor.fields import Context
from extractor.normalize import plain_case
from extractor.numbers import parse_int
from extractor.records import Evidence, SampleSize
from extractor.regex_cache import compile_regex
from extractor.rules import Rule, load_rules
from extractor.scan import finditer_at, literal_starts


@cache
def _rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile once (regex's own cache lookup is slow on hot paths)."""
    return compile_regex(pattern, flags)

FIELD = "sample_size"

# rule id -> priority of its number as the randomised total
PRIORITY = {
    "n_out_of_planned": 6,
    "num_people_randomized": 5,
    "lead_count_randomized": 5,
    "count_randomized": 5,
    "randomized_num_people": 5,
    "n_paren_randomized": 5,
    "of_screened_randomized": 5,
    "eyes_of_patients": 5,
    "of_total_enrolled": 4,
    "of_num_enrolled": 4,
    "sum_of_parts": 4,
    "groups_of_each": 4,
    "sex_parts": 1,  # (a sum: any stated total comes first)
    "groups_of_n": 1,  # (a product: a stated total of any rank, or an earlier fallback count, comes first)
    "num_people_enrolled": 3,
    "total_of": 2,
    "in_num_people": 1,
    "people_n_equals": 1,
}
# Units randomised that are not people: kept in SampleSize.unit.
_NON_PEOPLE = compile_regex(
    r"^(?:eyes|teeth|premolars|molars|incisors|knees|hands|villages|clusters|communities|centres|centers|regions|schools|classes|practices|"
    r"households|families|hospitals|wards|units|sites|districts|clinics|pharmacies|churches|couples|dyads|pairs)$",
    regex.I,
)
# Sites and groupings: the unit randomised only in a cluster trial, or where the sentence says
# they were randomised; otherwise "13 hospitals in England" describes the setting.
_SITES = compile_regex(
    r"^(?:villages|clusters|communities|centres|centers|regions|schools|classes|practices|households|"
    r"hospitals|wards|units|sites|districts|clinics|pharmacies|churches)$",
    regex.I,
)
# Fallback counts ("133 (76.4%) women (90 I and 43 C) completed follow-up") that describe
# completers or the analysed set, said within the same clause.
_COMPLETERS = compile_regex(r"(?:[^.;]|\.(?=\d)){0,80}?\b(?:completed|were\s+able\s+to\s+complete|were\s+analy[sz]ed|were\s+followed|followed\s+up|lost\s+to)\b", regex.I)
_IN_EACH_AFTER = compile_regex(r"[^.;,()]{0,60}?\b(?:in|per|for)\s+each\s+(?:[\w-]+\s+){0,2}?(?:arm|group|sequence|condition)s?\b", regex.I)
_WEAK = frozenset({"in_num_people", "people_n_equals"})
# rules whose count is the subject of an allocation verb ("21 patients were assigned to ...")
_ALLOCATED = frozenset({"num_people_randomized", "lead_count_randomized", "randomized_num_people", "count_randomized"})
_COMPLETED_WORD = compile_regex(r"\bcomplet(?:ed|ing)\b")
_INTO_ANALYSIS = compile_regex(r"\s+in(?:to)?\s+(?:the\s+)?(?:final\s+|primary\s+)?analys[ie]s\b")
_TO_AFTER = compile_regex(r"\s+(?:\([^()]{0,80}\)\s+)?(?:in)?to\b")
_RANDOMISED_WORD = compile_regex(r"\brandomi[sz]|\ballocat|\bassigned\b", regex.I)
# Cheap gates (speed): a rule runs on a sentence only when the sentence holds one of its cue
# words, its runs of a-z (``_WORDS``; found as the words of ``_letters_only``, the same).
# stdlib re: faster than regex for these simple per-sentence scans
_WORDS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_NUM_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fourty fifty sixty seventy eighty ninety hundred thousand".split()
)
# every word the <<num>> define can open with (test_sample_size checks it against the define)
COUNT_WORDS = _NUM_WORDS | {"zero", "million"}
_RAND = frozenset({"randomized", "randomised", "randomly", "allocated", "assigned"})
_ENROL = frozenset({"enrolled", "enroled", "included", "recruited", "selected", "studied", "entered", "evaluated", "participated",
                    "divided", "treated", "investigated", "examined", "took", "completed"})
RULE_CUES: dict[str, frozenset[str]] = {
    "n_out_of_planned": frozenset({"planned", "targeted", "intended", "anticipated"}),
    "planned_size": frozenset({"planned", "target", "targeted", "intended", "required", "calculated", "sought"}),
    "of_total_enrolled": frozenset({"enrolled", "enroled", "randomized", "randomised", "included", "completed"}),
    "of_num_enrolled": frozenset({"randomized", "randomised", "randomly", "enrolled", "enroled", "included", "recruited", "allocated"}),
    "completed_analyzed": frozenset({"completed", "complete", "finished", "analyzed", "analysed", "analysis", "analyses", "evaluation", "evaluable"}),
    "data_available_analyzed": frozenset({"data", "analysis", "analyses"}),
    "analysed_for_people": frozenset({"available", "analysed", "analyzed", "analysis", "analyses", "population", "set", "sample"}),
    "num_people_randomized": _RAND,
    "lead_count_randomized": _RAND,
    "count_randomized": frozenset({"randomized", "randomised", "randomly"}),
    "randomized_num_people": _RAND,
    "n_paren_randomized": frozenset({"n"}),
    "of_screened_randomized": frozenset({"screened", "eligible", "assessed", "approached"}),
    "eyes_of_patients": frozenset({"eyes", "teeth", "knees", "hips", "feet"}),
    "num_people_enrolled": _ENROL,
    "sum_of_parts": _ENROL | _RAND,
    "groups_of_each": frozenset({"groups"}),
    "groups_of_n": frozenset({"groups"}),
    "sex_parts": frozenset({"male", "males", "female", "females", "men", "women", "boys", "girls"}),
    "total_of": frozenset({"total", "totally", "overall", "all"}),
    "in_num_people": frozenset(),  # any sentence with a number; run only as a fallback
    "people_n_equals": frozenset({"n"}),
}
# Further words a rule cannot match without (each set must meet the sentence's words), read
# off the patterns: the verb of "N patients were randomised", the "and" of "30 and 10 women",
# the "of" of "77 of 91 enrolled".
_BE = frozenset({"were", "was", "been", "being", "are"})
_ALSO_NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    "num_people_randomized": (_BE,),
    "lead_count_randomized": (frozenset({"were", "been"}),),
    "count_randomized": (frozenset({"were", "was"}),),
    "randomized_num_people": (frozenset({"randomized", "randomised", "randomly"}),),
    "sum_of_parts": (frozenset({"and"}), frozenset({"were", "was"})),
    "completed_analyzed": (frozenset({"completed", "finished", "analyzed", "analysed", "included", "able", "evaluable"}),),
    "analysed_for_people": (frozenset({"for", "included", "comprised", "consisted"}),),
    "of_total_enrolled": (frozenset({"of"}),),
    "of_num_enrolled": (frozenset({"of", "among"}),),
    "groups_of_n": (frozenset({"of"}),),
    # (a male and a female word: most sentences that name one sex name no breakdown)
    "sex_parts": (frozenset({"and"}), frozenset({"male", "males", "men", "boys"}), frozenset({"female", "females", "women", "girls"})),
}
# rules whose count must be followed by a people/unit noun: run only where one occurs
_NEEDS_PEOPLE = frozenset({"num_people_randomized", "of_num_enrolled", "lead_count_randomized", "sum_of_parts", "randomized_num_people", "eyes_of_patients", "num_people_enrolled",
                           "total_of", "in_num_people", "analysed_for_people"})
_PEOPLE_WORDS = frozenset(
    ("patients subjects participants persons people individuals volunteers adults children infants neonates newborns "
     "women men males females mothers girls boys adolescents students athletes runners smokers asthmatics participant "
     "providers relatives caregivers parents fathers carers teachers users veterans members recipients donors survivors pregnancies employees workers "
     "nurses physicians residents cases outpatients inpatients controls eyes teeth premolars molars incisors knees hands villages clusters "
     "communities centres centers regions schools classes practices households families hospitals wards units sites "
     "districts couples dyads pairs piglets pigs sheep rats mice dogs cats rabbits animals horses cows calves lambs "
     # (less frequent, each a handful of the corpus' abstracts: "252 GPs were randomised", "Ten swine were randomized")
     "gps practitioners trainees undergraduates graduates responders housewives mountaineers players cyclists swimmers nonsmokers clinics pharmacies churches "
     "goats swine hamsters goldfish leeches gilts sows steers bulls macaques "
     # ("250 Orang Asli (aboriginal) schoolchildren", "Fifty parturients were randomly divided", "15 clinicians were randomly assigned")
     "schoolchildren pupils parturients clinicians surgeons doctors midwives pharmacists toddlers teenagers cattle mares").split()
)
_N_EQUALS = compile_regex(r"\(\s*(?:total\s+)?n\s*=", regex.I)


# (rule id, cue words, needs a people noun, further word sets) of every cue-gated rule, in order
_GATED = tuple((rid, cues, rid in _NEEDS_PEOPLE, _ALSO_NEEDS.get(rid, ())) for rid, cues in RULE_CUES.items() if cues)
# Every word a gate above reads: a sentence's words outside it change no gate, so the gates are
# a function of the sentence's words within it, and few such sets recur (cached).
_VOCAB = frozenset().union(*RULE_CUES.values(), *(n for ns in _ALSO_NEEDS.values() for n in ns), _PEOPLE_WORDS, COUNT_WORDS)


# Every character but a-z as a space (a byte each: "?" for a non-ASCII one), so that the
# words of a sentence, its runs of a-z (``_WORDS``), are a slice's ``split()``: one C-level
# pass over the document, then a split per sentence, cost about a third of a findall per
# sentence (sample_size 0.23 -> 0.21 ms an abstract in the pipeline).
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))


def _letters_only(low: str) -> str:
    """``low`` (same length) with every character but a-z a space."""
    return low.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")


@lru_cache(maxsize=8192)
def _plan(hits: frozenset[str]) -> tuple[list[Rule], bool, tuple[str, ...], tuple[str, ...]]:
    """(the cue-gated rules to run, a people noun is there, the words a count can open with
    there, the people nouns there) for a sentence whose gate words are ``hits``."""
    people = not _PEOPLE_WORDS.isdisjoint(hits)
    by_id = load_rules("sample_size").by_id
    # (isdisjoint builds no intersection set)
    rules = [by_id(rid) for rid, cues, needs_people, also in _GATED if not cues.isdisjoint(hits)
             and (people or not needs_people) and not any(need.isdisjoint(hits) for need in also)]
    return rules, people, tuple(sorted(COUNT_WORDS & hits)), tuple(sorted(_PEOPLE_WORDS & hits))


def _fallback_gate(rid: str, sent: str, people: bool) -> bool:
    return people if rid == "in_num_people" else bool(_N_EQUALS.search(sent))


# lowest-priority rules: run only when no stronger randomised candidate was found
_FALLBACK = ("in_num_people", "people_n_equals")


def _fallback_rules(sent: str, people: bool) -> list[Rule]:
    by_id = load_rules("sample_size").by_id
    return [by_id(r) for r in _FALLBACK if _fallback_gate(r, sent, people)]

# _SCREENED_VERB's gate, on the lower-cased sentence (the pattern ignores case)
_SCREENED_CUES = ("screened", "eligib", "approached", "contacted")
_SCREENED_VERB = compile_regex(r"[^.;]{0,160}?\b(?:were|was)\s+(?:screened|eligible|assessed\s+for\s+eligibility|approached|contacted)\b", regex.I)
_SCREENED = compile_regex(r"\b(?:screened|assessed\s+for\s+eligibility|approached|eligible|contacted)\b", regex.I)
# "1680 eligible patients were randomized": "eligible" qualifies the people randomised, not a screened count
_ELIGIBLE_RANDOMISED = compile_regex(r"\s+eligible\s+(?:[\w-]+\s+){1,3}?(?:were|was)\s+(?:\w+ly\s+)?(?:randomi[sz]ed|allocated|assigned)\b", regex.I)
# the words (adjectives, no number: "1214 out of 8477 eligible physicians" is a part) between a
# count and a later word of its noun phrase
_ADJ_WORDS = compile_regex(r"(?:\s+[^\W\d_][\w-]*+)*\s+", regex.V0)
# "From each patient, two premolars were randomly assigned": a count per person, not a total
_PER_PERSON_BEFORE = compile_regex(r"\b(?:from|in|of|for)\s+each\s+[\w-]+,?\s*$", regex.I)
_TEETH = compile_regex(r"^(?:teeth|premolars|molars|incisors)$", regex.I)
# "Patients attending 11 otorhinolaryngology clinics in Tokyo ... were enrolled": the sites of the
# setting, not the unit allocated
_SETTING_BEFORE = compile_regex(r"\b(?:attending|visiting|from|at|in|across|within|of)\s+(?:the\s+)?$", regex.I)
_FROM_BEFORE = compile_regex(r"\bfrom\s+(?:the\s+)?$", regex.I)
# The phrases read after a count are short; a match bounded by this window costs the same on
# any text, where an unbounded one let regex scan the rest of the sentence for a literal the
# pattern needs ("each") at every count: a sentence of 50,000 counts hung.
_AFTER_WINDOW = 300
_EACH_ARM_AFTER = compile_regex(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:were|was)\s+)?(?:randomly\s+)?(?:enrol?led|randomi[sz]ed|allocated|assigned|included)\s+"
    r"(?:in|to|into|for)\s+each\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:arm|group)s?\b", regex.I)
_MIN_N = 2
_PER_ARM_AFTER = compile_regex(r"\s+(?:and|or|vs\.?|versus)\s+\d", regex.I)
# "25 patients were randomly assigned to X and the other 25 to Y", "21 patients were assigned
# to A, while 24 patients received B", "18 to A, 9 to B and 9 to C": the next arm's count after
# the count of a rule's match (searched only after a count of an allocation rule, about one
# a document)
# (the next count may be a word, "Twenty-three patients were randomized to A and twenty-one patients
# to B", and name its people with an adjective, "Eight UC patients received X and ten UC patients received Y")
_WORD_COUNT = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
               r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
               r"|eighteen|nineteen)")
_ARM_COUNT = compile_regex(
    rf"(?:[,;]|\b(?:and|while|whereas))\s+(?:the\s+(?:other|remaining)\s+)?(?P<n2>\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_COUNT})\s+(?:[\w-]+\s+){{0,2}}?"
    # (not a range: "(A), 2 to 3 weeks before surgery")
    r"(?:(?:were|was)\s+(?:randomly\s+)?)?(?:received|given|assigned|allocated|randomi[sz]ed|to(?!\s+\d))\b", regex.I)
# "202 participants were allocated to the intervention group and 200 participants to the control
# group": a fallback count allocated to one arm (the rules with a verb leave "to the ... group" alone)
# (on the lower-cased sentence: the pattern ignores case)
_ALLOCATED_CUES = ("randomi", "assigned", "allocated", "received")
_ALLOCATED_AFTER = compile_regex(
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was)\s+(?:randomly\s+)?)?(?:randomi[sz]ed|assigned|allocated|received)\s", regex.I)
# the first count has an arm of its own ("were randomized to varenicline", "received X")
_OWN_ARM = compile_regex(r"\b(?:to|received|receive|given)\b", regex.I)
# "5800 were randomised, of whom 2915 were allocated to A and 2885 to B", "90 patients were
# assigned to conditions (31 to ECT, 30 to CBT, and 29 to IP)", "131 were assigned to two
# groups: 65 to A and 66 to B": the parts of a total
_PARTS_OF_TOTAL = compile_regex(
    r"\bof\s+(?:whom|which|these|them)\b|[:(\[]\s*\d|\b(?:to|into)\s+(?:two|three|four|[2-4])\s+(?:[\w-]+\s+)?(?:groups|arms)\b", regex.I)
_MAX_ARM_GAP = 120
_EXCLUDED_AFTER = compile_regex(
    r"\s*(?:[\w-]+\s+){0,2}?(?:were|was|had\s+been)\s+(?:subsequently\s+|later\s+)?(?:excluded|withdrawn|lost|dropped)\b"
    r"|\s*(?:[\w-]+\s+){0,2}?(?:withdrew|dropped\s+out|discontinued)\b", regex.I)
# "Of the 101 patients enrolled, 93 patients were included (48 in A and 45 in B)", "Among 105
# consecutive patients, 39 were enrolled": the count after the comma is the part allocated, so the
# pool before it is not the total (a count "included in the analysis" is the analysed part)
_POOL_PART_AFTER = compile_regex(
    r"\s*(?:\([^()]{0,80}\)\s*)?,\s*(?:only\s+)?(?P<part>\d+|[a-z]+(?:-[a-z]+)?)\s+(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:were|was)\s+(?:\w+ly\s+)?(?:randomi[sz]ed|allocated|assigned|enrol?led|"
    r"included(?!\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:analys[ie]s|population|evaluation)))\b", regex.I)
_TO_ARM = compile_regex(r"\s+(?:to|into)\s", regex.I)
_POOL_LEAD = compile_regex(r"\b(?:of|among)\b", regex.I)
_IN_ARM_AFTER = compile_regex(r"\s+(?:[\w-]+\s+){0,2}?(?:were|was)\s+in\s+the\s+(?:[\w/+-]+\s+){1,3}?(?:group|arm)\b", regex.I)
# "Of the 37 pharmacies in the intervention group": sites of one arm (of a cluster trial, where a
# count of sites outranks every count of people). (Only sites: "480 patients in the telephone
# group responded" read as the total keeps arms from taking that outcome count as the arm's n.)
_SITES_IN_ARM_AFTER = compile_regex(r"\s+(?:[\w-]+\s+){0,2}?in\s+the\s+(?:[\w/+-]+\s+){1,3}?(?:group|arm)\b", regex.I)
# "Nine general practitioners participated in the critical reading workshop, nine in the problem-based
# learning workshop, and ten were assigned to the control group": the next group's count follows
# the first group's own "in the ..." (not a total's list: "287 smokers were recruited: 81 in the III, ...")
_NEXT_GROUP_IN = compile_regex(
    r",\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?)\s+in\s+the\b", regex.I)
_CLAUSE_END = re.compile(r"[.;:()]")
# the next group's size after "GPs (n = 289)": "and participants from the general population (n = 513)"
_NEXT_GROUP_N = compile_regex(r"\s*\)\s+and\s+(?:(?!(?:were|was|received|and)\b)[\w-]+\s+){1,6}?\(\s*n\s*=", regex.I)
_NO_VERB = _WEAK | {"total_of"}
_DENOMINATOR_BEFORE = compile_regex(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty))\s+(?:out\s+)?of\s+(?:the\s+)?$", regex.I)
_SHARE = compile_regex(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*[),;]")
_SHARE_OF = compile_regex(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)\s+of\b", regex.I)
# "two groups of 30 patients were randomized": the size of each group, said with a verb (groups_of_n
# reads the total); a fallback count may be the total ("two homogeneous groups of 41 severely burned
# patients (20 placebo and 21 intervention)")
_SEX = r"(?:males?|females?|men|women|boys|girls)"
_SEX_PART_AFTER = compile_regex(rf"\s+{_SEX}\s+and\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+{_SEX}\b", regex.I)
_SEX_PART_BEFORE = compile_regex(rf"\b{_SEX}\s+and\s+$", regex.I)
_GROUPS_OF_BEFORE = compile_regex(r"\b(?:groups|arms)\s+of\s+$", regex.I)
_PER_ARM_BEFORE = compile_regex(r"\b(?:group|arm)\s*$|\b(?:in\s+the\s+[\w/+-]+(?:\s+[\w/+-]+)?\s+(?:group|arm)\s*)$", regex.I)
_ANALYSED_AFTER = compile_regex(r"\s+(?:[\w-]+\s+){0,3}?(?:were\s+analy[sz]ed|completed\b|were\s+able\s+to\s+complete\b|had\s+full\s+data)", regex.I)
# literal-led ("cluster" first, its \b checked behind it): regex's fast literal scan
_CLUSTER = compile_regex(r"cluster(?<=\bcluster)[\s-]+randomi[sz]", regex.I)


def _unit(noun: str | None) -> str | None:
    if noun and _NON_PEOPLE.match(noun.strip()):
        return noun.strip().lower()
    return None


# Where a rule can start (speed): most rules open with a count, so trying them at every
# character is waste; they are matched only at the counts' starts (scan.finditer_at yields
# what finditer would). A count starts where the <<num>> define can match after \b (a rule
# opens with \b, or its count follows whitespace, and is followed by whitespace);
# ``_count_starts`` lists them.
_AT_COUNT = frozenset({"num_people_randomized", "count_randomized", "num_people_enrolled", "sum_of_parts", "of_total_enrolled", "eyes_of_patients",
                       "sex_parts", "groups_of_n", "of_num_enrolled", "completed_analyzed", "analysed_for_people"})
# Rules whose count is followed by a people noun (<<people>>, after the count): only counts
# before the sentence's last people noun can start them.
_PEOPLE_AFTER = frozenset({"num_people_randomized", "num_people_enrolled", "sum_of_parts", "eyes_of_patients", "in_num_people",
                           "of_num_enrolled", "analysed_for_people"})
# in_num_people opens with "^", "[,:]\s+" or "\bin\s+(?:the\s+)?" right before its count:
# it starts at the count, or at the comma/colon or one of the two words before it.
_BEFORE_COUNT = frozenset({"in_num_people"})
# (read right to left from a count's start: the last two words or a comma/colon before it)
_BACK = compile_regex(r"(?r)(?:(?P<w>[,:]|\b\w+)\s+){1,2}", regex.V0)
# A count of digits is followed by whitespace in every rule (then a noun or "of"): digits
# followed by anything else ("0.05", "95%", "n=30)") start none. (One run of digits each:
# "5,10 eyes" may count 10 too.) A run is tried at its first digit only: a match inside a run
# would end where one from its start does, and retrying every digit of a run followed by no
# space was quadratic ("(n=777...7)" of 4,000 digits: 0.8 s, a regex time-out with more)
_DIGIT_RUN = compile_regex(r"(?<!\d)\d++(?=(?:,\d+)*\s)", regex.V0)


@cache
def _count_start() -> regex.Pattern[str]:
    """Where a count can start: ``\b`` then the rules' own <<num>>, with the rules' flags."""
    num = load_rules("sample_size").defines["num"]
    return compile_regex(rf"\b(?=(?:{num}))", regex.VERBOSE | regex.V0 | regex.IGNORECASE)


def _count_starts(sent: str, low: str, words: tuple[str, ...] | None) -> list[int]:
    """Every position in ``sent`` (lower-cased: ``low``) where a count can start (a superset):
    a run of digits, or one of the count ``words`` of the sentence (None: the words are not
    known, as where ``plain_case`` fails, and the full <<num>> is tried everywhere)."""
    if words is None:
        return [m.start() for m in _count_start().finditer(sent)]
    digits = [m.start() for m in _DIGIT_RUN.finditer(sent)]
    return sorted(digits + literal_starts(low, words)) if words else digits


def _before_people(counts: list[int], low: str, people: tuple[str, ...] | None) -> list[int]:
    """The ``counts`` before the last of the ``people`` nouns in ``low`` (None: not known, as
    where ``plain_case`` fails: all of them)."""
    if people is None:
        return counts
    last = max(low.rfind(w) for w in people) if people else -1
    return [q for q in counts if q < last]


def _before_count(sent: str, counts: list[int]) -> list[int]:
    """The starts of in_num_people's lead ("^", a comma or colon, one or two words) before ``counts``."""
    out = {0} if counts and counts[0] == 0 else set()
    for q in counts:
        m = _BACK.match(sent, 0, q)
        if m is not None:
            out.update(m.starts("w"))
    return sorted(out)


def _matches(rule: Rule, text: str, starts: tuple[list[int], list[int]] | None):
    """``rule.finditer(text)``, tried only where the rule can start when ``starts`` (where
    counts start, and those before a people noun) are known."""
    if starts is not None:
        rid = rule.id
        counts = starts[1] if rid in _PEOPLE_AFTER else starts[0]
        if not counts and (rid in _AT_COUNT or rid in _BEFORE_COUNT):
            return ()
        if rid in _AT_COUNT:
            return finditer_at(rule.regex, text, counts)
        if rid in _BEFORE_COUNT:
            return finditer_at(rule.regex, text, _before_count(text, counts))
    return rule.finditer(text)


def candidates(text: str, rule_ids: list[str] | None = None) -> list[tuple[str, str, int, int, int, dict, int, int]]:
    """(rule id, group, value, start, end, groupdict, match start, match end) of every count the rules find in ``text``."""
    rules = load_rules("sample_size")
    return _candidates(text, rules.rules if rule_ids is None else [rules.by_id(r) for r in rule_ids])


def _candidates(text: str, rules: list[Rule], starts: tuple[list[int], list[int]] | None = None
                ) -> list[tuple[str, str, int, int, int, dict, int, int]]:
    out = []
    for rule in rules:
        for m in _matches(rule, text, starts):
            gd = {k: v for k, v in m.groupdict().items() if v}
            if "n2" in gd:
                # "Thirty pregnant and 10 nonpregnant women": one total, the sum of the parts
                a, b = parse_int(gd["n"]), parse_int(gd["n2"])
                if a is not None and b is not None:
                    whole = text[m.start("n") : m.end("n2")]
                    if parse_int(whole) == a + b:
                        # "One hundred and sixty patients": one number written in words, not two parts
                        gd["n"] = whole
                        del gd["n2"]
                    out.append((rule.id, "n", a + b, m.start("n"), m.end("n2"), gd, m.start(), m.end()))
                continue
            if "per" in gd:
                # "divided into 4 groups of 7 rats each": the total is groups x group size
                k, per = parse_int(gd["k"]), parse_int(gd["per"])
                if k is not None and per is not None:
                    out.append((rule.id, "n", k * per, m.start("k"), m.end("per"), gd, m.start(), m.end()))
                continue
            for g in ("n", "planned", "part"):
                if g in gd:
                    v = parse_int(gd[g])
                    if v is not None:
                        out.append((rule.id, g, v, m.start(g), m.end(g), gd, m.start(), m.end()))
    return out


def extract(ctx: Context) -> SampleSize:
    best: dict[str, tuple] = {}
    cluster = bool(_CLUSTER.search(ctx.norm))
    arms_k = _equal_arms(ctx)
    # Per sentence: a rule's lazy gap must not swallow the next sentence's count, and
    # non-overlapping matching over the whole text would hide valid later candidates.
    # Each sentence runs only the rules whose cue words it holds (one word set per sentence).
    todo: list[tuple[int, str, list[Rule], bool, tuple[str, ...] | None, tuple[str, ...] | None]] = []
    low, norm, gate_words = ctx.low, ctx.norm, _VOCAB.intersection
    # (a count word is seen among the lower-cased words only where plain_case holds)
    plain = plain_case(norm)
    letters = _letters_only(low)
    for _idx, s, e in ctx.sentences():
        ws = letters[s:e].split()
        # a sentence without a digit or a number word holds no count: no plan needed
        if not _DIGIT.search(low, s, e) and _NUM_WORDS.isdisjoint(ws):
            continue
        # (the gate words of a sentence straight from its word list: no set of all its words)
        rules, people, count_words, nouns = _plan(gate_words(ws))
        todo.append((s, norm[s:e], rules, people, count_words if plain else None, nouns if plain else None))
    # sentence start -> where its counts start, and those before a people noun (both phases)
    starts_at: dict[int, tuple[list[int], list[int]]] = {}
    # where the counts of the analysed rules start: such a count is no randomised total
    analysed_at: set[int] = set()
    for phase in (0, 1):
        if phase == 1:
            # (in a cluster trial "in 22 villages" outranks everything, so it always runs)
            if not cluster and "randomized" in best and best["randomized"][0] >= 2:
                break
        for s, sent, rules, people, count_words, nouns in todo:
            if phase == 1:
                if not cluster and "randomized" in best and (best["randomized"][0] > 1 or -best["randomized"][1] < s):
                    # a fallback count ranks 1 (7 only in a cluster trial): one in a later sentence
                    # can beat neither a higher rank nor an earlier count of the same rank
                    break
                rules = _fallback_rules(sent, people)
            elif not cluster and "randomized" in best and -best["randomized"][1] < s:
                # (speed) the best total so far is in an earlier sentence: a rule that yields
                # only totals of no higher rank cannot beat it here (the guards in _scan can
                # only lower a rank outside a cluster trial)
                rank = best["randomized"][0]
                rules = [r for r in rules if PRIORITY.get(r.id, 0) > rank or r.id not in _totals_only()]
            if rules:
                starts = starts_at.get(s)
                if starts is None:
                    lows = low[s : s + len(sent)]
                    counts = _count_starts(sent, lows, count_words)
                    starts = starts_at[s] = (counts, _before_people(counts, lows, nouns))
                _scan(sent, s, rules, best, cluster, arms_k, starts, analysed_at)
    ss = SampleSize()
    for key in ("randomized", "analyzed", "planned"):
        if key in best:
            _prio, _neg, value, start, end, rid, noun, derivation = best[key]
            setattr(ss, key, value)
            ss.evidence[key] = Evidence(**ctx.evidence(start, end, rule=f"sample_size:{rid}"))
            if key == "randomized":
                ss.unit = _unit(noun)
                # a total the text implies but does not state is marked, with how it was computed
                ss.derived, ss.derivation = derivation is not None, derivation
    if ss.analyzed is not None and ss.analyzed == ss.randomized and "analyzed" in best and best["analyzed"][5] != "completed_analyzed":
        # (the value and its evidence: a dropped value must leave no evidence behind)
        ss.analyzed = None
        del ss.evidence["analyzed"]
    return ss


@cache
def _totals_only() -> frozenset[str]:
    """Ids of the rules whose every candidate is a randomised total (no planned or analysed
    count, no part of a total)."""
    return frozenset(r.id for r in load_rules("sample_size").rules
                     if r.id not in _ANALYSED_RULES and not {"planned", "part"} & set(r.regex.groupindex))


def _equal_arms(ctx: Context) -> int | None:
    """Number of arms of an equal allocation ("randomized 1 : 1" -> 2), or None."""
    design = ctx.results.get("design")
    ratio = getattr(design, "allocation_ratio", None)
    if not ratio:
        return None
    parts = [p.strip() for p in str(ratio).split(":")]
    return len(parts) if len(parts) > 1 and len(set(parts)) == 1 else None


_ANALYSED_RULES = ("completed_analyzed", "data_available_analyzed", "analysed_for_people")


def _scan(sent: str, s: int, rules: list[Rule], best: dict[str, tuple], cluster: bool, arms_k: int | None = None,
          starts: tuple[list[int], list[int]] | None = None, analysed_at: set[int] | None = None) -> None:
    """Candidates of ``rules`` in one sentence (starting at ``s``; ``starts`` as ``_matches``
    reads them) into ``best``; ``analysed_at`` collects where the analysed counts start."""
    analysed_at = set() if analysed_at is None else analysed_at
    for rid, group, value, ms, me, gd, mstart, mend in _candidates(sent, rules, starts):
        if value < _MIN_N:
            continue
        if rid == "completed_analyzed":
            # ("286 patients were randomized, received the intervention and were included in the
            # analysis" is both totals)
            if _RANDOMISED_WORD.search(sent, mstart, mend) is None:
                analysed_at.add(s + ms)
        elif group == "n" and s + ms in analysed_at:
            # "A total of 45 CAD patients (27 F/18 M, 45-77 y) completed the study": the count of
            # completers is the analysed total, not the randomised one (completed_analyzed runs
            # first in a sentence)
            continue
        derivation: str | None = None
        if group == "n" and rid not in _ANALYSED_RULES:
            # (speed) outside a cluster trial the guards below only drop a candidate or lower
            # its rank: one that cannot beat the best so far even at its rule's rank is
            # skipped before them (most candidates after the first strong one)
            if not cluster and "randomized" in best and (PRIORITY.get(rid, 0), -(s + ms)) <= best["randomized"][:2]:
                continue
        if group == "planned":
            key, prio = "planned", 1
        elif rid in _ANALYSED_RULES:
            key, prio = "analyzed", 1
        elif group == "part":
            key, prio = ("analyzed", 0) if rid == "of_total_enrolled" and _completes(sent, me) else ("", 0)
            if not key:
                continue
        else:
            key, prio = "randomized", PRIORITY.get(rid, 0)
            derivation = _derivation(gd)
            # a count of screened/eligible people is never the randomised total
            if rid not in ("of_screened_randomized",) and _screened_after(sent, me, gd.get("noun"), rid in _WEAK):
                continue
            # "In total, 4 patients were excluded from the analyses": who left, not who was
            # randomised; "50 patients were in the TA group": one arm
            part = _pool_part(sent, rid, ms, mstart, mend) if rid in _POOL_RULES else None
            if part is not None:
                # the part allocated is the total, ranked as a count with its verb would be
                value, ms, me = part
                prio = PRIORITY["num_people_randomized" if _RANDOMISED_WORD.search(sent, ms, me + 40) else "num_people_enrolled"]
            if (_EXCLUDED_AFTER.match(sent, me, me + _AFTER_WINDOW) or _IN_ARM_AFTER.match(sent, me, me + _AFTER_WINDOW)
                    or _next_group_in(sent, mend)):
                continue
            # per-arm counts ("32 and 31 subjects", "In the carbetocin group 462 subjects")
            if _PER_ARM_AFTER.match(sent, me) or _PER_ARM_BEFORE.search(sent[max(0, ms - 40) : ms]) or _PER_PERSON_BEFORE.search(sent[max(0, ms - 40) : ms]):
                continue
            if rid not in _WEAK and "groups of" in sent and _GROUPS_OF_BEFORE.search(sent, max(0, ms - 12), ms):
                continue
            # "40 males and 40 females were randomly assigned", "comprising 62 men and 24 women were
            # randomly assigned": one sex of a sum (sum_of_parts reads the sum)
            if rid != "sum_of_parts" and (_SEX_PART_AFTER.match(sent, me, me + _AFTER_WINDOW)
                                          or (sent.endswith("and ", 0, ms) and _SEX_PART_BEFORE.search(sent, max(0, ms - 20), ms))):
                continue
            arms_total = None
            if rid in _ALLOCATED or (rid == "in_num_people" and any(w in sent.lower() for w in _ALLOCATED_CUES)
                                     and _ALLOCATED_AFTER.match(sent, me, me + _AFTER_WINDOW)):
                arms_total = _arm_counts(sent, me)
                if arms_total is not None:
                    # the count of one arm: the total is the sum of every arm's count (at the
                    # rule's rank: it comes first, so it outranks the next arm's own count)
                    parts = [gd["n"].strip(), *arms_total[1]]
                    value += arms_total[0]
                    derivation = " + ".join(parts) + " (the counts allocated to each arm)"
            # a bare count allocated to one arm and no other arm's count after it ("873 were
            # randomized to receive the intervention and 863 were in the control group", "40 were
            # randomly assigned to receive Succinylcholine while the remaining"): one arm's
            if rid == "count_randomized" and arms_total is None and _TO_AFTER.match(sent, mend):
                continue
            # "239 patients were enrolled in each arm": a per-arm count; the total only where
            # an equal allocation says how many arms there are
            if _EACH_ARM_AFTER.match(sent, me, me + _AFTER_WINDOW):
                if arms_k is None:
                    continue
                derivation = f"{value} per arm x {arms_k} arms (equal allocation)"
                value *= arms_k
            # "159 (79.5%) control group participants completed post-test and were included in the
            # analysis": who completed and was analysed is no randomised total ("Twenty patients met our
            # inclusion criteria and completed the study" and "405 participants ... completed a run-in
            # period ... and were randomised", read by the randomisation rules, are)
            if (rid == "num_people_enrolled" and "complet" in sent and _COMPLETED_WORD.search(sent, me, mend)
                    and _INTO_ANALYSIS.match(sent, mend)):
                continue
            # an analysed count is not the randomised total (of "Twenty-two out of the 27 subjects
            # completed the study" the part completed; the total is the one randomised)
            if rid not in ("n_out_of_planned", "of_total_enrolled") and _ANALYSED_AFTER.match(sent, me):
                continue
            if rid in _WEAK and _COMPLETERS.match(sent, me, me + _AFTER_WINDOW):
                continue
            # "Twenty-one subjects received randomized therapy in each treatment sequence": one arm's count
            if rid in _WEAK and "each" in sent.lower() and _IN_EACH_AFTER.match(sent, me, me + _AFTER_WINDOW):
                continue
            # "cells were isolated from two third molars": teeth as a tissue source, not the units studied
            if rid in _WEAK and _TEETH.match((gd.get("noun") or "").strip()) and _FROM_BEFORE.search(sent, max(0, ms - 12), ms):
                continue
            noun = (gd.get("noun") or "").strip()
            site = bool(noun) and _SITES.match(noun) is not None
            if site and _SITES_IN_ARM_AFTER.match(sent, me, me + _AFTER_WINDOW):
                continue
            # ("conducted in six outpatient practices": a weak fallback count of sites is the setting)
            if site and not cluster and (rid in _WEAK or not _RANDOMISED_WORD.search(sent)
                                                                or _SETTING_BEFORE.search(sent, max(0, ms - 20), ms)):
                continue
            # "A random sample of GPs (n = 289) and participants from the general population (n = 513)":
            # the size of one group of a list
            if rid == "people_n_equals" and _NEXT_GROUP_N.match(sent, me, me + _AFTER_WINDOW):
                continue
            # (rules without a verb) "Overall, 180 (81%) of patients given early pramipexole": a part;
            # "17 pharmacies (50%) provided EAFD": a count with its share is a result (not "(52% females)");
            # "49 of 393 patients with a second statin prescription": the denominator of a result
            if rid in _NO_VERB and (("%" in sent and (_SHARE_OF.match(sent, me, me + _AFTER_WINDOW) or _SHARE.match(sent, mend, mend + 40)))
                                    or (rid in _WEAK and sent.endswith(("of ", "of the "), 0, ms)
                                        and _DENOMINATOR_BEFORE.search(sent, max(0, ms - 30), ms))):
                continue
            # a count of sites outside a cluster trial ("adults ... treated in the units of two
            # health centres, were allocated") yields to any count of people
            if site and not cluster:
                prio = min(prio, 1)
            # in a cluster trial the clusters are the unit randomised
            if cluster and _unit(gd.get("noun")) and rid != "eyes_of_patients":
                prio = 7
        pos = s + ms
        cand = (prio, -pos, value, s + ms, s + me, rid, gd.get("noun"), derivation)
        if key not in best or cand[:2] > best[key][:2]:
            best[key] = cand


# rules whose count may be a pool that a later count of the same sentence divides
_POOL_RULES = frozenset({"of_num_enrolled", "in_num_people"})


def _pool_part(sent: str, rid: str, ms: int, mstart: int, mend: int) -> tuple[int, int, int] | None:
    """(value, start, end) of the part allocated after a count led by "of"/"among" that is its
    pool ("Of 239 registered patients, 216 were randomly assigned", "Among 105 patients, 39 were
    enrolled"), or None. A pool said to be randomised is the total all the same ("Of the 139
    patients randomized, 66 were assigned to A and 73 to B")."""
    if rid == "in_num_people" and _POOL_LEAD.search(sent, mstart, ms) is None:
        return None
    if rid == "of_num_enrolled" and _RANDOMISED_WORD.search(sent, ms, mend):
        return None
    m = _POOL_PART_AFTER.match(sent, mend, mend + _AFTER_WINDOW)
    value = parse_int(m.group("part")) if m is not None else None
    if value is None:
        return None
    # "66 were randomized to citrate and 73 to heparin": the part is the sum of the arms' counts
    # (only where its own arm follows the verb: "39 were enrolled based on ...; 20 to A and 19
    # to B" lists the parts of 39)
    arms = _arm_counts(sent, m.end()) if _TO_ARM.match(sent, m.end()) else None
    return value + (arms[0] if arms else 0), m.start("part"), m.end("part")


def _next_group_in(sent: str, end: int) -> bool:
    """Whether the clause after a match ending at ``end`` names its group ("... in the A") and the
    next group's count follows ("..., nine in the B"): ``_NEXT_GROUP_IN``, read with string
    searches first (it is asked of most candidates)."""
    comma = sent.find(",", end, end + 141)
    if comma < 0:
        return False
    inside = sent.find(" in the ", end, comma)
    return (inside >= 0 and _CLAUSE_END.search(sent, end, comma) is None
            and _NEXT_GROUP_IN.match(sent, comma) is not None)


def _screened_after(sent: str, end: int, noun: str | None, weak: bool) -> bool:
    """Whether a screened/eligible word right after a count ending at ``end`` makes it a count of
    people screened ("408 patients were assessed for eligibility", "Of 120 eligible patients, 100
    were randomized") rather than of people allocated."""
    hit = _SCREENED.search(sent, end, min(len(sent), end + 60))
    if hit is None:
        # "229 frail patients, aged >=75 years, in need of acute in-hospital treatment, were
        # eligible": a count without a verb of its own whose clause ends in "were eligible"
        return (weak and any(w in sent.lower() for w in _SCREENED_CUES)
                and _SCREENED_VERB.match(sent, end, end + _AFTER_WINDOW) is not None)
    if _ELIGIBLE_RANDOMISED.match(sent, end, end + _AFTER_WINDOW):
        return False
    # "Twenty-two eligible healthy untrained young women aged 22-31 years were allocated": an
    # "eligible" among the adjectives before the people noun of a rule with a verb qualifies the
    # people allocated (a weak rule has no verb: "Of 120 eligible patients, 100 were ...")
    return weak or not (noun and hit.group().lower() == "eligible" and _ADJ_WORDS.fullmatch(sent, end, hit.start())
                        and _rx(rf"\s+(?:[\w-]+\s+){{0,6}}?{regex.escape(noun.strip())}\b", regex.I).match(sent, hit.end()))


def _arm_counts(sent: str, end: int) -> tuple[int, list[str]] | None:
    """The counts of the other arms when the count of a match ending at ``end`` is one arm's
    ("18 patients were randomized to A and 9 to B"): (their sum, their texts), or None when
    the count is a total ("5800 were randomised, of whom 2915 ... and 2885 ...", "Forty were
    randomized; 18 to A and 22 to B", "90 were assigned to conditions (31 to A, 30 to B, and
    29 to C)") or nothing follows as a list of arm counts."""
    m = _ARM_COUNT.search(sent, end)
    if m is None:
        return None
    head = sent[end : m.start()]
    if _PARTS_OF_TOTAL.search(head) or not _OWN_ARM.search(head):
        return None
    total, texts = 0, []
    while m is not None:
        n = parse_int(m.group("n2"))
        if n is None:
            return None
        total += n
        texts.append(m.group("n2"))
        nxt = _ARM_COUNT.search(sent, m.end(), min(len(sent), m.end() + _MAX_ARM_GAP))
        m = nxt if nxt is not None and "." not in sent[m.end() : nxt.start()] else None
    return total, texts


def _derivation(gd: dict) -> str | None:
    """How a rule's total was computed from the parts it matched, or None when it was stated."""
    if "n2" in gd:
        return f"{gd['n'].strip()} + {gd['n2'].strip()} (sum of the stated parts)"
    if "per" in gd:
        return f"{gd['k'].strip()} groups x {gd['per'].strip()} each"
    return None


def _completes(sent: str, end: int) -> bool:
    return bool(_rx(r"\b(?:completed|analy[sz]ed|evaluable|assessed|included\s+in\s+the\s+analysis)", regex.I).search(sent[end:]))
