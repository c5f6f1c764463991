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
