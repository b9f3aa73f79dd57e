"""Hostile articles (script, event-handler and javascript: payloads) stay text on every page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient  # noqa: E402

from _web_support import PAYLOADS, build_store, parse, unsafe_markup, write_hostile_inputs


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    inputs = write_hostile_inputs(base / "in")
    db = build_store([inputs], base / "out")
    return db, base / "out" / "report" / "report.html"


@pytest.fixture(scope="module")
def client(hostile):
    from storyline.web import create_app

    with TestClient(create_app(hostile[0])) as c:
        yield c


def _all_pages(client) -> list[str]:
    data = client.app.state.reader.corpus().data
    pages = ["/", "/errors", "/docs"]
    pages += [f"/stories/{s['id']}" for s in data["stories"]]
    pages += [f"/articles/{a['id']}" for a in data["articles"]]
    pages += [f"/entities/{e['id']}" for e in data["entities"]]
    pages += ["/search?q=" + q for q in ("script alert", "onerror", "javascript", "Baghdad")]
    pages += ["/search?q=<script>alert(1)</script>", "/search?q=%22><img src=x onerror=alert(1)>"]
    return pages


def test_web_hostile_articles_were_ingested(client):
    data = client.app.state.reader.corpus().data
    texts = " ".join(a["text"] + " " + (a["title"] or "") for a in data["articles"])
    assert len(data["articles"]) == 2, [a["source"] for a in data["articles"]]
    # The payloads are there, as text: the point is that they are shown, not run.
    assert "<script>alert(1)</script>" in texts
    assert "onerror=alert(1)" in texts
    errors = client.get("/api/errors").json()["items"]
    assert any("onerror=alert(9)" in e["source"] for e in errors), errors


def test_web_hostile_payloads_never_become_markup(client):
    for p in _all_pages(client):
        r = client.get(p)
        assert r.status_code == 200, p
        bad = unsafe_markup(r.text)
        assert not bad, (p, bad)
        assert "<script>alert" not in r.text and "<img" not in r.text, p
        assert "javascript:alert" not in r.text or "javascript:alert" in re.sub(r"<[^>]+>", "", r.text), p


def test_web_hostile_payloads_shown_escaped(client):
    data = client.app.state.reader.corpus().data
    txt = next(a for a in data["articles"] if a["source"].endswith(".txt"))
    page = client.get(f"/articles/{txt['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    errors = client.get("/errors").text
    assert "&lt;img src=x onerror=alert(9)&gt;" in errors


def test_web_hostile_api_is_json_not_html(client):
    for p in ["/api/articles", "/api/stories", "/api/quotes", "/api/entities", "/api/search?q=script"]:
        r = client.get(p)
        assert r.headers["content-type"] == "application/json"
        assert r.headers["x-content-type-options"] == "nosniff"


def test_web_hostile_static_report(hostile):
    html = hostile[1].read_text(encoding="utf-8")
    assert not unsafe_markup(html, static=True)
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for tag, attrs in parse(html).tags:
        for k in ("href", "src"):
            if attrs.get(k) is not None:
                assert attrs[k].startswith("#"), (tag, attrs)


def test_web_hostile_payload_list_is_complete():
    kinds = " ".join(PAYLOADS)
    assert "<script>" in kinds and "onerror=" in kinds and "javascript:" in kinds
