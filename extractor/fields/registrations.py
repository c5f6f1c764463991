"""Placeholder: registrations extraction (to be implemented)."""

from __future__ import annotations

from extractor.fields import Context

FIELD = "registrations"


def extract(ctx: Context):
    return []
