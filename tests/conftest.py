from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


# the tests (and the CLI runs they start) keep their regex program file out of the user's
# cache directory (extractor.regex_cache)
os.environ.setdefault("TRIALEX_CACHE_DIR", tempfile.mkdtemp(prefix="trialex-cache-"))
