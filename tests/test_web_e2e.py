"""The web page end to end: a real store (seed corpus + examples, real services), the real server in
a background thread, and Debian's headless Chromium driven by Playwright.

A person's path through the page: wait for the table, filter by province, see the map group the
overlapping strikes and name the places, open the Hajin strike, read its evidence highlighted in the
article, the article's rejected sentences and dropped blocks, and its disputed death toll per source.
Then: the held-back toggle; a review with a pasted write token (a wrong token refused, the right one
sent as a bearer header, the correction and its audit entry shown); the timeline's bins following
the span; and a hostile article (script and onerror payloads in its title, outlet, url and text)
posted through the API and opened: the page must show the payloads as text and run none of them.

Every wait is on a condition (Playwright's expect), never a fixed sleep. The screenshots go to
out/e2e/ (kept by CI as artifacts). Skipped (with the reason) when the ``playwright`` package or a
Chromium binary is missing. The browser is never downloaded: ``EVENTDESK_CHROMIUM`` names the
binary (default /usr/bin/chromium); .ci/run installs Debian's chromium when it is missing.
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
PROVINCE = "Deir-ez-Zor"  # the OCHA name (data/admin1.csv)
PAGE_SIZE = 50  # the page's default rows per page
MIN_RADIUS = 6  # web/static/map.js: the smallest marker's radius in pixels
EXPECT_TIMEOUT_MS = 20_000  # a shared two-core machine can be slow; expect() polls until then
# Debian's chromium, headless, without the services a CI box has no use for (a fresh profile each launch)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

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
    api.expect.set_options(timeout=EXPECT_TIMEOUT_MS)
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
        # Playwright gives each launch a fresh temporary --user-data-dir
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def problems() -> list[str]:
    """Script errors and CSP violations the page reported; a test may remove the ones it caused."""
    return []


@pytest.fixture
def page(browser, problems):
    """A 1280x800 page in a fresh context (no storage) that records script errors and
    Content-Security-Policy violations; the test fails if any is left at the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(EXPECT_TIMEOUT_MS)
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
    page.screenshot(path=str(path), animations="disabled")  # transitions (a popup fading in) finished
    request.node.user_properties.append(("screenshot", str(path)))
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # shown in the run's output, even with -q
            reporter.write_line(f"\nscreenshot: {path}")
    return path


def _rows(page):
    return page.locator("#events-table tbody tr[data-event-id]")


def _open(page, url: str, sync_api) -> None:
    page.goto(url)
    sync_api.expect(page.locator("body[data-ready=true]")).to_be_attached()


def _overlapping_labels(page) -> list[list[str]]:
    """Pairs of map names whose boxes overlap (none should)."""
    return page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('#map .map-label')].map((l) => [l.textContent,
            l.getBoundingClientRect()]);
        const out = [];
        boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
            if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push([a, b]);
        }));
        return out;
    }""")


def _months(days: list[str]) -> list[str]:
    return sorted({d[:7] + "-01" for d in days})


def test_filter_by_province_and_read_the_hajin_strike(page, server, request, sync_api):
    expect = sync_api.expect
    everything = _get(server, "/api/events", limit="1000")
    in_province = _get(server, "/api/events", admin1=PROVINCE, limit="1000")
    hajin = next(e for e in in_province["events"] if e["event_date"] == HAJIN_DATE)
    albu_kamal = next(e for e in in_province["events"] if e["location"] == "Albu Kamal")
    assert "fatalities" in hajin["disputed"]
    days = [r["key"] for r in _get(server, "/api/stats", by="day")["rows"] if r["key"]]

    _open(page, server, sync_api)
    expect(_rows(page)).to_have_count(min(everything["total"], PAGE_SIZE))
    expect(page.locator("#map .event-marker, #map .event-cluster").first).to_be_attached()
    # three years of events: the timeline counts per month, one bar per month with events
    expect(page.locator("#timeline-unit")).to_have_text("month")
    bins = page.locator("#timeline g.bin")
    expect(bins).to_have_count(len(_months(days)))
    assert [b.get_attribute("data-bin") for b in bins.all()] == _months(days)
    expect(page.locator('#map .country-label[data-name="Saudi Arabia"]')).to_be_visible()  # country names
    assert _overlapping_labels(page) == []

    page.get_by_label("Province").select_option(PROVINCE)
    expect(_rows(page)).to_have_count(in_province["total"])
    shown = {r.get_attribute("data-event-id") for r in _rows(page).all()}
    assert shown == {e["event_id"] for e in in_province["events"]}
    assert "admin1=Deir-ez-Zor" in page.url
    csv_link = page.locator("#download-csv").get_attribute("href")
    assert csv_link == "/api/export.csv?admin1=Deir-ez-Zor"
    with urllib.request.urlopen(server + csv_link, timeout=10) as response:
        assert len(response.read().decode().strip().splitlines()) == 1 + in_province["total"]

    # Hajin and Albu Kamal, 30 km apart, would overlap at this zoom: one numbered marker lists both
    cluster = page.locator(f'#map .event-cluster[data-event-ids~="{hajin["event_id"]}"]')
    expect(cluster).to_have_attribute("data-count", "2")
    assert set(cluster.get_attribute("data-event-ids").split()) == {hajin["event_id"], albu_kamal["event_id"]}
    expect(cluster).to_have_class(re.compile(r"\bhas-disputed\b"))
    expect(page.locator("#map path.event-marker")).to_have_count(in_province["total"] - 2)
    expect(page.locator(".map-legend .legend-title")).to_have_text(f"{in_province['total']} events on the map")
    for box in (m.bounding_box() for m in page.locator("#map path.event-marker").all()):
        assert min(box["width"], box["height"]) >= 2 * MIN_RADIUS - 0.5, box  # a 0-death event too
    expect(page.locator('#map .country-label[data-name="Syria"]')).to_be_visible()
    cluster.click()
    listed = page.locator(".leaflet-popup .cluster-event")
    expect(listed).to_have_count(2)
    expect(listed.filter(has_text="Hajin")).to_contain_text("2018-04-19")
    _screenshot(page, request, "map-grouped-events")
    page.locator(".leaflet-popup .cluster-zoom").click()
    marker = page.locator(f'#map path[data-event-id="{hajin["event_id"]}"]')
    expect(marker).to_have_class(re.compile(r"\bdisputed\b"))
    assert marker.get_attribute("stroke-dasharray") == "4 3"  # a dashed outline
    expect(page.locator("#map path.event-marker")).to_have_count(in_province["total"])
    expect(page.locator("#map .event-cluster")).to_have_count(0)
    expect(page.locator('#map .place-label[data-name="Hajin"]')).to_be_visible()  # place names beside markers
    expect(page.locator('#map .place-label[data-name="Albu Kamal"]')).to_be_visible()
    assert _overlapping_labels(page) == []

    row = page.locator(f'#events-table tr[data-event-id="{hajin["event_id"]}"]')
    expect(row).to_contain_text("Hajin")
    row.click()
    panel = page.locator(f'#event-panel[data-event-id="{hajin["event_id"]}"]')
    expect(panel).to_be_visible()
    expect(page.locator("#panel-title")).to_have_text("Air/drone strike, Hajin, Deir-ez-Zor, Syria")

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

    # the article's rejected sentences and dropped blocks, each with its reason, as the API gives them
    article = _get(server, f"/api/articles/{urllib.parse.quote(sentence['article_id'], safe='')}")
    assert article["rejections"] and article["dropped"]
    view = page.locator(f'#panel-article-text[data-article-id="{sentence["article_id"]}"]')
    rejected = view.locator(".article-rejections")
    expect(rejected.locator("summary")).to_have_text(f"Rejected sentences ({len(article['rejections'])})")
    rejected.locator("summary").click()
    items = rejected.locator("li")
    expect(items).to_have_count(len(article["rejections"]))
    chars = list(article["text"])  # offsets count code points, as Python's str does
    for item, r in zip(items.all(), article["rejections"], strict=True):
        expect(item.locator(".rejection-reason")).to_have_text(r["reason"])
        expect(item.locator(".rejection-text")).to_have_text("".join(chars[r["start"]:r["end"]]))
    first = article["rejections"][0]
    in_text = view.locator(f'.article-text mark.hl-rejected[data-start="{first["start"]}"]')
    expect(in_text).to_have_text("".join(chars[first["start"]:first["end"]]))
    items.first.get_by_role("button", name="in the text").click()
    expect(in_text).to_be_in_viewport()
    dropped = view.locator(".article-dropped")
    expect(dropped.locator("summary")).to_have_text(f"Dropped blocks ({len(article['dropped'])})")
    dropped.locator("summary").click()
    blocks = dropped.locator("li")
    expect(blocks).to_have_count(len(article["dropped"]))
    for block, d in zip(blocks.all(), article["dropped"], strict=True):
        expect(block.locator(".dropped-reason")).to_have_text(d["reason"])
        expect(block.locator(".dropped-text")).to_have_text(d["text"])
    rejected.scroll_into_view_if_needed()
    _screenshot(page, request, "article-rejections-and-dropped")

    # the merge rationale and the sources
    expect(page.locator("#panel-links")).to_contain_text("date: same day")
    expect(page.locator("#panel-sources li")).to_have_count(hajin["source_count"])
    _screenshot(page, request, "hajin-evidence")

    # a marker opens the panel too (dispatched: markers of nearby events may overlap)
    page.locator("#panel-close").click()
    expect(page.locator("#event-panel")).to_be_hidden()
    marker.dispatch_event("click")
    expect(panel).to_be_visible()


def test_held_back_events_toggle(page, server, request, sync_api):
    expect = sync_api.expect
    default = _get(server, "/api/events", limit="1000")
    everything = _get(server, "/api/events", limit="1000", include_incomplete="true")
    held = [e for e in everything["events"] if e["event_id"] not in {d["event_id"] for d in default["events"]}]
    assert held and all(e["event_date"] and not e["admin1"] for e in held)  # the seeds' placeless attack
    _open(page, server, sync_api)
    expect(_rows(page)).to_have_count(min(default["total"], PAGE_SIZE))
    expect(page.locator("#store-summary")).to_contain_text(f"{len(held)} without a date or province are held back")
    expect(page.locator("tr.is-held-back")).to_have_count(0)

    page.get_by_label("Include held-back events").check()
    expect(_rows(page)).to_have_count(min(everything["total"], PAGE_SIZE))
    assert "include_incomplete=true" in page.url
    for event in held:
        row = page.locator(f'#events-table tr[data-event-id="{event["event_id"]}"]')
        expect(row).to_have_class(re.compile(r"\bis-held-back\b"))
        # the seeds' placeless attack: the strikes "on Syria", whose country only is known
        expect(row.locator(".held-badge")).to_have_text("held back: only the country is known")
    expect(page.locator("#map-note")).to_have_text(f"{len(held)} event without coordinates."
                                                   if len(held) == 1 else f"{len(held)} events without coordinates.")
    csv_link = page.locator("#download-csv").get_attribute("href")
    assert csv_link == "/api/export.csv?include_incomplete=true"
    with urllib.request.urlopen(server + csv_link, timeout=10) as response:
        assert len(response.read().decode().strip().splitlines()) == 1 + everything["total"]
    _screenshot(page, request, "held-back-shown")
    page.locator(f'#events-table tr[data-event-id="{held[0]["event_id"]}"]').click()
    expect(page.locator(f'#event-panel[data-event-id="{held[0]["event_id"]}"] .held-notice')).to_contain_text(
        "Held back from exports: only the country is known")
    page.locator("#panel-close").click()

    page.get_by_label("Include held-back events").uncheck()
    expect(_rows(page)).to_have_count(min(default["total"], PAGE_SIZE))
    assert "include_incomplete" not in page.url


def test_review_a_field_with_a_pasted_token_and_see_the_audit_trail(page, server, request, sync_api, problems):
    from eventdesk.store._review import REVIEWABLE

    expect = sync_api.expect
    target = next(e for e in _get(server, "/api/events", limit="1000")["events"]
                  if e["event_date"] == "2020-05-14" and e["location"] == "Khanaqin")
    before = target["fatalities"]
    assert _get(server, f"/api/events/{target['event_id']}/reviews")["reviews"] == []
    posted = []
    page.on("request", lambda r: posted.append(r) if r.method == "POST" else None)

    _open(page, f"{server}/?since=2020-05-14&until=2020-05-14", sync_api)
    page.locator(f'#events-table tr[data-event-id="{target["event_id"]}"]').click()
    review = page.locator(f'#event-panel[data-event-id="{target["event_id"]}"] #panel-review')
    expect(review.locator("#review-trail")).to_contain_text("No review yet.")
    # no token yet: only the field to paste it
    expect(review.locator("#review-save")).to_have_count(0)
    review.get_by_label("Write token").fill("not-the-token-0123456789")
    review.get_by_role("button", name="Use token").click()
    options = review.locator("#review-field option")
    assert [o.get_attribute("value") for o in options.all()] == list(REVIEWABLE)  # the page offers what the store takes
    review.get_by_label("Reviewer").fill("Analyst Ana")
    review.get_by_label("Why").fill("Hospital records name seven dead")
    review.get_by_label("Field").select_option("fatalities")
    expect(review.get_by_label("Value")).to_have_value(str(before))
    review.get_by_label("Value").fill("7")
    review.get_by_role("button", name="Save correction").click()
    expect(review.locator("#review-message")).to_contain_text("Not saved: 403")
    problems[:] = [p for p in problems if "status of 403" not in p]  # the refused request, logged by the browser
    assert _get(server, "/api/events", since="2020-05-14", until="2020-05-14")["events"]

    review.get_by_role("button", name="Forget the token").click()
    review.get_by_label("Write token").fill(TOKEN)
    review.get_by_role("button", name="Use token").click()
    review.get_by_label("Why").fill("Hospital records name seven dead")
    review.get_by_label("Field").select_option("fatalities")
    review.get_by_label("Value").fill("7")
    review.get_by_role("button", name="Save correction").click()
    review = page.locator(f'#event-panel[data-event-id="{target["event_id"]}"] #panel-review')
    expect(review.locator("#review-message")).to_have_text("Saved: fatalities = 7.")
    entry = review.locator('#review-trail tr[data-action="correct"]')
    expect(entry).to_have_count(1)
    expect(entry.locator("td")).to_have_text([re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"), "Analyst Ana",
                                             "correct", "fatalities", str(before), "7",
                                             "Hospital records name seven dead"])
    expect(page.locator(f'#events-table tr[data-event-id="{target["event_id"]}"] td.deaths')).to_have_text("7")
    entry.scroll_into_view_if_needed()
    _screenshot(page, request, "review-audit-trail")

    # stored, with the audit entry, through the token sent as a bearer header and nowhere else
    row = next(e for e in _get(server, "/api/events", since="2020-05-14", until="2020-05-14")["events"]
               if e["event_id"] == target["event_id"])
    assert row["fatalities"] == 7 and "fatalities" in row["reviewed"]
    (trail,) = _get(server, f"/api/events/{target['event_id']}/reviews")["reviews"]
    assert (trail["reviewer"], trail["field"], trail["before"], trail["after"]) == ("Analyst Ana", "fatalities",
                                                                                 before, 7)
    writes = [r for r in posted if r.url.endswith(f"/api/events/{target['event_id']}/review")]
    assert [r.all_headers().get("authorization") for r in writes] == ["Bearer not-the-token-0123456789",
                                                                     f"Bearer {TOKEN}"]
    assert all(TOKEN not in r.url for r in posted)
    assert TOKEN not in page.url and TOKEN not in page.content()
    assert page.evaluate("sessionStorage.getItem('eventdesk.writeToken')") == TOKEN


def test_timeline_bins_follow_the_span(page, server, request, sync_api):
    expect = sync_api.expect
    may = _get(server, "/api/stats", by="day", since="2020-05-01", until="2020-05-31")["rows"]
    _open(page, f"{server}/?since=2020-05-01&until=2020-05-31", sync_api)
    expect(page.locator("#timeline-unit")).to_have_text("day")
    bins = page.locator("#timeline g.bin")
    expect(bins).to_have_count(len(may))
    assert [b.get_attribute("data-bin") for b in bins.all()] == [r["key"] for r in may]
    assert [int(b.get_attribute("data-events")) for b in bins.all()] == [r["events"] for r in may]
    # the two Khanaqin clashes share their coordinates: one numbered marker that no zoom separates
    khanaqin = page.locator('#map .event-cluster[data-count="2"]')
    expect(khanaqin).to_have_count(1)
    khanaqin.click()
    expect(page.locator(".leaflet-popup .cluster-head")).to_have_text("2 events at the same place")
    expect(page.locator(".leaflet-popup .cluster-zoom")).to_have_count(0)
    page.locator(".leaflet-popup .cluster-event", has_text="2020-05-14").click()
    expect(page.locator("#event-panel")).to_be_visible()
    expect(page.locator("#panel-title")).to_contain_text("Khanaqin")
    page.locator("#panel-close").click()

    # half a year: weeks (bins start on Mondays); clicking one filters to its seven days
    page.fill("#filter-since", "2020-03-01")
    page.fill("#filter-until", "2020-08-15")
    expect(page.locator("#timeline-unit")).to_have_text("week")
    expect(bins).to_have_count(2)
    assert [b.get_attribute("data-bin") for b in bins.all()] == ["2020-04-27", "2020-05-11"]
    _screenshot(page, request, "timeline-weeks")
    bins.last.locator("rect.hit").click()
    expect(page.locator("#filter-since")).to_have_value("2020-05-11")
    expect(page.locator("#filter-until")).to_have_value("2020-05-17")
    expect(page.locator("#timeline-unit")).to_have_text("day")
    week = _get(server, "/api/events", since="2020-05-11", until="2020-05-17")
    expect(_rows(page)).to_have_count(week["total"])

    # the rule itself, in the page's own module: days up to a month, weeks up to half a year,
    # months up to four years, years beyond
    units = page.evaluate("""async () => {
        const b = await import('/static/bins.js');
        return [['2021-03-09', '2021-03-15'], ['2021-03-01', '2021-03-31'], ['2021-03-01', '2021-04-01'],
                ['2021-01-01', '2021-06-30'], ['2021-01-01', '2021-07-31'], ['2018-04-19', '2021-03-15'],
                ['2010-01-01', '2021-03-15']].map(([f, t]) => b.binUnit(f, t));
    }""")
    assert units == ["day", "day", "week", "week", "month", "month", "year"]
    ends = page.evaluate("""async () => {
        const b = await import('/static/bins.js');
        return [b.binEnd('2020-02-01', 'month'), b.binEnd(b.binStart('2021-03-17', 'week'), 'week'),
                b.binStart('2021-03-17', 'year'), b.allBins('2020-11-20', '2021-02-01', 'month').join(' ')];
    }""")
    assert ends == ["2020-02-29", "2021-03-21", "2021-01-01", "2020-11-01 2020-12-01 2021-01-01 2021-02-01"]


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
