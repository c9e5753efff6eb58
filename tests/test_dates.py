"""The dates kind: weekdays, impossible dates, tense, relative dates, ranges, datelines, AP style."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checks.dates import kind as dates
from factlint.document import Document
from factlint.engine import LoadError, lint, load_rule_file
from factlint.fix import fix_document
from tests.helpers import RULES, SEEDS, brief, rule_set, run

DATES = RULES / "dates"


def spot(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The 1-based (line, column) of the nth occurrence of needle: an oracle for expected findings."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def expect(rule: str, text: str, *needles: str) -> list[tuple[str, int, int, str]]:
    """The exact findings a rule should make: one per needle (its first occurrence)."""
    return [(f"dates.{rule}", *spot(text, n), n) for n in needles]


def check(rule: str, text: str, date: str | None = "2025-07-17", path: str = "draft.txt"):
    return run(text, [f"dates.{rule}"], date=date, path=path)


def only(rule: str, text: str, date: str | None = "2025-07-17", path: str = "draft.txt"):
    return brief(check(rule, text, date, path))


# Each case: (rule, text, dateline, matched texts in order).
CASES = [
    # weekday-mismatch
    ("weekday-mismatch", "The hearing is on Thursday, March 21, 2025.", None, ["Thursday"]),
    ("weekday-mismatch", "The hearing is on Friday, March 21, 2025.", None, []),
    ("weekday-mismatch", "The vote is Wednesday (March 11, 2025).", None, ["Wednesday"]),
    ("weekday-mismatch", "The vote is Tuesday (March 11, 2025).", None, []),
    ("weekday-mismatch", "They met on March 11, 2025, a Wednesday.", None, ["Wednesday"]),
    ("weekday-mismatch", "They met on March 11, 2025, a Tuesday.", None, []),
    ("weekday-mismatch", "The fair opens Thurs., March 21, 2025.", None, ["Thurs."]),
    ("weekday-mismatch", "She will be sworn in Monday, Jan. 5.", "2025-11-05", []),
    ("weekday-mismatch", "She will be sworn in Tuesday, Jan. 5.", "2025-11-05", ["Tuesday"]),
    ("weekday-mismatch", "The vote is set for Thursday,\nMarch 21, 2025.", None, ["Thursday"]),
    ("weekday-mismatch", "They meet Tuesday and Wednesday, Jan. 30-31, 2024.", None, []),
    ("weekday-mismatch", "They meet Monday and Tuesday, Jan. 30-31, 2024.", None, ["Monday", "Tuesday"]),
    ("weekday-mismatch", "The record was set Thursday, Feb. 29, 2024.", None, []),
    # A year-less date half a year away: either neighbouring year may be meant.
    ("weekday-mismatch", "The case is on Friday, Jan. 2.", "2025-07-01", []),
    ("weekday-mismatch", "The case was filed Friday, Jan. 2.", "2025-07-01", ["Friday"]),
    ("weekday-mismatch", "Sales start on Black Friday, Nov. 27, 2025.", None, []),
    ("weekday-mismatch", "The council met Thursday, March 13.", "2025-03-20", []),
    ("weekday-mismatch", "The council met Wednesday, March 13.", "2025-03-20", ["Wednesday"]),
    # impossible
    ("impossible", "The deadline is Feb. 30.", None, ["Feb. 30"]),
    ("impossible", "The filing is due April 31.", None, ["April 31"]),
    ("impossible", "The law took effect Feb. 29, 2025.", None, ["Feb. 29, 2025"]),
    ("impossible", "The law took effect Feb. 29, 2024.", None, []),
    ("impossible", "The law took effect Feb. 29, 2000, not Feb. 29, 1900.", None, ["Feb. 29, 1900"]),
    ("impossible", "The vote is on March 32.", None, ["March 32"]),
    ("impossible", "The file is dated 2025-02-30.", None, ["2025-02-30"]),
    ("impossible", "The bill passed on Feb. 29.", "2025-11-05", ["Feb. 29"]),
    ("impossible", "The bill passed on Feb. 29.", "2024-06-01", []),
    ("impossible", "In April 31 people were arrested.", None, []),
    ("impossible", "In March 32 people were arrested.", None, []),
    ("impossible", "The deadline is April 30 and Dec. 31.", None, []),
    # tense
    ("tense", "Construction is scheduled to begin on Monday, July 14.", "2025-07-17", ["Monday, July 14"]),
    ("tense", "Construction began on Monday, July 14.", "2025-07-17", []),
    ("tense", "The meeting was scheduled for July 20 but was postponed.", "2025-07-17", []),
    ("tense", "The council met on July 20.", "2025-07-17", ["July 20"]),
    ("tense", "The council will meet on July 20.", "2025-07-17", []),
    ("tense", "Officials said the vote on July 20 would be close.", "2025-07-17", []),
    ("tense", "The plant will open March 3, 2024.", "2025-07-17", ["March 3, 2024"]),
    ("tense", "The law, passed March 3, will take effect in the fall.", "2025-07-17", []),
    ("tense", "The pool will open on June 1.", "2025-07-17", []),
    ("tense", "The team will play on July\n14 in Boston.", "2025-07-17", ["July\n14"]),
    # relative-conflict
    ("relative-conflict", "The group met last week, on Jan. 2.", "2024-01-30", ["last week, on Jan. 2"]),
    ("relative-conflict", "The group met last week, on Jan. 23.", "2024-01-30", []),
    ("relative-conflict", "The bill passed yesterday (Jan. 28).", "2024-01-30", ["yesterday (Jan. 28)"]),
    ("relative-conflict", "The bill passed yesterday (Jan. 29).", "2024-01-30", []),
    ("relative-conflict", "The plant opened last year, on March 3.", "2025-07-17", []),
    ("relative-conflict", "Prices rose last month, on Nov. 3.", "2024-01-30", ["last month, on Nov. 3"]),
    ("relative-conflict", "On Jan. 2, last week's vote was recalled.", "2024-01-30", []),
    ("relative-conflict", "They met last Tuesday, Jan. 23.", "2024-01-30", []),
    ("relative-conflict", "They met last Tuesday, Jan. 16.", "2024-01-30", ["last Tuesday, Jan. 16"]),
    ("relative-conflict", "Talks begin in November, on Nov. 15.", "2024-01-30", []),
    # range
    ("range", "The summit runs Jan. 31-30.", None, ["Jan. 31-30"]),
    ("range", "The fair runs Feb. 27-30, 2025.", None, ["Feb. 27-30, 2025"]),
    ("range", "The fair runs Feb. 27–29, 2025.", None, ["Feb. 27–29, 2025"]),
    ("range", "The fair runs Feb. 27-29, 2024.", None, []),
    ("range", "The summit runs Jan. 30-31 and January 30–31.", None, []),
    ("range", "The break runs Dec. 30-Jan. 2.", None, []),
    ("range", "The break runs March 30-Feb. 2.", None, ["March 30-Feb. 2"]),
    ("range", "After the March 3-2 vote, the board adjourned.", None, []),
    # missing-dateline
    ("missing-dateline", "The talks open on Tuesday. They end Wednesday.", None, ["Tuesday"]),
    ("missing-dateline", "Prices rose last month and fell yesterday.", None, ["last month"]),
    ("missing-dateline", "The talks open on Tuesday.", "2024-01-29", []),
    ("missing-dateline", "date 2024-01-29 The talks open on Tuesday.", None, []),
    ("missing-dateline", "The talks opened on March 11, 2025.", None, []),
    # ap-style
    ("ap-style", "The vote is set for March 11th.", None, ["March 11th"]),
    ("ap-style", "The vote is set for January 5.", None, ["January 5"]),
    ("ap-style", "The vote is set for Mar. 11.", None, ["Mar. 11"]),
    ("ap-style", "The vote is Sept 14, and the count Sep. 15.", None, ["Sept 14", "Sep. 15"]),
    ("ap-style", "The report came out in Jan. 2025.", None, ["Jan."]),
    ("ap-style", "The report came out on 11 March 2025.", None, ["11 March 2025"]),
    ("ap-style", "The vote is Jan. 5, then March 11 and in January 2025.", None, []),
    ("ap-style", 'He said, "We vote on January 5th."', None, []),
    ("ap-style", "They meet again Tuesday next week.", "2024-01-29", ["Tuesday next week"]),
    ("ap-style", "They meet again on Tuesday.", "2024-01-29", []),
    ("ap-style", "They met Tuesday of last week.", "2024-01-27", ["Tuesday of last week"]),
    # resolved
    ("resolved", "The bill passed yesterday.", "2024-01-30", ["yesterday"]),
    ("resolved", "The bill passed on March 11, 2025.", "2024-01-30", []),
]

# Forms real copy uses: a weekday beside a day, a tense cue far from its date, relative words
# that contradict the date they name, a new year between date and dateline, a generic "today".
FORM_CASES = [
    # a weekday in parentheses after the date (2025-03-12 is a Wednesday)
    ("weekday-mismatch", "The audit reached the board on March 12 (a Friday).", "2025-03-20", ["Friday"]),
    ("weekday-mismatch", "The audit reached the board on March 14 (a Friday).", "2025-03-20", []),
    # a weekday before "the 12th": the month from the dateline ...
    ("weekday-mismatch", "The council met on Friday the 12th to vote.", "2025-03-20", ["Friday"]),
    ("weekday-mismatch", "The council met on Friday the 14th to vote.", "2025-03-20", []),
    ("weekday-mismatch", "The council meets again Friday, the 12th.", "2025-03-28", ["Friday"]),
    ("weekday-mismatch", "The council meets again Friday, the 4th.", "2025-03-28", []),
    # ... or from a month named earlier in the paragraph (2025-09-12 is a Friday)
    ("weekday-mismatch", "The strike began in September. Talks resumed on Thursday, the 12th, and a deal followed.",
     "2025-12-01", ["Thursday"]),
    ("weekday-mismatch", "The strike began in September. Talks resumed on Friday, the 12th, and a deal followed.",
     "2025-12-01", []),
    ("weekday-mismatch", "The strike began Sept. 2, 2024. Talks resumed on Thursday, the 12th.", "2025-12-01", []),
    ("weekday-mismatch", "The strike began Sept. 2, 2024. Talks resumed on Friday, the 12th.", "2025-12-01",
     ["Friday"]),
    # a month named in an earlier paragraph that fits the weekday is the one meant (2025-04-11 is a Friday)
    ("weekday-mismatch", "The trial opens in April.\n\nJury selection begins Friday, the 11th.", "2025-02-20", []),
    ("weekday-mismatch", "The trial opens in April.\n\nJury selection begins Thursday, the 11th.", "2025-02-20",
     ["Thursday"]),
    # a weekday after "the 12th"
    ("weekday-mismatch", "The vote fell on the 12th, a Friday, after a long debate.", "2025-03-20", ["Friday"]),
    ("weekday-mismatch", "The vote fell on the 14th, a Friday, after a long debate.", "2025-03-20", []),
    ("weekday-mismatch", "The vote fell on the 12th (a Friday).", "2025-03-20", ["Friday"]),
    ("weekday-mismatch", "Some voters stay home on Friday the 13th.", "2025-03-20", []),
    # across a new year: the December just past (2024-12-27 is a Friday)
    ("weekday-mismatch", "The shelter opened on Friday, Dec. 27.", "2025-01-08", []),
    ("weekday-mismatch", "The shelter opened on Thursday, Dec. 27.", "2025-01-08", ["Thursday"]),
    ("weekday-mismatch", "The shelter will reopen Friday, Dec. 27.", "2025-01-08", []),
    ("tense", "The shelter will reopen Friday, Dec. 27.", "2025-01-08", ["Friday, Dec. 27"]),
    ("relative-conflict", "The shelter opened last month, on Friday, Dec. 27.", "2025-01-08", []),
    ("relative-conflict", "The shelter opened last week, on Friday, Dec. 27.", "2025-01-08",
     ["last week, on Friday, Dec. 27"]),
    # the tense of the clause the date belongs to, however far its verb
    ("tense", "The agency is expected to release the audit, which the board requested after a year of cost "
              "overruns at the plant, on Tuesday, June 10.", "2025-06-20", ["Tuesday, June 10"]),
    ("tense", "The agency released the audit, which the board requested after a year of cost overruns at the "
              "plant, on Tuesday, June 10.", "2025-06-20", []),
    ("tense", "The agency is expected to release the audit, which the board requested after a year of cost "
              "overruns at the plant, on Tuesday, June 24.", "2025-06-20", []),
    ("tense", "The water authority is expected to publish its long-delayed review of the reservoir's "
              "maintenance spending over the last decade on June 10.", "2025-06-20", ["June 10"]),
    ("tense", "The board will — after months of delay and a lawsuit that ended in May — vote on June 10.",
     "2025-06-20", ["June 10"]),
    ("tense", "The mayor will sign the bill, which passed the council on June 10.", "2025-06-20", []),
    ("tense", "The board will review the audit, the chairwoman said, on June 10.", "2025-06-20", []),
    # relative words that contradict the date they name (2025-10-16 is a Thursday)
    ("relative-conflict", "The board met last week, on Tuesday, Oct. 14.", "2025-10-16",
     ["last week, on Tuesday, Oct. 14"]),
    ("relative-conflict", "The board met last week, on Tuesday, Oct. 7.", "2025-10-16", []),
    ("relative-conflict", "The hearing is next Tuesday, Oct. 7.", "2025-10-16", ["next Tuesday, Oct. 7"]),
    ("relative-conflict", "The hearing is next Tuesday, Oct. 21.", "2025-10-16", []),
    ("relative-conflict", "The board meets this week, on Thursday, Oct. 30.", "2025-10-16",
     ["this week, on Thursday, Oct. 30"]),
    ("relative-conflict", "The board meets this week, on Friday, Oct. 17.", "2025-10-16", []),
    # a generic "today" is not a date
    ("missing-dateline", "We discussed the challenges facing our country today.", None, []),
    ("missing-dateline", "Clinton said the challenges facing our country today are grave.", None, []),
    ("missing-dateline", "In today's economy, few families can save.", None, []),
    ("missing-dateline", "The council votes today on the levy.", None, ["today"]),
    ("missing-dateline", "The bill passed in the Senate today.", None, ["today"]),
    ("resolved", "Leaders spoke about the challenges facing our country today.", "2024-01-30", []),
    ("resolved", "The council voted on the levy today.", "2024-01-30", ["today"]),
    # "the 12th" of "Friday the 12th" has no month to write: AP style leaves it
    ("ap-style", "The council met on Friday the 14th to vote.", "2025-03-20", []),
]
CASES += FORM_CASES

@pytest.mark.parametrize("rule, text, date, matches", CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_case(rule: str, text: str, date: str | None, matches: list[str]) -> None:
    assert only(rule, text, date) == expect(rule, text, *matches)


# Not dates: nothing from any dates rule, resolved included.
NOT_DATES = [
    "The Yankees won 2-1 on a walk-off homer.",
    "The council voted 5-2 to approve the budget.",
    "The meeting starts at 7:30 p.m. sharp.",
    "The music of the 1990s is back.",
    "Take Route 9 past the Section 8 housing to the Boeing 737 hangar.",
    "The company was founded in 2019.",
    "Turnout rose 30% this cycle.",
    "May I ask? You may be right. May we go?",
    "The anniversary of the March on Washington drew crowds.",
    "Jan Smith said the March Madness bracket was busted.",
    "In March 15 people died and in May 20 percent left.",
    "Super Bowl Sunday and Black Friday and Ash Wednesday are big days.",
    "The shop opens every Tuesday, and USA Today reported it.",
    "It was a 3-2 decision in a 737 MAX case under Section 230.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert only("*", text, "2025-07-17") == []


def test_score_before_weekday_is_not_a_date_but_the_weekday_is() -> None:
    text = "The Red Sox won 7-2 on Tuesday."
    assert only("*", text, "2025-07-17") == expect("resolved", text, "Tuesday")


# Messages and fixes.

def test_weekday_mismatch_message_gives_the_truth_and_fix() -> None:
    [finding] = check("weekday-mismatch", "The hearing is on Thursday, March 21, 2025.", None)
    assert finding.message.startswith("March 21, 2025 is a Friday, not a Thursday")
    assert finding.fix == "Friday" and finding.level == "error"


def test_year_inferred_across_new_year() -> None:
    [finding] = check("weekday-mismatch", "She will be sworn in Tuesday, Jan. 5.", "2025-11-05")
    assert finding.message.startswith("Jan. 5, 2026 is a Monday, not a Tuesday")


def test_past_tense_picks_the_earlier_year() -> None:
    text = "She was sworn in Sunday, Jan. 5."
    assert only("weekday-mismatch", text, "2025-11-05") == []  # 2025-01-05 was a Sunday
    [finding] = check("resolved", text, "2025-11-05")
    assert "2025-01-05" in finding.message


def test_impossible_messages() -> None:
    assert "2025 is not a leap year" in check("impossible", "Feb. 29, 2025 came.", None)[0].message
    assert "April has 30 days" in check("impossible", "It was April 31.", None)[0].message


def test_tense_message_names_cue_and_dateline() -> None:
    [finding] = check("tense", "Construction is scheduled to begin on Monday, July 14.", "2025-07-17")
    assert "'is scheduled' is future wording" in finding.message
    assert "July 14, 2025 is before the dateline (July 17, 2025)" in finding.message


def test_relative_conflict_message() -> None:
    [finding] = check("relative-conflict", "The group met last week, on Jan. 2.", "2024-01-30")
    assert "'last week' means Jan. 21–28, 2024" in finding.message and "Jan. 2, 2024" in finding.message


def test_missing_dateline_once_naming_the_ways() -> None:
    [finding] = check("missing-dateline", "Talks open Tuesday.\n\nThey end Wednesday, or tomorrow.", None)
    assert finding.match == "Tuesday" and "--date" in finding.message
    assert "front matter" in finding.message and "first line" in finding.message


def test_front_matter_dateline_counts() -> None:
    text = "---\ndate: 2024-01-29\n---\n\nThe talks open on Tuesday.\n"
    assert only("missing-dateline", text, None, path="draft.md") == []


@pytest.mark.parametrize("before, after", [
    ("Set for March 11th.", "Set for March 11."),
    ("Set for January 5, 2025.", "Set for Jan. 5, 2025."),
    ("Set for Sept 14 or Sep. 15.", "Set for Sept. 14 or Sept. 15."),
    ("Set for Jan. 30th-31st.", "Set for Jan. 30-31."),
    ("Out in Jan. 2025.", "Out in January 2025."),
    ("It came out in Sept. The rest followed.", "It came out in September. The rest followed."),
    ("Set for 11 March 2025.", "Set for March 11, 2025."),
    ("Set for January\n5.", "Set for Jan.\n5."),
    ("Set for Tuesday next week.", "Set for Feb. 6."),
])
def test_ap_style_fixes(before: str, after: str) -> None:
    rules = rule_set().configured(["dates.ap-style"], [], {})
    doc = Document(before, "draft.txt", date_override=_dateline("2024-01-29"))
    fixed, remaining = fix_document(doc, lambda d: lint(d, rules))
    assert fixed.text == after and remaining == []


def _dateline(value: str):
    import datetime as dt

    from factlint.document import Dateline
    return Dateline(dt.date.fromisoformat(value), "test")


def test_ap_style_skips_headlines() -> None:
    text = "Vote set for January 5th\n\nThe council will vote on Jan. 5."
    assert only("ap-style", text, None) == []


def test_ap_style_uses_the_one_quote_scanner() -> None:
    # An inch mark is not an opening quote: the date after it is the reporter's own copy. A
    # date inside a quotation is the speaker's words and is left as spoken.
    text = 'The new pipe is 12" wide. The work ends Sept 5th, the county said.\n\nShe said, "The work ends Sept 5th."'
    assert only("ap-style", text, "2025-08-01") == [("dates.ap-style", 1, 41, "Sept 5th")]


# Hard-wrapped text and positions.

def test_date_split_across_lines_keeps_positions() -> None:
    text = "The hearing is on\nThursday, March\n21, 2025, in court."
    assert only("weekday-mismatch", text, None) == [("dates.weekday-mismatch", 2, 1, "Thursday")]
    [finding] = check("resolved", "They met on Jan.\n5.", "2025-11-05")
    assert (finding.line, finding.column, finding.end_line) == (1, 13, 2)


# The seeds.

SEED = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def seed_findings(name: str, select: list[str]):
    path = SEED[name]
    return run(path.read_text(encoding="utf-8"), select, path=path.name)


@pytest.mark.parametrize("name", sorted(SEED))
def test_seeds_have_no_date_warnings_but_the_missing_dateline(name: str) -> None:
    found = [(f.rule, f.match) for f in seed_findings(name, ["dates.*"]) if f.level != "info"]
    assert found == ([("dates.missing-dateline", "this week")] if name == "001" else [])


def test_seed_000_resolves_tuesday_and_wednesday() -> None:
    found = seed_findings("000", ["dates.resolved"])
    assert [(f.match, f.message.split("(")[-1]) for f in found] == [
        ("Tuesday", "2024-01-30)"), ("Wednesday", "2024-01-31)")]


def test_seed_004_resolves_on_tuesday() -> None:
    found = seed_findings("004", ["dates.resolved"])
    assert [f.match for f in found] == ["Tuesday", "last November"]
    assert "2024-01-30" in found[0].message and "November 2023" in found[1].message


def test_seed_003_resolves_november_to_2023() -> None:
    [finding] = seed_findings("003", ["dates.resolved"])
    assert finding.match == "November" and "November 2023" in finding.message


def test_resolved_is_off_by_default() -> None:
    text = (SEED["000"]).read_text(encoding="utf-8")
    assert [f for f in run(text) if f.rule.startswith("dates.")] == []


# Rule files and building.

def test_every_check_has_its_own_rule_file() -> None:
    ids = {r.rule.id for r in rule_set(DATES).rules}
    assert ids == {f"dates.{name}" for name in dates.CHECK_MODULES}


def test_unknown_check_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "_words.yaml").write_text((DATES / "_words.yaml").read_text())
    rule = tmp_path / "odd.yaml"
    rule.write_text("kind: dates\ncheck: moon-phase\nmessage: x\n")
    with pytest.raises(LoadError, match=r"odd.yaml:2: 'check' must be one of"):
        load_rule_file(rule)


def test_placeholder_the_check_does_not_fill_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "_words.yaml").write_text((DATES / "_words.yaml").read_text())
    rule = tmp_path / "odd.yaml"
    rule.write_text("kind: dates\ncheck: impossible\nmessage: '{resolved}'\n")
    with pytest.raises(LoadError, match="does not fill"):
        load_rule_file(rule)


def test_missing_word_list_is_a_load_error(tmp_path: Path) -> None:
    rule = tmp_path / "odd.yaml"
    rule.write_text("kind: dates\ncheck: impossible\n")
    with pytest.raises(LoadError, match="word list"):
        load_rule_file(rule)


def test_document_is_parsed_once_for_all_rules(monkeypatch) -> None:
    from factlint.checks.dates import parse as dates_parse
    calls = []
    original = dates_parse._parse
    monkeypatch.setattr(dates_parse, "_parse", lambda doc, lex: calls.append(doc) or original(doc, lex))
    rules = rule_set().configured(["dates.*"], [], {})
    lint(Document("They meet Tuesday, Jan. 30.", "a.txt", date_override=_dateline("2024-01-29")), rules)
    assert len(calls) == 1


@pytest.mark.parametrize("text, matches", [
    ("The trial was delayed until March 3.", []),
    ("The vote was moved to Feb. 9.", []),
    ("The meeting was on Feb. 9.", ["Feb. 9"]),
    ("She will testify before the Jan. 6 committee.", []),
    ("The talks will resume Jan. 6 in Geneva.", ["Jan. 6"]),
])
def test_tense_precision(text: str, matches: list[str]) -> None:
    assert only("tense", text, "2024-01-29") == expect("tense", text, *matches)


@pytest.mark.parametrize("text, date, iso", [
    ("He will serve until Dec. 31.", "2024-01-05", "2024-12-31"),     # the current year fits the tense
    ("The board met on Dec. 12.", "2024-01-10", "2023-12-12"),        # across the new year, backwards
    ("The board will meet on Feb. 2.", "2024-12-28", "2025-02-02"),   # across the new year, forwards
    ("The board will meet on Jan. 30.", "2024-01-29", "2024-01-30"),  # tomorrow is in the future
    ("The board meets on Oct. 2.", "2024-01-29", "2023-10-02"),       # no tense: the nearest
])
def test_year_inference(text: str, date: str, iso: str) -> None:
    [finding] = check("resolved", text, date)
    assert f"({iso})" in finding.message


def test_relative_split_across_lines_still_conflicts() -> None:
    text = "Officials met last\nweek, on Jan. 2."
    expected = [("dates.relative-conflict", 1, 15, "last\nweek, on Jan. 2")]
    assert only("relative-conflict", text, "2024-01-29") == expected


@pytest.mark.parametrize("text, matches", [
    ("A memorial service will be held at 11 a.m. Saturday, Feb. 14, at the church.", []),
    ("The results are expected to be announced on Feb. 14.", []),
    ("A memorial service was held Saturday, Feb. 14, at the church.", ["Saturday, Feb. 14"]),
])
def test_participles_are_not_past_wording(text: str, matches: list[str]) -> None:
    assert only("tense", text, "2026-02-10") == expect("tense", text, *matches)


@pytest.mark.parametrize("text, iso", [
    # a past form describing a noun, after a preposition or a determiner: no past wording
    ("The takeaway from freshly filed campaign reports is the spending before the primary on Tuesday.", "2016-02-09"),
    ("Under the newly approved budget the council votes Tuesday.", "2016-02-09"),
    ("The temporarily closed Elm Street ramp reopens Tuesday.", "2016-02-09"),
    ("The abruptly ended talks resume Tuesday.", "2016-02-09"),
    # a compound's first word is no verb
    ("Closed-door talks resume Tuesday.", "2016-02-09"),
    # past wording still reads back
    ("The reports were filed before the primary on Tuesday.", "2016-02-02"),
    ("The states that held primaries Tuesday gave Hale a lead.", "2016-02-02"),
    ("Campaigns filed reports that track spending before the primary on Tuesday.", "2016-02-02"),
    # an -ly noun or name is no adverb; a pronoun or a stranded preposition is no determiner
    ("The family held a vigil Tuesday.", "2016-02-02"),
    ("The rally ended peacefully Tuesday.", "2016-02-02"),
    ("His ally resigned abruptly Tuesday.", "2016-02-02"),
    ("The family started fundraising Tuesday.", "2016-02-02"),
    ("The elderly filed claims Tuesday.", "2016-02-02"),
    ("The grizzly killed livestock Tuesday.", "2016-02-02"),
    ("The biweekly published records Tuesday.", "2016-02-02"),
    ("The Assembly approved the loans Tuesday.", "2016-02-02"),
    ("The lawyer who represented her resigned Tuesday.", "2016-02-02"),
    ("The firm she worked for ended production Tuesday.", "2016-02-02"),
    # a double hyphen is a dash, not a compound
    ("A first trial ended--in a mistrial--on Tuesday.", "2016-02-02"),
])
def test_a_participle_describing_a_noun_is_not_past_wording(text: str, iso: str) -> None:
    [finding] = check("resolved", text, "2016-02-08")
    assert f"({iso})" in finding.message
