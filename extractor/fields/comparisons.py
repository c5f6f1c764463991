"""Placeholder: comparisons extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "comparisons"


def extract(ctx: Context):
    return []
