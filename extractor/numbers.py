"""One parser for every numeric string trialex reads.

"0.43", ".015", "0,022" (decimal comma), "1,234" (thousands), "−1.2" (already normalised to
"-1.2"), "2 × 10-5", "10^-4", "1e-4", and word numbers ("Twenty-four", "forty eight",
"one hundred and twelve"). Functions return ``None`` rather than raising on text they cannot
read, so callers can mark a value uncertain instead of inventing one.
"""

from __future__ import annotations

import math
import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
WORD_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)

# A word number as it appears in text: "Twenty-four", "forty eight", "one hundred and twelve".
_W = "|".join(sorted(WORD_NUMBER_WORDS, key=lambda w: (-len(w), w)))  # ties in a fixed order
WORD_NUMBER_RE = rf"(?:(?:{_W})(?:(?:[- ]|\s+and\s+)(?:{_W}))*)"

_DEC_COMMA = re.compile(r"^-?\d+,\d{1,2}$|^-?0,\d+$")  # "0,022", "1,5": decimal commas
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_SCI = re.compile(
    r"""^\s*(?P<mant>-?\d*\.?\d+)?\s*(?:[x×*·]\s*)?
        10\s*(?:\^|\*\*)?\s*\(?\s*(?P<exp>[-+]?\s*\d+)\s*\)?\s*$""",
    re.X,
)
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_WORD_SEP = re.compile(r"[\s-]+")
_DECIMALS = re.compile(r"[.,](\d+)$")
_E = re.compile(r"^\s*(-?\d*\.?\d+)\s*[eE]\s*([-+]?\d+)\s*$")


def parse_decimal(s: str) -> float | None:
    """A plain decimal number: "0.43", ".015", "-1.2", "1,234", "0,022"."""
    s = s.strip().replace(" ", "")
    if not s:
        return None
    if s[0] == "+":
        s = s[1:]
    if _THOUSANDS.match(s) and not s.startswith(("0,", "-0,")):
        s = s.replace(",", "")
    elif _DEC_COMMA.match(s):
        s = s.replace(",", ".")
    # float() reads more than a decimal: "1e-999...9" as 0.0 (an exponent parse_scientific
    # refuses, so a different number) and "1_000"; "nan" and "inf" are not finite
    if "e" in s or "E" in s or "_" in s:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def parse_scientific(s: str) -> float | None:
    """ "2 × 10-5", "10^-4", "10−4", "1e-4", "1.2E-3"; the exponent may be flattened."""
    m = _E.match(s)
    if m:
        return _safe_pow(float(m.group(1)), m.group(2))
    m = _SCI.match(s)
    if m:
        mant = float(m.group("mant")) if m.group("mant") else 1.0
        return _safe_pow(mant, m.group("exp").replace(" ", ""))
    return None


def _safe_pow(mant: float, exp: str) -> float | None:
    # the exponent is checked as written: int() refuses a run of over 4,300 digits
    # ("1e-999...9" raised ValueError where None was promised), and past 300 is no float
    # (nor is a product past float's range: "99999 × 10^305")
    digits = exp.lstrip("+-").lstrip("0")
    if len(digits) > 3 or int(exp) not in range(-300, 301):
        return None
    v = mant * 10.0 ** int(exp)
    return v if math.isfinite(v) else None


def parse_number(s: str) -> float | None:
    """Any numeric string: decimal, scientific or word number."""
    v = parse_decimal(s)
    if v is not None:
        return v
    v = parse_scientific(s)
    if v is not None:
        return v
    w = parse_word_number(s)
    return float(w) if w is not None else None


# A count of people, events or doses has at most a dozen digits; a longer run is no count
# (and int() refuses a string of more than 4,300 digits: the field would be lost)
MAX_COUNT_DIGITS = 12


def parse_int(s: str) -> int | None:
    """A count: "222", "1,234", "Twenty-four"; None for a run of more than MAX_COUNT_DIGITS digits."""
    s = s.strip()
    if _COUNT.fullmatch(s):
        digits = s.replace(",", "")
        return int(digits) if len(digits) <= MAX_COUNT_DIGITS else None
    return parse_word_number(s)


def parse_word_number(s: str) -> int | None:
    words = [w for w in _WORD_SEP.split(s.strip().lower()) if w and w != "and"]
    if not words or any(w not in WORD_NUMBER_WORDS for w in words):
        return None
    total, current = 0, 0
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        else:  # thousand, million
            total += max(current, 1) * _SCALES[w]
            current = 0
    return total + current


def flattened_power(mantissa: float, exp_digits: str) -> float | None:
    """Read "× 106" as × 10^6 — superscripts flattened by PDF text extraction.

    Only the two-to-three-digit forms "10N"/"10NN" with N the exponent are accepted, and
    callers use this only where the context is a count or a dose (cells, copies, CFU).
    """
    if not exp_digits.startswith("10") or len(exp_digits) < 3:
        return None
    exp = int(exp_digits[2:])
    if not 1 <= exp <= 15:
        return None
    return mantissa * 10.0**exp


def decimals(s: str) -> int:
    """Digits after the decimal point as written ("0.430" -> 3, ".05" -> 2, "12" -> 0)."""
    s = s.strip()
    m = _DECIMALS.search(s)
    if m and not _THOUSANDS.match(s):
        return len(m.group(1))
    return 0
