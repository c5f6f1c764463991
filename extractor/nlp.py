"""The one spaCy pipeline: ``spacy.blank("en")`` with trialex tokenizer and sentence rules.

No statistical model: the tokenizer gets infix rules so that comparison signs split off
("P=.015" -> P = .015, "≥21" -> ≥ 21) while "42/112" stays one token and "0.64-1.21" splits
into two numbers around the dash. Sentences come from a rule component
(``trialex_sentences``) that never breaks inside "P = .015", "vs.", "et al.", "i.v." or
"95% CI, 0.64-1.21", and always breaks at section starts.
"""

from __future__ import annotations

from functools import cache

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex

from extractor.sentences import sentence_starts

__all__ = ["parse", "sentence_starts"]


@Language.component("trialex_sentences")
def trialex_sentences(doc: Doc) -> Doc:
    """Sets ``is_sent_start`` from :func:`sentence_starts` (thin wrapper: the rules are in extractor.sentences)."""
    starts = doc.user_data.get("trialex_sentence_starts")
    if starts is None:  # called outside :func:`parse`, which computes them from the text it has
        forced = doc.user_data.get("trialex_forced_breaks", ())
        starts = sentence_starts(doc.text, forced)
        doc.user_data["trialex_sentence_starts"] = starts
    if len(doc):
        # One array write instead of a ``tok.is_sent_start`` assignment per token: each of
        # those re-checks the whole Doc for annotations, which is quadratic in its length.
        idx = doc.to_array(IDX)
        flags = numpy.where(numpy.isin(idx, numpy.asarray(starts, dtype=idx.dtype)), 1, -1).astype("int64")
        flags[0] = 1
        doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
    return doc


def _customise_tokenizer(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + [
        r"(?<=[A-Za-z0-9)])[=<>≤≥](?=[0-9.\-])",  # P=.015, n=12, P<0.001
        r"(?<=[A-Za-z)])[=<>≤≥](?=[A-Za-z])",
        r"(?<=[0-9])[–—-](?=[0-9.])",  # 0.64-1.21 -> 0.64 - 1.21
    ]
    prefixes = list(nlp.Defaults.prefixes) + [r"[≤≥<>=]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


@cache
def get_nlp() -> Language:
    """The shared pipeline, built once per process."""
    nlp = spacy.blank("en")
    # spaCy's 1M-character cap protects the parser/NER models' memory; a tokenizer-only
    # pipeline is linear, and input size is bounded by ingest (--max-bytes) instead.
    nlp.max_length = 200_000_000
    _customise_tokenizer(nlp)
    nlp.add_pipe("trialex_sentences")
    return nlp


def parse(text: str, forced_breaks: list[int] | tuple[int, ...] = (),
          starts: list[int] | None = None) -> Doc:
    """Tokenise and split sentences (at ``starts`` when the caller has them already)."""
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    doc.user_data["trialex_forced_breaks"] = tuple(forced_breaks)
    # computed from ``text`` here: inside the component ``doc.text`` would be rebuilt from tokens
    doc.user_data["trialex_sentence_starts"] = (
        sentence_starts(text, forced_breaks) if starts is None else starts)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
