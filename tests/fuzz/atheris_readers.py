"""Coverage-guided fuzz target (atheris/libFuzzer) for every reader.

Run standalone, always with a bound::

    .venv/bin/python tests/fuzz/atheris_readers.py -max_total_time=60 [CORPUS_DIR]

The first input byte picks the file extension (so each reader's dispatch is
reached), the rest is the file content. Any exception escaping ``read_bytes``
other than ``ReadError`` is a crash, and so is an ``E119`` record (an unexpected
exception the guard turned into an error). Seed corpus: tests/data/readers.
Crashes are written by libFuzzer as ``crash-*`` files in the working folder; turn each into a case in
``REGRESSIONS`` in test_readers_fuzz.py.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["storyline"]):
    from storyline.errors import ReadError
    from storyline.ingest.read_common import ReadOptions
    from storyline.ingest.readers import read_bytes

EXTENSIONS = ["txt", "html", "json", "jsonl", "xml", "rss", "atom", "warc", "gz", "warc.gz",
              "jsonl.gz", ""]
OPTIONS = ReadOptions(max_bytes=1 << 20)
logging.disable(logging.CRITICAL)  # trafilatura warns on every junk page


def test_one_input(data: bytes) -> None:
    if not data:
        return
    ext = EXTENSIONS[data[0] % len(EXTENSIONS)]
    name = f"fuzz.{ext}" if ext else "fuzz"
    try:
        for item in read_bytes(data[1:], "fuzz", name, OPTIONS):
            if getattr(item, "code", None) == "E119":
                raise RuntimeError(f"reader bug hidden as E119: {item.reason}")
    except ReadError:
        pass  # a whole-file error record: the expected outcome for junk


def main() -> None:
    args = list(sys.argv)
    if not any(a.startswith(("-max_total_time", "-runs")) for a in args):
        args.append("-max_total_time=60")  # never unbounded by accident
    if not any(not a.startswith("-") for a in args[1:]):
        # libFuzzer writes new inputs into the first corpus folder: seed a scratch copy,
        # never the fixtures.
        corpus = tempfile.mkdtemp(prefix="storyline-fuzz-")
        seeds = Path(__file__).resolve().parents[1] / "data" / "readers"
        for p in seeds.iterdir() if seeds.is_dir() else ():
            if p.is_file():
                shutil.copy(p, corpus)
        args.append(corpus)
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
