"""The protocol features: document sync, watched settings, hover and code actions."""

from __future__ import annotations

import asyncio

from lsprotocol import types

from factlint.live import SETUP_ERRORS, LintError
from factlint.lsp import convert
from factlint.lsp.server import SETTINGS_SUFFIXES, FactlintServer, Linted

ACTION_KINDS = [types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, convert.FIX_ALL]


def build_server() -> FactlintServer:
    """Return a new language server with every feature registered."""
    server = FactlintServer()
    _sync(server)
    _requests(server)
    return server


def _is_settings(uri: str) -> bool:
    """Tell whether a file is a configuration or rule file whose change means reloading."""
    return uri.lower().endswith(SETTINGS_SUFFIXES)


def _sync(server: FactlintServer) -> None:
    """Register the lifecycle and document-sync notifications."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
        ls.configure(params)

    @server.feature(types.INITIALIZED)
    def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
        ls.watch_settings()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if _is_settings(params.text_document.uri):
            await ls.reload()
        else:  # lint again even if the text is the same: files around it may have changed
            ls.linted.pop(params.text_document.uri, None)
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(_is_settings(change.uri) for change in params.changes):
            await ls.reload()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: FactlintServer, params: None) -> None:
        ls.executor.shutdown(wait=False, cancel_futures=True)


def _requests(server: FactlintServer) -> None:
    """Register hover and code actions."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.fresh(params.text_document.uri)
        if linted is None or linted.checked is None:
            return None
        offset = linted.lines.offset(params.position.line, params.position.character)
        found = convert.at(linted.checked, offset)
        if not found:
            return None
        first = found[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=convert.hover_text(found, linted.checked)),
            range=convert.span(linted.lines, first.start, first.end))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=ACTION_KINDS))
    async def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = await ls.fresh(uri)
        if linted is None or linted.checked is None:
            return []
        only = params.context.only or []
        wants_source = any(str(k).startswith(types.CodeActionKind.SourceFixAll) for k in only)
        wants_quick = not only or any(str(k).startswith(types.CodeActionKind.QuickFix) for k in only)
        target = convert.Target(uri, linted.version, ls.versioned_edits)
        actions = _quick_fixes(linted, params, target) if wants_quick else []
        if wants_source or any(a.diagnostics and a.is_preferred for a in actions):
            kind = convert.FIX_ALL if wants_source else types.CodeActionKind.QuickFix
            try:
                after = await asyncio.get_running_loop().run_in_executor(ls.executor, ls.fixed_text, uri, linted)
            except (*SETUP_ERRORS, LintError):
                after = linted.text  # the draft's diagnostic already says why
            whole = convert.fix_all_action(linted.text, after, linted.lines, target, kind)
            if whole is not None:
                actions.append(whole)
        return actions


def _quick_fixes(linted: Linted, params: types.CodeActionParams, target: convert.Target) -> list[types.CodeAction]:
    """Return the fix and disable actions of the findings in the requested range."""
    lines, checked = linted.lines, linted.checked
    start = lines.offset(params.range.start.line, params.range.start.character)
    end = lines.offset(params.range.end.line, params.range.end.character)
    fixes, disables = [], []
    for finding in convert.overlapping(checked, start, end):
        diag = convert.diagnostic(finding, checked, lines)
        if finding.fix is not None:
            fixes.append(convert.fix_action(finding, diag, lines, target))
        if finding.rule != "factlint.unused-disable":
            disables.append(convert.disable_action(finding, diag, linted.text, lines, target))
    return fixes + disables

