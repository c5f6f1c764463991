"""The matching of ``benchmarks/ei_arms.py``: an expert's arm text against the record's arms."""

from __future__ import annotations

from benchmark_support import ei_arms_benchmark

from extractor.records import Arm

bench = ei_arms_benchmark()


def test_an_arm_sharing_half_the_content_words_is_found() -> None:
    arms = [Arm(label="oral L-carnitine", n=20), Arm(label="placebo", role="control", n=11)]
    assert bench.found("L-carnitine 1500 mg", arms)
    assert not bench.found("intravenous iron sucrose", arms)


def test_dose_units_and_numbers_alone_do_not_make_a_match() -> None:
    arms = [Arm(label="metformin 500 mg daily")]
    assert not bench.found("sitagliptin 100 mg daily", arms)


def test_a_control_like_comparator_is_found_by_the_control_arm() -> None:
    arms = [Arm(label="dexmedetomidine"), Arm(label="group C", role="control")]
    assert bench.found("usual care", arms)
    assert not bench.found("usual care", [Arm(label="dexmedetomidine")])


def test_an_alias_counts_as_the_arms_name() -> None:
    arms = [Arm(label="group A", aliases=["continuous lateral rotation"])]
    assert bench.found("continuous lateral rotation (CLR)", arms)
