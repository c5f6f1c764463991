"""Property: extract_text never raises and always returns a valid record, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract_text
from extractor.records import TrialRecord

NUMBERS = st.integers(min_value=0, max_value=10**400).map(str)
PIECES = st.sampled_from([
    "P = ", "P<", "95% CI ", "(", ")", "-", "–", "·", ".", ",", ";", " vs ", "n = ", "%", "±", "×10",
    "randomized", "placebo", " of ", "OR ", "HR ", "RR ", "\n", "METHODS: ", "RESULTS: ", "\x00", "\ufeff",
])
REPORTISH = st.lists(st.one_of(PIECES, NUMBERS, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), REPORTISH))
def test_extract_text_never_raises_and_returns_a_valid_record(text: str) -> None:
    record = extract_text(text)
    assert isinstance(record, TrialRecord)
    TrialRecord.model_validate_json(record.model_dump_json())  # the JSON round-trips through the schema
    for v in record.p_values + record.intervals:
        assert 0 <= v.start <= v.end <= len(text)
