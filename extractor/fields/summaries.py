"""Placeholder: summaries extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "summaries"


def extract(ctx: Context):
    return []
