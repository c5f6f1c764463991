"""Distribution functions against published table values (and scipy's, computed offline)."""

from __future__ import annotations

import math

import pytest

from extractor.checks.stats import (
    betainc,
    chi2_sf,
    f_sf,
    gammainc_upper,
    norm_cdf,
    norm_p_two_sided,
    norm_ppf,
    p_from_statistic,
    p_interval,
    rounding_interval,
    t_p_two_sided,
    value_decimals,
)


@pytest.mark.parametrize("z, p", [(0.0, 0.5), (1.959963985, 0.975), (-1.0, 0.158655254), (3.0, 0.998650102)])
def test_norm_cdf(z, p):
    assert norm_cdf(z) == pytest.approx(p, abs=1e-9)


@pytest.mark.parametrize("p", [0.001, 0.025, 0.5, 0.9, 0.975, 0.9995])
def test_norm_ppf_inverts_cdf(p):
    assert norm_cdf(norm_ppf(p)) == pytest.approx(p, rel=1e-10)


def test_norm_ppf_known():
    assert norm_ppf(0.975) == pytest.approx(1.959963985, abs=1e-8)
    assert norm_ppf(0.95) == pytest.approx(1.644853627, abs=1e-8)


@pytest.mark.parametrize("t, df, p", [
    (2.0, 10, 0.07338803),      # two-sided, scipy 2*t.sf(2, 10)
    (2.228, 10, 0.05000),       # the 0.975 quantile of t(10)
    (1.0, 1, 0.5),              # Cauchy: 2*(1/2 - atan(1)/pi)
    (3.5, 30, 0.00147681),      # checked by numerical integration of the t(30) density
    (12.706, 1, 0.05000),
])
def test_t_two_sided(t, df, p):
    assert t_p_two_sided(t, df) == pytest.approx(p, rel=2e-3)


@pytest.mark.parametrize("f, d1, d2, p", [
    (4.0, 1, 10, 0.07338803),   # F(1, v) = t(v)^2
    (3.885, 2, 12, 0.05),       # table value F(0.95; 2, 12)
    (2.534, 5, 30, 0.05),       # table value F(0.95; 5, 30)
])
def test_f_sf(f, d1, d2, p):
    assert f_sf(f, d1, d2) == pytest.approx(p, rel=3e-3)


@pytest.mark.parametrize("x, df, p", [
    (3.841459, 1, 0.05),
    (5.991465, 2, 0.05),
    (18.307038, 10, 0.05),
    (2.0, 2, math.exp(-1.0)),   # chi2(2) is exponential: exp(-x/2)
    (6.634897, 1, 0.01),
])
def test_chi2_sf(x, df, p):
    assert chi2_sf(x, df) == pytest.approx(p, rel=1e-6)


def test_gamma_and_beta_identities():
    assert gammainc_upper(1.0, 2.0) == pytest.approx(math.exp(-2.0), rel=1e-12)
    assert betainc(1.0, 1.0, 0.3) == pytest.approx(0.3, rel=1e-12)
    assert betainc(2.0, 3.0, 0.4) + betainc(3.0, 2.0, 0.6) == pytest.approx(1.0, rel=1e-12)


def test_z_and_r_statistics():
    assert norm_p_two_sided(1.96) == pytest.approx(0.04999579, rel=1e-6)
    assert p_from_statistic("z", 1.96, None, None) == pytest.approx(0.04999579, rel=1e-6)
    # r(28) = .36 -> t = 2.04, p ~ .051
    assert p_from_statistic("r", 0.36, 28, None) == pytest.approx(0.0507, abs=5e-4)
    assert p_from_statistic("t", 2.0, None, None) is None  # no df, no p


def test_rounding_intervals():
    lo, hi = rounding_interval(0.43, 2)
    assert lo == pytest.approx(0.425) and hi == pytest.approx(0.435)
    lo, hi = rounding_interval(66.0, 0, truncation=True)
    assert lo <= 66.0 and 66.99 < hi <= 67.0  # half-open: [66, 67)
    assert p_interval("<", 0.05, 2) == (0.0, 0.05)
    assert p_interval(">", 0.05, 2) == (0.05, 1.0)


def test_value_decimals_reads_the_written_form():
    assert value_decimals(1.2, "OR 1.20 (0.90-1.60)") == 2
    assert value_decimals(0.015, "P = .015") == 3
    assert value_decimals(1.2) == 1  # no text: the float's shortest form
