"""Speed changes that must leave the output byte-identical: each test pins the behaviour a
faster path replaced, on real sentences from the corpus."""

from __future__ import annotations

import json

from extractor.api import extract_text
from extractor.fields.abbreviations import find_abbreviations, is_short_form
from extractor.outputs import record_json

FIVE_FU = ("An open-label randomised comparison of efficacy and tolerability of irinotecan plus high-dose "
           "5-fluorouracil (5-FU) and leucovorin (LV) (ILF) with etoposide plus 5-FU/LV (ELF) in patients "
           "with untreated metastatic or locally advanced gastric cancer.")


def test_record_json_is_model_dump_json_of_the_record() -> None:
    # record_json calls the record's serializer directly, not model_dump_json: the same bytes
    record = extract_text(FIVE_FU + "\n\nRESULTS: Primary outcome data were available for 5524 (95%) participants "
                          "(P = 0.03).", id="x")
    assert record_json(record) == record.model_dump_json()
    assert json.loads(record_json(record))["p_values"][0]["value"] == 0.03


def test_record_json_still_escapes_a_line_separator_in_the_text() -> None:
    # (in the sentence of a p-value: the record's sentences hold its text verbatim)
    record = extract_text(FIVE_FU + "\n\nRESULTS: Primary outcome data were available for 5524\u2028(95%) "
                          "participants (P = 0.03).", id="x")
    line = record_json(record)
    assert "\u2028" not in line and "\\u2028" in line
    assert json.loads(line) == json.loads(record.model_dump_json())


def test_short_form_led_by_a_digit_still_needs_a_letter() -> None:
    # is_short_form reads a first letter as the letter it needs; a digit-led form is tested in full
    assert is_short_form("5-FU") and is_short_form("LV")
    assert not is_short_form("95") and not is_short_form("95%")
    found = {(s, lf) for s, lf, _a, _b in find_abbreviations(FIVE_FU)}
    assert ("5-FU", "5-fluorouracil") in found and ("LV", "leucovorin") in found


def test_short_form_of_digits_only_is_no_abbreviation() -> None:
    text = "Primary outcome data were available for 5524 (95%) participants."
    assert find_abbreviations(text) == []


def test_explicit_blinding_in_a_later_sentence_outranks_blinding_inferred_earlier() -> None:
    # design re-tests for an explicit blinding term only after a sentence with a blinding hit;
    # an inferred one ("assessors were blinded to ...") first, the explicit one two sentences on
    text = ("Effect of a programme on asthma\n\nMETHODS: All assessors were blinded to the allocation of classes. "
            "Primary outcome data were available for 5524 (95%) participants. "
            "In this randomised, double-blind, placebo-controlled, cross-over study, 32 patients with asthma "
            "underwent a methacholine provocation test.")
    design = extract_text(text, id="x").design
    assert design.blinding == "double-blind"
    assert design.evidence["blinding"].rule == "blind_double"


def test_blinding_inferred_from_the_parties_blinded_when_no_term_is_written() -> None:
    text = ("Effect of a programme on asthma\n\nMETHODS: All assessors were blinded to the allocation of classes. "
            "Primary outcome data were available for 5524 (95%) participants.")
    design = extract_text(text, id="x").design
    assert design.blinding == "single-blind"
    assert design.evidence["blinding"].rule == "blind_single_parties"


SENTENCE = "Primary outcome data were available for 5524 (95%) participants."


def test_control_characters_of_a_utf8_file_are_blanked_when_found_in_its_bytes() -> None:
    # decode_bytes tells a UTF-8 file's control characters from its bytes (the odd bytes, FF,
    # and a C1 control's two bytes): each still becomes one space
    from extractor.ingest.decode import decode_bytes

    for ctrl in ("\x0c", "\x07", "\x85", "\x9f", "\x7f"):
        text, enc = decode_bytes((SENTENCE[:8] + ctrl + SENTENCE[9:]).encode("utf-8"))
        assert enc == "utf-8" and text == SENTENCE[:8] + " " + SENTENCE[9:]


def test_utf8_file_without_control_characters_is_kept_as_written() -> None:
    from extractor.ingest.decode import decode_bytes

    text = "Mean age 61 ± 9 years; 5524 (95%) participants\u00a0analysed \u2013 all.\r\n"
    assert decode_bytes(text.encode("utf-8")) == (text.replace("\r\n", "\n"), "utf-8")
