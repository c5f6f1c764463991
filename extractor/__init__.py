"""trialex: evidence-linked, validated records from reports of clinical trials.

Public API: :func:`extract_text`, :func:`extract_file`, :func:`extract_records`,
:func:`iter_records`, :class:`TrialRecord`.
"""

from extractor.api import extract_document, extract_file, extract_records, extract_text, iter_records
from extractor.records import TrialRecord

__version__ = "0.1.0"
__all__ = [
    "TrialRecord",
    "__version__",
    "extract_document",
    "extract_file",
    "extract_records",
    "extract_text",
    "iter_records",
]
