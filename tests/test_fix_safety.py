"""Never lose a word: fixes converge, diffs apply, writes keep the file and refuse a changed one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.config import build_rule_set, load_settings
from factlint.document import Document
from factlint.engine import RuleSet, lint, load_rule_file
from factlint.fix import fix_with_report, unified_diff
from tests.helpers import ROOT, SEEDS, finding_lines, rule_set


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def desk(tmp_path: Path) -> Path:
    """A newsroom folder with the seeds' registry and configuration, and a swap cycle rule."""
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copytree(SEEDS / "rules", folder / "rules")
    shutil.copy(SEEDS / ".factlint.yaml", folder / ".factlint.yaml")
    (folder / "rules" / "style").mkdir()
    (folder / "rules" / "style" / "cycle.yaml").write_text(
        "kind: substitution\nswap: {red: green, green: blue, blue: red}\n", encoding="utf-8")
    return folder


ADVISER = "Deputy Homeland Security Adviser Jen Daskal met the press. She came with her adviser.\n"


def test_interacting_fixes_converge_and_say_what_they_did(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = desk(tmp_path)
    monkeypatch.chdir(folder)
    (folder / "d.txt").write_text(ADVISER, encoding="utf-8")
    code, out, err = run_cli(capsys, "--fix", "d.txt")
    fixed = (folder / "d.txt").read_text(encoding="utf-8")
    # The name's fix lands; the title's would make the adviser/advisor rule flip "her adviser":
    # it is left for an editor, said so, and "her adviser" is untouched.
    assert fixed == ADVISER.replace("Jen Daskal", "Jennifer Daskal")
    assert "factlint: fixed d.txt:1:34: names.officials 'Jen Daskal' → 'Jennifer Daskal'" in err
    assert "factlint: not fixed d.txt:1:1: names.official-titles" in err
    assert "factlint: fixed 1 fix in 1 file; 1 left for an editor" in err
    assert code == 1 and "names.official-titles" in out
    assert run_cli(capsys, "--fix", "d.txt")[0] == 1
    assert (folder / "d.txt").read_text(encoding="utf-8") == fixed


def test_a_swap_cycle_changes_nothing_run_after_run(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = desk(tmp_path)
    monkeypatch.chdir(folder)
    draft = folder / "c.txt"
    draft.write_text("The red car passed the green car.\n", encoding="utf-8")
    for _ in range(3):
        code, _, err = run_cli(capsys, "--fix", "--select", "style.cycle", "c.txt")
        assert code == 1 and "fixed 0 fixes in 0 files; 2 left for an editor" in err
        assert draft.read_text(encoding="utf-8") == "The red car passed the green car.\n"


VOCABULARY = st.sampled_from([
    "red", "green", "blue", "Red", "adviser", "advisor", "Adviser", "ADVISOR", "amidst", "US", "U.S.",
    "Deputy Homeland Security Adviser", "Deputy Homeland Security Advisor", "Jen Daskal", "Jennifer Daskal",
    "her", "the", "met", "said", ".", ",", " ", "\n", "\n\n", "whilst", "amongst",
])


@pytest.fixture(scope="module")
def desk_rules(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    folder = desk(tmp_path_factory.mktemp("rules"))
    return build_rule_set(load_settings(folder / ".factlint.yaml"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(VOCABULARY, min_size=1, max_size=40).map(" ".join))
def test_every_changed_span_was_reported_and_a_second_fix_changes_nothing(desk_rules: RuleSet, text: str) -> None:
    doc = Document(text, "draft.txt")
    reported = lint(doc, desk_rules)
    outcome = fix_with_report(doc, lambda d: lint(d, desk_rules))
    assert set(outcome.applied) <= set(reported)
    # Rebuild the fixed text from the applied fixes alone: nothing else may have changed.
    pieces, cursor = [], 0
    for finding in sorted(outcome.applied, key=lambda f: f.start):
        pieces += [text[cursor:finding.start], finding.fix or ""]
        cursor = finding.end
    assert outcome.doc.text == "".join(pieces) + text[cursor:]
    again = fix_with_report(outcome.doc, lambda d: lint(d, desk_rules))
    assert again.doc.text == outcome.doc.text and again.applied == []


def test_fix_never_stops_silently_after_a_number_of_passes() -> None:
    import factlint.fix as fix

    assert not hasattr(fix, "MAX_PASSES")


# --- --diff patches apply with git and patch -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks came amidst tension.",                       # no final newline
    "The US team\u2028came amidst tension.\n",              # a line separator inside a line
    "Page one\fThe US team came amidst tension.\n",        # a form feed
    "The US team came\r\namidst tension.\r\nEnd",          # CRLF and no final newline
    "Amidst it.\n\nUS",
])
def test_diffs_apply_with_git_and_patch(tmp_path: Path, capsys, text: str) -> None:
    check_diff_applies(tmp_path, capsys, text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["US", "amidst", "the", "talks", "\n", "\r\n", "\f", "\u2028", "\u0085",
                                 "\v", " ", "\n\n", "whilst", "é"]), min_size=1, max_size=25).map("".join))
def test_generated_diffs_apply_with_git_and_patch(tmp_path_factory: pytest.TempPathFactory, capsys, text: str) -> None:
    check_diff_applies(tmp_path_factory.mktemp("diff"), capsys, text)


def check_diff_applies(folder: Path, capsys, text: str) -> None:
    draft = folder / "d.txt"
    draft.write_bytes(text.encode("utf-8"))
    code, diff, _ = run_cli(capsys, "--select", "style.*", "--diff", str(draft))
    if code == 0:
        assert diff == ""
        return
    relative = diff.replace(f"a/{draft}", "a/d.txt").replace(f"b/{draft}", "b/d.txt")
    (folder / "fix.patch").write_text(relative, encoding="utf-8", newline="")
    git = subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=folder, capture_output=True, text=True)
    assert git.returncode == 0, git.stderr + relative
    patch = subprocess.run(["patch", "--dry-run", "-p1", "-i", "fix.patch"], cwd=folder, capture_output=True, text=True)
    assert patch.returncode == 0, patch.stdout + patch.stderr + relative
    subprocess.run(["git", "apply", "fix.patch"], cwd=folder, check=True)
    fixed = draft.read_bytes()
    run_cli(capsys, "--select", "style.*", "--fix", str(draft))
    draft.write_bytes(fixed)
    assert run_cli(capsys, "--select", "style.*", "--diff", str(draft))[1] == ""


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("d.txt", "Amidst it.", "Amid it.")
    assert diff.endswith("-Amidst it.\n\\ No newline at end of file\n+Amid it.\n\\ No newline at end of file\n")


# --- writing: links, mode, owner, a draft changed meanwhile, signals ------------------------------

DRAFT = "The talks came amidst tension.\n"
FIXED = "The talks came amid tension.\n"


def test_fix_through_a_symbolic_link_fixes_the_target_and_keeps_the_link(tmp_path: Path, capsys) -> None:
    target = tmp_path / "real.txt"
    target.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_cli(capsys, "--select", "style.amid", "--fix", str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_hard_links_mode_and_owner(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    other = tmp_path / "same.txt"
    os.link(draft, other)
    draft.chmod(0o604)
    run_cli(capsys, "--select", "style.amid", "--fix", str(draft))
    assert other.read_text(encoding="utf-8") == FIXED and os.path.samefile(draft, other)
    assert draft.stat().st_mode & 0o777 == 0o604
    single = tmp_path / "owned.txt"
    single.write_text(DRAFT, encoding="utf-8")
    single.chmod(0o640)
    if os.geteuid() == 0:  # root can give the draft to someone else first, as a shared desk would
        os.chown(single, 4242, 4343)
    owner = (single.stat().st_uid, single.stat().st_gid)
    run_cli(capsys, "--select", "style.amid", "--fix", str(single))
    assert single.read_text(encoding="utf-8") == FIXED
    assert (single.stat().st_uid, single.stat().st_gid) == owner and single.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt", "owned.txt", "same.txt"]


def test_fix_refuses_a_draft_changed_on_disk_while_fixing(tmp_path: Path, capsys, monkeypatch) -> None:
    import factlint.fix as fix

    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    real = fix.fix_with_report

    def slow_fix(doc, lint_doc):  # an editor saves a new line while the fix is being made
        with draft.open("a", encoding="utf-8") as handle:
            handle.write("A new paragraph amidst the edits.\n")
        return real(doc, lint_doc)

    monkeypatch.setattr(fix, "fix_with_report", slow_fix)
    code, _, err = run_cli(capsys, "--select", "style.amid", "--fix", str(draft))
    assert code == 2 and f"{draft}: changed on disk while it was being fixed" in err
    assert draft.read_text(encoding="utf-8") == DRAFT + "A new paragraph amidst the edits.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_signal_during_the_write_leaves_no_temporary_file(tmp_path: Path, signal_name: str) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        # a job started in the background by a shell inherits SIGINT ignored: restore Python's own
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "real = os.fsync\n"
        f"os.fsync = lambda fd: (os.kill(os.getpid(), signal.{signal_name}), real(fd))\n"
        "from factlint.cli import main\n"
        f"sys.exit(main(['--select', 'style.amid', '--fix', {str(draft)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]
    assert draft.read_text(encoding="utf-8") == DRAFT


@pytest.mark.parametrize("option", ["--output", "--output-sarif", "--output-junit", "--output-json", "--write-baseline"])
def test_no_report_is_written_over_an_input(tmp_path: Path, capsys, option: str) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, _, err = run_cli(capsys, "--select", "style.amid", option, str(draft), str(tmp_path))
    assert code == 2 and f"{draft}: is an input of this run; refusing to write a report over it" in err
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_a_report_beside_the_drafts_is_still_written(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, _, _ = run_cli(capsys, "--select", "style.amid", "--output", str(tmp_path / "report.log"), str(draft))
    assert code == 1 and finding_lines((tmp_path / "report.log").read_text(encoding="utf-8"))


def test_the_rules_of_the_default_pack_still_load(tmp_path: Path) -> None:
    assert load_rule_file(ROOT / "rules" / "style" / "amid.yaml").rule.id == "style.amid"
    assert rule_set().rules
