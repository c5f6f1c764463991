"""PDF ingestion: one test per problem, on the PDFs shipped in corpus/pdf."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extractor.document import Document, IngestError
from extractor.ingest import load_bytes
from extractor.ingest.pdf import _dehyphenate, load_pdf

PDFS = Path(__file__).resolve().parent.parent / "corpus" / "pdf"
BMJ = PDFS / "ussher-2015-bmj-physical-activity-smoking-pregnancy.pdf"
NO_SPACES = PDFS / "sundstrom-2014-intpsychogeriatr-life-events-dementia.pdf"
ELSEVIER_FONTS = PDFS / "huang-2010-pgmj-hpylori-ida-meta-analysis.pdf"


def _load(path: Path, **kw) -> Document:
    return load_pdf(path.read_bytes(), path.stem, str(path), **kw)


@pytest.fixture(scope="module")
def bmj() -> Document:
    return _load(BMJ)


@pytest.fixture(scope="module")
def sundstrom() -> Document:
    return _load(NO_SPACES)


@pytest.fixture(scope="module")
def huang() -> Document:
    return _load(ELSEVIER_FONTS)


def _kind_at(doc: Document, phrase: str) -> str | None:
    pos = doc.text.find(phrase)
    assert pos >= 0, phrase
    s = doc.section_at(pos)
    return s.kind if s else None


def test_bmj_three_column_abstract_read_column_by_column(bmj):
    # the Results paragraph runs from the foot of the middle column into the right-hand column
    assert (
        "95% confidence interval 0.70 to 2.10). For the physical activity group compared with the control "
        "group, there was a 40% (95% confidence interval 13% to 73%)" in bmj.abstract
    )
    assert "789 pregnant smokers, aged 16-50 years and at 10-24 weeks’ gestation, who smoked" in bmj.abstract


def test_bmj_affiliation_sidebar_kept_out_of_abstract(bmj):
    for s in bmj.sections:
        if s.kind == "abstract":
            chunk = bmj.text[s.start : s.end]
            assert "University" not in chunk and "Department" not in chunk and "@" not in chunk, chunk
    assert _kind_at(bmj, "Population Health Research Institute") == "front"
    assert _kind_at(bmj, "Correspondence to: M Ussher") == "front"


def test_bmj_structured_abstract_headings(bmj):
    labels = [s.label for s in bmj.sections if s.kind == "abstract"]
    for head in ("OBJECTIVE", "DESIGN", "SETTING", "PARTICIPANTS", "INTERVENTIONS", "MAIN OUTCOME MEASURES",
                 "RESULTS", "CONCLUSION", "TRIAL REGISTRATION"):
        assert head in labels
    # the body's own Results section is body, not abstract
    assert _kind_at(bmj, "Figure 1 shows the numbers of participants") == "body"


def test_title_is_largest_type_on_page_one(bmj, huang):
    assert bmj.title == "Physical activity for smoking cessation in pregnancy: randomised controlled trial"
    assert huang.title == "Iron deficiency anaemia can be improved after eradication of Helicobacter pylori"


def test_metadata_doi_journal_year(bmj):
    assert bmj.metadata["doi"] == "10.1136/bmj.h2145"
    assert bmj.metadata["year"] == 2015 and bmj.metadata["journal"] == "BMJ"
    assert bmj.metadata["registrations"] == ["ISRCTN48600346"]


def test_text_layer_without_spaces_gets_spaces_back(sundstrom):
    assert "The study involved 2,462 dementia-free participants aged 55 years and older." in sundstrom.text
    assert "(hazard ratio = 0.97, 95% CI = 0.92–1.02)" in sundstrom.abstract


def test_line_end_hyphenation_undone(bmj):
    # "congenital abnormali-" / "ties, and neonatal" at a line end in the introduction
    assert "congenital abnormalities, and neonatal" in bmj.text
    assert "abnormali-" not in bmj.text


def test_dehyphenation_keeps_real_hyphens():
    vocab = Counter({"treatment": 3, "placebo-controlled": 1, "self": 4, "reported": 5})
    assert _dehyphenate("COVID-", "19 patients", vocab) == "COVID-19 patients"
    assert _dehyphenate("anti-", "TNF", vocab) == "anti-TNF"
    assert _dehyphenate("placebo-", "controlled trial", vocab) == "placebo-controlled trial"
    assert _dehyphenate("self-", "reported", vocab) == "self-reported"
    assert _dehyphenate("treat-", "ment was", vocab) == "treatment was"
    assert _dehyphenate("abnormali-", "ties", Counter()) == "abnormalities"


def test_wrapped_lines_joined_newlines_only_between_paragraphs(bmj):
    assert "To determine the effectiveness of a physical activity intervention for smoking cessation during " \
        "pregnancy." in bmj.text


def test_running_headers_footers_and_page_numbers_dropped(bmj):
    assert "2015;350:h2415" not in bmj.text  # the footer ("the bmj | BMJ 2015;350:h2415 | doi: ...")
    lines = bmj.text.split("\n")
    assert "RESEARCH" not in lines
    # no bare page number at the end or start of any page (figure axes may hold bare numbers)
    for n, start in enumerate(bmj.page_starts[1:], 2):
        before = bmj.text[:start].rstrip().rsplit("\n", 1)[-1]
        after = bmj.text[start:].split("\n", 1)[0]
        assert before not in (str(n - 1), str(n)) and after not in (str(n - 1), str(n))


def test_page_provenance(bmj):
    assert len(bmj.page_starts) == 10
    assert bmj.page_at(bmj.text.find("To determine the effectiveness")) == 1
    assert bmj.page_at(bmj.text.find("Between April 2009 and November 2012, we recruited")) == 2
    # a paragraph running over a page break: the page changes where the next page's text begins
    pos = bmj.text.find("features that made the evidence difficult to interpret")
    assert bmj.page_at(pos - 2) == 1 and bmj.page_at(pos) == 2


def test_symbol_font_glyphs_and_ligatures(huang, sundstrom):
    # Advent symbol fonts print "μ" as "m" and the en dash as "e"; ligature glyphs are expanded
    assert "the WMD of SF was 10.05 μg/l (95% CI 5.48 to 14.63 μg/l, p<0.00001)" in huang.abstract
    assert "Asia.1–3" in huang.text
    for doc in (huang, sundstrom):
        assert "ﬁ" not in doc.text and "ﬂ" not in doc.text and "(cid:" not in doc.text


def _minimal_pdf(content: bytes = b"") -> bytes:
    """A valid one-page PDF whose page draws ``content`` (empty: no text layer at all)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_without_text_layer_asks_for_ocr():
    with pytest.raises(IngestError) as e:
        list(load_bytes(_minimal_pdf(), "scan", "scan.pdf"))
    assert str(e.value) == "no text layer; run OCR first"
    # an image-only page (a drawn rectangle standing in for the scan) is the same
    with pytest.raises(IngestError, match="^no text layer; run OCR first$"):
        list(load_bytes(_minimal_pdf(b"0 0 0 rg 10 10 500 700 re f"), "scan", "scan.pdf"))


def test_truncated_pdf_one_line_error():
    data = BMJ.read_bytes()
    with pytest.raises(IngestError) as e:
        list(load_bytes(data[: len(data) // 2], "cut", "cut.pdf"))
    msg = str(e.value)
    assert msg.startswith("corrupt or truncated PDF") and "\n" not in msg


def test_corrupt_pdf_one_line_error():
    with pytest.raises(IngestError) as e:
        list(load_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\n%%EOF\n", "bad", "bad.pdf"))
    msg = str(e.value)
    assert msg.startswith("corrupt or truncated PDF") and "\n" not in msg


def test_pages_above_limit_skipped_with_warning():
    doc = _load(BMJ, max_pages=2)
    assert any("pages after 2 were skipped" in w for w in doc.warnings)
    assert len(doc.page_starts) == 2
    assert "Figure 1 shows the numbers of participants" not in doc.text  # page 4
