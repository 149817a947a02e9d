"""The web page end to end: a real store (seed corpus + examples, real services), the real server in
a background thread, and Debian's headless Chromium driven by Playwright.

A person's path through the page: wait for the table, filter by province, open the Hajin strike,
read its evidence highlighted in the article and its disputed death toll per source. Then a hostile
article (script and onerror payloads in its title, outlet, url and text) is posted through the API
and opened: the page must show the payloads as text and run none of them.

Skipped (with the reason) when the ``playwright`` package or a Chromium binary is missing. The
browser is never downloaded: ``EVENTDESK_CHROMIUM`` names the binary (default /usr/bin/chromium).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from eventdesk.api import create_app
from eventdesk.app import extract
from eventdesk.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "out" / "e2e"
CHROMIUM = os.environ.get("EVENTDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
TOKEN = "e2e-token-0123456789abcdef"
HAJIN_DATE = "2018-04-19"
PROVINCE = "Deir ez-Zor"
PAGE_SIZE = 50  # the page's default rows per page

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE = {
    "id": "hostile-wire-2019-07-03",
    "title": f"{SCRIPT}Gunmen kill four villagers in Zamfara",
    "outlet": f"{IMG}Hostile Wire",
    "published": "2019-07-03",
    "url": "javascript:window.__pwned=1",
    "text": f"Gunmen kill four villagers in Zamfara {SCRIPT}\n\n"
            f"Gunmen killed four villagers in Maru in Zamfara state on Tuesday, police said. {IMG}\n\n"
            "Residents said the attackers arrived on motorcycles and set fire to several houses.",
}


@pytest.fixture(scope="module")
def sync_api():
    api = pytest.importorskip("playwright.sync_api",
                              reason="the 'playwright' package is not installed (pip install -e '.[test]')")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set EVENTDESK_CHROMIUM); "
                    "the e2e test never downloads a browser")
    return api


@pytest.fixture(scope="module")
def db(sync_api, services, shared_dir, examples_manifest, tmp_path_factory):
    path = tmp_path_factory.mktemp("web-e2e") / "web.db"
    extract([str(shared_dir / "corpus" / "seeds" / "manifest.jsonl"), str(examples_manifest)],
            Settings(db=str(path), progress=False), services=services)
    return path


@pytest.fixture(scope="module")
def server(db, services):
    """The real app under uvicorn on a free loopback port, in a background thread."""
    import uvicorn

    app = create_app(Settings(db=str(db), write_token=TOKEN), services_loader=lambda settings: services)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, name="e2e-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(sync_api):
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A 1280x800 page that records script errors and Content-Security-Policy violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error" or "Content Security Policy" in msg.text else None)
    yield page
    context.close()
    assert not problems, problems


def _get(base: str, path: str, **params: str) -> dict:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{base}{path}{query}", timeout=10) as response:
        return json.load(response)


def _screenshot(page, request, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    request.node.user_properties.append(("screenshot", str(path)))
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # shown in the run's output, even with -q
            reporter.write_line(f"\nscreenshot: {path}")
    return path


def _rows(page):
    return page.locator("#events-table tbody tr[data-event-id]")


def test_filter_by_province_and_read_the_hajin_strike(page, server, request, sync_api):
    expect = sync_api.expect
    everything = _get(server, "/api/events", limit="1000")
    in_province = _get(server, "/api/events", admin1=PROVINCE, limit="1000")
    hajin = next(e for e in in_province["events"] if e["event_date"] == HAJIN_DATE)
    assert "fatalities" in hajin["disputed"]

    page.goto(server)
    expect(_rows(page)).to_have_count(min(everything["total"], PAGE_SIZE))
    expect(page.locator("#map path.event-marker").first).to_be_attached()

    page.get_by_label("Province").select_option(PROVINCE)
    expect(_rows(page)).to_have_count(in_province["total"])
    shown = {r.get_attribute("data-event-id") for r in _rows(page).all()}
    assert shown == {e["event_id"] for e in in_province["events"]}
    assert "admin1=Deir+ez-Zor" in page.url
    csv_link = page.locator("#download-csv").get_attribute("href")
    assert csv_link == "/api/export.csv?admin1=Deir+ez-Zor"
    with urllib.request.urlopen(server + csv_link, timeout=10) as response:
        assert len(response.read().decode().strip().splitlines()) == 1 + in_province["total"]

    marker = page.locator(f'#map path[data-event-id="{hajin["event_id"]}"]')
    expect(marker).to_have_class(re.compile(r"\bdisputed\b"))
    assert marker.get_attribute("stroke-dasharray") == "4 3"  # a dashed outline
    expect(page.locator("#map path.event-marker")).to_have_count(in_province["total"])

    row = page.locator(f'#events-table tr[data-event-id="{hajin["event_id"]}"]')
    expect(row).to_contain_text("Hajin")
    row.click()
    panel = page.locator(f'#event-panel[data-event-id="{hajin["event_id"]}"]')
    expect(panel).to_be_visible()
    expect(page.locator("#panel-title")).to_have_text("Air/drone strike, Hajin, Deir ez-Zor, Syria")

    # the disputed death toll, side by side per source
    deaths = page.locator('#panel-disputes .dispute[data-field="fatalities"]')
    expect(deaths).to_be_visible()
    expect(deaths.locator(".claim-card")).to_have_count(hajin["source_count"])
    expect(deaths.locator('.claim-card[data-outlet="Diyaruna"] .claim-value')).to_have_text("36")
    expect(deaths.locator('.claim-card[data-outlet="Diyaruna"]')).to_contain_text("attributed to Yahya Rasul")
    expect(deaths.locator('.claim-card[data-outlet="Antiwar.com"] .claim-value')).to_have_text("no figure given")
    expect(deaths.locator('.claim-card[data-outlet="Antiwar.com"]')).to_contain_text("unknown")
    _screenshot(page, request, "hajin-disputed")

    # the evidence sentence naming Hajin, highlighted inside its article's text
    detail = _get(server, f"/api/events/{hajin['event_id']}")
    sentence = next(e for e in detail["evidence"] if "Hajin" in e["text"])
    page.locator("#panel-evidence li", has_text="Hajin").get_by_role("button").click()
    mark = page.locator("#panel-article-text mark.hl-evidence", has_text="Hajin")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(sentence["text"])
    expect(mark).to_be_in_viewport()
    expect(mark.locator("mark.hl-word", has_text="Hajin")).to_be_visible()
    expect(page.locator(f'.article-tab[data-article-id="{sentence["article_id"]}"]')).to_have_attribute(
        "aria-selected", "true")

    # the merge rationale and the sources
    expect(page.locator("#panel-links")).to_contain_text("date: same day")
    expect(page.locator("#panel-sources li")).to_have_count(hajin["source_count"])
    _screenshot(page, request, "hajin-evidence")

    # a marker opens the panel too (dispatched: markers of nearby events may overlap)
    page.locator("#panel-close").click()
    expect(page.locator("#event-panel")).to_be_hidden()
    marker.dispatch_event("click")
    expect(panel).to_be_visible()


def test_hostile_article_is_shown_as_text_and_runs_nothing(page, server, request, sync_api):
    expect = sync_api.expect
    body = json.dumps({"articles": [HOSTILE]}).encode()
    post = urllib.request.Request(f"{server}/api/articles", data=body, method="POST", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(post, timeout=30) as response:
        ingested = json.load(response)
    (event,) = ingested["events"]
    assert event["country"] == "Nigeria" and event["event_date"] == "2019-07-02", event

    page.goto(server)
    expect(_rows(page).first).to_be_attached()
    page.fill("#filter-since", "2019-07-01")
    page.fill("#filter-until", "2019-07-07")
    expect(_rows(page)).to_have_count(1)
    page.locator(f'#events-table tr[data-event-id="{event["event_id"]}"]').click()
    expect(page.locator(f'#event-panel[data-event-id="{event["event_id"]}"]')).to_be_visible()
    expect(page.locator("#panel-article-text .article-text")).to_contain_text(IMG)

    panel = page.locator("#event-panel")
    expect(panel.locator(".article-title")).to_have_text(HOSTILE["title"])
    expect(panel.locator("#panel-sources")).to_contain_text(HOSTILE["title"])
    expect(panel.locator("#panel-sources")).to_contain_text(HOSTILE["outlet"])
    expect(panel.locator(".article-tab")).to_have_text(HOSTILE["outlet"])
    expect(panel.locator("#panel-article-text")).to_contain_text(SCRIPT)
    # the javascript: url is shown as text, never as a link
    expect(panel.locator(".source-url")).to_have_text(HOSTILE["url"])
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator("#event-panel img, #event-panel script, #events-table img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _screenshot(page, request, "hostile-article")
    assert page.evaluate("typeof window.__pwned") == "undefined"
