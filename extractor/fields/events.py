"""Placeholder: event_rates extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "event_rates"


def extract(ctx: Context):
    return []
