"""The language server's state and its lint loop: debounced, one lint at a time, never stale."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from factlint import __version__
from factlint.codeunits import UTF16, Lines
from factlint.live import (DEFAULT_MAX_BYTES, SETUP_ERRORS, Checked, Folders, LintError, Trouble, check,
                           fix_all, text_problem)
from factlint.lsp import convert

DRAFT_SUFFIXES = (".txt", ".md", ".markdown")
DRAFT_LANGUAGES = {"markdown", "plaintext", "text"}
SETTINGS_SUFFIXES = (".yaml", ".yml", ".toml")
# Edits that follow one another within this delay are linted once, after the last of them.
DEFAULT_DEBOUNCE_MS = 20


@dataclass(frozen=True)
class Linted:
    """One version of an open draft and what linting it gave: findings, or the reason there are none."""

    version: int | None
    text: str
    lines: Lines
    checked: Checked | None = None
    trouble: Trouble | None = None
    notes: tuple[Trouble, ...] = ()  # rules switched off beside the findings


class Protocol(LanguageServerProtocol):
    """pygls's protocol, forgetting each notification's handler future once it is done.

    pygls 2.1 files the future of a notification's generator or coroutine handler under a
    fresh id that no response ever pops: two kilobytes per keystroke, for as long as the
    editor stays open. This keeps the server's memory flat.
    """

    _in_notification = False

    def _handle_notification(self, method_name: str, params: Any) -> None:
        self._in_notification = True
        try:
            super()._handle_notification(method_name, params)
        finally:
            self._in_notification = False

    def _execute_handler(self, msg_id: Any, *args: Any, **kwargs: Any) -> None:
        super()._execute_handler(msg_id, *args, **kwargs)
        future = self._request_futures.get(msg_id) if self._in_notification else None
        if future is not None:
            future.add_done_callback(lambda _done: self._request_futures.pop(msg_id, None))


class FactlintServer(LanguageServer):
    """A language server that lints drafts with factlint's engine, one rule set per workspace folder."""

    def __init__(self) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=Protocol)
        self.folders = Folders([])
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.max_bytes = DEFAULT_MAX_BYTES
        self.linted: dict[str, Linted] = {}
        self._pending: dict[str, asyncio.Task] = {}
        self._started: dict[str, float] = {}  # when each draft's latest lint starts (loop time)
        self._shown: set[str] = set()
        self._trouble_uris: set[str] = set()
        # One thread lints, in order: rule sets are loaded once, and a slow lint never blocks the
        # protocol (a runaway regex takes seconds to time out).
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factlint-lint")

    def configure(self, params: types.InitializeParams) -> None:
        """Take the workspace folders and the client's initialization options."""
        roots = [Path(p) for p in (to_fs_path(f.uri) for f in params.workspace_folders or []) if p]
        if not roots and params.root_uri and (root := to_fs_path(params.root_uri)):
            roots = [Path(root)]
        self.folders = Folders(roots)
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if isinstance(options.get("debounce_ms"), (int, float)) and options["debounce_ms"] >= 0:
            self.debounce = options["debounce_ms"] / 1000
        if isinstance(options.get("max_bytes"), int) and options["max_bytes"] > 0:
            self.max_bytes = options["max_bytes"]

    @property
    def encoding(self) -> str:
        """Return the position encoding agreed with the client (UTF-16 unless both chose another)."""
        chosen = self.workspace.position_encoding
        return str(getattr(chosen, "value", chosen) or UTF16)

    @property
    def versioned_edits(self) -> bool:
        """Tell whether the client applies edits tied to a document version."""
        workspace = self.client_capabilities.workspace
        edits = workspace and workspace.workspace_edit
        return bool(edits and edits.document_changes)

    def is_draft(self, uri: str) -> bool:
        """Tell whether an open document is a draft factlint lints (by suffix, or language for unsaved ones)."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return False
        if uri.startswith("file:"):
            return (document.path or "").lower().endswith(DRAFT_SUFFIXES)
        return (document.language_id or "") in DRAFT_LANGUAGES

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Lint a draft soon, replacing any lint still waiting for it.

        The first edit after a quiet spell is linted at once; edits that follow within the
        debounce delay wait for it, so a burst of keystrokes costs one more lint, of its last edit.
        """
        loop = asyncio.get_running_loop()
        waiting = self._pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if delay is None:
            quiet = waiting is None and loop.time() - self._started.get(uri, float("-inf")) >= self.debounce
            delay = 0 if quiet else self.debounce
        self._started[uri] = loop.time() + delay
        self._pending[uri] = loop.create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self._pending.pop(uri, None)
        await self.fresh(uri)

    def forget(self, uri: str) -> None:
        """Drop everything held for a closed draft and clear its diagnostics."""
        waiting = self._pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.linted.pop(uri, None)
        self._started.pop(uri, None)
        self.publish(uri, None, [])

    async def fresh(self, uri: str) -> Linted | None:
        """Return the lint of the draft's current version, linting (and publishing) it if needed."""
        if not self.is_draft(uri):
            return None
        document = self.workspace.get_text_document(uri)
        known = self.linted.get(uri)
        if known is not None and known.version == document.version and known.text == document.source:
            return known
        path = document.path if uri.startswith("file:") and document.path else os.path.join(os.getcwd(), "untitled")
        markdown = None if uri.startswith("file:") else document.language_id == "markdown"
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(
            self.executor, self._lint, Path(path), document.source, document.version, markdown)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != linted.version:
            return None  # closed or edited meanwhile: a newer lint is on its way
        self.linted[uri] = linted
        self._publish_linted(uri, linted)
        return linted

    def _lint(self, path: Path, text: str, version: int | None, markdown: bool | None) -> Linted:
        """Lint one version of a draft (in the lint thread); a problem becomes a Trouble, never an exception."""
        lines = Lines(text, self.encoding)
        problem = text_problem(text, self.max_bytes)
        if problem is not None:
            return Linted(version, text, lines, trouble=Trouble(f"{path.name}: {problem}"))
        try:
            while True:
                settings, rule_set = self.folders.load(path)
                try:
                    checked = check(text, str(path), settings, rule_set, markdown=markdown)
                    break
                except LintError as exc:
                    if exc.rule is None:
                        raise
                    # A rule whose regex runs away would cost seconds on every keystroke: off it goes.
                    self.folders.bench(path, exc)
            notes = tuple(Trouble(message) for message in self.folders.benched(path))
            return Linted(version, text, lines, checked, notes=notes)
        except (*SETUP_ERRORS, LintError) as exc:
            return Linted(version, text, lines, trouble=Trouble.of(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in one check must not end the editor's session
            return Linted(version, text, lines, trouble=Trouble(
                f"{path.name}: factlint could not lint this draft ({type(exc).__name__}: {exc}); please report it"))

    def fixed_text(self, uri: str, linted: Linted) -> str:
        """Return the draft with every fix applied, as `factlint --fix` would write it (lint thread)."""
        path = Path(self.workspace.get_text_document(uri).path or "untitled")
        settings, rule_set = self.folders.load(path)
        return fix_all(linted.text, str(path), settings, rule_set, markdown=linted.checked.doc.markdown).doc.text

    def _publish_linted(self, uri: str, linted: Linted) -> None:
        """Publish a draft's diagnostics, or the one diagnostic (and message) saying why there are none."""
        if linted.checked is not None:
            notes = [convert.trouble_diagnostic(note) for note in linted.notes]
            self.publish(uri, linted.version, notes + convert.diagnostics(linted.checked, linted.lines))
            for note in linted.notes:
                self._show(note.message)
            return
        trouble = linted.trouble
        self.publish(uri, linted.version, [convert.trouble_diagnostic(trouble)])
        if trouble.path is not None:
            at_fault = from_fs_path(str(Path(trouble.path).resolve()))
            if at_fault and at_fault != uri:
                self._trouble_uris.add(at_fault)
                self.publish(at_fault, None, [convert.trouble_diagnostic(trouble, max((trouble.line or 1) - 1, 0))])
        self._show(trouble.message)

    def _show(self, message: str) -> None:
        """Show an error message once (until the next reload), not on every keystroke."""
        if message not in self._shown:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"factlint: {message}"))

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        """Send a document's diagnostics to the client."""
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    async def reload(self) -> None:
        """Re-read configurations and rule files, then lint every open draft again."""
        await asyncio.get_running_loop().run_in_executor(self.executor, self.folders.reload)
        for uri in sorted(self._trouble_uris):
            self.publish(uri, None, [])
        self._trouble_uris.clear()
        self._shown.clear()
        self.linted.clear()
        for uri in list(self.workspace.text_documents):
            if self.is_draft(uri):
                self.schedule(uri, 0)

    def watch_settings(self) -> None:
        """Ask the client to report changes to configuration and rule files, if it can."""
        capabilities = self.client_capabilities.workspace
        watched = capabilities and capabilities.did_change_watched_files
        if not (watched and watched.dynamic_registration):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in ("**/*.{yaml,yml}", "**/pyproject.toml")]
        registration = types.Registration(
            id="factlint-settings", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))
        self.client_register_capability(types.RegistrationParams(registrations=[registration]))
