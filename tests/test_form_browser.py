"""examples/form as a person sees it: typed into in headless Chromium, through a real server."""

from __future__ import annotations

import importlib.util
import re
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="FastAPI not installed: pip install 'bhtime[browser]'")
pytest.importorskip("uvicorn", reason="uvicorn not installed: pip install 'bhtime[browser]'")
pytest.importorskip("selenium", reason="Selenium not installed: pip install 'bhtime[browser]'")

import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

import bhtime

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
# docs/language.md §10's now: 2017-04-25T00:41:27.123+0300.
NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
WAIT = 15  # seconds for the page to show an answer

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="no Chromium/chromedriver on this machine (Debian: apt-get install chromium chromium-driver)",
)


def example_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("form_app", ROOT / "examples/form/app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered, so that pydantic finds the names its postponed annotations use.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The example app, its clock fixed at NOW, served by uvicorn in a thread for this module."""
    app = example_app().create_app(now=lambda: NOW)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, name="form-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert thread.is_alive(), "uvicorn stopped before it started"
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    assert not thread.is_alive(), "uvicorn did not stop within 10 s"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    assert CHROMIUM is not None
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=900,700",
        "--lang=en-US",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    # The driver is named, so Selenium Manager never goes looking for one online.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def open_form(browser: WebDriver, server: str, zone: str = "Europe/Moscow") -> None:
    browser.get(server + "/?lang=en")
    box = browser.find_element(By.ID, "zone")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(zone)


def type_in(browser: WebDriver, text: str) -> dict[str, Any]:
    """Type ``text`` into the field key by key; what the page shows once it is checked."""
    field = browser.find_element(By.ID, "when")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)
    result = browser.find_element(By.ID, "result")
    WebDriverWait(browser, WAIT).until(lambda _: result.get_attribute("data-checked") == text)
    shown = {
        name: browser.find_element(By.ID, name).text
        for name in ("human", "resolved", "shown-zone", "message", "hint", "echo")
    }
    marks = browser.find_elements(By.CSS_SELECTOR, "#echo mark")
    shown["underlined"] = [mark.text for mark in marks]
    shown["state"] = result.get_attribute("data-state")
    shown["code"] = result.get_attribute("data-code")
    return shown


def screenshot(browser: WebDriver, name: str, capsys: pytest.CaptureFixture[str]) -> Path:
    """Save what the page shows now, and print where, past pytest's capture, for a reviewer."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert browser.save_screenshot(str(path)), path
    assert path.stat().st_size > 1000
    with capsys.disabled():
        print(f"\nscreenshot: {path}")
    return path


def bhtime_error(text: str, zone: str = "Europe/Moscow") -> bhtime.BhtimeError:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.evaluate(text, zone=zone, now=NOW)
    return caught.value


def test_a_valid_time_is_shown_resolved_in_the_users_zone(
    browser: WebDriver, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_form(browser, server)
    shown = type_in(browser, "tomorrow 14:00")
    assert shown["state"] == "ok"
    assert shown["resolved"] == "2017-04-26T14:00:00.000+0300"
    assert shown["shown-zone"] == "in Europe/Moscow"
    # Chromium's own Intl, in the page's language and the user's zone.
    assert "Wednesday" in shown["human"]
    assert "April 26, 2017" in shown["human"]
    assert "2:00 PM" in shown["human"]
    screenshot(browser, "form-valid", capsys)


def test_a_typo_is_underlined_with_its_hint(
    browser: WebDriver, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_form(browser, server)
    text = "tomorow 14:00"
    shown = type_in(browser, text)
    error = bhtime_error(text)
    assert shown["state"] == "error"
    assert shown["code"] == "unknown-word"
    assert shown["message"] == "unknown word 'tomorow'"
    assert shown["hint"] == "did you mean 'tomorrow'?"
    assert error.end is not None
    assert shown["underlined"] == [text[error.pos : error.end]]
    assert shown["underlined"] == ["tomorow"]
    assert shown["echo"] == text
    screenshot(browser, "form-typo", capsys)


def test_then_corrected_it_is_resolved(browser: WebDriver, server: str) -> None:
    open_form(browser, server, zone="Asia/Yekaterinburg")
    assert type_in(browser, "now +3 hrs")["underlined"] == ["hrs"]
    shown = type_in(browser, "now +3 hours")
    assert shown["state"] == "ok"
    assert shown["resolved"] == bhtime.resolve("now +3 hours", zone="Asia/Yekaterinburg", now=NOW)


def test_a_russian_word_in_russian(
    browser: WebDriver, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_form(browser, server)
    Select(browser.find_element(By.ID, "language")).select_by_value("ru")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=when]").text == "Когда отправить"
    text = "завтра 14:00"
    shown = type_in(browser, text)
    error = bhtime_error(text)
    assert shown["state"] == "error"
    assert shown["code"] == "invalid-character"
    assert shown["message"] == error.message_in("ru")
    assert CYRILLIC.search(shown["message"]), shown["message"]
    assert shown["hint"] == (error.hint_in("ru") or "")
    assert error.end is not None
    assert shown["underlined"] == [text[error.pos : error.end]]
    assert shown["underlined"][0].startswith("з")
    screenshot(browser, "form-russian", capsys)
    # The same form, resolved, in Russian.
    shown = type_in(browser, "tomorrow 14:00")
    assert shown["state"] == "ok"
    assert "26 апреля 2017" in shown["human"]
    assert "14:00" in shown["human"]
    assert shown["shown-zone"] == "в поясе Europe/Moscow"


def test_an_unknown_zone_is_reported(browser: WebDriver, server: str) -> None:
    open_form(browser, server, zone="Europe/Moscw")
    shown = type_in(browser, "now")
    assert shown["code"] == "unknown-zone"
    assert shown["hint"] == "did you mean 'Europe/Moscow'?"
    assert shown["underlined"] == []
