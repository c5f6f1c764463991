"""TESTSTAT_P: p recomputed from t, F, chi2 and z, statcheck's rules."""

from __future__ import annotations

from checks_support import record, run


def ts(text, test, value, df1=None, df2=None, p_cmp="=", p=None):
    return dict(text=text, test=test, value=value, df1=df1, df2=df2, p_comparator=p_cmp, p_value=p)


def test_consistent_t():
    text = "Scores were higher after training, t(38) = 2.10, p = .042."
    assert run("TESTSTAT_P", record(text, tests=[ts("t(38) = 2.10, p = .042", "t", 2.10, 38, p=0.042)])) == []


def test_rounding_of_the_statistic_is_allowed():
    # t(28) = 2.0 admits [1.95, 2.05]: p in [.050, .061]; p = .05 is consistent
    text = "The effect was small, t(28) = 2.0, p = .05."
    assert run("TESTSTAT_P", record(text, tests=[ts("t(28) = 2.0, p = .05", "t", 2.0, 28, p=0.05)])) == []


def test_inconsistent_without_decision_change_is_a_warning():
    text = "Scores were higher, F(1, 45) = 9.30, p = .01."
    flags = run("TESTSTAT_P", record(text, tests=[ts("F(1, 45) = 9.30, p = .01", "F", 9.30, 1, 45, p=0.01)]))
    assert [f.severity for f in flags] == ["warning"] and 0.003 < flags[0].recomputed < 0.005


def test_decision_error_is_an_error():
    text = "Groups differed, χ2(1) = 1.20, p < .05."
    flags = run("TESTSTAT_P", record(text, tests=[ts("χ2(1) = 1.20, p < .05", "chi2", 1.20, 1, p_cmp="<", p=0.05)]))
    assert [f.severity for f in flags] == ["error"] and "decision error" in flags[0].message


def test_one_tailed_when_stated():
    # two-tailed p = .078; one-tailed .039
    text = "A one-tailed test showed t(20) = 1.85, p = .039."
    assert run("TESTSTAT_P", record(text, tests=[ts("t(20) = 1.85, p = .039", "t", 1.85, 20, p=0.039)])) == []
    text = "A test showed t(20) = 1.85, p = .039."
    flags = run("TESTSTAT_P", record(text, tests=[ts("t(20) = 1.85, p = .039", "t", 1.85, 20, p=0.039)]))
    assert [f.severity for f in flags] == ["error"]


def test_z_and_p_zero():
    text = "The trend was clear, z = 4.10, p = .000."
    assert run("TESTSTAT_P", record(text, tests=[ts("z = 4.10, p = .000", "z", 4.10, p=0.0)])) == []


def test_degrees_of_freedom_past_a_billion_recompute_no_p_and_lose_no_check():
    # log-gamma differences for such dfs cancel to noise: F(491, 10^18) made math.exp overflow
    # ("check TESTSTAT_P failed: OverflowError: math range error"), and t(10^14) = 2.1 gave
    # p = .015 for the true .036 (a false flag)
    from extractor.api import extract_text
    from extractor.checks.stats import p_from_statistic

    r = extract_text("Title\n\nRESULTS: Scores differed, F(491, 1000000000000000000) = 8.72, p = 0.01; χ2 = 3.1, p = 0.08.")
    assert r.warnings == [] and r.flags == []
    assert [(t.test, t.df1, t.df2, t.value) for t in r.test_statistics][0] == ("F", 491, 1e18, 8.72)
    assert p_from_statistic("t", 2.1, 1e14, None) is None
    assert abs(p_from_statistic("t", 2.1, 1e9, None) - 0.0357288) < 1e-6
    r = extract_text("Title\n\nRESULTS: Scores differed, t(99999999999999) = 2.1, p = .03.")
    assert r.warnings == [] and r.flags == []


def test_r_with_n_in_place_of_df():
    # PMC3620559: "r (17) = −0.20, p = 0.44" is consistent with n = 17 (df 15)
    text = "The oocyte yields did not differ (AMH, r (17) = −0.20, p = 0.44; BMI, r (17) =0.02, p = 0.96)."
    rec = record(text, tests=[ts("r (17) = −0.20, p = 0.44", "r", -0.20, 17, p=0.44),
                              ts("r (17) =0.02, p = 0.96", "r", 0.02, 17, p=0.96)])
    # the second fits neither df 17 nor df 15
    assert [f.spans[0].text for f in run("TESTSTAT_P", rec)] == ["r (17) =0.02, p = 0.96"]


def test_p_cut_short_by_a_malformed_number():
    # PMC3376123: "MWU Z = −2.4 p = .0.018" read as p = .0
    text = "Executive function improved at 12 weeks (MWU Z = −2.4 p = .0.018, MWU Z = −3.0 p = 0.005)."
    rec = record(text, tests=[ts("Z = −2.4 p = .0", "z", -2.4, p=0.0), ts("Z = −3.0 p = 0.005", "z", -3.0, p=0.005)])
    assert [f.spans[0].text for f in run("TESTSTAT_P", rec)] == ["Z = −3.0 p = 0.005"]
