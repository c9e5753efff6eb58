"""textlint with textlint-rule-prh, the benchmark's second peer: installed with npm, for the benchmark only.

factlint never runs node or npm; the benchmark installs the two packages once into
bench/textlint/ (not committed) and points prh at bench/prh.yml, factlint's house-style rules
written as a prh dictionary.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

BENCH = Path(__file__).resolve().parent
FOLDER = BENCH / "textlint"
DICTIONARY = BENCH / "prh.yml"
# Exact versions, so that two runs of the benchmark measure the same peer.
PACKAGES = {"textlint": "15.8.0", "textlint-rule-prh": "6.1.0"}


def prepare(folder: Path = FOLDER) -> tuple[list[str] | None, str]:
    """Install textlint and prh if node and npm are present; return its command (or None) and why."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "node and npm are not installed"
    binary = folder / "node_modules" / "textlint" / "bin" / "textlint.js"
    if not binary.exists() or installed_versions(folder) != PACKAGES:
        folder.mkdir(parents=True, exist_ok=True)
        manifest = {"name": "factlint-bench-peers", "private": True, "dependencies": PACKAGES}
        (folder / "package.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel", "error"],
                              cwd=folder, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not binary.exists():
            return None, f"npm install failed: {(done.stderr or done.stdout).strip()[-500:]}"
    config = folder / "textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(DICTIONARY)]}}}) + "\n", encoding="utf-8")
    return [node, str(binary), "--config", str(config), "--format", "unix"], "installed"


def installed_versions(folder: Path) -> dict[str, str]:
    """Return the versions of the packages installed in folder (empty for those missing)."""
    found = {}
    for name in PACKAGES:
        manifest = folder / "node_modules" / name / "package.json"
        if manifest.exists():
            found[name] = json.loads(manifest.read_text(encoding="utf-8")).get("version", "")
    return found
