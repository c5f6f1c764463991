"""Placeholder: test_statistics extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "test_statistics"


def extract(ctx: Context):
    return []
