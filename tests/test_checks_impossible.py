"""P_OUT_OF_RANGE, PCT_OVER_100, EVENTS_OVER_TOTAL, NEGATIVE_COUNT."""

from __future__ import annotations

from checks_support import record, run


def test_p_above_one():
    rec = record("The difference was small (P = 1.3).", p=[("P = 1.3", "=", 1.3)])
    assert [f.severity for f in run("P_OUT_OF_RANGE", rec)] == ["error"]
    rec = record("The difference was small (P = 0.93).", p=[("P = 0.93", "=", 0.93)])
    assert run("P_OUT_OF_RANGE", rec) == []


def test_percent_over_100_and_events_over_total():
    rec = record("Healing occurred in 120/112 (107.1%) wounds.", rates=[("120/112 (107.1%)", 120, 112, 107.1)])
    assert len(run("PCT_OVER_100", rec)) == 1
    assert len(run("EVENTS_OVER_TOTAL", rec)) == 1
    # the percent check stays quiet: the value is impossible, not mis-rounded
    assert run("PCT_MISMATCH", rec) == []


def test_plausible_rate_is_quiet():
    rec = record("Healing occurred in 51/104 (49.0%) wounds.", rates=[("51/104 (49.0%)", 51, 104, 49.0)])
    for code in ("PCT_OVER_100", "EVENTS_OVER_TOTAL", "NEGATIVE_COUNT"):
        assert run(code, rec) == []


def test_negative_arm_n():
    rec = record("Patients were randomised.", arms=[("drug", -3), ("placebo", 20)])
    assert [f.code for f in run("NEGATIVE_COUNT", rec)] == ["NEGATIVE_COUNT"]
