"""The page in a real headless Chromium (Debian's, driven by Playwright for Python), against a
real `legation serve`. `make test` installs Chromium; without it these tests fail and say so,
unless LEGATION_SKIP_BROWSER=1 asks, out loud, for them to be skipped."""

import json
import os
import re
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LEGATION_CHROMIUM", "/usr/bin/chromium")
# Flags for a root, headless, offline machine: no sandbox (root), no GPU, no calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]  # fmt: skip
TOKEN = "test-token"
ARTICLE = (
    "Poland reopened its embassy in North Korea on Friday, the second Western country to return.\n\n"
    "Intelligence reports suggest up to 12,000 North Korean troops have been sent to Russia's Kursk region. "
    "NATO claims Russia is exchanging missile technology with North Korea."
)


@pytest.fixture(scope="module")
def browser():
    if os.environ.get("LEGATION_SKIP_BROWSER") == "1":
        pytest.skip("LEGATION_SKIP_BROWSER=1: page tests skipped on request")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make test` (it installs Debian's chromium) or set "
                    "LEGATION_CHROMIUM to a Chromium binary")  # fmt: skip
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda err: errors.append(str(err)))
    pg.set_default_timeout(30_000)
    pg.base = server.url
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser, desk_server):
    """A page on the server whose database the tests only read."""
    yield from _page(browser, desk_server)


@pytest.fixture
def writer_page(browser, writer_server):
    """A page on the server that articles are saved to."""
    yield from _page(browser, writer_server)


def drawn(pg, view: str, *parts: str) -> None:
    """Wait until the page says it has drawn this view for this state."""
    pg.wait_for_selector(f'body[data-drawn="{view}|{"|".join(parts)}"]')


def slide_to(pg, day: str) -> None:
    """Move the date slider as a person would: drag it, then let go (fill sets the value and
    fires the slider's input and change events)."""
    number = pg.evaluate("(iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000)", day)
    pg.locator("#date-slider").fill(str(number))


def test_page_and_its_libraries_load(page):
    page.goto(page.base + "/")
    page.wait_for_selector('body[data-drawn^="map|"]')
    today = page.evaluate("new Date().toISOString().slice(0, 10)")
    assert f"at={today}" in page.url
    drawn(page, "map", today, "", "present")
    assert page.title().startswith("Legation")
    assert page.evaluate("typeof L.geoJSON === 'function' && typeof cytoscape === 'function' && !!vis.Timeline")
    assert page.locator("#map path.leaflet-interactive").count() > 200  # country outlines from world-atlas
    assert "Click a country" in page.inner_text("#country-title")


def test_date_slider_changes_the_map_and_the_url(page):
    page.goto(page.base + "/?view=map&at=2019-06-01&host=PRK")
    drawn(page, "map", "2019-06-01", "PRK", "present")
    row = lambda sender: page.locator("#present-table tr", has_text=sender).first  # noqa: E731
    assert row("United Kingdom").get_attribute("data-status") == "operating"
    assert page.locator("path.mission-line.status-suspended").count() == 0
    slide_to(page, "2024-11-20")
    drawn(page, "map", "2024-11-20", "PRK", "present")
    assert page.input_value("#date-input") == "2024-11-20"
    assert "at=2024-11-20" in page.url  # the link to share
    assert row("United Kingdom").get_attribute("data-status") == "suspended"
    assert row("Poland").get_attribute("data-status") == "reopened_limited"
    assert page.locator("path.mission-line.status-suspended").count() >= 5  # UK, Germany, Czechia, Romania, Bulgaria
    assert "Sweden" in page.inner_text("#present-summary")
    # the shared link shows the same thing to someone else
    other = page.context.new_page()
    other.goto(page.url)
    drawn(other, "map", "2024-11-20", "PRK", "present")
    assert other.inner_text("#present-table") == page.inner_text("#present-table")
    other.close()


def test_clicking_a_country_shows_who_is_there(page):
    page.goto(page.base + "/?view=map&at=2024-11-20")
    drawn(page, "map", "2024-11-20", "", "present")
    page.evaluate("desk.map.setView([40, 127], 5, {animate: false})")
    x, y = page.evaluate("(() => { const p = desk.map.latLngToContainerPoint([40.3, 126.9]); return [p.x, p.y]; })()")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    drawn(page, "map", "2024-11-20", "PRK", "present")
    assert page.inner_text("#country-title") == "North Korea on 2024-11-20"
    table = page.inner_text("#present-table")
    for sender in ("Sweden", "Poland", "China", "United Kingdom"):
        assert sender in table
    assert "Sweden represents United States in North Korea" in page.inner_text("#protecting-list")
    assert "host=PRK" in page.url
    twin = page.get_attribute("#map-json", "href")
    with urllib.request.urlopen(page.base + twin) as resp:  # the view's JSON twin
        data = json.load(resp)
    assert data["code"] == "PRK" and len(data["present"]) == page.locator("#present-table tbody tr").count()


def test_network_follows_the_date(page):
    page.goto(page.base + "/?view=network&at=2024-11-20&a=NATO&b=North+Korea")
    drawn(page, "network", "2024-11-20", "NATO", "North Korea")
    parent = "(code) => { const n = desk.cy.getElementById(code); return n.length ? n.parent().id() || 'none' : 'absent'; }"
    assert page.evaluate(parent, "SWE") == "grp:NATO"
    staffed_2024 = page.evaluate("desk.cy.edges('.staffed').map((e) => e.source().id()).sort()")
    assert staffed_2024 == ["POL", "SWE"]
    assert page.evaluate("desk.cy.edges('.protecting').length") >= 2  # the US through Sweden
    summary_2024 = page.inner_text("#net-summary")
    slide_to(page, "2019-06-01")
    drawn(page, "network", "2019-06-01", "NATO", "North Korea")
    assert page.evaluate(parent, "SWE") == "none"  # Sweden is there as a protecting power, not a NATO member
    assert "SWE" not in page.evaluate("desk.cy.edges('.staffed').map((e) => e.source().id())")
    assert page.inner_text("#net-summary") != summary_2024
    assert "a=NATO" in page.url and "at=2019-06-01" in page.url


def test_article_view_highlights_events(writer_page):
    page = writer_page
    page.goto(page.base + "/?view=article&at=2024-11-20")
    drawn(page, "article", "")
    page.fill("#art-title", "Poland returns")
    page.fill("#art-published", "2024-11-20")
    page.fill("#art-text", ARTICLE)
    page.fill("#art-token", "wrong")
    page.click("#art-go")
    page.wait_for_selector("#notice.error")
    assert "wrong token" in page.inner_text("#notice")
    page.fill("#art-token", TOKEN)
    page.click("#art-go")
    page.wait_for_selector("#art-text-out mark.ev")
    asserted = page.locator("mark.ev.m-asserted", has_text="Poland reopened its embassy")
    assert asserted.count() == 1
    assert asserted.locator("u.trigger").inner_text() == "reopened"
    assert page.locator("mark.ev.m-claimed", has_text="NATO claims Russia").count() == 1
    assert page.locator("mark.ev.m-hedged", has_text="Intelligence reports suggest").count() == 1
    events = page.inner_text("#art-events")
    assert "according to NATO (claims)" in events and "at most 12000 troops" in events
    # The checks beside the text: the ordinal claim holds, the claimed arms transfer stays a claim.
    checks = page.locator("#art-claims li")
    assert checks.count() >= 3
    assert page.locator("#art-claims li.v-supported", has_text="second Western state to reopen").count() == 1
    assert page.locator("#art-claims li", has_text="claim by NATO").locator(".badge.v-supported").count() == 0
    assert page.locator("mark.ev .verdict.v-supported").count() >= 1
    page.wait_for_function("document.querySelector('#art-brief').textContent.includes('## At a Glance')")
    assert "According to NATO" in page.inner_text("#art-brief")
    doc = re.search(r"doc=([0-9a-f]+)", page.url)[1]
    # The link opens the same article, read back from the ledger.
    page.goto(page.url)
    drawn(page, "article", doc)
    assert page.locator("mark.ev.m-claimed", has_text="NATO claims Russia").count() == 1
    assert "Poland returns" in page.inner_text("#doc-list")
    page.wait_for_selector("#art-claims li.v-supported")


def test_timeline_styles_reported_events_apart(writer_page, writer_server):
    page, desk_server = writer_page, writer_server
    body = json.dumps({"text": ARTICLE, "published": "2024-11-20"}).encode()
    req = urllib.request.Request(desk_server.url + "/api/v1/documents", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    urllib.request.urlopen(req).close()
    page.goto(page.base + "/?view=timeline&at=2024-11-20&actor=PRK")
    drawn(page, "timeline", "2024-11-20", "PRK", "", "", "false")
    assert page.locator(".vis-item.m-asserted").count() > 5
    reported = page.locator(".vis-item.reported")
    assert reported.count() >= 2  # hedged and claimed, placed on the day they were reported
    assert "italic" in reported.first.evaluate("(e) => getComputedStyle(e).fontStyle")
    page.select_option("#tl-type", "SANCTION")
    page.click("#tl-go")
    drawn(page, "timeline", "2024-11-20", "PRK", "SANCTION", "", "false")
    assert page.locator(".vis-item.reported").count() == 0
    labels = page.locator(".vis-item .vis-item-content").all_inner_texts()
    assert labels and all("suspended" in t or "closed" in t or "expelled" in t or "recalled" in t for t in labels), labels
    assert "type=SANCTION" in page.url
