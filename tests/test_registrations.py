"""Trial registration ids: found in content text, normalised, deduplicated, in order."""

from __future__ import annotations

from extractor.api import extract_text
from extractor.ingest.meta import find_registrations, normalise_registration


def test_registrations_normalised_and_deduplicated_in_order() -> None:
    text = (
        "TRIAL REGISTRATION: ClinicalTrials.gov NCT 01234567 (also NCT01234567); ISRCTN-54990825; "
        "ChiCTR-TRC-12002345; EudraCT No. 2004-000123-45; ACTRN12610000123456; CTRI/2019/01/017000; DRKS00012345."
    )
    assert find_registrations(text) == [
        "NCT01234567",
        "ISRCTN54990825",
        "ChiCTR-TRC-12002345",
        "EudraCT 2004-000123-45",
        "ACTRN12610000123456",
        "CTRI/2019/01/017000",
        "DRKS00012345",
    ]


def test_ids_run_into_text_and_other_registries() -> None:
    assert find_registrations("Registered at ClinicalTrials.govNCT00893711.") == ["NCT00893711"]
    assert find_registrations("IRCT2013052113406N1 and UMIN000012345") == ["IRCT2013052113406N1", "UMIN000012345"]


def test_numbers_that_are_not_registrations() -> None:
    assert find_registrations("PMID 12345678, grant 2004-000123-45, distinct12345678") == []


def test_normalise_registration() -> None:
    assert normalise_registration("NCT 01234567") == "NCT01234567"
    assert normalise_registration("2010-012345-67") == "EudraCT 2010-012345-67"
    assert normalise_registration("ChiCTR 1800012345") == "ChiCTR1800012345"


def test_registration_field_reads_content_text() -> None:
    rec = extract_text(
        "Macular carotenoids and glare\n\nMETHODS: This was a double-blind, placebo-controlled trial.\n"
        "TRIAL REGISTRATION: ISRCTN trial registration number: ISRCTN54990825."
    )
    assert rec.registrations == ["ISRCTN54990825"]
