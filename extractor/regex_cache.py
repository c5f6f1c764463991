"""Compiled regex programs, shipped so a process need not compile its ~530 patterns again.

``regex.compile`` is pure Python up to its last step: it parses and optimises a pattern, then
hands the program (a list of opcodes, the group tables, the required string) to the C
function ``_regex.compile``. trialex compiles ~530 distinct patterns, several of them 2,000 to
4,800 characters long once their defines are filled in: 0.29 s per process, which every
worker of ``--jobs N`` paid before its first document (a tenth of a 5-second batch).

``patterns/regex_programs.bin`` stores, for each (pattern, flags), the arguments ``regex``
passed to ``_regex.compile``; :func:`compile_regex` hands them over again (10 ms for all).
The result is the object ``regex.compile`` builds, from the same arguments. The file is used
only when written by the installed ``regex`` version (its opcodes are that version's);
otherwise, for a pattern it lacks, or if it cannot be read, ``regex.compile`` runs as before.

Rebuild after changing a pattern (a test says when it is stale)::

    python -m extractor.regex_cache
"""

from __future__ import annotations

import enum
import marshal
import sys
import threading
import zlib
from importlib import resources
from typing import Any

import regex
from regex import _main as _regex_main

FILE = "regex_programs.bin"
_FORMAT = 1
_programs: dict[tuple[str, int], bytes] | None = None
# every (pattern, flags) asked for in this process, for a rebuild: module-level patterns are
# compiled at import, before a rebuild could start recording
_requested: set[tuple[str, int]] = set()
_made: dict[tuple[str, int], regex.Pattern[str]] = {}  # from the file: a bounded set
_lock = threading.Lock()


def _version_key() -> tuple[int, str, int]:
    return (_FORMAT, regex.__version__, marshal.version)


def _load() -> dict[tuple[str, int], bytes]:
    global _programs
    if _programs is None:
        try:
            raw = resources.files("extractor.patterns").joinpath(FILE).read_bytes()
            key, entries = marshal.loads(zlib.decompress(raw))
            _programs = dict(entries) if tuple(key) == _version_key() else {}
        except Exception:  # missing, truncated or foreign: compile as if there were no file
            _programs = {}
    return _programs


def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the shipped program where there is one."""
    key = (pattern, int(flags))
    made = _made.get(key)
    if made is not None:
        return made
    _requested.add(key)
    blob = _load().get(key)
    if blob is not None:
        try:
            made = _made[key] = _regex_main._regex.compile(*marshal.loads(blob))
            return made
        except Exception:  # a program this build of _regex will not take: compile it anew
            pass
    return regex.compile(pattern, flags)


def _plain(x: Any) -> Any:
    """``x`` with regex's flag enums as ints (marshal stores only built-in types)."""
    if isinstance(x, enum.Enum):
        return int(x.value)
    if isinstance(x, list):
        return [_plain(i) for i in x]
    if isinstance(x, tuple):
        return tuple(_plain(i) for i in x)
    if isinstance(x, dict):
        return {_plain(k): _plain(v) for k, v in x.items()}
    return x


def program(pattern: str, flags: int) -> bytes:
    """The marshalled arguments ``regex.compile(pattern, flags)`` passes to ``_regex.compile``."""
    captured: list[tuple] = []
    real = _regex_main._regex.compile

    def spy(*args: Any) -> Any:
        captured.append(args)
        return real(*args)

    with _lock:  # the spy is module-wide while it is in place
        regex.purge()  # a pattern in regex's own cache would not reach _regex.compile
        _regex_main._regex.compile = spy
        try:
            regex.compile(pattern, flags)
        finally:
            _regex_main._regex.compile = real
    if len(captured) != 1:
        raise RuntimeError(f"regex compiled {pattern[:40]!r} in {len(captured)} steps")
    return marshal.dumps(_plain(captured[0]))


def requested_patterns(paths: list[str]) -> set[tuple[str, int]]:
    """Every (pattern, flags) trialex compiles while it warms up and extracts ``paths``."""
    from extractor.api import iter_records
    from extractor.batch import warm_up
    from extractor.rules import load_rules, rule_files

    warm_up()
    for name in rule_files():
        load_rules(name)
    for _ in iter_records(paths):
        pass
    return set(_requested)


def build(paths: list[str]) -> bytes:
    keys = requested_patterns(paths)
    entries = sorted((k, program(*k)) for k in keys)
    return zlib.compress(marshal.dumps((_version_key(), entries)), 9)


def main() -> int:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    data = build([str(root / "corpus")])
    out = root / "patterns" / FILE
    out.write_bytes(data)
    print(f"{out}: {len(marshal.loads(zlib.decompress(data))[1])} programs, {len(data):,} bytes "
          f"(regex {regex.__version__})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    # run as extractor.regex_cache, the module the other modules compiled their patterns through
    from extractor.regex_cache import main as _main

    raise SystemExit(_main())
