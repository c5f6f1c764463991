"""normalize_sliceable: where a slice of the normalised text is the normalisation of the same
slice (so the checks may slice sentence texts instead of normalising each again)."""

from __future__ import annotations

import itertools

from extractor.api import extract_text
from extractor.checks import run_all
from extractor.normalize import normalize_sliceable, normalize_text


def _every_slice_agrees(text: str, out: str) -> bool:
    return all(normalize_text(text[s:e]) == out[s:e]
               for s, e in itertools.combinations_with_replacement(range(len(text) + 1), 2))


def test_one_for_one_substitutions_slice() -> None:
    text = "P\u00a0=\u00a00.03 \u2013 \u201cdose\u201d\t12\u2009mg; 95% CI 1.2\u20133.4"
    out, sliceable = normalize_sliceable(text)
    assert out == normalize_text(text)
    assert sliceable and _every_slice_agrees(text, out)


def test_rewrites_that_read_their_neighbours_do_not_slice() -> None:
    # thousands grouped with a space and a middle dot depend on what surrounds them: a slice
    # starting inside "53 456" or ending at "0\u00b764" normalises differently
    for text in ("enrolled 53 456 persons", "HR 0\u00b764 (0\u00b751\u20130\u00b781)", "5. 100 000 patients"):
        out, sliceable = normalize_sliceable(text)
        assert out == normalize_text(text)
        assert not sliceable


def test_checks_read_the_same_sentences_either_way() -> None:
    text = ("Effect of X on Y\n\nRESULTS: Mortality was significantly lower with X (12/100 vs 20/98; "
            "RR 0.59, 95% CI 0.31\u20131.12; P = 0.11). There was no difference in pain (P = 0.01).\n")
    record = extract_text(text)
    flags = [f.model_dump() for f in record.flags]
    assert flags and [f.model_dump() for f in run_all(record)] == flags
