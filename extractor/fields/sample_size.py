"""Placeholder: sample_size extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "sample_size"


def extract(ctx: Context):
    return None
