"""Compiled regex programs, stored so a process need not compile its ~530 patterns again.

``regex.compile`` is pure Python up to its last step: it parses and optimises a pattern, then
hands the program (a list of opcodes, the group tables, the required string) to the C
function ``_regex.compile``. trialex compiles ~530 distinct patterns, several of them 2,000 to
4,800 characters long once their defines are filled in: 0.29 s per process, which every
worker of ``--jobs N`` paid before its first document (a tenth of a 5-second batch).

A program file stores, for each (pattern, flags), the arguments ``regex`` passed to
``_regex.compile``; :func:`compile_regex` hands them over again (10 ms for all). The result is
the object ``regex.compile`` builds, from the same arguments. A program is used only with the
``regex`` version that wrote it (its opcodes are that version's); a pattern without one is
compiled as before. Two files are read:

* ``patterns/regex_programs.bin``, shipped, written by ``python -m extractor.regex_cache``
  (a test says when it is stale after a pattern changed);
* a per-machine file for the installed ``regex`` version, written by the first process that
  warms up (``batch.warm_up``) and compiles patterns the other file lacks, as after an
  upgrade of ``regex``: ``$TRIALEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/trialex``, else
  ``~/.cache/trialex``. ``TRIALEX_NO_CACHE=1`` neither reads nor writes it. It is written
  whole to a temporary file and renamed, so a reader never sees half of it; a directory that
  cannot be written is passed over.
"""

from __future__ import annotations

import enum
import marshal
import os
import sys
import tempfile
import threading
import zlib
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from regex import _main as _regex_main

FILE = "regex_programs.bin"
_FORMAT = 1
_programs: dict[tuple[str, int], bytes] | None = None
# every (pattern, flags) asked for in this process until it has warmed up, for a rebuild:
# module-level patterns are compiled at import, before a rebuild could start recording
_requested: set[tuple[str, int]] = set()
# Both records stop growing at this many: a process that never warms up (an API caller, a
# Dask worker) also compiles patterns built from a document's own words, about one new one in
# a hundred abstracts, and memory must stay flat over millions of them
_MAX_RECORDED = 3000
_made: dict[tuple[str, int], regex.Pattern[str]] = {}  # from the files: a bounded set
# programs of the patterns compiled here without one, captured while compiling them until
# the process has warmed up (later misses are patterns built from a document's own words)
_new: dict[tuple[str, int], bytes] = {}
_capturing = True
_lock = threading.Lock()


def _version_key() -> tuple[int, str, int]:
    return (_FORMAT, regex.__version__, marshal.version)


def _read(raw: bytes) -> dict[tuple[str, int], bytes]:
    key, entries = marshal.loads(zlib.decompress(raw))
    return dict(entries) if tuple(key) == _version_key() else {}


def user_file() -> Path | None:
    """This machine's program file for the installed ``regex`` (None: caching is off)."""
    if os.environ.get("TRIALEX_NO_CACHE"):
        return None
    base = os.environ.get("TRIALEX_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "trialex")
    return Path(base) / f"regex-programs-{regex.__version__}-f{_FORMAT}-m{marshal.version}.bin"


def _load() -> dict[tuple[str, int], bytes]:
    global _programs
    if _programs is None:
        programs: dict[tuple[str, int], bytes] = {}
        try:
            programs.update(_read(resources.files("extractor.patterns").joinpath(FILE).read_bytes()))
        except Exception:  # missing, truncated or foreign: compile as if there were no file
            pass
        path = user_file()
        if path is not None:
            try:
                programs.update(_read(path.read_bytes()))
            except Exception:  # none yet, or unreadable: it is written anew at warm-up
                pass
        _programs = programs
    return _programs


def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from a stored program where there is one."""
    key = (pattern, int(flags))
    made = _made.get(key)
    if made is not None:
        return made
    if _capturing and len(_requested) < _MAX_RECORDED:
        _requested.add(key)
    blob = _load().get(key)
    if blob is not None:
        try:
            made = _made[key] = _regex_main._regex.compile(*marshal.loads(blob))
            return made
        except Exception:  # a program this build of _regex will not take: compile it anew
            pass
    if not _capturing or len(_new) >= _MAX_RECORDED:
        return regex.compile(pattern, flags)
    compiled, args = _compile_capturing(pattern, flags)
    if args is not None:
        _new[key] = marshal.dumps(_plain(args))
    return compiled


def _compile_capturing(pattern: str, flags: int) -> tuple[regex.Pattern[str], tuple | None]:
    """``regex.compile(pattern, flags)`` and the arguments it passed to ``_regex.compile``
    (None where it passed none, as when the pattern was in regex's own cache, or where
    another thread compiled at the same time)."""
    captured: list[tuple] = []
    real = _regex_main._regex.compile

    def spy(*args: Any) -> Any:
        captured.append(args)
        return real(*args)

    with _lock:  # the spy is module-wide while it is in place
        _regex_main._regex.compile = spy
        try:
            compiled = regex.compile(pattern, flags)
        finally:
            _regex_main._regex.compile = real
    return compiled, captured[0] if len(captured) == 1 else None


def save() -> Path | None:
    """Write this machine's program file if this process compiled patterns it lacked (the
    first warm-up after installing or upgrading ``regex``), then stop capturing. Returns the
    file written, if any."""
    global _capturing
    _capturing = False
    path = user_file()
    if path is None or not _new:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        programs: dict[tuple[str, int], bytes] = {}
        try:
            programs.update(_read(path.read_bytes()))  # another process's, written meanwhile
        except Exception:
            pass
        programs.update(_new)
        data = zlib.compress(marshal.dumps((_version_key(), sorted(programs.items()))), 6)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:  # a read-only or full disk: the next process compiles again
        return None
    _load().update(_new)
    _new.clear()
    return path


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
    regex.purge()  # a pattern in regex's own cache would not reach _regex.compile
    _, args = _compile_capturing(pattern, flags)
    if args is None:
        raise RuntimeError(f"regex compiled {pattern[:40]!r} in other than one step")
    return marshal.dumps(_plain(args))


def requested_patterns(paths: list[str]) -> set[tuple[str, int]]:
    """Every (pattern, flags) trialex compiles while it warms up and extracts ``paths``."""
    from extractor.api import iter_records
    from extractor.batch import warm_up
    from extractor.rules import load_rules, rule_files

    global _capturing
    warm_up()
    _capturing = True  # (warm-up stops the recording; the patterns the documents need count too)
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
