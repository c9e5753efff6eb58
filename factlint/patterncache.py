"""Compiled regular expressions kept on disk, so that a commit hook does not compile them again.

Compiling the rule pack's assembled word lists and an author's patterns was the largest share of
a cold start. Both engines can rebuild a pattern from its compiled program without parsing it:
`regex` pickles a pattern as its program and `regex._regex.compile` (its documented pickle
support), and `re` hands the program `re._compiler` computes to `_sre.compile`, which validates
it. checks/base.py, the one module that compiles patterns, asks here first and stores what it
compiled. An entry (see datacache) is found by the engine, its and Python's versions, the flags
and the pattern's source; it holds only plain values, and is written only when the pattern
rebuilt from it equals the one just compiled. A miss, a refused entry or an internal interface
that moved compiles the pattern as before, so a bad pattern is still reported by its engine,
and is never stored.
"""

from __future__ import annotations

import _sre  # the engine `re` compiles its programs with
import copyreg
import re
import sys

import regex

from factlint import datacache

# `re` compiles a shorter pattern in less time than an entry takes to read (`regex` does not).
RE_MIN_LENGTH = 80
# What an `re` entry holds for a pattern `re` refused (an error, or a warning of syntax it will
# read otherwise one day): the caller compiles it with `regex` without trying `re` again.
REFUSED = "refused by re"


def load(pattern: str, flags: int, engine: str = "re") -> re.Pattern | regex.Pattern | str | None:
    """Return the pattern rebuilt from its cached program (or REFUSED), or None: compile it and store() it."""
    if engine == "re" and len(pattern) < RE_MIN_LENGTH:
        return None
    program = datacache.get(_NAMESPACES[engine], _key(engine, pattern, flags))
    if engine == "re" and program == REFUSED:
        return REFUSED
    if type(program) is not tuple or not program or program[0] != pattern:
        return None
    try:
        if engine == "re":
            return _rebuild_re(program) if _is_re_program(program) else None
        return _rebuild_regex(program) if len(program) == 11 and type(program[1]) is int else None
    except (regex.error, RuntimeError, TypeError, ValueError, OverflowError, IndexError):
        return None  # not a program this interpreter accepts: compile it


def store(pattern: str, flags: int, compiled: re.Pattern | regex.Pattern | str) -> None:
    """Keep the program of a pattern just compiled, if rebuilding it gives the same; or that `re` REFUSED it."""
    engine = "regex" if isinstance(compiled, regex.Pattern) else "re"
    if engine == "re" and len(pattern) < RE_MIN_LENGTH:
        return
    if compiled is REFUSED:
        program: tuple | str | None = REFUSED
    else:
        program = _re_program(pattern, flags, compiled) if engine == "re" else _regex_program(compiled)
    if program is not None:
        datacache.put(_NAMESPACES[engine], _key(engine, pattern, flags), program)


_NAMESPACES = {"re": "patterncache re 1", "regex": "patterncache regex 1"}


def _key(engine: str, pattern: str, flags: int) -> str:
    """Return what an entry is for: the engine's and Python's versions, the flags, the source."""
    version = regex.__version__ if engine == "regex" else str(_sre.MAGIC)
    return f"{engine}\0{version}\0{sys.version}\0{int(flags)}\0{pattern}"


def _is_re_program(program: tuple) -> bool:
    """Tell whether cached data has the shape of an `re` program."""
    return (len(program) == 6 and type(program[1]) is int and type(program[2]) is list and type(program[3]) is int
            and type(program[4]) is dict and type(program[5]) is tuple)


def _rebuild_re(program: tuple) -> re.Pattern:
    return _sre.compile(*program)


def _re_program(pattern: str, flags: int, compiled: re.Pattern) -> tuple | None:
    """Return the arguments `re._compiler.compile` gave `_sre.compile`, or None if they moved."""
    try:
        parsed = re._parser.parse(pattern, flags)
        code = [int(op) for op in re._compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1,
                   groupindex, tuple(indexgroup))
        return program if _rebuild_re(program) == compiled else None  # `re` compares their code
    except Exception:  # noqa: BLE001 - an interpreter whose internals differ: no cache, no harm
        return None


def _rebuild_regex(program: tuple) -> regex.Pattern:
    from regex import _regex  # noqa: PLC0415 - what unpickling a pattern calls

    return _regex.compile(*program)


def _regex_program(compiled: regex.Pattern) -> tuple | None:
    """Return the program a `regex` pattern pickles as, if rebuilding it gives the same again."""
    try:
        _, program = copyreg.dispatch_table[type(compiled)](compiled)
        again = copyreg.dispatch_table[type(compiled)](_rebuild_regex(program))[1]
        return program if type(program) is tuple and again == program else None
    except Exception:  # noqa: BLE001 - a version that pickles otherwise: no cache, no harm
        return None
