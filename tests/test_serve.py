"""`factlint serve` end to end: the real server, driven in headless Chromium by Selenium."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.helpers import ROOT

FACTLINT = Path(sys.executable).parent / "factlint"
SEED = ROOT / "seeds" / "002_73a1217c700929f8.txt"
SEED_RULES = ROOT / "seeds" / "rules"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1400,900")


class Page:
    """A running `factlint serve` and its address."""

    def __init__(self, cwd: Path, *options: str) -> None:
        self.process = subprocess.Popen([str(FACTLINT), "serve", "--port", "0", *options], cwd=cwd,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("factlint: serving http://127.0.0.1:"), line + self.process.stderr.read()
        self.url = line.split()[2]

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> str:
        self.process.terminate()
        _, err = self.process.communicate(timeout=10)
        return err


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """Headless Chromium from the Debian packages; missing, the test fails (CI installs it)."""
    for program in (CHROMIUM, CHROMEDRIVER):
        if not Path(program).exists():
            pytest.fail(f"{program} is missing: apt-get install chromium chromium-driver (.ci/run does)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    server = Page(tmp_path, "--rules", str(SEED_RULES), "--max-bytes", "2000000")
    yield server
    server.stop()


def load(browser: webdriver.Chrome, page: Page, pack: str = "with") -> None:
    browser.get(page.url)
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    Select(browser.find_element(By.ID, "pack")).select_by_value(pack)


def paste(browser: webdriver.Chrome, text: str, times: int = 1) -> None:
    """Put text (repeated in the page, for big pastes) in the draft as a paste does: the value changes, then an input event fires."""
    browser.execute_script(
        "const area = document.getElementById('draft'); area.value = arguments[0].repeat(arguments[1]);"
        "area.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));", text, times)


def settled(browser: webdriver.Chrome, count: int | None = None) -> list:
    """Wait for the page to finish checking; return the finding list items."""
    def done(b):
        state = b.find_element(By.ID, "status").text
        items = b.find_elements(By.CSS_SELECTOR, "#findings li")
        return not state.startswith(("Checking", "Applying")) and (count is None or len(items) == count) and items
    WebDriverWait(browser, 20).until(done)
    return browser.find_elements(By.CSS_SELECTOR, "#findings li")


def finding_texts(browser: webdriver.Chrome, part: str) -> list[str]:
    """Return the text of one part ("rule", "message") of every listed finding, read at one moment."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#findings li .' + arguments[0]), e => e.textContent);", part)


def cli_json(path: Path) -> list[dict]:
    out = subprocess.run([str(FACTLINT), "--rules", str(SEED_RULES), "--format", "json", str(path)],
                         cwd=path.parent, capture_output=True, text=True, check=False)
    return json.loads(out.stdout)["findings"]


def status_error(browser: webdriver.Chrome) -> str:
    WebDriverWait(browser, 20).until(lambda b: "error" in b.find_element(By.ID, "status").get_attribute("class"))
    return browser.find_element(By.ID, "status").text


def test_seed_story_highlights_apply_and_apply_all_match_the_cli(browser, page: Page, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    draft = tmp_path / "story.txt"
    draft.write_text(text, encoding="utf-8")
    expected = cli_json(draft)
    load(browser, page)
    paste(browser, text)
    items = settled(browser, len(expected))
    assert [i.find_element(By.CLASS_NAME, "message").text for i in items] == [f["message"] for f in expected]
    assert [i.find_element(By.CLASS_NAME, "rule").text for i in items] == [f["rule"] for f in expected]
    assert items[0].find_element(By.CLASS_NAME, "where").text == f"{expected[0]['line']}:{expected[0]['column']} {expected[0]['level']}"
    # Each finding's highlighted pieces spell its match, and carry its message on hover.
    marks = browser.find_elements(By.CSS_SELECTOR, "#highlighted mark")
    for index, finding in enumerate(expected):
        mine = [m for m in marks if str(index) in m.get_attribute("data-findings").split()]
        assert "".join(m.text for m in mine) == finding["match"]
        assert all(f"{finding['rule']}: {finding['message']}" in m.get_attribute("title") for m in mine)
    assert browser.find_element(By.ID, "dateline").text == "2024-01-30 (first line)"

    # Keyboard: n moves to the first finding, again to the second; p back.
    body = browser.find_element(By.TAG_NAME, "body")
    browser.execute_script("document.activeElement.blur()")
    body.send_keys("n")
    body.send_keys("n")
    assert browser.find_element(By.CSS_SELECTOR, "#findings li.current").get_attribute("data-index") == "1"
    body.send_keys("p")
    assert browser.find_element(By.CSS_SELECTOR, "#findings li.current").get_attribute("data-index") == "0"

    # Apply one fix: the first fixable finding's span is replaced, the rest of the draft kept.
    first = next(f for f in expected if f["fix"] is not None)
    position = expected.index(first)
    items[position].find_element(By.CLASS_NAME, "apply").click()
    settled(browser, len(expected) - 1)
    lines = text.split("\n")
    line = lines[first["line"] - 1]
    lines[first["line"] - 1] = line[:first["column"] - 1] + first["fix"] + line[first["end_column"] - 1:]
    assert browser.find_element(By.ID, "draft").get_property("value") == "\n".join(lines)

    # Apply all: the draft becomes exactly what `factlint --fix` writes.
    subprocess.run([str(FACTLINT), "--rules", str(SEED_RULES), "--fix", str(draft)], cwd=tmp_path,
                   capture_output=True, check=False)
    fixed = draft.read_text(encoding="utf-8")
    assert fixed != text
    browser.find_element(By.ID, "apply-all").click()
    WebDriverWait(browser, 20).until(lambda b: b.find_element(By.ID, "draft").get_property("value") != "\n".join(lines))
    assert browser.find_element(By.ID, "draft").get_property("value") == fixed
    assert browser.find_element(By.ID, "status").text == (
        "Applied every fix that agrees with the others; 2 conflicting fixes are left for you to choose.")
    shot = tmp_path / "serve.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_dateline_set_on_the_page(browser, page: Page) -> None:
    load(browser, page, "default")
    paste(browser, "The council will vote on Tuesday, March 21.")
    browser.find_element(By.ID, "date").send_keys("03152024")  # Chromium's date field: month, day, year
    WebDriverWait(browser, 20).until(lambda b: b.find_element(By.ID, "dateline").text == "2024-03-15 (the page)")
    # The new date re-checks the draft after a short pause: wait for that check's findings, read
    # in one script call (the list is rebuilt whole, so elements found earlier may be gone).
    WebDriverWait(browser, 20).until(lambda b: any("Thursday" in m for m in finding_texts(b, "message")),
                                     "no finding says March 21, 2024 fell on a Thursday")


def test_bad_pastes_give_a_clear_message_and_the_server_keeps_running(browser, page: Page) -> None:
    load(browser, page)
    paste(browser, "Budget\x00\x01\x02 report")
    assert status_error(browser) == "cannot lint this draft: binary data (contains NUL characters), not a text draft"
    paste(browser, "The US budget. ", 700_000)  # 10.5 MB
    assert status_error(browser).startswith("The draft is 10.5 MB, over this server's limit of 2.0 MB")
    paste(browser, "The US budget passed.")
    assert [i.find_element(By.CLASS_NAME, "rule").text for i in settled(browser, 1)] == ["style.us-abbreviation"]
    assert page.running()


def test_malformed_pack_and_hostile_regex_are_reported_on_the_page(browser, tmp_path: Path) -> None:
    broken = tmp_path / "broken" / "house"
    broken.mkdir(parents=True)
    (broken / "bad.yaml").write_text("kind: substitution\nswap: {amidst: amid\n", encoding="utf-8")
    hostile = tmp_path / "hostile" / "house"
    hostile.mkdir(parents=True)
    (hostile / "pileup.yaml").write_text("kind: existence\npatterns: ['(a|aa)+$']\n", encoding="utf-8")
    for folder, expected in ((broken.parent, f"{broken / 'bad.yaml'}:3: invalid YAML"),
                             (hostile.parent, "rule 'house.pileup'")):
        server = Page(tmp_path, "--rules", str(folder))
        try:
            load(browser, server, "only")
            paste(browser, "Aid arrived: " + "a" * 40 + "c")
            assert expected in status_error(browser)
            Select(browser.find_element(By.ID, "pack")).select_by_value("default")
            paste(browser, "The US budget passed.")
            assert len(settled(browser, 1)) == 1
            assert server.running()
        finally:
            server.stop()


def test_other_origins_hosts_and_large_bodies_are_refused(page: Page) -> None:
    def post(headers: dict[str, str], body: bytes) -> tuple[int, str]:
        request = urllib.request.Request(page.url + "api/lint", data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.load(response).get("error", "")
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc).get("error", "")

    origin = page.url.rstrip("/")
    body = json.dumps({"text": "The US budget passed."}).encode()
    assert post({"Origin": origin, "Content-Type": "application/json"}, body)[0] == 200
    assert post({"Origin": "http://newsroom.example", "Content-Type": "application/json"}, body)[0] == 403
    assert post({"Content-Type": "application/json"}, body)[0] == 403
    big = json.dumps({"text": "a" * 2_100_000}).encode()
    status, error = post({"Origin": origin}, big)
    assert (status, error[:40]) == (413, "the draft is 2.1 MB, over this server's ")
    assert post({"Origin": origin}, json.dumps({"text": "x", "pack": "../../etc"}).encode()) == (
        400, "no such rule pack: '../../etc'")
    assert page.running()


def test_start_up_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = subprocess.run([str(FACTLINT), "serve", "--rules", str(tmp_path / "nowhere")],
                             capture_output=True, text=True, timeout=30, check=False)
    assert (missing.returncode, missing.stderr) == (2, f"factlint: error: {tmp_path / 'nowhere'}: no such rule-pack folder\n")
    bad = subprocess.run([str(FACTLINT), "serve", "--max-bytes", "lots"], capture_output=True, text=True, timeout=30, check=False)
    assert bad.returncode == 2 and "not a positive whole number: 'lots'" in bad.stderr


def test_open_a_markdown_file(browser, page: Page, tmp_path: Path) -> None:
    story = tmp_path / "harbor.md"
    story.write_text("# Harbor vote\n\nThe US council met amidst protests.\n\n```\nUS code stays\n```\n", encoding="utf-8")
    load(browser, page, "default")
    picker = browser.find_element(By.ID, "open")
    browser.execute_script("arguments[0].hidden = false", picker)
    picker.send_keys(str(story))
    items = settled(browser, 2)
    assert browser.find_element(By.ID, "name").text == "harbor.md"
    assert [i.find_element(By.CLASS_NAME, "where").text for i in items] == ["3:5 warning", "3:20 warning"]
    assert browser.find_element(By.ID, "draft").get_property("value") == story.read_text(encoding="utf-8")
