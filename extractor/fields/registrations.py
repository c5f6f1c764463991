"""Trial registration ids (NCT…, ISRCTN…, ChiCTR…, EudraCT, ACTRN…, CTRI/…, DRKS…) in the
content text, normalised and deduplicated in order of first mention.

The patterns live in :mod:`extractor.ingest.meta` (``REGISTRATION``) so that ids read from
metadata (PubMed ``SI`` lines, ingest-time scans) and ids read here are spelled the same way
and merge without duplicates. Searching ``ctx.norm`` keeps ids out of blanked boilerplate
(reference lists, portal text).
"""

from __future__ import annotations

from extractor.fields import Context
from extractor.ingest.meta import find_registrations

FIELD = "registrations"


def extract(ctx: Context) -> list[str]:
    return find_registrations(ctx.norm)
