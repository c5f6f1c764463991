"""GRIM (Brown & Heathers 2017): a mean of n integers is a multiple of 1/n, so some means
are impossible for their n ("5.19 from 28 integer scores" is; no integer total gives it).

Applied conservatively: only to means whose n is stated right beside them ("mean 5.19
(n = 28)") or carried with them in a comparison arm, whose sentence says the data are
integer counts or single-item scores, and only where 10^decimals > n (otherwise every mean
is possible). Reported as info: multi-item scales and missing data legitimately break it.
"""

from __future__ import annotations

import math
import re

from extractor.checks import register
from extractor.checks.common import flag, local_text
from extractor.checks.stats import value_decimals
from extractor.numbers import parse_int
from extractor.records import Flag, TrialRecord

_INTEGER_DATA = re.compile(
    r"\b(?:number\s+of|counts?\s+of|episodes|visits|admissions|attacks|seizures|falls|"
    r"cigarettes|days\s+(?:absent|with)|item\s+score|Likert)\b", re.I)
_N_AFTER = re.compile(r"^\s*[,;(\[]?\s*n\s*=\s*(\d+)\s*[)\]]?", re.I)


def grim_consistent(mean: float, n: int, d: int) -> bool:
    """Some integer total S gives round(S/n, d) == mean."""
    h = 0.5 * 10.0 ** (-d)
    lo = math.ceil(n * (abs(mean) - h) - 1e-9)
    hi = math.floor(n * (abs(mean) + h) + 1e-9)
    return lo <= hi


@register(
    "GRIM",
    "mean impossible for its n (GRIM)",
    "∃ integer S: round(S/n, d) = reported mean, d = decimals of the mean",
    "only for integer-valued data with n stated beside the mean and 10^d > n; info severity",
    needs=("summaries",),
)
def grim(record: TrialRecord) -> list[Flag]:
    out = []
    # the integer-data words of a sentence, looked for once: a search per mean was quadratic
    # in a sentence of many means (771 in one of 51,000 characters: 2 s)
    integer_data: dict[str, bool] = {}
    for s in record.summaries:
        if s.statistic != "mean":
            continue
        sentence = local_text(record, s)
        found = integer_data.get(sentence)
        if found is None:
            found = integer_data[sentence] = _INTEGER_DATA.search(sentence) is not None
        if not found:
            continue
        # n must be stated right after the summary, in the sentence
        idx = sentence.find(s.text)
        if idx < 0:
            continue
        m = _N_AFTER.match(sentence[idx + len(s.text):])
        if not m:
            continue
        # parse_int: int() refused an n of over 4,300 digits and the whole check was lost
        n = parse_int(m.group(1))
        d = value_decimals(s.value, s.text)
        if n is None or n <= 0 or 10 ** d <= n or grim_consistent(s.value, n, d):
            continue
        out.append(flag("GRIM", "info",
                        f"{s.text!r}: no total of {n} integer values has mean {s.value:g} "
                        f"(check: multi-item scale or missing data?)", [s]))
    return out
