from __future__ import annotations

from extractor.api import extract_text

SEED0 = ("Twenty-four subjects were randomized 1:1 to either UC-MSC treatment (n = 12) or the control group (n = 12). "
         "Subjects in the UC-MSC treatment group received two intravenous infusions (at day 0 and 3) of 100 ± 20 × 106 UC-MSCs; "
         "controls received two infusions of vehicle solution. Both groups received best standard of care.")


def test_allocation_list_with_per_arm_n() -> None:
    arms = extract_text(SEED0).arms
    assert [(a.label, a.role, a.n) for a in arms] == [("UC-MSC", "intervention", 12), ("control", "control", 12)]


def test_dose_belongs_to_the_arm_and_vehicle_is_not_a_dose() -> None:
    arms = extract_text(SEED0).arms
    assert [(d.value, d.unit) for d in arms[0].doses] == [(100_000_000, "cells")]
    assert arms[1].doses == []


def test_event_rate_denominators_give_arm_sizes() -> None:
    text = ("Patients were randomized to two infusions of 2 million cells/kg or sham infusions, in addition to the standard of care. "
            "The trial halted enrollment (n = 222 out of planned 300). "
            "Thirty-day mortality was 37.5% (42/112) in cell recipients versus 42.7% (47/110) in control patients.")
    arms = extract_text(text).arms
    assert [(a.role, a.n) for a in arms] == [("intervention", 112), ("control", 110)]


def test_three_arms_in_order_with_placebo_control() -> None:
    text = ("32 healthy men were allocated to prednisolone 7.5 mg once daily (n = 12), prednisolone 30 mg once daily (n = 12), "
            "or placebo (n = 8) for 2 weeks using block randomisation.")
    arms = extract_text(text).arms
    assert [a.n for a in arms] == [12, 12, 8]
    assert [a.role for a in arms] == ["intervention", "intervention", "control"]


def test_no_arms_without_groups() -> None:
    assert extract_text("Data were collected at baseline from 1,050 pregnant women.").arms == []


def test_groups_named_only_by_group_mentions_with_n_in_group() -> None:
    text = ("The 128 patients were randomly divided to 2 groups: 64 in the experimental group were treated with laser therapy; "
            "the other 64 were in a control group treated with topical lacquer monotherapy.")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("experimental", 64), ("control", 64)]


def test_coded_groups_get_their_doses() -> None:
    text = ("60 women undergoing elective cesarean section were allocated into three groups of 20 each. "
            "Epidural analgesia was administered with sufentanil 50 mcg in Group S; morphine 4 mg in Group M; "
            "and a combination was used in Group SM.")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["group S", "group M", "group SM"]
    assert [(d.value, d.unit) for d in arms[0].doses] == [(50, "mcg")]


def test_either_or_within_subject_conditions_have_no_n() -> None:
    text = ("Dose response curves were constructed after 2 week treatment periods with either terbutaline or placebo "
            "in a double blind, randomised and cross-over design.")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("terbutaline", None), ("placebo", None)]


def test_respectively_list_gives_per_arm_n_and_short_form_labels() -> None:
    text = ("A total of 32 and 31 subjects were enrolled under the PHF and highly active antiretroviral treatment (HAART) arms, "
            "respectively, and followed up for a period of 24 months. Following mid-term safety evaluation, 12 subjects from the "
            "PHF arm were shifted to HAART and were followed separately as PHF-to-HAART arm.")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("PHF", 32), ("HAART", 31)]


def test_respectively_needs_as_many_counts_as_groups() -> None:
    text = "A total of 32 and 31 subjects were enrolled under the PHF arm, respectively."
    assert all(a.n is None for a in extract_text(text).arms)


def test_groups_listed_in_parentheses_get_respective_doses() -> None:
    text = ("The administration of atropine was randomized into three groups (A, B, C at 10, 20 and 40 mcg/kg/min of "
            "dobutamine, respectively).")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["group A", "group B", "group C"]
    assert [[(d.value, d.unit) for d in a.doses] for a in arms] == [[(10, "mcg/kg/min")], [(20, "mcg/kg/min")], [(40, "mcg/kg/min")]]


def test_groups_given_a_list_respectively_outrank_a_shorter_list() -> None:
    text = ("120 women were selected by simple random sampling method, and divided into three groups and were given "
            "vitamin B6, placebo, and ginger, respectively.")
    assert [a.label for a in extract_text(text).arms] == ["vitamin B6", "placebo", "ginger"]


def test_groups_of_n_each_fill_every_arm() -> None:
    text = ("Six hundred consenting patients with MNG were randomized to three groups of 200 patients each: total "
            "thyroidectomy (TT), Dunhill operation (DO), bilateral subtotal thyroidectomy (BST).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("TT", 200), ("DO", 200), ("BST", 200)]


def test_n_equal_to_the_whole_total_is_not_one_arm() -> None:
    text = ("We conducted a 1-year cluster randomized controlled trial in 22 regions divided into an intervention group (IG) "
            "or control group (CG).")
    arms = extract_text(text).arms
    assert [(a.label, a.role, a.n) for a in arms] == [("intervention", "intervention", None), ("control", "control", None)]


def test_doses_of_one_drug_keep_the_amount_in_the_label() -> None:
    text = "Patients were randomized to gantenerumab 105 mg or 225 mg or placebo every 4 weeks by subcutaneous injection."
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["gantenerumab 105 mg", "gantenerumab 225 mg", "placebo"]
    assert [[(d.value, d.unit) for d in a.doses] for a in arms] == [[(105, "mg")], [(225, "mg")], []]


def test_modifier_items_join_the_next_item() -> None:
    text = ("Outpatients with AD were randomized to receive once-daily, 28-mg, extended-release memantine or placebo. "
            "A total of 677 patients were randomized to receive extended-release memantine (n = 342) or placebo (n = 335).")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("extended-release memantine", 342), ("placebo", 335)]
    assert [(d.value, d.unit) for d in arms[0].doses] == [(28, "mg")]


def test_outcome_counts_with_percent_are_not_arm_sizes() -> None:
    text = ("One hundred fifty patients were randomized into one of two neoadjuvant treatment arms: conventional "
            "chemoradiotherapy (CRT) and short-term radiotherapy (RT) followed by surgery after 6-8 weeks. "
            "Downstaging was observed in 21 (30.9%) cases in RT group vs. 27 (37.5%) cases in CRT group (P = 0.409).")
    arms = extract_text(text).arms
    assert [(a.label, a.role, a.n) for a in arms] == [("CRT", "control", None), ("RT", "intervention", None)]


def test_placebo_controlled_trial_of_a_treatment() -> None:
    text = ("Twenty-six hemizygous patients were enrolled in a randomized double-blind placebo-controlled 6-month trial of "
            "enzyme replacement therapy administered by intravenous infusion every two weeks.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("enzyme replacement therapy", "intervention"), ("placebo", "control")]


def test_placebo_controlled_trial_with_two_doses_has_three_arms() -> None:
    text = "Patients were enrolled in a double-blind, placebo-controlled, randomized trial of paricalcitol (1 or 2 μg/day)."
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["paricalcitol 1 μg/day", "paricalcitol 2 μg/day", "placebo"]
    assert [(d.value, d.unit) for a in arms for d in a.doses] == [(1, "μg/day"), (2, "μg/day")]


def test_controlled_trial_needs_a_treatment_after_of() -> None:
    assert extract_text("A randomized placebo-controlled trial was conducted in 40 adults.").arms == []


def test_active_or_sham_gives_treatment_and_sham_arms() -> None:
    text = ("The participants received two sessions of treatments of active or sham catgut implantation at acupoints "
            "(once every two weeks) with a follow-up phase of 8 weeks.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("catgut implantation", "intervention"), ("sham catgut implantation", "control")]


def test_each_belonging_to_is_not_an_allocation_list() -> None:
    text = "The pregnant women were equally divided into 3 groups of 10, each belonging to I, II, and III trimester."
    assert extract_text(text).arms == []


def test_subgroups_stated_with_their_own_n_are_distinct_arms() -> None:
    text = ("A total of 134 patients with SAP were divided randomly into groups A (control; n=33), B (IIT; n=33), "
            "C (LMWH; n=34) and D (IIT + LMWH; n=34).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("control", 33), ("IIT", 33), ("LMWH", 34), ("IIT + LMWH", 34)]


def test_dose_amount_labels_and_the_dose_before_the_count() -> None:
    text = ("Subjects supplemented their daily diet with either 10 mg L + 2 mg total Z (1 mg Z + 1 mg MZ; n = 24), "
            "20 mg L + 4 mg total Z (2 mg Z + 2 mg MZ; n = 25), or placebo (n = 10) for 12 months.")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("10 mg L + 2 mg total Z", 24), ("20 mg L + 4 mg total Z", 25), ("placebo", 10)]
    assert [[(d.value, d.unit) for d in a.doses] for a in arms] == [[(10, "mg")], [(20, "mg")], []]


def test_conventional_comparator_is_a_control() -> None:
    text = ("A randomized controlled crossover pilot study of HFCWO compared with conventional treatment was conducted in "
            "22 patients with moderate to severe COPD.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("HFCWO", "intervention"), ("conventional treatment", "control")]


def test_versus_between_populations_is_not_arms() -> None:
    text = "Cholesterol was measured in MA vs NHW adults enrolled in the cohort."
    assert extract_text(text).arms == []


def test_control_group_with_its_own_n_joins_the_arms() -> None:
    text = ("The Effects of Clinical Hypnosis versus Neurolinguistic Programming (NLP) before External Cephalic Version (ECV): "
            "A Prospective Randomised Controlled Trial\n\n"
            "Objective. To examine the effects of clinical hypnosis versus NLP intervention on the success rate of ECV "
            "procedures in comparison to a control group. The intervention groups were compared with a control group with "
            "standard medical care alone (n = 122).")
    arms = extract_text(text).arms
    assert [(a.role, a.n) for a in arms] == [("intervention", None), ("intervention", None), ("control", 122)]


def test_no_control_is_added_when_the_arms_have_one() -> None:
    text = ("Patients were randomized to placebo or ginger for 4 days. "
            "Nausea fell in the control group (n = 40) and in the ginger group (n = 41).")
    assert len(extract_text(text).arms) == 2


def test_outcome_compared_to_a_group_is_not_an_arm() -> None:
    # PMC4360779: "displayed increased serum BDNF levels as compared to the placebo group"
    from extractor import extract_text

    rec = extract_text(
        "Cognitive rehabilitation in Parkinson disease\n\n"
        "PD patients undergoing cognitive rehabilitation displayed increased serum BDNF levels as compared to the "
        "placebo group."
    )
    assert not any("level" in a.label.lower() for a in rec.arms)



def test_arm_marked_control_in_parentheses_is_the_control() -> None:
    text = ("Participants were randomized to receive 300 g of cucumber (control group) or two uncooked Roma tomatoes "
            "a day for 4 weeks.")
    arms = extract_text(text).arms
    assert [a.role for a in arms] == ["control", "intervention"]
    assert arms[0].label == "cucumber"


def test_conventional_qualifier_marks_the_comparator() -> None:
    text = ("Forty eight third year medical students were randomized to use either an electronic stethoscope, "
            "or a conventional acoustic stethoscope during clinical auscultation training.")
    arms = extract_text(text).arms
    assert [a.role for a in arms] == ["intervention", "control"]


def test_bare_standard_label_is_a_control() -> None:
    text = "Children were randomized into two groups to receive standard and sequential eradication therapy."
    roles = [a.role for a in extract_text(text).arms]
    assert roles == ["control", "intervention"]


def test_head_to_head_arms_without_a_mark_stay_interventions() -> None:
    text = "Patients were randomized to either neurally adjusted ventilatory assist (NAVA) or pressure support ventilation (PSV)."
    arms = extract_text(text).arms
    assert arms and all(a.role == "intervention" for a in arms)


def test_standard_regimen_with_an_add_on_is_an_intervention() -> None:
    text = "Patients were randomized to standard care (n = 20) or standard care plus CTCA (n = 21)."
    assert [a.role for a in extract_text(text).arms] == ["control", "intervention"]


def test_standard_after_plus_does_not_mark_a_control() -> None:
    text = ("Patients were randomized to conventional treatment plus NVM (NVM group, n = 36) and conventional treatment "
            "plus standard MVM (MVM group, n = 36).")
    assert all(a.role == "intervention" for a in extract_text(text).arms)


def test_with_or_without_gives_both_regimens() -> None:
    text = "METHODS: 50 patients with osteoarthritis of the knee were randomized to cemented TKA with or without tourniquet."
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("cemented TKA with tourniquet", "intervention"),
                                                 ("cemented TKA without tourniquet", "control")]


def test_with_or_without_after_either_or_cue() -> None:
    text = "We randomized MM patients to CP with or without sorafenib."
    assert [a.label for a in extract_text(text).arms] == ["CP with sorafenib", "CP without sorafenib"]


def test_with_and_without_in_one_arm_name_is_not_split() -> None:
    text = "Patients were randomized to sleep with earplugs or to usual care without any device."
    labels = [a.label for a in extract_text(text).arms]
    assert not any(" with " in lb and lb.replace(" with ", " without ") in labels for lb in labels)


def test_groups_of_n_each_is_not_part_of_a_label() -> None:
    text = ("Six hundred consenting patients with MNG were randomized to three groups of 200 patients each: total thyroidectomy "
            "(TT), Dunhill operation (DO), bilateral subtotal thyroidectomy (BST).")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("TT", 200), ("DO", 200), ("BST", 200)]
    assert arms[0].aliases == ["total thyroidectomy"]


def test_groups_of_treatment_names_the_arms() -> None:
    text = "This investigation was performed on 136 patients who were randomly allocated to two groups of GnRH agonist and GnRH antagonist."
    assert [a.label for a in extract_text(text).arms] == ["GnRH agonist", "GnRH antagonist"]


def test_groups_followed_by_a_verb_do_not_start_the_list() -> None:
    text = ("Seventy patients with acute whiplash injuries were randomized to two therapy groups and received either active (APT) "
            "or passive (PPT) physical therapy.")
    labels = [a.label for a in extract_text(text).arms]
    assert labels and not any(lb.startswith(("and", "s ", "groups")) for lb in labels)


def test_doses_of_either_is_not_a_label() -> None:
    text = ("Consecutive outpatients with major depressive disorder were randomized 1:1 to receive flexible doses of either PB "
            "or sertraline once each morning.")
    assert [a.label for a in extract_text(text).arms] == ["PB", "sertraline"]


def test_shared_co_treatment_before_either_is_not_the_first_arm() -> None:
    text = ("A total of 75 patients undergoing elective craniotomy were randomized into three groups, G, O and D, to receive "
            "single doses of dexamethasone 8 mg at induction with either granisetron 1 mg, ondansetron 4 mg or normal saline "
            "2 ml at the time of dural closure respectively.")
    labels = [a.label for a in extract_text(text).arms]
    assert labels[:2] == ["granisetron", "ondansetron"]


def test_nested_parenthetical_is_dropped_from_a_label() -> None:
    text = ("Patients were randomized to receive either budesonide/formoterol (320/9 μg, 2 inhalations at t = -5 minutes and "
            "2 inhalations at 0 minutes [total dose 1280/36 μg]) or formoterol (9 μg, 2 inhalations at t = -5 minutes and "
            "2 inhalations at 0 minutes [total dose 36 μg]).")
    assert [a.label for a in extract_text(text).arms] == ["budesonide/formoterol", "formoterol"]


def test_arm_named_by_a_defined_abbreviation_takes_the_short_form() -> None:
    text = ("Methods 8,050 patients were randomly allocated either to standardcase management (SCM, administered by "
            "claims specialists) or intensive case management (ICM, administered by case managers).")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["SCM", "ICM"]
    assert arms[1].aliases[0] == "intensive case management"


def test_group_codes_and_one_word_names_keep_the_words() -> None:
    # "intervention group (IG)": a code for a group, and a one-word name, are not the shorter phrase
    text = "Patients were randomized to the intervention group (IG) or the control group (CG). The IG received counselling."
    assert [a.label for a in extract_text(text).arms] == ["intervention", "control"]


def test_combination_joined_by_and_is_one_arm_when_every_arm_has_its_n() -> None:
    text = ("In 2001–2002 a total of 490 patients with slide confirmed uncomplicated P. falciparum malaria were randomly "
            "assigned to receive artemether-lumefantrine (n = 245) or artesunate and mefloquine (n = 245) and were followed for 42 days.")
    arms = extract_text(text).arms
    assert [a.n for a in arms] == [245, 245]
    assert "mefloquine" in arms[1].label


def test_and_still_separates_arms_listed_without_their_own_n() -> None:
    text = ("Seventy older women were randomly assigned to one of three groups: whey protein, placebo and exercise "
            "(n = 23 in total per group).")
    assert len(extract_text(text).arms) == 3


def test_treatment_with_and_dosing_codes_are_not_part_of_a_label() -> None:
    text = ("Matched for age and gender, the patients were randomized to treatment with sorafenib 400 mg bid or capecitabine "
            "(control group, 1500 mg bid, administered for 2 weeks followed by a 2-week rest interval in each cycle).")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["sorafenib", "capecitabine"]
    assert [d.value for d in arms[0].doses] == [400]


def test_repeated_cycle_is_regimen_not_name() -> None:
    text = ("A total of 260 patients were randomly assigned to one of four treatment groups: (A) fotemustine and dacarbazine "
            "repeated on 3-week cycle; (B) same treatment as (A) plus IFN-α2b three times per week.")
    assert not any("repeated" in a.label or "cycle" in a.label for a in extract_text(text).arms)


def test_a_name_containing_bid_letters_is_kept() -> None:
    # only the whole dosing code is dropped, never a word that contains it ("morbid", "Tidal")
    text = "Patients were randomized to receive morbid obesity counselling or usual care."
    assert [a.label for a in extract_text(text).arms][0] == "morbid obesity counselling"


def test_enumerated_groups_split_at_their_markers() -> None:
    # 2x2 factorial: "and" inside an item is a combination; "same treatment as (A) plus" names A's regimen plus the add-on
    text = ("METHODS: A total of 260 patients were randomly assigned to one of four treatment groups: (A) fotemustine and "
            "dacarbazine repeated on 3-week cycle; (B) same treatment as (A) plus IFN-α2b three times per week; (C) dacarbazine "
            "alone repeated on 3-week cycle; (D) same treatment as (C) plus IFN-α2b three times per week.")
    assert [a.label for a in extract_text(text).arms] == [
        "fotemustine and dacarbazine", "fotemustine and dacarbazine plus IFN-α2b", "dacarbazine alone", "dacarbazine alone plus IFN-α2b"]


def test_enumerated_list_with_an_unmarked_last_group() -> None:
    text = ("They were randomly assigned to one of the following four groups: (a) vitamin C (250 mg/day), (b) vitamin E "
            "(400 IU), (c) vitamin C + vitamin E, and the control (placebo).")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["vitamin C", "vitamin E", "vitamin C + vitamin E", "control"]
    assert [[d.value for d in a.doses] for a in arms][:2] == [[250], [400]]


def test_enumerated_measurements_are_not_arms() -> None:
    text = ("Patients were randomized to liraglutide or metformin. We measured at baseline and after 6-month treatment: "
            "(a) carotid-femoral pulse wave velocity (PWV) (b) LV longitudinal strain (GLS).")
    assert [a.label for a in extract_text(text).arms] == ["liraglutide", "metformin"]


def test_a_unit_ending_in_a_letter_is_not_a_marker() -> None:
    # "(2400 mg/d)" holds no "d)" marker; an item too long to be a name leaves the list to other rules
    text = ("Subjects were randomized to four double-blinded treatments for 12 weeks: (a) Glucosamine sulfate (1500 mg/d); "
            "(b) Aquamin (2400 mg/d); (c) Combined treatment composed of Glucosamine sulfate (1500 mg/d) plus Aquamin "
            "(2400 mg/d) and (d) Placebo.")
    assert not any("Placebo" in a.label and "Aquamin" in a.label for a in extract_text(text).arms)


def test_stated_number_of_test_treatments_listed_after_a_colon() -> None:
    text = ("Immediately after each provocation at Visits 2–4, patients received one of three test treatments: one inhalation "
            "of budesonide/formoterol 160/4.5 μg (via Turbuhaler®), two inhalations of salbutamol 100 μg (via a pressurised "
            "metered-dose inhaler [pMDI]) or placebo.")
    arms = extract_text(text).arms
    assert [(a.label, a.role, a.n) for a in arms] == [("budesonide/formoterol", "intervention", None),
                                                      ("salbutamol", "intervention", None), ("placebo", "control", None)]
    assert [[(d.value, d.unit) for d in a.doses] for a in arms] == [[(160, "μg")], [(100, "μg")], []]


def test_a_treatment_list_of_another_length_is_not_used() -> None:
    text = "Patients received one of three test treatments: budesonide or placebo, in random order."
    assert extract_text(text).arms == [] or len(extract_text(text).arms) == 2


def test_counts_of_patients_with_a_condition_are_not_arms() -> None:
    text = ("METHODS: Whole blood Se concentrations had been measured in patients with cervical (n=11) and uterine cancer "
            "(n=70) after surgical treatment, during, and at the end of RT.")
    assert extract_text(text).arms == []


def test_arm_counts_after_a_population_count_are_kept() -> None:
    text = ("In this double-blind, randomized, placebo-controlled clinical trial, participants with chronic constipation "
            "(n = 48) were randomly selected to receive either the Lax-Asab powder (n = 24) or placebo (n = 24) on alternative days.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("Lax-Asab powder", 24), ("placebo", 24)]


def test_co_treatment_after_along_with_is_not_part_of_the_arm() -> None:
    text = ("METHODS: After completing mailed baseline measures, parents were randomly assigned to receive usual care or the "
            "Parenting Matters intervention along with usual care.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("usual care", "control"), ("Parenting Matters intervention", "intervention")]


def test_group_as_a_modifier_after_a_preposition_is_not_a_group_name() -> None:
    text = ("Parents were randomly assigned to the Parenting Matters group or to usual care. "
            "The overall magnitude of group differences was small (d = 0.15 or less).")
    assert not any(a.label.endswith(" of") for a in extract_text(text).arms)


def test_repeated_group_code_is_one_arm() -> None:
    # "group A": its only content word is the article-like letter, so names are compared whole
    text = ("Patients were divided into two groups. In group A, bupivacaine was given; in group B, saline was given. "
            "Pain was lower in group A than in group B, and rescue analgesia in group A was rarer.")
    # ... each code is one arm, called by the treatment its group was given (code_in_passive), the code kept as alias
    assert [(a.label, a.aliases) for a in extract_text(text).arms] == [("bupivacaine", ["group A"]), ("saline", ["group B"])]


def test_group_name_in_parentheses_replaces_a_regimen_description() -> None:
    text = ("METHODS: Forty-two optometry students were divided into two GPA-matched groups and assigned to either 12 hours "
            "of game play (game group) or 12 hours of interactive didactic instruction (lecture group).")
    assert [a.label for a in extract_text(text).arms] == ["game", "lecture"]


def test_role_word_or_code_in_parentheses_keeps_a_usable_name() -> None:
    text = ("METHODS: In this prospective randomized control study, 10 trainees were assigned to the transillumination-assisted "
            "technique group (T group) or the midline approach technique group (R group).")
    labels = [a.label for a in extract_text(text).arms]
    assert "group R" not in labels and "experimental" not in labels


def test_title_comparison_between_two_treatments_names_the_arms() -> None:
    text = ("Sleep quality in mechanically ventilated patients: comparison between NAVA and PSV modes\n\n"
            "METHODS: Patients were successively ventilated in a random ordered cross-over sequence with neurally adjusted "
            "ventilatory assist (NAVA) and pressure support ventilation (PSV).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("NAVA", None), ("PSV", None)]


def test_title_between_that_is_not_a_comparison_gives_no_arms() -> None:
    text = ("Responder analysis for pain relief in a meta-analysis of etoricoxib trials: bridging a gap between clinical "
            "trials and clinical practice\n\nMETHODS: Data from clinical trials and clinical practice were pooled.")
    assert extract_text(text).arms == []


def test_two_groups_counted_in_one_parenthesis() -> None:
    text = ("METHODS: The study included 22 (11 intervention and 11 control) villages in southwest Ethiopia. "
            "The intervention consisted of tailored training of household heads.")
    assert [(a.label, a.role, a.n) for a in extract_text(text).arms] == [("intervention", "intervention", 11), ("control", "control", 11)]


def test_parenthesised_counts_of_people_or_completers_are_not_arms() -> None:
    assert extract_text("We studied 2109 women (703 cases and 1406 controls) from three hospitals.").arms == []
    text = ("Parents were randomized to a cover sheet or usual care. "
            "RESULT: Thirty-two parents completed all measures (17 control, 15 intervention).")
    assert all(a.n is None for a in extract_text(text).arms)


def test_amount_of_the_named_treatment_after_the_arm_list() -> None:
    text = ("Subjects were assigned to a creatine or placebo group and then consumed 20 g of creatine or carboxymethyl "
            "cellulose per day for six days.")
    arms = extract_text(text).arms
    assert [[(d.value, d.unit) for d in a.doses] for a in arms] == [[(20, "g")], []]


def test_amount_of_another_treatment_is_not_the_arms_dose() -> None:
    text = ("Children were randomized to receive either zinc or vitamin A. The zinc group received 10 mg of zinc daily "
            "and the vitamin A group received 1250 IU of vitamin A.")
    doses = {a.label: [d.value for d in a.doses] for a in extract_text(text).arms}
    assert doses == {"zinc": [10], "vitamin A": [1250]}


def test_single_dose_of_is_not_part_of_a_label() -> None:
    text = ("METHODS: Cambodian adults with uncomplicated falciparum malaria were randomized to receive a single 45mg dose of "
            "primaquine (equivalent to three SLD PQ) or no primaquine after the third dose of DHP therapy.")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["primaquine", "no primaquine"]
    assert [(d.value, d.unit) for d in arms[0].doses] == [(45, "mg")]


def test_dose_word_inside_a_name_is_kept() -> None:
    # only a leading "dose of" is dropped: "low-dose aspirin" keeps its words
    text = "Patients were randomized to low-dose aspirin or placebo."
    assert [a.label for a in extract_text(text).arms][0] == "low-dose aspirin"


def test_parenthesised_list_of_name_comma_n_items_gives_arm_sizes() -> None:
    text = ("Patients with locally advanced pancreatic cancer were randomised to chemoradiotherapy or chemotherapy. "
            "RESULTS: 40 patients participated (chemoradiotherapy, n = 17; chemotherapy, n = 23).")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("chemoradiotherapy", 17), ("chemotherapy", 23)]


def test_name_comma_n_list_of_age_groups_or_centres_is_not_arms() -> None:
    text = ("Children and adolescents were randomized to desvenlafaxine or placebo. "
            "Results: The safety population included 339 patients (children, n = 130; adolescents, n = 209).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("desvenlafaxine", None), ("placebo", None)]
    text = "METHODS: This study was conducted in three study centers (Bremen, n = 73; Hamburg, n = 200; Hannover, n = 193)."
    assert extract_text(text).arms == []


def test_n_people_assigned_to_each_group_gives_every_arm_that_n() -> None:
    text = ("There were three test groups in the present study: an silver spike point group, an acupuncture group, "
            "and a control group; 10 subjects were assigned to each group.")
    assert [a.n for a in extract_text(text).arms] == [10, 10, 10]


def test_people_enrolled_at_each_site_is_not_a_per_arm_n() -> None:
    text = ("There were three test groups in the present study: an silver spike point group, an acupuncture group, "
            "and a control group; 10 subjects were enrolled in each site.")
    assert [a.n for a in extract_text(text).arms] == [None, None, None]


def test_either_placebo_or_treatment_names_the_arms_without_an_allocation_word() -> None:
    text = ("Methods: Twelve trained male cyclists performed 15 km time-trial cycling in normoxia and hypoxia "
            "following 3-day oral supplementation with either placebo or sodium nitrate (0.1 mmol/kg/day).")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("placebo", "control"), ("sodium nitrate", "intervention")]


def test_either_or_without_placebo_or_allocation_word_is_not_arms() -> None:
    text = ("Methods: Twelve trained male cyclists performed time-trial cycling with either carbon or steel bicycles "
            "in a placebo room.")
    assert extract_text(text).arms == []


def test_amounts_of_one_drug_in_its_parenthesis_are_arms_of_their_own() -> None:
    text = ("METHODS: Patients (n = 329) were randomized to AZD3199 (200, 400 or 800 μg o.d.), formoterol (9 μg b.i.d.) "
            "or placebo via Turbuhaler® in a parallel group study.")
    arms = extract_text(text).arms
    assert [(a.label, [(d.value, d.unit) for d in a.doses]) for a in arms] == [
        ("AZD3199 200 μg", [(200, "μg")]), ("AZD3199 400 μg", [(400, "μg")]), ("AZD3199 800 μg", [(800, "μg")]),
        ("formoterol", [(9, "μg")]), ("placebo", [])]


def test_amounts_in_a_parenthesis_stay_one_arm_when_the_stated_groups_count_drugs() -> None:
    text = ("METHODS: Patients were randomized into two groups to receive elobixibat (5 or 10 mg) or placebo "
            "once daily for 2 weeks.")
    assert [a.label for a in extract_text(text).arms] == ["elobixibat", "placebo"]


def test_a_device_named_after_via_is_not_part_of_the_label_unless_the_name_needs_it() -> None:
    text = ("METHODS: Participants were randomly assigned to receive intensive nurse case management via televisits "
            "or usual care.")
    assert [a.label for a in extract_text(text).arms] == ["intensive nurse case management", "usual care"]
    text = ("METHODS: Participants were randomly assigned (1:1) to receive insulin via the day-and-night hybrid "
            "closed-loop system or usual pump therapy for 4 weeks.")
    assert "insulin" not in [a.label for a in extract_text(text).arms]


def test_count_dash_name_items_that_add_up_to_the_total_give_arms_and_sizes() -> None:
    text = ("MATERIAL AND METHODS: The study group consisted of 41 males with primary inguinal hernia undergoing "
            "Lichtenstein's repair (20 – adhesive; 21 – suture) and remaining in follow-up from July 2008 to November 2010.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("adhesive", 20), ("suture", 21)]


def test_count_dash_name_items_that_add_up_to_no_stated_total_are_not_arms() -> None:
    text = ("METHODS: The study group consisted of 41 males whose pain was graded by the surgeon "
            "(0 – none; 1 – mild) at every visit.")
    assert extract_text(text).arms == []


def test_count_with_bracketed_group_name_and_abbreviation_gives_the_arm() -> None:
    text = ("RESULTS: A total of 81 patients had been randomized for the initial supplementation study, 39 of which "
            "received Se [selenium group, SeG] and 42 serving as controls [control group, CG].")
    assert [(a.label, a.role, a.n) for a in extract_text(text).arms] == [("SeG", "intervention", 39), ("CG", "control", 42)]


def test_count_with_bracketed_dose_is_not_a_named_group() -> None:
    text = ("RESULTS: A total of 81 patients had been randomized for the initial supplementation study, 39 of which "
            "received Se [selenium, 200 μg] and 42 received nothing [no supplement, NS].")
    assert extract_text(text).arms == []


def test_programme_in_addition_to_usual_care_or_usual_care_alone_is_two_arms() -> None:
    text = ("INTERVENTION: Participants were randomly allocated to a twice-daily programme of progressive resistance exercise "
            "tailored to individual ability, mobilisation and orientation in addition to usual care or to usual care alone. "
            "RESULTS: Delirium occurred in 4.9% of the intervention group (15/305) and in 5.9% (20/339) of the group "
            "receiving usual care.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("intervention", "intervention"), ("usual care", "control")]
    text = ("METHODS: Women were randomised to receive up to 12 sessions of individual CBT in addition to usual care "
            "or to continue with usual care only.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("individual CBT", "intervention"), ("usual care", "control")]


def test_in_addition_to_usual_care_without_usual_care_alone_is_not_an_add_on_pair() -> None:
    text = ("METHODS: Women were randomised to receive up to 12 sessions of individual CBT in addition to usual care "
            "or group education.")
    assert [a.label for a in extract_text(text).arms] != ["individual CBT", "usual care"]


def test_coded_groups_are_called_by_the_treatment_their_code_stands_for() -> None:
    text = ("MATERIAL/METHODS: In this single-blinded randomized control study, rats were separated into 4 groups of 7 rats "
            "each: Sugammadex (S), Sugammadex plus 20% lipid emulsion (SL), 20% lipid emulsion (L), and control (C). "
            "RESULTS: Average time to death was 21.0±9.57 minutes for group C, 35.57±10.61 minutes for group S, "
            "37.14±16.6 minutes for group L and 49.86±27.56 minutes for group SL.")
    arms = extract_text(text).arms
    assert sorted((a.label, a.role, a.n) for a in arms) == [
        ("Sugammadex", "intervention", 7), ("Sugammadex plus lipid emulsion", "intervention", 7),
        ("control", "control", 7), ("lipid emulsion", "intervention", 7)]
    text = ("Patients were randomized into two groups: group A included 79 hip fractures managed with sliding hip screws "
            "and group B included 86 fractures treated with cephalomedullary nails.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("sliding hip screws", 79), ("cephalomedullary nails", 86)]


def test_coded_group_keeps_its_code_without_a_treatment_named_for_it() -> None:
    text = ("METHODS: Patients were divided into two (n = 30) groups. In Group S, intraperitoneal irrigation was done "
            "with 500 ml of normal saline. In Group B, 20 ml of 0.5% (100 mg) bupivacaine was added to 480 ml of normal saline.")
    assert [a.label for a in extract_text(text).arms] == ["group S", "group B"]
    text = ("OBJECTIVE: To examine the effects of Diet (D) and Exercise (E) interventions. METHODS: 68 women were "
            "randomized to a behavior modification treatment with D, E, both or control using a 2×2 factorial design.")
    assert "Exercise" not in [a.label for a in extract_text(text).arms]


def test_groups_listed_by_code_then_given_treatments_respectively_are_named_by_treatment() -> None:
    text = ("METHODS: The patients underwent standard downregulation and were randomly divided into 4 groups of A, B, C, "
            "and D and were administered hMG, hFSH, rFSH, and combined sequential hFSH/rFSH, respectively.")
    assert [a.label for a in extract_text(text).arms] == ["hMG", "hFSH", "rFSH", "combined sequential hFSH/rFSH"]


def test_amount_in_ppm_leaves_the_label_and_negative_control_is_the_control() -> None:
    text = ("FINDINGS: The dentin specimens were randomly assigned to one of the three groups, 5000 ppm fluoride toothpaste "
            "(Duraphat), 250 ppm fluoride mouth rinse (Meridol) and distilled water (negative control).")
    arms = extract_text(text).arms
    assert [(a.label, a.role, [(d.value, d.unit) for d in a.doses]) for a in arms] == [
        ("fluoride toothpaste", "intervention", [(5000, "ppm")]), ("fluoride mouth rinse", "intervention", [(250, "ppm")]),
        ("distilled water", "control", [])]


def test_assigned_to_two_groups_in_this_trial_is_not_a_list_of_arms() -> None:
    text = ("METHODS: A total of 40 patients with T2D, 35-68 years old, were assigned to two groups in this randomized, "
            "double-blind, controlled clinical trial. The patients in the intervention group consumed 200 ml/day of probiotic "
            "soy milk and those in control group consumed 200 ml/day of soy milk for 8 weeks.")
    labels = [a.label for a in extract_text(text).arms]
    assert "double-blind" not in labels and "controlled clinical trial" not in labels


def test_randomized_to_groups_and_a_control_group_or_groups_that_received_a_or_b_lists_the_arms() -> None:
    text = ("METHODS: Seventy patients with grade II whiplash injuries were randomized to two therapy groups and received "
            "either active (APT) or passive (PPT) physical therapy.")
    assert len(extract_text(text).arms) == 2


def test_respectively_counts_of_the_analysis_do_not_replace_the_allocated_n() -> None:
    text = ("RESULTS: A total of 1680 eligible patients were randomized to the Internet group (n=840) or the telephone group "
            "(n=840). The analysis of I-Satis concerned 392 and 389 patients fulfilling the minimum LOS required in the "
            "Internet and telephone group, respectively.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("Internet", 840), ("telephone", 840)]


def test_respectively_counts_of_enrolment_still_give_the_arm_sizes() -> None:
    text = ("A total of 32 and 31 subjects were enrolled under the PHF and highly active antiretroviral treatment (HAART) "
            "arms, respectively.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("PHF", 32), ("HAART", 31)]


def test_a_count_after_a_time_point_word_is_not_an_arm_size() -> None:
    text = ("Enrolled infants were randomly allocated to receive either the test formula or a standard starter formula for "
            "four weeks. Mean daily regurgitations decreased from 7.4 (0.8) at week 0 to 2.6 (1.0) at week 4 in the test group.")
    assert [a.n for a in extract_text(text).arms] == [None, None]


def test_a_count_in_a_group_is_still_an_arm_size() -> None:
    text = ("Patients were randomized to the experimental group or the control group; "
            "64 in the experimental group were treated and 30 others were assigned to the control group.")
    assert [a.n for a in extract_text(text).arms] == [64, 30]


def test_groups_counted_in_a_parenthesis_before_the_group_word_give_every_arm_that_n() -> None:
    text = ("METHODS: Sixty patients undergoing LC were included in this prospective, double-blind, randomised study. "
            "Patients were divided into two (n = 30) groups. In Group S, intraperitoneal irrigation was done with 500 ml "
            "of normal saline. In Group B, 20 ml of 0.5% (100 mg) bupivacaine was added to 480 ml of normal saline.")
    assert [a.n for a in extract_text(text).arms] == [30, 30]


def test_total_counted_before_the_groups_is_not_every_arms_n() -> None:
    text = ("METHODS: Patients (n = 60) were divided into two groups. In Group S, intraperitoneal irrigation was done with "
            "500 ml of normal saline. In Group B, 20 ml of 0.5% (100 mg) bupivacaine was added to 480 ml of normal saline.")
    assert [a.n for a in extract_text(text).arms] == [None, None]


def test_protocol_is_not_part_of_the_arm_label() -> None:
    text = ("METHODS: Thirty women scheduled to undergo elective gynecologic laparoscopic pelvic surgery were randomly "
            "allocated to receive a liberal or restrictive fluid management protocol.")
    assert [a.label for a in extract_text(text).arms] == ["liberal", "restrictive fluid management"]


def test_a_protocol_word_alone_stays_the_label() -> None:
    text = "METHODS: Patients were randomly allocated to receive the protocol or usual care."
    assert "protocol" in [a.label for a in extract_text(text).arms]


def test_a_duration_leads_no_label_and_a_crossover_clause_ends_the_list() -> None:
    text = ("[Subjects and Methods] Six participants with chronic stroke were randomly assigned to 4 weeks of WBV training "
            "or control followed by cross-over after a 2-week washout period.")
    assert [a.label for a in extract_text(text).arms] == ["WBV training", "control"]


def test_weeks_of_therapy_keeps_its_words_when_nothing_else_names_the_arm() -> None:
    text = ("Patients were randomly assigned to receive a total duration of 48 (n = 94) or 24 (n = 93) weeks of therapy.")
    assert [a.n for a in extract_text(text).arms] == [94, 93]


def test_arm_sizes_from_rates_follow_the_arm_named_beside_each_rate() -> None:
    # the rates come in the other order than the arms were listed: the name before each decides
    text = ("METHODS: Patients were randomized to citrate or heparin anticoagulation. RESULTS: Of the 139 patients enrolled, "
            "139 were randomized. Heparin was discontinued in 24/73 (33%) of patients whereas citrate was discontinued in "
            "5/66 (8%) of patients (P < 0.001).")
    arms = {a.label: a.n for a in extract_text(text, id="x").arms}
    assert arms == {"citrate": 66, "heparin anticoagulation": 73}
    # names after the rates ("42/112 in cell recipients versus 47/110 in control patients") decide as well,
    # and rates with no arm named beside them keep the listed order
    text = ("METHODS: Patients were randomized to drug or placebo. RESULTS: A total of 222 patients were randomized. "
            "Mortality was 37.5% (42/112) versus 42.7% (47/110) (P = 0.43).")
    arms = [(a.label, a.n) for a in extract_text(text, id="x").arms]
    assert arms == [("drug", 112), ("placebo", 110)]


def test_time_words_and_length_units_are_not_arms() -> None:
    from extractor.fields.arm_labels import not_an_arm

    assert not_an_arm("24 weeks") and not_an_arm("1 day") and not_an_arm("after") and not_an_arm("02 mm")
    # a dose names a dose arm; an upper-case abbreviation may name a group ("MG": music group)
    assert not not_an_arm("10 mg/day") and not not_an_arm("15 g/day") and not not_an_arm("MG") and not not_an_arm("H")


def test_allocation_list_keeps_its_arms_without_time_fragments() -> None:
    text = ("Participants were randomized to receive AUCB or placebo, evaluated at baseline, 12, and 24 weeks, received "
            "the opposite infusion, then re-evaluated at the same time points.")
    labels = [a.label for a in extract_text(text, id="x").arms]
    assert "AUCB" in labels and "placebo" in labels and "weeks" not in labels


def test_sizes_from_a_parenthesis_of_counts_naming_the_arms() -> None:
    text = ("METHODS: In this multicenter, randomized, non-inferiority trial, 287 patients with IBS (143 receiving "
            "tiropramide and 144 octylonium) were randomly allocated to either tiropramide 100 mg or octylonium 20 mg "
            "t.i.d. for 4 weeks.")
    assert {a.label: a.n for a in extract_text(text, id="x").arms} == {"tiropramide": 143, "octylonium": 144}
    # a parenthesis of measurements that happen to name the arms gives no sizes
    text = ("Patients were randomized to pressure support ventilation (PSV) or neurally adjusted ventilatory assist (NAVA). "
            "Central apneas were fewer (24 ± 23 per hour of sleep in PSV, and 0 during NAVA).")
    assert all(a.n is None for a in extract_text(text, id="x").arms)


def test_each_arms_gate_admits_every_must_match_example_of_its_rule() -> None:
    # a gate decides, with string tests, that its rule cannot match a sentence: it must let
    # through every example its rule has to match (patterns/arms.json), or the gate is wrong
    from extractor.fields.arm_candidates import _followed_by
    from extractor.fields.arm_labels import _has_control_word
    from extractor.fields.arm_lists import _list_follows, _to_either_or_receive
    from extractor.fields.arm_mentions import (
        _CODE_COMMA_N,
        _count_before_paren,
        _count_matches,
        _counts_to_gate,
        _each_group,
        _group_word_ends,
    )
    from extractor.fields.arm_pairs import _ACTIVE_OR, _ACTIVE_WORDS
    from extractor.rules import load_rules

    def n_in_group(sent: str, low: str) -> bool:  # its gate is inside _count_matches
        return any(True for _ in _count_matches(load_rules("arms").by_id("n_in_group"), sent, low))

    gates = {
        "allocation_list_direct": lambda s, lo: _to_either_or_receive(s, lo) or _list_follows(s, lo),
        "named_group": _group_word_ends,
        "each_n": _each_group,
        "active_or_sham": lambda s, lo: _followed_by(s, lo, _ACTIVE_WORDS, _ACTIVE_OR),
        "n_in_group": n_in_group,
        "counts_to": _counts_to_gate,
        "arm_n_list": lambda s, lo: ";" in s or "roup" in s and (", n" in s or ",n" in s) and _CODE_COMMA_N.search(s) is not None,
        # its caller's gates: "(", a control word and the sentence's "rand" cue
        "total_paren_counts": lambda s, lo: "(" in s and _has_control_word(lo) and any(
            w in lo for w in ("random", "allocat", "assign", "divided")) and _count_before_paren(s),
    }
    rules = load_rules("arms")
    for rid, gate in gates.items():
        examples = rules.by_id(rid).examples
        assert examples.match, rid
        for ex in examples.match:
            assert gate(ex, ex.lower()), (rid, ex)


def test_a_long_list_of_thousands_groups_is_read_one_way_and_loses_no_field() -> None:
    # <<num>>'s thousands groups could stop at any group, so resp_n_labels tried every way of
    # splitting "999,999,...,999" into numbers: 600 groups timed the arms field out ("arms:
    # pattern matching timed out; field left empty") and the arms of the next sentence were lost
    r = extract_text("Title\n\nMETHODS: Quality of life was measured at 1, " + ",".join(["999"] * 600)
                     + " 5499, and 12 months by the PCS and MCS, respectively. "
                     "32 and 31 subjects were enrolled under the PHF and HAART arms, respectively.")
    assert r.warnings == []
    assert [(a.label, a.n) for a in r.arms] == [("PHF", 32), ("HAART", 31)]


def test_counts_to_counts_allocated_each_to_its_group_in_one_sentence() -> None:
    text = ("Patients who did not respond were randomly allocated to follow-up invitations by either telephone or mail "
            "four weeks after the initial invitation. Of 952 patients who did not respond to the initial mailed invitation, "
            "we randomly allocated 480 to follow-up invitation by telephone and 472 to follow-up invitation by mail.")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("telephone", 480), ("mail", 472)]


def test_counts_to_three_groups_after_were_assigned() -> None:
    text = "Overall, 52 were assigned to exercise, 50 to diet and 51 to usual care."
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("exercise", 52), ("diet", 50), ("usual care", 51)]


def test_counts_to_keeps_a_count_that_equals_the_total_read_elsewhere() -> None:
    # sample_size reads 493 as the total; the sentence still allocates 493 to varenicline
    text = "RESULTS: Overall, 493 subjects were randomized to varenicline and 166 to placebo."
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("varenicline", 493), ("placebo", 166)]


def test_counts_to_does_not_read_an_outcome_sentence() -> None:
    text = ("Patients were randomized to telephone or mail follow-up. "
            "Of these, 480 patients in the telephone group responded and 12 patients moved to another practice.")
    arms = extract_text(text).arms
    assert [a.n for a in arms] == [None, None]


def test_total_paren_counts_split_a_total_into_named_counts_before_the_noun() -> None:
    text = ("Thirty eight general practices and 601 (365 usual care, 236 additional lifestyle support) patients were "
            "recruited and randomised independently between September 2009 and February 2010.")
    arms = extract_text(text).arms
    assert [(a.label, a.n, a.role) for a in arms] == [("usual care", 365, "control"),
                                                      ("additional lifestyle support", 236, "intervention")]


def test_total_paren_counts_needs_counts_that_add_up_and_a_control() -> None:
    # a split of who took part (no control), or counts that do not add up to the total, name no arms
    assert extract_text("In all, 75 (40 Caucasian, 35 Asian) patients were randomised.").arms == []
    assert extract_text("In all, 601 (365 usual care, 200 additional lifestyle support) patients were randomised.").arms == []


def test_a_time_phrase_after_the_last_item_of_an_allocation_list_is_not_part_of_its_label() -> None:
    text = ("Patients who did not respond were randomly allocated to follow-up invitations by either telephone or mail "
            "four weeks after the initial invitation.")
    assert [a.label for a in extract_text(text).arms] == ["telephone", "mail"]
    text = ("Forty-one women were randomly assigned to receive either 200 IU of intranasal salmon calcitonin or placebo "
            "daily for 3 months following fracture.")
    assert [a.label for a in extract_text(text).arms] == ["intranasal salmon calcitonin", "placebo"]


def test_an_allocation_item_sized_by_a_bare_count_after_its_group_word() -> None:
    text = ("This clinical trial study included 80 school-aged children who were selected using sequential sampling and "
            "randomly divided into two groups: a massage group (40) and a control group (40).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("massage", 40), ("control", 40)]
    text = "METHODS: Patients with GERD were randomly allocated to education (102 patients) or control (109 patients)."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("education", 102), ("control", 109)]


def test_an_allocation_item_with_an_amount_in_parenthesis_has_no_size() -> None:
    text = "Patients were randomly allocated to metformin (500 mg) or placebo (2 tablets)."
    assert [a.n for a in extract_text(text).arms] == [None, None]


def test_a_later_allocation_list_that_sizes_every_group_outranks_one_that_sizes_none() -> None:
    text = ("We randomly assigned patients 1:1 to receive peri-operative epirubicin, cisplatin, and capecitabine "
            "chemotherapy or chemotherapy plus bevacizumab, in addition to surgery. "
            "FINDINGS: Between Oct 31, 2007, and March 25, 2014, 1063 patients were enrolled and randomly assigned to "
            "receive chemotherapy alone (n=533) or chemotherapy plus bevacizumab (n=530).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("chemotherapy", 533), ("chemotherapy plus bevacizumab", 530)]


def test_a_later_sized_list_of_the_same_groups_gives_the_sizes_and_keeps_the_first_names() -> None:
    text = ("Preterm infants were randomly assigned to usual prenatal care (control group) or osteopathic manipulative "
            "treatment (study group). RESULTS: A total of 695 newborns were randomly assigned to either the study group "
            "(n= 352) or the control group (n=343).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("usual prenatal care", 343), ("osteopathic manipulative", 352)]


def test_an_allocation_item_sized_in_its_group_parenthesis() -> None:
    text = ("A total of 59 patients were enrolled. Patients were randomised to receive cefepime (C group, 20 patients), "
            "cefepime with amikacin (C-A group, "
            "19 patients) or cefepime with levofloxacin (C-L group, 20 patients).")
    assert [a.n for a in extract_text(text).arms] == [20, 19, 20]


def test_counts_to_after_had_been_allocated() -> None:
    text = "RESULTS: Of the 156 Japanese patients, 104 had been allocated to olanzapine and 52 to placebo."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("olanzapine", 104), ("placebo", 52)]


def test_a_duration_or_size_adjective_before_an_arm_name_does_not_reject_it() -> None:
    text = ("A total of 40 women with ruptured ectopic tubal pregnancy were randomized into a 10-mm transumbilical group "
            "(n = 20) or a 5-mm transabdominal group (n = 20) according to the port used for specimen removal.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("transumbilical", 20), ("transabdominal", 20)]
    text = ("Participants with prediabetes were recruited from a university worksite and randomized to receive a 16-week "
            "lifestyle intervention (n = 35) or usual care (n = 34).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("lifestyle intervention", 35), ("usual care", 34)]


def test_a_duration_before_a_regimen_word_is_kept_out_of_the_arms() -> None:
    # "12-weeks of HIT", "a 10-day course of zinc": the span of a regimen, not a name
    from extractor.fields.arm_labels import _strip_lead_measure
    assert _strip_lead_measure("12-weeks of HIT") == "12-weeks of HIT"
    assert _strip_lead_measure("10-day course of zinc") == "10-day course of zinc"
    assert _strip_lead_measure("8-week crossover treatments with risperidone") == "8-week crossover treatments with risperidone"
    assert _strip_lead_measure("12-week SSRI") == "SSRI"


def test_a_control_named_before_its_abbreviation_and_n_is_the_control() -> None:
    text = ("Patients diagnosed with a major depressive episode were randomized to an 11-week intervention "
            "(1 week/CBM-I + 10 weeks/iCBT; n = 38) that was delivered via the Internet with no face-to-face patient "
            "contact or to a wait-list control (WLC; n = 31).")
    arms = extract_text(text).arms
    assert [(a.label, a.n, a.role) for a in arms] == [("intervention", 38, "intervention"), ("WLC", 31, "control")]


def test_a_clause_that_names_its_group_at_the_end_gives_that_group_its_n() -> None:
    text = ("One class was selected as the experimental group (n=32) and the other class was considered as the control "
            "group (n=30).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("experimental", 32), ("control", 30)]
    text = ("Desflurane was used as an inhalation anesthetic in group 1 (n = 22), while TIVA with propofol and "
            "remifentanil was used in group 2 (n = 24).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("group 1", 22), ("group 2", 24)]


def test_a_clause_of_results_that_ends_with_a_group_gives_no_n() -> None:
    text = ("Patients were randomized. Mean blood loss in the first 24 hours was 962 ± 595 mL in "
            "the treatment group (n = 79) and 1,178 ± 788 mL in the control group (n = 106), P = 0.04.")
    assert all(a.n is None for a in extract_text(text).arms)


def test_a_coded_groups_count_after_a_comma_in_its_parenthesis() -> None:
    # "group P" is a group's code, not the "p" of a p-value
    text = ("A total of 60 patients (ASA I and II) of either sex, between 18 years and 50 years were given either "
            "nalbuphine 0.2 mg/kg (group N, n = 30) or pentazocine 0.5 mg/kg (group P, n = 30) 5 min before induction.")
    # ... and the code, with its count after it in the parenthesis, still stands for the treatment before it
    assert [(a.label, a.n, a.aliases) for a in extract_text(text).arms] == [
        ("nalbuphine", 30, ["group N"]), ("pentazocine", 30, ["group P"])]
    text = ("Patients were divided into 2 groups so as to receive (Group 1, n=35) or not receive (Group 2, n=35) 900 mg/day "
            "of n-acetylcysteine for 7 days before the operation.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("group 1", 35), ("group 2", 35)]


def test_intervention_or_control_names_two_arms() -> None:
    assert [(a.label, a.role) for a in extract_text("RESULT: 200 patients were randomised to either intervention or control.").arms] == [
        ("intervention", "intervention"), ("control", "control")]
    text = "A total of 100 patients over 50 years old were recruited and blindly randomized into the treatment or control group."
    assert [a.label for a in extract_text(text).arms] == ["treatment", "control"]


def test_a_bare_intervention_without_a_control_beside_it_is_no_arm() -> None:
    assert extract_text("Patients were randomised to either intervention or usual waiting.").arms == []


def test_events_and_completers_in_a_group_are_not_its_allocation() -> None:
    text = ("Communities were randomized to intervention or control. Only 2 UDs were identified in the intervention group "
            "at discharge. Fifty patients from the treatment group and 49 patients in the control group completed the "
            "3-month follow-up.")
    assert [a.n for a in extract_text(text).arms] == [None, None]
    text = ("Fifty orderlies were placed in a case group and another 50 orderlies were placed in the control group. "
            "Within the trial, 324 patients were further randomly assigned to the epoetin alfa group.")
    assert 50 in [a.n for a in extract_text(text).arms]


def test_a_ratio_in_parentheses_before_the_allocation_list() -> None:
    text = ("In the GO-BEFORE study, 637 MTX-naive adult patients with active RA were randomized (1:1:1:1) to placebo + MTX "
            "(group 1), golimumab 100 mg + placebo (group 2), golimumab 50 mg + MTX (group 3), or golimumab 100 mg + MTX "
            "(group 4).")
    assert len(extract_text(text).arms) == 4
    text = "Patients were randomly assigned (1:1) to everolimus 10 mg/d (n = 207) or placebo (n = 203)."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("everolimus", 207), ("placebo", 203)]


def test_an_add_on_arm_named_by_its_abbreviation_is_not_the_control() -> None:
    text = ("Patients were randomly assigned (1:1) to receiving standard treatment plus MZR (MZR group) or standard "
            "treatment (control group).")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("MZR", "intervention"), ("standard treatment", "control")]


def test_what_was_done_after_the_allocation_is_not_an_arm() -> None:
    text = ("Participants were randomized to receive AUCB or placebo, evaluated at baseline, 12, and 24 weeks, received "
            "the opposite infusion, then re-evaluated at the same time points.")
    assert [a.label for a in extract_text(text).arms] == ["AUCB", "placebo"]


def test_groups_named_in_a_parenthesis_after_one_of_k_groups() -> None:
    text = "30 adult patients were randomly allocated to one of two groups (the PLMA or I-gel group)."
    assert [a.label for a in extract_text(text).arms] == ["PLMA", "I-gel"]


def test_a_total_read_from_one_arms_allocated_count_becomes_the_sum_of_the_arms() -> None:
    r = extract_text("RESULTS: Overall, 493 subjects were randomized to varenicline and 166 to placebo.")
    assert [(a.label, a.n) for a in r.arms] == [("varenicline", 493), ("placebo", 166)]
    assert (r.sample_size.randomized, r.sample_size.derived) == (659, True)


def test_counts_to_three_groups_with_a_comma_before_the_last_and_outranks_a_shorter_list() -> None:
    text = ("Patients were randomly assigned to standard care or G-CSF. FINDINGS: Between May 18, 2010, and Feb 26, 2015, "
            "27 patients were randomly assigned to the standard care, 26 to the G-CSF group, and 28 to the G-CSF plus "
            "stem-cell infusion group.")
    r = extract_text(text)
    assert [a.n for a in r.arms] == [27, 26, 28]
    assert r.sample_size.randomized == 81


def test_a_one_letter_prefix_joined_by_a_hyphen_stays_in_the_label() -> None:
    # "G-CSF" lost its "G-" as if "G" were the unit gram before a name ("mg N-acetylcysteine")
    from extractor.fields.arm_labels import _strip_regimen

    text = ("FINDINGS: Between May 18, 2010, and Feb 26, 2015, 27 patients were randomly assigned to the standard care, "
            "26 to the G-CSF group, and 28 to the G-CSF plus stem-cell infusion group.")
    assert [a.label for a in extract_text(text).arms] == ["standard care", "G-CSF", "G-CSF plus stem-cell infusion"]
    for name in ("G-CSF", "L-arginine", "N-acetylcysteine", "D-dimer"):
        assert _strip_regimen(name) == name
    # must not: a unit before a name is still dropped
    assert _strip_regimen("mg N-acetylcysteine iv one hour") == "N-acetylcysteine"
    assert _strip_regimen("g creatine") == "creatine"


GO_BEFORE = ("METHODS: In the GO-BEFORE study, 637 MTX-naive adult patients with active RA were randomized (1:1:1:1) to "
             "placebo + MTX (group 1), golimumab 100 mg + placebo (group 2), golimumab 50 mg + MTX (group 3), or "
             "golimumab 100 mg + MTX (group 4).")


def test_active_drug_plus_placebo_is_the_intervention_of_a_factorial_trial() -> None:
    # the placebo of "golimumab 100 mg + placebo" stands for MTX: the arm is golimumab's, and its
    # label keeps the amount, as the golimumab arms differ by dose
    arms = extract_text("Golimumab in methotrexate-naive rheumatoid arthritis. " + GO_BEFORE).arms
    assert [(a.label, a.role) for a in arms] == [
        ("placebo + MTX", "control"), ("golimumab 100 mg + placebo", "intervention"),
        ("golimumab 50 mg + MTX", "intervention"), ("golimumab 100 mg + MTX", "intervention")]
    assert [[(d.value, d.unit) for d in a.doses] for a in arms] == [[], [(100, "mg")], [(50, "mg")], [(100, "mg")]]


def test_background_therapy_plus_placebo_stays_the_control() -> None:
    # must not: the drug beside the placebo is in every arm (background), so the placebo arm is the control
    text = ("Patients were randomized to simvastatin plus fenofibrate (n = 40) or simvastatin plus placebo (n = 40).")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [
        ("simvastatin plus fenofibrate", "intervention"), ("simvastatin plus placebo", "control")]
    # must not: a lone "placebo + X" arm with no other control is left a control
    text = "Patients were randomized to galunisertib plus lomustine (n = 79) or placebo plus lomustine (n = 40)."
    assert [a.role for a in extract_text(text).arms] == ["intervention", "control"]


def test_drug_plus_placebo_beside_a_plain_placebo_arm_is_an_intervention() -> None:
    text = ("Patients were randomized to placebo (n = 30), exenatide plus placebo (n = 30) or exenatide plus "
            "metformin (n = 30).")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [
        ("placebo", "control"), ("exenatide plus placebo", "intervention"), ("exenatide plus metformin", "intervention")]


def test_an_aim_called_control_is_no_control_term_of_a_combination() -> None:
    from extractor.fields.arms import _partner

    assert _partner("glycaemic and weight control") == frozenset()
    assert _partner("golimumab 100 mg + placebo") == frozenset({"golimumab"})
    assert _partner("placebo injections plus methotrexate capsules") == frozenset({"methotrexate"})


def test_a_no_treatment_group_is_not_merged_with_the_group_given_the_treatment() -> None:
    # "no aspirin" merged into "aspirin" (token subset): the aspirin arm became a control
    from extractor.fields.arm_labels import _same

    text = ("METHODS: Patients were randomly allocated to receive aspirin (81 mg or 100 mg daily, aspirin group) or no "
            "aspirin (no aspirin group). RESULTS: Positive urine dipstick albumin developed in 297 patients in the aspirin "
            "group (n = 1,075) and 270 patients in the no aspirin group (n = 1,098) during follow-up.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("aspirin", "intervention"), ("no aspirin", "control")]
    assert not _same("aspirin", "patients in the no aspirin", {})
    # must not: two names of one group given no treatment, or of one given the drug, still match
    assert _same("no aspirin", "patients in the no aspirin", {})
    assert _same("aspirin", "low-dose aspirin", {})


def test_a_trial_comparing_a_drug_with_placebo_names_the_two_arms() -> None:
    text = ("METHODS: Post hoc analysis of the Hip Intervention Program (HIP) study, a randomized controlled trial comparing "
            "risedronate with placebo for reducing the risk of hip fracture in elderly women.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("risedronate", "intervention"), ("placebo", "control")]
    # must not: two treatments of one kind, or a comparison of methods outside a trial's design
    assert extract_text("METHODS: A randomised controlled study comparing two different ESD models to treatment as usual.").arms == []
    assert extract_text("METHODS: Robustness tests were done by comparing ANCOVA with three comparative methods.").arms == []


def test_people_named_in_a_comparison_are_not_an_arm() -> None:
    # "compared to those who received CON": the treatment after the people is the arm's name
    text = ("Growth hormone during exercise after glucose.\nPlasma hGH concentrations were significantly higher in subjects "
            "who received CHO compared to those who received CON at 15 and 30 min.")
    assert [a.label for a in extract_text(text).arms] == ["CHO", "CON"]
    text = ("Homeopathic syrup in children with cough.\nThe present prospective observational study investigated children "
            "affected by wet acute cough, comparing those "
            "who received the homeopathic syrup versus those treated with the homeopathic syrup plus antibiotic.")
    assert [a.label for a in extract_text(text).arms] == ["homeopathic syrup", "homeopathic syrup plus antibiotic"]
    # must not: people alone ("children or adults") are no arm
    assert extract_text("Relaxants in infants.\nBACKGROUND: Infants usually respond differently to a neuromuscular relaxant "
                        "compared to children or adults.").arms == []


def test_a_mention_goes_to_the_arm_of_its_very_name_before_a_shorter_one() -> None:
    # "galunisertib plus lomustine (n = 79)" was merged into a "galunisertib" arm (token subset)
    text = ("METHODS: 158 patients were randomized to galunisertib plus lomustine (n = 79), galunisertib (n = 39) and "
            "placebo+lomustine (n = 40).")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [
        ("galunisertib plus lomustine", 79), ("galunisertib", 39), ("placebo+lomustine", 40)]
    assert all(al not in {"galunisertib", "galunisertib plus lomustine"} for a in arms for al in a.aliases)
    # must not: a shorter mention of one arm still joins it
    text = "Patients were randomized to oral iron (n = 40) or intravenous iron sucrose (n = 40). The iron sucrose group improved."
    assert [a.label for a in extract_text(text).arms] == ["oral iron", "intravenous iron sucrose"]


def test_either_or_names_may_hold_a_decimal_amount() -> None:
    text = ("Thirty-one insulin-resistant adults received 3.9 g/day EPA+DHA or placebo for 6 months in a randomized "
            "double-blind study.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("EPA+DHA", "intervention"), ("placebo", "control")]


def test_either_comma_or_names_two_arms() -> None:
    text = ("Women were asked to record their nausea and vomiting for three days, and then participants received either "
            "ginger capsules, or a placebo for four days.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("ginger capsules", "intervention"), ("placebo", "control")]


def test_comma_or_without_either_ends_a_clause_not_a_name() -> None:
    text = ("Patients were randomly assigned immediately postoperatively to receive either fluid and/or dobutamine therapy "
            "to maintain/restore their preoperative oxygen delivery, or protocolized standard care (oxygen delivery only recorded).")
    assert not any("maintain" in a.label for a in extract_text(text).arms)


def test_either_or_pair_that_starts_a_longer_list_is_no_pair() -> None:
    text = ("252 GPs were randomised either to an active strategy (training module with administration of the guideline), "
            "or to a passive dissemination (administration of the guideline only), or to usual care (control).")
    assert len(extract_text(text).arms) != 2


def test_treated_with_x_or_placebo_names_two_arms() -> None:
    text = ("Patients with progressive/relapsing-remitting MS and Expanded Disability Status Scale score of 4.0–7.0 were "
            "treated with PR-fampridine or placebo twice daily for 24 weeks.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("PR-fampridine", "intervention"), ("placebo", "control")]


def test_treated_with_x_or_y_without_placebo_names_no_arms() -> None:
    text = "Patients with hypertension were treated with amlodipine or atenolol by their physicians before enrolment."
    assert extract_text(text).arms == []


def test_amount_of_x_or_placebo_names_two_arms() -> None:
    text = "After 1 month of observation, three infusions of infliximab (5 mg/kg) or placebo were given."
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("infliximab", "intervention"), ("placebo", "control")]


def test_amount_of_x_or_placebo_that_ends_a_longer_list_is_no_pair() -> None:
    text = ("Based on either administration of 0.1 gram of Frankincense extract or 0.2 gram of its powder or placebo and "
            "whether the patients undergone scaling and root planning (SRP) or not, they were randomly assigned to 6 groups.")
    assert [a.label for a in extract_text(text).arms] != ["its powder", "placebo"]


def test_named_group_with_comma_n_gives_arm_and_size() -> None:
    text = ("Patients received either 5,000 U/kg ulinastatin (ulinastatin group, n=41) or the equivalent volume of normal "
            "saline (control group, n=69) before aortic cross clamping.")
    arms = extract_text(text).arms
    assert [(a.label, a.role, a.n) for a in arms] == [("ulinastatin", "intervention", 41), ("control", "control", 69)]


def test_named_group_with_comma_n_does_not_rename_a_listed_arm() -> None:
    text = ("Thirty adult patients undergoing laparoscopic major abdominal surgery were randomized to receive either room "
            "temperature CO2 (control group, n = 15) or heated CO2 (heated group, n = 15).")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("room temperature CO2", 15), ("heated CO2", 15)]


def test_intervention_or_control_with_counts_in_parentheses() -> None:
    text = ("Twenty-four community preschools in Kingston, Jamaica were randomly assigned to intervention (12 schools, "
            "37 teachers) or control (12 schools, 36 teachers).")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("intervention", "intervention"), ("control", "control")]


def test_bare_intervention_beside_an_active_treatment_is_no_arm() -> None:
    text = "Patients were randomly assigned to intervention (education) or metformin (500 mg daily)."
    assert [a.label for a in extract_text(text).arms] != ["intervention", "metformin"]


def test_groups_known_by_place_and_what_they_received() -> None:
    text = ("We studied 31 adult chronic hemodialysis patients and divided them into two groups. "
            "The first group (n = 20) received 1500 mg/dialysis interval (every other day) oral L-carnitine. "
            "The control group (n = 11) received placebo for one month.")
    arms = extract_text(text).arms
    assert [(a.role, a.n) for a in arms] == [("intervention", 20), ("control", 11)]
    assert arms[1].label == "placebo"


def test_control_group_named_by_what_it_received_keeps_its_role() -> None:
    text = ("Intervention group took omega-3 supplements with dose of 2 g/day for 6 months (two capsules), but control "
            "group received two olive oil capsules.")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms] == [("omega-3 supplements", "intervention"), ("olive oil capsules", "control")]


def test_one_group_that_received_something_is_no_arm_list() -> None:
    text = ("Butylphthalide after stroke\nMETHODS: The treatment group received intravenous drips of butylphthalide.\n"
            "RESULTS: The control group received more rescue analgesia.")
    assert extract_text(text).arms == []


def test_versus_between_names_with_abbreviations() -> None:
    text = ("A prospective, contralateral comparison of photorefractive keratectomy (PRK) versus thin-flap LASIK: "
            "assessment of visual function")
    assert [a.label for a in extract_text(text).arms] == ["PRK", "thin-flap LASIK"]


def test_compared_with_before_an_abbreviation_is_no_pair_of_names() -> None:
    text = ("Patients with chronic obstructive pulmonary disease (COPD) demonstrate reduced levels of daily physical "
            "activity (DPA) compared to healthy controls.")
    assert extract_text(text).arms == []


def test_versus_name_that_ends_a_coordination_is_no_arm() -> None:
    text = ("The aim of this study was to compare the effect of combination lamivudine (LAM) and adefovir dipivoxil (ADV) "
            "versus entecavir (ETV) monotherapy for naive HBeAg-positive chronic hepatitis B patients.")
    assert not any(a.label.startswith("and ") for a in extract_text(text).arms)



def test_a_coded_groups_drug_not_its_saline_vehicle_names_it() -> None:
    from extractor.fields.arm_mentions import _code_name

    assert _code_name("magnesium 50 mg in normal saline 1 mL") == "magnesium"
    assert _code_name("normal saline") == "normal saline"


def test_end_of_a_range_per_group_is_no_arm_size() -> None:
    text = ("Female alpacas were assigned randomly to 6 groups (n = 15 to 17 per group) in a 2 × 3 factorial design to test "
            "the effect of seminal plasma versus phosphate-buffered saline (PBS) given by intramuscular injection.")
    assert all(a.n is None for a in extract_text(text).arms)


def test_an_arm_named_by_its_abbreviation_takes_the_long_forms_role() -> None:
    # PMC4260664: "TAU" (treatment as usual) was an intervention arm
    rec = extract_text("METHODS: Patients were randomised to internet-based CBT (ICBT) or treatment as usual (TAU).\n"
                       "RESULTS: ICBT reduced symptoms more than TAU (p = 0.01).")
    assert {a.label: a.role for a in rec.arms}.get("TAU") == "control"
    # an abbreviation whose long form names a treatment stays an intervention
    assert {a.label: a.role for a in rec.arms}.get("ICBT") == "intervention"


def test_a_phrase_joining_two_groups_is_no_name_of_either() -> None:
    # PMC5244530: "between the intervention and control group" made "intervention and control" an
    # alias of the intervention arm, whose role then read as control
    rec = extract_text("METHODS: Patients in the intervention group met their GP regularly. The control group received "
                       "TAU.\nRESULTS: There were no significant differences between the intervention and control group "
                       "in depression severity (p = 0.4).")
    arm = next(a for a in rec.arms if a.label == "intervention")
    assert arm.role == "intervention" and "intervention and control" not in arm.aliases


def test_a_group_known_by_its_number_is_called_by_its_treatment() -> None:
    # PMC5926629: the arms were "group 1" and "group 2"
    rec = extract_text("METHODS: Patients were divided into two groups; diclofenac suppository group (Group 1) and "
                       "Lidocaine group (Group 2).\nRESULTS: Pain was lower in Group 1 (p = 0.01).")
    labels = [a.label for a in rec.arms]
    assert "diclofenac suppository" in labels and "group 1" in next(a for a in rec.arms
                                                                   if a.label == "diclofenac suppository").aliases
    # a numbered group that no sentence defines keeps its code
    rec = extract_text("METHODS: Patients were randomized to group 1 (n = 20) or group 2 (n = 20).\n"
                       "RESULTS: Pain was lower in group 1 (p = 0.01).")
    assert sorted(a.label for a in rec.arms) == ["group 1", "group 2"]


def test_coded_group_that_received_or_was_subjected_to_a_treatment_is_called_by_it() -> None:
    text = ("The patients were divided into group I (n=29) that received an autogenous tricortical bone graft and group II "
            "(n=23) that received an allogenous cancellous bone chip graft. The average bone union period was 11.7 weeks in "
            "group I and 12.1 weeks in group II.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [
        ("autogenous tricortical bone graft", 29), ("allogenous cancellous bone chip graft", 23)]
    text = ("Patients were randomized into two groups. Group A patients were subjected to laparoscopic appendectomy, whereas "
            "Group B patients were older than 40 years. Pain was lower in group A than in group B.")
    assert [a.label for a in extract_text(text).arms] == ["laparoscopic appendectomy", "group B"]
    # "and" ends the name only where the next group's clause starts
    text = ("Patients were randomized into three groups. Group I received oral midazolam and regional bupivacaine, "
            "Group II received oral clonidine and group III received placebo. Sedation was deeper in Group II than in Group I.")
    assert [a.label for a in extract_text(text).arms][:2] == ["oral midazolam and regional bupivacaine", "oral clonidine"]


def test_coded_group_given_a_treatment_in_the_passive_is_called_by_it() -> None:
    text = ("METHODOLOGY: Sixty primary teeth were randomly divided into two groups (Group A and Group B) with thirty teeth in "
            "each group. In Group A, metronidazole paste was used as intracanal medicament whereas in Group B, conventional "
            "pulpectomy was performed.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [
        ("metronidazole paste", "intervention"), ("conventional pulpectomy", "control")]
    # a group given "a loading dose" is named by no treatment: the code stays
    text = ("Forty six patients were randomly assigned to group L or group H. Group L received a loading dose of 0.5 μg/kg "
            "for 10 minutes while group H received 1 μg/kg.")
    assert [a.label for a in extract_text(text).arms] == ["group L", "group H"]


def test_hypertonic_saline_is_a_treatment_not_a_control() -> None:
    text = ("Patients were randomized to receive hypertonic saline (n = 20) or oral tolvaptan (n = 20) for hyponatremia.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [
        ("hypertonic saline", "intervention"), ("oral tolvaptan", "intervention")]
    text = "Patients were randomized to receive nebulised salbutamol (n = 20) or normal saline (n = 20)."
    assert [a.role for a in extract_text(text).arms] == ["intervention", "control"]


def test_groups_named_together_before_one_plural_group_word() -> None:
    text = ("METHODS: Dogs were prospectively enrolled and randomized. RESULTS: There were no differences in UP, GFR, and "
            "NaFE between the fenoldopam and the placebo groups.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("fenoldopam", "intervention"), ("placebo", "control")]
    text = ("METHODS: Eighteen sheep were randomly assigned to one of three groups. RESULTS: Values for EVLWST were 8.9, "
            "11.8 and 18.2 ml/kg in the sham-operated, lipopolysaccharide and oleic acid groups, respectively (P < 0.05).")
    assert [a.label for a in extract_text(text).arms] == ["sham-operated", "lipopolysaccharide", "oleic acid"]
    # who the people are, or a body part, names no group
    text = ("METHODS: SBP was measured in every participant. RESULTS: SBP was significantly different between "
            "normotensive and hypertensive groups at the following times.")
    assert extract_text(text).arms == []
    text = ("Patients were randomized. The primary outcome was the difference in categorization agreement between the "
            "expert group and sponsors across arms.")
    assert "sponsors across" not in [a.label for a in extract_text(text).arms]


def test_groups_named_by_their_roles_together_only_where_nothing_names_them() -> None:
    text = ("METHODS: Villages were randomized. RESULTS: Mean weight gain did not differ between the intervention and "
            "control groups.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("intervention", "intervention"), ("control", "control")]
    # a treatment named elsewhere outranks the role words
    text = ("METHODS AND RESULTS: Overall, 74 manuscripts were randomized to receive social media exposure, and 78 "
            "manuscripts were randomized to the control arm. The intervention and control arms were similar based on "
            "article type (P=0.85). The mean 30-day page views were 409.4 in the social media arm and 450.5 in the control "
            "arm; there was no evidence of a treatment effect (P=0.38).")
    assert [a.label for a in extract_text(text).arms] == ["control", "social media"]


def test_regimen_before_a_label_in_parentheses_starts_after_the_allocation_verb() -> None:
    text = ("METHODS: Following venesection of 15 mL/kg of blood, participants were randomized to 20 mL/kg of crystalloid "
            "over 10 min (FAST treatment) or 30 min (SLOW treatment). RESULTS: Outcomes did not differ between the SLOW "
            "and FAST groups.")
    arms = {a.label: [(d.value, d.unit) for d in a.doses] for a in extract_text(text).arms}
    assert arms["FAST"] == [(20, "mL/kg")]


def test_per_arm_counts_treated_with_each_treatment_with_a_bracket_before_the_verb() -> None:
    text = ("Thirty patients were treated with ibuprofen 400 mg twice a day, (mean age 27.12 ± 10.83 years) and 30 patients "
            "(mean age 26.60 ± 10) were treated with glucosamine sulfate 1500 mg daily.")
    rec = extract_text(text)
    assert [(a.label.split()[0], a.n) for a in rec.arms] == [("ibuprofen", 30), ("glucosamine", 30)]
    # the first count is an arm's, not the total
    assert rec.sample_size.randomized == 60


def test_bare_counts_received_name_arms_only_in_pairs() -> None:
    text = "RESULTS: Of the 159 patients randomized, 82 received progesterone and 77 received placebo."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("progesterone", 82), ("placebo", 77)]
    # a share of a group receiving its treatment is no arm's allocation
    text = ("Results: In the control arms 3627 patients were eligible and in the intervention arms 3094 patients. Of the "
            "latter, 1054 patients (34%) received the intervention. Adherence did not differ between the intervention and "
            "the usual care arm.")
    assert all(a.n is None for a in extract_text(text).arms)


def test_parenthesis_between_the_allocation_word_and_the_list() -> None:
    text = ("Following a 2-week run-in, patients were randomised (two inhalations twice daily) to budesonide pMDI 200 mu g, "
            "budesonide/formoterol DPI 160/4.5 mu g or budesonide/formoterol pMDI 160/4.5 mu g.")
    assert len(extract_text(text).arms) == 3
    # no list after it: no arms
    assert extract_text("Patients were randomised (two inhalations twice daily) at each visit.").arms == []


def test_either_with_an_amount_after_a_count_is_an_allocation_list_not_one_arm() -> None:
    text = ("METHODS: In this prospective non-randomized study, 43 neovascular glaucoma patients (43 eyes) were assigned to "
            "receive either 0.5 mg intravitreal ranibizumab for three to 14 days before Ahmed glaucoma valve implantation "
            "(injection group, n = 21) or Ahmed glaucoma valve implantation alone (control group, n = 22).")
    assert [a.n for a in extract_text(text).arms] == [21, 22]


def test_coded_groups_defined_after_a_colon_are_called_by_their_treatments() -> None:
    text = ("METHODS: 160 patients were randomly assigned equally to one of the following groups: Group A: Received single "
            "dose of N. sativa oil (500 ml capsule); Group B: Received single dose of garlic (500 mg capsule); Group C: "
            "Received single dose of CoQ10 (120 mg capsule) and Group D: received single dose of matching oral placebo.")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["N. sativa oil", "garlic", "CoQ10", "matching oral placebo"]
    assert "group A" in arms[0].aliases
    # a count after the code names nothing
    text = "Patients were randomized into group A and group B (group A: n = 35, group B: n = 35)."
    assert [a.label for a in extract_text(text).arms] == ["group A", "group B"]


def test_randomly_after_the_allocation_verb_before_groups_named_after_a_comma() -> None:
    text = "All patient allocated randomly in two study groups, MMC and acetic acid."
    assert [a.label for a in extract_text(text).arms] == ["MMC", "acetic acid"]
    # groups of counted units, not named treatments
    text = "The teeth were divided randomly into three groups of 18 porcelain and 24 composite chips each."
    assert extract_text(text).arms == []


def test_bare_counts_in_parentheses_after_every_item_of_an_allocation_list() -> None:
    text = "Patients were randomised to rizatriptan 10 mg (53), ibuprofen 400 mg (52) and placebo (50)."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("rizatriptan", 53), ("ibuprofen", 52), ("placebo", 50)]
    text = "Participants were assigned to receive vitamin D (40) or placebo (40) supplements."
    assert [a.n for a in extract_text(text).arms] == [40, 40]
    # one item's bracket alone is an amount, not a count
    text = "Patients were randomised to AZD3199 (200) or placebo."
    assert all(a.n is None for a in extract_text(text).arms)


def test_amounts_in_a_parenthesis_are_no_counts_of_the_arms_they_dose() -> None:
    text = ("OBJECTIVES: To compare two low-dose oral isotretinoin regimens (20 mg daily and 20 mg alternate days) in acne. "
            "METHODS: A total of 240 patients were randomized into two groups and treated with a fixed dose of 20 mg of "
            "isotretinoin (Group A - daily and Group B - alternate days) for 24 weeks.")
    arms = extract_text(text).arms
    assert [(a.label, a.n) for a in arms] == [("daily", None), ("alternate days", None)]
    # a count before a name still sizes its arm
    text = ("Patients were randomized to TOMOX or FOLFOX4. Of the 183 patients (92 TOMOX and 91 FOLFOX4), most had "
            "metastatic disease.")
    assert [a.n for a in extract_text(text).arms] == [92, 91]


def test_objective_comparing_two_named_treatments_names_the_arms() -> None:
    text = ("BACKGROUND: The aim of this study was to compare the effect of lansoprazole (30 mg) and pantoprazole (40 mg) "
            "administered intravenously on gastric acidity. METHODS: Sixty patients were enrolled.")
    assert [a.label for a in extract_text(text).arms] == ["lansoprazole", "pantoprazole"]
    # kinds of groups coordinated before one noun are no two named treatments
    text = ("OBJECTIVE: To compare the effectiveness of intensive group and individual interventions for smoking "
            "cessation in a primary health care setting.")
    assert extract_text(text).arms == []


def test_a_label_opening_with_a_clause_word_becomes_the_name_after_it() -> None:
    # the word that starts a phrase goes; what it introduces names the group
    text = "The individuals were randomly grouped into 3 as BAT (n=20), aerobic exercise (n=20) and control group (n=20)."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("BAT", 20), ("aerobic exercise", 20), ("control", 20)]
    text = ("METHODS: A random 90% sample of data from the LITHE trial on active rheumatoid arthritis (RA) despite MTX "
            "was used, which compared addition of placebo (n=117) with addition of TCZ (n=414) every 4 weeks.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("placebo", 117), ("addition of TCZ", 414)]
    text = ("Patients were enrolled and randomized into four groups for receiving intravenous ketamine (0.25 mg/kg), "
            "paracetamol (15 mg/kg), magnesium sulfate (7.5 mg/kg), and placebo (normal saline), immediately after "
            "the induction of anesthesia.")
    assert [a.label for a in extract_text(text).arms][:2] == ["intravenous ketamine", "paracetamol"]


def test_a_label_that_is_only_a_clause_or_a_time_is_no_arm() -> None:
    text = ("Participants were randomly assigned (1:1) to receive 1 g intravenous tranexamic acid bolus followed by an "
            "8 h infusion of 1 g tranexamic acid or a matching placebo, within 8 h of symptom onset.")
    assert "within 8 h of symptom onset" not in [a.label for a in extract_text(text).arms]
    text = ("In a trial conducted in the Gambia, young children were allocated either to receive "
            "dapsone/pyrimethamine (a commonly used drug for malaria prevention) or placebo, for up to four years.")
    assert [a.label for a in extract_text(text).arms] == ["dapsone/pyrimethamine", "placebo"]
    # a count after the clause word is left to the count rules
    text = ("Twenty-four healthy volunteers in the single-dose PK study were divided into three different groups, "
            "which received 37, 74, and 98 mg/m2 of UANL.")
    assert "UANL" in [a.label for a in extract_text(text).arms]


def test_which_group_names_no_group() -> None:
    text = ("The remaining were regarded as a control group. It was decided at random which practices would be in "
            "which group; this approach is called a randomized controlled trial.")
    assert "which" not in [a.label for a in extract_text(text).arms]
    text = "Pain was lower in the Hochu-ekki-to group than in the placebo group."
    assert [a.label for a in extract_text(text).arms] == ["Hochu-ekki-to", "placebo"]


def test_a_word_left_of_a_clause_or_a_count_is_no_arm() -> None:
    # "as" of ", as compared with standard care (SC)"
    text = ("OBJECTIVE: To evaluate the effect of a nurse-led intervention on quality of life (HRQOL) in cancer patients "
            "during 24 months after diagnosis, as compared with standard care (SC).")
    assert "as" not in [a.label for a in extract_text(text).arms]
    # "with one" of "with one group using MR850 humidifier and the other PMH7000"
    text = ("Patients were randomized to two groups of 35 receiving HHHFNC after treatment with nCPAP, with one group "
            "using MR850 humidifier and the other PMH7000.")
    assert not any(a.label.startswith("with one") for a in extract_text(text).arms)
    # a treatment after "with" stays a name
    text = "Patients were randomized to injection with an auto-disable syringe or with conventional syringe."
    assert "with conventional syringe" in [a.label for a in extract_text(text).arms]


def test_groups_each_with_n_cases_give_every_group_its_n() -> None:
    text = ("METHODS: Sixty-four cases of knee replacement patients were successively selected and randomly divided into "
            "the control group and the observation group each with 32 cases.")
    assert [a.n for a in extract_text(text).arms] == [32, 32]
    text = ("A total of 150 pregnant women were randomly divided into supportive care, acupressure, and control groups "
            "each containing 50 subjects.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("supportive care", 50), ("acupressure", 50), ("control", 50)]
    text = ("Sixty-four patients were randomly divided into the control group and the observation group each with "
            "a physician in charge.")
    assert [a.n for a in extract_text(text).arms] == [None, None]


def test_crossover_conditions_named_by_what_every_participant_received() -> None:
    text = ("METHODS: Twelve subjects (men 24.8 ± 4.3 yrs; women 22.8 ± 0.4 yrs) ingested a dietary supplement "
            "(OxyELITE Pro™) or a placebo, on two separate days in a double-blind, cross-over design.")
    assert [(a.label, a.role, a.n) for a in extract_text(text).arms] == [
        ("dietary supplement", "intervention", None), ("placebo", "control", None)]
    text = ("METHODS: In a randomized sham-controlled cross-over study, 60 subjects (30 Males) received sham and active "
            "tDCS in two subgroups (anode left/cathode right and anode right/cathode left) of the DLPFC.")
    assert [a.label for a in extract_text(text).arms] == ["sham", "active tDCS"]
    # a parallel-group trial: what the participants received is no list of conditions
    text = ("METHODS: Twelve subjects (men 24.8 ± 4.3 yrs; women 22.8 ± 0.4 yrs) ingested a dietary supplement "
            "(OxyELITE Pro™) or a placebo, on two separate days.")
    assert extract_text(text).arms == []
    # ... nor are the varying settings of one procedure
    text = ("METHODS: A randomised, blinded, crossover study was performed in 10 healthy volunteers. The volunteers were "
            "given intravenous injections of varying volume and speed.")
    assert extract_text(text).arms == []


def test_codes_defined_after_a_comma_in_a_list_of_groups_keep_the_code_and_gain_the_treatment() -> None:
    text = ("METHODS: A total of 77 patients with type 2 diabetes were assigned randomly into three dietary intervention "
            "groups: group M, diabetic meal delivery; group D, individual dietary counseling; and group C, conventional "
            "dietary education. In group M, HbA1c levels decreased significantly.")
    arms = extract_text(text).arms
    assert [(a.label, a.aliases, a.role) for a in arms] == [
        ("group M", ["diabetic meal delivery"], "intervention"), ("group D", ["individual dietary counseling"], "intervention"),
        ("group C", ["conventional dietary education"], "control")]
    # "preemptive: Group P, control: Group C": a name before a colon belongs to the next code
    text = ("METHODS: Sixty-four patients were randomized in to two groups (preemptive: Group P, control: Group C). "
            "In Group P, epidural analgesia was started before incision.")
    assert all("control" not in a.aliases for a in extract_text(text).arms if a.label == "group P")


def test_each_coded_groups_treatment_named_before_it_in_one_sentence() -> None:
    text = ("METHODS: One hundred and twenty patients were randomized into three groups. Patients were premedicated "
            "intravenously with normal saline in group 1, 50 µg fentanyl in group 2, and 0.5 mg/kg ketamine in group 3. "
            "RESULTS: There were 68 patients in group 1, 70 in group 2, and 72 in group 3.")
    arms = extract_text(text).arms
    assert [(a.label, a.aliases, a.role) for a in arms] == [
        ("group 1", ["normal saline"], "control"), ("group 2", ["fentanyl"], "intervention"), ("group 3", ["ketamine"], "intervention")]
    # counts of who was measured name no treatment
    text = ("METHODS: Subjects were randomized into three groups. The final sample consisted of five subjects in Group V, "
            "nine subjects in Group P, and seven subjects in Group C.")
    assert not any(a.aliases for a in extract_text(text).arms)


def test_a_with_phrase_after_a_comma_in_an_allocation_list_says_how_an_item_is_given() -> None:
    text = ("METHODS: A total of 140 patients were randomly allocated to one of 4 treatment groups to receive intravenously "
            "placebo (saline), lidocaine (20 mg), ketorolac (10 mg), or both (n = 35 for each group), with venous occlusion.")
    assert [a.label for a in extract_text(text).arms] == ["placebo", "lidocaine", "ketorolac", "both"]
    text = ("METHODS: Seventeen subjects were randomized into either the control group, without the mask, or experimental "
            "group, with the mask.")
    assert [a.label for a in extract_text(text).arms] == ["control", "experimental"]
    # "either with X or Y": the first name, without its "with"
    text = ("METHODS: A total of 75 patients were randomized to treatment either with a single leukocyte-reduced PRP or "
            "corticosteroid intra-articular injection.")
    assert [a.label for a in extract_text(text).arms][0] == "leukocyte-reduced PRP"
    # a second item "or with X" is a name of its own
    text = "METHODS: Patients were randomized to injection with an auto-disable syringe or with conventional syringe."
    assert "with conventional syringe" in [a.label for a in extract_text(text).arms]


def test_a_run_of_amounts_of_one_drug_in_an_allocation_list_is_one_group_per_amount() -> None:
    text = ("METHODS: In this double-blind, multicenter, Phase II study, 183 patients were randomized to placebo or PA21 at "
            "doses of 250, 500, 750, or 1000 mg (based on iron content) three times/day for 6 weeks.")
    assert [a.label for a in extract_text(text).arms] == ["placebo", "PA21 250 mg", "PA21 500 mg", "PA21 750 mg", "PA21 1000 mg"]
    text = ("METHODS: Patients with GBM were randomly assigned to receive trabedersen at doses of 10 or 80 μM or standard "
            "chemotherapy (temozolomide or procarbazine/lomustine/vincristine).")
    assert [a.label for a in extract_text(text).arms] == ["trabedersen 10 μM", "trabedersen 80 μM", "standard chemotherapy"]
    # "the drug" names no drug: no dose groups of it
    text = ("METHODS: Total 80 patients were randomized and allocated to clopidogrel and aspirin groups to receive the "
            "drug at a dose of 75 mg and 150 mg once daily respectively for 8 weeks.")
    assert "drug 75 mg" not in [a.label for a in extract_text(text).arms]


def test_a_list_of_groups_after_a_colon_separated_by_semicolons() -> None:
    text = ("METHODS: Participants were randomly allocated to one of three groups: potassium hydroxide (KOH, 40 %); "
            "trichloroacetic acid (TCA); and podiatry treatment. Participants were followed for 3 weeks.")
    assert [a.label for a in extract_text(text).arms] == ["potassium hydroxide", "TCA", "podiatry"]
    text = ("METHODS: The treatment sample consisted of 35 class II malocclusion subjects, divided in two groups: group 1 "
            "consisted of 24 patients (13 males and 11 females) with a mean pre-treatment age of 12.9 years, treated with "
            "the Segmented Pendulum (SP) and fixed appliances; group 2 consisted of 11 patients (6 males and 5 females) "
            "treated with fixed appliances only.")
    assert [(a.label, a.n) for a in extract_text(text).arms][:2] == [("group 1", 24), ("group 2", 11)]
    # a semicolon that ends the list of codes starts another clause: no group is named "A, B, and C"
    text = ("METHODS: In the present clinical study, 37 patients were registered and were randomly divided into three "
            "groups: A, B, and C; of the 37 patients, 31 completed the full course of treatment.")
    assert not any("," in a.label for a in extract_text(text).arms)


def test_an_arm_marked_control_site_or_control_group_with_its_n_is_the_control() -> None:
    text = ("In each patient, on completion of SRP, three non-adjacent sites in three different quadrants were randomly "
            "divided into three different groups, that is, Group I: Those receiving 2% turmeric gel, Group II: Those "
            "receiving 1% chlorhexidine gel (Hexigel), and Group III: SRP alone (control site).")
    arms = extract_text(text).arms
    assert [(a.label, a.role) for a in arms][-1] == ("SRP", "control")
    text = ("METHODS: Thirty adult patients undergoing laparoscopic major abdominal surgery were randomized to receive "
            "either room temperature CO2 (control group, n = 15) or heated CO2 (heated group, n = 15).")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("room temperature CO2", "control"), ("heated CO2", "intervention")]
    # a measurement "(control value)" marks no arm
    text = ("METHODS: Patients were randomized to propofol or sevoflurane. Heart rate was marked before induction "
            "(control value).")
    assert [a.role for a in extract_text(text).arms] == ["intervention", "intervention"]


def test_a_parenthesised_list_of_name_colon_n_items_sizes_the_groups() -> None:
    text = ("METHODS: Participants were randomly assigned to either experimental condition (collaborative: n = 72; "
            "individualistic: n = 74).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("collaborative", 72), ("individualistic", 74)]
    text = "RESULTS: 60 patients (mean age 64 years) were randomised (FF/VI: n=40; placebo: n=20), and all contributed data."
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("FF/VI", 40), ("placebo", 20)]
    # a comma form with more after its count is a result, not a group's size
    text = ("RESULTS: The meta-analysis showed improvement for vortioxetine versus placebo (n = 911) in SDS total score "
            "(vortioxetine 5 mg, n = 564, change from baseline versus placebo −0.24, p = NS; 10 mg, n = 445, Δ −1.68).")
    assert 564 not in [a.n for a in extract_text(text).arms]
    # who remained after exclusions is not the allocation
    text = ("The infants were randomized either into the intervention group (IG) or the control group (CG). After 2 years "
            "5 infants had to be excluded (IG; n = 12; CG: n = 13).")
    assert 13 not in [a.n for a in extract_text(text).arms]


def test_randomised_either_to_x_or_to_y_is_an_allocation_list() -> None:
    text = ("252 GPs were randomised either to an active strategy (training module with administration of the guideline), "
            "or to a passive dissemination (administration of the guideline only), or to usual care (control).")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [
        ("active strategy", "intervention"), ("passive dissemination", "intervention"), ("usual care", "control")]


def test_an_item_without_its_size_between_sized_groups_describes_the_group_before_it() -> None:
    text = ("Two hundred participants were randomized either to a healthy Nordic diet (ND, n = 93), rich in whole grain "
            "rye and wheat, as well as berries, fruits and vegetables, rapeseed oil, three fish meals per week and low-fat "
            "dairy products or a control diet (n = 65).")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("healthy Nordic diet", 93), ("control diet", 65)]
    # a last item cut inside its parenthesis keeps its place
    text = ("Patients with acute sore throat were randomly assigned to receive either one AMC/DCBA Warm lozenge (n = 77), "
            "one AMC/DCBA Cool lozenge (n = 74) or one unflavoured, non-medicated lozenge (matched for size, shape and "
            "demulcency; n = 74).")
    assert len(extract_text(text).arms) >= 3


def test_a_time_point_or_a_course_with_its_preposition_is_no_arm() -> None:
    text = ("METHODS: 4162 women were randomly assigned by computer-generated permuted block randomisation to receive FEC "
            "(fluorouracil 600 mg/m2, epirubicin 60 mg/m2, cyclophosphamide 600 mg/m2 at 3-weekly intervals) for four "
            "cycles followed by docetaxel (100 mg/m2 at 3-weekly intervals) for four cycles (n=2073) or control (n=2089).")
    assert "for four cycles" not in [a.label for a in extract_text(text).arms]
    text = ("METHODS: Patients were randomized to an experimental group or a control group. RESULTS: Disease-free "
            "survival events were seen in 517 of 2073 patients in the experimental group compared with 539 of 2089 controls.")
    assert 517 not in [a.n for a in extract_text(text).arms]
    # "after" with a treatment stays a name
    text = ("Each patient was randomly assigned to undergo a tubal resection either after Pomeroy ligation (n=54) or "
            "after bipolar coagulation with Kleppinger forceps (n=55).")
    assert "after Pomeroy ligation" in [a.label for a in extract_text(text).arms]


def test_the_allocation_sentences_each_count_sizes_every_group_even_when_one_has_a_count() -> None:
    text = ("METHODS: Myopic schoolchildren aged 8–16 were randomly allocated to control group (CG), myopic defocus group "
            "(MDG) and hyperopic defocus group (HDG) (n = 17 per group).")
    assert [a.n for a in extract_text(text).arms] == [17, 17, 17]
    # a per-group count outside the allocation sentence does not replace a group's own count
    text = ("METHODS: Patients were randomized to drug A (n = 30) or drug B. Visits were scheduled with 4 nurses per group.")
    assert 4 not in [a.n for a in extract_text(text).arms]


def test_a_trial_with_k_arms_listed_after_a_colon() -> None:
    text = ("DESIGN: Parallel randomised controlled trial with three arms: standard quitline, standard plus technology "
            "enhanced quitline with 10 risk assessments (TEQ-10), standard plus 20 TEQ assessments (TEQ-20).")
    assert len(extract_text(text).arms) == 3
    # "with" names a trial's arms, not conditions people have
    text = "Patients with two conditions: diabetes and hypertension were excluded from the trial."
    assert extract_text(text).arms == []


def test_into_treatment_and_control_groups_names_both_groups() -> None:
    text = ("METHODS: Patients were randomly divided into treatment and control groups; the treatment group received "
            "intravenous drips of butylphthalide, while the control group did not.")
    assert [(a.label, a.role) for a in extract_text(text).arms] == [("treatment", "intervention"), ("control", "control")]
    # "treatment" alone, without a control beside it, names no group
    text = "METHODS: Patients were randomly divided into treatment and observation groups."
    assert "treatment" not in [a.label for a in extract_text(text).arms]


def test_six_arms_after_compared_read_without_error() -> None:
    text = ("METHODS: A single-blinded, randomized trial among Afghan refugees in Pakistan compared six treatment arms: "
            "CQ; CQ+(single-dose)PQ; CQ+(3 d)AS; SP; SP+(single-dose)PQ, and SP+(3 d)AS.")
    assert not extract_text(text).warnings


def test_two_amounts_of_one_drug_joined_by_or_are_two_arms() -> None:
    text = ("METHODS: In a double-blind, placebo-controlled study, patients were randomized to receive injections of 8 or "
            "16 mg VM202 per leg or placebo. Divided doses were administered on Day 0 and Day 14.")
    arms = extract_text(text).arms
    assert [a.label for a in arms] == ["VM202 8 mg", "VM202 16 mg", "placebo"]
    assert [[(d.value, d.unit) for d in a.doses] for a in arms[:2]] == [[(8, "mg")], [(16, "mg")]]
    text = "Patients (N = 1,070) were randomised to once-daily placebo or baricitinib 2 or 4 mg for 24 weeks."
    assert [a.label for a in extract_text(text).arms] == ["placebo", "baricitinib 2 mg", "baricitinib 4 mg"]
    # two counts joined by "or" are no amounts of a drug
    text = "Patients were randomized to drug A or drug B, 15 or 20 patients in each group."
    assert not any("15" in a.label for a in extract_text(text).arms)


def test_an_allocation_list_ends_before_from_whom() -> None:
    text = ("Participants were 54 females and 38 males enrolled in the Look AHEAD (Action for Health in Diabetes) trial "
            "randomized to ILI or diabetes support and education (DSE) from whom baseline and 1-year MRI measures of total "
            "AT (TAT) and regional (arm, trunk, leg) AT, including subcutaneous AT (SAT), visceral AT (VAT), and "
            "intermuscular AT (IMAT), were acquired.")
    text = "We studied a 1-year intensive lifestyle intervention (ILI). " + text
    assert [a.label for a in extract_text(text).arms] == ["ILI", "DSE"]
    # "and" before an abbreviation of the last word only still splits the items
    text = "Patients were randomized to diet, exercise and massage (MAS)."
    assert [a.label for a in extract_text(text).arms] == ["diet", "exercise", "massage"]


def test_each_count_from_its_group_is_the_arm_size_not_the_total() -> None:
    text = ("METHODS: High-risk patients undergoing brain surgery were randomly assigned to a control group or a GDFR group. "
            "RESULTS: A total of 73 patients from the GDFR group were compared with 72 patients from the control group.")
    rec = extract_text(text)
    assert [(a.label, a.n) for a in rec.arms] == [("control", 72), ("GDFR", 73)]
    assert rec.sample_size.randomized == 145
    # beside an "n =", a count in a group is a count of events
    text = ("Patients were randomly allocated to receive aspirin or no aspirin. RESULTS: Positive urine dipstick albumin "
            "developed in 297 patients in the aspirin group (n = 1,075) and 270 patients in the no aspirin group (n = 1,098).")
    assert 297 not in [a.n for a in extract_text(text).arms]
    # one group's count alone, the size of the whole trial, is no size of that group
    text = ("METHODS: A total of 73 patients were randomly assigned to a usual care group (control group) or a GDFR "
            "group. RESULTS: 73 patients from the GDFR group were followed up.")
    rec = extract_text(text)
    assert [a.n for a in rec.arms] == [None, None]
    assert rec.sample_size.randomized == 73


def test_a_label_cut_before_its_noun_is_no_arm() -> None:
    text = ("RESULTS: A total of 61 patients were randomized into two groups of 30 int he group of tea and coffee 29 in "
            "the group, two patients were excluded from the study.")
    assert "coffee 29 in the" not in [a.label for a in extract_text(text).arms]
    # a name that ends in a noun stays
    text = "Patients were randomized to coffee or tea."
    assert [a.label for a in extract_text(text).arms] == ["coffee", "tea"]


def test_a_coded_group_with_its_count_in_a_parenthesis() -> None:
    text = ("METHODS: Patients were randomized into two groups. Group A (36 patients) took Plavix (75 mg/d) and group B "
            "(36 patients) used clopidex (75 mg/d) both for 30 days.")
    assert [(a.label, a.n) for a in extract_text(text).arms] == [("group A", 36), ("group B", 36)]
    # a duration in the parenthesis is no count
    text = ("METHODS: Patients were randomized into two groups. Group A (30 days) took Plavix and group B (60 days) "
            "used clopidex.")
    assert all(a.n is None for a in extract_text(text).arms)


def test_a_coded_group_with_its_count_in_a_parenthesis_is_named_by_what_it_received() -> None:
    text = ("METHODS: 55 COPD patients were assigned (double-blind, randomized) to: group A (30 patients) with daily dietary "
            "supplementation with Creatine 340 mg for 2 months whereas Group B (25 patients) received placebo.")
    assert [(a.label, a.role, a.n) for a in extract_text(text).arms][1] == ("placebo", "control", 25)
    # a duration in the parenthesis is no count: the code stays unnamed by it
    text = ("METHODS: Patients were randomized into two groups. Group A took drug A whereas Group B (25 days) received "
            "placebo.")
    assert "placebo" not in [a.label for a in extract_text(text).arms]
