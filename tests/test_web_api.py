"""The web app and JSON API over a store built by the real pipeline on the seeds."""

from __future__ import annotations

import html as htmllib
import re
import sqlite3

import markupsafe
import pytest

from _web_support import parse

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402


@pytest.fixture(scope="module")
def seed_db(seed_run):
    _, out = seed_run
    return out / "storyline.db"


@pytest.fixture(scope="module")
def client(seed_db):
    from storyline.web import create_app

    with TestClient(create_app(seed_db)) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(client):
    return client.app.state.reader.corpus().data


def _story_ids(corpus):
    return [s["id"] for s in corpus["stories"]]


def _text_of(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


def test_web_pages_render_with_security_headers(client, corpus):
    pages = ["/", "/errors", "/docs", "/search?q=army"]
    pages += [f"/stories/{s}" for s in _story_ids(corpus)]
    pages += [f"/articles/{a['id']}" for a in corpus["articles"]]
    pages += [f"/entities/{e['id']}" for e in corpus["entities"][:20]]
    for p in pages:
        r = client.get(p)
        assert r.status_code == 200, p
        assert r.headers["content-type"].startswith("text/html")
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        # No inline script anywhere: the CSP would block it, so the pages must not need it.
        for tag, attrs in parse(r.text).tags:
            if tag == "script":
                assert attrs.get("src") == "/static/app.js", p
            assert not any(k.startswith("on") for k in attrs), (p, tag, attrs)
            assert "style" not in attrs, (p, tag, attrs)  # inline style would be blocked too
    assert client.get("/api/stories").headers["content-security-policy"]


def test_web_stories_page_newest_first_with_size_and_outlets(client, corpus):
    r = client.get("/")
    page = r.text
    positions = []
    for s in corpus["stories"]:
        i = page.find(f'href="/stories/{s["id"]}"')
        assert i >= 0
        positions.append((s.get("last_date") or "", i))
    # Newest last_date appears first.
    dates = [d for d, _ in sorted(positions, key=lambda x: x[1])]
    assert dates == sorted(dates, reverse=True)
    assert 'name="q"' in page  # the search box
    s = corpus["stories"][0]
    assert f"{len(s['articles'])} article" in page


def test_web_api_shapes_match_storyline_json(client, corpus):
    import jsonschema

    from storyline.report.contract import schema

    sch = schema()
    for path, key in [("/api/stories", "stories"), ("/api/articles", "articles"), ("/api/entities", "entities"),
                      ("/api/quotes", "quotes"), ("/api/events", "events")]:
        body = client.get(path, params={"limit": 500}).json()
        assert set(body) == {"total", "limit", "offset", "items"}
        assert body["total"] == len(corpus[key])
        item_schema = sch["properties"][key]["items"]
        for item in body["items"]:
            jsonschema.validate(item, item_schema)
        assert body["items"] == corpus[key][:500] or key == "stories"
    for s in corpus["stories"]:
        assert client.get(f"/api/stories/{s['id']}").json() == s
    for a in corpus["articles"]:
        assert client.get(f"/api/articles/{a['id']}").json() == a
        an = client.get(f"/api/articles/{a['id']}/analysis").json()
        assert an["article_id"] == a["id"] and isinstance(an["sentences"], list)
    for e in corpus["entities"][:10]:
        assert client.get(f"/api/entities/{e['id']}").json() == e
    assert client.get("/api/errors").json()["items"] == []


def test_web_api_pagination_bounds(client, corpus):
    n = len(corpus["articles"])
    a = client.get("/api/articles", params={"limit": 2, "offset": 0}).json()
    b = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(a["items"]) == min(2, n) and a["total"] == n
    assert not {x["id"] for x in a["items"]} & {x["id"] for x in b["items"]}
    assert client.get("/api/articles", params={"offset": n + 5}).json()["items"] == []
    assert client.get("/api/articles", params={"limit": 501}).status_code == 422
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422
    sid = corpus["stories"][0]["id"]
    only = client.get("/api/articles", params={"story": sid}).json()
    assert {x["id"] for x in only["items"]} == set(corpus["stories"][0]["articles"])


def test_web_unknown_ids_are_404(client):
    for p in ["/stories/s-nope", "/articles/zzzz", "/entities/ent-nope"]:
        r = client.get(p)
        assert r.status_code == 404 and "Not found" in r.text
    for p in ["/api/stories/s-nope", "/api/articles/zzzz", "/api/entities/ent-nope", "/api/articles/zzzz/analysis"]:
        assert client.get(p).status_code == 404


def test_web_read_only(client, seed_db):
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/stories")
        assert r.status_code == 405
        assert r.headers["content-security-policy"]
    conn = client.app.state.reader.store.conn
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("INSERT INTO state(key, value) VALUES ('x', 'y')")


def test_web_host_header_checked_on_loopback(seed_db):
    from storyline.web import create_app

    with TestClient(create_app(seed_db, allowed_hosts={"127.0.0.1", "localhost"}),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "evil.example:8000"}).status_code == 400


def test_web_citations_land_on_a_sentence_of_the_source(client, corpus):
    """Every citation on a story page points at an anchor that exists on the article page."""
    articles = {a["id"]: a for a in corpus["articles"]}
    checked = unanchored = 0
    for sid in _story_ids(corpus):
        page = client.get(f"/stories/{sid}").text
        for tag, attrs in parse(page).tags:
            if tag != "a" or "cite" not in (attrs.get("class") or "").split():
                continue
            href = attrs["href"]
            m = re.fullmatch(r"/articles/([0-9a-f]+)#s-(\d+)-(\d+)", href)
            if m is None:  # no sentence shares a word with the cited text: the article opens at its top
                assert re.fullmatch(r"/articles/[0-9a-f]+", href), href
                unanchored += 1
                continue
            aid, start, end = m.group(1), int(m.group(2)), int(m.group(3))
            target = parse(client.get(f"/articles/{aid}").text)
            assert f"s-{start}-{end}" in target.ids
            assert 0 <= start < end <= len(articles[aid]["text"])
            checked += 1
    # Every summary sentence with sources and every event with sources gives citations.
    expected = sum(1 for s in corpus["stories"] for x in s.get("summary", []) if x["sources"])
    assert checked >= expected
    assert unanchored <= 0.1 * (checked + unanchored)


def test_web_summary_citation_matches_its_sentence(client, corpus):
    from storyline.web.views import _words

    for s in corpus["stories"]:
        page = client.get(f"/stories/{s['id']}").text
        for x in s.get("summary", []):
            assert htmllib.escape(x["text"], quote=False) in page
        # The sentence a summary citation opens shares most of the summary sentence's words.
        for li in re.findall(r"<li>(.*?)</li>", page.split('class="summary-sentences"')[1].split("</ol>")[0]
                             if 'class="summary-sentences"' in page else "", re.S):
            for aid, a, b in re.findall(r'/articles/([0-9a-f]+)#s-(\d+)-(\d+)', li):
                text = client.get(f"/api/articles/{aid}").json()["text"][int(a):int(b)]
                said = _text_of(li)
                assert len(_words(text) & _words(said)) >= 2


def test_web_timeline_svg_orders_events_by_date(client, corpus):
    for s in corpus["stories"]:
        page = client.get(f"/stories/{s['id']}").text
        dated = re.findall(r'<g class="event[^"]*" data-date="([^"]+)"', page)
        circles = re.findall(r'<circle cx="([\d.]+)"', page)
        assert len(dated) == len(circles)
        assert dated == sorted(dated)
        xs = [float(x) for x in circles]
        assert xs == sorted(xs)  # x follows the date of what happened
    total_dated = sum(len(re.findall(r'data-date="', client.get(f"/stories/{s}").text)) for s in _story_ids(corpus))
    assert total_dated > 0 or not any(e["date"] for e in corpus["events"])


def test_web_quotes_grouped_by_speaker_and_filtered(client, corpus):
    quotes = corpus["quotes"]
    for s in corpus["stories"]:
        page = client.get(f"/stories/{s['id']}").text
        groups = re.findall(r'<div class="speaker-group" data-speaker="([^"]+)">', page)
        options = re.findall(r'<option value="([^"]+)">', page)
        assert groups == options  # one filter option per group
        arts = set(s["articles"])
        n = sum(1 for q in quotes if any(x["article"] in arts for x in q["sources"]))
        if not quotes:  # quotes not merged across articles yet: the page shows each article's own
            n = sum(len(client.get(f"/api/articles/{a}/analysis").json()["quotes"]) for a in arts)
        assert f'Quotes <span class="count">{n}</span>' in page
        counts = [int(x) for x in re.findall(r'<span class="count">(\d+)</span></h3>\n<p class="meta outlets">[^<]*</p>\n<ul>\n<li class="quote-item', page)]
        assert sum(counts) == n
        assert len(re.findall(r'<li class="quote-item ', page)) == sum(min(12, k) for k in counts)
    speakers = {q["speaker"] for q in quotes if q["speaker"]}
    for sp in list(speakers)[:10]:
        got = client.get("/api/quotes", params={"speaker": sp, "limit": 500}).json()["items"]
        assert got and all(q["speaker"] == sp for q in got)
        assert len(got) == sum(1 for q in quotes if q["speaker"] == sp)
        name = next(e["name"] for e in corpus["entities"] if e["id"] == sp)
        by_name = client.get("/api/quotes", params={"speaker": name, "limit": 500}).json()["items"]
        assert {q["id"] for q in got} <= {q["id"] for q in by_name}


def test_web_article_page_keeps_text_and_highlights_offsets(client, corpus):
    for a in corpus["articles"]:
        page = client.get(f"/articles/{a['id']}").text
        body = page.split('<div class="article-text">', 1)[1].split("</div>", 1)[0]
        assert _text_of(body) == a["text"]  # highlighting never changes a character
        an = client.get(f"/api/articles/{a['id']}/analysis").json()
        spans = re.findall(r'<(?:span|a) class="([^"]*)"[^>]*>([^<]*)</(?:span|a)>', body)
        marked_dates = "".join(htmllib.unescape(t) for c, t in spans if "date" in c.split())
        for t in an["times"]:
            assert t["text"].split()[0] in marked_dates
        ents = "".join(htmllib.unescape(t) for c, t in spans if "ent" in c.split())
        for m in an["mentions"]:
            if m["label"] != "PRON":
                assert m["text"].split()[0] in ents
        for q in an["quotes"]:
            assert f'id="q-{q["start"]}-{q["end"]}"' in body
        # Events reported in the article link to sentences of this same page.
        ids = parse(page).ids
        aside = page.split("Events reported here", 1)[1].split("</ul>", 1)[0] if "Events reported here" in page else ""
        for frag in re.findall(r'href="#(s-\d+-\d+)"', aside):
            assert frag in ids
        n_events = sum(1 for e in corpus["events"] if any(s["article"] == a["id"] for s in e["sources"]))
        assert aside.count("<li>") == n_events


def test_web_search_pages_and_api(client, corpus):
    r = client.get("/search", params={"q": "Soleimani"})
    assert r.status_code == 200
    assert "<mark>Soleimani</mark>" in r.text
    api = client.get("/api/search", params={"q": "Soleimani"}).json()
    kinds = {x["kind"] for x in api["items"]}
    assert "article" in kinds
    if any("Soleimani" in e["name"] for e in corpus["entities"]):
        assert "entity" in kinds
    for x in api["items"]:
        assert "\x02" not in x["snippet"] and x["url"].startswith("/")
    only = client.get("/api/search", params={"q": "Soleimani", "kinds": "entity"}).json()["items"]
    assert all(x["kind"] == "entity" for x in only)
    assert client.get("/api/search", params={"q": "x", "kinds": "bogus"}).status_code == 422
    assert client.get("/search", params={"q": 'AND OR NOT "('}).status_code == 200


def test_web_entity_page_lists_names_stories_quotes(client, corpus):
    for e in corpus["entities"][:15]:
        page = client.get(f"/entities/{e['id']}").text
        # the page escapes as Jinja does (markupsafe: " -> &#34;, ' -> &#39;)
        assert str(markupsafe.escape(e["name"])) in page
        for alias in e["aliases"]:
            assert str(markupsafe.escape(alias)) in page
        for q in corpus["quotes"]:
            if q["speaker"] == e["id"]:
                assert str(markupsafe.escape(q["text"])) in page


def test_web_docs_and_openapi(client):
    spec = client.get("/openapi.json").json()
    for p in ["/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}",
              "/api/entities/{entity_id}", "/api/quotes", "/api/search", "/api/errors"]:
        assert p in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text
    assert "cdn" not in docs.text.lower()


def test_web_corpus_cache_follows_a_new_build(tmp_path, seed_db):
    """The parsed corpus is reused until the stored blob changes, then reloaded."""
    import shutil

    from storyline.store import open_store
    from storyline.web import create_app

    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    with TestClient(create_app(db)) as c:
        reader = c.app.state.reader
        reader.CHECK_EVERY = reader.BLOB_CHECK_EVERY = 0.0
        first = reader.corpus()
        assert reader.corpus() is first  # no change: the same parsed object
        w = open_store(db)
        data = w.get_corpus()
        data["stories"][0]["title"] = data["stories"][0]["headline"] = "A brand new headline <b>x</b>"
        w.put_corpus(data)
        w.close()
        assert reader.corpus() is not first
        page = c.get("/").text
        assert "A brand new headline &lt;b&gt;x&lt;/b&gt;" in page


def test_web_static_report_uses_the_same_templates(seed_run, client, corpus):
    _, out = seed_run
    html = (out / "report" / "report.html").read_text(encoding="utf-8")
    doc = parse(html)
    assert not any(t == "script" for t, _ in doc.tags)
    assert not any(t == "link" for t, _ in doc.tags)  # CSS is inline
    assert "<style>" in html and 'http-equiv="Content-Security-Policy"' in html
    # Same story markup as the web page (shared macro), with in-page anchors instead of paths.
    for s in corpus["stories"]:
        assert f'id="story-{s["id"]}"' in html
        assert (s.get("headline") or s["title"]).replace("&", "&amp;")[:30] in html
    for tag, attrs in doc.tags:
        for k in ("href", "src"):
            v = attrs.get(k)
            if v is None:
                continue
            assert v.startswith("#"), f"{tag} {k}={v}"  # nothing leaves the page
            assert v[1:] in doc.ids, f"dangling anchor {v}"
    web = client.get(f"/stories/{corpus['stories'][0]['id']}").text
    for cls in ('class="summary"', 'class="timeline"', 'class="quotes"', 'class="comparison"'):
        assert cls in web and cls in html


def test_web_story_page_shows_comparison_and_disagreements(client, corpus):
    for s in corpus["stories"]:
        page = client.get(f"/stories/{s['id']}").text
        comp = s.get("comparison")
        body = page.split('class="comparison"', 1)[1].split("</section>", 1)[0]
        rows = re.findall(r'<tr><th scope="row">', body)
        if comp and comp.get("facts"):
            assert len(rows) == min(40, len(comp["facts"]))
            for o in comp["outlets"]:
                assert f'<th scope="col">{htmllib.escape(o, quote=False)}</th>' in body
            # Every row has one cell per outlet, and a dot exactly where the fact names that outlet.
            first = max(comp["facts"], key=lambda f: len(f["outlets"]))
            cells = re.findall(r'<td class="(yes|no)">', body.split("</tr>", 2)[1])
            assert cells == ["yes" if o in first["outlets"] else "no" for o in comp["outlets"]]
        dis = (comp or {}).get("disagreements") or s.get("disagreements") or []
        for d in dis:
            assert htmllib.escape(d["what"], quote=False) in page


def test_web_seed_story_has_cited_summary_when_built(client, corpus):
    """Once summaries exist, every summary sentence on the page carries at least one citation."""
    for s in corpus["stories"]:
        if not s.get("summary"):
            continue
        page = client.get(f"/stories/{s['id']}").text
        items = page.split('class="summary-sentences"', 1)[1].split("</ol>", 1)[0].split("<li>")[1:]
        assert len(items) == len(s["summary"])
        for item, x in zip(items, s["summary"], strict=True):
            n = len(re.findall(r'class="cite"', item))
            assert n == len([a for a in x["sources"] if a in {y["id"] for y in corpus["articles"]}])


def test_web_store_without_results_yet(tmp_path):
    """Ingested but never built: the pages say so, and the article is still readable."""
    from storyline.pipeline import ingest
    from storyline.store import open_store
    from storyline.web import create_app

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The council approved the budget on Tuesday after a long debate.\n\n"
                               "Critics said the vote was rushed.", encoding="utf-8")
    db = tmp_path / "s.db"
    store = open_store(db)
    ingest([src], store)
    aid = store.articles()[0].id
    store.close()
    with TestClient(create_app(db)) as c:
        home = c.get("/")
        assert home.status_code == 200 and "No stories yet" in home.text
        assert c.get("/api/stories").json()["items"] == []
        page = c.get(f"/articles/{aid}")
        assert page.status_code == 200 and "The council approved the budget" in page.text
        assert c.get(f"/api/articles/{aid}").json()["id"] == aid
        assert c.get("/api").json()["counts"]["stories"] == 0


def test_web_serves_while_the_corpus_is_rewritten(tmp_path, seed_db):
    """Requests in flight while another process rebuilds: every answer is whole, then the new one shows."""
    import shutil
    import threading
    import time

    import httpx

    from _web_support import ServerThread
    from storyline.store import open_store

    db = tmp_path / "live.db"
    shutil.copy(seed_db, db)
    failures: list[str] = []
    stop = threading.Event()
    with ServerThread(db) as srv:
        srv.server.config.app.state.reader.CHECK_EVERY = 0.0
        srv.server.config.app.state.reader.BLOB_CHECK_EVERY = 0.0
        sid = httpx.get(srv.base + "/api/stories").json()["items"][0]["id"]

        def hammer() -> None:
            with httpx.Client(base_url=srv.base, timeout=30) as client:
                while not stop.is_set():
                    for path in (f"/stories/{sid}", "/api/stories", f"/api/stories/{sid}"):
                        r = client.get(path)
                        if r.status_code != 200 or (path.startswith("/api") and not r.json()):
                            failures.append(f"{path} {r.status_code}")

        threads = [threading.Thread(target=hammer) for _ in range(4)]
        for t in threads:
            t.start()
        w = open_store(db)
        for i in range(5):
            data = w.get_corpus()
            data["stories"][0]["headline"] = f"Rebuilt headline {i}"
            w.put_corpus(data)
        w.close()
        stop.set()
        for t in threads:
            t.join()
        assert not failures, failures[:5]
        # A reload in progress keeps serving the version it has; the new one shows right after.
        deadline = time.monotonic() + 15
        while "Rebuilt headline 4" not in httpx.get(srv.base + f"/stories/{sid}").text:
            assert time.monotonic() < deadline, "the rebuilt corpus never showed"
            time.sleep(0.1)


def test_web_static_files_and_head(client):
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "speaker-filter" in js.text and "innerHTML" not in js.text  # the script never writes markup
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.head("/").status_code == 200
    assert client.get("/static/../data.py").status_code == 404
