"""Placeholder: design extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "design"


def extract(ctx: Context):
    return None
