"""A commit hook's cold start: with the caches warm, no YAML parsing, no long compile, no heavy import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

# What a text draft's run needed to import before, for no finding of it.
HEAVY = ("dataclasses", "inspect", "json", "shutil", "yaml", "hashlib", "tempfile",
         # and of its own: fixes, baselines, git, story sets and what they extract
         "factlint.fix", "factlint.baseline", "factlint.changed", "factlint.storysets",
         "factlint.checks.dates.facts", "factlint.checks.figures.facts", "factlint.checks.names.facts")
REPORT = """
import atexit, sys
import re._compiler, regex._main
long_compiles = []
def _watch(module, name):
    original = getattr(module, name)
    def compile(pattern, *args, **kwargs):
        frame = sys._getframe(1)
        # A compile by base.py's functions: its import line, importing a module that compiles
        # its own constant patterns, is no rule set's compile.
        while frame is not None and not (frame.f_code.co_filename.endswith("checks/base.py")
                                         and frame.f_code.co_name != "<module>"):
            frame = frame.f_back
        if frame is not None and len(pattern) >= 80:  # a rule set's pattern, long enough to cache
            long_compiles.append(pattern[:60])
        return original(pattern, *args, **kwargs)
    setattr(module, name, compile)
_watch(re._compiler, "compile")
_watch(regex._main, "_compile")
atexit.register(lambda: print("IMPORTED", sorted(m for m in HEAVY if m in sys.modules), "COMPILED", len(long_compiles)))
"""


def _run(folder: Path, cache: Path, story: str) -> subprocess.CompletedProcess[str]:
    code = f"HEAVY = {HEAVY!r}\n{REPORT}\nfrom factlint.cli import main\nsys.exit(main([{story!r}]))"
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, env=env, timeout=120)


def test_a_warm_start_parses_no_yaml_compiles_no_long_pattern_and_imports_nothing_heavy(tmp_path: Path) -> None:
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    shutil.copy(seed, tmp_path / seed.name)
    cold = _run(tmp_path, tmp_path / "cache", seed.name)
    warm = _run(tmp_path, tmp_path / "cache", seed.name)
    assert cold.returncode == warm.returncode == 1, cold.stderr + warm.stderr
    *findings, report = warm.stdout.splitlines()
    assert "COMPILED 0" not in cold.stdout, "the first run compiles and stores the patterns"
    assert report == "IMPORTED [] COMPILED 0"
    assert findings == cold.stdout.splitlines()[:-1] and len(findings) > 3
