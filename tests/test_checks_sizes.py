"""ARM_SUM_MISMATCH, RANDOMIZED_VS_PLANNED, ANALYZED_OVER_RANDOMIZED."""

from __future__ import annotations

from checks_support import record, run

TEXT = "Forty patients were randomized to lornoxicam (n = 20) or placebo (n = 20)."


def test_arms_add_up():
    rec = record(TEXT, arms=[("lornoxicam", 20), ("placebo", 20)], sample_size={"randomized": 40})
    assert run("ARM_SUM_MISMATCH", rec) == []


def test_arms_do_not_add_up():
    rec = record(TEXT.replace("(n = 20) or", "(n = 23) or"), arms=[("lornoxicam", 23), ("placebo", 20)],
                 sample_size={"randomized": 40})
    flags = run("ARM_SUM_MISMATCH", rec)
    assert len(flags) == 1 and flags[0].severity == "warning" and flags[0].recomputed == 43
    assert "43" in flags[0].message and "40" in flags[0].message


def test_derived_total_is_not_checked():
    rec = record(TEXT, arms=[("lornoxicam", 23), ("placebo", 20)], sample_size={"randomized": 40, "derived": True})
    assert run("ARM_SUM_MISMATCH", rec) == []


def test_unknown_arm_n_is_not_checked():
    rec = record(TEXT, arms=[("lornoxicam", 23), ("placebo", None)], sample_size={"randomized": 40})
    assert run("ARM_SUM_MISMATCH", rec) == []


def test_randomised_short_of_planned_is_info():
    text = "The board recommended that the trial halt enrollment (n = 222 out of planned 300)."
    rec = record(text, sample_size={"randomized": 222, "planned": 300})
    flags = run("RANDOMIZED_VS_PLANNED", rec)
    assert [f.severity for f in flags] == ["info"]
    assert "222" in flags[0].message and "300" in flags[0].message and flags[0].recomputed == 74.0


def test_analysed_above_randomised():
    rec = record(TEXT, sample_size={"randomized": 40, "analyzed": 44})
    assert [f.code for f in run("ANALYZED_OVER_RANDOMIZED", rec)] == ["ANALYZED_OVER_RANDOMIZED"]
    rec = record(TEXT, sample_size={"randomized": 40, "analyzed": 38})
    assert run("ANALYZED_OVER_RANDOMIZED", rec) == []
