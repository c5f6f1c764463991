"""Thousands grouped with a space ("53 456 persons", Lancet/BMJ style, often a thin space) or a
comma ("100,000 IU") are one number everywhere."""

from __future__ import annotations

from extractor.api import extract_text
from extractor.normalize import normalize_text


def test_space_grouped_thousands_become_one_number() -> None:
    assert normalize_text("The NLST enrolled 53 456 persons") == "The NLST enrolled 53,456 persons"
    assert normalize_text("(n=242\u00a0749) and") == "(n=242,749) and"
    assert normalize_text("(95% CI 14 647 to 19 162)") == "(95% CI 14,647 to 19,162)"
    # the offsets stay: one character for one
    assert len(normalize_text("Of 1 234 567 people")) == len("Of 1 234 567 people")


def test_numbers_side_by_side_are_not_grouped() -> None:
    for text in ("a dose of 1.5 100 times", "at 12, 100 patients", "aged 3 1000 mg", "in 2014 100 patients",
                 "weeks 4 12 345"):
        assert normalize_text(text) == text, text


def test_a_space_grouped_sample_size_is_read_whole_with_its_verbatim_evidence() -> None:
    # PMC2994863: "The NLST enrolled 53 456 persons" was read as 53
    r = extract_text("RESULTS: The NLST enrolled 53 456 persons, with 26 733 randomly assigned to chest "
                     "radiograph screening and 26 723 to computerized tomography screening.")
    assert r.sample_size.randomized == 53456
    assert r.sample_size.evidence["randomized"].text == "53 456"
    assert {a.label for a in r.arms} == {"chest radiograph screening", "computerized tomography screening"}


def test_a_thousands_comma_is_no_list_separator_and_starts_no_dose() -> None:
    # "placebo or 100,000 IU vitamin D2" gave an arm dosed "000 IU" (value 0)
    r = extract_text("METHODS: Patients were randomized to placebo or 100,000 IU vitamin D2.")
    doses = {a.label: [(d.value, d.unit) for d in a.doses] for a in r.arms}
    assert doses == {"placebo": [], "vitamin D2": [(100000.0, "IU")]}
    # a comma between items still separates them
    r = extract_text("METHODS: Patients were randomized to placebo, 10 mg drug A, or 20 mg drug B.")
    assert len(r.arms) == 3
