"""A long draft's rules shared out among forked processes: the serial findings, errors raised alike."""

from __future__ import annotations

import os
import re
import threading

import pytest

from factlint import parallel
from factlint.checks import KINDS
from factlint.cli import main
from factlint.document import Document
from factlint.engine import SPLIT_MIN_CHARS, LintError, RuleSet, lint, rule_packages
from tests.helpers import RULES, SEEDS


PARENT = os.getpid()


def _pid(_: object) -> int:
    return os.getpid()


def _in_a_child() -> bool:
    """Pause, so that each process claims one item, and tell whether this is a forked child."""
    threading.Event().wait(0.3)
    return os.getpid() != PARENT


def _fail_in_a_child(item: str) -> str:
    if _in_a_child():
        raise LintError(f"{item} failed", "figures.unsourced")
    return item


def _die_in_a_child(item: int) -> int:
    if _in_a_child():
        os._exit(3)  # a child that stops before it can answer
    return item


class _Unpicklable(Exception):
    def __reduce__(self):  # noqa: ANN204 - refuses to be pickled, as some exceptions do
        raise TypeError("not picklable")


def _unpicklable_in_a_child(item: int) -> int:
    if _in_a_child():
        raise _Unpicklable("lost in transit")
    return item


def _unpicklable_result_in_a_child(item: int) -> object:
    return (lambda: item) if _in_a_child() else item


def _fail_here_wait_in_a_child(item: str) -> str:
    if os.getpid() == PARENT:
        raise LintError(f"{item} failed", "dates.tense")
    threading.Event().wait(30)  # a child still at work when this process gives up
    return item


def _pid_after(seconds: float) -> int:
    threading.Event().wait(seconds)
    return os.getpid()


def _long_draft() -> Document:
    """The seeds, repeated until the draft is long enough to be shared out."""
    stories = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    copies = SPLIT_MIN_CHARS // len(stories) + 1
    return Document("\n\n".join([stories] * copies), "long.txt")


def _counting_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the children os.fork starts from here on (in this process)."""
    started, fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: (pid := fork()) and started.append(pid) or pid)
    return started


def test_each_process_claims_the_next_item_when_it_is_free_and_results_keep_their_order() -> None:
    assert threading.active_count() == 1, "a test left a thread running: fork would be refused"
    # One long item and four short ones: while one process works through the long item, the
    # other claims every short one, so neither waits on the other.
    pids = parallel.forked_map(_pid_after, [0.8, 0.15, 0.15, 0.15, 0.15], 2)
    assert PARENT in pids and len(set(pids)) == 2
    assert pids[0] not in pids[1:] and len(set(pids[1:])) == 1
    assert parallel.forked_map(str.upper, ["a", "b", "c"], 2) == ["A", "B", "C"]


def test_an_exception_in_a_child_is_raised_here_with_its_details() -> None:
    with pytest.raises(LintError, match="failed") as raised:
        parallel.forked_map(_fail_in_a_child, ["first", "second"], 2)
    assert raised.value.rule == "figures.unsourced"


def test_when_this_process_fails_its_children_are_stopped_and_reaped(monkeypatch: pytest.MonkeyPatch) -> None:
    started = _counting_forks(monkeypatch)
    with pytest.raises(LintError, match="failed"):
        parallel.forked_map(_fail_here_wait_in_a_child, ["first", "second", "third"], 3)
    assert len(started) == 2
    for pid in started:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # stopped and reaped: no such child any more


def test_a_child_that_dies_is_a_worker_error_not_a_hang() -> None:
    with pytest.raises(parallel.WorkerError, match=r"stopped abruptly \(exit status 3\)"):
        parallel.forked_map(_die_in_a_child, [0, 1], 2)


def test_output_cut_short_is_a_worker_error() -> None:
    import pickle

    whole = pickle.dumps((True, ["a finding"]))
    with pytest.raises(parallel.WorkerError, match="cannot be read"):
        parallel._collect(123, 0, whole[:-3])
    assert parallel._collect(123, 0, whole) == ["a finding"]


def test_what_cannot_be_pickled_arrives_as_a_worker_error() -> None:
    with pytest.raises(parallel.WorkerError, match="could not send back _Unpicklable: lost in transit"):
        parallel.forked_map(_unpicklable_in_a_child, [0, 1], 2)
    with pytest.raises(parallel.WorkerError, match="could not send back its result"):
        parallel.forked_map(_unpicklable_result_in_a_child, [0, 1], 2)


def test_when_fork_fails_or_is_not_worth_it_the_items_are_done_here_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_process)
    open_before = len(os.listdir("/proc/self/fd"))
    assert parallel.forked_map(str.upper, ["a", "b", "c"], 2) == ["A", "B", "C"]
    assert len(os.listdir("/proc/self/fd")) == open_before  # no pipe left open
    many = [str(i) for i in range(parallel.MAX_CLAIMED_ITEMS + 1)]  # more than one byte can number
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    assert parallel.forked_map(str.upper, many, 2) == many
    assert parallel.forked_map(str.upper, ["a", "b"], 1) == ["A", "B"]


def test_with_another_thread_running_nothing_is_forked() -> None:
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert parallel.forked_map(_pid, ["a", "b"], 2) == [os.getpid()] * 2
    finally:
        stop.set()
        helper.join()


def test_rules_are_claimed_by_kind_package_the_costliest_first() -> None:
    rules = RuleSet.load([RULES]).configured([], [], {}).rules
    packages = rule_packages(rules)
    assert sorted(r.rule.id for package in packages for r in package) == sorted(r.rule.id for r in rules)
    owners = [{KINDS[r.rule.kind].rpartition(".")[0] for r in package} for package in packages]
    assert all(len(owner) == 1 for owner in owners)  # the style kinds' shared word scan is made once
    assert len(set().union(*owners)) == len(packages)
    costs = [sum(r.cost for r in package) for package in packages]
    assert costs == sorted(costs, reverse=True)
    assert [r.rule.id for r in packages[0]][0] == "figures.unsourced"


def test_a_long_draft_shared_out_gets_the_serial_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = RuleSet.load([RULES]).configured([], [], {})
    serial = lint(_long_draft(), rules, True)
    assert len(serial) > 100
    forks = _counting_forks(monkeypatch)
    assert lint(_long_draft(), rules, True, jobs=2) == serial
    assert len(forks) == 1  # really shared out: one child took the second share


def test_a_short_draft_is_never_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = RuleSet.load([RULES]).configured([], [], {})
    story = next(SEEDS.glob("*.txt"))
    doc = Document(story.read_text(encoding="utf-8"), story.name)
    serial = lint(doc, rules)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("a short draft was forked"))
    assert lint(Document(doc.text, story.name), rules, jobs=2) == serial


def test_the_command_line_gives_a_long_file_the_same_report_with_any_jobs(tmp_path, capsys,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "archive.txt"
    draft.write_text(_long_draft().text, encoding="utf-8")
    reports, forks = [], _counting_forks(monkeypatch)
    for jobs in ("1", "2"):
        code = main(["--jobs", jobs, "--format", "json", str(draft)])
        reports.append((code, capsys.readouterr().out))
    assert reports[0][0] == reports[1][0] == 1
    assert reports[0][1] == reports[1][1]
    assert reports[0][1].count('"rule"') > 100
    assert len(forks) == 1  # --jobs 2 shared the file out; --jobs 1 did not


def test_every_stated_cost_is_a_positive_number_and_the_costliest_checks_state_one() -> None:
    from factlint.engine import DEFAULT_COST, kind_checks

    costs = {f"{kind}.{name}": getattr(module, "COST", None)
             for kind in KINDS for name, module in kind_checks(kind).items()}
    stated = {check: cost for check, cost in costs.items() if cost is not None}
    assert all(isinstance(cost, (int, float)) and cost > 0 for cost in stated.values()), stated
    assert {"figures.unsourced", "names.same-person", "dates.ap-style"} <= set(stated)
    assert all(cost > DEFAULT_COST for cost in stated.values())  # a check states a cost only when it is not the usual


def test_the_per_rule_profile_shows_each_rules_cost_and_how_two_processes_share_them() -> None:
    import subprocess
    import sys

    from tests.helpers import ROOT

    out = subprocess.run([sys.executable, str(ROOT / "bench" / "hotpath.py"), "--per-rule", "--repeat", "1"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert re.search(r"\d s/M words, COST \d[\d.]* +figures\.unsourced\n", out)
    shares = [line for line in out.splitlines() if line.startswith("process ")]
    assert len(shares) == 2
    listed = [rule for line in shares for rule in line.split("  ", 1)[1].split(", ")]
    enabled = RuleSet.load([RULES]).configured([], [], {}).rules
    assert sorted(listed) == sorted(r.rule.id for r in enabled)
