"""Bytes to text: encodings detected (and reported), controls blanked one for one, types sniffed."""

from __future__ import annotations

import codecs
import gzip

import pytest

from extractor.document import IngestError
from extractor.ingest import load_bytes, sniff
from extractor.ingest.decode import decode_bytes, decode_text

TEXT = "Patients (n = 120) were randomized; mortality fell (95% CI, 0.64–1.21; P = .04) — naïve µg ≥ 5."


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-32"), "utf-32"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
])
def test_unicode_encodings_decode_exactly(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == (TEXT, encoding)


def test_cp1252_is_detected_not_misread_as_utf8() -> None:
    text = "“Naïve” patients – 12 µg; P ≤ .05 was not reached."
    legacy = text.replace("≤", "<=").encode("cp1252")
    assert decode_bytes(legacy) == (text.replace("≤", "<="), "cp1252")
    assert decode_bytes("Café au lait, 5 µg".encode("latin-1")) == ("Café au lait, 5 µg", "cp1252")


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = ("Naïve patients, 5 µg, über — " * 5).encode("utf-8") + b"\xff end"
    text, enc = decode_bytes(data)
    assert enc == "utf-8 (invalid bytes replaced)" and "Naïve" in text and "\ufffd" in text


def test_nuls_and_controls_become_spaces_keeping_offsets() -> None:
    head = b"Mortality was lower with the drug than with placebo in the trial. "
    assert decode_text(head + b"P = .04\x00\x00 in 12\x07 of 40\x1b.\tok\r\nnext") == \
        head.decode() + "P = .04   in 12  of 40 .\tok\nnext"


def test_binary_is_refused() -> None:
    with pytest.raises(IngestError, match="binary file, not text"):
        decode_text(bytes(range(256)) * 10)


def test_files_that_lie_about_their_type_are_sniffed_by_content() -> None:
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff(b"\n  <html lang='en'><head><title>t</title>") == "html"
    assert sniff(codecs.BOM_UTF16_LE + "<html><body>x".encode("utf-16-le")) == "html"
    assert sniff(b"%PDF-1.4\n%\xe2\xe3") == "pdf"
    assert sniff(b"\r\n%PDF-1.7 junk before the header is allowed") == "pdf"
    assert sniff(gzip.compress(b"hello")) == "gzip"
    assert sniff(b"PK\x03\x04rest") == "binary:ZIP archive (e.g. .docx/.xlsx)"
    assert sniff(b"PMID- 123\nTI  - A trial") == "medline"
    assert sniff(b"Less than <5% of patients (n = 12) had events.") == "text"


def test_gzipped_text_is_read_and_bounded() -> None:
    data = gzip.compress(TEXT.encode())
    (doc,) = load_bytes(data, "x.txt", "x.txt.gz")
    assert doc.text.strip() == TEXT
    with pytest.raises(IngestError, match="gzip content is above"):
        list(load_bytes(gzip.compress(b"a" * 5000), "x", "x.gz", max_bytes=1000))
