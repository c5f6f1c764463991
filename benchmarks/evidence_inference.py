"""Evidence Inference benchmark: does trialex give the expert's label for a prompt?

For each prompt (intervention, comparator, outcome) of ``comparisons.jsonl`` whose evidence is
in the abstract, the abstract is extracted once (cached per id within the run), the prompt is
mapped to the record comparison whose outcome matches best (token overlap with the outcome
phrase, then with the clause of the evidence sentence holding it, an abbreviation the record
found in the abstract and its long form counting as one word; comparisons carrying
significance preferred; the arm names in the sentence break ties), the comparison is oriented
with the prompt (if the prompt's intervention matches the comparison's comparator better than
its intervention, the direction is turned round; when the comparison has no sides, the arm named
after "than"/"compared with"/"versus" -- not a "vs" between two numbers; "than" and "compared
with" still count after a parenthesis -- in the outcome's clause is the reference; numbers and
dose words in the arm names are ignored but a group's label ("group 3", "Group C") is kept, and
a control-like comparator -- placebo, usual care, or the intervention's absence: "no follow-up",
"X alone", the intervention's words minus some -- is matched by "control"/"placebo", the
intervention then also by "intervention"/"treatment"/"study"/"cases"), and the label is read
from ``significant`` and ``direction``. No answer (abstention) when the comparison's sides and
the sentence's marker point opposite ways, or when another comparison matching the outcome as
well reads another label, or when a significant direction cannot be tied to the prompt's arms:
neither the comparison's sides nor the sentence's marker says which arm it belongs to (a clause
naming no group, "triglycerides were significantly reduced", may report a change within one
arm: STRICT_ORIENTATION), or -- with no
marker -- the comparison names a side that is neither prompt arm nor a group in general ("the
two groups"): a third arm or a subgroup. When no comparison answers with overlap >= MIN_SCORE,
the label is read from the results clause sharing most words with the prompt's outcome among
clauses holding a p-value or significance words (its p-values, else its cue words; a change "in
both groups" is skipped); the fallback answers only "no significant difference": which arm a
direction found this way belongs to would be a guess. A prompt outcome that is itself a change
("pain reductions") is read as the change's size when the sentence reports a larger change
("greater pain reductions versus placebo": the reductions increased). The mapping and its
thresholds were chosen on train + validation, are the same for every split and read neither the
label nor the evidence field.

* significant is False                 -> "no significant difference"
* significant and direction increased  -> "significantly increased"
* significant and direction decreased  -> "significantly decreased"
* anything else                        -> no answer (counts against coverage, not accuracy)

Prompts are de-duplicated by ``prompt_id`` (the corpus repeats a prompt once per annotator;
the majority label is the gold). Reports per split: prompts, coverage (answered / prompts),
accuracy on answered prompts (with its Wilson 95% interval), accuracy over all prompts (unanswered counted wrong), and the
"always no significant difference" baseline.

    python benchmarks/evidence_inference.py [--split test] [--errors N] [--jobs 4]

Develop on train/validation; report test. ``--errors`` lists wrong answers of train and
validation only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from extractor.api import extract_file  # noqa: E402
from extractor.fields.comparisons import (  # noqa: E402
    _cues,
    _sig_from_p,
    _skip_sections,
    _word_cues,
    tokens,
    within_all_groups,
)

CORPUS = HERE.parent.parent / "shared" / "corpus" / "evidence-inference"
NSD = "no significant difference"
MIN_SCORE = 0.5
# abstention, chosen on train + validation (see the module docstring): no answer when the
# comparison's arms and the sentence's "than" disagree, or when another comparison matching
# the outcome as well (score within DISAGREE_DELTA) gives another label
ABSTAIN_CONFLICT = True
DISAGREE_DELTA: float | None = 0.0
# abstention when a significant direction cannot be tied to the prompt's arms (see
# _direction_unfounded); kept as switches so the choice can be re-measured on train + validation
ABSTAIN_GUESS = True
ABSTAIN_UNMAPPED = True
# the fallback (a clause found by its words alone) answers "no significant difference" only:
# which arm a direction belongs to it could only guess (train: 29 such answers, 72% right)
FALLBACK_DIRECTION = False
# a significant direction needs the comparison's sides or the sentence's marker to tie it to the
# prompt's arms: without them ("triglycerides were significantly reduced") it may be a change
# within one arm. Measured on train + validation (0.917 -> 0.923 accuracy, coverage 0.633 ->
# 0.586) and with --outside (half A, whose errors were read: 0.687 -> 0.706; half B, never
# studied case by case: 0.643 -> 0.661).
STRICT_ORIENTATION = True
# an abbreviation the abstract defines and its long form count as one word when outcomes are
# matched ("visceral adipose tissue (VAT)" in the prompt, "VAT" in the results)
EXPAND_ABBREVIATIONS = True


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson 95% interval of a proportion k/n: how far a split this small can move by chance."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def load_prompts(path: Path, splits: set[str]) -> list[dict]:
    by: dict[int, list[dict]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if r.get("in_abstract") and r["split"] in splits:
            by[r["prompt_id"]].append(r)
    prompts = []
    for rows in by.values():
        label = Counter(r["label"] for r in rows).most_common(1)[0][0]
        prompts.append({**rows[0], "label": label, "evidence_all": [r["evidence"] for r in rows]})
    return prompts


def load_outside_prompts(path: Path) -> list[dict]:
    """Train + validation prompts whose evidence lies outside the abstract (no annotator found
    it there), in two halves by a hash of the prompt id ("outside-A", "outside-B"): prompts no
    rule was tuned on. Their abstract may not report the result at all, so accuracy here is
    lower; a change that helps in-abstract prompts should not hurt it."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    in_abstract = {r["prompt_id"] for r in rows if r.get("in_abstract")}
    by: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        if r["split"] in ("train", "validation") and r["prompt_id"] not in in_abstract:
            by[r["prompt_id"]].append(r)
    prompts = []
    for pid, rs in by.items():
        label = Counter(r["label"] for r in rs).most_common(1)[0][0]
        half = "AB"[zlib.crc32(str(pid).encode()) % 2]
        prompts.append({**rs[0], "label": label, "split": f"outside-{half}", "evidence_all": [r["evidence"] for r in rs]})
    return prompts


def _overlap(query: set[str], text: set[str]) -> float:
    if not query or not text:
        return 0.0
    return len(query & text) / len(query)


_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n+")
_CLAUSE = re.compile(r";\s+|,?\s+(?:but|whereas|while)\s+|,\s+(?:although|however)\s+")
_SECTION = re.compile(r"^([A-Z][A-Z /&]{2,40}):\s*")
_P = re.compile(r"\bp\s*(?:value\s*)?(<=|>=|[<>=≤≥])\s*(0?\.\d+|1\.0+|[01])\b", re.I)
# a marker between two numbers ("20 vs. 8") names no group
# ("than"/"compared with" after a parenthesis still name the reference: "lower (p < 0.001) than controls")
_REF = re.compile(r"\b(?:compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to))\s+"
                  r"|(?:\bthan|(?<![\d%)\]] )(?<![\d%)\]])\b(?:versus|vs\.?))\s+(?!\d)", re.I)
_CONTROL_ARM = re.compile(r"\b(?:placebo|sham|control|usual|standard|conventional|routine|no\s+treatment|untreated|saline|vehicle)\b", re.I)
_ARM_NOISE = {"mg", "kg", "day", "daily", "dose", "week", "weeks", "month", "iu", "ml", "oral", "plus", "alone", "given",
              "once", "twice", "bid", "tid", "min", "hour", "mcg", "per", "via", "use", "using", "nbsp", "amp"}


def _sentences(text: str) -> list[str]:
    """Results sentences of an abstract: one labelled section a line, background/methods left out."""
    skip = _skip_sections()
    out = []
    for line in text.splitlines()[1:]:  # the first line is the title
        m = _SECTION.match(line)
        if m and m.group(1).strip().upper() in skip:
            continue
        out.extend(s for s in _SENT_SPLIT.split(line[m.end():] if m else line) if s.strip())
    return out


def _extract(path: str) -> tuple[str, dict | None, str | None]:
    try:
        rec = extract_file(path)
        text = Path(path).read_text(encoding="utf-8")
        return path, {"comparisons": [c.model_dump() for c in rec.comparisons], "sentences": _sentences(text),
                      "abbreviations": [(a.short, a.long) for a in rec.abbreviations]}, None
    except Exception as e:  # count as uncovered, keep going
        return path, None, f"{type(e).__name__}: {e}"


def label_of(c: dict, flip: bool) -> str | None:
    if c["significant"] is False:
        return NSD
    if c["significant"] is True:
        d = c["direction"]
        if d in ("increased", "decreased"):
            if flip:
                d = "decreased" if d == "increased" else "increased"
            return f"significantly {d}"
    return None


# a group's label: "group 3", "Group I", "(Group GS)", "C - 40 mcg/kg/min" (a letter leading the arm)
_GROUP_LABEL = re.compile(r"\b[Gg]roups?\s+([A-Z]{1,3}|\d{1,2}|[IVX]{1,4})\b(?![-./]\d)|^\W*([A-Z])\s*[-–:)]\s")


def _arm_tokens(text: str) -> set[str]:
    """Tokens that can name an arm: doses, durations and other numbers name no arm, but a group's
    label does ("group 3", "group C": kept as one token, "§3", "§c", that only a label matches)."""
    out = {t for t in tokens(text) if not t.isdigit() and t not in _ARM_NOISE}
    return out | {"§" + (m.group(1) or m.group(2)).lower() for m in _GROUP_LABEL.finditer(text)}


def _soft_overlap(query: set[str], text: set[str]) -> float:
    """Share of ``query`` words found in ``text``, a word also matching its derived forms
    ("implant" / "implanted", "supplement" / "supplementation")."""
    if not query or not text:
        return 0.0
    hit = 0
    for q in query:
        if q in text or (len(q) >= 4 and any(len(t) >= 4 and (t.startswith(q) or q.startswith(t)) for t in text)):
            hit += 1
    return hit / len(query)


def _sides_vote(ti: set[str], tc: set[str], a: set[str], b: set[str]) -> float:
    """> 0 when the prompt's intervention is side ``a`` and its comparator side ``b``, < 0 when
    the other way round, 0 when the words do not say."""
    return (_soft_overlap(ti, a) + _soft_overlap(tc, b)) - (_soft_overlap(ti, b) + _soft_overlap(tc, a))


def _prompt_arm_words(prompt: dict) -> tuple[set[str], set[str]]:
    """Words naming the prompt's intervention and its comparator."""
    ti, tc = _arm_tokens(prompt["intervention"]), _arm_tokens(prompt["comparator"])
    # words both arms share ("dose", a common drug) say nothing about which arm is which
    ti, tc = ti - tc, tc - ti
    if _control_like(prompt):
        tc = tc | {"control", "placebo"}
        ti = ti | (_INTERVENTION_WORDS - tc)
    return ti, tc


# what the results call the arm that is not the control ("the treatment group", "cases")
_INTERVENTION_WORDS = {"intervention", "experimental", "treatment", "trial", "case", "study"}
# a comparator that is the intervention's absence: "no follow-up", "did not wear the insoles",
# "standard genetic tests alone"
_ABSENCE = re.compile(r"^\W*(?:no|without|did\s+not|not)\b|\b(?:alone|only)\W*$", re.I)


def _control_like(prompt: dict) -> bool:
    """The prompt's comparator is a control and its intervention is not."""
    ci, cc = prompt["intervention"], prompt["comparator"]
    # control words the comparator shares are the common background: "X plus standard care"
    shared = set(cc.lower().split())
    own = " ".join(w for w in ci.split() if w.lower() not in shared)
    if _CONTROL_ARM.search(own) or _ABSENCE.search(ci.strip()):
        return False
    if _CONTROL_ARM.search(cc):
        return True
    if _ABSENCE.search(cc.strip()):
        return True
    # the comparator is the intervention minus something: "paper handouts" for "paper handouts with two VPs"
    wc, wi = _arm_tokens(cc), _arm_tokens(ci)
    return bool(wc) and wc < wi


def _orient_votes(prompt: dict, sides: tuple[str, str] | None, text: str, at: int = 0) -> tuple[float, float]:
    """(vote from the comparison's sides, vote from the sentence's "than"/"versus"): positive
    reads the statement as the prompt's, negative turns it round, 0 does not know."""
    ti, tc = _prompt_arm_words(prompt)
    side_vote = 0.0
    if sides is not None:
        ci, cc = _arm_tokens(sides[0]), _arm_tokens(sides[1])
        if ci or cc:
            side_vote = _sides_vote(ti, tc, ci, cc)
    text_vote = 0.0
    # the marker of the statement about the outcome: the first after the outcome phrase (at)
    # in its clause, else the last before it
    ms = list(_REF.finditer(text))
    m = next((x for x in ms if x.start() >= at), ms[-1] if ms else None)
    if m is not None and m.start() >= at and _CLAUSE.search(text, at, m.start()):
        m = next((x for x in reversed(ms) if x.start() < at), m)
    if m is not None:
        # the group named just before the marker is the statement's subject, the one just
        # after it the reference: "... lower in A than in B (P = ...)"
        before = text[max(0, m.start() - 120): m.start()]
        before = _CLAUSE.split(before)[-1]
        after = _CLAUSE.split(text[m.end(): m.end() + 80])[0]
        text_vote = _sides_vote(ti, tc, _arm_tokens(before), _arm_tokens(after))
    return side_vote, text_vote


def _names_only_intervention(prompt: dict, text: str) -> bool:
    """The text names the prompt's intervention and not its comparator."""
    ti, tc = _arm_tokens(prompt["intervention"]), _arm_tokens(prompt["comparator"])
    ti, tc = ti - tc, tc - ti
    words = _arm_tokens(text)
    return _soft_overlap(ti, words) > 0 and _soft_overlap(tc, words) == 0


def _sentence_label(prompt: dict, q: set[str], sentences: list[str]) -> tuple[str | None, float, str]:
    """Fallback: the clause sharing most words with the prompt's outcome among clauses that hold
    a p-value or significance words; its label from the p-values, else the words."""
    cues = _cues()
    best = None
    for s in sentences:
        for cl in _CLAUSE.split(s):
            ps = _P.findall(cl)
            if not ps and not cues["sig_any"].search(cl):
                continue
            if within_all_groups(cl):
                continue  # "improved in both groups (P < 0.001)": no group compared with another
            score = _overlap(q, tokens(cl))
            if best is None or score > best[0]:
                best = (score, cl, ps, s)
    if best is None:
        return None, 0.0, ""
    score, cl, ps, s = best
    direction, significant, _ = _word_cues(cl, cues, prompt["outcome"])
    sig_p = set()
    for cmp, v in ps:
        cmp = {"≤": "<=", "≥": ">="}.get(cmp, cmp)
        try:
            sp = _sig_from_p(cmp, float(v))
        except ValueError:
            sp = None
        if sp is not None:
            sig_p.add(sp)
    if len(sig_p) == 1:
        significant = sig_p.pop()
    if significant is False:
        return NSD, score, s
    if significant and direction in ("increased", "decreased") and FALLBACK_DIRECTION:
        _, text_vote = _orient_votes(prompt, None, cl)
        if text_vote == 0 and not _names_only_intervention(prompt, cl):
            # a clause found by its words alone, naming neither arm: whose increase is it?
            return None, score, s
        flip = text_vote < 0
        d = direction if not flip else ("decreased" if direction == "increased" else "increased")
        return f"significantly {d}", score, s
    return None, score, s


# a prompt outcome that is itself a change ("pain reductions", "improvements in anxiety")
_CHANGE_OUTCOME = re.compile(r"\b(?:reductions?|decreases?|declines?|improvements?|drops?|falls?)\b", re.I)


def _magnitude_outcome(prompt: dict, c: dict) -> bool:
    """The prompt's outcome is the size of a change and the sentence reads a larger change
    ("greater pain reductions versus placebo"): the comparison reports the change's outcome
    (pain decreased), the prompt its size (the reduction increased)."""
    m = _CHANGE_OUTCOME.search(prompt["outcome"])
    if m is None or c["direction"] not in ("increased", "decreased"):
        return False
    noun = m.group().lower().rstrip("s")
    if noun in c["outcome"].lower():
        return False  # the comparison's outcome is the change itself: its direction is the size
    clause = _clause_of(c)
    _, _, cue = _word_cues(clause, _cues(), prompt["outcome"])
    if not cue or noun not in cue.lower() or not _MORE.match(cue):
        return False
    direction, _, _ = _word_cues(clause, _cues(), prompt["outcome"])
    return direction == "decreased"


_MORE = re.compile(r"(?:greater|larger|more|higher|bigger)\b", re.I)


def _clause_of(c: dict) -> str:
    """The clause of the comparison's sentence that holds its outcome phrase: another clause
    of the sentence reports another outcome ("no difference in HbA1c, but cholesterol was
    lower")."""
    text, at = c["text"], _at(c)
    pos = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > at:
            return text[pos: m.start()]
        pos = m.end()
    return text[pos:]


def _at(c: dict) -> int:
    """Where the comparison's outcome phrase sits in its sentence."""
    if c.get("outcome_start") is None or c.get("start") is None:
        return 0
    return max(0, min(len(c["text"]), c["outcome_start"] - c["start"]))


# a clause naming groups ("in the Internet group", "than controls", "versus")
_NAMES_GROUP = re.compile(r"\b(?:groups?|arms?|cohorts?|controls?|than|versus|vs\.?|compared)\b", re.I)
# words that name a group without saying which ("the two groups", "the study group")
_GENERIC_ARM = {"group", "groups", "arm", "arms", "two", "three", "both", "either", "each", "all", "study", "trial",
                "patients", "subjects", "participants", "intervention", "treatment", "treated", "experimental",
                "active", "control", "controls", "placebo", "those", "who"}


def _side_maps(prompt: dict, side: str) -> bool:
    """A comparison side names the prompt's intervention or its comparator, or no arm in
    particular ("the two groups")."""
    ti, tc = _prompt_arm_words(prompt)
    words = _arm_tokens(side)
    if _soft_overlap(words, ti | tc) > 0 or _soft_overlap(ti, words) > 0 or _soft_overlap(tc, words) > 0:
        return True
    return not words - _GENERIC_ARM


def _direction_unfounded(prompt: dict, c: dict, side_vote: float, text_vote: float) -> bool:
    """Whether a significant direction cannot be tied to the prompt's arms: neither the
    comparison's sides nor the sentence's marker votes (STRICT_ORIENTATION; without it, only a
    clause naming groups that nothing maps -- not even the clause naming the intervention alone
    -- gets no answer, and a clause naming no group is read as the intervention's effect); or,
    with no marker, the comparison names a side that is neither prompt arm nor a group in
    general (a third arm: "TT versus DO" for a prompt "DO" versus "BST")."""
    if STRICT_ORIENTATION and side_vote == 0 and text_vote == 0:
        return True
    clause = _clause_of(c)
    if (ABSTAIN_GUESS and side_vote == 0 and text_vote == 0 and _NAMES_GROUP.search(clause)
            and not _names_only_intervention(prompt, clause)):
        return True
    if ABSTAIN_UNMAPPED and c["intervention"] and c["comparator"] and text_vote == 0 and not (
            _side_maps(prompt, c["intervention"]) and _side_maps(prompt, c["comparator"])):
        return True
    return False


def _abbreviation_keys(pairs: list[tuple[str, str]]) -> list[tuple[str, frozenset[str], str]]:
    """(short-form token, long-form tokens, key) of the abstract's own abbreviations."""
    out = []
    for short, long in pairs:
        st, lt = tokens(short), frozenset(tokens(long))
        if len(st) == 1 and lt:
            (s,) = st
            out.append((s, lt, "abbr:" + s))
    return out


def _canonical(ts: set[str], abbr: list[tuple[str, frozenset[str], str]]) -> set[str]:
    """Token set with each abbreviation and its long form counted as one word, so that a prompt's
    "visceral adipose tissue (VAT)" and an outcome written "VAT" overlap fully."""
    for s, lt, key in abbr:
        if s in ts or lt <= ts:
            ts = (ts - lt - {s}) | {key}
    return ts


def match(prompt: dict, doc: dict) -> tuple[str | None, dict | None, bool, float]:
    """(label, comparison used or None when read from a sentence, flip, match score)."""
    comparisons = doc.get("comparisons") or []
    abbr = _abbreviation_keys(doc.get("abbreviations") or []) if EXPAND_ABBREVIATIONS else []
    q0 = tokens(prompt["outcome"])
    q = _canonical(q0, abbr)
    arms = tokens(prompt["intervention"]) | tokens(prompt["comparator"])
    scored = []
    for c in comparisons:
        ot = _canonical(tokens(c["outcome"]), abbr)
        o = _overlap(q, ot)
        so = _overlap(q, _canonical(tokens(_clause_of(c)), abbr))
        prec = len(q & ot) / max(1, len(ot))
        # the outcome phrase decides; the evidence sentence backs it up when the phrase was cut
        score = max(o, 0.85 * so)
        answered = label_of(c, False) is not None
        # the arms named in the sentence break ties between sentences about other arms
        arm_o = _overlap(arms, tokens(c["text"]))
        key = (score >= MIN_SCORE, round(score, 2), answered, round(o + 0.1 * prec + 0.05 * arm_o, 3))
        scored.append((key, c))
    scored.sort(key=lambda kc: kc[0], reverse=True)
    best, best_key = scored[0][1] if scored else None, scored[0][0] if scored else None
    if best is not None and best_key[0] and best_key[2]:
        side_vote, text_vote = _orient_votes(prompt, (best["intervention"] or "", best["comparator"] or ""),
                                             best["text"], _at(best))
        if ABSTAIN_CONFLICT and side_vote * text_vote < 0:
            # the comparison's arms and the sentence's "than" point opposite ways: no answer
            return None, best, False, best_key[1]
        if best["significant"] is True and _direction_unfounded(prompt, best, side_vote, text_vote):
            return None, best, False, best_key[1]
        flip = (side_vote or text_vote) < 0
        if _magnitude_outcome(prompt, best):
            flip = not flip
        label = label_of(best, flip)
        if DISAGREE_DELTA is not None:
            # other statements about the outcome, as good a match, that read otherwise: no answer
            for key, c in scored[1:]:
                if not (key[0] and key[2]) or key[1] < best_key[1] - DISAGREE_DELTA:
                    break
                if c["text"] == best["text"] and c["outcome"] == best["outcome"]:
                    continue
                sv, tv = _orient_votes(prompt, (c["intervention"] or "", c["comparator"] or ""), c["text"], _at(c))
                if label_of(c, (sv or tv) < 0) != label:
                    return None, best, flip, best_key[1]
        return label, best, flip, best_key[1]
    label, score, _ = _sentence_label(prompt, q0, doc.get("sentences") or [])
    if label is not None and score >= MIN_SCORE:
        return label, None, False, score
    return None, best, False, best_key[1] if best_key else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--split", action="append", help="train, validation, test (default: all three)")
    ap.add_argument("--errors", type=int, default=0,
                    help="print this many wrong answers per split (train and validation only: the test split is "
                         "reported, never studied)")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--outside", action="store_true",
                    help="also score the train + validation prompts whose evidence is outside the abstract "
                         "(two halves; a check on rules chosen on the in-abstract prompts)")
    args = ap.parse_args(argv)
    splits = args.split or ["train", "validation", "test"]
    prompts = load_prompts(args.corpus / "comparisons.jsonl", set(splits))
    if args.outside:
        prompts += load_outside_prompts(args.corpus / "comparisons.jsonl")
        splits = [*splits, "outside-A", "outside-B"]
    ids = sorted({p["id"] for p in prompts})
    t0 = time.perf_counter()
    cache: dict[str, dict | None] = {}
    paths = [str(args.corpus / "abstracts" / f"{i}.txt") for i in ids]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as ex:
            results = list(ex.map(_extract, paths, chunksize=8))
    else:
        results = [_extract(p) for p in paths]
    for i, (_, comps, _) in zip(ids, results, strict=False):
        cache[i] = comps
    elapsed = time.perf_counter() - t0

    figures = {}
    for split in splits:
        ps = [p for p in prompts if p["split"] == split]
        n = len(ps)
        answered = correct = 0
        errors = []
        for p in ps:
            doc = cache.get(p["id"]) or {}
            pred, c, flip, score = match(p, doc)
            if pred is None:
                continue
            answered += 1
            if pred == p["label"]:
                correct += 1
            else:
                errors.append((p, c, pred, flip, score))
        base = sum(p["label"] == NSD for p in ps) / n if n else 0.0
        figures[split] = {
            "prompts": n,
            "answered": answered,
            "coverage": answered / n if n else 0.0,
            "accuracy": correct / answered if answered else 0.0,
            "accuracy_95ci": wilson(correct, answered),
            "accuracy_all": correct / n if n else 0.0,
            "baseline_nsd": base,
        }
        if args.errors and split in ("train", "validation"):
            for p, c, pred, flip, score in errors[: args.errors]:
                print(f"--- {p['id']} gold={p['label']} pred={pred} flip={flip} score={score:.2f}")
                print(f"    prompt: I={p['intervention']!r} C={p['comparator']!r} O={p['outcome']!r}")
                if c is not None:
                    print(f"    record: I={c['intervention']!r} C={c['comparator']!r} O={c['outcome']!r} "
                          f"dir={c['direction']} sig={c['significant']} p={c['p_value']}")
                    print(f"    sentence: {c['text'][:300]}")
                else:
                    print("    record: (read from the best-matching sentence)")
                print(f"    evidence: {p['evidence'][:300]}")
    if args.json:
        print(json.dumps({"abstracts": len(ids), "seconds": round(elapsed, 1), "splits": figures}, indent=1))
    else:
        print(f"{len(ids)} abstracts extracted in {elapsed:.1f} s")
        print(f"{'split':<11} {'prompts':>7} {'answered':>8} {'coverage':>8} {'accuracy':>8} {'95% CI':>13} "
              f"{'acc(all)':>8} {'always-NSD':>10}")
        for split, f in figures.items():
            lo, hi = f["accuracy_95ci"]
            print(f"{split:<11} {f['prompts']:>7} {f['answered']:>8} {f['coverage']:>8.3f} {f['accuracy']:>8.3f} "
                  f"{f'{lo:.3f}-{hi:.3f}':>13} {f['accuracy_all']:>8.3f} {f['baseline_nsd']:>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
