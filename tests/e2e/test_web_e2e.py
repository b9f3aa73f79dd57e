"""End to end in Debian's chromium: the seeds' story read the way an analyst reads it.

Playwright for Python drives /usr/bin/chromium (never a downloaded browser) against uvicorn
serving the app on a free loopback port. Screenshots go to tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _web_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ServerThread,
    build_store,
    chromium_missing,
    write_hostile_inputs,
)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(bool(chromium_missing()), reason=chromium_missing() or "")]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(seed_run):
    _, out = seed_run
    with ServerThread(out / "storyline.db") as s:
        yield s


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    yield pg
    ctx.close()


def _main_story(server) -> dict:
    import httpx

    stories = httpx.get(server.base + "/api/stories?limit=500").json()["items"]
    return max(stories, key=lambda s: len(s["articles"]))


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def test_web_e2e_story_page_and_citation(server, page):
    story = _main_story(server)
    page.goto(server.base + "/")
    page.click(f'a[href="/stories/{story["id"]}"]')
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.locator("h1.headline").inner_text().strip()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / "story-top.png"))
    # The first citation: in the summary when there is one, else in the timeline's event list.
    cite = page.locator(".summary a.cite").first
    if page.locator(".summary a.cite").count() == 0:
        page.locator(".events-list summary").click()  # the event list may start folded
        cite = page.locator(".timeline a.cite").first
    assert cite.count() == 1, "the story has no citation to click"
    citing = cite.locator("xpath=ancestor::li[1]").inner_text()
    cite.click()
    page.wait_for_url(re.compile(r".*/articles/[0-9a-f]+#s-\d+-\d+$"))
    target = page.locator(".sent:target")
    assert target.count() == 1
    # Landed on it: the sentence is on screen and highlighted.
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    bg = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert len(_words(target.inner_text()) & _words(citing)) >= 2
    page.screenshot(path=str(ARTIFACTS / "citation-target.png"))


def test_web_e2e_timeline_has_dated_events(server, page):
    import httpx

    story = _main_story(server)
    events = httpx.get(server.base + f"/api/events?story={story['id']}&limit=500").json()["items"]
    dated = sorted(e["date"] for e in events if e["date"] and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"]))
    page.goto(server.base + f"/stories/{story['id']}")
    svg = page.locator("svg.timeline-svg")
    assert dated, "the seeds' story should have dated events"
    assert svg.is_visible()
    shown = page.locator("svg.timeline-svg g.event").evaluate_all("gs => gs.map(g => g.dataset.date)")
    assert shown == sorted(shown) and len(shown) == min(len(dated), 60)
    assert shown[0] == dated[0]
    label = page.locator("svg.timeline-svg g.event text").first.text_content()
    assert dated[0] in label


def test_web_e2e_filter_quotes_by_speaker(server, page):
    story = _main_story(server)
    page.goto(server.base + f"/stories/{story['id']}")
    groups = page.locator(".speaker-group")
    n = groups.count()
    assert n >= 1, "the seeds' story should have quotes"
    select = page.locator("select.speaker-filter")
    key = page.locator(".speaker-group").nth(n - 1).get_attribute("data-speaker")
    select.select_option(key)
    visible = [g.get_attribute("data-speaker") for g in groups.all() if g.is_visible()]
    assert visible == [key]
    select.select_option("")
    assert sum(1 for g in groups.all() if g.is_visible()) == n
    # A quote's source link opens the article with the quote lit up (by /static/app.js).
    link = page.locator(".speaker-group a.src").first
    link.click()
    page.wait_for_url(re.compile(r".*/articles/[0-9a-f]+#q-\d+-\d+$"))
    assert page.locator(".quote.hl").count() >= 1


def test_web_e2e_search_soleimani(server, page):
    page.goto(server.base + "/")
    page.fill("header input[name=q]", "Soleimani")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Soleimani")
    marks = page.locator("mark")
    assert marks.count() >= 1
    assert all(m.lower().startswith("soleimani") for m in marks.all_inner_texts())
    page.locator(".results-article a").first.click()
    page.wait_for_url(re.compile(r".*/articles/[0-9a-f]+$"))
    assert "Soleimani" in page.locator(".article-text").inner_text()


def test_web_e2e_no_script_runs_from_hostile_articles(browser, tmp_path):
    import httpx

    inputs = write_hostile_inputs(tmp_path / "in")
    db = build_store([inputs], tmp_path / "out")
    dialogs: list[str] = []
    csp_reports: list[str] = []
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: csp_reports.append(m.text) if "Content Security Policy" in m.text else None)
    with ServerThread(db) as srv:
        data = httpx.get(srv.base + "/api/articles?limit=500").json()["items"]
        stories = httpx.get(srv.base + "/api/stories?limit=500").json()["items"]
        ents = httpx.get(srv.base + "/api/entities?limit=500").json()["items"]
        urls = ["/", "/errors", "/search?q=script", "/search?q=<script>alert(1)</script>"]
        urls += [f"/articles/{a['id']}" for a in data] + [f"/stories/{s['id']}" for s in stories]
        urls += [f"/entities/{e['id']}" for e in ents]
        for u in urls:
            pg.goto(srv.base + u)
            pg.wait_for_load_state("load")
            # Hover and click whatever links the payload text sits in, as a reader would.
            for el in pg.locator(".article-text a").all()[:5]:
                el.hover()
        pg.goto((tmp_path / "out" / "report" / "report.html").as_uri())
        pg.wait_for_load_state("load")
    ctx.close()
    assert not dialogs, dialogs
    assert not csp_reports, csp_reports  # nothing even tried to run and got blocked


def test_web_e2e_static_report_citation_is_an_in_page_jump(seed_run, page):
    _, out = seed_run
    report = out / "report" / "report.html"
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    cite = page.locator(".summary a.cite").first
    if cite.count() == 0:
        page.locator(".events-list summary").first.click()
        cite = page.locator(".timeline a.cite").first
    href = cite.get_attribute("href")
    assert re.fullmatch(r"#a-[0-9a-f]+-s-\d+-\d+", href), href
    cite.click()
    target = page.locator(".sent:target")
    assert target.count() == 1 and target.get_attribute("id") == href[1:]
    assert target.bounding_box()["y"] < 900
    # Self-contained: the page fetched nothing but itself.
    assert all(u.startswith("file://") for u in requests), requests
