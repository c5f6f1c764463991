"""Placeholder: intervals extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "intervals"


def extract(ctx: Context):
    return []
