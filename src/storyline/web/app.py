"""The web app and JSON API: FastAPI, server-rendered Jinja2 pages, a little plain JavaScript.

Read-only by construction: the store is opened read-only, only GET and HEAD are served, and every
page is rendered with autoescape from data that is never trusted. Rendered pages and serialised
API answers are cached per corpus version, so a busy story page costs a dictionary lookup.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .data import CorpusIndex, StoreReader
from .render import STATIC, article_label, render
from .views import (
    article_segments,
    best_sentence,
    event_label,
    sentence_spans,
    snippet_parts,
    story_outlets,
    story_view,
)

log = logging.getLogger(__name__)

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
PAGE_SIZE = 50

# No inline script or style anywhere: scripts and styles come from /static only. Inline SVG uses
# presentation attributes (fill, stroke), which CSP does not treat as inline style.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityMiddleware:
    """Pure ASGI (cheaper than BaseHTTPMiddleware): read-only methods, host check, security headers."""

    def __init__(self, app: Any, allowed_hosts: set[str] | None = None):
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            await _plain(send, 405, b"read-only: only GET and HEAD are served\n", [(b"allow", b"GET, HEAD")])
            return
        if self.allowed_hosts is not None:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed_hosts:
                # A page elsewhere cannot reach a loopback server through a rebound DNS name.
                await _plain(send, 400, b"unexpected Host header\n")
                return

        head = scope["method"] == "HEAD"
        if head:  # FastAPI routes answer GET only: serve HEAD as GET without the body
            scope = dict(scope, method="GET")

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in have]
                message = dict(message, headers=headers)
            elif head and message["type"] == "http.response.body":
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Callable, status: int, body: bytes, extra: list | None = None) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + SECURITY_HEADERS + (extra or [])})
    await send({"type": "http.response.body", "body": body})


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json(body: bytes, status: int = 200) -> Response:
    return Response(content=body, media_type="application/json", status_code=status)


def _page(items: list, limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    return {"total": len(items) if total is None else total, "limit": limit, "offset": offset,
            "items": items[offset : offset + limit] if total is None else items}


def _loopback_hosts(host: str, port: int) -> set[str] | None:
    if host in ("127.0.0.1", "localhost", "::1"):
        return {"127.0.0.1", "localhost", "[::1]", "::1"}
    return None


def create_app(db: str | Path, *, allowed_hosts: set[str] | None = None) -> FastAPI:
    """The app over the store ``db`` (opened read-only). ``allowed_hosts`` limits the Host header."""
    reader = StoreReader(db)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Storyline API",
        version="1",
        description="Read-only access to stories, articles, entities, quotes and events. "
        "Objects have the same shapes as storyline.json.",
        docs_url=None,  # the default Swagger page needs a CDN and inline script; see /docs below
        redoc_url=None,
    )
    app.state.reader = reader
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    async def corpus() -> CorpusIndex:
        # The hot path touches no I/O; a version check (a PRAGMA, rarely a reload) goes to a thread.
        return reader.fresh() or await run_in_threadpool(reader.corpus)

    async def memo(ix: CorpusIndex, key: Any, fn: Callable[[], Any]) -> Any:
        if key in ix.cache:
            return ix.cache[key]
        return await run_in_threadpool(ix.memo, key, fn)

    def not_found(what: str, ref: str) -> HTMLResponse:
        html = render("message.html", heading="Not found", message=f"No {what} with id {ref}.")
        return HTMLResponse(html, status_code=404)

    def analysis_of(aid: str) -> dict | None:
        return reader.analysis(aid)

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def stories_page(offset: int = Query(0, ge=0)) -> HTMLResponse:
        ix = await corpus()

        n_errors = await run_in_threadpool(reader.count_errors)

        def build() -> str:
            part = ix.stories_sorted[offset : offset + PAGE_SIZE]
            total = len(ix.stories_sorted)
            return render(
                "stories.html", stories=[(s, story_outlets(ix, s)) for s in part], total=total,
                n_articles=len(ix.articles), generated_at=ix.data.get("generated_at"), n_errors=n_errors,
                db_name=Path(reader.db).name,
                prev_offset=max(0, offset - PAGE_SIZE) if offset > 0 else None,
                next_offset=offset + PAGE_SIZE if offset + PAGE_SIZE < total else None,
            )

        return HTMLResponse(await memo(ix, ("home", offset, n_errors), build))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        ix = await corpus()
        s = ix.story_of_id(story_id)
        if s is None:
            return not_found("story", story_id)
        html = await memo(ix, ("story", s["id"]),
                          lambda: render("story.html", v=story_view(ix, s, analysis_of)))
        return HTMLResponse(html)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(article_id: str) -> HTMLResponse:
        ix = await corpus()

        def build() -> str | None:
            a = reader.article(article_id)
            if a is None:
                return None
            analysis = reader.analysis(a["id"])
            sents = article_segments(ix, a, analysis)
            spans = sentence_spans(a, analysis)
            events = []
            for eid in ix.article_events.get(a["id"], []):
                ev = ix.events[eid]
                said = next((x.get("sentence") or "" for x in ev.get("sources", []) if x["article"] == a["id"]), "")
                events.append({"date": ev.get("date"), "date_precision": ev.get("date_precision"), "label": event_label(ix, ev), "category": ev.get("category"),
                               "span": best_sentence(said, a, spans)})
            events.sort(key=lambda e: (e["date"] is None, e["date"] or ""))
            dup = ix.articles.get(a["duplicate_of"]) if a.get("duplicate_of") else None
            if a.get("duplicate_of") and dup is None:
                dup = reader.article(a["duplicate_of"])
            return render(
                "article.html", a=a, sents=sents,
                stories=[ix.stories[s] for s in ix.article_stories.get(a["id"], [])],
                entities=[ix.entities[e] for e in ix.article_entities.get(a["id"], [])],
                duplicate_of=dup,
                duplicates=[ix.articles[d] for d in ix.duplicates_of.get(a["id"], []) if d in ix.articles],
                problems=(analysis or {}).get("errors", []),
                events=events,
            )

        html = await memo(ix, ("article", article_id), build)
        return not_found("article", article_id) if html is None else HTMLResponse(html)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(entity_id: str) -> HTMLResponse:
        ix = await corpus()
        e = ix.entities.get(entity_id)
        if e is None:
            return not_found("entity", entity_id)

        def build() -> str:
            sids = dict.fromkeys(s for a in e.get("articles", []) for s in ix.article_stories.get(a, []))
            arts = [ix.articles[a] for a in e.get("articles", []) if a in ix.articles]
            quotes = [ix.quotes[q] for q in ix.speaker_quotes.get(e["id"], [])]
            cited = {src["article"] for q in quotes for src in q.get("sources", [])}
            return render(
                "entity.html", e=e, stories=[ix.stories[s] for s in sids], quotes=quotes, articles=arts,
                outlet_of={aid: ix.articles.get(aid, {}).get("outlet") for aid in cited},
            )

        return HTMLResponse(await memo(ix, ("entity", entity_id), build))

    def search_results(ix: CorpusIndex, q: str, kinds: list[str] | None, limit: int) -> list[dict]:
        out = []
        for r in reader.search(q, kinds=kinds, limit=limit):
            kind, ref = r["kind"], r["ref"]
            if kind == "article":
                href = f"/articles/{ref}"
                if not r.get("title") and ref in ix.articles:
                    r = dict(r, title=article_label(ix.articles[ref]))
            elif kind == "story":
                href = f"/stories/{ref}"
            elif kind == "entity":
                href = f"/entities/{ref}"
            else:
                quote = ix.quotes.get(ref)
                srcs = (quote or {}).get("sources") or []
                href = f"/articles/{srcs[0]['article']}#q-{srcs[0]['start']}-{srcs[0]['end']}" if srcs else "/"
            out.append(dict(r, href=href))
        return out

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: str = Query("", max_length=500)) -> HTMLResponse:
        ix = await corpus()
        results = await run_in_threadpool(search_results, ix, q, None, 200) if q.strip() else []
        groups: dict[str, list] = {"story": [], "article": [], "quote": [], "entity": []}
        for r in results:
            r["parts"] = snippet_parts(r.get("snippet") or "")
            groups.setdefault(r["kind"], []).append(r)
        return HTMLResponse(render("search.html", q=q, groups=groups, total=len(results)))

    @app.get("/errors", response_class=HTMLResponse, include_in_schema=False)
    async def errors_page() -> HTMLResponse:
        errs = await run_in_threadpool(reader.errors)
        return HTMLResponse(render("errors.html", errors=errs))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs_page() -> HTMLResponse:
        spec = app.openapi()
        paths = []
        for path, ops in spec.get("paths", {}).items():
            items = []
            for method, op in ops.items():
                example = path.replace("{story_id}", _example(reader, "story")).replace(
                    "{article_id}", _example(reader, "article")).replace("{entity_id}", _example(reader, "entity"))
                if path == "/api/search":
                    example += "?q=army"
                items.append((method, dict(op, example=example)))
            paths.append((path, items))
        return HTMLResponse(render("docs.html", spec=spec, paths=paths))

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg")

    # ------------------------------------------------------------------ JSON API
    limit_q = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="page size")
    offset_q = Query(0, ge=0, description="items to skip")

    @app.get("/api/stories", summary="Stories, newest first")
    async def api_stories(limit: int = limit_q, offset: int = offset_q) -> Response:
        ix = await corpus()
        return _json(await memo(ix, ("api-stories", limit, offset),
                                lambda: _json_bytes(_page(ix.stories_sorted, limit, offset))))

    @app.get("/api/stories/{story_id}", summary="One story, as in storyline.json")
    async def api_story(story_id: str) -> Response:
        ix = await corpus()
        s = ix.story_of_id(story_id)
        if s is None:
            raise HTTPException(404, f"no story {story_id}")
        return _json(await memo(ix, ("api-story", s["id"]), lambda: _json_bytes(s)))

    @app.get("/api/articles", summary="Articles (with their cleaned text)")
    async def api_articles(
        limit: int = limit_q, offset: int = offset_q,
        story: str | None = Query(None, description="only the articles of this story id"),
    ) -> Response:
        ix = await corpus()
        if story is not None:
            s = ix.story_of_id(story)
            if s is None:
                raise HTTPException(404, f"no story {story}")
            items = [ix.articles[a] for a in s["articles"] if a in ix.articles]
        else:
            items = ix.data["articles"]
        return _json(_json_bytes(_page(items, limit, offset)))

    @app.get("/api/articles/{article_id}", summary="One article, as in storyline.json")
    async def api_article(article_id: str) -> Response:
        a = await run_in_threadpool(reader.article, article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id}")
        return _json(_json_bytes(a))

    @app.get("/api/articles/{article_id}/analysis",
             summary="Per-article analysis: sentences, mentions, dates, quotes, events, claims (offsets into text)")
    async def api_analysis(article_id: str) -> Response:
        a = await run_in_threadpool(reader.analysis, article_id)
        if a is None:
            raise HTTPException(404, f"no analysis for article {article_id}")
        return _json(_json_bytes(a))

    @app.get("/api/entities", summary="Entities")
    async def api_entities(
        limit: int = limit_q, offset: int = offset_q,
        type: str | None = Query(None, description="PERSON, ORG, GPE, NORP, LOC, FAC"),
        q: str | None = Query(None, max_length=200, description="name or alias contains"),
    ) -> Response:
        ix = await corpus()
        items = ix.data["entities"]
        if type:
            items = [e for e in items if e.get("type") == type.upper()]
        if q:
            ql = q.lower()
            items = [e for e in items if ql in e["name"].lower() or any(ql in x.lower() for x in e.get("aliases", []))]
        return _json(_json_bytes(_page(items, limit, offset)))

    @app.get("/api/entities/{entity_id}", summary="One entity, as in storyline.json")
    async def api_entity(entity_id: str) -> Response:
        ix = await corpus()
        e = ix.entities.get(entity_id)
        if e is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return _json(_json_bytes(e))

    @app.get("/api/quotes", summary="Quotes, filtered by speaker (entity id or name) and/or story")
    async def api_quotes(
        limit: int = limit_q, offset: int = offset_q,
        speaker: str | None = Query(None, max_length=200),
        story: str | None = Query(None),
    ) -> Response:
        ix = await corpus()
        items = ix.data["quotes"]
        if speaker and speaker in ix.speaker_quotes:
            items = [ix.quotes[q] for q in ix.speaker_quotes[speaker]]
        if story is not None:
            s = ix.story_of_id(story)
            if s is None:
                raise HTTPException(404, f"no story {story}")
            arts = set(s["articles"])
            items = [q for q in items if any(src["article"] in arts for src in q.get("sources", []))]
        if speaker:
            items = [q for q in items if _speaker_matches(ix, q, speaker)]
        return _json(_json_bytes(_page(items, limit, offset)))

    @app.get("/api/events", summary="Events, optionally those of one story's timeline")
    async def api_events(limit: int = limit_q, offset: int = offset_q, story: str | None = Query(None)) -> Response:
        ix = await corpus()
        if story is not None:
            from .views import story_events

            s = ix.story_of_id(story)
            if s is None:
                raise HTTPException(404, f"no story {story}")
            items = story_events(ix, s)
        else:
            items = ix.data["events"]
        return _json(_json_bytes(_page(items, limit, offset)))

    @app.get("/api/search", summary="Full-text search over stories, articles, quotes and entities (FTS5)")
    async def api_search(
        q: str = Query(..., min_length=1, max_length=500),
        kinds: str | None = Query(None, description="comma-separated: story,article,quote,entity"),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    ) -> Response:
        ix = await corpus()
        ks = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
        if ks and not set(ks) <= {"story", "article", "quote", "entity"}:
            raise HTTPException(422, "kinds must be among story, article, quote, entity")
        results = await run_in_threadpool(search_results, ix, q, ks, limit)
        items = [dict(kind=r["kind"], ref=r["ref"], title=r["title"],
                      snippet=(r.get("snippet") or "").replace("\x02", "").replace("\x03", ""), url=r["href"])
                 for r in results]
        return _json(_json_bytes({"query": q, "total": len(items), "items": items}))

    @app.get("/api/errors", summary="Files that failed, and why")
    async def api_errors(limit: int = limit_q, offset: int = offset_q) -> Response:
        errs = await run_in_threadpool(reader.errors)
        return _json(_json_bytes(_page(errs, limit, offset)))

    @app.get("/api", summary="What this store holds")
    async def api_root() -> Response:
        ix = await corpus()
        return _json(_json_bytes({
            "schema_version": ix.data.get("schema_version"), "generated_at": ix.data.get("generated_at"),
            "counts": {k: len(ix.data.get(k) or []) for k in ("articles", "entities", "quotes", "events", "stories")},
        }))

    return app


def _speaker_matches(ix: CorpusIndex, q: dict, speaker: str) -> bool:
    if q.get("speaker") == speaker:
        return True
    s = speaker.strip().lower()
    if (q.get("speaker_text") or "").lower() == s:
        return True
    e = ix.entities.get(q.get("speaker") or "")
    return bool(e) and (e["name"].lower() == s or s in (x.lower() for x in e.get("aliases", [])))


def _example(reader: StoreReader, kind: str) -> str:
    try:
        ix = reader.corpus()
    except Exception:  # the docs page must render even when the store is odd
        return "ID"
    pool = {"story": ix.stories_sorted, "article": ix.data["articles"], "entity": ix.data["entities"]}[kind]
    return pool[0]["id"] if pool else "ID"


__all__ = ["create_app", "CSP"]
