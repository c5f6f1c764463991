"""Distribution functions and rounding helpers for the checks, in pure Python.

The survival functions follow Numerical Recipes (Press et al., 3rd ed., §6.2 and §6.4): the
regularized incomplete gamma function by its series / continued fraction, the regularized
incomplete beta function by Lentz's continued fraction. Accuracy is ~1e-10 relative, far
beyond the two or three digits a reported p-value carries; scipy is not needed.

Rounding helpers widen a reported number to the interval its rounding allows (statcheck's
rule): "0.43" stands for any value in [0.425, 0.435].
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from extractor.numbers import decimals, parse_decimal

_EPS = 1e-15
_FPMIN = 1e-300
_MAXIT = 500


# --------------------------------------------------------------------------- normal


def norm_cdf(z: float) -> float:
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def norm_p_two_sided(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2.0))


def norm_ppf(p: float) -> float:
    """Inverse of the standard normal CDF (Acklam's rational approximation + one Newton step)."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be in (0, 1)")
    a = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02,
         1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)
    b = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02,
         6.680131188771972e01, -1.328068155288572e01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00,
         -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    plow = 0.02425
    if p < plow:
        q = math.sqrt(-2 * math.log(p))
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
            (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    elif p <= 1 - plow:
        q = p - 0.5
        r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (
            ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    else:
        q = math.sqrt(-2 * math.log(1 - p))
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
            (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    # one Halley/Newton refinement step brings it to full double precision
    e = norm_cdf(x) - p
    u = e * math.sqrt(2 * math.pi) * math.exp(x * x / 2)
    return x - u / (1 + x * u / 2)


# --------------------------------------------------------------------------- gamma


def _gser(a: float, x: float) -> float:
    """P(a, x) by its series; converges fast for x < a + 1."""
    ap = a
    total = delta = 1.0 / a
    for _ in range(_MAXIT):
        ap += 1
        delta *= x / ap
        total += delta
        if abs(delta) < abs(total) * _EPS:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _gcf(a: float, x: float) -> float:
    """Q(a, x) by its continued fraction (modified Lentz); for x >= a + 1."""
    b = x + 1 - a
    c = 1 / _FPMIN
    d = 1 / b
    h = d
    for i in range(1, _MAXIT):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        if abs(d) < _FPMIN:
            d = _FPMIN
        c = b + an / c
        if abs(c) < _FPMIN:
            c = _FPMIN
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def gammainc_upper(a: float, x: float) -> float:
    """Regularized upper incomplete gamma Q(a, x)."""
    if x < 0 or a <= 0:
        raise ValueError("invalid arguments")
    if x == 0:
        return 1.0
    if x < a + 1:
        return 1.0 - _gser(a, x)
    return _gcf(a, x)


# --------------------------------------------------------------------------- beta


def _betacf(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1, a - 1
    c = 1.0
    d = 1 - qab * x / qap
    if abs(d) < _FPMIN:
        d = _FPMIN
    d = 1 / d
    h = d
    for m in range(1, _MAXIT):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < _FPMIN:
            d = _FPMIN
        c = 1 + aa / c
        if abs(c) < _FPMIN:
            c = _FPMIN
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < _FPMIN:
            d = _FPMIN
        c = 1 + aa / c
        if abs(c) < _FPMIN:
            c = _FPMIN
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta I_x(a, b)."""
    if not 0.0 <= x <= 1.0:
        raise ValueError("x must be in [0, 1]")
    if x in (0.0, 1.0):
        return x
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(lbt) * _betacf(a, b, x) / a
    return 1.0 - math.exp(lbt) * _betacf(b, a, 1 - x) / b


# --------------------------------------------------------------------------- test statistics


def t_p_two_sided(t: float, df: float) -> float:
    return betainc(df / 2, 0.5, df / (df + t * t))


def f_sf(f: float, df1: float, df2: float) -> float:
    if f <= 0:
        return 1.0
    return betainc(df2 / 2, df1 / 2, df2 / (df2 + df1 * f))


def chi2_sf(x: float, df: float) -> float:
    if x <= 0:
        return 1.0
    return gammainc_upper(df / 2, x / 2)


# No study has a billion degrees of freedom, and past ~1e11 the log-gamma differences in betainc
# cancel to noise: "F(10^53, 382)" made math.exp overflow (the whole check was lost), and
# "t(10^14) = 2.1" recomputed p = .035 as .015 (a false flag). Below this, ~1e-6 relative.
MAX_DF = 1e9


def p_from_statistic(test: str, value: float, df1: float | None, df2: float | None) -> float | None:
    """Two-sided p for t and z, upper tail for F and chi2; None when df are missing or past MAX_DF."""
    if (df1 is not None and df1 > MAX_DF) or (df2 is not None and df2 > MAX_DF):
        return None
    if test == "z":
        return norm_p_two_sided(value)
    if test == "t" and df1:
        return t_p_two_sided(value, df1)
    if test == "F" and df1 and df2:
        return f_sf(value, df1, df2)
    if test == "chi2" and df1:
        return chi2_sf(value, df1)
    if test == "r" and df1 and abs(value) < 1:
        t = value * math.sqrt(df1 / (1 - value * value))
        return t_p_two_sided(t, df1)
    return None


# --------------------------------------------------------------------------- rounding

_NUM = re.compile(r"(?<![\d.])-?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?![\d])")


@lru_cache(maxsize=1024)
def _numbers_in(text: str) -> tuple[tuple[float, str], ...]:
    """(value, token) of every number token of ``text`` that parses, in order: read once for
    the several values (an interval's bounds and estimate) looked up in the same text."""
    out = []
    for m in _NUM.finditer(text):
        tok = m.group(0)
        v = parse_decimal(tok)
        if v is not None:
            out.append((v, tok))
    return tuple(out)


@lru_cache(maxsize=1024)
def value_decimals(value: float, text: str | None = None) -> int:
    """Decimals the number was reported with: read from the first token of ``text`` that
    parses to ``value``; else the shortest repr of the float, which never claims more
    precision than was written ("1.20" read as 1.2 gives 1 decimal: a wider, safer interval).
    Cached: a pure function (of abs(value), so 0.0 and -0.0 sharing an entry is right),
    asked for each bound of an interval by several checks.
    """
    if text:
        # the Lancet's decimal point ("HR 0·77 [0·60–1·00]"): unread, "1·00" fell back to the
        # float 1.0, taken as 0 decimals, and the bound was widened to [0.5, 1.5]
        if "·" in text:
            text = text.replace("·", ".")
        for v, tok in _numbers_in(text):
            if math.isclose(abs(v), abs(value), rel_tol=1e-9, abs_tol=1e-12):
                return decimals(tok)
    r = repr(float(abs(value)))
    if "e" in r or "E" in r:
        mant, exp = r.lower().split("e")
        d = len(mant.split(".")[1].rstrip("0")) if "." in mant else 0
        return max(0, d - int(exp))
    if "." in r:
        frac = r.split(".")[1].rstrip("0")
        return len(frac)
    return 0


def half_unit(d: int) -> float:
    return 0.5 * 10.0 ** (-d)


def rounding_interval(value: float, d: int, truncation: bool = False) -> tuple[float, float]:
    """Every true value that, rounded (or truncated) to ``d`` decimals, reads as ``value``.

    A tiny epsilon keeps float noise from flagging an exact boundary (37.5 for 42/112).
    """
    eps = 1e-9 * max(1.0, abs(value))
    if truncation:
        unit = 10.0 ** (-d)
        lo, hi = (value, value + unit) if value >= 0 else (value - unit, value)
        return lo - eps, hi - eps  # half-open: 37.5 truncates to 37.5, never to 37.4
    h = half_unit(d)
    return value - h - eps, value + h + eps


def p_interval(comparator: str, value: float, d: int) -> tuple[float, float]:
    """The range of true p a reported p admits: "P = 0.43" -> [0.425, 0.435], "P < 0.05" ->
    [0, 0.05], "P > 0.05" -> [0.05, 1]."""
    if comparator == "=":
        lo, hi = rounding_interval(value, d)
        return max(0.0, lo), min(1.0, hi)
    if comparator in ("<", "<="):
        return 0.0, value
    return value, 1.0


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def fmt(x: float, sig: int = 3) -> str:
    if x == 0:
        return "0"
    if abs(x) < 1e-4:
        return f"{x:.2e}"
    return f"{x:.{sig}g}" if abs(x) < 1 else f"{x:.{max(sig, len(str(int(abs(x)))))}g}"
