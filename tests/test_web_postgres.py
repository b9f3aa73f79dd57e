"""The web app over a PostgreSQL store (the team setup): same pages and API as over SQLite."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient  # noqa: E402

from _web_support import parse

pytestmark = pytest.mark.postgres


def test_web_postgres_store_serves_pages_and_api(seed_run, postgres_url):
    from storyline.store import open_store
    from storyline.web import create_app

    _, out = seed_run
    src = open_store(out / "storyline.db", readonly=True)
    url = postgres_url("webapp")
    dst = open_store(url)
    try:
        dst.add_articles([(a, None) for a in src.articles()])
        dst.add_analyses(list(src.analyses().values()), "default")
        data = src.get_corpus()
        dst.put_corpus(data)
    finally:
        src.close()
        dst.close()
    with TestClient(create_app(url)) as c:
        stories = c.get("/api/stories").json()
        assert stories["total"] == len(data["stories"])
        sid = data["stories"][0]["id"]
        page = c.get(f"/stories/{sid}")
        assert page.status_code == 200
        cites = [a["href"] for t, a in parse(page.text).tags if t == "a" and "cite" in (a.get("class") or "")]
        for href in cites[:5]:
            aid, frag = href.split("/articles/")[1].split("#")
            assert f'id="{frag}"' in c.get(f"/articles/{aid}").text
        assert c.get("/search", params={"q": "Soleimani"}).status_code == 200
        assert c.get("/api/search", params={"q": "Soleimani"}).json()["items"]
        assert c.get("/errors").status_code == 200 and c.get("/").status_code == 200
        assert c.post("/api/stories").status_code == 405
