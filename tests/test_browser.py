"""The HTML front end in headless Chromium (Debian's ``chromium`` and
``chromium-driver``) against a real ``itukg serve`` on the store built from the
seed: search, open an instrument, follow a link, save a screenshot. Skips when
Chromium is absent, and fails then when CI=true (``.ci/run`` installs it)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live import build_store, free_port, start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def site(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = build_store(shared, tmp_path_factory.mktemp("browser") / "store")
    port = free_port()
    proc = start_server(store, port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[object]:
    if not (CHROMIUM and CHROMEDRIVER):
        message = "chromium and chromium-driver are not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true)")
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,1800",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_search_open_follow_and_screenshot(
    site: str, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    wait = WebDriverWait(browser, 20)
    browser.get(site + "/")
    assert "itukg" in browser.title

    # search
    browser.find_element(By.ID, "q").send_keys("resolution 130 busan")
    browser.find_element(By.ID, "go").click()
    hit = (By.CSS_SELECTOR, "#results a.hit")
    first = wait.until(ec.element_to_be_clickable(hit))
    assert first.text == "Resolution 130 (Rev. Busan, 2014)"

    # open the instrument
    first.click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "key"), "pp/res/130/2014"))
    title = browser.find_element(By.ID, "title").text
    assert title == "Resolution 130 (Rev. Busan, 2014)"
    svg = browser.find_element(By.ID, "neighbourhood")
    assert svg.size["width"] > 400 and svg.size["height"] > 100
    quotes = [q.text for q in browser.find_elements(By.TAG_NAME, "blockquote")]
    assert any("Hyderabad, 2010" in q for q in quotes)
    headings = [h.text.lower() for h in browser.find_elements(By.TAG_NAME, "h3")]
    assert "recalling" in headings
    shot = tmp_path / "instrument.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000

    # follow a link: a cited instrument, whose page lists the citing one
    link = "a.edge[href='/instruments/wtdc/res/69/2010']"
    browser.find_element(By.CSS_SELECTOR, link).click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "key"), "wtdc/res/69/2010"))
    back = browser.find_elements(By.CSS_SELECTOR, "#cited-by ~ table a.edge")
    assert any(a.text.startswith("Resolution 130") for a in back)
    assert browser.save_screenshot(str(tmp_path / "followed.png"))

    keep = os.environ.get("ITUKG_SCREENSHOTS")  # a folder to keep them in
    if keep:
        for png in tmp_path.glob("*.png"):
            shutil.copy(png, keep)


QUERY = (
    "SELECT ?key WHERE { ?i itu:key ?key . "
    "FILTER(STRSTARTS(?key, 'pp/res/130')) } ORDER BY ?key"
)


def test_sparql_editor_and_a_named_query_page(site: str, browser: object) -> None:
    """Type a query without PREFIX lines into the editor at /sparql, run it and
    read the table; open a named query's page as HTML and follow its link to the
    editor; nothing loaded from outside the service."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    wait = WebDriverWait(browser, 20)
    browser.get(site + "/sparql")
    area = wait.until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "#yasqe .CodeMirror textarea"))
    )
    area.send_keys(Keys.CONTROL, "a")
    area.send_keys(Keys.DELETE)
    area.send_keys(QUERY)
    typed = browser.execute_script("return window.itukgEditor.getValue()")
    assert typed == QUERY
    # highlighted by the editor: keywords and variables have their own classes
    assert browser.find_elements(By.CSS_SELECTOR, "#yasqe .cm-keyword")
    browser.find_element(By.ID, "run").click()
    wait.until(ec.presence_of_element_located((By.ID, "results")))
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#results td")]
    assert "pp/res/130/2014" in cells
    assert browser.find_element(By.ID, "count").text.endswith("rows")
    assert _same_origin_only(browser, site)

    # a named query's page, and its link to the editor
    browser.get(site + "/queries/cites?key=pp/res/130/2014")
    rows = browser.find_elements(By.CSS_SELECTOR, "#rows tr")
    assert len(rows) == 50
    assert "VALUES (?key ?aggregate)" in browser.find_element(By.ID, "sparql").text
    browser.find_element(By.ID, "open-in-editor").click()
    wait.until(ec.presence_of_element_located((By.ID, "results")))
    assert browser.find_element(By.ID, "count").text == "49 rows"
    value = browser.execute_script("return window.itukgEditor.getValue()")
    assert "VALUES (?key ?aggregate)" in value
    assert _same_origin_only(browser, site)

    # the API documentation, offline too
    browser.get(site + "/docs")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
    assert _same_origin_only(browser, site)


def _same_origin_only(browser: object, site: str) -> bool:
    """Every resource the page loaded came from the service."""
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    outside = [u for u in urls if not u.startswith(site + "/")]
    assert outside == [], outside
    return True
