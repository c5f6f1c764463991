from __future__ import annotations

import pytest

from extractor.api import extract_text


def _ss(text: str):
    return extract_text(text).sample_size


def test_word_number_randomized() -> None:
    ss = _ss("Twenty-four subjects were randomized 1:1 to either UC-MSC treatment (n = 12) or the control group (n = 12).")
    assert ss.randomized == 24
    assert ss.evidence["randomized"].text == "Twenty-four"


def test_two_word_number_without_hyphen() -> None:
    ss = _ss("Forty eight third year medical students were randomized to use either an electronic stethoscope, or a conventional acoustic stethoscope.")
    assert ss.randomized == 48


def test_n_out_of_planned_gives_randomized_and_planned() -> None:
    ss = _ss("The board recommended that the trial halt enrollment as the reduction was unlikely to be achieved (n = 222 out of planned 300).")
    assert (ss.randomized, ss.planned) == (222, 300)


def test_screened_count_is_not_randomized() -> None:
    ss = _ss("Of the 3089 patients screened, 797 were randomized. The study was halted early for futility.")
    assert ss.randomized == 797


def test_analysed_total_stated_separately() -> None:
    ss = _ss("In this double blind, randomized, placebo-controlled study, 91 Kikyo patients with AD were enrolled. "
             "Seventy-seven out of 91 enrolled patients completed the 24-week treatment course (Hochu-ekki-to: n = 37, placebo: n = 40).")
    assert (ss.randomized, ss.analyzed) == (91, 77)


def test_eyes_keep_their_unit() -> None:
    ss = _ss("Sixty eyes of 30 myopic patients were prospectively recruited to a randomized fellow eye study.")
    assert ss.randomized == 60 and ss.unit == "eyes"


def test_dose_amount_is_not_a_participant_count() -> None:
    ss = _ss("Following venesection of 15 mL/kg of blood, participants were randomized to 20 mL/kg of crystalloid. Nine normotensive healthy adult volunteers participated.")
    assert ss.randomized == 9


def test_sum_of_per_arm_n_is_derived() -> None:
    ss = _ss("In a double-blind fashion, they received either placebo (n=25) or tranexamic acid (n=25) 10 mg/kg i.v. before tourniquet inflation.")
    assert ss.randomized == 50 and ss.derived


def test_randomised_subset_beats_enrolled_total() -> None:
    ss = _ss("A total of 408 patients were assessed for eligibility, from which 152 participants were enrolled into the study. "
             "120 participants were identified as non-adherent and randomised to the intervention or control group.")
    assert ss.randomized == 120


def test_two_counts_of_one_sentence_add_up() -> None:
    ss = _ss("Thirty pregnant and 10 nonpregnant women within the age group of 20-35 years having a probing pocket depth "
             "(PPD) of 3-4 mm were included in the study.")
    assert ss.randomized == 40


def test_respectively_counts_add_up_to_the_total() -> None:
    ss = _ss("A total of 32 and 31 subjects were enrolled under the PHF and HAART arms, respectively. "
             "Following mid-term safety evaluation, 12 subjects from the PHF arm were shifted to HAART.")
    assert ss.randomized == 63


def test_time_points_joined_by_and_are_not_counts() -> None:
    ss = _ss("At 12 and 24 weeks patients were enrolled in the follow-up study.")
    assert ss.randomized != 36


def test_hospitals_in_the_setting_are_not_the_sample_size() -> None:
    # BMJ-style abstract (ussher 2015): the setting names sites, the participants line the people
    from extractor import extract_text

    rec = extract_text(
        "Physical activity for smoking cessation in pregnancy: randomised controlled trial\n\n"
        "SETTING: 13 hospitals in England, April 2009 to January 2014.\n"
        "RESULTS: Smoking abstinence did not differ (8% v 6%)."
    )
    assert rec.sample_size.randomized is None


def test_villages_randomised_in_a_cluster_trial_are_the_sample_size() -> None:
    from extractor import extract_text

    rec = extract_text(
        "Bed nets and malaria: a cluster randomised trial\n\n"
        "METHODS: A cluster-randomised trial in 22 villages was done; villages were randomised to nets or no nets."
    )
    assert rec.sample_size.randomized == 22 and rec.sample_size.unit == "villages"


def test_count_as_subject_across_a_relative_clause_is_randomized() -> None:
    # BMJ participants line: ages and weeks sit between the count and "were randomised"
    from extractor import extract_text

    rec = extract_text(
        "Physical activity for smoking cessation in pregnancy: randomised controlled trial\n\n"
        "PARTICIPANTS: 789 pregnant smokers, aged 16-50 years and at 10-24 weeks' gestation, who smoked at least "
        "one cigarette daily and were prepared to quit smoking one week after enrollment were randomised (1:1); "
        "785 were included in the intention to treat analyses."
    )
    assert rec.sample_size.randomized == 789


def test_count_that_completed_a_questionnaire_is_not_randomized() -> None:
    from extractor import extract_text

    rec = extract_text("Smoking survey\n\nMETHODS: 789 pregnant smokers completed the questionnaire at 12 weeks.")
    assert rec.sample_size.randomized != 789 or rec.sample_size.evidence["randomized"].rule != "sample_size:lead_count_randomized"


def test_completers_are_not_the_randomised_total() -> None:
    # PMC3074545: the only people count in its own sentence is the completers
    from extractor import extract_text

    rec = extract_text(
        "Mentor support for mothers: a cluster randomised trial\n\n"
        "RESULTS: 133 (76.4%) women (90 I and 43 C) completed follow-up at 12 months."
    )
    assert rec.sample_size.randomized != 133


def test_a_fallback_count_of_women_still_counts_when_nothing_says_completed() -> None:
    from extractor import extract_text

    rec = extract_text("Iron in pregnancy\n\nMETHODS: A trial in 133 pregnant women compared iron with placebo.")
    assert rec.sample_size.randomized == 133


def test_count_of_things_before_a_preposition_is_not_a_count_of_people() -> None:
    text = (
        "Tolerability of Subcutaneously Administered Methotrexate Provided in Two Formulations of Different Drug "
        "Concentrations in Patients with Rheumatoid Arthritis\n\n"
        "METHODS: This was an open-label, comparative, within-patient controlled, multicentre study of 132 patients "
        "with rheumatoid arthritis (RA)."
    )
    assert _ss(text).randomized == 132
    # a name with "of" inside it still sits between the count and the people
    assert _ss("It is a prospective study conducted on 65 American Society of Anesthesiologists 1 children.").randomized == 65
    assert _ss("We conducted a randomized controlled trial involving 534 6- to 10-year-old urban and rural children.").randomized == 534


def test_parents_are_people() -> None:
    text = "PATIENTS: Parents (N = 178) with concerns about their 2- to 5-year olds' discipline were recruited."
    assert _ss(text).randomized == 178
    assert _ss("Parents of children in the placebo group (n = 12) received a call.").randomized is None


def test_were_able_to_complete_is_an_analysed_count() -> None:
    ss = _ss("In this crossover study, patients were randomly divided into two groups. "
             "RESULTS: Thirteen patients were able to complete the therapy period with these two medications.")
    assert (ss.randomized, ss.analyzed) == (None, 13)


def test_data_available_for_n_is_the_analysed_total() -> None:
    ss = _ss("A single blind randomised controlled trial of 204 people aged 65 years or more. "
             "RESULTS: Complete cost data were available for 198 patients at 4 and 10 month follow up.")
    assert (ss.randomized, ss.analyzed) == (204, 198)
    ss = _ss("RESULTS: Data from 45 patients (20 in intervention group, 25 in control group) were analyzed.")
    assert ss.analyzed == 45
    # a per-arm data count is not the total, and collected data are not analysed data
    assert _ss("Data for 131 active treatment participants and 125 control participants were analysed.").analyzed != 131
    assert _ss("Data were collected from 48 participants.").analyzed is None


def test_equal_groups_of_each_give_the_product() -> None:
    ss = _ss("In this single-blinded randomized control study, rats were separated into 4 groups of 7 rats each: "
             "Sugammadex (S), Sugammadex plus 20% lipid emulsion (SL), 20% lipid emulsion (L) and control (C).")
    assert ss.randomized == 28
    # computed, not stated: marked, with how
    assert ss.derived and ss.derivation == "4 groups x 7 each"


def test_subdivided_group_is_not_the_trial_total() -> None:
    ss = _ss("The experimental group was randomly subdivided into three groups of 10 each and received eight sessions of therapy.")
    assert ss.randomized != 30


def test_eligible_people_randomized_is_the_total() -> None:
    ss = _ss("RESULTS: A total of 1680 eligible patients were randomized to the Internet group (n=840) or the telephone group (n=840).")
    assert ss.randomized == 1680


def test_eligible_count_before_randomized_subset_is_screened() -> None:
    ss = _ss("Of 120 eligible patients, 100 were randomized to either drug or placebo.")
    assert ss.randomized == 100


def test_extracted_teeth_are_the_unit_randomised() -> None:
    ss = _ss("MATERIALS AND METHODS: Forty-five human premolars extracted for orthodontic purposes were randomly assigned "
             "to three groups based on conditioning method.")
    assert ss.randomized == 45 and ss.unit == "premolars"


def test_teeth_per_patient_are_not_the_total() -> None:
    ss = _ss("From each patient, two premolars (indicated for extraction due to orthodontic reasons) were randomly assigned to two different groups.")
    assert ss.randomized != 2


def test_age_range_between_people_and_randomized() -> None:
    ss = _ss("METHODS: Altogether 205 residents of Lieto municipality aged ≥75 years were randomized in 2012 to receive brief education "
             "on pulse palpation. Overall, 139 (68%) subjects had initial good motivation.")
    assert ss.randomized == 205


def test_people_served_by_randomised_sites_are_not_the_total() -> None:
    ss = _ss("Twenty SDCs serving 1,830 children aged 5-12 years were assigned to MVPA intervention (n = 10) or healthy eating attention control (n = 10).")
    assert ss.randomized != 1830


def test_teeth_as_tissue_source_are_not_the_sample() -> None:
    ss = _ss("METHODS AND MATERIALS: SCAPs were isolated from two semi-impacted third molars. The cells were cultured in wells of an insert 24-well plate.")
    assert ss.randomized is None


def test_per_arm_count_times_equal_allocation() -> None:
    ss = _ss("METHODS: Patients received etanercept 50 mg twice weekly for 12 weeks and were randomized 1 : 1 to receive methotrexate or placebo. "
             "RESULTS: In total, 239 patients were enrolled in each arm.")
    assert ss.randomized == 478
    assert ss.derived and ss.derivation == "239 per arm x 2 arms (equal allocation)"


def test_per_arm_count_without_arm_number_is_not_the_total() -> None:
    ss = _ss("RESULTS: The trial was completed with 530 women enrolled in each group.")
    assert ss.randomized != 530


def test_sites_of_the_setting_are_not_a_fallback_total() -> None:
    ss = _ss("We re-analysed individual level data for a parallel arm randomized controlled trial that was conducted in six outpatient "
             "obstetrical practices in the United States.")
    assert ss.randomized is None


def test_stated_total_is_not_derived() -> None:
    ss = _ss("A total of 120 patients were randomized to drug or placebo.")
    assert ss.randomized == 120 and not ss.derived and ss.derivation is None


def test_sum_of_stated_parts_is_derived() -> None:
    ss = _ss("Thirty pregnant and 10 nonpregnant women within the age group of 20-35 years were included in the study.")
    assert ss.randomized == 40
    assert ss.derived and ss.derivation == "Thirty + 10 (sum of the stated parts)"


def test_number_words_joined_by_and_are_one_stated_number() -> None:
    # "One hundred and sixty" is one number, not 100 + 60
    ss = _ss("One hundred and sixty patients were enrolled and randomly allocated to two groups.")
    assert ss.randomized == 160 and not ss.derived


def test_sum_of_arms_total_says_how_it_was_derived() -> None:
    ss = _ss("Patients were randomized to drug (n = 40) or placebo (n = 42).")
    assert ss.randomized == 82
    assert ss.derived and ss.derivation is not None and "40 + 42" in ss.derivation


def test_people_count_before_a_comma_is_not_the_enrolled_subject() -> None:
    ss = _ss("RESULTS: After mailing invitations to 1,348 patients, 104 patients were initially enrolled in the RCT of colon cancer screening.")
    assert ss.randomized == 104
    # modifiers without a comma still join the count to its noun
    assert _ss("Forty-two adult, non-smoking patients were enrolled in the trial.").randomized == 42


def test_enrolled_or_studying_before_the_count() -> None:
    assert _ss("MATERIALS AND METHODS: We enrolled 200 patients with AF (76.0% men). "
               "Post-procedural provocations were conducted in 100 patients.").randomized == 200
    ss = _ss("METHODS: We carried out a randomized controlled trial, studying 106 veterans with SCI from three Veterans Affairs rehabilitation centers.")
    assert ss.randomized == 106
    # "enrolled, 50": the count after a comma is not what was enrolled
    assert _ss("Of the patients enrolled, 50 women completed the diary.").randomized != 50


def test_count_words_cover_the_num_define() -> None:
    # _count_starts finds word counts only from COUNT_WORDS: every word <<num>> opens with
    import re

    from extractor.fields import sample_size as s
    from extractor.rules import load_rules

    num = load_rules("sample_size").defines["num"]
    first = re.search(r"\(\?:\(\?:([a-z|]+)\)", num)
    assert first is not None
    assert set(first.group(1).split("|")) <= s.COUNT_WORDS


def test_rules_matched_at_counts_find_what_finditer_finds() -> None:
    # rules tried only where a count (or in_num_people's lead) starts, before a people noun
    # where they need one, must yield exactly
    # what scanning every position yields, on their examples and on harder texts
    from extractor.fields import sample_size as s
    from extractor.normalize import plain_case
    from extractor.rules import load_rules

    rules = load_rules("sample_size")
    texts = [ex for r in rules.rules for ex in (*r.examples.match, *r.examples.no_match)] + [
        "Of 120 screened, 5,10 eyes of 3 patients and Twenty-four subjects, in the 24 patients: 30 women were randomized.",
        "ſeventy patients were randomized; 1,234 participants were enrolled and 12.5 mg, 95% of 40 patients completed.",
        "Overall 1,234 participants were enrolled, and 2,000 of 3,100 enrolled patients completed the trial.",
        "In 12 hospitals, thirty two and 10 nonpregnant women were enrolled at 3 sites; in  ſix adults: 7\u00a0children.",
        "Forty healthy controls and 12 PATIENTS were enrolled in 2 centres with 30 knees of 20 athletes; 5 eyes were randomized.",
    ]
    for text in texts:
        low = text.lower()
        found = set(s._WORDS.findall(low))
        plain = plain_case(text)
        words = tuple(sorted(s.COUNT_WORDS & found)) if plain else None
        nouns = tuple(sorted(s._PEOPLE_WORDS & found)) if plain else None
        counts = s._count_starts(text, low, words)
        starts = (counts, s._before_people(counts, low, nouns))
        for rule in rules.rules:
            want = [m.span() for m in rule.finditer(text)]
            assert [m.span() for m in s._matches(rule, text, starts)] == want, (rule.id, text)


def test_a_long_run_of_digits_before_no_space_is_scanned_once_and_loses_no_field() -> None:
    # _DIGIT_RUN was tried at every digit of a run followed by no space, each try running to
    # the run's end: quadratic, and "(n=777...7)" of 20,000 digits ran past the regex time
    # limit ("sample_size: pattern matching timed out; field left empty")
    r = extract_text("Title\n\nMETHODS: Eligible patients (N=187) were randomized to drug 2.5 mg (n="
                     + "7" * 20_000 + ") or placebo (n=93).")
    assert r.warnings == []
    assert r.sample_size.randomized == 187
    assert [(a.label, a.n) for a in r.arms if a.label == "placebo"] == [("placebo", 93)]


def test_a_year_before_the_count_is_not_the_sample_size() -> None:
    # the adjective run of "2010 ... patients" took "and July 2013, 269" as modifiers: about
    # twenty abstracts of the 3,147 reported a year as the randomised total
    ss = _ss("RESULTS: Between April 2010 and July 2013, 269 patients were enrolled and assigned to treatment groups.")
    assert (ss.randomized, ss.evidence["randomized"].text) == (269, "269")
    assert _ss("RESULTS: Between November 1999 and June 2001, 39 patients were randomized for the study.").randomized == 39


def test_a_count_of_sites_before_the_count_of_people_is_not_the_sample_size() -> None:
    ss = _ss("Thirty eight general practices and 601 (365 usual care, 236 additional lifestyle support) patients "
             "were recruited and randomised independently.")
    assert ss.randomized == 601


def test_a_number_inside_a_name_stays_a_modifier() -> None:
    # "type 2", "1 or 2": numbers that belong to the noun phrase, not a second count
    assert _ss("METHODS: 49 type 2 diabetes patients with neuropathy were randomized into two groups.").randomized == 49
    ss = _ss("METHODS: Fifty two ASA physical status 1 or 2 patients were enrolled in a randomized trial.")
    assert ss.randomized == 52


def test_counts_allocated_to_each_arm_sum_to_the_total() -> None:
    ss = _ss("RESULTS: Eighteen patients were randomized to receive atacicept and 9 to receive placebo.")
    assert (ss.randomized, ss.derived, ss.derivation) == (27, True, "Eighteen + 9 (the counts allocated to each arm)")
    ss = _ss("FINDINGS: Between May 18, 2010, and Feb 26, 2015, 27 patients were randomly assigned to the standard care, "
             "26 to the G-CSF group, and 28 to the G-CSF plus stem-cell infusion group.")
    assert ss.randomized == 81
    ss = _ss("Thirty patients were randomly assigned to receive acarbose, and 30 patients were assigned to receive pioglitazone.")
    assert ss.randomized == 60
    # the verb first: "we randomly assigned 162 patients to A and 164 to B"
    assert _ss("We randomly assigned 162 patients to the salbutamol group and 164 to the placebo group.").randomized == 326


def test_a_total_split_into_arms_is_not_summed_again() -> None:
    ss = _ss("5800 participants were randomised, of whom 2915 smokers were allocated to the txt2stop intervention and "
             "2885 were allocated to the control group.")
    assert (ss.randomized, ss.derived) == (5800, False)
    ss = _ss("METHODS: 90 obese female patients were randomly assigned to conditions (31 to ECT, 30 to CBT, and 29 to IP).")
    assert (ss.randomized, ss.derived) == (90, False)
    # a later count that is no arm's: part of the randomised
    assert _ss("Prior to trial halt, 101 participants were randomized and 50 received primaquine.").randomized == 101


def test_a_year_after_a_month_is_never_a_count() -> None:
    ss = _ss("METHODS: Between March 2007 and April 2011, children with a history of RUTI were randomly assigned to "
             "receive probiotics or antibiotics. RESULTS: Forty-one children completed the study.")
    assert ss.randomized != 2007
    assert _ss("From June 2013 to June 2014, 120 patients were randomly divided into two groups.").randomized == 120


def test_a_count_of_groups_of_people_is_not_a_count_of_people() -> None:
    ss = _ss("In a trial from 2007 to 2011, two groups of patients (35 patients in each group) were enrolled in the study.")
    assert ss.randomized != 2
    assert _ss("Patients were randomized into two groups of 30 patients each.").randomized == 60


def test_the_number_of_a_name_is_not_a_count() -> None:
    # "type 2 diabetes ... units of two secondary health centres ... were allocated" gave 2
    ss = _ss("A total of 151 adults (76% women, mean age 52.5) with type 2 diabetes (HbA1c≥8%), treated in the "
             "diabetes consultation units of two secondary health centres in Bamako, were allocated to peer-led "
             "structured patient education (n = 76) or conventional care (n = 75).")
    assert ss.randomized == 151
    # a count of sites alone still stands
    assert _ss("Thirteen practices were randomised to intervention or control.").randomized == 13


def test_a_count_of_excluded_people_or_of_one_arm_is_not_the_total() -> None:
    ss = _ss("RESULTS: In total, 4 patients were excluded from the analyses, 50 patients were in the TA group, "
             "and 46 in the placebo group.")
    assert ss.randomized not in (4, 50)
    assert _ss("RESULTS: Ten patients dropped out of the study from each treatment arm.").randomized is None


def test_a_determiner_after_a_comma_starts_a_new_noun_phrase() -> None:
    # "In two ... studies, all volunteers": the count is of studies
    ss = _ss("METHODS: In two double-blind, parallel-arm, randomized controlled studies, all volunteers started "
             "with a run-in.")
    assert ss.randomized is None
    assert _ss("Thirty-two healthy, young men were randomized.").randomized == 32


def test_completers_with_their_arms_counts_in_brackets_are_the_analysed_total() -> None:
    ss = _ss("METHODS: Eighty infants aged four weeks to five months were enrolled; 72 (test group = 37; control group = 35) "
             "completed the study.")
    assert (ss.randomized, ss.analyzed) == (80, 72)
    assert _ss("RESULTS: Of 421 enrolled participants, 417 (99%) completed follow-up.").analyzed == 417


def test_eligible_among_the_adjectives_of_the_people_allocated_is_not_a_screened_count() -> None:
    ss = _ss("Twenty-two eligible healthy untrained young women aged 22-31 years were allocated randomly to the "
             "30-Hz (n=11) and 50-Hz (n=11) groups.")
    assert ss.randomized == 22
    # a part of the eligible people ("N out of M eligible") stays no total
    assert _ss("A total of 1214 out of 8477 potentially eligible physicians responded to our survey, for an overall "
               "response rate of 14.3%.").randomized != 1214


def test_less_frequent_people_animals_and_sites_are_counted() -> None:
    ss = _ss("[Subjects and Methods] Thirty-four soccer players were randomly assigned to receive either rest (the control "
             "group) or three 30-minute sessions of Thai massage over a period of 10 days.")
    assert ss.randomized == 34
    assert _ss("METHODS: Ten swine were randomized into 2 groups: group A, colorectal anastomosis without leakage; and group B, "
               "colorectal anastomosis with leakage.").randomized == 10
    # in a cluster trial the clinics are the unit randomised
    ss = _ss("METHODS: The Moffitt Patient Navigation Research Program conducted a cluster randomized design with 10 primary "
             "care clinics. Patients were navigated from time of a breast screening abnormality to diagnostic resolution.")
    assert (ss.randomized, ss.unit) == (10, "clinics")
    # a food is no count: "three fish meals per week"
    assert _ss("Subjects were randomized either to a healthy Nordic diet (ND, n = 93), rich in whole grain rye and wheat, as "
               "well as berries, fruits and vegetables, rapeseed oil, three fish meals per week and low-fat dairy products, "
               "or a control diet (n = 65) for 18/24 weeks.").randomized != 3


def test_a_week_or_day_number_is_not_a_count() -> None:
    ss = _ss("Week 16 ACR20 responders were randomized 1:1:1 at week 18 to CZP 200 mg every 2 weeks, 400 mg every 4 weeks, "
             "or placebo.")
    assert ss.randomized != 16
    assert _ss("Sixteen leeches were randomly divided into 3 groups: a control group, a deep anchoring suture group, and a "
               "superficial anchoring suture group.").randomized == 16


def test_sites_in_one_named_group_of_a_cluster_trial_are_that_arms_not_the_total() -> None:
    text = ("Implementation of patient education at first and second dispensing of statins in Dutch community pharmacies: "
            "the sequel of a cluster randomized trial\n\nRESULTS: Of the 37 pharmacies in the intervention group, 17 "
            "pharmacies (50%) provided EAFD and 12 pharmacies (35.3%) provided EASD compared to 14 pharmacies (45.2%, "
            "P = 0.715) and 12 pharmacies (38.7%, P = 0.899), respectively, of the 34 pharmacies in the control group.")
    assert _ss(text).randomized not in (37, 17, 12, 14, 34)
    # an age group is no arm
    assert _ss("MATERIALS AND METHODS: Ten patients in the age group of 20-50 years showing bilateral gingival recessions "
               "were treated.").randomized == 10


def test_sites_after_attending_are_the_setting_not_the_unit() -> None:
    ss = _ss("METHODS: Patients with pollinosis attending 11 otorhinolaryngology clinics in Tokyo during part of pollen "
             "season (February 18-26) were enrolled and assigned to either an anti-leukotriene agent (pranlukast) or an "
             "antihistamine based on their symptoms in the previous year.")
    assert ss.randomized != 11
    assert _ss("Twenty-one community pharmacies volunteered to participate in the project and were randomly assigned to "
               "intervention or control groups.").randomized == 21


def test_a_group_size_followed_by_the_next_groups_is_not_the_total() -> None:
    ss = _ss("A random sample of GPs (n = 289) and participants from the general population (n = 513) was used as "
             "contrast group.")
    assert ss.randomized != 289
    ss = _ss("PARTICIPANTS: Smokers (n = 1071) received seven weekly behavioural support sessions and were randomized to "
             "an NRT product of their choice (n = 418), bupropion (n = 409) or NRT plus bupropion (n = 244).")
    assert ss.randomized == 1071


def test_a_count_with_its_share_or_its_numerator_is_a_result() -> None:
    ss = _ss("Overall, 180 (81%) of patients given early pramipexole and 179 (84%) patients given delayed pramipexole "
             "reported adverse events (most frequently nausea).")
    assert ss.randomized != 180
    assert _ss("Hospital readmission occurred for 18 of the 103 (17.5%) CoPAT patients.").randomized is None
    # a share describing the sample is not a result
    assert _ss("Results. 120 SAH patients (52% females) with a mean age of 50.6 ± 7 years were evaluated.").randomized == 120


def test_counts_of_groups_listed_in_turn_are_not_the_total() -> None:
    ss = _ss("RESULTS: Nine general practitioners participated in the critical reading workshop, nine in the "
             "problem-based learning workshop, and ten were assigned to the control group.")
    assert ss.randomized != 9
    ss = _ss("RESULTS: In total, 287 smokers were recruited: 81 in the III, 111 in the IGI, and 95 in the MI.")
    assert ss.randomized == 287


def test_groups_of_a_stated_size_without_each_give_the_product() -> None:
    ss = _ss("They were randomly divided into 2 groups of 30 patients.")
    assert (ss.randomized, ss.derived, ss.derivation) == (60, True, "2 groups x 30 each")
    assert _ss("Patients were randomized to two groups of 35 receiving HHHFNC after treatment with nCPAP, with one group "
               "using MR850 humidifier and the other PMH7000.").randomized == 70
    # the arms' counts in brackets say the size is the total
    ss = _ss("METHODS: Two consecutive, randomised, double-blinded, supplementation studies including two homogeneous groups "
             "of 41 severely burned patients (20 placebo and 21 intervention) admitted to the burn centre of a university "
             "hospital were combined.")
    assert ss.randomized == 41
    # a size of things, not of the people randomised
    assert _ss("Volunteers were randomized to two groups of three sequential hospital admissions to receive 30 mg (base) "
               "primaquine, 3 tablets of dihydroartemisinin-piperaquine (120/960 mg), and the drugs together at the same "
               "doses.").randomized != 6


def test_one_sex_of_a_sample_given_by_sex_is_not_the_total() -> None:
    ss = _ss("MATERIALS AND METHODS: A total of 40 males and 40 females were randomly assigned to the four groups, namely "
             "group I (vehicle control; gum acacia), group II, group III and group IV.")
    assert (ss.randomized, ss.derived) == (80, True)
    ss = _ss("Eighty-six medical students comprising 62 men and 24 women were randomly assigned to either 20 min of "
             "hands-on learning with a bench model simulator or 20 min of video-learning using an instructional video.")
    assert ss.randomized == 86


def test_a_sample_given_by_sex_without_a_verb_sums_its_parts() -> None:
    ss = _ss("METHODS: Sixteen men and 47 women ranging in age from 18 to 77 years [mean 53 +/- 13] with LDL cholesterol "
             "levels that were normal or slightly elevated but acceptable for subjects at low risk of coronary artery "
             "disease were recruited from general gastroenterology and low risk lipid clinics.")
    assert (ss.randomized, ss.derivation) == (63, "Sixteen + 47 (sum of the stated parts)")
    # one group's breakdown by sex is not the total
    ss = _ss("active duty Soldiers participating in a professional military course were assigned to treatment (n = 20; "
             "16 males and 4 females) or placebo (n = 23; 15 males and 8 females) based on initial marksmanship score.")
    assert ss.randomized not in (20, 23)


def test_a_pool_named_enrolled_before_its_parts_is_the_total() -> None:
    # "Of 421 enrolled participants, 417 (99%) completed": the completers are a part of the total
    ss = _ss("RESULTS: Of 421 enrolled participants, 417 (99%) completed follow-up. The unadjusted risk of recurrence was lower.")
    assert (ss.randomized, ss.evidence["randomized"].rule) == (421, "sample_size:of_num_enrolled")
    ss = _ss("Among 136 randomized patients, 129 were included in the intent-to-treat population: 66 in the GOT+IOT and 63 in the GOT alone groups.")
    assert ss.randomized == 136
    # not a total without the comma that opens its parts
    ss = _ss("A subgroup analysis of 40 included patients showed no difference.")
    assert ss.randomized is None or ss.evidence["randomized"].rule != "sample_size:of_num_enrolled"


def test_the_part_allocated_from_a_pool_is_the_total() -> None:
    # "Of 239 registered patients, 216 were randomly assigned": the pool is not the total
    ss = _ss("FINDINGS: Of 239 registered patients, 216 were randomly assigned to either idarubicin (109 analysed) or mitoxantrone (103 analysed).")
    assert ss.randomized == 216
    ss = _ss("Among 105 consecutive HCV genotype 4 patients, 39 were enrolled based on the optimal sample size; 20 to the Pioglitazone group and 19 to the Prednisone group.")
    assert ss.randomized == 39
    # a pool said to be enrolled, then divided among the arms: the arms' counts sum to it
    ss = _ss("RESULTS: Of the 139 patients enrolled, 66 were randomized to citrate and 73 to heparin.")
    assert ss.randomized == 139
    # a part included in the analysis is the analysed set, not the total
    ss = _ss("RESULTS: Of 144 randomised patients, 5 were excluded and 139 started taking abatacept.")
    assert ss.randomized == 144


def test_a_study_that_involved_or_comprised_its_sample_counts_it() -> None:
    assert _ss("MATERIAL/METHODS: This study involved 128 patients (average age: 42.9±11.1 years) with arterial hypertension.").randomized == 128
    assert _ss("The sample comprised 148 adolescents aged from 13 to 16 years.").randomized == 148
    assert _ss("This was a clinical trial conducted among 75 full-term and near-term infants who underwent venipuncture.").randomized == 75
    # "among" inside a clause about another study is no sample of this one
    ss = _ss("In a case-control study among 2064 South African women to investigate the risk of cancer, we found a reduction.")
    assert ss.randomized is None


def test_completers_with_a_percent_after_the_people_are_the_analysed_total():
    # gold-tune4 PMC4224669; also "Fifty-one subjects (35 men and 16 women) completed the study"
    ss = _ss("A total of 356 patients were randomized. Two hundred ninety-one patients (81.7%) completed the study.")
    assert (ss.randomized, ss.analyzed) == (356, 291)
    ss = _ss("A total of 356 patients were randomized. Two hundred ninety-one patients (81.7%) were randomized again.")
    assert ss.analyzed is None


def test_a_total_of_completers_is_the_analysed_total_not_the_randomised_one() -> None:
    ss = _ss("A randomized, controlled, crossover trial was conducted in Boston. "
             "A total of 45 CAD patients (27 F/18 M, 45–77 y, BMI = 20-41 kg/m2) completed the study.")
    assert (ss.randomized, ss.analyzed) == (None, 45)
    ss = _ss("A total of 45 CAD patients (27 F/18 M, 45–77 y, BMI = 20-41 kg/m2) were randomized to the two diets.")
    assert (ss.randomized, ss.analyzed) == (45, None)


def test_of_whom_n_were_included_in_the_primary_analysis_is_analysed() -> None:
    ss = _ss("RESULTS: In total, 680 patients were randomised, of whom 668 were included in the primary analysis.")
    assert (ss.randomized, ss.analyzed) == (680, 668)
    ss = _ss("RESULTS: In total, 680 patients were randomised, of whom 668 were women.")
    assert (ss.randomized, ss.analyzed) == (680, None)


def test_included_in_a_named_analysis_is_analysed() -> None:
    ss = _ss("MATERIALS AND METHODS: 191 chemotherapy-naïve patients were randomized to receive TOMOX or FOLFOX4. "
             "RESULTS: 183 patients were included in the intent-to-treat analysis (92 TOMOX and 91 FOLFOX4).")
    assert (ss.randomized, ss.analyzed) == (191, 183)


def test_randomised_and_included_in_the_analysis_is_both_totals() -> None:
    ss = _ss("RESULTS: Over a 3-year period, 286 patients were randomized, received the intervention and were included in the analysis.")
    assert (ss.randomized, ss.analyzed) == (286, 286)
    ss = _ss("RESULTS: Over a 3-year period, 286 patients were randomized, received the intervention and were followed up.")
    assert (ss.randomized, ss.analyzed) == (286, None)


def test_enrolled_and_n_completed_at_the_end_of_the_clause_is_analysed() -> None:
    ss = _ss("RESULTS: Ninety-eight patients were enrolled and 93 completed. Steady-state GH concentrations were similar.")
    assert (ss.randomized, ss.analyzed) == (98, 93)
    ss = _ss("RESULTS: Ninety-eight patients were enrolled and 93 completed the questionnaire on day 3.")
    assert (ss.randomized, ss.analyzed) == (98, None)


def test_completers_described_with_a_with_phrase_are_analysed() -> None:
    ss = _ss("24 patients were randomized to receive either Generic Losartan or Original-Losartan for 6 weeks. "
             "22 patients with average age of 54 and averaged office BP 154/88 completed the 12 weeks study.")
    assert (ss.randomized, ss.analyzed) == (24, 22)
    ss = _ss("24 patients were randomized to receive either Generic Losartan or Original-Losartan for 6 weeks. "
             "Twenty patients (40%) finished the study with levels >40 mg/dL.")
    assert (ss.randomized, ss.analyzed) == (24, None)


def test_a_day_of_a_list_of_days_is_no_analysed_count() -> None:
    ss = _ss("METHODS: Twenty-nine colicky infants were enrolled and randomly assigned to receive L. reuteri or placebo. "
             "The microbiota of faecal samples from day 1 and 21 were analyzed using 454 pyrosequencing.")
    assert (ss.randomized, ss.analyzed) == (29, None)


def test_n_out_of_the_m_subjects_completed_gives_both_totals() -> None:
    ss = _ss("RESULTS: Twenty-two out of the 27 subjects completed the study. Four patients withdrew due to adverse events.")
    assert (ss.randomized, ss.analyzed) == (27, 22)


def test_one_arm_in_each_sequence_is_not_the_total() -> None:
    ss = _ss("RESULTS: Twenty-one subjects received randomized therapy in each treatment sequence (total N = 42), "
             "and overall, 37 (88 %) subjects completed the study.")
    assert ss.randomized != 21 and ss.analyzed == 37


def test_schoolchildren_and_parturients_are_people() -> None:
    ss = _ss("A randomized, double-blind, placebo-controlled trial was conducted on 250 Orang Asli (aboriginal) schoolchildren in Malaysia "
             "to investigate the effects of a single high-dose of vitamin A supplementation (200,000 IU) on iron status indices.")
    assert ss.randomized == 250
    ss = _ss("METHODS: Fifty parturients were randomly divided into two equal groups.")
    assert ss.randomized == 50
    ss = _ss("A randomized trial was conducted on 250 Orang Asli (aboriginal) blood samples in Malaysia.")
    assert ss.randomized is None


def test_what_was_analysed_for_n_participants_gives_the_analysed_total() -> None:
    ss = _ss("Twenty-three men received 300 μg selenium per day in the form of selenized yeast (n=12) or a placebo (n=11) during 5 weeks. "
             "Prostate biopsies collected from the transition zone before and after intervention were analysed for 15 participants (n=8 selenium, n=7 placebo).")
    assert (ss.randomized, ss.analyzed) == (23, 15)
    ss = _ss("Twenty-three men received 300 μg selenium per day in the form of selenized yeast (n=12) or a placebo (n=11) during 5 weeks. "
             "Testosterone levels were available for 15 and 12 participants, respectively.")
    assert (ss.randomized, ss.analyzed) == (23, None)


def test_a_fallback_count_allocated_to_one_arm_adds_the_next_arms_count() -> None:
    ss = _ss("RESULTS: The participants were evenly divided between the two groups: 202 participants were allocated to the "
             "intervention group and 200 participants to the control group.")
    assert ss.randomized == 402
    ss = _ss("RESULTS: The participants were evenly divided between the two groups: 202 participants were allocated to the "
             "intervention group.")
    assert ss.randomized == 202


def test_the_next_arms_count_may_be_a_word() -> None:
    ss = _ss("Twenty-three patients were randomized to the WL intervention and twenty-one patients to usual care.")
    assert ss.randomized == 44
    ss = _ss("Eight UC patients received 2,000 IU/daily and ten UC patients received 300 IU/daily of vitamin D3.")
    assert ss.randomized == 18


def test_a_range_after_a_list_is_no_arms_count() -> None:
    ss = _ss("METHODS: In this double-blind, multicenter trial, 121 patients received fulvestrant 500 mg on Day 1 plus anastrozole "
             "(F + A); fulvestrant plus anastrozole placebo (F); or fulvestrant placebo plus anastrozole (A), 2 to 3 weeks before surgery.")
    assert ss.randomized == 121


def test_a_fallback_count_before_were_eligible_is_screened() -> None:
    ss = _ss("PARTICIPANTS: In this follow-up to the TREEE study, 229 frail patients, aged ≥75 years, in need of acute in-hospital "
             "treatment, were eligible. Of these patients, 139 patients were included in the analysis, 72 allocated to the CGA unit group and 67 to the conventional care group.")
    assert ss.randomized != 229
    ss = _ss("PARTICIPANTS: In this follow-up to the TREEE study, 229 frail patients, aged ≥75 years, in need of acute in-hospital "
             "treatment, were admitted to the study wards.")
    assert ss.randomized == 229


def test_evaluable_patients_are_the_analysed_total() -> None:
    ss = _ss("RESULTS: Forty-eight subjects were enrolled and 41 were evaluable. There was a significant mean reduction in total lesion count.")
    assert (ss.randomized, ss.analyzed) == (48, 41)
    ss = _ss("RESULTS: Forty-eight subjects were enrolled and 41 were eligible for the extension.")
    assert ss.analyzed is None


def test_the_analysis_set_that_included_n_people_is_the_analysed_total() -> None:
    ss = _ss("Fifty patients were randomized to topical lidocaine (Lozenge group) or standard pain treatment (Control group). "
             "The efficacy analysis included 38 patients, as 12 patients were excluded because of changes in study drug.")
    assert (ss.randomized, ss.analyzed) == (50, 38)
    ss = _ss("Fifty patients were randomized to topical lidocaine or standard pain treatment. "
             "The final sample consisted of five subjects in Group V, nine subjects in Group P, and seven subjects in Group C.")
    assert (ss.randomized, ss.analyzed) == (50, None)


def test_an_analysed_total_dropped_as_the_randomised_one_leaves_no_evidence() -> None:
    ss = _ss("Forty-five patients were randomized to A or B. Data from 45 patients were analysed.")
    assert (ss.randomized, ss.analyzed) == (45, None)
    assert "analyzed" not in ss.evidence


@pytest.mark.parametrize("sentence,expected", [
    ("Of these, 27 were offered participation, and 24 were randomized (CONSORT diagram): 14 to CIAT and to 10 to no-intervention.", 24),
    ("RESULTS: 1785 were randomised (standard n=592, TEQ-10 n=602, TEQ-20 n=591).", 1785),
    ("In total, 256 patients were registered and 236 were randomly assigned.", 236),
    ("RESULTS: Of 364 physicians attempting to register, 102 were randomised to the intervention and 103 to the control.", 205),
])
def test_a_bare_count_before_the_randomisation_verb_is_the_total(sentence: str, expected: int) -> None:
    assert extract_text(sentence).sample_size.randomized == expected


def test_a_bare_count_allocated_to_one_arm_or_a_year_is_not_the_total() -> None:
    one_arm = ("Of the 1,736 patients the researchers recruited into the trial, 873 were randomized to receive "
               "the intervention and 863 were in the control group (usual care).")
    assert extract_text(one_arm).sample_size.randomized == 1736
    years = "Two cohorts living in two areas of New York between 2000 and 2007 were randomized to televisits or usual care."
    assert extract_text(years).sample_size.randomized is None


def test_completers_included_in_the_analysis_are_not_the_randomised_total() -> None:
    # corpus/heldout/abstracts/PMC4736250.txt
    text = ("Participants (n = 401) were recruited into a 6 month randomised controlled trial. RESULTS: A total of "
            "151 (75.1 %) intervention and 159 (79.5 %) control group participants completed post-test and were "
            "included in the analysis.")
    assert extract_text(text).sample_size.randomized == 401
    # who completed a run-in and was then randomised is the total (corpus PMC4360719)
    run_in = ("PARTICIPANTS: 148 patients with COPD who had completed at least 60% of a standard PR programme were "
              "randomised and data are available for 110 patients.")
    assert extract_text(run_in).sample_size.randomized == 148
