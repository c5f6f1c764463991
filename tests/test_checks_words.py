"""WORDS_VS_P and WORDS_VS_CI: claims of (no) significance against the numbers beside them."""

from __future__ import annotations

from checks_support import record, run


def test_significantly_improved_beside_p_043():
    text = "Cell therapy significantly improved 30-day survival (P = 0.43)."
    flags = run("WORDS_VS_P", record(text, p=[("P = 0.43", "=", 0.43)]))
    assert [f.severity for f in flags] == ["warning"]
    assert "significantly improved" in flags[0].message


def test_significantly_improved_beside_small_p_is_fine():
    text = "Cell therapy significantly improved 30-day survival (P = 0.004)."
    assert run("WORDS_VS_P", record(text, p=[("P = 0.004", "=", 0.004)])) == []


def test_no_difference_beside_p_0001():
    text = "No difference in mean score was found between the two groups (p = 0.001)."
    flags = run("WORDS_VS_P", record(text, p=[("p = 0.001", "=", 0.001)]))
    assert len(flags) == 1 and "below" in flags[0].message


def test_no_difference_beside_large_p_is_fine():
    text = "No difference in mean score was found between the two groups (p = 0.65)."
    assert run("WORDS_VS_P", record(text, p=[("p = 0.65", "=", 0.65)])) == []


def test_did_not_differ_and_noninferiority():
    text = "Pain scores did not differ between arms (P < 0.001 for non-inferiority)."
    assert run("WORDS_VS_P", record(text, p=[("P < 0.001", "<", 0.001)])) == []


def test_contrast_between_claim_and_p_is_skipped():
    text = ("There was no significant difference between groups until 8 weeks after treatment "
            "(t = -2.424, P = 0.017).")
    assert run("WORDS_VS_P", record(text, p=[("P = 0.017", "=", 0.017)])) == []


def test_mixed_sentence_pairs_each_p_with_its_own_claim():
    text = ("Pain was significantly reduced (P = 0.01), whereas function did not differ (P = 0.52).")
    rec = record(text, p=[("P = 0.01", "=", 0.01), ("P = 0.52", "=", 0.52)])
    assert run("WORDS_VS_P", rec) == []


def test_stated_alpha_is_used():
    text = ("P < 0.01 was considered significant. Fatigue was significantly lower with the drug (P = 0.03).")
    rec = record(text, p=[("P = 0.03", "=", 0.03)])
    rec.sentences.insert(0, type(rec.sentences[0])(index=99, start=0, end=36, text=text[:36]))
    assert len(run("WORDS_VS_P", rec)) == 1


def test_significant_claim_beside_interval_spanning_null():
    t = "odds ratio 1.36; 95% CI 0.57-3.21"
    text = f"Resolution was significantly more frequent with cells ({t})."
    rec = record(text, ci=[dict(text=t, lower=0.57, upper=3.21, estimate=1.36, measure="OR")])
    flags = run("WORDS_VS_CI", rec)
    assert len(flags) == 1 and "spans" in flags[0].message


def test_significant_claim_beside_interval_excluding_null_is_fine():
    t = "odds ratio 2.36; 95% CI 1.57-3.21"
    text = f"Resolution was significantly more frequent with cells ({t})."
    rec = record(text, ci=[dict(text=t, lower=1.57, upper=3.21, estimate=2.36, measure="OR")])
    assert run("WORDS_VS_CI", rec) == []
