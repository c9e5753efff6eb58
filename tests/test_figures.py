"""The figures kind: unsourced figures, vague attribution, and what is not a figure."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factlint.engine import LoadError, load_rule_file
from tests.helpers import RULES, SEEDS, brief, run

FIXTURE = Path(__file__).parent / "fixtures" / "figures_labelled.yaml"
PACKS = (RULES / "figures", RULES / "quotes", RULES / "claims")


def unsourced(text: str, packs: tuple[Path, ...] = PACKS) -> list[str]:
    """Return the matched texts of figures.unsourced on text."""
    return [f.match for f in run(text, select=["figures.unsourced"], packs=packs)]


def vague(text: str) -> list[str]:
    """Return the matched texts of figures.vague-attribution on text."""
    return [f.match for f in run(text, select=["figures.vague-attribution"], packs=PACKS)]


# --- the labelled set ----------------------------------------------------------------------

def _gold_spans(text: str, figures: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for figure in figures:
        start = text.index(figure, cursor)
        spans.append((start, start + len(figure)))
        cursor = start + len(figure)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_labelled_set() -> tuple[int, int, int, int, list[str]]:
    """Return (true positives, findings, gold figures found, gold figures, misfits) on the set."""
    items = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    correct = found = recalled = gold_total = 0
    misfits = []
    for item in items:
        gold = _gold_spans(item["text"], item["unsourced"])
        flagged = [(f.start, f.end) for f in run(item["text"], ["figures.unsourced"], packs=PACKS)]
        good = sum(any(_overlaps(f, g) for g in gold) for f in flagged)
        hits = sum(any(_overlaps(f, g) for f in flagged) for g in gold)
        correct, found = correct + good, found + len(flagged)
        recalled, gold_total = recalled + hits, gold_total + len(gold)
        if good < len(flagged) or hits < len(gold):
            misfits.append(f"{item['text']!r}: flagged {flagged}, expected {item['unsourced']}")
    return correct, found, recalled, gold_total, misfits


def test_labelled_set_is_large_and_varied() -> None:
    items = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert len(items) >= 80
    assert sum(bool(i["unsourced"]) for i in items) >= 40
    assert sum(not i["unsourced"] for i in items) >= 40


def test_the_labelled_regression_set_still_holds(capsys: pytest.CaptureFixture[str]) -> None:
    # A regression set written alongside the code, not a measure of precision on real copy:
    # that is bench/polnear.py's score on PolNeAR (docs/attribution.md).
    correct, found, recalled, gold_total, misfits = score_labelled_set()
    agreement = correct / found if found else 1.0
    recall = recalled / gold_total
    with capsys.disabled():
        print(f"\nfigures.unsourced regression set {FIXTURE.name} (written with the code): "
              f"{correct}/{found} findings expected, {recalled}/{gold_total} expected figures found")
    assert agreement >= 0.95, misfits
    assert recall >= 0.90, misfits


# --- the seeds -----------------------------------------------------------------------------

def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_002_agentless_passive_is_unsourced() -> None:
    findings = run(seed("002"), select=["figures.*", "quotes.*"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 5, 194, "around 100,000")]


def test_seed_003_linked_deaths_are_unsourced() -> None:
    findings = run(seed("003"), select=["figures.*", "quotes.*"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 49, 94, "over 100,000")]


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_other_seeds_have_no_figures_or_quotes_findings(prefix: str) -> None:
    findings = run(seed(prefix), select=["figures.*", "quotes.*", "claims.*"], packs=PACKS)
    assert [f for f in findings if f.level != "info"] == []


# --- what a figure is ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The bank has more than 310,000 customers.", ["more than 310,000"]),
    ("Bills rise by about $18 a month.", ["about $18"]),
    ("The unit lost $48.2 million. Its rival raised €3m. A third firm raised $1.2bn.",
     ["$48.2 million", "€3m", "$1.2bn"]),
    ("The port handled 2.1 million passengers.", ["2.1 million"]),
    ("Turnout was 91.2 percent, and 3.5% of ballots were spoiled.", ["91.2 percent", "3.5%"]),
    ("Two million people live there, and a third of them rent.", ["Two million", "a third"]),
    ("Half of the jobs went. One in five stayed. Twice as many left.",
     ["Half", "One in five", "Twice as many"]),
    ("Prices rose 10 to 15 percent.", ["10 to 15 percent"]),
    ("Rents rose between 10 and 15 percent.", ["between 10 and 15 percent"]),
    ("Rents have risen three times faster than wages.", ["three times faster"]),
    ("The tax rises by 2 cents per $100 of assessed value.", ["2 cents per $100"]),
])
def test_figures_are_found(text: str, expected: list[str]) -> None:
    assert unsourced(text) == expected


@pytest.mark.parametrize("text", [
    "The plant opened in 1987 and expanded in the 1990s.",
    "The hearing is at 9:30 a.m. on Jan. 6, and the vote at 5 p.m. on 12 March.",
    "Council member Linda Park, 62, said the 45-year-old was not involved.",
    "City won 2-1, the council voted 5-2, the Hawks are 12-3 and the bill passed 52-48.",
    "He scored in the 88th minute of his third season.",
    "Police were called to 1200 Main St. and the 400 block of Elm Street.",
    "Cooling centers open at 10 a.m. at 400 Oak St.",
    "Route 9, Section 230, the Boeing 737, the A320, Interstate 95 and I-95 are named here.",
    "COVID-19 was on the G7 agenda.",
    "Call (555) 123-4567 or 555-987-6543, or dial 911.",
    "Smith scored 31 points and grabbed 12 rebounds.",
    "He was sentenced to 12 years and will serve at least 10 months.",
    "“We lost $3 million and 40% of our staff,” she said.",
    "The 12-member board needs a two-thirds majority.",
    "Sales fell in the first half of the year and in the second quarter.",
])
def test_not_claims(text: str) -> None:
    assert unsourced(text) == []


def test_list_numbering_and_headings_are_not_claims() -> None:
    text = "Deaths top 100,000 in 2022\n\nHow to vote:\n1. Register by Oct. 15.\n2. Bring an ID.\n"
    assert unsourced(text) == []


def test_markdown_list_numbering_and_headings_are_not_claims() -> None:
    text = "# Deaths top 100,000\n\n1. Register by Oct. 15.\n2. Expect lines of up to 300 voters.\n"
    findings = run(text, select=["figures.unsourced"], path="draft.md", packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 4, 20, "up to 300")]


def test_markdown_table_cells_are_data_not_claims() -> None:
    text = ("Results by precinct:\n\n| Precinct | Votes | Share |\n| --- | ---: | :-: |\n"
            "| North | 1,204 | 37% |\n\nPrecinct | Votes\n--- | ---\nSouth | 980\n\n"
            "Turnout rose 12% this year.\n")
    findings = run(text, select=["figures.unsourced"], path="draft.md", packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 11, 14, "12%")]


def test_pipes_in_plain_text_or_a_paragraph_are_not_a_table() -> None:
    text = "Taxes | fees rose 3.5% this year.\n"
    assert unsourced(text) == ["3.5%"]
    findings = run("Votes | share\nrose 12% this year.\n", select=["figures.unsourced"], path="d.md", packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 2, 6, "12%")]


# --- what attribution is -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Revenue rose 12%, the company said.",
    "According to the CDC, 107,000 people died.",
    "Meridian Logistics reported revenue of $2.3 billion.",
    "Meridian Logistics, the Ohio freight company, on Tuesday reported a $2.3 billion loss.",
    "The school district expects enrollment to fall by 400 students.",
    "Some 300 cases were reported by the state health department.",
    "Census data show 40% of homes are rented.",
    "Enrollment grew 2.3% (Source: state education department).",
    "The state spends $11,500 per student.[1]",
    "The state spends $11,500 per student (Hanson, 2021).",
    "Read [the report](https://example.org) on the $11,500 figure.",
    "He estimated the damage at $2 million.",
    "The National Weather Service issued an advisory, with heat index values up to 108 degrees.",
])
def test_attributed_figures_are_not_flagged(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Around 100,000 fatalities are reported each year.", ["Around 100,000"]),
    ("Deaths reported to the agency rose to 412.", ["412"]),
    ("In 2022, over 100,000 deaths were linked to overdoses.", ["over 100,000"]),
    ("An estimated 40,000 people lost power.", ["An estimated 40,000"]),
    ("The project is expected to cost $1.2 billion.", ["$1.2 billion"]),
    ("The reported 300 cases were counted twice.", ["300"]),
])
def test_agentless_passives_are_not_attribution(text: str, expected: list[str]) -> None:
    assert unsourced(text) == expected


def test_sentence_before_in_the_same_paragraph_carries_attribution(tmp_path: Path) -> None:
    assert unsourced("The mayor said jobs were cut. About 300 went.") == []
    # The default pack's paragraph_credit: any sentence before, in the paragraph.
    assert unsourced("The mayor said jobs were cut. It was sad. About 300 went.") == []
    assert unsourced("The mayor said jobs were cut.\n\nAbout 300 went.") == ["About 300"]
    # Without it, only the `sentences_before` window.
    pack = _pack_with(tmp_path, "paragraph_credit: true", "paragraph_credit: false")
    assert unsourced("The mayor said jobs were cut. It was sad. About 300 went.", (pack,)) == ["About 300"]


def _pack_with(tmp_path: Path, replace: str, by: str) -> Path:
    source = (RULES / "figures" / "unsourced.yaml").read_text(encoding="utf-8")
    assert replace in source
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "unsourced.yaml").write_text(source.replace(replace, by), encoding="utf-8")
    return folder


def test_the_window_is_configurable(tmp_path: Path) -> None:
    text = "The mayor said jobs were cut. It was sad. About 300 went."
    pack = _pack_with(tmp_path, "sentences_before: 1", "sentences_before: 2")
    assert unsourced(text, (pack,)) == []
    assert unsourced("The mayor said jobs were cut. About 300 went.", (pack,)) == []


def test_window_zero_needs_the_source_in_the_sentence(tmp_path: Path) -> None:
    pack = _pack_with(tmp_path, "sentences_before: 1", "sentences_before: 0")
    rule = pack / "unsourced.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("paragraph_credit: true", "paragraph_credit: false"),
                    encoding="utf-8")
    assert unsourced("The mayor said jobs were cut. About 300 went.", (pack,)) == ["About 300"]


def test_positions_follow_the_original_text() -> None:
    text = "The city said it would act.\r\n\r\nIt has spent\r\nabout $4 million."
    findings = run(text, select=["figures.unsourced"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 4, 1, "about $4 million")]


# --- regressions from newsroom copy: stat lines, scores, ages, attribution -------------------

def figures_and_quotes(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief findings of every figures and quotes rule on text."""
    return brief(run(text, select=["figures.*", "quotes.*"], packs=PACKS))


def test_box_score_lines_in_a_game_story_are_not_claims() -> None:
    text = ("Brooks, a senior, completed 14 of 22 passes for 187 yards. Running back Tyrese Holloway "
            "added 96 yards on 18 carries.\n\nRidgeway (8-3) was seeking its first district title "
            "since 1997. Brandt, a junior, finished 17 of 31 for 224 yards.\n\n"
            "Ruiz went 3 for 4 with two RBIs, and the Hawks shot 45% from the field.\n")
    assert figures_and_quotes(text) == []


def test_n_of_m_outside_a_stat_line_is_a_claim() -> None:
    text = "Only 14 of 22 schools passed inspection."
    assert figures_and_quotes(text) == [
        ("figures.unsourced", 1, 1, "Only 14"), ("figures.unsourced", 1, 12, "22")]


@pytest.mark.parametrize("text", [
    "Harmon (5-3) tied the game at 14 with 2:05 left when quarterback Evan Pryor ran 11 yards.",
    "The game was tied at 14. The teams were knotted at 2 apiece after regulation.",
    "Westfield led by 7 at halftime, won 21-14 and took a 3-1 lead in the series.",
    "Westfield won 21 to 14 on Friday.",
    "The Hawks stretched their lead to 10 late, and Harmon pulled within 3 before the half.",
    "Pryor scored from the 3, and Smith was one of the 14.",
])
def test_scores_and_margins_are_not_claims(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Pereira won over 614 new members.", ["over 614"]),
    ("The death toll stood at 14.", ["14"]),
    ("The toll rose to 14 on Monday.", ["14"]),
    ("The count was 14 and the vote failed.", ["14"]),
    ("Sales rose 8% for three months in a row.", ["8%"]),
])
def test_counts_that_look_like_scores_or_ages_are_claims(text: str, expected: list[str]) -> None:
    assert unsourced(text) == expected


def test_ages_outside_the_apposition_form_are_not_claims() -> None:
    text = ("Born in Seoul in 1963, she moved to Tacoma in 1971, when she was 7 and spoke no English.\n\n"
            "Kathy Ruiz first walked into the gym when she was 11. When Ruiz turned 40, she bought it.\n\n"
            "Nguyen came to the U.S. in 1979 as a refugee from Vietnam, at 22. At 30, he opened a gym.\n\n"
            "He left school at age 16 and at the age of 17 joined the Army. He was only 19 when he "
            "married. The 34-year-old driver, a 62-year-old man and Linda Park, aged 62, were hurt.\n")
    assert figures_and_quotes(text) == []


def test_a_source_s_own_count_is_attribution() -> None:
    text = ("He opened the club in 1995 with two heavy bags, a secondhand ring and, by his count, "
            "11 kids.\n\nBy the city's own estimate, 4,000 homes flooded.\n\n"
            "By the end of the day, 300 roads were closed.\n")
    assert figures_and_quotes(text) == [("figures.unsourced", 5, 24, "300")]


def test_by_one_estimate_is_vague_not_unsourced() -> None:
    text = "By one estimate, 4,000 homes flooded.\n\nBy one estimate from the Brookings Institution, 900 did."
    assert figures_and_quotes(text) == [("figures.vague-attribution", 1, 1, "By one estimate")]


def test_documents_and_authors_are_sources_for_reporting_verbs() -> None:
    text = ("Pereira received 6,215 votes and Coyle 5,601, the board's results showed.\n\n"
            "Voters approved the tax, 54% to 46%, the unofficial results showed.\n\n"
            "Of the 17 bumblebee species the team tracked, six declined\n"
            "significantly, the authors found.\n")
    assert figures_and_quotes(text) == []


def test_a_tally_after_a_name_is_a_figure_not_a_label() -> None:
    assert unsourced("Pereira gathered 6,215 signatures and Coyle 5,601.") == ["6,215", "5,601"]
    assert unsourced("The Boeing 737 and Route 9 are named here.") == []


def test_plural_subjects_that_are_not_sources_stay_agentless() -> None:
    assert unsourced("Cases reported in the county rose to 412.") == ["412"]
    assert unsourced("The fatalities reported each year number about 300.") == ["about 300"]


# --- vague attribution ---------------------------------------------------------------------

def test_vague_attribution_fires_with_or_without_a_figure() -> None:
    assert vague("Experts say the bridge is unsafe.") == ["Experts say"]
    assert vague("Studies show 40% of adults sleep too little.") == ["Studies show"]
    assert vague("The firm reportedly lost $3 million. It is estimated that 30% left.") == [
        "reportedly", "It is estimated"]
    assert vague("Sources say the deal is off, and critics argue it never was.") == [
        "Sources say", "critics argue"]


def test_vague_attribution_is_left_alone_inside_quotes_and_named_sources() -> None:
    assert vague("“Some say we should wait,” Mayor Grant said.") == []
    assert vague("Engineers at the state Department of Transportation say the bridge is unsafe.") == []


def test_vague_attribution_is_not_also_unsourced() -> None:
    assert unsourced("Experts say 40% of bridges are unsafe.") == []


# --- rule files ----------------------------------------------------------------------------

def test_unknown_check_is_a_load_error(tmp_path: Path) -> None:
    rule = tmp_path / "figures" / "odd.yaml"
    rule.parent.mkdir()
    rule.write_text("kind: figures\ncheck: sourced\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"odd.yaml:2: 'check' must be one of"):
        load_rule_file(rule)


def test_unsourced_without_its_word_lists_is_a_load_error(tmp_path: Path) -> None:
    rule = tmp_path / "figures" / "bare.yaml"
    rule.parent.mkdir()
    rule.write_text("kind: figures\ncheck: unsourced\n", encoding="utf-8")
    with pytest.raises(LoadError, match="the unsourced check needs 'cues'"):
        load_rule_file(rule)


def test_plan_targets_without_their_links_is_a_load_error(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, "target_links: [of, is, was, now, currently, remains]", "target_links: []")
    with pytest.raises(LoadError, match=r"'plan_targets' needs 'target_links'"):
        load_rule_file(folder / "unsourced.yaml")


def test_a_statistic_may_have_one_hyphenated_modifier_before_its_unit() -> None:
    assert figures_and_quotes("The Pointers scored 21 fourth-quarter points and pulled away.\n") == []
    assert figures_and_quotes("The district hired 21 full-time teachers this fall.\n") == [
        ("figures.unsourced", 1, 20, "21")]


def test_ranges_and_rates_are_one_figure_by_the_rule_s_words(tmp_path: Path) -> None:
    text = "Fees will rise between 10 and 15 percent.\n\nThe levy adds 2 cents per $100 of value.\n"
    assert figures_and_quotes(text) == [("figures.unsourced", 1, 16, "between 10 and 15 percent"),
                                        ("figures.unsourced", 3, 15, "2 cents per $100")]
    pack = _pack_with(tmp_path, "range_openers: [between]\nrange_joiners: [and]\nrate_words: [per]",
                      "range_openers: []\nrange_joiners: []\nrate_words: []")
    assert unsourced(text, (pack,)) == ["between 10", "15 percent", "2 cents", "$100"]


def test_vague_phrases_that_overlap_are_one_finding() -> None:
    found = brief(run("Some observers say the ferry count is low.", select=["figures.vague-attribution"]))
    assert found == [("figures.vague-attribution", 1, 1, "Some observers")]


@pytest.mark.parametrize("text, expected", [
    ("Lena Park's research shows the ferry loses money.", []),
    ("Park says her research suggests the ferry loses money.", []),
    ("The planners’ studies show the ferry loses money.", []),
    ("Research shows the ferry loses money.", [("figures.vague-attribution", 1, 1, "Research shows")]),
    ("New research shows the ferry loses money.", [("figures.vague-attribution", 1, 5, "research shows")]),
    ("Last year’s research shows the ferry loses money.", [("figures.vague-attribution", 1, 13, "research shows")]),
])
def test_research_with_an_owner_is_not_vague(text: str, expected: list) -> None:
    assert brief(run(text, select=["figures.vague-attribution"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Eastport Ledger reported, according to sources, that the mayor will resign.", []),
    ("A recent Harbor Times story in which council sources said the pier would close drew calls.", []),
    # no named outlet: the sentence's determiner is no name
    ("The report, sources say, was never finished.", [("figures.vague-attribution", 1, 13, "sources say")]),
    # a day, a body that is no outlet, or critics: no outlet's sources
    ("The county’s Tuesday report was late, but sources said the span is unsafe.",
     [("figures.vague-attribution", 1, 43, "sources said")]),
    ("Police reported two arrests, and sources close to the chief said more would come.",
     [("figures.vague-attribution", 1, 34, "sources close to")]),
    ("Commissioner Ada Fenn’s report was late, and critics say the span is unsafe.",
     [("figures.vague-attribution", 1, 46, "critics say")]),
    # a named person speaking is no outlet reporting
    ("Ortiz said, according to sources, that the pier will close.", [("figures.vague-attribution", 1, 13, "according to sources")]),
])
def test_a_named_outlet_reporting_owns_its_unnamed_sources(text: str, expected: list) -> None:
    assert brief(run(text, select=["figures.vague-attribution"])) == expected
