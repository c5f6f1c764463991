from __future__ import annotations

from extractor.fields.abbreviations import best_long_form, find_abbreviations, is_short_form


def test_schwartz_hearst_long_form() -> None:
    found = find_abbreviations("safety of umbilical cord mesenchymal stem cell (UCMSC) infusions in subjects")
    assert found[0][:2] == ("UCMSC", "umbilical cord mesenchymal stem cell")


def test_first_short_form_letter_starts_a_word() -> None:
    assert best_long_form("PSV", "and pressure support ventilation") == "pressure support ventilation"


def test_not_a_short_form() -> None:
    assert not is_short_form("1")
    assert not find_abbreviations("placebo (n = 8) for 2 weeks")
