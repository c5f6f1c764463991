"""Checks through the whole pipeline (extract_text), on the seed trial's own sentences.

Only values the extractors already read are used here; the other checks are tested on
records built directly (test_checks_<family>.py).
"""

from __future__ import annotations

from extractor.api import extract_text

SEED = (
    "Thirty-day mortality was 37.5% (42/112) in cell recipients versus 42.7% (47/110) in control "
    "patients (relative risk [RR], 0.88; 95% confidence interval, 0.64-1.21; P= 0.43)."
)


def codes(text: str, severities=("error", "warning")) -> set[str]:
    return {f.code for f in extract_text(text).flags if f.severity in severities}


def test_seed_sentence_is_clean():
    assert codes(SEED) == set()


def test_swapped_bounds_are_an_error():
    flags = extract_text(SEED.replace("0.64-1.21", "1.21-0.64")).flags
    f = next(f for f in flags if f.code == "CI_REVERSED")
    assert f.severity == "error" and any("1.21-0.64" in s.text for s in f.spans)


def test_p_contradicting_the_interval():
    flags = extract_text(SEED.replace("P= 0.43", "P= 0.001")).flags
    f = next(f for f in flags if f.code == "P_CI_SIGNIFICANCE")
    assert f.severity == "error" and {s.text for s in f.spans} >= {"P= 0.001"}


def test_percent_off_its_count_is_flagged_even_if_extraction_drops_it():
    flags = extract_text(SEED.replace("37.5%", "47.5%")).flags
    f = next(f for f in flags if f.code == "PCT_MISMATCH")
    assert f.severity == "error" and f.recomputed == 37.5


def test_estimate_outside_its_interval():
    flags = extract_text(SEED.replace("[RR], 0.88", "[RR], 1.88")).flags
    f = next(f for f in flags if f.code == "CI_ESTIMATE_OUTSIDE")
    assert f.severity == "error" and any(s.text == "1.88" for s in f.spans)


def test_planned_sample_size_note():
    text = ("The board recommended that the trial halt enrollment (n = 222 out of planned 300). " + SEED)
    rec = extract_text(text)
    assert [f.severity for f in rec.flags if f.code == "RANDOMIZED_VS_PLANNED"] in ([], ["info"])
    assert not [f for f in rec.flags if f.severity == "error"]
