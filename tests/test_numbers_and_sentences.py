"""numbers.py reads every numeric form; nlp.py never splits inside statistics or abbreviations."""

from __future__ import annotations

import pytest

from extractor.nlp import parse, sentence_starts
from extractor.numbers import decimals, flattened_power, parse_int, parse_number, parse_word_number


@pytest.mark.parametrize(
    "text,value",
    [("0.43", 0.43), (".015", 0.015), ("0,022", 0.022), ("1,234", 1234.0), ("-1.2", -1.2),
     ("2 × 10-5", 2e-5), ("10^-4", 1e-4), ("1e-4", 1e-4), ("Twenty-four", 24.0)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_word_numbers_twenty_four_and_forty_eight() -> None:
    assert parse_word_number("Twenty-four") == 24
    assert parse_word_number("Forty eight") == 48
    assert parse_word_number("one hundred and twelve") == 112
    assert parse_word_number("twenty-fourth") is None
    assert parse_int("1,234") == 1234


def test_flattened_superscript_times_106() -> None:
    assert flattened_power(100, "106") == 1e8
    assert flattened_power(100, "12") is None


def test_decimals_as_written() -> None:
    assert decimals("0.430") == 3 and decimals(".05") == 2 and decimals("12") == 0


def _sents(text: str) -> list[str]:
    starts = sentence_starts(text) + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]


@pytest.mark.parametrize(
    "text",
    [
        "Survival improved (91% vs. 42%, P = .015). SAE-free survival also improved.",
        "As reported by Smith et al. 2019 the rate fell. It rose later.",
        "Cells were given i.v. Twice weekly doses followed. Then nothing.",
        "The RR was 0.88 (95% CI, 0.64-1.21; P = 0.43). Mortality was similar.",
    ],
)
def test_sentences_do_not_split_inside_statistics_or_abbreviations(text: str) -> None:
    sents = _sents(text)
    assert len(sents) == 2 or (len(sents) == 3 and "i.v." in text)
    assert not any(s.startswith(("015", "2019", "64")) for s in sents)


def test_sentence_breaks_at_forced_offsets_and_newlines() -> None:
    text = "METHODS: We randomised 40 patients\nRESULTS: Mortality fell"
    assert len(_sents(text)) == 2


def test_tokenizer_keeps_statistics_usable() -> None:
    doc = parse("P=.015 and 42/112 and ≥21 and 0.64-1.21")
    toks = [t.text for t in doc]
    assert "42/112" in toks
    assert "=" in toks and ".015" in toks
    assert "≥" in toks and "21" in toks
    assert "0.64" in toks and "1.21" in toks


def test_context_doc_is_parsed_on_demand_with_the_rule_sentences() -> None:
    """Fields read sentences from the rules; the spaCy Doc is built only when asked, and
    then splits exactly where the fields' sentences start."""
    from extractor.ingest.text import parse_text
    from extractor.pipeline import build_context, run_fields

    text = "Methods: 40 patients were randomized (P=.015 vs. placebo). Results: mortality fell; 95% CI, 0.64-1.21."
    ctx = build_context(parse_text(text, "t", "t.txt"))
    run_fields(ctx, strict=True)
    assert ctx._doc is None  # a full extraction never tokenises
    assert [s.start_char for s in ctx.doc.sents] == [s for s in ctx.sent_starts if s < len(text)]
    assert "0.64" in [t.text for t in ctx.doc]


def test_hard_wrapped_line_does_not_end_the_sentence() -> None:
    text = ("[Subjects and Methods] Six\nparticipants with chronic stroke were randomly assigned to 4 weeks of WBV training or\n"
            "control followed by cross-over after a 2-week washout period.")
    assert sentence_starts(text) == [0]


def test_line_ending_a_sentence_or_before_a_heading_still_breaks() -> None:
    # a full stop, a capitalised next line (heading or new sentence) and a blank line all break
    assert sentence_starts("Patients were randomised.\nthe trial ended.") == [0, 26]
    assert sentence_starts("Background\nMethods were standard") == [0, 11]
    assert sentence_starts("Background\n\nmethods were standard") == [0, 12]


def test_batch_extraction_does_not_import_spacy() -> None:
    # a worker never builds a Doc, so it need not pay spaCy's import (about 0.5 s per process)
    import subprocess
    import sys

    code = ("import sys, extractor.batch as b; b.warm_up(); "
            "from extractor.api import extract_text; extract_text('Patients (n = 12) were randomized; P = .04.'); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
    # and the Doc is still there on demand, split by the same rules
    from extractor.nlp import parse

    doc = parse("Patients were randomized. P = .04 was found.", ())
    assert [s.start_char for s in doc.sents] == sentence_starts("Patients were randomized. P = .04 was found.")


def test_a_run_of_thousands_of_digits_is_no_count_and_loses_no_field() -> None:
    # int() refuses a string of more than 4,300 digits: "(n = 777...7)" used to lose the whole
    # sample_size and arms fields of the record ("extraction failed (ValueError: ...)")
    from extractor.api import extract_text
    from extractor.numbers import MAX_COUNT_DIGITS, parse_int

    assert parse_int("1,234") == 1234 and parse_int("9" * MAX_COUNT_DIGITS) == int("9" * MAX_COUNT_DIGITS)
    assert parse_int("7" * (MAX_COUNT_DIGITS + 1)) is None and parse_int("7" * 5000) is None
    r = extract_text("Methods: In total, " + "7" * 5000 + " patients were randomized to drug (n = "
                     + "7" * 5000 + ") or placebo (n = 12). Sixty patients were randomized into two groups.")
    assert r.warnings == []
    assert r.sample_size.randomized == 60


def test_an_exponent_of_thousands_of_digits_is_no_number_and_raises_nothing() -> None:
    # parse_scientific passed the exponent to int(), which refuses over 4,300 digits:
    # "1e-999...9" raised ValueError where the module promises None
    from extractor.numbers import parse_number, parse_scientific

    for s in ("1e-" + "9" * 5000, "2 × 10^-" + "9" * 5000, "10^" + "9" * 5000, "1e-301", "99999 × 10^305"):
        assert parse_scientific(s) is None
    assert parse_number("2 × 10^-" + "9" * 5000) is None
    assert parse_scientific("2 × 10-5") == 2e-05 and parse_scientific("1e-300") == 1e-300
    assert parse_scientific("10^-0005") == 1e-05


def test_a_scientific_number_past_parse_scientific_is_no_decimal_either() -> None:
    # parse_decimal handed anything to float(), which reads "1e-999...9" as 0.0: parse_number
    # (decimal first) read an exponent parse_scientific refuses as a different number
    from extractor.numbers import parse_decimal

    for s in ("1e-" + "9" * 30, "1E5", "0.5e-4", "1_000"):
        assert parse_decimal(s) is None
    assert parse_number("1e-" + "9" * 30) is None and parse_number("1e-301") is None
    assert parse_number("1e-4") == 1e-4 and parse_number("1.2E-3") == pytest.approx(1.2e-3)
    assert parse_decimal("1.") == 1.0 and parse_decimal("+2.6") == 2.6 and parse_decimal("0,022") == 0.022


def test_a_unit_letter_after_a_number_ends_a_sentence() -> None:
    # "for 2 y. The cumulative rates ...": "y" is the unit of "2", not an initial, and a
    # comparison's outcome ran on into the next sentence
    text = "Malaria rose for 2 y. The cumulative rates fell. At 3 h. Blood was drawn by J. Smith et al."
    starts = sentence_starts(text)
    assert [text[s:s + 9] for s in starts] == ["Malaria r", "The cumul", "At 3 h. B", "Blood was"]
