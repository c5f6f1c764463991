"""PubMed exports into Documents: MEDLINE/.nbib text ("PMID- ...") and PubmedArticleSet XML.

One Document per record, with the PMID as id; title, journal, year, DOI, publication types
and registration ids (``SI`` / DataBank lines, or ids in the abstract) kept in metadata;
structured abstract labels become sections. A record without an abstract still yields a
Document (title only), so every PMID gets a record.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from extractor.document import Document, IngestError, Section
from extractor.ingest.meta import find_registrations

_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*-\s?(.*)$")
# Structured-abstract labels inside a MEDLINE AB field: "BACKGROUND: ...", "METHODS AND RESULTS: ..."
_AB_LABEL = re.compile(r"(?:(?<=^)|(?<=[.!?)\]]\s))([A-Z][A-Z ,'&/\-]{2,60}[A-Z]):\s")


def _medline_records(text: str) -> Iterator[dict[str, list[str]]]:
    rec: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.split("\n"):
        if not line.strip():
            if rec:
                yield rec
            rec, last = {}, None
            continue
        m = _TAG.match(line) if not line.startswith("      ") else None
        if m:
            last = m.group(1)
            rec.setdefault(last, []).append(m.group(2).strip())
        elif last is not None:  # continuation line (6-space indent)
            rec[last][-1] += " " + line.strip()
    if rec:
        yield rec


def parse_medline(text: str, source: str) -> Iterator[Document]:
    found = False
    for rec in _medline_records(text):
        if "PMID" not in rec:
            continue
        found = True
        pmid = rec["PMID"][0].split()[0]
        dois = [a.replace("[doi]", "").strip() for a in rec.get("AID", []) + rec.get("LID", []) if a.endswith("[doi]")]
        year_m = re.match(r"(\d{4})", (rec.get("DP") or [""])[0])
        regs = [s.split("/", 1)[1] for s in rec.get("SI", []) if "/" in s and s.split("/")[0] in ("ClinicalTrials.gov", "ISRCTN", "ANZCTR", "ChiCTR")]
        meta = {
            "pmid": pmid,
            "journal": (rec.get("JT") or rec.get("TA") or [None])[0],
            "year": int(year_m.group(1)) if year_m else None,
            "publication_types": rec.get("PT", []),
            "doi": dois[0] if dois else None,
        }
        yield _build(pmid, source, (rec.get("TI") or [""])[0], " ".join(rec.get("AB", [])), meta, regs, labelled=None)
    if not found:
        raise IngestError("no PubMed records found (expected 'PMID- ' lines)")


def _build(pmid: str, source: str, title: str, abstract: str | list[tuple[str, str]], meta: dict,
           regs: list[str], labelled: bool | None) -> Document:
    """Text = title, blank line, then the abstract with one labelled section per line."""
    title = " ".join(title.split())
    parts: list[tuple[str, str]]
    if isinstance(abstract, str):
        parts = _split_labels(" ".join(abstract.split()))
    else:
        parts = [(lab, " ".join(t.split())) for lab, t in abstract]
    text = title + "\n\n"
    sections = [Section("TITLE", 0, len(title), "title")] if title else []
    for label, body in parts:
        if not body:
            continue
        if label != "ABSTRACT":
            head = f"{label}: "
            sections.append(Section(label, len(text), len(text) + len(head), "metadata"))
            text += head
        sections.append(Section(label, len(text), len(text) + len(body), "abstract"))
        text += body + "\n"
    regs = list(dict.fromkeys(regs + find_registrations(text)))
    if regs:
        meta["registrations"] = regs
    meta = {k: v for k, v in meta.items() if v not in (None, [], "")}
    warnings = [] if parts else ["record has no abstract"]
    return Document(id=pmid, source=source, text=text, title=title or None, sections=sections,
                    metadata=meta, warnings=warnings)


def _split_labels(ab: str) -> list[tuple[str, str]]:
    if not ab:
        return []
    ms = list(_AB_LABEL.finditer(ab))
    if not ms or ms[0].start() != 0:
        ms = [m for m in ms if m.start() > 0] if ms else []
        if not ms:
            return [("ABSTRACT", ab)]
    out: list[tuple[str, str]] = []
    if ms[0].start() > 0:
        out.append(("ABSTRACT", ab[: ms[0].start()].strip()))
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(ab)
        out.append((" ".join(m.group(1).split()), ab[m.end() : end].strip()))
    return out


def _text(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _article(art: ET.Element, source: str) -> Document | None:
    """The Document of one ``PubmedArticle`` element."""
    cit = art.find("MedlineCitation")
    if cit is None:
        return None
    pmid = _text(cit.find("PMID"))
    a = cit.find("Article")
    title = _text(a.find("ArticleTitle")) if a is not None else ""
    parts: list[tuple[str, str]] = []
    if a is not None:
        for ab in a.findall("Abstract/AbstractText"):
            label = (ab.get("Label") or "ABSTRACT").upper()
            parts.append((label, _text(ab)))
    year = _text(a.find("Journal/JournalIssue/PubDate/Year")) if a is not None else ""
    if not year and a is not None:
        m = re.match(r"(\d{4})", _text(a.find("Journal/JournalIssue/PubDate/MedlineDate")))
        year = m.group(1) if m else ""
    doi = ""
    for aid in art.findall("PubmedData/ArticleIdList/ArticleId"):
        if aid.get("IdType") == "doi":
            doi = _text(aid)
    if not doi and a is not None:
        for el in a.findall("ELocationID"):
            if el.get("EIdType") == "doi":
                doi = _text(el)
    regs = [_text(acc) for acc in cit.findall("Article/DataBankList/DataBank/AccessionNumberList/AccessionNumber")]
    meta = {
        "pmid": pmid,
        "journal": _text(a.find("Journal/Title")) if a is not None else None,
        "year": int(year) if year.isdigit() else None,
        "publication_types": [_text(p) for p in cit.findall("Article/PublicationTypeList/PublicationType")],
        "doi": doi or None,
    }
    return _build(pmid, source, title, parts, meta, regs, labelled=True)


def parse_pubmed_xml(text: str, source: str) -> Iterator[Document]:
    """One Document per ``PubmedArticle``, streamed: the text is fed to a pull parser in
    1 MB chunks and each article's elements are dropped once its record is built, so a
    baseline file (30,000 articles, 150-400 MB) never exists as one element tree."""
    parser = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    found = False
    step = 1 << 20
    try:
        for i in range(0, len(text) + step, step):
            if i < len(text):
                parser.feed(text[i : i + step])
            else:
                parser.close()  # the last events (and a truncated file's error) come out here
            for event, el in parser.read_events():
                if event == "start":
                    if root is None:
                        root = el
                    continue
                if el.tag == "PubmedArticle":
                    found = True
                    doc = _article(el, source)
                    if el is not root:
                        root.clear()  # drop the finished articles: only this one is left to free
                    if doc is not None:
                        yield doc
                elif el.tag in ("PubmedBookArticle", "DeleteCitation") and el is not root:
                    root.clear()
    except ET.ParseError as e:
        raise IngestError(f"malformed PubMed XML ({e})") from e
    if not found:
        raise IngestError("no PubmedArticle elements in the XML")
