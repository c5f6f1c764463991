"""ARM_SUM_MISMATCH, RANDOMIZED_VS_PLANNED, ANALYZED_OVER_RANDOMIZED."""

from __future__ import annotations

from checks_support import Builder, record, run

from extractor.records import Arm, Evidence, SampleSize, TrialRecord

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


# --- guards against arm sums that are no inconsistency (audit of the flags on 3,147 abstracts)


def sized(text: str, arms: list[tuple[str, int, str, int]], randomized: tuple[int, str, int] | None = None,
          analyzed: tuple[int, str, int] | None = None, planned: tuple[int, str, int] | None = None) -> TrialRecord:
    """A record whose arms and sample sizes carry evidence: arms (label, n, n's text, which
    occurrence); sizes (value, text, which occurrence)."""
    b = Builder(text)
    arm_list = [Arm(label=label, n=n, evidence=[Evidence(**b.ev(t, nth))]) for label, n, t, nth in arms]
    values, evidence = {}, {}
    for name, v in (("randomized", randomized), ("analyzed", analyzed), ("planned", planned)):
        if v is not None:
            values[name] = v[0]
            evidence[name] = Evidence(**b.ev(v[1], v[2]))
    b.used.update(range(len(b.bounds)))
    return TrialRecord(id="t", source="<test>", arms=arm_list, sample_size=SampleSize(**values, evidence=evidence),
                       sentences=b.sentences())


def test_arm_sum_counts_completers_beside_the_number_asked():
    # PMC1839864: 219 asked, "200 residents completed the study, with 100 in each group"
    text = ("Two-hundred and nineteen internal medicine residents were asked to complete a cause of death "
            "statement. Participants were randomized into one of two educational interventions. A total of "
            "200 residents completed the study, with 100 in each group.")
    arms = [("workshop", 100, "100", 0), ("printed material", 100, "100", 0)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (219, "Two-hundred and nineteen", 0))) == []
    # PMC2931380: nothing says the 36 are a later stage of the 42: still flagged
    text = ("Forty-two women were chosen from volunteering postmenopausal women. They were randomly divided "
            "into aerobic (n = 18) and resistance (n = 18) exercise groups.")
    arms = [("aerobic", 18, "18", 0), ("resistance", 18, "18", 1)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (42, "Forty-two", 0)))) == 1


def test_arm_sum_counts_randomised_in_a_sentence_that_mentions_completion():
    # PMC3680656 with one arm's n changed: the arms are the randomised ones, "completion rates"
    # speaks of something else
    text = ("A total of 677 patients were randomized to receive extended-release memantine (n = 376) or "
            "placebo (n = 335); completion rates were 79.8 and 81.2 %, respectively.")
    arms = [("memantine", 376, "376", 0), ("placebo", 335, "335", 0)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (677, "677", 0)))) == 1


def test_arm_sum_total_stated_per_group():
    # PMC5207750: "We randomised 59 participants to each group"
    text = ("We randomised 59 participants to each group and obtained six-month HbA1c outcomes from 53 and 51 "
            "participants in the intensive and conventional education groups, respectively.")
    arms = [("intensive", 53, "53", 0), ("conventional", 51, "51", 0)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (59, "59", 0))) == []
    flagged = text.replace(" to each group", "")
    assert len(run("ARM_SUM_MISMATCH", sized(flagged, arms, (59, "59", 0)))) == 1


def test_arm_sum_analysis_sets_are_not_arms():
    # PMC5264483: "Intention-To-Treat (ITT; n = 209) and Per Protocol (PP; n = 134)"
    text = ("225 healthy volunteers were randomized into four groups. There were marked differences in the "
            "results of the Intention-To-Treat (ITT; n = 209) and Per Protocol (PP; n = 134) study populations.")
    arms = [("ITT", 209, "209", 0), ("PP", 134, "134", 0)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (225, "225", 0))) == []
    arms = [("probiotic", 209, "209", 0), ("placebo", 134, "134", 0)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (225, "225", 0)))) == 1


def test_arm_sum_n_with_a_leading_zero_is_a_fragment():
    # PMC3406743: "1,093" read as an arm n of "093"
    text = ("We screened 1,332 women and randomly assigned 1,093 women to 2 groups: an enhanced "
            "intervention (n = 552) or usual care (n = 541).")
    arms = [("enhanced intervention", 93, "093", 0), ("usual care", 541, "541", 0)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (1093, "1,093", 0))) == []
    text = text.replace("(n = 552)", "(n = 93)")
    arms = [("enhanced intervention", 93, "93", 0), ("usual care", 541, "541", 0)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (1093, "1,093", 0)))) == 1


def test_arm_sum_one_n_for_several_groups():
    # PMC5722122: "three experimental groups (n=15) and a control group (n=15)"
    text = ("In this in vitro study, 60 freshly extracted mandibular first molars were randomly divided into "
            "three experimental groups (n=15) and a control group containing unprepared teeth (n=15).")
    b = Builder(text)
    label = Evidence(**b.ev("randomly divided into three experimental groups"))
    rec = sized(text, [("experimental", 15, "15", 0), ("control", 15, "15", 1)], (60, "60", 0))
    rec.arms[0].evidence.insert(0, label)
    assert run("ARM_SUM_MISMATCH", rec) == []
    one = text.replace("three experimental groups", "an experimental group")
    rec = sized(one, [("experimental", 15, "15", 0), ("control", 15, "15", 1)], (60, "60", 0))
    assert len(run("ARM_SUM_MISMATCH", rec)) == 1


def test_arm_sum_stated_beside_the_arms():
    # PMC4717319: 676 in the open-label phase; "285 ... were randomized to lurasidone (N=144) or placebo (N=141)"
    text = ("A total of 676 patients enrolled in the open-label phase; 285 met protocol-specified stabilization "
            "criteria and were randomized to lurasidone (N=144) or placebo (N=141).")
    arms = [("lurasidone", 144, "144", 0), ("placebo", 141, "141", 0)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (676, "676", 0))) == []
    # PMC3719224: 53 + 59 = 112 stated nowhere beside 109
    text = ("One hundred and nine female students took part in the study. Despite the similarity of two groups "
            "of intervention (n = 53) and control (n = 59) at baseline, there were significant differences.")
    arms = [("intervention", 53, "53", 0), ("control", 59, "59", 0)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (109, "One hundred and nine", 0)))) == 1


def test_analysed_over_a_count_not_said_to_be_randomised():
    # PMC3578670: "115 completed", "Of these, 112 patients instilled both medications"
    text = ("Of 120 patients who enrolled, 115 completed the study. Of these, 112 patients instilled both "
            "medications and expressed a study medication preference on day 2.")
    rec = sized(text, [], (112, "112", 0), analyzed=(115, "115", 0))
    assert run("ANALYZED_OVER_RANDOMIZED", rec) == []
    text = "Of 120 patients who enrolled, 115 completed the study. Of these, 112 patients were randomized."
    rec = sized(text, [], (112, "112", 0), analyzed=(115, "115", 0))
    assert len(run("ANALYZED_OVER_RANDOMIZED", rec)) == 1


def test_planned_per_arm_is_not_the_target_total():
    # PMC3330821: "The planned sample size was 108 per arm"
    text = ("The planned sample size was 108 per arm but the trial was stopped early due to low accrual. "
            "Altogether 118 subjects were randomized to tCBT+EAP (n = 58) and to EAP alone (n = 60).")
    rec = sized(text, [], (118, "118", 0), planned=(108, "108", 0))
    assert run("RANDOMIZED_VS_PLANNED", rec) == []
    rec = sized(text.replace(" per arm", ""), [], (118, "118", 0), planned=(108, "108", 0))
    assert len(run("RANDOMIZED_VS_PLANNED", rec)) == 1


def test_arm_sum_more_groups_than_arms():
    # PMC4006208: three groups, two of them read as arms
    text = ("A total of 300 systemically healthy subjects were randomly allocated into 3 groups: Aloe vera "
            "mouthwash group (n=100), control group (=100)-chlorhexidene group and saline water-Placebo (n=100).")
    arms = [("Aloe vera mouthwash", 100, "100", 1), ("saline water-Placebo", 100, "100", 2)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (300, "300", 0))) == []
    # PMC4266769 with one arm's n changed: three groups, three arms (the total's own "n = 105" is no group)
    text = ("Patients undergoing ambulatory knee arthroscopy or inguinal hernia repair surgery (n = 105) were "
            "randomized into 3 groups: Group1 paracetamol/naproxen (n = 38), Group 2 paracetamol/CR oxycodone "
            "for 24 hours (n = 35), and Group 3 paracetamol/CR oxycodone for 48 hours (n = 35).")
    arms = [("paracetamol/naproxen", 38, "38", 0), ("oxycodone 24 h", 35, "35", 0), ("oxycodone 48 h", 35, "35", 1)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (105, "105", 0)))) == 1


def test_arm_sum_counts_ten_times_apart():
    # PMC2710065: event counts per group read as arm sizes beside 200 recruited
    text = ("A total of 200 patients with initial negative urine cultures were recruited. In 1 patient from the "
            "antibiotic group and 2 patients from the no prophylaxis group, the urine cultures were positive.")
    arms = [("antibiotic", 1, "1", 0), ("no prophylaxis", 2, "2", 1)]
    assert run("ARM_SUM_MISMATCH", sized(text, arms, (200, "200", 0))) == []
    # PMC5697397: 10 + 12 beside 24
    text = ("A total of 24 young resistance trained men and women took part in this randomized controlled study. "
            "Participants received either WPC-80 and native whey (n = 10), in a crossover design, or milk (n = 12).")
    arms = [("native whey", 10, "10", 0), ("milk", 12, "12", 0)]
    assert len(run("ARM_SUM_MISMATCH", sized(text, arms, (24, "24", 0)))) == 1


def test_analysed_people_are_not_compared_with_randomised_clusters():
    # PMC3074545: "a cluster randomised trial in 106 primary care ... clinics", "133 (76.4%)
    # women (90 I and 43 C) completed follow-up": women analysed, clinics randomised
    text = ("MOSAIC was a cluster randomised trial in 106 primary care clinics in Melbourne. "
            "133 (76.4%) women (90 I and 43 C) completed follow-up at 12 months.")
    rec = sized(text, [], (106, "106", 0), analyzed=(133, "133", 0))
    rec.sample_size.unit = "clinics"
    assert run("ANALYZED_OVER_RANDOMIZED", rec) == []
    rec.sample_size.unit = None  # the same counts, both of people, still disagree
    assert len(run("ANALYZED_OVER_RANDOMIZED", rec)) == 1
