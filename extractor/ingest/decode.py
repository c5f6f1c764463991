"""Bytes to str: BOMs, UTF-8, UTF-16/32, and cp1252/latin-1 detected rather than guessed.

:func:`decode_bytes` says which encoding it used, so a file that was not UTF-8 carries a
warning on its record instead of being silently mis-read. Control characters (NULs included)
become spaces, one for one, so every offset taken later still indexes the decoded text.
"""

from __future__ import annotations

import codecs
import re

from extractor.document import IngestError

# Bytes that occur in text: TAB, LF, FF, CR, ESC-free printable ASCII and every high byte
# (UTF-8 lead/continuation bytes, cp1252 letters). Everything else counts towards "binary".
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 127), *range(128, 256)])
# C0 controls (except TAB and LF), DEL and the C1 range -> space: same length, offsets kept.
_CONTROLS = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)]}
_CONTROL_TABLE = str.maketrans(_CONTROLS)
# found at C speed first: translating a text with no control character costs ~0.1 ms
_ANY_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROLS) + "]")
_SAMPLE = 8192


def decode_text(data: bytes) -> str:
    """The text of a file's bytes (see :func:`decode_bytes`)."""
    return decode_bytes(data)[0]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``; raises :class:`IngestError` for binary data.

    Order: BOMs (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32-LE's), BOM-less
    UTF-16 (every other byte NUL), UTF-8, then cp1252 when the bytes are not UTF-8. A file
    that is mostly valid UTF-8 with a few broken bytes stays UTF-8 (the broken bytes become
    U+FFFD) rather than being re-read as cp1252, which would garble every accented letter.
    """
    if data.startswith(codecs.BOM_UTF8):
        raw = data[3:]
        try:
            return _clean(raw.decode("utf-8")), "utf-8-sig"
        except UnicodeDecodeError:
            return _clean(raw.decode("utf-8", "replace")), "utf-8-sig (invalid bytes replaced)"
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(enc)), enc
            except UnicodeDecodeError as e:
                raise IngestError(f"invalid {enc.upper()} text ({e.reason})") from e
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        enc = _bomless_utf16(sample)
        if enc:
            try:
                return _clean(data.decode(enc)), enc
            except UnicodeDecodeError:
                pass
    sampled = _sample(data)
    odd = sampled.translate(None, _TEXT_BYTES)  # the bytes left are the non-text ones
    if _looks_binary(len(sampled), odd):
        raise IngestError("binary file, not text")
    try:
        return _clean(data.decode("utf-8"), _utf8_controls(data, odd)), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # valid non-ASCII characters
    if good >= 4 * bad:
        return _clean(text), "utf-8 (invalid bytes replaced)"
    # Not UTF-8: Windows-1252 is a superset of latin-1's printable range and is what such
    # exports almost always are; its 5 undefined bytes fall back to latin-1 (then blanked).
    return _clean(data.decode("cp1252", "latin1_fallback")), "cp1252"


def _latin1_fallback(e: UnicodeDecodeError) -> tuple[str, int]:
    obj = e.object
    return obj[e.start : e.end].decode("latin-1"), e.end  # type: ignore[union-attr]


codecs.register_error("latin1_fallback", _latin1_fallback)


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if NULs sit at odd/even positions as in ASCII-range UTF-16."""
    n = len(sample) // 2
    if n < 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > 0.4 * n and even < 0.05 * n:
        return "utf-16-le"
    if even > 0.4 * n and odd < 0.05 * n:
        return "utf-16-be"
    return None


def _sample(data: bytes) -> bytes:
    """The bytes sampled for the binary test: the head, and the middle of a large file."""
    sample = data[:_SAMPLE]
    if len(data) > 3 * _SAMPLE:
        mid = len(data) // 2
        sample += data[mid : mid + _SAMPLE]
    return sample


def _looks_binary(n: int, odd: bytes) -> bool:
    """Of the ``n`` sampled bytes (head and middle, ``_sample``), whose non-text bytes
    (controls other than TAB, LF, FF, CR) are ``odd``: more than 10% are control bytes other
    than NUL, or more than half are NULs. Text with NULs sprinkled through it (a common export
    fault) is still text: the NULs are blanked."""
    if not n:
        return False
    nuls = odd.count(0)
    return (len(odd) - nuls) / n > 0.10 or nuls / n > 0.5


# A C1 control (U+0080-U+009F) in UTF-8: its lead byte and continuation byte
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _utf8_controls(data: bytes, odd: bytes) -> bool | None:
    """Whether ``data.decode("utf-8")`` holds a character of _CONTROLS, told by the bytes
    where the whole file was sampled (None otherwise: not known). A character below U+0080
    is its own byte in UTF-8, so the controls there are the odd bytes and FF; a C1 control
    is the two bytes _C1_UTF8 matches. Found in the bytes at a third of the cost of the
    character-class scan of the text."""
    if len(data) > _SAMPLE:
        return None
    return bool(odd) or b"\x0c" in data or (b"\xc2" in data and _C1_UTF8.search(data) is not None)


def _clean(text: str, controls: bool | None = None) -> str:
    # CRLF/CR are folded to LF first (the one edit that changes lengths, done before any
    # offset is taken); then NULs and other control characters become spaces, one for one.
    # ``controls``: whether the text holds one of _CONTROLS, where the caller knows (folding
    # CRs neither adds nor removes one); else the text is searched.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if controls is None:
        controls = _ANY_CONTROL.search(text) is not None
    return text.translate(_CONTROL_TABLE) if controls else text
