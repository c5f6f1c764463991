"""Placeholder: abbreviations extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "abbreviations"


def extract(ctx: Context):
    return []
