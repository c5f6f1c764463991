"""Metadata found in any text: DOI, trial registration ids, year."""

from __future__ import annotations

import re
from typing import Any

from extractor.scan import literal_starts

# "10." first, its left word boundary checked behind it ((?<!\w10\.) is \b before the "1"): a
# literal-led pattern that re finds at C speed, where a leading \b is tried at every character.
_DOI = re.compile(r"(10\.(?<!\w10\.)\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)\]])")
# Registry formats. Prefixes are case-sensitive (as registries print them) so that words
# never match; the left edge only excludes letters and digits that would make the prefix part
# of a longer token, except for prefixes that PDF text often runs into ("ClinicalTrials.govNCT…").
REGISTRATION = re.compile(
    r"""(?:(?<=[a-z.:#])|(?<![A-Za-z0-9]))(
        NCT[\s#:-]{0,2}\d{8}(?!\d)
      | ISRCTN[\s:-]{0,2}\d{8}(?!\d)
      | ChiCTR[-\s]?(?:[A-Z]{2,4}-?){0,2}\d{6,12}(?!\d)
      | EudraCT(?:\s*(?:No\.?|[Nn]umber|ID|identifier))?\s*:?\s*\d{4}-\d{6}-\d{2}(?!\d)
      | \d{4}-\d{6}-\d{2}(?=\s*\)|\s*\(EudraCT|\s*\[EudraCT)
      | EUCTR\d{4}-\d{6}-\d{2}(?:-[A-Z]{2})?
      | ACTRN[\s:-]?\d{14}(?!\d)
      | CTRI/\d{4}/\d{2,3}/\d{6}(?!\d)
      | DRKS[\s:-]?\d{8}(?!\d)
      | NTR[\s:-]?\d{3,5}(?!\d)
      | IRCT[\s:-]?\d{6,}N\d+
      | UMIN[\s:-]?\d{9}(?!\d)
      | JPRN-[A-Za-z]+\d+
      | jRCTs?\d{9,10}(?!\d)
      | KCT\d{7}(?!\d)
      | PACTR\d{15,16}(?!\d)
      | TCTR\d{11}(?!\d)
      | CTR\d{8}(?!\d)
      | SLCTR/\d{4}/\d{3}(?!\d)
      | RBR-[0-9a-z]{6,8}(?![0-9a-z])
    )""",
    re.X,
)
_SQUEEZE = re.compile(r"^(NCT|ISRCTN|ACTRN|DRKS|NTR|IRCT|UMIN|ChiCTR)[\s#:-]+(?=\d)")
_EUDRACT = re.compile(r"(\d{4}-\d{6}-\d{2})")


def normalise_registration(raw: str) -> str:
    """One spelling per id: 'NCT 01234567' -> 'NCT01234567', 'ISRCTN-123…' -> 'ISRCTN123…',
    'EudraCT No. 2004-000123-45' / '2004-000123-45 (EudraCT' -> 'EudraCT 2004-000123-45'."""
    s = " ".join(raw.split())
    if s.startswith("EUCTR"):
        return s
    m = _EUDRACT.fullmatch(s) or (_EUDRACT.search(s) if s.startswith("EudraCT") else None)
    if m:
        return f"EudraCT {m.group(1)}"
    return _SQUEEZE.sub(r"\1", s)


# Literals at least one of which every id above contains (ChiCTR, ACTRN, CTRI, EUCTR, PACTR,
# TCTR and SLCTR all contain "CTR"; a bare EudraCT number needs "EudraCT" beside it). Most
# texts hold none, and substring tests cost far less than the lookbehind scan.
_GATE = ("NCT", "ISRCTN", "CTR", "EudraCT", "DRKS", "NTR", "IRCT", "UMIN", "JPRN", "jRCT", "KCT", "RBR-")
_GATE_RE = re.compile("|".join(re.escape(g) for g in _GATE))
# Where a REGISTRATION match can start: its lookbehinds are zero-width, so a match starts at
# one of these prefixes or at a bare EudraCT number. Matching only there (instead of a scan
# that tries the lookbehinds at every character) gives the same matches as finditer: every
# feasible start is tried in order, and one inside an earlier match is skipped.
_PREFIXES = ("NCT", "ISRCTN", "ChiCTR", "EudraCT", "EUCTR", "ACTRN", "CTR", "DRKS", "NTR", "IRCT", "UMIN",
             "JPRN-", "jRCT", "KCT", "PACTR", "TCTR", "SLCTR/", "RBR-")
# A bare EudraCT number "2004-000123-45" starts 4 characters before its first hyphen. Led by
# that hyphen (a literal re finds at C speed; a leading lookahead is tried at every character,
# the slowest step of this module) and consuming only it, so overlapping numbers all match.
_BARE_EUDRACT = re.compile(r"-(?=\d{6}-\d{2})(?<=\d{4}-)")


# Eleven of the prefixes contain "CT": one search for it finds them all (the occurrences of
# each prefix are the "CT"s at its offset that it surrounds); the rest are searched alone.
_CT_PREFIXES = tuple((p, p.index("CT")) for p in _PREFIXES if "CT" in p)
_OTHER_PREFIXES = tuple(p for p in _PREFIXES if "CT" not in p)


def _starts(text: str) -> list[int]:
    found: set[int] = set()
    j = text.find("CT")
    while j >= 0:
        for prefix, k in _CT_PREFIXES:
            if j >= k and text.startswith(prefix, j - k):
                found.add(j - k)
        j = text.find("CT", j + 1)
    found.update(literal_starts(text, _OTHER_PREFIXES))
    if "-" in text:
        found.update(m.start() - 4 for m in _BARE_EUDRACT.finditer(text))
    return sorted(found)


def find_registrations(text: str) -> list[str]:
    """Registration ids in ``text``, normalised, deduplicated, in order of first mention."""
    if not _GATE_RE.search(text):
        return []
    seen: dict[str, None] = {}
    last = 0
    for p in _starts(text):
        if p < last:
            continue
        m = REGISTRATION.match(text, p)
        if m:
            seen[normalise_registration(m.group(1))] = None
            last = m.end()
    return list(seen)


def find_metadata(text: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    m = _DOI.search(text)
    if m:
        meta["doi"] = m.group(1)
    regs = find_registrations(text)
    if regs:
        meta["registrations"] = regs
    return meta
