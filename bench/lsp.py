"""Measure `factlint lsp` as an editor meets it: edit-to-diagnostics latency and memory over many edits.

Run from a checkout with the test extra installed:  python bench/lsp.py [--edits 50] [--soak 1000]
It starts the real server over stdio, opens a 1,000-word draft built from the seeds, then
  - latency: sends --edits edits one at a time and times each until the diagnostics of that
    version arrive (the server's debounce included); prints the median and the 90th percentile;
  - memory: sends --soak edits and samples the server's resident size (VmRSS) along the way.
Targets: median latency <= 50 ms; memory flat (the last sample within 5 MiB of the one after
the first 100 edits).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WORDS = 1000
LATENCY_TARGET_MS = 50.0
MEMORY_SLACK_MIB = 5.0
# The sentence each edit writes into one paragraph: a finding appears, moves and disappears.
EDIT = " The US delegation met amidst protests."


def draft(words: int = WORDS) -> list[str]:
    """Return the paragraphs of a draft of about `words` words, cut from the seed stories."""
    paragraphs: list[str] = []
    count = 0
    for story in sorted(SEEDS.glob("*.txt")) * 4:
        for paragraph in story.read_text(encoding="utf-8").split("\n\n"):
            if count >= words:
                return paragraphs
            take = paragraph.split()[: words - count]
            paragraphs.append(" ".join(take))
            count += len(take)
    return paragraphs


def version_text(paragraphs: list[str], edit: int) -> str:
    """Return the draft with the edit sentence added to one paragraph, a different one each edit."""
    changed = list(paragraphs)
    changed[edit % len(changed)] += EDIT if edit % 2 else ""
    return "\n\n".join(changed) + "\n"


def resident_mib(pid: int) -> float:
    """Return a process's resident set size in MiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc")


class Bench:
    """A client connected to a running `factlint lsp`, awaiting the diagnostics of each version."""

    def __init__(self) -> None:
        self.client = LanguageClient("factlint-bench", "1")
        self.waiting: dict[int, asyncio.Future] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            future = self.waiting.pop(params.version, None)
            if future is not None and not future.done():
                future.set_result(len(params.diagnostics))

    async def start(self, workspace: Path) -> int:
        factlint = Path(sys.executable).parent / "factlint"
        await self.client.start_io(str(factlint), "lsp", cwd=str(workspace))
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="bench")]))
        self.client.initialized(types.InitializedParams())
        return self.client._server.pid

    async def send(self, uri: str, version: int, text: str, opening: bool = False) -> float:
        """Send one version of the draft; return the seconds until its diagnostics arrive."""
        future = asyncio.get_running_loop().create_future()
        self.waiting[version] = future
        began = time.perf_counter()
        if opening:
            self.client.text_document_did_open(types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)))
        else:
            self.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        await asyncio.wait_for(future, 30)
        return time.perf_counter() - began

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def run(edits: int, soak: int) -> dict[str, object]:
    """Run both measurements and return their figures."""
    paragraphs = draft()
    with tempfile.TemporaryDirectory(prefix="factlint-lsp-bench-") as scratch:
        workspace = Path(scratch)
        path = workspace / "draft.txt"
        path.write_text(version_text(paragraphs, 0), encoding="utf-8")
        bench = Bench()
        pid = await bench.start(workspace)
        uri = path.as_uri()
        await bench.send(uri, 1, version_text(paragraphs, 0), opening=True)
        for version in range(2, 7):  # warm up: first lints pay for lazy imports and caches
            await bench.send(uri, version, version_text(paragraphs, version))
        latencies = [await bench.send(uri, 7 + i, version_text(paragraphs, i + 1)) for i in range(edits)]
        samples: list[tuple[int, float]] = []
        start = 7 + edits
        for i in range(soak):
            await bench.send(uri, start + i, version_text(paragraphs, i))
            if (i + 1) % 100 == 0:
                samples.append((i + 1, resident_mib(pid)))
        await bench.stop()
    ms = sorted(x * 1000 for x in latencies)
    growth = samples[-1][1] - samples[0][1] if samples else 0.0
    return {
        "words": sum(len(p.split()) for p in paragraphs),
        "edits": edits,
        "median_ms": round(statistics.median(ms), 1),
        "p90_ms": round(ms[int(0.9 * (len(ms) - 1))], 1),
        "max_ms": round(ms[-1], 1),
        "latency_ok": statistics.median(ms) <= LATENCY_TARGET_MS,
        "soak_edits": soak,
        "rss_mib": [(n, round(mib, 1)) for n, mib in samples],
        "rss_growth_mib": round(growth, 1),
        "memory_flat": growth <= MEMORY_SLACK_MIB,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the latency and memory figures; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description="Benchmark factlint's language server.")
    parser.add_argument("--edits", type=int, default=50, help="edits timed for latency (default 50)")
    parser.add_argument("--soak", type=int, default=1000, help="edits sent while memory is sampled (default 1000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = asyncio.run(run(args.edits, args.soak))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"draft: {figures['words']} words; edit to diagnostics over {figures['edits']} edits: "
              f"median {figures['median_ms']} ms, p90 {figures['p90_ms']} ms, max {figures['max_ms']} ms "
              f"(target <= {LATENCY_TARGET_MS:.0f} ms: {'ok' if figures['latency_ok'] else 'MISSED'})")
        samples = ", ".join(f"{n}: {mib}" for n, mib in figures["rss_mib"])
        print(f"server memory (MiB) after N of {figures['soak_edits']} edits: {samples}; growth after the "
              f"first 100: {figures['rss_growth_mib']} MiB ({'flat' if figures['memory_flat'] else 'GROWING'})")
    return 0 if figures["latency_ok"] and figures["memory_flat"] else 1


if __name__ == "__main__":
    sys.exit(main())
