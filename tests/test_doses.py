from __future__ import annotations

from extractor.api import extract_text
from extractor.fields.arm_candidates import _Arm
from extractor.fields.arm_doses import _dose_spans, _regimen_before_label, _shared_spans
from extractor.fields.doses import find_doses, normalise_unit
from extractor.normalize import normalize_text


def test_flattened_power_of_ten_cells() -> None:
    d = find_doses("two intravenous infusions (at day 0 and 3) of 100 ± 20 × 106 UC-MSCs")[0]
    assert (d.value, d.unit, d.route, d.frequency) == (100_000_000, "cells", "intravenous", "at day 0 and 3")


def test_caret_power_of_ten() -> None:
    assert find_doses("100 ± 20 × 10^6 UC-MSCs")[0].value == 100_000_000


def test_million_cells_per_kg() -> None:
    d = find_doses("two infusions of 2 million cells/kg or sham infusions")[0]
    assert (d.value, d.unit) == (2_000_000, "cells/kg")


def test_route_frequency_duration() -> None:
    d = find_doses("lornoxicam 8 mg administered intravenously every 12 hours for six doses")[0]
    assert (d.value, d.unit, d.route, d.frequency, d.duration) == (8, "mg", "intravenous", "every 12 hours", "for six doses")


def test_per_kg_per_day_for_days() -> None:
    d = find_doses("0.5 mg/kg/day for 7 days")[0]
    assert (d.value, d.unit, d.duration) == (0.5, "mg/kg/day", "for 7 days")


def test_units_normalised() -> None:
    assert normalise_unit("µg") == "μg" and normalise_unit("ug") == "μg"
    assert normalise_unit("mg.kg-1") == "mg/kg" and normalise_unit("ML") == "mL" and normalise_unit("iu") == "IU"


def test_measurement_units_are_not_doses() -> None:
    assert find_doses("BMI 22.4 kg/m2 and creatinine 1.2 mg/dl") == []


def test_a_percent_is_never_a_dose() -> None:
    assert find_doses("Downstaging was observed in 21 (30.9%) cases in RT group") == []


def test_several_regimens_of_one_arm() -> None:
    ds = find_doses("oxytocin bolus 5 IU, bolus 10 IU or bolus 5 IU followed by 10 IU in 2 h", first_only=False, regimens=True)
    assert [(d.value, d.unit) for d in ds] == [(5, "IU"), (10, "IU"), (5, "IU")]


def test_parts_of_one_regimen_are_not_separate_regimens() -> None:
    ds = find_doses("a combination of sufentanil 25 mcg and morphine 2 mg", first_only=False, regimens=True)
    assert [(d.value, d.unit) for d in ds] == [(25, "mcg")]


def test_amount_per_volume_per_day_is_per_day() -> None:
    d = find_doses("oral solubilized UDCA (3.5 g/140 mL/day) or placebo")[0]
    assert (d.value, d.unit) == (3.5, "g/day")


def test_combination_amount_is_its_first_number() -> None:
    # fixed-dose combinations: "budesonide/formoterol 160/4.5 μg" is one regimen, value 160
    d = find_doses("one inhalation of budesonide/formoterol 160/4.5 μg (via Turbuhaler®)")[0]
    assert (d.value, d.unit) == (160, "μg")


def test_range_or_alternatives_of_one_regimen_give_the_first_number() -> None:
    assert [(d.value, d.unit) for d in find_doses("a single application of 1 to 10 g on adhesion-prone areas",
                                                  first_only=False, regimens=True)] == [(1, "g")]
    assert (find_doses("single ascending dose (1–25 mg)")[0].value) == 1
    assert [(d.value, d.unit) for d in find_doses("multiple ascending dose (5 or 10 mg/day, 7 days)",
                                                  first_only=False, regimens=True)] == [(5, "mg/day")]


def test_ratio_and_pressure_are_not_ranges() -> None:
    assert find_doses("randomized 2:1 to 10 mg")[0].value == 10
    assert find_doses("blood pressure 120/80 mmHg") == []


def test_ranges_off_reads_the_last_amount() -> None:
    # "at 10, 20 and 40 mcg/kg/min": the numbers belong to different arms
    assert find_doses("paricalcitol (1 or 2 μg/day)", ranges=False)[0].value == 2


def test_per_week_and_per_ml_amounts() -> None:
    assert (find_doses("MTX treatment consisted of 20 mg/week administered as a medium-concentration formulation")[0].unit
            == "mg/week")
    d = find_doses("comparing commercial available prefilled saline 9 mg/ml syringes")[0]
    assert (d.value, d.unit.lower()) == (9, "mg/ml")
    assert find_doses("creatinine 1.2 mg/dl") == []


def test_mmol_per_kg_per_day_and_ppm_are_dose_units() -> None:
    d = find_doses("following 3-day oral supplementation with either placebo or sodium nitrate (0.1 mmol/kg/day)")[0]
    assert (d.value, d.unit) == (0.1, "mmol/kg/day")
    d = find_doses("randomly assigned to one of the three groups, 5000 ppm fluoride toothpaste (Duraphat)")[0]
    assert (d.value, d.unit) == (5000, "ppm")


def test_mmol_per_litre_and_ppm_of_a_measured_quantity_are_not_doses() -> None:
    assert find_doses("serum potassium of 4.1 mmol/l at baseline") == []
    assert find_doses("exhaled carbon monoxide below 10 ppmv") == []


def test_a_long_run_of_digits_is_tried_once_by_the_power_and_million_amounts_and_loses_no_field() -> None:
    # amount_power and amount_million were tried at every digit of a run, each try reading the
    # run to its end: quadratic, and "(n=1010...10)" of 20,000 digits timed the arms field out
    # ("arms: pattern matching timed out; field left empty")
    from extractor.api import extract_text

    r = extract_text("Title\n\nMETHODS: Patients (N=187) were randomized to drug 5 mg (n="
                     + "10" * 10_000 + ") or placebo (n=63).")
    assert r.warnings == []
    assert r.sample_size.randomized == 187
    assert [(d.value, d.unit) for a in r.arms for d in a.doses] == [(5.0, "mg")]
    assert [(a.label, a.n) for a in r.arms if a.label == "placebo"] == [("placebo", 63)]
    assert find_doses("2 million cells/kg")[0].value == 2_000_000


def test_body_surface_area_dose_is_per_square_metre() -> None:
    # chemotherapy doses are per m2 of body surface; "mg m-2" (BJC style) and a schedule
    # after the unit ("120 mg/m2/1-21": days 1-21) give the same unit
    assert [(d.value, d.unit) for d in find_doses("cisplatin 75 mg/m2 on day 1")] == [(75, "mg/m2")]
    assert [(d.value, d.unit) for d in find_doses("capecitabine 1250 mg m-2 two times daily")] == [(1250, "mg/m2")]
    assert [(d.value, d.unit) for d in find_doses("epirubicin 120 mg/m2/1-21")] == [(120, "mg/m2")]
    # body-mass and left-ventricular-mass indices are measurements, not doses
    assert find_doses("BMI 32 kg/m2") == [] and find_doses("left ventricular mass index 120 g/m2") == []


def test_infusion_rate_is_a_dose() -> None:
    assert [(d.value, d.unit) for d in find_doses("isoproterenol infusion (5 μg/min)")] == [(5, "μg/min")]
    assert [(d.value, d.unit) for d in find_doses("ropivacaine 0.2% at 5 mL/hr in the epidural space")] == [(5, "mL/h")]
    assert find_doses("creatinine clearance 80 mL/min") == []


def test_power_of_ten_international_units() -> None:
    # "10 × 106 IU m−2": a PDF-flattened 10^6, per m2; read as 6 IU or 106 IU before
    d = find_doses("four doses of 10 × 106 IU m-2 twice daily subcutaneously")[0]
    assert (d.value, d.unit) == (10_000_000, "IU/m2")
    assert [(d.value, d.unit) for d in find_doses("interferon alfa 3 × 10^6 IU three times a week")] == [(3_000_000, "IU")]
    # twice 100 IU is not a power of ten; an exponent alone is never an amount
    assert [(d.value, d.unit) for d in find_doses("2 × 100 IU of insulin")] == [(100, "IU")]
    assert all(d.value != 6 for d in find_doses("a dose of 10^6 IU"))


ST03 = ("METHODS: We randomly assigned patients 1:1 to receive peri-operative epirubicin, cisplatin, and capecitabine "
        "chemotherapy or chemotherapy plus bevacizumab, in addition to surgery. Patients in the control group (chemotherapy "
        "alone) received three pre-operative and three post-operative cycles of epirubicin, cisplatin, and capecitabine "
        "chemotherapy: 50 mg/m2 epirubicin and 60 mg/m2 cisplatin on day 1 and 1250 mg/m2 oral capecitabine on days 1-21. "
        "Patients in the investigational group received the same treatment as the control group plus 7.5 mg/kg intravenous "
        "bevacizumab on day 1 of every cycle of chemotherapy and for six further doses once every 21 days following "
        "chemotherapy, as maintenance treatment. FINDINGS: 1063 patients were randomly assigned to receive chemotherapy "
        "alone (n=533) or chemotherapy plus bevacizumab (n=530).")


def test_a_co_treatment_every_arm_receives_is_not_the_control_arms_dose() -> None:
    arms = extract_text(ST03).arms
    assert [(a.label, a.role) for a in arms] == [("chemotherapy", "control"), ("chemotherapy plus bevacizumab", "intervention")]
    assert arms[0].doses == []
    assert [(d.value, d.unit) for d in arms[1].doses] == [(7.5, "mg/kg")]


def test_the_same_treatment_as_the_control_group_plus_names_the_add_on() -> None:
    from extractor.fields.arm_doses import _ADDITION, _SAME_AS_CONTROL

    low = "patients in the investigational group received the same treatment as the control group plus 7.5 mg/kg bevacizumab"
    assert _SAME_AS_CONTROL.search(low) and _ADDITION.search(low)
    # must not: the same treatment without an add-on
    low = "patients in both groups received the same treatment as the control group during surgery"
    assert not _SAME_AS_CONTROL.search(low) and not _ADDITION.search(low)


def test_a_treatment_named_in_a_no_treatment_arm_is_not_shared() -> None:
    # must not: "no aspirin" does not receive aspirin, so the aspirin arm keeps its doses
    text = ("Patients were randomly allocated to receive aspirin (81 mg or 100 mg daily, aspirin group; n = 1262) "
            "or no aspirin (no aspirin group; n = 1277).")
    arms = extract_text(text).arms
    assert [(d.value, d.unit) for d in arms[0].doses][:1] == [(81, "mg")]


def test_the_control_treatment_named_in_every_arm_is_a_co_treatment() -> None:
    from extractor.fields.arm_candidates import _Arm
    from extractor.fields.arms import _in_every_arm

    chemo, beva = _Arm("chemotherapy", 0, 1), _Arm("chemotherapy plus bevacizumab", 0, 1)
    assert _in_every_arm(chemo, [chemo, beva])
    # must not: another arm without it, or one that names it only as withheld
    assert not _in_every_arm(chemo, [chemo, _Arm("bevacizumab", 0, 1)])
    aspirin = _Arm("aspirin", 0, 1)
    assert not _in_every_arm(aspirin, [aspirin, _Arm("no aspirin", 0, 1)])


def test_per_kilogram_written_with_negative_powers_is_per_kilogram() -> None:
    # "μg kg−1" was read as "μg" and "g · kg−1 · d−1" as "g": the per-kilogram part was lost
    text = normalize_text("METHODS: Detomidine at 80 μg kg−1 was administered to ten calves sublingually (GEL) "
                          "and at 30 μg kg−1 to ten control calves IV (V. jugularis).")
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False)] == [(80, "μg/kg"), (30, "μg/kg")]
    text = normalize_text("we compared the effects of a HP (5 g · kg−1 · d−1) versus normal protein (NP, 2 g · kg−1 · d−1) "
                          "enteral diet on protein kinetics")
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False)] == [(5, "g/kg/day"), (2, "g/kg/day")]


def test_oxygen_uptake_per_kilogram_per_minute_is_no_dose() -> None:
    assert find_doses(normalize_text("VO2peak 45.2 ml·kg−1·min−1")) == []


def test_label_in_parentheses_names_the_regimen_before_it() -> None:
    # the label after its regimen took the amount after it, the next arm's ("1 mg" for group 1)
    text = ("METHODS: Sixteen eyes of 16 patients with corneal NV were randomly assigned for an injection with 2.5 mg of "
            "bevacizumab (group 1, n = 8) or 1 mg of ranibizumab (group 2, n = 8) through subconjunctival and "
            "intrastromal routes.")
    assert [(a.label, [(d.value, d.unit) for d in a.doses]) for a in extract_text(text).arms] == [
        ("group 1", [(2.5, "mg")]), ("group 2", [(1, "mg")])]
    text = ("MATERIALS AND METHODS: A total of 60 patients (ASA I and II) of either sex, between 18 years and 50 years were "
            "given either nalbuphine 0.2 mg/kg (group N, n = 30) or pentazocine 0.5 mg/kg (group P, n = 30) 5 min before "
            "induction of general anesthesia.")
    assert [[(d.value, d.unit) for d in a.doses] for a in extract_text(text).arms] == [[(0.2, "mg/kg")], [(0.5, "mg/kg")]]


def test_parenthesis_after_a_weight_or_before_an_amount_names_no_regimen() -> None:
    # the animals' weight is no dose of the group listed after it
    text = "METHODS: Male rats weighing 260–300 g were randomly allocated into three groups (sham, exercise, and ischemia)."
    assert all(a.doses == [] for a in extract_text(text).arms)
    # "tiotropium (TIO) 18 μg od": an abbreviation in parentheses, its amount after it
    sent = ("SHINE was a 26-week, multicenter, randomized, double-blind, parallel-group study that evaluated safety and "
            "efficacy of indacaterol (IND)/glycopyrronium (GLY) 110/50 μg once daily (od) compared with GLY 50 μg od, "
            "IND 150 μg od, open-label tiotropium (TIO) 18 μg od, and placebo.")
    assert _regimen_before_label(sent, sent.index("TIO")) is None


def test_list_of_amounts_with_one_unit_is_one_regimen_per_number() -> None:
    # "10, 20, or 30 mg": only "20, or 30 mg" was read (as one amount, 20) and 10 was lost
    text = ("METHODS: In this 16-week, placebo-controlled study, 352 patients with moderate to severe plaque psoriasis "
            "received placebo or apremilast (10, 20, or 30 mg BID)")
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True)] == [(10, "mg"), (20, "mg"), (30, "mg")]
    assert find_doses(text)[0].value == 10
    # two numbers stay alternatives of one regimen
    assert [(d.value, d.unit) for d in find_doses("multiple ascending dose (5 or 10 mg/day, 7 days)",
                                                  first_only=False, regimens=True)] == [(5, "mg/day")]


def test_amount_after_a_comparison_sign_is_a_bound_not_a_dose() -> None:
    # "prostate volume >30 g", "(< 50 g day−1 CHO": an inclusion criterion or a diet's limit
    text = normalize_text("LCHF (< 50 g day−1 CHO; 78% energy as fat; 2.1 g kg−1 day−1 protein; LCHF, n = 10)")
    # (the "2.1 g kg−1 day−1 protein" after it is a diet's composition: see the macronutrient test)
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True)] == []
    assert find_doses("METHODS: 200 patients with cancer pain (requiring ≤ 540 mg/d of oral morphine) participated") == []


def test_concentration_is_the_dose_where_no_amount_with_a_unit_is_given() -> None:
    # "erythromycin ointment 2%", "2% whole turmeric gel": no amount with a unit, so no dose was read
    text = "or erythromycin ointment 2% followed by doxycycline in case of insufficient activity."
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True, concentrations=True)] == [(2, "%")]
    text = "topical subgingival application of 2% whole turmeric gel"
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True, concentrations=True)] == [(2, "%")]
    # a concentration is read only when asked for: an arm's amount with a unit comes first
    text = "In Group B, 20 ml of 0.5% (100 mg) bupivacaine was added to 480 ml of normal saline"
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True)][0] == (20, "mL")
    assert find_doses("or erythromycin ointment 2% followed by doxycycline", first_only=False, regimens=True) == []


def test_percent_of_people_or_of_saline_is_no_concentration() -> None:
    for text in ("Only 11% of those patients visiting the control group of practices",
                 "and Group C received intranasal saline 0.9% after the induction of general anesthesia",
                 "Downstaging was observed in 21 (30.9%) cases in RT group"):
        assert find_doses(text, first_only=False, regimens=True, concentrations=True) == []


def test_concentration_before_another_arm_is_not_its_dose() -> None:
    text = ("METHODS: A total of 90 adult female patients American Society of Anesthesiologists physical status I or II were "
            "randomized to Group B (n = 45) receiving TAP block with 0.25% bupivacaine and Group N (n = 45) with normal "
            "saline followed by general anesthesia.")
    assert [(a.label, [(d.value, d.unit) for d in a.doses]) for a in extract_text(text).arms] == [
        ("Group B", [(0.25, "%")]), ("Group N", [])]


def _shared_amounts(label: str, sent: str) -> list[str]:
    return [sent[a:b] for a, b in _shared_spans(_Arm(label, 0, 0), [(0, len(sent), sent, sent.lower())])]


def test_amount_written_once_for_either_arm_is_each_arms_dose() -> None:
    # the second arm of "40 mg of either A or B" had no dose
    sent = ("ABSTRACT.METHOD: In this multicentre, prospective, randomized, double‐blind, active controlled parallel arm "
            "study, 120 patients with moderate to severe RA were given 40 mg of either test adalimumab (Exemptia) or "
            "reference adalimumab (Humira) by subcutaneous route every other week for 12 weeks.")
    assert _shared_amounts("reference adalimumab", sent) == ["40 mg"]
    sent = ("METHODOLOGY/PRINCIPAL FINDINGS: Thirty-four Fabry disease patients were treated with either agalsidase alfa "
            "or agalsidase beta at equal dose of 0.2 mg/kg biweekly.")
    assert _shared_amounts("agalsidase alfa", sent) == ["0.2 mg/kg biweekly"]
    # an arm the list does not name, or a list without an amount, shares nothing
    assert _shared_amounts("placebo", sent) == []
    sent = ("METHODS: Women scheduled for cesarean delivery were randomized to receive a single dose of either 3 g of "
            "ampicillin-sulbactam or 1.5 g of cefuroxime intravenously, after umbilical cord clamping.")
    assert _shared_amounts("cefuroxime", sent) == []


def test_amount_of_saline_itself_is_no_dose() -> None:
    # "500 ml of normal saline" was the saline group's dose; "20 ml of ... bupivacaine" stays group B's
    text = ("METHODS: Sixty patients undergoing LC were included in this prospective, double-blind, randomised study. "
            "Patients were divided into two (n = 30) groups. In Group S, intraperitoneal irrigation was done with 500 ml "
            "of normal saline. In Group B, 20 ml of 0.5% (100 mg) bupivacaine was added to 480 ml of normal saline for "
            "intraperitoneal irrigation during and after surgery.")
    assert [(a.label, [(d.value, d.unit) for d in a.doses]) for a in extract_text(text).arms] == [
        ("group S", []), ("group B", [(20, "mL")])]


def test_rate_per_hour_written_out_is_a_dose_but_a_clearance_is_not() -> None:
    # "3 ml/kg/h" and "100 ml/hour" were not read at all (the "/" after "ml" or "ml/kg" stopped the unit)
    text = "In the GDFR group, (1) fluid maintenance was restricted to 3\xa0ml/kg/h of a crystalloid solution"
    assert [(d.value, d.unit) for d in find_doses(text)] == [(3, "ml/kg/h")]
    text = "plus NS (100 ml/hour) (Group A)"
    assert [(d.value, d.unit) for d in find_doses(text)] == [(100, "ml/hour")]
    assert find_doses("Both therapies were performed at a blood flow of 100 to 120 ml/min") == []


def test_frequency_after_a_slash_ends_the_unit() -> None:
    # "600 mg/twice daily" was not read, so the arm took the saline rate written after it
    text = "oral NAC (600 mg/twice daily) plus NS (100 ml/hour) (Group A)"
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True)] == [(600, "mg")]
    assert find_doses("serum creatinine (Cr) level > 1.5 mg/dl or glomerular filtration rate (GFR) ≥ 60") == []


def test_placebo_named_in_parentheses_before_the_label_names_no_regimen() -> None:
    sent = ("The other 20 patients were treated with Godhuma Vati (placebo) at a dose of 500 mg once daily for 30 days "
            "(Group B)")
    assert _regimen_before_label(sent, sent.index("Group B")) is None


def test_label_in_parentheses_ends_its_regimen_at_the_next_alternative() -> None:
    # the control took the morphine arm's amount written after "or"
    sent = ("METHODS: Forty-two patients were randomized for general anesthesia (control group n=22) or 400 μg of "
            "intrathecal morphine followed by general anesthesia (morphine group n=20).")
    spans = list(_dose_spans(_Arm("control", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert spans and not any("400" in sent[a:b] for a, b in spans)
    spans = list(_dose_spans(_Arm("morphine", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert any("400 μg" in sent[a:b] for a, b in spans)


def test_an_amount_of_a_macronutrient_is_a_diet_not_a_dose() -> None:
    # "8 g CHO, 55 g Pro, 4 g fat", "1.1 g protein/kg": the composition of a diet or drink
    assert find_doses("randomized to usual diet (1.1 g protein/kg, n = 5) or LPD (0.55 g protein/kg, n = 6)") == []
    assert find_doses("or low-carbohydrate/high-protein (LCHP; 8 g CHO, 55 g Pro, 4 g fat)") == []
    # an amount "of" a protein is a supplement's dose
    d = find_doses("subjects ingesting 2 × 20 g of native whey protein")[0]
    assert (d.value, d.unit) == (20, "g")
    d = find_doses("were randomized into three groups: 30 g of whey proteins (n = 22)")[0]
    assert (d.value, d.unit) == (30, "g")


def test_a_range_whose_upper_bound_has_a_thousands_separator_is_one_regimen():
    # gold-tune4 PMC4224669: "(600 to 1,800 mg/day)" had given 1800 mg/day (the range's second
    # number alone); the first amount is the dose's value
    r = extract_text("Patients were randomly assigned to receive add-on lithium (600 to 1,800 mg/day) or placebo.")
    assert [(d.value, d.unit) for a in r.arms for d in a.doses] == [(600.0, "mg/day")]
    # two amounts, not a range: each its own dose
    r = extract_text("Patients were randomly assigned to receive lithium 600 mg/day or valproate 1,800 mg/day.")
    assert [(d.value, d.unit) for a in r.arms for d in a.doses] == [(600.0, "mg/day"), (1800.0, "mg/day")]


def test_methods_and_results_section_states_the_regimens() -> None:
    # "METHODS AND RESULTS" (a journal's heading) had been skipped as a results section
    text = ("A Pilot Double-Blinded Randomized Controlled Clinical Trial of Nebivolol Versus Atenolol in Nonobstructive "
            "Coronary Artery Disease\n\n"
            "BACKGROUND: We hypothesized that nebivolol would decrease oxidative stress.\n"
            "METHODS AND RESULTS: In this pilot double-blinded randomized controlled trial, 24 patients treated for 1 year "
            "with nebivolol 10 mg versus atenolol 100 mg plus standard medical therapy underwent baseline and follow-up "
            "coronary angiography.\n")
    arms = extract_text(text).arms
    assert [(a.label.lower(), [(d.value, d.unit) for d in a.doses]) for a in arms] == [
        ("nebivolol", [(10, "mg")]), ("atenolol", [(100, "mg")])]
    # must not: a results section
    text = text.replace("METHODS AND RESULTS", "RESULTS")
    assert not any(a.doses for a in extract_text(text).arms)


def test_a_sentence_reporting_a_p_value_or_an_interval_states_no_regimen() -> None:
    from extractor.fields.arm_doses import _RESULT_STAT

    # outcomes in mL, not doses (no section tells the results apart)
    low = "in group a, the total blood loss was 70 ml, when compared to 43 ml in group b (p value < 0.001).".lower()
    assert _RESULT_STAT.search(low)
    low = ("the rates of primary outcome were 1.59%/year with warfarin, 1.60% with dabigatran 110 mg (hr vs. warfarin "
           "1.01, 95% confidence interval (ci) 0.75-1.36)")
    assert _RESULT_STAT.search(low)
    # must not: a regimen, even with a percent or a "p" word
    low = "group a received 10 ml of 0.5% bupivacaine and group p received placebo (n = 20)."
    assert not _RESULT_STAT.search(low)


def test_the_amount_before_versus_is_the_other_arms() -> None:
    sent = ("We performed a subanalysis from two large clinical trials that compared the antihypertensive effects of "
            "telmisartan 80 mg versus valsartan 160 mg, both combined with hydrochlorothiazide (HCTZ) 25 mg.")
    spans = list(_dose_spans(_Arm("valsartan", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert spans and not any("80 mg" in sent[a:b] for a, b in spans)
    assert "160 mg" in sent[spans[0][0] : spans[0][1]]
    # must not: an amount "of" the arm's drug before its name is still its own
    sent = "Patients received 0.5 mg/kg of ketamine (n = 20) or saline."
    spans = list(_dose_spans(_Arm("ketamine", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert "0.5 mg/kg" in sent[spans[0][0] : spans[0][1]]


def test_the_amount_after_the_next_alternative_is_the_other_arms() -> None:
    sent = ("According to their allocated group, patients received either propofol 0.25 mg/kg, remifentanil 0.25 mic/kg "
            "or ketamine 0.3 mg/kg as preemptive analgesia.")
    spans = list(_dose_spans(_Arm("remifentanil", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert spans and not any("0.3 mg/kg" in sent[a:b] for a, b in spans)
    # must not: "5 or 10 mg" after the name is one regimen's alternatives
    sent = "Patients received ramipril 5 or 10 mg daily (n = 40) or placebo (n = 40)."
    spans = list(_dose_spans(_Arm("ramipril", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert "5 or 10 mg" in sent[spans[0][0] : spans[0][1]]


def test_an_amount_per_volume_or_a_combination_with_two_units_is_its_first_amount() -> None:
    # "10mg/2ml" had given 2 mL (the volume) and "110 μg/50 μg" 50 μg (the second drug's part)
    text = ("The patients were randomly divided into 2 groups: treatment with metoclopramide (10mg/2ml, slow injection) "
            "and treatment with ondansetron (4mg/2ml, slow injection).")
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False)] == [(10, "mg"), (4, "mg")]
    text = "COPD patients were randomized to once-daily IND/GLY 110 μg/50 μg or twice-daily SFC 50 μg/500 μg."
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False)] == [(110, "μg"), (50, "μg")]
    # must not: an amount right after a slash is a denominator, no dose
    assert find_doses("better than in control households (3 vs. 181 TTC/100 mL, respectively, p<0.001)") == []
    assert find_doses("in both groups (0.07±0.02 μmol/min/100 g)") == []


def test_a_rate_the_lexicon_does_not_list_is_spelt_as_the_listed_ones() -> None:
    # "0.2 µg/kg/hr" had kept the micro sign and "hr" ("mg/hr" is "mg/h"), so it matched no "μg/kg/h"
    assert [d.unit for d in find_doses("Group B received dexmedetomidine 0.2 µg/kg/hr")] == ["μg/kg/h"]
    assert [d.unit for d in find_doses("mineral oil (1 ml/kg/d) for 4 weeks")] == ["ml/kg/day"]
    # must not: a listed unit and a unit without a rate keep their spelling
    assert normalise_unit("mg/hr") == "mg/h" and normalise_unit("ppm") == "ppm" and normalise_unit("mg/week") == "mg/week"


def test_an_arm_every_other_arm_adds_a_treatment_to_is_a_co_treatment() -> None:
    from extractor.fields.arm_doses import _co_treatment_arm

    text = ("The study was designed as a randomized, double-blind, placebo-controlled trial. Patients were randomly "
            "assigned to receive either neoadjuvant DE (docetaxel: 75 mg/m2, d1, epirubicin: 75 mg/m2, d1, every 3 weeks), "
            "or neoadjuvant DE combined with rh-endostatin (7.5 mg/m2, d1-d14, every 3 weeks).")
    arms = extract_text(text).arms
    assert [(d.value, d.unit) for a in arms for d in a.doses] == [(7.5, "mg/m2")]
    de, plus = _Arm("neoadjuvant DE", 0, 0), _Arm("neoadjuvant DE combined with rh-endostatin", 0, 0)
    assert _co_treatment_arm(de, [plus]) and not _co_treatment_arm(plus, [de])
    # must not: an arm another arm withholds it from, or a variant of it ("probiotic soy milk")
    lira = _Arm("weight maintenance with meal replacements with liraglutide", 0, 0)
    assert not _co_treatment_arm(lira, [_Arm("weight maintenance with meal replacements without liraglutide", 0, 0)])
    assert not _co_treatment_arm(_Arm("soy milk", 0, 0), [_Arm("probiotic soy milk", 0, 0)])


def test_the_amount_before_or_is_the_other_alternatives_unless_written_once_for_both() -> None:
    sent = ("In this single-center double-blind study, 18 subjects (ten female) were treated for a single migraine attack "
            "with frovatriptan 2.5 mg or rizatriptan 10 mg.")
    spans = list(_dose_spans(_Arm("rizatriptan", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert spans and "2.5 mg" not in sent[spans[0][0] : spans[0][1]] and "10 mg" in sent[spans[0][0] : spans[0][1]]
    sent = "132 patients were randomly assigned to receive either; 5 mg morphine or 50 mg tramadol intra-articularly."
    spans = list(_dose_spans(_Arm("tramadol", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert find_doses(sent[spans[0][0] : spans[0][1]])[0].value == 50
    sent = ("Patients were randomised in a 1 : 1 ratio to either switch to sitagliptin 100 mg qd or to remain on their "
            "prestudy sulphonylurea.")
    spans = list(_dose_spans(_Arm("remain on their prestudy sulphonylurea", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert not any("100 mg" in sent[a:b] for a, b in spans)
    # must not: one amount written for both alternatives
    sent = ("One hundred ten patients with type 2 diabetes were randomized to receive sweet foods containing either "
            "50 g/day isomaltulose or sucrose for 12 weeks.")
    spans = list(_dose_spans(_Arm("sucrose", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert any("50 g/day" in sent[a:b] for a, b in spans)


def test_the_amount_before_and_is_the_other_arms_but_two_amounts_before_a_label_are_one_combination() -> None:
    sent = ("Inhibitory effects of intravenous lansoprazole 30 mg and pantoprazole 40 mg twice daily on intragastric "
            "acidity in healthy Chinese volunteers")
    spans = list(_dose_spans(_Arm("pantoprazole", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert find_doses(sent[spans[0][0] : spans[0][1]])[0].value == 40
    sent = ("Group A patients were premedicated with oral clonidine 300 mcg and Group B with oral metoprolol 50 mg, "
            "2 h before surgery.")
    spans = list(_dose_spans(_Arm("Group B", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert not any("300 mcg" in sent[a:b] for a, b in spans)
    # must not: "midazolam 0.75 mg/kg and ondansetron 4 mg in group MO" is one regimen, its first amount the dose
    sent = ("One hundred and forty patients were enrolled in four groups to receive midazolam 0.75 mg/kg in group M, "
            "ondansetron 4 mg in group O, midazolam 0.75 mg/kg and ondansetron 4 mg in group MO, and saline 0.90% in "
            "group S intravenously just before anesthesia.")
    spans = list(_dose_spans(_Arm("group MO", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert find_doses(sent[spans[0][0] : spans[0][1]])[0].value == 0.75


def test_a_regimen_word_written_before_or_for_both_alternatives_stays_with_the_arm() -> None:
    # "once-daily" had been cut off with "placebo or": no amount stood before "or" to leave out
    text = ("In a 12-week, double-blind study, 281 adult patients with RA were randomised equally to once-daily placebo "
            "or peficitinib 25, 50, 100 and 150 mg.")
    arm = next(a for a in extract_text(text).arms if a.doses)
    assert [(d.value, d.frequency) for d in arm.doses][:1] == [(25, "once-daily")]
    # must not: an amount before "or" is still left out
    sent = "with frovatriptan 2.5 mg or rizatriptan 10 mg."
    spans = list(_dose_spans(_Arm("rizatriptan", 0, 0), [(0, len(sent), sent, sent.lower())]))
    assert "2.5 mg" not in sent[spans[0][0] : spans[0][1]]


def test_a_count_of_dosage_units_is_the_dose_where_no_amount_with_a_unit_is_given() -> None:
    text = ("Mistletoe preparation (Viscum Fraxini-2) as palliative treatment for malignant pleural effusion: a "
            "feasibility study with comparison to bleomycin\n\n"
            "PATIENTS AND METHODS: This is a prospective randomised controlled study, including patients with symptomatic "
            "recurrent malignant pleural effusion of different primaries. Patients were randomised into two groups: the "
            "first group received five ampoules of mistletoe preparation with defined lectin content (Viscum Fraxini-2, "
            "ATOS Pharma) diluted in 10 cc glucose 5% solution. Re-instillation was repeated every week until complete "
            "dryness of the pleural fluid was achieved (the maximum duration of the therapy was eight weeks). The second "
            "group received 60 units of bleomycin once intrapleurally.\nRESULTS: A total of 23 patients were included and "
            "followed up during the study from December 2007 to January 2012: 13 patients received mistletoe "
            "preparation, and ten patients received bleomycin.")
    doses = {a.label: [(d.value, d.unit) for d in a.doses] for a in extract_text(text).arms}
    assert doses.get("mistletoe preparation") == [(5, "ampoules")]
    assert doses.get("bleomycin") == [(60, "units")]
    # must not: a count beside an amount with a unit is no dose of its own, nor a fraction of a tablet
    assert [(d.value, d.unit) for d in find_doses("two capsules of omeprazole 20 mg daily", first_only=False)] == [(20, "mg")]
    assert find_doses("the 2.5 tablets per day", counts=True) == []


def test_a_macronutrient_per_kilogram_written_with_negative_powers_is_a_diet_not_a_dose() -> None:
    # the per-kilogram part is read after the rule's match, past its macronutrient lookahead
    text = normalize_text("LCHF (< 50 g day−1 CHO; 78% energy as fat; 2.1 g kg−1 day−1 protein; LCHF, n = 10)")
    assert find_doses(text, first_only=False) == []
    # ... also where the arm's passage ends inside the nutrient's name ("... day−1 prot")
    text = ("We controlled three isoenergetic diets in elite race walkers: high CHO availability (g kg−1 day−1: 8.6 CHO, "
            "2.1 protein, 1.2 fat) consumed before, during and after training (HCHO, n = 9); identical macronutrient "
            "intake, periodised within or between days to alternate between low and high CHO availability (PCHO, n = 10); "
            "LCHF (< 50 g day−1 CHO; 78% energy as fat; 2.1 g kg−1 day−1 protein; LCHF, n = 10).")
    assert [d for a in extract_text(text).arms for d in a.doses] == []
    # must not: a substance's dose per kilogram, or an amount "of" protein
    assert [(d.value, d.unit) for d in find_doses(normalize_text("5 g · kg-1 · d-1 of protein"))] == [(5, "g/kg/day")]
    assert [(d.value, d.unit) for d in find_doses("Detomidine at 80 μg kg-1 was administered")] == [(80, "μg/kg")]


def test_per_day_written_with_a_negative_power_is_per_day() -> None:
    text = normalize_text("a proof-of-concept neoadjuvant randomised trial in ER-positive DCIS treated with exemestane "
                          "25 mg day−1±celecoxib 800 mg day−1.")
    assert [(d.value, d.unit) for d in find_doses(text, first_only=False, regimens=True)] == [(25, "mg/day")]
    text = normalize_text("Thoroughbred mares which received either treatment (3000 IU d−1 oral SOD powder) or placebo")
    assert [(d.value, d.unit) for d in find_doses(text)] == [(3000, "IU/day")]
    # must not: a bound is no dose
    assert find_doses(normalize_text("LCHF (< 50 g day−1 CHO; 78% energy as fat")) == []


def test_a_point_before_three_zeros_in_an_amount_of_units_groups_thousands() -> None:
    sent = ("The subjects were randomized to vitamin D3 40.000 IU per week (DD group), vitamin D3 20.000 IU per week "
            "(DP group), or placebo (PP group).")
    assert [(d.value, d.unit) for d in find_doses(sent, first_only=False)] == [(40000, "IU"), (20000, "IU")]
    # must not: a milligram amount with three decimals
    assert [(d.value, d.unit) for d in find_doses("Palonosetron 0.075 mg was injected")] == [(0.075, "mg")]


def test_an_amount_after_a_drug_code_ending_in_a_digit_is_a_dose() -> None:
    # the amount's guard against a number before it ("100 000 IU") had also refused a code's digits
    sent = ("24 steroid naive atopic asthmatics with both early (EAR) and late (LAR) responses to inhaled allergen "
            "received inhaled GSK256066 87.5 mcg once per day and placebo for 7 days")
    assert [(d.value, d.unit) for d in find_doses(sent)] == [(87.5, "mcg")]
    sent = "Thirty-three HCC patients were randomly assigned to either the placebo (n = 16) group or the vitamin B-6 50 mg/d (n = 17) group"
    assert [(d.value, d.unit) for d in find_doses(sent)] == [(50, "mg/day")]
    sent = normalize_text("CPT-11 350 mg m−2 followed by raltitrexed 3 mg m−2 (arm B)")
    assert [(d.value, d.unit) for d in find_doses(sent)] == [(350, "mg/m2")]
    assert [(d.value, d.unit) for d in find_doses("to receive CKD-828 2.5/40 mg (n=63)")] == [(2.5, "mg")]
    # must not: a number written with a space before its thousands
    assert find_doses("were randomized to either placebo, 100 000 IU vitamin D2 (ergocalciferol)") == []


def test_a_bare_number_of_a_list_whose_unit_follows_the_last_is_in_that_unit() -> None:
    text = ("METHODS: Among 474 women randomly assigned to paclitaxel at a dose of 175, 210, or 250 mg/m2, adequate "
            "primary tumor tissue was available from 175.")
    doses = [(d.value, d.unit) for a in extract_text(text).arms for d in a.doses]
    assert doses == [(175, "mg/m2"), (210, "mg/m2"), (250, "mg/m2")]
    # must not: numbers of a list of ages or times are no amounts
    text = ("METHODS: In the primary vaccination phase, 298 infants from Singapore and 168 infants from Malaysia were "
            "randomised to receive the Phase III Clinical (Clin) or the Commercial (Com) lot of PHiD-CV at 2, 3, and 5 "
            "months of age.")
    assert not [d for a in extract_text(text).arms for d in a.doses if d.rule == "doses:listed"]


def test_a_rate_per_kilogram_per_week_and_every_after_a_slash_are_doses() -> None:
    sent = ("Patients with Morquio A aged ≥5 years (N = 176) were randomised (1:1:1) to receive elosulfase alfa 2.0 "
            "mg/kg/every other week (qow), elosulfase alfa 2.0 mg/kg/week (weekly) or placebo for 24 weeks")
    doses = find_doses(sent, first_only=False)
    assert [(d.value, d.unit) for d in doses] == [(2, "mg/kg"), (2, "mg/kg/week")]
    assert doses[0].frequency == "every other week"
    # must not: a word after the slash that is no frequency ends no unit
    assert find_doses("a dose of 10 mg/weekday") == []


def test_a_later_mention_with_its_own_amount_names_the_arms_regimen_over_a_combination() -> None:
    sent = ("METHODS: The SHINE was a 26-week, multicenter, randomized, double-blind, parallel-group study that evaluated "
            "safety and efficacy of indacaterol (IND)/glycopyrronium (GLY) 110/50 μg once daily (od) compared with GLY "
            "50 μg od, IND 150 μg od, open-label tiotropium (TIO) 18 μg od, and placebo.")
    ds = [(0, len(sent), sent, sent.lower())]

    def first(label: str) -> float | None:
        for a, b in _dose_spans(_Arm(label, 0, 0), ds):
            found = find_doses(sent[a:b])
            if found:
                return found[0].value
        return None

    assert (first("IND"), first("GLY")) == (150, 50)
    # must not: a first mention with its own amount keeps it
    assert first("TIO") == 18


def test_a_label_in_parentheses_ends_its_regimen_before_the_next_labelled_item() -> None:
    sent = ("Before kidney IRI performance, the others groups were treated with saline (group 2), 150 mg/kg (group 3) or "
            "500 mg/kg (group 4) of NAC, and the treatment were continued daily after IRI for next 3 days.")
    ds = [(0, len(sent), sent, sent.lower())]
    assert not any("150 mg/kg" in sent[a:b] for a, b in _dose_spans(_Arm("group 2", 0, 0), ds))
    # must not: the item's own regimen, written before its label, stays
    spans = list(_dose_spans(_Arm("group 3", 0, 0), ds))
    assert find_doses(sent[spans[0][0] : spans[0][1]])[0].value == 150
