"""Plain-text ingestion: every text form found in the corpus, with real files."""

from __future__ import annotations

from pathlib import Path

from extractor.ingest.text import parse_text
from extractor.normalize import masked_text, normalize_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
BOILERPLATE = ("Research output", "Scopus citations", "Dive into the research topics", "Cite this",
               "SARS-CoV-2", "Original language", "Pages (from-to)")


def _load(rel: str):
    p = CORPUS / rel
    return parse_text(p.read_text("utf-8"), p.stem, str(p))


def _content(doc) -> str:
    return masked_text(doc, normalize_text(doc.text))


def test_publisher_page_boilerplate_kept_out_of_the_abstract() -> None:
    doc = _load("seeds/003_ba8dd6d3afa44a98.txt")
    abstract = doc.abstract
    assert abstract.startswith("There are limited therapeutic options")
    assert "Thirty-day mortality was 37.5% (42/112)" in abstract
    content = _content(doc)
    for phrase in BOILERPLATE:
        assert phrase not in abstract
        assert phrase not in content, phrase
    # author list is front matter, never mined
    assert "Bowdish" not in content


def test_publisher_page_inline_headings_become_sections() -> None:
    doc = _load("seeds/003_ba8dd6d3afa44a98.txt")
    labels = [s.label for s in doc.sections if s.kind == "abstract"]
    assert labels == ["RATIONALE", "OBJECTIVES", "METHODS", "MEASUREMENTS AND MAIN RESULTS", "CONCLUSIONS"]
    assert doc.title and doc.title.startswith("A Randomized Trial of Mesenchymal Stromal Cells")


def test_pdf_derived_text_author_and_correspondence_lines_are_front_matter() -> None:
    doc = _load("seeds/000_c28356bba4997b50.txt")
    content = _content(doc)
    assert "Lanzoni" not in content
    assert "582 7151" not in content  # the telephone number must never become a value
    assert "Twenty-four subjects were randomized 1:1" in content
    # the full title carries design words and stays mined
    assert "A double-blind, phase 1/2a, randomized controlled trial" in content


def test_labelled_structured_abstract() -> None:
    doc = _load("abstracts/PMC1087200.txt")
    labels = list(dict.fromkeys(s.label for s in doc.sections if s.kind == "abstract"))
    assert labels == ["BACKGROUND", "METHODS AND FINDINGS", "CONCLUSIONS"]
    assert doc.title.startswith("Reduction of Malaria Transmission")


def test_unlabelled_paragraph_continues_the_section_above() -> None:
    doc = _load("abstracts/PMC1087200.txt")
    pos = doc.text.index("Children treated with co-artemether were significantly less")
    assert doc.section_at(pos).label == "METHODS AND FINDINGS"


def test_unlabelled_abstract_is_one_section() -> None:
    plain = [p for p in sorted((CORPUS / "abstracts").glob("*.txt")) if ":" not in p.read_text().split("\n", 2)[-1][:40]]
    assert plain, "the shipped corpus holds unlabelled abstracts"
    doc = parse_text(plain[0].read_text("utf-8"), plain[0].stem, str(plain[0]))
    abstract = [s for s in doc.sections if s.kind == "abstract"]
    assert len(abstract) >= 1 and doc.title
    assert doc.text[abstract[0].start : abstract[0].end].strip()


def test_article_format_headings() -> None:
    doc = _load("articles/PMC1332199.txt")
    kinds = {s.kind for s in doc.sections}
    assert {"title", "abstract", "body"} <= kinds
    # heading lines ("ABSTRACT.RESULTS:") are never mined as text
    content = _content(doc)
    assert "ABSTRACT.RESULTS" not in content and "BODY." not in content
    assert doc.title


def test_normalisation_is_length_preserving() -> None:
    s = "RR 0·88 (95% CI 0·64\u20131·21; P\u2009=\u2009.015) \u2212 1.2 \u00a0ok"
    n = normalize_text(s)
    assert len(n) == len(s)
    assert "0.88" in n and "0.64-1.21" in n and "- 1.2" in n and "P = .015" in n


def test_hard_wrapped_abstract_reads_as_paragraphs_not_lines() -> None:
    from extractor.api import extract_text

    text = ("Does short-term whole-body vibration training affect arterial stiffness in\nchronic stroke? A preliminary study\n\n"
            "[Purpose] Previous studies have shown that stroke is associated with increased arterial\n"
            "stiffness. [Subjects and Methods] Six\nparticipants with chronic stroke were randomly assigned to 4 weeks of WBV training or\n"
            "control followed by cross-over after a 2-week washout period.\n")
    r = extract_text(text, id="x")
    # the wrapped title is one line; the count and its noun, split by a wrap, are one sentence
    assert r.title == "Does short-term whole-body vibration training affect arterial stiffness in chronic stroke? A preliminary study"
    assert r.sample_size.randomized == 6


def test_lines_of_a_list_are_not_joined() -> None:
    from extractor.lines import logical_lines

    text = "Outcomes:\nPain at 6 weeks\nFunction at 12 weeks"
    assert [text[s:e] for s, e in logical_lines(text)] == ["Outcomes:", "Pain at 6 weeks", "Function at 12 weeks"]


def test_a_title_with_a_long_run_of_spaces_is_split_for_author_items_in_one_pass() -> None:
    # _is_author_line's split ("\s*[|,;]\s*") was tried at each space of a run, each try reading
    # the run to its end: quadratic, 1 s for a title holding 10,000 spaces (PDF layout)
    text = ("Anterior cervical fusion for degenerative disease: a prospective, randomized, controlled{}study "
            "with 2-year follow-up\n\nMETHODS: Patients were randomized.")
    spaced, plain = parse_text(text.format(" " * 10_000), "x", "x"), parse_text(text.format(" "), "x", "x")
    assert " ".join(spaced.title.split()) == plain.title
    assert [(s.label, s.kind) for s in spaced.sections] == [(s.label, s.kind) for s in plain.sections]
    assert spaced.sections[0].label == "TITLE" and spaced.sections[-1].label == "METHODS"


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = parse_text(text, "x", "x.txt")
    return [(s.kind, text[s.start:s.end]) for s in doc.sections]


def test_a_paragraph_that_ends_with_its_journal_citation_is_prose_up_to_it() -> None:
    # corpus/heldout/abstracts/PMC5573922.txt: the citation patterns matched the whole
    # paragraph, and the abstract was dropped as boilerplate
    body = ("A total of 50 patients without cirrhosis were randomized to three arms. Conclusion: The "
            "combination of GLE and PIB was highly efficacious; RBV coadministration did not improve "
            "efficacy. (Hepatology 2017;66:389–397).")
    kinds = _kinds("Glecaprevir and pibrentasvir for hepatitis C\n\n" + body + "\n")
    assert ("boilerplate", "(Hepatology 2017;66:389–397).") in kinds
    prose = " ".join(t for k, t in kinds if k not in ("boilerplate", "title", "metadata"))
    assert "A total of 50 patients" in prose and "did not improve efficacy." in prose
    doc = parse_text("Title of it\n\n" + body + "\n", "x", "x.txt")
    assert "randomized to three arms" in _content(doc)


def test_a_citation_line_stays_boilerplate_and_one_in_running_text_stays_prose() -> None:
    assert ("boilerplate", "Lancet 2004; 363: 1-9") in _kinds("A trial title\n\nLancet 2004; 363: 1-9\n")
    # corpus PMC1693563: a reference inside the background, with sentences after it
    text = ("A trial title\n\nBACKGROUND: Adenosine causes dyspnea [Burki et al. J Appl Physiol 2005; "
            "98:180-5]. Since airways inflammation is a feature of asthma, adenosine may cause bronchospasm.\n")
    assert not [t for k, t in _kinds(text) if k == "boilerplate"]
