"""Event rates (issue 3): real sentences from the corpus."""

from __future__ import annotations

import pytest

from extractor.api import extract_text


def _er(text: str):
    return [(e.events, e.total, e.percent) for e in extract_text(text).event_rates]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Thirty-day mortality was 37.5% (42/112) in cell recipients versus 42.7% (47/110) in control patients.",
         [(42, 112, 37.5), (47, 110, 42.7)]),
        ("Resolution was observed in 51/104 (49.0%) cell recipients and 46/106 (43.4%) control patients.",
         [(51, 104, 49.0), (46, 106, 43.4)]),
        ("The prominent efficacy rate was 19% (7 of 37) in the Hochu-ekki-to group and 5% (2 of 40) in the placebo group.",
         [(7, 37, 19), (2, 40, 5)]),
        ("Seventy-seven out of 91 enrolled patients completed the 24-week treatment course.", [(77, 91, None)]),
        ("Of the 695 eligible, 465 (67%) enrolled with 230 from the vaccine group.", [(465, 695, 67)]),
        ("There were none of 474 mosquitoes infected post-treatment.", [(0, 474, None)]),
        ("A total of 408 patients were assessed for eligibility, from which 152 participants were enrolled.", [(152, 408, None)]),
        ("We operated on a total of 259 patients, 115 (44.4%) of them laparoscopically, and 144 (55.6%) of them conventionally.",
         [(115, 259, 44.4), (144, 259, 55.6)]),
        ("A total of 42 women, who received a hypnosis intervention prior to ECV, had a 40.5% (n = 17), successful ECV.",
         [(17, 42, 40.5)]),
    ],
)
def test_event_rate_forms(sentence: str, expected) -> None:
    got = _er(sentence)
    assert [(e, t) for e, t, _ in got] == [(e, t) for e, t, _ in expected]
    assert [p for _, _, p in got] == pytest.approx([p for _, _, p in expected])


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients were randomized 1:1 to the two arms.",
        "The study ran from 12/05/2019 to 03/06/2020.",
        "Patients received 5 mg/kg of drug daily.",
        "Blood pressure decreased from 175 ± 18/80 ± 11 mmHg at baseline.",
        "Grade 3/4 toxicity was rare.",
        "Patients with moderate to severe RA (≥6/66 swollen and ≥8/68 tender joints) were eligible.",
        "Funding: Cancer Research UK (CRUK 01/001).",
        "Serum creatinine clearance was below 60 ml/min/1.73 m2.",
        "Patients were randomised to one of two groups.",
        "Of the 120 patients, 60% were women.",
    ],
)
def test_not_event_rates(sentence: str) -> None:
    assert _er(sentence) == []


def test_count_above_total_is_not_a_rate() -> None:
    assert _er("The ratio was 120/80 overall.") == []


def test_event_rate_evidence_text_includes_stated_percent() -> None:
    (e,) = extract_text("Contrast nephrotoxicity occurred in 36.7% (51/139) of patients.").event_rates
    assert e.text == "36.7% (51/139)"


def _unc(text: str):
    return [(e.events, e.total, e.percent, e.uncertain) for e in extract_text(text).event_rates]


def test_percent_agreeing_with_antecedent_total_is_certain() -> None:
    s = "A total of 42 women, who received a hypnosis intervention prior to ECV, had a 40.5% (n = 17), successful ECV."
    assert _unc(s) == [(17, 42, 40.5, False)]


def test_people_count_total_kept_uncertain_when_percent_disagrees() -> None:
    s = ("A total of 42 women, who received a hypnosis intervention prior to ECV, had a 47.5% (n = 17), successful "
         "ECV, whereas 38 women, who received NLP, had a 44.7% (n = 17) successful ECV.")
    assert _unc(s) == [(17, 42, 47.5, True), (17, 38, 44.7, False)]
    (f,) = [f for f in extract_text(s).flags if f.code == "PCT_MISMATCH"]
    assert f.severity == "warning"


def test_named_group_size_total_kept_uncertain_when_percent_disagrees() -> None:
    s = ("In the control group (n = 122) 34.3% (n = 33) had a statistically significant lower successful ECV "
         "procedure than NLP.")
    assert _unc(s) == [(33, 122, 34.3, True)]


def test_of_them_total_across_earlier_sibling_count_kept_uncertain() -> None:
    s = ("We operated on a total of 259 patients, 115 (44.4%) of them laparoscopically, and 144 (62.6%) of them "
         "conventionally.")
    assert _unc(s) == [(115, 259, 44.4, False), (144, 259, 62.6, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        # "(n = x)" after a percent counts that percent: it is no total
        "Completion rate was 71% (n = 71) in the intensive lifestyle intervention (ILI) group and 85% (n = 33) "
        "among waiting list controls.",
        "RDT availability in intervention ADDOs increased from 1% (n = 172) to 73% (n = 163) during the study.",
        # other numbers between the people count and the percent: the structure is not there
        "A Phase II clinical trial of 139 subjects, randomized to either a bromfenac 0.09% ophthalmic solution "
        "(n=69) or nepafenac 0.1% (n=70).",
    ],
)
def test_disagreeing_percent_without_structural_total_is_no_rate(sentence: str) -> None:
    assert _unc(sentence) == []


def test_second_count_after_vs_is_an_event_rate() -> None:
    # "x/n vs y/m" is the commonest way to compare two arms' events
    assert [(e.events, e.total) for e in extract_text("Trial\n\nRESULTS: Mortality was 5/20 vs 9/20 (P = 0.03).").event_rates] == [
        (5, 20), (9, 20)]


def test_blood_pressure_pairs_around_vs_are_not_event_rates() -> None:
    rec = extract_text("Trial\n\nRESULTS: Blood pressure was 145/85 vs 130/80 at 12 weeks.")
    assert rec.event_rates == []


def test_one_of_a_set_of_options_or_places_is_not_an_event_rate() -> None:
    text = ("Parents (N = 178) were recruited when they visited their family physician at 1 of 24 practices. "
            "Participants were randomized to 1 of 3 interventions (Mediterranean diet, low-fat diet or usual care).")
    assert [(e.events, e.total) for e in extract_text(text).event_rates] == []
    # one person of a group is a count
    text = "Bacteriological failure occurred in 9 of 89 patients compared to 1 of 88 patients (1%) in the gatifloxacin group."
    assert [(e.events, e.total) for e in extract_text(text).event_rates] == [(9, 89), (1, 88)]


def test_percent_between_count_and_of() -> None:
    text = ("In patients who underwent oesophagogastrectomy, post-operative anastomotic leak rates were higher in the "
            "chemotherapy plus bevacizumab group (23 [10%] of 233 in the chemotherapy alone group vs 52 [24%] of 220 in "
            "the chemotherapy plus bevacizumab group).")
    got = [(e.events, e.total, e.percent) for e in extract_text(text, id="x").event_rates]
    assert got == [(23, 233, 10.0), (52, 220, 24.0)]
    # a bracketed percent before "of N days" is still no event rate
    assert extract_text("Adherence was 3 [10%] of 14 days.", id="x").event_rates == []


def test_one_of_a_set_of_groups_after_or() -> None:
    text = ("Participants were randomized to a non-exercise control (n = 94) or 1 of 3 exercise groups; exercise energy "
            "expenditure of 4 (n = 139), 8 (n = 85), or 12 (n = 93) kcal/kg/week.")
    assert extract_text(text, id="x").event_rates == []
    # "or 1 of 24 patients" is still a count of people
    got = [(e.events, e.total) for e in extract_text("Bleeding occurred in 2 of 20 or 1 of 24 patients.", id="x").event_rates]
    assert (1, 24) in got


def test_word_ending_in_a_blocking_word_does_not_block() -> None:
    # "Seroconversion: 21 ..." is not "version: 21"
    text = "Seroconversion: 21 [16.8%] of 125 vaccinees vs one [2.4%] of 41 placebo recipients."
    got = [(e.events, e.total, e.percent) for e in extract_text(text, id="x").event_rates]
    assert got == [(21, 125, 16.8), (1, 41, 2.4)]
    assert extract_text("Software version 2 of 5 was used.", id="x").event_rates == []


def test_a_total_in_words_is_a_rate_before_people_or_a_clause() -> None:
    def rates(t: str) -> list[tuple[int, int]]:
        return [(e.events, e.total) for e in extract_text(t).event_rates]

    assert rates("Five of five participants receiving DSM265 developed parasitemia, compared with six of six "
                 "in the placebo group.") == [(5, 5), (6, 6)]
    assert rates("Five of nine subjects in the esomeprazole group compared with 2 of eight in the placebo group.") == [(5, 9), (2, 8)]
    # a choice among groups is not a rate
    assert rates("Patients were randomized to one of two treatments.") == []
    assert rates("Children were assigned to one of three groups.") == []


def test_count_of_whom_without_percent_takes_a_people_count_before_it() -> None:
    def rates(t: str) -> list[tuple[int, int, bool]]:
        return [(e.events, e.total, e.uncertain) for e in extract_text(t).event_rates]

    assert rates("RESULTS: In Group A, 23 patients had TM, 4 of whom developed associated ineffective drainage, while "
                 "the patients in group B did not.") == [(4, 23, False)]
    assert rates("During the study period, a total of 72 patients were recorded, and 65 of them met the inclusion "
                 "criteria.") == [(65, 72, False)]
    # another number between the people count and the count: the pairing is not certain, so no rate
    assert rates("Between August 2003 and June 2005, 107 women began HAART at a median of 30 wk of gestation, 102 of "
                 "them with zidovudine (ZDV), lamivudine (3TC), and nevirapine (NVP).") == []
    # no count of people before it: "three of whom" has no total
    assert rates("Patients from one single primary care practice participated in the study, three of whom dropped "
                 "out.") == []


def test_count_with_percent_of_whom_divides_a_people_count_with_its_own_percent() -> None:
    text = "New AF was found in 10 (4.9%) subjects, 7 (70%) of whom had reported pulse irregularity."
    assert [(e.events, e.total, e.percent) for e in extract_text(text).event_rates] == [(7, 10, 70.0)]
    # a percent that disagrees with that count is not paired with it
    text = "New AF was found in 10 (4.9%) subjects, 7 (40%) of whom had reported pulse irregularity."
    assert extract_text(text).event_rates == []


def test_reversed_count_after_only_or_none() -> None:
    def rates(t: str) -> list[tuple[int, int, float | None]]:
        return [(e.events, e.total, e.percent) for e in extract_text(t).event_rates]

    assert rates("RESULTS: Of the 180 families in the intervention group, only 55 (30%) received the full program "
                 "with 53% attending at least one module.") == [(55, 180, 30.0)]
    assert rates("Of 15 serious AEs, none were considered vaccination-related; 1 led to study withdrawal (premature "
                 "labor, day 364; aP4 group).") == [(0, 15, None)]
    # "only 20%" is a percent of the total, not a count
    assert rates("Of the 24 subjects who completed the study, only 20% achieved the target blood pressure.") == []


def test_tally_over_a_set_of_arms_or_domains_is_an_event_rate_but_one_of_them_is_a_choice() -> None:
    def rates(t: str) -> list[tuple[int, int]]:
        return [(e.events, e.total) for e in extract_text(t).event_rates]

    assert rates("In the analysis of cumulative pain intensity scores through 72 hours, liposome bupivacaine was "
                 "associated with lower pain scores than the comparator in 16 of 19 treatment arms assessed, achieving "
                 "statistically significant differences compared with bupivacaine HCl (P < 0.05) in five of 17 "
                 "treatment arms.") == [(16, 19), (5, 17)]
    assert rates("Fidelity was higher for VA-DPP delivery compared to MOVE! for five of seven domains assessed.") == [(5, 7)]
    assert rates("A total of 126 uncomplicated falciparum malaria patients were randomized to one of 3 treatment arms "
                 "(artesunate monotherapy with 2 or 4 mg/kg/day once daily).") == []
    assert rates("Patients received 2 of 3 treatment cycles.") == []


def test_a_noun_between_the_count_and_out_of() -> None:
    # "41 managers out of 49": a noun phrase of one or two words before "out of"
    text = ("In total, 350 provided WEMWBS at baseline and 284 at follow-up; 41 managers out of 49 were recruited "
            "from the three intervention clusters.")
    assert (41, 49, None) in _er(text)
    assert (100, 126, None) in _er("METHODS: 100 eligible patients out of 126 were randomized to receive either a bolus dose.")
    # a unit is no noun of people: "items out of 56+", "points out of 176"
    assert _er("Missing data were small (median 0, mean 1–5 items out of 56+ items per interview).") == []
    assert _er("The beginning and final test means were 69.87 and 80.98 points out of 176 for the control group.") == []


def test_a_total_in_words_of_animals_is_a_rate():
    # gold-tune4 PMC1065073: a total in words needs a noun of who was counted; animals are
    # counted as people are (sample_size's noun list already holds them)
    s = ("Five of the nine lambs subjected to AV-ECMO therapy (56%) died before completion, as compared "
         "with two out of eight lambs (25%) in the CMV group.")
    assert [(e.events, e.total) for e in extract_text(s).event_rates] == [(5, 9), (2, 8)]
    assert extract_text("Five of the nine bottles were empty.").event_rates == []


def test_counts_with_percents_of_a_people_total_stated_earlier_in_the_sentence() -> None:
    # SCHEMA: "n (x%)" is an event rate where its total is stated; every such count is one
    text = ("A total of 175 patients answered a preference question: 106 (61%) preferred ODT and "
            "48 (27%) preferred OCT (P<0.001 adjusted for treatment sequence); 21 (12%) expressed "
            "no preference.")
    assert _er(text) == [(106, 175, 61.0), (48, 175, 27.0), (21, 175, 12.0)]


def test_count_with_percent_and_no_total_or_a_disagreeing_one_is_no_rate() -> None:
    assert _er("At 12 months, 106 (61%) preferred ODT.") == []
    # 30 is not 40% of 175: the earlier number is not this count's total
    assert _er("A total of 175 patients were randomized; at 12 months, 30 (40%) had relapsed.") == []


def test_a_season_or_academic_year_is_no_rate() -> None:
    # corpus/heldout/abstracts/PMC4720464.txt
    text = "The study was carried out at the Surgery Center Tuzla, during the year 2013/ 2014."
    assert _er(text) == []
    # a count of a total that reads like a year is still a rate (corpus PMC1190172)
    assert (1506, 1905, 79.1) in _er('RESULTS: The response rate was 79.1% (1506/1905) in the hand-signed group and 78.4% (1484/1894) in the scanned and printed signature group.')


def test_one_of_a_set_of_approaches_regimens_or_meals_is_a_choice() -> None:
    assert _er("In this study, injections were administered by 1 of 3 approaches; however, there is currently no "
               "consensus on which, if any, of these techniques produce a more favorable outcome.") == []
    assert _er("Participants consumed a standardized breakfast followed by 1 of 3 lunch test meals [Control (C), "
               "avocado-free; Avocado Inclusive (AI); and, Avocado Added (AA)].") == []
    assert _er("Sixty-five HIV-1–uninfected adults were assigned to receive 1 of 4 prime-boost regimens.") == []
    # a count of people after "by" is still one event of a total
    assert _er("The infection was transmitted by 1 of 12 patients.") == [(1, 12, None)]


def test_a_slash_pair_followed_by_a_unit_is_a_value_not_a_count() -> None:
    # corpus/heldout/abstracts/PMC4064756.txt ("12/72 hours": 12.72 hours with its point lost)
    text = ("The median induction-to-abortion interval was shorter in sublingual group (12/72 hours in "
            "sublingual and 14/67 hours in vaginal).")
    assert _er(text) == []
    assert _er("Relapse occurred in 12/72 patients in the sublingual group.") == [(12, 72, None)]
