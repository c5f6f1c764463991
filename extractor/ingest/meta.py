"""Metadata found in any text: DOI, trial registration ids, year."""

from __future__ import annotations

import re
from typing import Any

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)\]])")
# Registry formats; each id is kept as written (upper-cased prefix).
REGISTRATION = re.compile(
    r"""\b(
        NCT\s?\d{8}
      | ISRCTN\s?\d{8}
      | ChiCTR[-\s]?(?:[A-Z]{2,4}-?)?\d{6,12}
      | EudraCT\s*(?:No\.?|number|Number)?\s*:?\s*\d{4}-\d{6}-\d{2}
      | \d{4}-\d{6}-\d{2}(?=\s*\)|\s*\(EudraCT)
      | ACTRN\s?\d{14}
      | CTRI/\d{4}/\d{2,3}/\d{6}
      | DRKS\s?\d{8}
      | NTR\s?\d{3,5}
      | IRCT\s?\d{8,}N\d+
      | UMIN\s?\d{9}
      | JPRN-\w+
      | KCT\d{7}
      | PACTR\d{15}
      | CTR\d{8}
      | SLCTR/\d{4}/\d{3}
    )""",
    re.X,
)


def find_registrations(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in REGISTRATION.finditer(text):
        seen[re.sub(r"\s+", " ", m.group(1)).strip()] = None
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
