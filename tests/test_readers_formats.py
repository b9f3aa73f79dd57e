"""Readers: HTML, JSON/JSONL, RSS/Atom, WARC and gzip, each from small hand-written files."""

from __future__ import annotations

import gzip
import io
import shutil
import socket
from pathlib import Path

import pytest

from storyline.ingest.read_common import normalise_date
from storyline.ingest.readers import read_paths
from storyline.model import FileError, RawDocument

DATA = Path(__file__).parent / "data" / "readers"
PAYLOADS = ("SCRIPTPAYLOAD", "INLINEPAYLOAD", "STYLEPAYLOAD", "NOSCRIPTPAYLOAD", "INJECTED",
            "IMGPAYLOAD", "FEEDPAYLOAD", "alert(", "steal()", "<script", "<p>", "onclick")


def items(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def by_source(found):
    return {i.source.rsplit("/", 1)[-1]: i for i in found}


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything tries to open a connection or resolve a name."""

    def refuse(*a, **k):
        raise AssertionError("a reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# --------------------------------------------------------------------------- html


def test_readers_html_main_text_and_metadata(no_network):
    (doc,) = items(DATA / "page.html")
    assert isinstance(doc, RawDocument) and doc.fmt == "html"
    assert "reopened to traffic on Monday" in doc.text
    assert "cut their sales by a third" in doc.text
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.outlet == "Portville Gazette"
    assert doc.byline == "Mira Olsen"
    assert doc.published == "2021-03-05" and doc.published_from
    assert doc.url == "https://gazette.example/news/harbour-bridge"
    assert doc.language == "en"
    assert doc.html is not None and "og:site_name" in doc.html  # kept for metadata inference


def test_readers_html_never_carries_script_style_or_markup():
    (doc,) = items(DATA / "page.html")
    for payload in PAYLOADS:
        assert payload not in doc.text, payload
    assert "Home News Sport" not in doc.text  # navigation is not the article
    assert "\n\n" in doc.text  # paragraphs kept apart


def test_readers_html_without_main_text_is_an_error():
    (err,) = items(DATA / "empty_page.html")
    assert isinstance(err, FileError) and err.code == "E109"


def test_readers_html_declared_charset_is_used(tmp_path):
    body = ("<html><head><meta charset='windows-1252'><title>t</title></head><body><article>"
            "<p>Le caf\u00e9 de Se\u00f1or M\u00fcller a rouvert ses portes lundi apr\u00e8s "
            "des travaux, a d\u00e9clar\u00e9 la mairie dans un communiqu\u00e9.</p>"
            "</article></body></html>")
    p = tmp_path / "page.htm"
    p.write_bytes(body.encode("cp1252"))
    (doc,) = items(p)
    assert "caf\u00e9 de Se\u00f1or M\u00fcller" in doc.text


def test_readers_html_declared_utf16_on_ascii_bytes_is_ignored(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes(b"<html><head><meta charset='utf-16'></head><body><article><p>The river "
                  b"rose again on Sunday, and caf\xe9 owners near the bridge moved their stock "
                  b"upstairs before the water reached the square.</p></article></body></html>")
    (doc,) = items(p)
    assert "caf\u00e9 owners" in doc.text


def test_readers_extensionless_html_is_sniffed(tmp_path):
    p = tmp_path / "saved_page"
    shutil.copy(DATA / "page.html", p)
    (doc,) = items(p)
    assert doc.fmt == "html" and "forty steel cables" in doc.text


# --------------------------------------------------------------------------- json


def test_readers_jsonl_good_bad_and_missing_text_lines():
    found = items(DATA / "articles.jsonl")
    src = str(DATA / "articles.jsonl")
    assert [i.source for i in found] == [f"{src}#1", f"{src}#2", f"{src}#3", f"{src}#5"]
    first, broken, textless, wordpress = found
    assert isinstance(first, RawDocument) and first.fmt == "json"
    assert first.text == "The mayor opened the new covered market on Saturday."
    assert (first.title, first.outlet, first.byline) == ("Mayor opens market", "Alpha News",
                                                         "Lee Chan")
    assert first.url == "https://a.example/market" and first.published == "2020-01-04"
    assert isinstance(broken, FileError) and broken.code == "E107" and broken.line == 2
    assert isinstance(textless, FileError) and textless.code == "E108" and textless.line == 3
    assert wordpress.text == "Storm damage was limited, officials said.\n\nPower returned by night."
    assert wordpress.title == "Storm passes" and wordpress.published == "2020-01-07"


def test_readers_json_single_object_common_names():
    (doc,) = items(DATA / "article.json")
    assert doc.source == str(DATA / "article.json")
    assert doc.text.startswith("Farmers protested")
    assert doc.outlet == "Delta Daily" and doc.byline == "Ana Ruiz, Bo Lind"
    assert doc.published == "2020-01-10" and doc.url == "https://delta.example/protest"


def test_readers_json_wrapped_list_of_articles():
    found = items(DATA / "list.json")
    assert [d.text for d in found] == ["The first article text is here.",
                                       "The second article text is here."]
    assert [d.published for d in found] == ["2020-03-01", "2020-03-02"]
    assert found[0].source.endswith("list.json#1")


def test_readers_json_fields_override(tmp_path):
    p = tmp_path / "export.jsonl"
    p.write_text('{"full_body": "Override text.", "meta": {"when": "2019-12-31"}, "text": "x"}\n')
    (doc,) = items(p, json_fields={"text": "full_body", "published": "meta.when"})
    assert doc.text == "Override text." and doc.published == "2019-12-31"


def test_readers_json_override_missing_field_is_an_error(tmp_path):
    p = tmp_path / "export.json"
    p.write_text('{"text": "present"}')
    (err,) = items(p, json_fields={"text": "nope"})
    assert isinstance(err, FileError) and err.code == "E108" and "nope" in err.reason


def test_readers_json_without_text_field_is_an_error(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('{"title": "Only a title", "id": 4}')
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E108"


def test_readers_malformed_json_reports_line(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('{\n"text": "fine",\n"title": oops\n}')
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E107" and err.line == 3


def test_readers_json_lines_saved_as_json_are_read(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('{"text": "One."}\n{"text": "Two."}\n')
    assert [d.text for d in items(p)] == ["One.", "Two."]


def test_readers_json_scalar_top_level_is_an_error(tmp_path):
    p = tmp_path / "a.json"
    p.write_text("42")
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E117"


def test_readers_jsonl_of_garbage_stops_after_limit(tmp_path):
    p = tmp_path / "junk.jsonl"
    p.write_text("not json at all\n" * 500)
    found = items(p)
    assert len(found) == 101 and found[-1].code == "E116" and found[0].line == 1
    assert all(isinstance(f, FileError) for f in found)


# --------------------------------------------------------------------------- feeds


def test_readers_rss_entries_become_documents(no_network):
    found = items(DATA / "feed.rss")
    src = str(DATA / "feed.rss")
    assert [i.source for i in found] == [f"{src}#1", f"{src}#2", f"{src}#3"]
    first, title_only, third = found
    assert first.fmt == "rss" and first.outlet == "Valley Courier"
    assert first.text == ("Inspectors found two cracks in the northern dam wall, the water "
                          "authority said on Monday.\n\nRepairs will start next week.")
    assert first.title == "Dam inspection finds cracks" and first.byline == "Tom Reyes"
    assert first.url == "https://courier.example/dam-cracks" and first.published == "2020-01-07"
    assert isinstance(title_only, FileError) and title_only.code == "E111"
    # A link to a private address is kept as a string and never followed.
    assert third.url == "http://127.0.0.1/private" and third.published == "2020-01-08"
    for payload in PAYLOADS:
        assert payload not in first.text


def test_readers_atom_entry_content_is_preferred_to_summary(no_network):
    (doc,) = items(DATA / "feed.atom")
    assert doc.fmt == "rss" and doc.outlet == "Hill Times" and doc.byline == "Asha Patel"
    assert doc.text == ("A landslide closed the mountain road on Sunday evening, police said."
                        "\n\nNo one was hurt, but two cars were trapped for hours.")
    assert doc.published == "2020-02-02" and doc.url == "https://hilltimes.example/landslide"


def test_readers_feed_content_naming_a_local_file_is_not_opened(tmp_path):
    # feedparser.parse(bytes) opens the bytes as a path when such a file exists.
    secret = tmp_path / "secret.xml"
    shutil.copy(DATA / "feed.rss", secret)
    p = tmp_path / "trap.rss"
    p.write_text(str(secret))
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E110"


def test_readers_feed_with_url_content_is_not_fetched(tmp_path, no_network):
    p = tmp_path / "trap.xml"
    p.write_text("http://127.0.0.1:9/feed.xml")
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E110"


# --------------------------------------------------------------------------- warc


def _write_warc(path: Path, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (DATA / "page.html").read_bytes()
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=compress)
        w.write_record(w.create_warcinfo_record("crawl.warc", {"software": "test"}))

        def response(uri, status, ctype, body):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                http_headers=headers))

        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        w.write_record(w.create_warc_record("https://gazette.example/../../etc/passwd",
                                            "request", http_headers=req))
        response("https://gazette.example/news/harbour-bridge", "200 OK",
                 "text/html; charset=utf-8", page)
        response("https://gazette.example/logo.png", "200 OK", "image/png",
                 b"\x89PNG\r\n\x1a\n" + bytes(64))
        response("https://gazette.example/missing", "404 Not Found", "text/html",
                 b"<html><body><p>Page not found, sorry about that.</p></body></html>")
        cp = ("<html><body><article><p>Se\u00f1or M\u00fcller said the caf\u00e9 would "
              "reopen on Friday after the floods damaged its kitchen and dining room.</p>"
              "</article></body></html>").encode("cp1252")
        response("https://other.example/cafe", "200 OK", "text/html; charset=windows-1252", cp)


@pytest.mark.parametrize("name,compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_readers_warc_html_responses_only(tmp_path, name, compress, no_network):
    p = tmp_path / name
    _write_warc(p, compress)
    found = items(p)
    assert [i.source for i in found] == [f"{p}#3", f"{p}#6"]
    page, cafe = found
    assert page.fmt == "warc" and page.url == "https://gazette.example/news/harbour-bridge"
    assert "forty steel cables" in page.text and page.outlet == "Portville Gazette"
    assert "SCRIPTPAYLOAD" not in page.text and page.html
    assert cafe.url == "https://other.example/cafe"
    assert "Se\u00f1or M\u00fcller said the caf\u00e9" in cafe.text


def test_readers_warc_without_html_is_an_error(tmp_path):
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "info.warc"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        w.write_record(w.create_warcinfo_record("info.warc", {"software": "test"}))
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E118"


def test_readers_damaged_warc_keeps_earlier_records(tmp_path):
    p = tmp_path / "crawl.warc"
    _write_warc(p, compress=False)
    data = p.read_bytes()
    at = data.index(b"WARC/1", data.index(b"logo.png") - 300)  # header of record 4
    p.write_bytes(data[:at] + b"\x00\x01JUNK" + data[at + 6:])
    found = items(p)
    assert isinstance(found[0], RawDocument) and found[0].source == f"{p}#3"
    assert isinstance(found[-1], FileError) and found[-1].code == "E112"


def test_readers_truncated_warc_gz_keeps_earlier_records(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p, compress=True)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 200])  # inside the last record
    found = items(p)
    assert isinstance(found[0], RawDocument) and found[0].source == f"{p}#3"
    assert isinstance(found[-1], FileError) and found[-1].code == "E105"


# --------------------------------------------------------------------------- gzip


def test_readers_gz_dispatches_on_inner_name(tmp_path):
    p = tmp_path / "articles.jsonl.gz"
    p.write_bytes(gzip.compress((DATA / "articles.jsonl").read_bytes()))
    found = items(p)
    assert len(found) == 4 and found[0].text.startswith("The mayor opened")
    assert found[0].source == f"{p}#1"


def test_readers_plain_text_gz(tmp_path):
    p = tmp_path / "story.txt.gz"
    p.write_bytes(gzip.compress((DATA / "article.txt").read_bytes()))
    (doc,) = items(p)
    assert doc.fmt == "txt" and doc.text == (DATA / "article.txt").read_text()


def test_readers_truncated_gzip_is_an_error(tmp_path):
    p = tmp_path / "story.txt.gz"
    data = gzip.compress((DATA / "article.txt").read_bytes() * 20)
    p.write_bytes(data[: len(data) // 2])
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code == "E105" and "truncated" in err.reason


def test_readers_corrupt_gzip_is_an_error(tmp_path):
    p = tmp_path / "story.txt.gz"
    data = bytearray(gzip.compress((DATA / "article.txt").read_bytes()))
    data[20:40] = b"\xff" * 20
    p.write_bytes(bytes(data))
    (err,) = items(p)
    assert isinstance(err, FileError) and err.code in ("E105", "E102")


def test_readers_concatenated_gzip_members(tmp_path):
    p = tmp_path / "two.txt.gz"
    p.write_bytes(gzip.compress(b"Part one. ") + gzip.compress(b"Part two."))
    (doc,) = items(p)
    assert doc.text == "Part one. Part two."


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2020-01-04T10:00:00Z", "2020-01-04"),
        ("2020-1-4", "2020-01-04"),
        ("2020/01/04", "2020-01-04"),
        ("20200104", "2020-01-04"),
        ("Sat, 04 Jan 2020 10:00:00 +0000", "2020-01-04"),
        ("January 4, 2020", "2020-01-04"),
        ("4 January 2020", "2020-01-04"),
        (1578132000, "2020-01-04"),
        (1578132000000, "2020-01-04"),
        (20200104, "2020-01-04"),
        (2020, None),
        ("2020", None),
        (float("nan"), None),
        (1e308, None),
        ("2020-02-30", None),
        ("yesterday", None),
        ("January 4", None),
        ("", None),
        (None, None),
        (True, None),
        ("9999-01-01", None),
    ],
)
def test_readers_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_readers_no_network_for_any_fixture(no_network):
    found = items(DATA)
    assert sum(isinstance(i, RawDocument) for i in found) >= 10


def test_readers_jsonl_unicode_line_separators_inside_strings(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "One\u2028still one\u0085and one."}\r\n{"text": "Two."}\n',
                 encoding="utf-8", newline="")
    found = items(p)
    assert [d.text for d in found] == ["One\u2028still one\u0085and one.", "Two."]
    assert found[1].source.endswith("a.jsonl#2")
