"""Property tests: random and mutated bytes through every reader never crash or hang.

Every input must come back as RawDocument/FileError records. ``E119`` (an
unexpected exception inside a reader) counts as a failure: it is a bug the guard
hid. Crashes found here become regression cases in ``REGRESSIONS`` below.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import Errors
from storyline.ingest.readers import read_paths
from storyline.model import FileError, RawDocument

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
LONG = settings.default.max_examples >= 1000  # the `long` profile (make fuzz)
EXAMPLES = settings.default.max_examples if LONG else 50
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None if LONG else 5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
    derandomize=not LONG,  # the short run in `make test` is the same every time
)
EXTENSIONS = ["txt", "html", "htm", "json", "jsonl", "xml", "rss", "atom", "warc", "gz",
              "warc.gz", "jsonl.gz", ""]
SEEDS = sorted(p for p in DATA.iterdir() if p.is_file())
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FORMATS = {"txt", "html", "json", "rss", "warc"}
CODES = {name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name)}


def check(path: Path) -> list[RawDocument | FileError]:
    found = list(read_paths([path], max_bytes=1 << 20))
    assert found, "every input yields at least one record"
    for item in found:
        if isinstance(item, FileError):
            assert item.code in CODES and item.code != "E119", item
            assert item.reason and item.stage == "read"
            assert item.source.startswith(str(path))
        else:
            assert isinstance(item, RawDocument)
            assert item.text.strip() and item.fmt in FORMATS
            assert item.published is None or DATE.match(item.published)
            assert item.source.startswith(str(path))
    return found


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _write(workdir: Path, ext: str, data: bytes) -> Path:
    path = workdir / (f"input.{ext}" if ext else "input")
    if ext.endswith(".gz") or ext == "gz":
        data = gzip.compress(data) if data[:2] != b"\x1f\x8b" else data
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("ext", EXTENSIONS)
@FUZZ
@given(data=st.binary(max_size=4096))
def test_readers_fuzz_random_bytes(workdir, ext, data):
    check(_write(workdir, ext, data))


@st.composite
def mutated(draw):
    """A fixture file with a few random byte edits (flip, insert, delete, truncate)."""
    seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed.read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "dup"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        elif op == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return seed.name, bytes(data)


@FUZZ
@given(case=mutated())
def test_readers_fuzz_mutated_fixtures(workdir, case):
    name, data = case
    path = workdir / name
    path.write_bytes(data)
    check(path)


# Text-level structure the random bytes rarely reach: markup and JSON fragments.
_TOKENS = st.sampled_from([
    "<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>",
    "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>",
    "<description>", "</description>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>",
    "<content type='html'>", "&lt;p&gt;", "&amp;", "&#0;", "&#xFFFF;", '{"text": "', '"}',
    "[", "]", "{", "}", ",", "\n", '"date": "2020-01-04"', "WARC/1.0\r\n", "\r\n\r\n", "\x00",
    "\ufeff", "\u202e", "café", "Officials said on Monday.",
])


@pytest.mark.parametrize("ext", ["html", "json", "jsonl", "rss", ""])
@FUZZ
@given(parts=st.lists(_TOKENS, max_size=60))
def test_readers_fuzz_structured_fragments(workdir, ext, parts):
    check(_write(workdir, ext, "".join(parts).encode("utf-8", "surrogatepass")))


# Inputs that once crashed or hung a reader (or might easily): kept as regressions.
REGRESSIONS = [
    ("json", b"[" * 50_000),
    ("jsonl", b'{"text": 1e999999}\n{"text": "ok."}'),
    ("json", b'{"text": "x", "date": 1e308}'),
    ("json", b'{"text": "x", "date": -1}'),
    ("json", b'{"text": "x", "date": "0000-00-00"}'),
    ("json", b'{"text": "x", "date": "Sat, 99 Foo 2020 99:99:99"}'),
    ("rss", b"<rss><channel><item><description>&#0;</description></item></channel></rss>"),
    ("html", b"<html><body>" + b"<table><tr><td>" * 3000 + b"cell"),
    ("html", b"<?xml version='1.0' encoding='utf-16'?><html><body><p>Hi</p></body></html>"),
    ("warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\n"),
    ("gz", b"\x1f\x8b\x08\x00" + b"\x00" * 20),
    ("txt", "\ufeff".encode() * 10),
    # Found by the long run:
    ("jsonl", b"\xef\xbb\xbf"),  # a lone BOM yielded nothing
    ("json", b"[]"),  # an empty list yielded nothing
    ("html", b"&#xFFFF;<script></script>]]>"),  # lxml refused to edit a U+FFFF text node
    ("atom", b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">'
             b"&lt;p&gt\x01;Text.&lt;/p&gt;</content></entry></feed>"),  # control char
    ("jsonl", b"\xef\xbb\xbf\n\n  \n\xe2\x80\xa8"),
    ("", b"\xff\xfe" + b"\x00\xd8" * 50),  # UTF-16 BOM then lone surrogates
]


@pytest.mark.parametrize("ext,data", REGRESSIONS)
def test_readers_fuzz_regressions(tmp_path, ext, data):
    path = tmp_path / (f"input.{ext}" if ext else "input")
    path.write_bytes(data)
    check(path)


def test_readers_fuzz_atheris_target_runs_clean(tmp_path):
    """The coverage-guided target, briefly in `make test` and for two minutes in `make fuzz`."""
    pytest.importorskip("atheris")
    seconds = 120 if LONG else 8
    target = Path(__file__).with_name("atheris_readers.py")
    run = subprocess.run(
        [sys.executable, str(target), f"-max_total_time={seconds}", "-rss_limit_mb=3072"],
        cwd=tmp_path, capture_output=True, text=True, timeout=seconds + 180,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert "Done" in run.stderr
