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
