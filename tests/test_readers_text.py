"""Readers: plain text, directories, stdin, encodings and whole-file failures."""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.ingest.readers import read_paths
from storyline.model import FileError, RawDocument

DATA = Path(__file__).parent / "data" / "readers"
CP1252_TEXT = (
    "Caf\u00e9 owners in the old town said on Tuesday: \u201cWe\u2019re not leaving.\u201d "
    "The na\u00efve plan would cost \u20ac5,000 \u2014 Se\u00f1or M\u00fcller agreed.\n"
)
LATIN1_TEXT = (
    "Caf\u00e9 owners in the old town said on Tuesday that the na\u00efve plan was d\u00e9j\u00e0 "
    "vu. Se\u00f1or M\u00fcller agreed; \u00bd of them signed.\n"
)


def one(paths, **kw):
    items = list(read_paths(paths, **kw))
    assert len(items) == 1, items
    return items[0]


def test_readers_txt_is_read_as_is_with_path_as_source():
    path = str(DATA / "article.txt")
    doc = one([path])
    assert isinstance(doc, RawDocument)
    assert doc.fmt == "txt"
    assert doc.source == path
    assert doc.text == (DATA / "article.txt").read_text(encoding="utf-8")


def test_readers_single_path_string_is_not_iterated_per_character():
    doc = one(str(DATA / "article.txt"))
    assert isinstance(doc, RawDocument)


def test_readers_utf8_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfThe mayor spoke.\n")
    assert one([p]).text == "The mayor spoke.\n"


def test_readers_cp1252_file_is_decoded_correctly():
    doc = one([DATA / "cp1252.txt"])
    assert doc.text == CP1252_TEXT


def test_readers_latin1_file_is_decoded_correctly():
    doc = one([DATA / "latin1.txt"])
    assert doc.text == LATIN1_TEXT


def test_readers_utf16_file_is_decoded(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("The minister resigned on Friday.".encode("utf-16"))
    assert one([p]).text == "The minister resigned on Friday."


def test_readers_mixed_utf8_and_cp1252_keeps_both_parts(tmp_path):
    p = tmp_path / "mixed.txt"
    part1 = "The caf\u00e9 on the square r\u00e9opened on Monday after the floods. "
    part2 = "Se\u00f1or M\u00fcller, who owns it, said the repairs took three months.\n"
    p.write_bytes(part1.encode() + part2.encode("cp1252"))
    assert one([p]).text == part1 + part2


def test_readers_directory_is_recursive_sorted_and_skips_hidden():
    top = str(DATA / "tree")
    docs = list(read_paths([top]))
    assert [d.source for d in docs] == [
        os.path.join(top, "a.txt"),
        os.path.join(top, "b"),
        os.path.join(top, "sub", "c.txt"),
    ]
    assert all(isinstance(d, RawDocument) and "skipped" not in d.text for d in docs)


def test_readers_directory_order_is_stable_across_runs():
    top = DATA / "tree"
    assert [d.source for d in read_paths([top])] == [d.source for d in read_paths([top])]


def test_readers_stdin_binary_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Stdin article text.\n")))
    doc = one(["-"])
    assert doc.source == "stdin" and doc.fmt == "txt" and doc.text == "Stdin article text.\n"


def test_readers_stdin_jsonl_is_sniffed(monkeypatch):
    data = b'{"text": "One."}\n{"text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = list(read_paths(["-"]))
    assert [(d.source, d.text) for d in docs] == [("stdin#1", "One."), ("stdin#2", "Two.")]


def test_readers_stdin_is_capped(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    err = one(["-"], max_bytes=1000)
    assert isinstance(err, FileError) and err.code == "E103" and err.source == "stdin"


def test_readers_stdin_gzip_is_unpacked(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(b"Zipped news."))))
    assert one(["-"]).text == "Zipped news."


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_readers_empty_file_is_an_error(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    err = one([p])
    assert isinstance(err, FileError)
    assert (err.code, err.stage, err.source) == ("E101", "read", str(p))
    assert "empty" in err.reason


@pytest.mark.parametrize(
    "name,content,kind",
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "PNG"),
        ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), "ZIP"),
        ("misnamed.txt", b"%PDF-1.4\nstream\n", "PDF"),
        ("blob", bytes(range(256)) * 4, "binary"),
    ],
)
def test_readers_binary_files_are_refused(tmp_path, name, content, kind):
    p = tmp_path / name
    p.write_bytes(content)
    err = one([p])
    assert isinstance(err, FileError) and err.code == "E102"
    assert kind in err.reason


def test_readers_too_large_file_is_refused_without_reading(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 400)
    err = one([p], max_bytes=1000)
    assert isinstance(err, FileError) and err.code == "E103"
    assert "2000" in err.reason and "1000" in err.reason


def test_readers_default_limit_is_50_mb(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # sparse: costs no disk
        fh.truncate(50 * 1024 * 1024 + 1)
    err = one([p])
    assert isinstance(err, FileError) and err.code == "E103"


def test_readers_undecodable_text_is_an_error_with_line(tmp_path):
    p = tmp_path / "bad.txt"
    # Valid ASCII lines, then high bytes that no charset makes words of.
    junk = bytes((i * 73 + 41) % 128 + 128 for i in range(300))
    p.write_bytes(b"line one\nline two\n" + junk)
    err = one([p])
    assert isinstance(err, FileError) and err.code == "E104"
    assert err.line is None and "line 3" in err.reason


def test_readers_missing_path_is_an_error_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kept.")
    items = list(read_paths([tmp_path / "missing.txt", good]))
    assert isinstance(items[0], FileError) and items[0].code == "E113"
    assert isinstance(items[1], RawDocument) and items[1].text == "Kept."


def test_readers_bad_files_in_directory_do_not_stop_the_batch(tmp_path):
    (tmp_path / "1.txt").write_text("First.")
    (tmp_path / "2.pdf").write_bytes(b"%PDF-1.4 junk")
    (tmp_path / "3.txt").write_bytes(b"")
    (tmp_path / "4.txt").write_text("Fourth.")
    items = list(read_paths([tmp_path]))
    assert [type(i).__name__ for i in items] == [
        "RawDocument", "FileError", "FileError", "RawDocument"]


def test_readers_unknown_json_field_is_a_config_error():
    with pytest.raises(ConfigError):
        read_paths([DATA], json_fields={"nonsense": "x"})


def test_readers_json_field_alias_and_bad_key():
    assert read_paths([DATA], json_fields={"date": "pubDate", "body": "content"}) is not None
    with pytest.raises(ConfigError, match="E903"):
        read_paths([DATA], json_fields={"text": 3})


def test_readers_non_positive_limit_is_a_config_error():
    with pytest.raises(ConfigError):
        read_paths([DATA], max_bytes=0)


def test_readers_seeds_are_read_as_five_text_articles():
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not found")
    docs = list(read_paths([seeds]))
    assert len(docs) == 5 and all(isinstance(d, RawDocument) and d.fmt == "txt" for d in docs)
    assert [d.source for d in docs] == sorted(d.source for d in docs)
    for d in docs:
        assert d.text == Path(d.source).read_text(encoding="utf-8")


def test_readers_txt_fast_path_calls_no_detector_or_extractor(monkeypatch, tmp_path):
    import charset_normalizer
    import trafilatura

    def forbidden(*a, **k):
        raise AssertionError("the UTF-8 .txt path must stay cheap")

    monkeypatch.setattr(charset_normalizer, "from_bytes", forbidden)
    monkeypatch.setattr(trafilatura, "bare_extraction", forbidden)
    p = tmp_path / "u.txt"
    p.write_text("Caf\u00e9 owners met the mayor on Monday.", encoding="utf-8")
    docs = list(read_paths([p, DATA / "article.txt", DATA / "tree"]))
    assert len(docs) == 5 and all(isinstance(d, RawDocument) for d in docs)
