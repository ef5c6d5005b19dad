"""The web console in a real browser: Debian's headless chromium, driven by Selenium through chromedriver.

The bot is `diplobot run` itself, in a child process, with DIPLOBOT_HTTP_PORT=0; the browser signs in with the
link the bot prints. Selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver and runs offline:
nothing is downloaded. Screenshots of the main pages go to build/screenshots/ (or $DIPLOBOT_SCREENSHOTS), so a
test run leaves the checkout clean; `make screenshots` writes them to docs/screenshots/, the ones the README shows.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.web.console import Console
from tests.conftest import CHROMEDRIVER, CHROMIUM, REPO, FakeClock
from tests.support.sign_in_server import FakeSignIn, SlackMember, serving_in_thread
from tests.support.sign_in_server import environment as sign_in_environment
from tests.support.web import OLDER_TITLE, SEED_HEADLINE, SEED_TITLES, bot_process, console_config, running_console

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("DIPLOBOT_SCREENSHOTS") or REPO / "build" / "screenshots")
RULE = "karabakh-truce"


@dataclass
class Bot:
    """A running `diplobot run`: its printed console line, link and token."""

    line: str
    link: str
    base: str
    token: str


def _wait(predicate: Callable[[], object], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def sign_in() -> Iterator[FakeSignIn]:
    """Local fakes of Slack's and Discord's sign-in endpoints, for the member's path."""
    with serving_in_thread() as fake:
        yield fake


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory, sign_in: FakeSignIn) -> Iterator[Bot]:
    """`diplobot run` on the seeds and an older report, DIPLOBOT_HTTP_PORT=0, until the module's tests end."""
    root = tmp_path_factory.mktemp("console")
    env = {
        **os.environ,
        "DIPLOBOT_CONFIG_DIR": str(console_config(root)),
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{root / 'diplobot.db'}",
        "DIPLOBOT_HTTP_PORT": "0",
        "DIPLOBOT_TERMINAL": "1",
        "DIPLOBOT_ALLOW_PRIVATE_NETWORKS": "1",
        **sign_in_environment(sign_in),
    }
    with bot_process(root, env) as child:
        running = Bot(child.line, child.link, child.base, child.token)
        _wait(lambda: len(_stories(running)) == 2, "both stories ingested")
        yield running


def _stories(bot: Bot) -> list[dict[str, object]]:
    request = urllib.request.Request(f"{bot.base}/api/stories", headers={"Authorization": f"Bearer {bot.token}"})
    with urllib.request.urlopen(request, timeout=10) as resp:
        stories: list[dict[str, object]] = json.load(resp)
    return stories


def _driver(javascript: bool = True):  # type: ignore[no-untyped-def]
    """Headless chromium from the Debian packages; Selenium Manager is told to stay offline."""
    os.environ["SE_OFFLINE"] = "true"  # never download a driver or a browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture(scope="module")
def browser(bot: Bot) -> Iterator[object]:
    """One signed-in browser for the module's tests."""
    driver = _driver()
    try:
        driver.get(bot.link)
        yield driver
    finally:
        driver.quit()


def _shot(driver, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def _until(driver, condition: Callable[[object], object], what: str, seconds: float = 10) -> object:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition, message=f"timed out waiting for {what}")


def test_the_printed_link_opens_stories_with_the_seed_story_and_both_sources(bot: Bot, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(bot.link)
    assert driver.current_url == f"{bot.base}/stories"  # signed in, the token gone from the address bar
    assert "token" not in driver.current_url
    cookie = next(c for c in driver.get_cookies() if c["name"].startswith("diplobot_session"))
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    assert driver.execute_script("return document.cookie") == ""  # HttpOnly: page scripts never see it
    stories = driver.find_elements(By.CSS_SELECTOR, "#story-list > li")
    assert [s.find_element(By.TAG_NAME, "h2").text for s in stories] == [SEED_HEADLINE, OLDER_TITLE]
    sources = [a.text for a in stories[0].find_elements(By.CSS_SELECTOR, ".sources a")]
    assert len(sources) == 2 and sorted(any(s.startswith(t) for t in SEED_TITLES) for s in sources) == [True, True]
    _shot(driver, "stories")

    stories[0].find_element(By.LINK_TEXT, SEED_HEADLINE).click()
    _until(driver, lambda d: "/stories/s-" in d.current_url, "the story page")
    assert driver.find_element(By.TAG_NAME, "h1").text == SEED_HEADLINE
    assert driver.find_element(By.ID, "h-sources").text == "Sources (2)"
    evidence = driver.find_element(By.CSS_SELECTOR, "ul.evidence").text
    assert "ceasefire (holding)" in evidence and "casualties:" in evidence
    _shot(driver, "story")

    driver.find_element(By.LINK_TEXT, "Stories").click()
    driver.find_element(By.ID, "f-country").send_keys("Belarus")
    driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    _until(driver, lambda d: "country=Belarus" in d.current_url, "the filtered list")
    headlines = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#story-list h2")]
    assert headlines == [OLDER_TITLE]

    driver.find_element(By.LINK_TEXT, "Charts").click()
    chart = driver.find_element(By.ID, "chart-countries")
    assert chart.is_displayed() and chart.size["height"] > 40
    assert {"Armenia", "Belarus"} <= {t.text for t in chart.find_elements(By.TAG_NAME, "text")}
    _shot(driver, "charts")


def test_pages_read_without_javascript_and_the_sign_in_page_without_a_session(bot: Bot) -> None:
    from selenium.webdriver.common.by import By

    driver = _driver(javascript=False)
    try:
        driver.get(f"{bot.base}/stories")
        assert driver.current_url.startswith(f"{bot.base}/login")  # not signed in: the sign-in page
        driver.find_element(By.ID, "token").send_keys(bot.token)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        _until(driver, lambda d: d.current_url == f"{bot.base}/stories", "the stories page")
        assert SEED_HEADLINE in driver.find_element(By.ID, "story-list").text
        driver.find_element(By.LINK_TEXT, SEED_HEADLINE).click()
        assert driver.find_element(By.ID, "h-sources").text == "Sources (2)"
    finally:
        driver.quit()


def test_a_malformed_rule_is_shown_inline_then_fixed_backtested_saved_and_audited(bot: Bot, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    driver = browser
    driver.get(f"{bot.base}/rules")
    driver.find_element(By.LINK_TEXT, "New rule").click()
    driver.find_element(By.ID, "r-name").send_keys(RULE)
    query = driver.find_element(By.ID, "r-query")
    query.send_keys("((armenia* OR azerbaijan*) AND ceasefire")  # unbalanced: the CLI says "unbalanced '('"
    error = driver.find_element(By.ID, "err-query")
    _until(driver, lambda d: "unbalanced" in error.text, "the inline error")
    assert error.text.startswith("query: ")
    assert "hint:" in error.text
    assert query.get_attribute("aria-invalid") == "true"
    _shot(driver, "rule-error")

    query.send_keys(Keys.HOME, Keys.DELETE)  # fix it
    _until(
        driver,
        lambda d: error.text == "" and d.find_element(By.ID, "rule-form").get_attribute("data-checked") == "valid",
        "the error to clear",
    )
    Select(driver.find_element(By.ID, "r-severity")).select_by_value("urgent")
    driver.find_element(By.CSS_SELECTOR, "button[value=preview]").click()
    backtest = _until(driver, lambda d: d.find_elements(By.ID, "backtest"), "the backtest")
    text = backtest[0].text  # type: ignore[index]
    assert "would have alerted" in text and SEED_HEADLINE in text and "query matched" in text
    _shot(driver, "rule-backtest")

    driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    _until(driver, lambda d: d.current_url.startswith(f"{bot.base}/rules/{RULE}"), "the saved rule")
    assert f"Rule '{RULE}' added." in driver.find_element(By.CSS_SELECTOR, "p.notice").text

    driver.find_element(By.LINK_TEXT, "Rule history").click()
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.history tbody tr")]
    assert any(RULE in r and "operator" in r and " add " in f" {r} " for r in rows), rows
    _shot(driver, "rule-history")


def test_keyboard_only_navigation_and_every_field_has_a_label(bot: Bot, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    driver.get(f"{bot.base}/stories")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.text == "Skip to content"  # the first stop is the skip link, visible when focused
    assert active.is_displayed()
    active.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "main"
    # From the top, Tab reaches the Rules link and Enter follows it: no mouse needed.
    driver.get(f"{bot.base}/stories")
    for _ in range(10):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element.text == "Rules":
            break
    assert driver.switch_to.active_element.text == "Rules"
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    _until(driver, lambda d: d.current_url == f"{bot.base}/rules", "the rules page")

    unlabelled = """
        return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
          .filter(e => !(e.labels && e.labels.length && e.labels[0].textContent.trim()))
          .map(e => e.name || e.id);
    """
    for path in (
        "/stories",
        "/rules/new",
        f"/rules/{RULE}",
        "/rules/history",
        "/feeds",
        "/subscriptions",
        "/deliveries",
    ):
        driver.get(bot.base + path)
        assert driver.execute_script(unlabelled) == [], path
        # Every button says what it does, and every form that changes something carries a CSRF token.
        assert all(b.text.strip() or b.get_attribute("aria-label") for b in driver.find_elements(By.TAG_NAME, "button"))
        for form in driver.find_elements(By.CSS_SELECTOR, "form[method=post]"):
            assert form.find_elements(By.CSS_SELECTOR, "input[type=hidden][name=csrf]"), path


NEW_STORY = {
    "title": "Ceasefire collapses in Sudan as fighting resumes in Khartoum",
    "text": "KHARTOUM (Reuters) - A ceasefire between Sudan's army and the Rapid Support Forces collapsed on Tuesday as "
    "heavy fighting resumed in Khartoum, residents said. At least 40 people were killed in the clashes, medics said.",
    "url": "https://example.org/sudan-ceasefire-collapses",
    "outlet": "Example Wire",
    "published": "2026-11-24T13:00:00+00:00",
}


async def test_an_open_stories_page_takes_in_a_new_story_without_a_reload(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Console, "refresh_seconds", 1)
    async with running_console(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}", tmp_path, clock) as run:
        driver = await asyncio.to_thread(_driver)  # the browser waits in a thread; the bot runs in this loop
        try:
            await asyncio.to_thread(driver.get, run.link)

            def headlines() -> list[str]:
                # One script reads them all at once: the list may be swapped in between two reads.
                script = "return Array.from(document.querySelectorAll('#story-list h2'), e => e.textContent.trim())"
                texts: list[str] = driver.execute_script(script)
                return texts

            assert await asyncio.to_thread(headlines) == [SEED_HEADLINE, OLDER_TITLE]
            await asyncio.to_thread(driver.execute_script, "window.notReloaded = true;")
            (tmp_path / "seeds" / "950_new.json").write_text(json.dumps(NEW_STORY), encoding="utf-8")
            await run.app.poll_all(force=True)
            for _ in range(200):
                if (await asyncio.to_thread(headlines))[:1] == [NEW_STORY["title"]]:
                    break
                await asyncio.sleep(0.05)
            assert await asyncio.to_thread(headlines) == [NEW_STORY["title"], SEED_HEADLINE, OLDER_TITLE]
            status = await asyncio.to_thread(
                driver.execute_script, "return document.getElementById('live-status').textContent"
            )
            assert status.endswith("1 new story.")
            assert await asyncio.to_thread(driver.execute_script, "return window.notReloaded === true;")
        finally:
            await asyncio.to_thread(driver.quit)


def test_a_slack_member_signs_in_sees_no_other_workspace_and_cannot_open_an_admin_page(
    bot: Bot, sign_in: FakeSignIn
) -> None:
    from selenium.webdriver.common.by import By

    sign_in.slack_user = SlackMember(user="U0MEMBER", team="T0AAA", name="Ana")
    driver = _driver()
    try:
        driver.get(f"{bot.base}/stories")
        _until(driver, lambda d: "/login" in d.current_url, "the sign-in page")
        driver.find_element(By.LINK_TEXT, "Sign in with Slack").click()  # the fake signs Ana in at once
        _until(driver, lambda d: d.current_url == f"{bot.base}/stories", "the stories page")
        assert "Ana (slack:T0AAA)" in driver.find_element(By.CSS_SELECTOR, ".who").text
        assert SEED_HEADLINE not in driver.page_source  # the operator's workspace's story
        _shot(driver, "member-stories")
        driver.get(f"{bot.base}/feeds")
        assert "For admins only" in driver.find_element(By.TAG_NAME, "h1").text
        assert "Add a feed" not in driver.page_source
    finally:
        driver.quit()
