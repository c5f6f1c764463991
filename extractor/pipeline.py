"""Document -> Doc -> fields -> TrialRecord -> checks, in one place.

A document is normalised once and split into sentences once; every field reads the same
:class:`~extractor.fields.Context` (whose spaCy ``Doc`` is built only when something asks).
"""

from __future__ import annotations

import hashlib
import importlib
from functools import cache
from types import ModuleType

from extractor import checks as checks_pkg
from extractor.document import Document
from extractor.fields import Context
from extractor.normalize import masked_text, normalize_sliceable
from extractor.records import TrialRecord
from extractor.sentences import sentence_starts

# Order matters: later fields read earlier ones from ctx.results.
FIELD_MODULES = (
    "abbreviations",
    "registrations",
    "design",
    "pvalues",
    "intervals",
    "events",
    "summaries",
    "teststats",
    "sample_size",
    "arms",
    "endpoints",
    "comparisons",
)
VERSION = "0.1.0"


@cache
def _field_modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"extractor.fields.{m}") for m in FIELD_MODULES)


def _modules() -> list[ModuleType]:
    # imported once per process: twelve import_module look-ups per document cost ~20 µs
    return list(_field_modules())


class FieldError(Exception):
    pass


def build_context(document: Document, full_text: bool = False) -> Context:
    full, sliceable = normalize_sliceable(document.text)
    norm = masked_text(document, full, full_text)
    forced = tuple(s.start for s in document.sections)
    return Context(
        document=document,
        text=document.text,
        norm=norm,
        sent_starts=sentence_starts(norm, forced),
        forced_breaks=forced,
        sliceable_norm=full if sliceable else None,
    )


def run_fields(ctx: Context, strict: bool = False) -> list[str]:
    """Run every field extractor; returns warnings for fields that failed (non-strict)."""
    warnings: list[str] = []
    for mod in _modules():
        try:
            ctx.results[mod.FIELD] = mod.extract(ctx)
        except TimeoutError:
            if strict:
                raise
            warnings.append(f"{mod.FIELD}: pattern matching timed out; field left empty")
        except Exception as e:  # a bug in one field must not lose the others
            if strict:
                raise
            warnings.append(f"{mod.FIELD}: extraction failed ({type(e).__name__}: {e})")
    return warnings


def extract_document(
    document: Document, strict: bool = False, run_checks: bool = True, full_text: bool = False,
    content_hash: str | None = None,
) -> TrialRecord:
    """The record of one document; ``full_text`` also mines body sections of articles.
    ``content_hash``: the record's, where the caller has one (a batch stores the hash of the
    file's bytes); by default the first 16 hex digits of the SHA-256 of the document text."""
    ctx = build_context(document, full_text)
    warnings = list(document.warnings) + run_fields(ctx, strict)
    meta = document.metadata
    values = {k: v for k, v in ctx.results.items() if v is not None}
    if content_hash is None:
        content_hash = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    # the sentences are complete once the fields have run: given to the constructor rather
    # than assigned after it (pydantic's __setattr__ is a Python call per assignment), as
    # dicts that its validator makes Sentences of (a Sentence(...) call each costs more)
    spans = [(i, *ctx.sentence_span(i)) for i in sorted(ctx.used_sentences)]
    sentences = [
        {"index": i, "start": s, "end": e, "section": ctx.section_label(s), "text": document.text[s:e]}
        for i, s, e in spans
    ]
    record = TrialRecord(
        id=document.id,
        source=document.source,
        title=document.title,
        journal=meta.get("journal"),
        year=meta.get("year"),
        doi=meta.get("doi"),
        pmid=meta.get("pmid"),
        publication_types=list(meta.get("publication_types", [])),
        sections=[s.label for s in document.sections if s.kind not in ("front", "boilerplate", "metadata")],
        warnings=warnings,
        content_hash=content_hash,
        trialex_version=VERSION,
        sentences=sentences,
        **values,
    )
    # checks read the evidence sentences (words vs numbers, pairing), so they run after them
    if run_checks:
        # the normalised sentence texts the checks read, sliced rather than normalised again
        full = ctx.sliceable_norm
        texts = None if full is None else {i: (full[s:e], s) for i, s, e in spans}
        record.flags = checks_pkg.run_all(record, texts)
    # drop meta-data-derived registrations duplicates deterministically
    if meta.get("registrations"):
        record.registrations = list(dict.fromkeys(record.registrations + meta["registrations"]))
    return record
