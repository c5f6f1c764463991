"""Placeholder: arms extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "arms"


def extract(ctx: Context):
    return []
