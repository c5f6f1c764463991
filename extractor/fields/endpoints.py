"""Placeholder: endpoints extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "endpoints"


def extract(ctx: Context):
    return []
