"""One rule set serves many documents at once: interleaved threads get the serial results."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from factlint.document import Document
from factlint.engine import RuleSet, lint
from tests.helpers import ROOT, RULES, SEEDS



def _documents() -> list[Document]:
    """The seeds and the fixture drafts: different lengths, quotes, dates and names."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    return [Document.from_bytes(p.read_bytes(), str(p.relative_to(ROOT))) for p in paths]


def test_interleaved_threads_get_the_serial_findings() -> None:
    rules = RuleSet.load([RULES, SEEDS / "rules"]).configured(["*"], [], {})  # every rule, readability too
    serial = {doc.path: lint(doc, rules) for doc in _documents()}
    assert sum(map(len, serial.values())) > 20
    # Fresh documents each round, handed out round-robin to more threads than cores.
    work = [doc for _ in range(6) for doc in _documents()]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda doc: (doc.path, lint(doc, rules)), work))
    assert len(results) == len(work)
    for path, findings in results:
        assert findings == serial[path], path


def test_derived_values_belong_to_their_document() -> None:
    first, second = Document("One text.", "a.txt"), Document("Another text.", "b.txt")
    assert first.derived("length", lambda: len(first.text)) == 9
    assert second.derived("length", lambda: len(second.text)) == 13
    assert first.derived("length", lambda: -1) == 9  # computed once per document


def test_rule_sets_loaded_apart_share_nothing() -> None:
    one, two = RuleSet.load([RULES]), RuleSet.load([RULES])
    dates_one = next(r for r in one.rules if r.rule.kind == "dates")
    dates_two = next(r for r in two.rules if r.rule.kind == "dates")
    assert dates_one.check is not dates_two.check
    doc = Document("The vote is set for Thursday, March 21, 2024.", "a.txt")
    assert lint(doc, one) == lint(Document(doc.text, "a.txt"), two)


def test_a_stored_value_may_be_built_from_another() -> None:
    from factlint.rule import RuleSetStore

    store = RuleSetStore()
    words = store.get("words", lambda: store.get("base", lambda: ("amid",)) + ("among",))
    assert words == ("amid", "among") and store.get("base", lambda: ()) == ("amid",)
