"""Placeholder: p_values extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "p_values"


def extract(ctx: Context):
    return []
