"""Bytes to str: BOMs, UTF-8, UTF-16, and cp1252/latin-1 detected rather than guessed."""

from __future__ import annotations

import codecs

from extractor.document import IngestError


def decode_text(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strip_controls(data[3:].decode("utf-8", "replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _strip_controls(data.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise IngestError(f"invalid UTF-16 text ({e.reason})") from e
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM shows as every other byte NUL; anything else with NULs is binary
        sample = data[:4096]
        if sample[1::2].count(0) > len(sample) // 4:
            try:
                return _strip_controls(data.decode("utf-16-le"))
            except UnicodeDecodeError:
                pass
        raise IngestError("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _looks_binary(data):
            raise IngestError("binary file, not text") from None
        # Not UTF-8: Windows-1252 is a superset of latin-1's printable range and is what
        # such exports almost always are.
        text = data.decode("cp1252", "replace")
    if _looks_binary(data):
        raise IngestError("binary file, not text")
    return _strip_controls(text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / len(sample) > 0.05


def _strip_controls(text: str) -> str:
    # NULs and control characters become spaces (offsets of the rest are unchanged);
    # CRLF is folded to LF first, which is the one edit that changes lengths, done before
    # any offset is taken.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        text = "".join(" " if ord(c) < 32 and c not in "\n\t" else c for c in text)
    return text
