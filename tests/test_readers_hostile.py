"""Readers against hostile input (issue 10, point 3): each is refused or neutralised."""

from __future__ import annotations

import builtins
import gzip
import io
import os
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from storyline.ingest.readers import read_paths
from storyline.model import FileError, RawDocument

DATA = Path(__file__).parent / "data" / "readers"


def items(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def _gzip_of_zeros(n: int) -> bytes:
    # Built in pieces so the test itself never holds the unpacked bomb.
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [c.compress(block) for _ in range(n >> 20)]
    return b"".join(parts) + c.flush()


def test_readers_gzip_bomb_stops_at_the_limit(tmp_path):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(_gzip_of_zeros(200 << 20))  # 200 MB of zeros in ~200 KB
    assert p.stat().st_size < 1 << 20
    start = time.perf_counter()
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E106"
    assert str(50 * 1024 * 1024) in err.reason
    assert time.perf_counter() - start < 10


def test_readers_gzip_bomb_limit_is_the_configured_one(tmp_path):
    p = tmp_path / "bomb.jsonl.gz"
    p.write_bytes(_gzip_of_zeros(4 << 20))
    (err,) = items(p, max_bytes=1 << 20)
    assert err.code == "E106" and str(1 << 20) in err.reason


def test_readers_gzip_inside_gzip_inside_gzip_is_refused(tmp_path):
    p = tmp_path / "nested.gz"
    p.write_bytes(gzip.compress(gzip.compress(gzip.compress(b"Deep news."))))
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E115"


def test_readers_zip_bomb_is_never_unpacked(tmp_path):
    p = tmp_path / "bomb.zip"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("../../escape.txt", bytes(10 << 20))
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E102"
    assert not (tmp_path.parent.parent / "escape.txt").exists()


@pytest.mark.parametrize("depth", [300, 20_000, 200_000])
def test_readers_deeply_nested_html_does_not_crash(tmp_path, depth):
    p = tmp_path / "deep.html"
    body = "<div>" * depth + "<p>The buried sentence about the election result.</p>" + "</div>" * depth
    p.write_text(f"<html><body>{body}</body></html>")
    start = time.perf_counter()
    (item,) = items(p)
    assert time.perf_counter() - start < 20
    assert isinstance(item, FileError) and item.code == "E115"
    assert "nested" in item.reason


def test_readers_deep_html_keeps_text_above_the_cap(tmp_path):
    p = tmp_path / "deep.html"
    top = ("<article><p>The council approved the new budget on Tuesday after a long debate "
           "about school funding and road repairs.</p></article>")
    p.write_text(f"<html><body>{top}{'<span>' * 50_000}x{'</span>' * 50_000}</body></html>")
    (doc,) = items(p)
    assert isinstance(doc, RawDocument) and "approved the new budget" in doc.text


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_readers_deeply_nested_json_is_refused(tmp_path, name):
    p = tmp_path / name
    p.write_text("[" * 200_000 + "]" * 200_000)
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code in ("E107", "E115")


def test_readers_one_gigabyte_line_is_refused_without_reading(tmp_path, monkeypatch):
    p = tmp_path / "line.txt"
    with open(p, "wb") as fh:  # sparse 1 GB single "line"
        fh.truncate(1 << 30)
    reads: list[int] = []
    real_open = builtins.open

    def spy_open(file, mode="r", *a, **k):
        fh = real_open(file, mode, *a, **k)
        if str(file) == str(p):
            reads.append(1)
        return fh

    monkeypatch.setattr(builtins, "open", spy_open)
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E103"
    assert reads == []  # refused from its size alone


class _Endless(io.RawIOBase):
    """A stdin that never ends (``yes | storyline ingest -``); counts what is read."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = len(b)
        b[:n] = b"a" * n
        self.served += n
        return n


def test_readers_endless_stdin_is_capped(monkeypatch):
    raw = _Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    (err,) = items("-", max_bytes=2 << 20)
    assert isinstance(err, FileError) and err.code == "E103" and err.source == "stdin"
    assert raw.served <= (2 << 20) + (1 << 20)


def test_readers_payloads_in_json_html_bodies_are_neutralised(tmp_path):
    p = tmp_path / "x.jsonl"
    body = ('<p>Officials confirmed the vote count.</p><script>fetch("//evil")</script>'
            '<img src=x onerror="alert(1)"><style>p{}</style><p onmouseover="x()">Second.</p>'
            '<iframe src="javascript:alert(2)">frame text</iframe>')
    p.write_text(__import__("json").dumps({"body": body, "title": "<b>T</b><script>s()</script>"}))
    (doc,) = items(p)
    assert doc.text == "Officials confirmed the vote count.\n\nSecond."
    assert doc.title == "T"


def test_readers_feed_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE")
    p = tmp_path / "xxe.rss"
    p.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
        "<description>Before &xxe; after, the mayor said on Monday.</description></item>"
        "</channel></rss>"
    )
    found = items(p)
    assert all("TOPSECRETVALUE" not in (getattr(i, "text", "") or "") for i in found)


def test_readers_feed_billion_laughs_is_bounded(tmp_path):
    lol = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
    p = tmp_path / "laughs.xml"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [{lol}]><rss version="2.0"><channel>'
                 "<title>T</title><item><description>&lol9;</description></item></channel></rss>")
    start = time.perf_counter()
    found = items(p)
    assert time.perf_counter() - start < 20
    assert all(len(getattr(i, "text", "") or "") < 10_000_000 for i in found)


def test_readers_dotdot_paths_in_archives_are_never_followed_or_written(tmp_path, monkeypatch):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = (DATA / "page.html").read_bytes()
        w.write_record(w.create_warc_record("http://evil.example/../../../../tmp/evil.html", "response",
                                            payload=io.BytesIO(page), http_headers=headers,
                                            warc_headers_dict={"WARC-Filename": "../../x"}))
    real_open = builtins.open
    written: list[str] = []

    def guarded_open(file, mode="r", *a, **k):
        if any(c in mode for c in "wax+"):
            written.append(str(file))
        return real_open(file, mode, *a, **k)

    before = sorted(os.listdir(tmp_path))
    monkeypatch.setattr(builtins, "open", guarded_open)
    found = items(p, DATA)
    monkeypatch.undo()
    assert written == []
    assert sorted(os.listdir(tmp_path)) == before
    doc = found[0]
    assert doc.source == f"{p}#1" and doc.url == "http://evil.example/../../../../tmp/evil.html"
    assert not Path("/tmp/evil.html").exists()


def test_readers_feed_with_nested_and_scripted_content_is_neutralised(tmp_path):
    import html as h

    frag = ('<p onclick="x()">The levee held overnight, engineers said.</p>'
            '<script>alert("FEEDSCRIPT")</script><img src=x onerror="alert(1)">'
            '<a href="javascript:alert(2)">link text</a>'
            + "<div>" * 50_000 + "deep" + "</div>" * 50_000)
    p = tmp_path / "nested.rss"
    p.write_text('<rss version="2.0"><channel><title>T</title><item><description>'
                 f"{h.escape(frag)}</description></item></channel></rss>")
    start = time.perf_counter()
    (doc,) = items(p)
    assert time.perf_counter() - start < 30
    assert doc.text.startswith("The levee held overnight, engineers said.")
    assert "FEEDSCRIPT" not in doc.text and "alert" not in doc.text and "<" not in doc.text


def test_readers_warc_content_encoding_bomb_is_capped(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "bomb.warc"
    bomb = _gzip_of_zeros(100 << 20)
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                              ("Content-Encoding", "gzip")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://bomb.example/", "response",
                                            payload=io.BytesIO(bomb), http_headers=headers))
    start = time.perf_counter()
    (err,) = items(p, max_bytes=4 << 20)
    assert time.perf_counter() - start < 10
    assert isinstance(err, FileError) and err.code == "E103" and err.source == f"{p}#1"
