"""PubMed MEDLINE (.nbib) and XML exports: one record per article, PMID as id."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from extractor.api import extract_records
from extractor.ingest.pubmed import _medline_records, parse_medline, parse_pubmed_xml

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLE = CORPUS / "medline" / "pubmed_sample.nbib"
FULL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "medline" / "pubmed_test.txt"


def test_medline_one_document_per_record_with_metadata() -> None:
    docs = list(parse_medline(SAMPLE.read_text("utf-8"), str(SAMPLE)))
    assert len(docs) == 20
    d = docs[0]
    assert d.id == "10974959"
    assert d.metadata["year"] == 2000
    assert "Randomized Controlled Trial" in d.metadata["publication_types"]
    assert d.title.startswith("Cost-effectiveness of intensive v. standard case management")
    # structured labels kept as sections; continuation lines unwrapped
    assert [s.label for s in d.sections if s.kind == "abstract"][:3] == ["BACKGROUND", "AIMS", "METHOD"]
    assert "708 patients with psychosis and a history of repeated hospital admissions" in d.text


def test_medline_record_without_abstract_still_yields_a_record() -> None:
    records = extract_records(SAMPLE)
    assert len(records) == 20
    assert all(r.pmid == r.id for r in records)
    no_ab = [r for r in records if "record has no abstract" in r.warnings]
    for r in no_ab:
        assert r.title and not r.p_values


@pytest.mark.skipif(not FULL.exists(), reason="shared corpus not present")
def test_full_medline_export_gives_1000_records_keyed_by_pmid() -> None:
    recs = list(_medline_records(FULL.read_text("utf-8")))
    docs = list(parse_medline(FULL.read_text("utf-8"), str(FULL)))
    assert len(recs) == len(docs) == 1000
    assert all(d.id.isdigit() for d in docs)
    assert sum(1 for d in docs if "record has no abstract" not in d.warnings) == 821


def _xml_from_medline(text: str) -> str:
    """Build a PubmedArticleSet from MEDLINE records (as PubMed's XML export lays them out)."""
    root = ET.Element("PubmedArticleSet")
    for rec in _medline_records(text):
        art = ET.SubElement(root, "PubmedArticle")
        cit = ET.SubElement(art, "MedlineCitation")
        ET.SubElement(cit, "PMID").text = rec["PMID"][0]
        a = ET.SubElement(cit, "Article")
        j = ET.SubElement(a, "Journal")
        ET.SubElement(j, "Title").text = rec["JT"][0]
        pd = ET.SubElement(ET.SubElement(j, "JournalIssue"), "PubDate")
        ET.SubElement(pd, "Year").text = rec["DP"][0][:4]
        ET.SubElement(a, "ArticleTitle").text = rec["TI"][0]
        if "AB" in rec:
            ab = ET.SubElement(a, "Abstract")
            ET.SubElement(ab, "AbstractText", Label="RESULTS").text = rec["AB"][0]
        ptl = ET.SubElement(a, "PublicationTypeList")
        for pt in rec.get("PT", []):
            ET.SubElement(ptl, "PublicationType").text = pt
    return ET.tostring(root, encoding="unicode")


def test_pubmed_xml_export(tmp_path: Path) -> None:
    xml = _xml_from_medline(SAMPLE.read_text("utf-8"))
    docs = list(parse_pubmed_xml(xml, "x.xml"))
    assert len(docs) == 20
    assert docs[0].id == "10974959" and docs[0].metadata["year"] == 2000
    assert "Randomized Controlled Trial" in docs[0].metadata["publication_types"]
    f = tmp_path / "export.xml"
    f.write_text('<?xml version="1.0"?>\n' + xml, "utf-8")
    recs = extract_records(f)
    assert [r.id for r in recs] == [d.id for d in docs]
    assert recs[0].sections[1] == "RESULTS"


def test_malformed_pubmed_xml_is_one_clear_error(tmp_path: Path) -> None:
    from extractor.document import IngestError

    f = tmp_path / "bad.xml"
    f.write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation>", "utf-8")
    with pytest.raises(IngestError, match="malformed PubMed XML"):
        extract_records(f)


def _big_export(copies: int) -> str:
    """A PubmedArticleSet of ``copies`` x the 20 sample articles (PMIDs made unique)."""
    one = _xml_from_medline(SAMPLE.read_text("utf-8"))
    inner = one[len("<PubmedArticleSet>") : -len("</PubmedArticleSet>")]
    body = "".join(inner.replace("<PMID>", f"<PMID>{k}") for k in range(1, copies + 1))
    return '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>' + body + "</PubmedArticleSet>"


def test_pubmed_xml_is_streamed_not_held_as_one_tree() -> None:
    """A baseline file holds 30,000 articles: its element tree would cost GBs. Articles are
    parsed in 1 MB chunks and dropped once read, so memory stays near the text's own size."""
    import tracemalloc

    xml = _big_export(150)  # 3,000 articles, several chunks
    assert len(xml) > 3 * (1 << 20)
    tracemalloc.start()
    n, ids = 0, set()
    for d in parse_pubmed_xml(xml, "big.xml"):
        n += 1
        ids.add(d.id)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 3000 and len(ids) == 3000
    # parsed whole, this file peaks at ~4x its text; streamed, at ~0.8x
    assert peak < 1.5 * len(xml)


def test_truncated_pubmed_xml_keeps_the_articles_before_the_cut() -> None:
    from extractor.document import IngestError

    xml = _big_export(2)
    cut = xml[: xml.index("<PubmedArticle>", len(xml) // 2) + 200]
    got = []
    with pytest.raises(IngestError, match="malformed PubMed XML"):
        for d in parse_pubmed_xml(cut, "cut.xml"):
            got.append(d.id)
    assert 10 <= len(got) < 40
