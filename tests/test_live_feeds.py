"""Live feeds: served from a local HTTP server on 127.0.0.1 only; DNS is simulated, never used.

No request in these tests leaves this machine: loopback feeds are fetched with
allow_private=True, and "public" hosts exist only in the monkeypatched resolver,
behind an httpx MockTransport that performs no I/O.
"""

from __future__ import annotations

import gzip
import html
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyline import live
from storyline.live import FetchError, Watcher, address_kind, fetch, parse_interval, read_opml
from storyline.store import open_store


class FeedServer:
    """Routes path -> (status, headers, body); records every request's path and headers."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                status, headers, body = server.routes.get(self.path, (404, {}, b"not found"))
                etag = headers.get("ETag")
                if status == 200 and etag and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = FeedServer()
    yield s
    s.close()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, plain text) items; paragraphs become <p> elements."""
    parts = []
    for title, link, text in items:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
        parts.append(f"<item><title>{html.escape(title)}</title><link>{link}</link><guid>{link}</guid>"
                     f"<pubDate>{formatdate(1578096000)}</pubDate>"
                     f"<description>{html.escape(body)}</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title>'
            f'<link>http://news.example/</link><description>t</description>{"".join(parts)}</channel></rss>').encode()


def opml(tmp_path, *urls: str):
    outlines = "".join(f'<outline text="f{i}" type="rss" xmlUrl="{html.escape(u)}"/>' for i, u in enumerate(urls))
    p = tmp_path / "feeds.opml"
    p.write_text(f'<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
                 f'<outline text="folder">{outlines}</outline></body></opml>', encoding="utf-8")
    return p


# --------------------------------------------------------------------------- intervals and OPML


@pytest.mark.parametrize("text,seconds", [("30s", 30), ("10m", 600), ("1h", 3600), ("1h30m", 5400), ("90", 90),
                                          ("1.5m", 90), (" 2 min ", 120), ("1d", 86400), (15, 15)])
def test_live_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "0s", "-5m", "ten minutes", "10x", "5m garbage", "m"])
def test_live_parse_interval_refuses_nonsense(text):
    with pytest.raises(ValueError, match="interval"):
        parse_interval(text)


def test_live_read_opml_nested_and_deduplicated(tmp_path):
    p = opml(tmp_path, "http://a.example/rss", "https://b.example/atom.xml", "http://a.example/rss")
    assert read_opml(p) == ["http://a.example/rss", "https://b.example/atom.xml"]
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body>&a;</body></opml>')
    with pytest.raises(FetchError) as exc:
        read_opml(bomb)
    assert exc.value.code == "E707"


# --------------------------------------------------------------------------- address policy


@pytest.mark.parametrize("ip,kind", [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"), ("172.16.5.4", "private"),
    ("169.254.169.254", "link-local"), ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"),
    ("100.64.0.1", "non-global"), ("::1", "loopback"), ("fe80::1", "link-local"), ("fc00::1", "private"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("2002:7f00:1::", "loopback"),
    ("240.0.0.1", "reserved"), ("8.8.8.8", None), ("2606:4700:4700::1111", None),
])
def test_live_address_kind(ip, kind):
    assert address_kind(ip) == kind


def test_live_loopback_feed_is_refused_without_allow_private(server):
    server.routes["/feed.xml"] = (200, {}, rss([("t", "http://news.example/1", "Some text here.")]))
    with pytest.raises(FetchError) as exc:
        fetch(server.url("/feed.xml"))
    assert exc.value.code == "E701" and "127.0.0.1" in str(exc.value)
    assert server.requests == []  # refused before connecting


def test_live_name_resolving_to_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(live, "resolve", lambda host, port: {"intranet.example": ["10.0.0.7"],
                                                             "mixed.example": ["93.184.216.34", "192.168.1.1"]}[host])
    sent = []
    transport = httpx.MockTransport(lambda req: sent.append(req) or httpx.Response(200, content=b"x"))
    for url in ("http://intranet.example/rss", "https://mixed.example/rss"):
        with pytest.raises(FetchError) as exc:
            fetch(url, transport=transport)
        assert exc.value.code == "E701"
    assert sent == []


def test_live_public_host_redirecting_to_loopback_is_refused(server, monkeypatch):
    """A public feed (simulated) answers with a redirect to 127.0.0.1: the second hop is refused."""
    server.routes["/feed.xml"] = (200, {}, rss([("t", "http://news.example/1", "Secret internal text.")]))
    monkeypatch.setattr(live, "resolve", lambda host, port: {"news.example": ["93.184.216.34"]}[host])
    seen = []

    def public_server(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["host"]))
        return httpx.Response(302, headers={"Location": f"http://127.0.0.1:{server.port}/feed.xml"})

    with pytest.raises(FetchError) as exc:
        fetch("http://news.example/rss", transport=httpx.MockTransport(public_server))
    assert exc.value.code == "E701" and "127.0.0.1" in str(exc.value)
    # The connection went to the checked address, with the feed's host name in the Host header.
    assert seen == [("http://93.184.216.34/rss", "news.example")]
    assert server.requests == []


def test_live_redirect_chain_is_bounded_and_checked_per_hop(server):
    for i in range(10):
        server.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    with pytest.raises(FetchError) as exc:
        fetch(server.url("/r0"), allow_private=True)
    assert exc.value.code == "E705"
    assert len(server.requests) == live.MAX_REDIRECTS + 1
    server.routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(FetchError) as exc:
        fetch(server.url("/to-file"), allow_private=True)
    assert exc.value.code == "E706"


def test_live_size_cap_applies_after_decompression(server):
    big = b"<rss>" + b"a" * 200_000 + b"</rss>"
    server.routes["/big"] = (200, {}, big)
    server.routes["/bomb"] = (200, {"Content-Encoding": "gzip"}, gzip.compress(big))
    for path in ("/big", "/bomb"):
        with pytest.raises(FetchError) as exc:
            fetch(server.url(path), allow_private=True, max_bytes=100_000)
        assert exc.value.code == "E702"
    assert len(gzip.compress(big)) < 100_000  # the bomb is small on the wire
    assert fetch(server.url("/big"), allow_private=True, max_bytes=300_000).content == big
    # Compressed feeds within the cap decode exactly, including gzip files of several members.
    assert fetch(server.url("/bomb"), allow_private=True, max_bytes=300_000).content == big
    server.routes["/two"] = (200, {"Content-Encoding": "gzip"}, gzip.compress(big[:1000]) + gzip.compress(big[1000:]))
    assert fetch(server.url("/two"), allow_private=True, max_bytes=300_000).content == big
    server.routes["/bad"] = (200, {"Content-Encoding": "gzip"}, b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(FetchError) as exc:
        fetch(server.url("/bad"), allow_private=True)
    assert exc.value.code == "E704"
    server.routes["/br"] = (200, {"Content-Encoding": "br"}, b"x")
    with pytest.raises(FetchError):
        fetch(server.url("/br"), allow_private=True)


def test_live_http_errors_and_timeouts_are_reported(server):
    with pytest.raises(FetchError) as exc:
        fetch(server.url("/missing"), allow_private=True)
    assert exc.value.code == "E703" and "404" in str(exc.value)
    with pytest.raises(FetchError) as exc:
        fetch("ftp://127.0.0.1/feed", allow_private=True)
    assert exc.value.code == "E706"


# --------------------------------------------------------------------------- polling into a store


def _seed_items(seed_files):
    return [(p.stem, f"http://news.example/{p.stem}", p.read_text(encoding="utf-8")) for p in seed_files]


def _story_of(corpus: dict, article_id: str) -> dict | None:
    return next((s for s in corpus["stories"] if article_id in s["articles"]), None)


def test_live_feed_new_item_joins_story_without_restart(tmp_path, server, seeds_dir):
    items = _seed_items(sorted(seeds_dir.glob("*.txt")))
    server.routes["/feed.xml"] = (200, {"ETag": '"v1"'}, rss(items[:3]))
    feeds = opml(tmp_path, server.url("/feed.xml"))
    store = open_store(tmp_path / "live.db")
    try:
        watcher = Watcher(store, feeds=feeds, allow_private=True)
        first = watcher.poll()
        assert (first.feeds_fetched, first.items, first.added) == (1, 3, 3), first.errors
        corpus = store.get_corpus()
        assert len(corpus["articles"]) == 3 and corpus["stories"]
        by_source = {a.source: a.id for a in store.iter_articles()}
        assert set(by_source) == {link for _, link, _ in items[:3]}  # items are named by their links

        # Unchanged feed: the stored ETag is sent and the server answers 304; nothing is redone.
        second = watcher.poll()
        assert (second.feeds_unchanged, second.added) == (1, 0)
        assert server.requests[-1][1].get("if-none-match") == '"v1"'

        # A new item arrives: the same watcher (no restart) fetches it and the story grows.
        server.routes["/feed.xml"] = (200, {"ETag": '"v2"'}, rss([items[3]] + items[:3]))
        third = watcher.poll()
        assert (third.feeds_fetched, third.items, third.added, third.analysed) == (1, 4, 1, 1), third.errors
        corpus = store.get_corpus()
        new_id = next(a.id for a in store.iter_articles() if a.source == items[3][1])
        assert len(corpus["articles"]) == 4
        old_story = _story_of(corpus, by_source[items[0][1]])
        assert old_story is not None and new_id in old_story["articles"]
        assert not store.errors()
    finally:
        store.close()


def test_live_last_modified_is_sent_back(tmp_path, server):
    stamp = formatdate(1578096000, usegmt=True)
    server.routes["/lm.xml"] = (200, {"Last-Modified": stamp}, rss([("t", "http://news.example/a", "x " * 50)]))
    got = fetch(server.url("/lm.xml"), allow_private=True)
    assert got.last_modified == stamp
    fetch(server.url("/lm.xml"), allow_private=True, last_modified=got.last_modified)
    assert server.requests[-1][1].get("if-modified-since") == stamp


def test_live_refused_feed_is_recorded_and_others_go_on(tmp_path, server, seeds_dir):
    items = _seed_items(sorted(seeds_dir.glob("*.txt")))[:1]
    server.routes["/ok.xml"] = (200, {}, rss(items))
    server.routes["/broken.xml"] = (200, {}, b"<html><body>Gateway error</body></html>")
    feeds = opml(tmp_path, server.url("/missing.xml"), server.url("/broken.xml"), server.url("/ok.xml"))
    store = open_store(tmp_path / "live.db")
    try:
        res = Watcher(store, feeds=feeds, allow_private=True).poll()
        assert res.added == 1
        codes = {(e.source.rsplit("/", 1)[-1], e.code) for e in store.errors()}
        assert ("missing.xml", "E703") in codes and ("broken.xml", "E110") in codes
        # Without --allow-private the loopback feeds are refused, recorded, and nothing is fetched.
        before = len(server.requests)
        res = Watcher(store, feeds=feeds).poll()
        assert res.added == 0 and {e.code for e in res.errors} == {"E701"}
        assert len(server.requests) == before
    finally:
        store.close()


def test_live_https_to_pinned_address_still_verifies_the_host_name(tmp_path, server, monkeypatch):
    """The connection goes to the checked IP, yet TLS checks the certificate against the feed's host name."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=feeds.test", "-addext", "subjectAltName=DNS:feeds.test"],
                   check=True, capture_output=True)
    server.routes["/feed.xml"] = (200, {}, rss([("t", "http://feeds.test/1", "Text of the item.")]))
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server.httpd.socket = server_ctx.wrap_socket(server.httpd.socket, server_side=True)
    monkeypatch.setattr(live, "resolve", lambda host, port: {"feeds.test": ["127.0.0.1"],
                                                             "other.test": ["127.0.0.1"]}[host])
    client_ctx = ssl.create_default_context(cafile=str(cert))
    got = fetch(f"https://feeds.test:{server.port}/feed.xml", allow_private=True,
                transport=httpx.HTTPTransport(verify=client_ctx))
    assert got.status == 200 and b"Text of the item" in got.content
    assert server.requests[-1][1]["host"] == f"feeds.test:{server.port}"
    with pytest.raises(FetchError) as exc:  # same address, a name the certificate does not cover
        fetch(f"https://other.test:{server.port}/feed.xml", allow_private=True,
              transport=httpx.HTTPTransport(verify=client_ctx))
    assert exc.value.code == "E704" and "certificate" in str(exc.value).lower()
