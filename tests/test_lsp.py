"""`factlint lsp` driven as a subprocess by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities, make_test_lsp_client


FACTLINT = Path(sys.executable).parent / "factlint"
# 🗳️ is one astral character (two UTF-16 code units, four UTF-8 bytes) and a variation selector.
DRAFT = "🗳️ The council met amidst protests over the US budget.\n\nThe mayor said the vote was close.\n"
STYLE_ONLY = "select: ['style.*']\n"


async def start(workspace: Path, client_name: str = "visual-studio-code", options: dict | None = None) -> LanguageClient:
    """Start `factlint lsp` in a workspace folder and initialise a session as the named editor."""
    client = make_test_lsp_client()
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # an editor that watches files for the server
        client.registrations.extend(params.registrations)

    await client.start_io(str(FACTLINT), "lsp", cwd=str(workspace))
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(client_name),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="newsroom")],
        initialization_options={"debounce_ms": 0, **(options or {})},
    ))
    return client


@pytest_asyncio.fixture
async def workspace(tmp_path: Path):
    """A workspace folder whose configuration runs the house-style rules only."""
    (tmp_path / ".factlint.yaml").write_text(STYLE_ONLY, encoding="utf-8")
    yield tmp_path


@pytest_asyncio.fixture
async def client(workspace: Path):
    client = await start(workspace)
    yield client
    await client.shutdown_session()
    await client.stop()


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None, timeout: float = 10.0):
    """Wait until the server publishes diagnostics for (a version of) a document; return them."""
    async def published():
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
    return await asyncio.wait_for(published(), timeout)


def open_draft(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def summary(diagnostics) -> list[tuple]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
             d.severity, d.message) for d in diagnostics]


def apply(text: str, edit: types.WorkspaceEdit) -> str:
    """Apply a one-document workspace edit to text, counting UTF-16 code units as an editor does."""
    edits = edit.document_changes[0].edits if edit.document_changes else next(iter(edit.changes.values()))
    units = text.encode("utf-16-le")
    lines = units.decode("utf-16-le").split("\n")

    def offset(position: types.Position) -> int:  # in UTF-16 code units of the whole text
        before = "\n".join(lines[:position.line]) + ("\n" if position.line else "")
        return len(before.encode("utf-16-le")) // 2 + position.character

    for change_ in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(change_.range.start) * 2, offset(change_.range.end) * 2
        units = units[:start] + change_.new_text.encode("utf-16-le") + units[end:]
    return units.decode("utf-16-le")


@pytest.mark.asyncio
async def test_open_gives_exact_diagnostics_in_utf16_after_an_emoji(client: LanguageClient, workspace: Path) -> None:
    uri = open_draft(client, workspace / "council.md", DRAFT)
    found = await diagnostics_for(client, uri)
    W = types.DiagnosticSeverity.Warning
    # 'amidst' is character 19 of the line, but UTF-16 column 20: 🗳 takes two code units.
    assert summary(found) == [
        ("style.amid", 0, 20, 0, 26, W, "'amidst' → 'amid' (AP style)"),
        ("style.us-abbreviation", 0, 45, 0, 47, W, '"US" → "U.S." (AP style)'),
    ]
    assert all(d.source == "factlint" for d in found)
    assert found[0].code_description.href == "https://www.apstylebook.com/"
    assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]


@pytest.mark.asyncio
async def test_code_action_fix_applies_and_edit_updates_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = open_draft(client, workspace / "council.md", DRAFT)
    first = (await diagnostics_for(client, uri))[0]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=first.range,
        context=types.CodeActionContext(diagnostics=[first])))
    titles = [a.title for a in actions]
    assert titles == ["Fix: replace “amidst” with “amid” (style.amid)", "Disable style.amid on this line",
                      "Apply all factlint fixes in this file"]
    fixed = apply(DRAFT, actions[0].edit)
    assert fixed == DRAFT.replace("amidst", "amid")
    change(client, uri, 2, fixed)
    after = await diagnostics_for(client, uri, version=2)
    assert summary(after) == [("style.us-abbreviation", 0, 43, 0, 45, types.DiagnosticSeverity.Warning,
                               '"US" → "U.S." (AP style)')]


@pytest.mark.asyncio
async def test_apply_all_matches_factlint_fix(client: LanguageClient, workspace: Path) -> None:
    uri = open_draft(client, workspace / "council.md", DRAFT)
    await diagnostics_for(client, uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [a.title for a in actions] == ["Apply all factlint fixes in this file"]
    assert apply(DRAFT, actions[0].edit) == DRAFT.replace("amidst", "amid").replace(" US ", " U.S. ")


@pytest.mark.asyncio
async def test_disable_on_this_line_silences_the_rule(client: LanguageClient, workspace: Path) -> None:
    text = "The budget passed.\n  The US delegation left amidst protests.\n"
    uri = open_draft(client, workspace / "delegation.md", text)
    found = await diagnostics_for(client, uri)
    us = next(d for d in found if d.code == "style.us-abbreviation")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=us.range,
        context=types.CodeActionContext(diagnostics=[us])))
    disable = next(a for a in actions if a.title.startswith("Disable"))
    silenced = apply(text, disable.edit)
    assert silenced == ("The budget passed.\n  <!-- factlint-disable-next-line style.us-abbreviation -->\n"
                        "  The US delegation left amidst protests.\n")
    change(client, uri, 2, silenced)
    after = await diagnostics_for(client, uri, version=2)
    assert [(d.code, d.range.start.line) for d in after] == [("style.amid", 2)]
    # A second rule on the same line joins the same comment.
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=after[0].range,
        context=types.CodeActionContext(diagnostics=after)))
    both = apply(silenced, next(a for a in actions if a.title.startswith("Disable")).edit)
    assert both.splitlines()[1] == "  <!-- factlint-disable-next-line style.us-abbreviation style.amid -->"


@pytest.mark.asyncio
async def test_hover_shows_description_and_examples(client: LanguageClient, workspace: Path) -> None:
    uri = open_draft(client, workspace / "council.md", DRAFT)
    await diagnostics_for(client, uri)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 22)))
    value = hover.contents.value
    assert value.startswith("**style.amid** (warning): 'amidst' → 'amid' (AP style)")
    assert "AP style prefers amid, among and while" in value
    assert "Flagged: “The talks come amidst existing tensions.”" in value
    assert "Passes: “The talks come amid tensions, among other things, while trade grows.”" in value
    assert hover.range == types.Range(types.Position(0, 20), types.Position(0, 26))
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(2, 3)))
    assert nothing is None


@pytest.mark.asyncio
async def test_broken_config_is_one_error_naming_file_and_line_then_recovers(client: LanguageClient, workspace: Path) -> None:
    uri = open_draft(client, workspace / "council.md", DRAFT)
    assert len(await diagnostics_for(client, uri)) == 2
    config = workspace / ".factlint.yaml"
    config.write_text(STYLE_ONLY + "fail_levle: error\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    broken = await diagnostics_for(client, uri)
    assert [(d.code, d.severity) for d in broken] == [("factlint.setup-error", types.DiagnosticSeverity.Error)]
    assert broken[0].message.startswith(f"{config}:2: unknown key 'fail_levle'")
    await asyncio.sleep(0.2)
    assert any(f"{config}:2: unknown key" in m.message for m in client.messages)
    assert [d.range.start.line for d in client.diagnostics[config.as_uri()]] == [1]
    config.write_text(STYLE_ONLY, encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    assert len(await diagnostics_for(client, uri)) == 2
    assert list(client.diagnostics[config.as_uri()]) == []


@pytest.mark.asyncio
async def test_rule_file_change_reloads_and_a_hostile_regex_is_reported(client: LanguageClient, workspace: Path) -> None:
    pack = workspace / "house" / "house"
    pack.mkdir(parents=True)
    (workspace / ".factlint.yaml").write_text("rules: [house]\nselect: ['house.*']\n", encoding="utf-8")
    rule = pack / "pileup.yaml"
    rule.write_text("kind: existence\nmessage: 'pile-up: {match}'\npatterns: ['(a|aa)+$']\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=rule.as_uri(), type=types.FileChangeType.Created)]))
    uri = open_draft(client, workspace / "pileup.txt", "Aid arrived: " + "a" * 40 + "c\n", language="plaintext")
    found = await diagnostics_for(client, uri, timeout=30)
    assert [d.code for d in found] == ["factlint.setup-error"]
    assert "rule 'house.pileup'" in found[0].message and "timed out" in found[0].message
    assert found[0].message.endswith("it is switched off until its rule file changes")
    # Switched off, the rule costs no more time: the next edit is linted at once, the note kept.
    change(client, uri, 2, "Aid arrived: " + "a" * 41 + "c\n")
    began = asyncio.get_running_loop().time()
    assert [d.message for d in await diagnostics_for(client, uri, version=2)] == [found[0].message]
    assert asyncio.get_running_loop().time() - began < 1.5
    rule.write_text("kind: existence\nmessage: 'pile-up: {match}'\npatterns: ['a{40}']\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=rule.as_uri(), type=types.FileChangeType.Changed)]))
    fixed = await diagnostics_for(client, uri)
    assert [(d.code, d.message) for d in fixed] == [("house.pileup", "pile-up: " + "a" * 40)]


@pytest.mark.asyncio
async def test_binary_and_oversized_drafts_get_one_clear_diagnostic(workspace: Path) -> None:
    client = await start(workspace, options={"max_bytes": 10_000})
    try:
        uri = open_draft(client, workspace / "blob.txt", "ab\x00cd\n", language="plaintext")
        assert [d.message for d in await diagnostics_for(client, uri)] == [
            "blob.txt: binary data (contains NUL characters), not a text draft"]
        big = open_draft(client, workspace / "big.txt", "The US budget. " * 1000, language="plaintext")
        message = (await diagnostics_for(client, big))[0].message
        assert message.startswith("big.txt: the draft is 15 kB, over this server's limit of 10 kB")
        change(client, big, 2, "The US budget.\n")
        assert [d.code for d in await diagnostics_for(client, big, version=2)] == ["style.us-abbreviation"]
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
@pytest.mark.parametrize(("editor", "column"), [("neovim@v0.11.0", 24), ("emacs", 19)])
async def test_other_position_encodings(workspace: Path, editor: str, column: int) -> None:
    """Neovim 0.11 prefers UTF-8 (🗳️ is seven bytes), Emacs UTF-32 (🗳️ is two characters)."""
    client = await start(workspace, editor)
    try:
        uri = open_draft(client, workspace / "council.md", DRAFT)
        found = await diagnostics_for(client, uri)
        assert [(d.code, d.range.start.character) for d in found][0] == ("style.amid", column)
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_a_changed_rule_file_is_seen_without_file_watching(workspace: Path) -> None:
    """Neovim does not watch files for its servers: the server looks at the rule files itself."""
    pack = workspace / "house" / "house"
    pack.mkdir(parents=True)
    (workspace / ".factlint.yaml").write_text("rules: [house]\nselect: ['house.*']\n", encoding="utf-8")
    rule = pack / "typos.yaml"
    rule.write_text("kind: substitution\nswap: {teh: the}\nignore_case: true\n", encoding="utf-8")
    client = await start(workspace, "neovim@v0.11.0")
    try:
        assert client.registrations == []
        uri = open_draft(client, workspace / "budget.md", "Teh budjet passed.\n")
        assert [(d.code, d.range.start.character) for d in await diagnostics_for(client, uri)] == [("house.typos", 0)]
        rule.write_text("kind: substitution\nswap: {budjet: budget}\nignore_case: true\n", encoding="utf-8")
        await asyncio.sleep(1.2)
        change(client, uri, 2, "Teh budjet passed!\n")
        found = await diagnostics_for(client, uri, version=2)
        assert [(d.code, d.range.start.character) for d in found] == [("house.typos", 4)]
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_a_burst_of_edits_is_linted_at_its_first_and_last_edit(workspace: Path) -> None:
    client = await start(workspace, options={"debounce_ms": 500})
    try:
        uri = open_draft(client, workspace / "council.md", DRAFT)
        await diagnostics_for(client, uri, version=1)
        await asyncio.sleep(0.6)
        seen = []
        for version in range(2, 7):  # five keystrokes, well inside the debounce
            change(client, uri, version, DRAFT.replace("council", "council" + "s" * version))
        while not seen or seen[-1] != 6:
            params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 10)
            seen.append(params.version)
        assert seen[-1] == 6 and set(seen) <= {2, 6}  # 2 when its lint finished before the next edit came
        await asyncio.sleep(0.6)
        began = asyncio.get_running_loop().time()
        change(client, uri, 7, DRAFT)  # one edit after a quiet spell does not wait for the debounce
        await diagnostics_for(client, uri, version=7)
        assert asyncio.get_running_loop().time() - began < 0.4
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_save_lints_again(client: LanguageClient, workspace: Path) -> None:
    uri = open_draft(client, workspace / "council.md", DRAFT)
    assert len(await diagnostics_for(client, uri, version=1)) == 2
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert len(await diagnostics_for(client, uri, version=1)) == 2


@pytest.mark.asyncio
async def test_disable_on_a_first_line_that_holds_the_dateline_keeps_the_dateline(client: LanguageClient, workspace: Path) -> None:
    text = "date 2024-03-15 The US delegation arrived amidst protests.\nIt left on Friday.\n"
    uri = open_draft(client, workspace / "dateline.txt", text, language="plaintext")
    us = next(d for d in await diagnostics_for(client, uri) if d.code == "style.us-abbreviation")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=us.range,
        context=types.CodeActionContext(diagnostics=[us])))
    silenced = apply(text, next(a for a in actions if a.title.startswith("Disable")).edit)
    assert silenced == ("date 2024-03-15 <!-- factlint-disable style.us-abbreviation --> The US delegation arrived "
                        "amidst protests. <!-- factlint-enable style.us-abbreviation -->\nIt left on Friday.\n")
    change(client, uri, 2, silenced)
    assert [d.code for d in await diagnostics_for(client, uri, version=2)] == ["style.amid"]
