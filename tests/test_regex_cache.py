"""extractor.regex_cache: a shipped program gives the pattern regex.compile gives, a stale or
broken file is ignored, and the file covers every pattern trialex compiles."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import zlib
from importlib import resources
from pathlib import Path

import pytest
import regex

from extractor import regex_cache
from extractor.rules import load_rules, rule_files

ROOT = Path(__file__).resolve().parent.parent


def _shipped() -> tuple[tuple, dict[tuple[str, int], bytes]]:
    raw = resources.files("extractor.patterns").joinpath(regex_cache.FILE).read_bytes()
    key, entries = marshal.loads(zlib.decompress(raw))
    return tuple(key), dict(entries)


def _same_version() -> bool:
    return _shipped()[0] == regex_cache._version_key()


def test_a_program_made_from_its_arguments_matches_as_regex_compile_does() -> None:
    # built here, for the installed regex, so this holds whatever version the file was made by
    for name in rule_files():
        for rule in load_rules(name).rules:
            flags = regex.VERBOSE | regex.V0 | (regex.IGNORECASE if rule.ignorecase else 0)
            source = rule.regex.pattern
            fresh = regex.compile(source, flags)
            made = regex_cache._regex_main._regex.compile(*marshal.loads(regex_cache.program(source, flags)))
            assert (made.pattern, made.flags, made.groups, made.groupindex) == (
                fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex), rule.id
            for text in [*rule.examples.match, *rule.examples.no_match]:
                got = [(m.span(), m.groupdict()) for m in made.finditer(text)]
                assert got == [(m.span(), m.groupdict()) for m in fresh.finditer(text)], (rule.id, text)


@pytest.mark.skipif(not _same_version(), reason="programs made by another regex version (they are not used)")
def test_every_shipped_program_matches_as_regex_compile_does() -> None:
    # not compared opcode by opcode: regex writes a set of first characters in set order,
    # which differs between runs; compared by what they match in real text instead
    probe = "\n".join([*(p.read_text("utf-8") for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))),
                       *(t for name in rule_files() for r in load_rules(name).rules
                         for t in (*r.examples.match, *r.examples.no_match))])
    _, entries = _shipped()
    for (source, flags), blob in entries.items():
        made = regex_cache._regex_main._regex.compile(*marshal.loads(blob))
        fresh = regex.compile(source, flags)
        assert (made.pattern, made.flags, made.groups, made.groupindex) == (
            fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex), source[:60]
        assert [(m.span(), m.groups()) for m in made.finditer(probe)] == [
            (m.span(), m.groups()) for m in fresh.finditer(probe)], source[:60]


def _warm_up_in_a_new_process(seed: str) -> tuple[str, list[str]]:
    """(a digest of the patterns a fresh process compiles while warming up, those of them the
    shipped file lacks)."""
    code = (f"import sys, hashlib, json; sys.path.insert(0, {str(ROOT)!r})\n"
            "from extractor.batch import warm_up; warm_up()\n"
            "from extractor import regex_cache as rc\n"
            "asked = sorted(rc._requested)\n"
            "print(hashlib.sha256(repr(asked).encode()).hexdigest())\n"
            "print(json.dumps([p[:80] for p, f in asked if (p, f) not in rc._load()]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": seed}).stdout.splitlines()
    return out[0], json.loads(out[1])


def test_patterns_are_the_same_text_in_every_process_and_each_has_its_program() -> None:
    # a program is found by its pattern's text: a pattern joined from a set in hash order
    # ("|".join(sorted(words, key=len)) with ties) would differ between processes
    (d1, missing1), (d2, _) = _warm_up_in_a_new_process("1"), _warm_up_in_a_new_process("2")
    assert d1 == d2
    if _same_version():
        # stale after a pattern changed: rebuild with `python -m extractor.regex_cache`
        assert not missing1, f"{len(missing1)} patterns lack a program, e.g. {missing1[0]!r}"


def test_a_file_from_another_regex_version_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_version_key", lambda: (regex_cache._FORMAT, "0.0.0", marshal.version))
    monkeypatch.setattr(regex_cache, "_programs", None)
    assert regex_cache._load() == {}
    monkeypatch.setattr(regex_cache, "_made", {})
    assert regex_cache.compile_regex(r"\bn\s*=\s*(\d+)", regex.I).search("(n = 12)").group(1) == "12"


def test_an_unreadable_file_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # an empty per-machine directory: an earlier warm-up in this session may have written one
    # (whenever the shipped file lacks a pattern), which is not the file this test breaks
    monkeypatch.setenv("TRIALEX_CACHE_DIR", str(tmp_path))

    class Broken:
        def joinpath(self, name: str) -> Broken:
            return self

        def read_bytes(self) -> bytes:
            return b"not zlib"

    monkeypatch.setattr(regex_cache.resources, "files", lambda pkg: Broken())
    monkeypatch.setattr(regex_cache, "_programs", None)
    assert regex_cache._load() == {}


def test_a_pattern_without_a_program_is_compiled_by_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_programs", {})
    monkeypatch.setattr(regex_cache, "_made", {})
    p = regex_cache.compile_regex(r"(?<=\bP\s?)[<=]\s*0?\.\d+", regex.I)
    assert isinstance(p, regex.Pattern) and p.search("p = .04").group() == "= .04"
    with pytest.raises(regex.error):
        regex_cache.compile_regex(r"(unbalanced")


def _fresh_state(monkeypatch: pytest.MonkeyPatch, shipped: bool) -> None:
    """The module as a new process has it; ``shipped``: whether the shipped file is read."""
    monkeypatch.setattr(regex_cache, "_programs", None)
    monkeypatch.setattr(regex_cache, "_made", {})
    monkeypatch.setattr(regex_cache, "_new", {})
    monkeypatch.setattr(regex_cache, "_capturing", True)
    if not shipped:  # as after an upgrade of regex: the shipped programs are another version's
        monkeypatch.setattr(regex_cache, "FILE", "no-such-file.bin")


def test_a_machine_without_programs_stores_them_at_warm_up_and_the_next_process_uses_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIALEX_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TRIALEX_NO_CACHE", raising=False)
    sources = [(r"\b(?:randomi[sz]ed|allocated)\s+(?P<n>\d+)", int(regex.I)), (r"(?r)\bP\s*[<=]\s*$", 0)]
    _fresh_state(monkeypatch, shipped=False)
    first = [regex_cache.compile_regex(p, f) for p, f in sources]  # compiled, programs captured
    path = regex_cache.save()
    assert path is not None and path.parent == tmp_path and path.exists()
    assert regex_cache.compile_regex(r"\d+ of \d+") is not None and not regex_cache._new  # no longer captured
    _fresh_state(monkeypatch, shipped=False)
    second = [regex_cache.compile_regex(p, f) for p, f in sources]
    assert all(k in regex_cache._made for k in sources)  # from the file, not compiled
    for a, b in zip(first, second, strict=True):
        assert (a.pattern, a.flags, a.groupindex) == (b.pattern, b.flags, b.groupindex)
    assert second[0].search("were randomized 120 patients").group("n") == "120"
    assert second[1].search("difference (P < ") is not None


def test_no_machine_file_is_read_or_written_when_caching_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIALEX_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("TRIALEX_NO_CACHE", "1")
    _fresh_state(monkeypatch, shipped=False)
    regex_cache.compile_regex(r"\bn\s*=\s*(\d+)", regex.I)
    assert regex_cache.save() is None and list(tmp_path.iterdir()) == []


def test_a_cache_directory_that_cannot_be_written_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory would be")
    monkeypatch.setenv("TRIALEX_CACHE_DIR", str(blocked / "trialex"))
    monkeypatch.delenv("TRIALEX_NO_CACHE", raising=False)
    _fresh_state(monkeypatch, shipped=False)
    p = regex_cache.compile_regex(r"\bvs\.?\s+(\d+)", regex.I)
    assert regex_cache.save() is None
    assert p.search("12 vs. 14").group(1) == "14"


def test_what_is_recorded_stops_growing_in_a_process_that_never_warms_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # an API caller or a Dask worker compiles patterns built from each document's words: the
    # records of asked and captured patterns must not grow with the corpus
    _fresh_state(monkeypatch, shipped=False)
    monkeypatch.setattr(regex_cache, "_requested", set())
    monkeypatch.setattr(regex_cache, "_MAX_RECORDED", 5)
    for i in range(12):
        assert regex_cache.compile_regex(rf"\bgroup\s+{i}\b").search(f"in group {i}.") is not None
    assert len(regex_cache._requested) == 5 and len(regex_cache._new) == 5
